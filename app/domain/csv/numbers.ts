// Numbers and identifiers as suppliers' files write them: coordinates, amounts with either decimal
// mark and any thousands grouping ("1.200.000,50", "12,34,567", "1'200.5"), and LEI check digits.
// Pure module.
import type { CsvRow } from "./parse";

const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;
const SCIENTIFIC = /^\d+(?:\.\d+)?[eE][+-]?\d+$/;
const DIGITS = /^\d+$/;
const GROUPING_CHARS = /[\s\u00a0\u202f\u2009'’]/g;
const HAS_GROUPING_CHAR = /[\s\u00a0\u202f\u2009'’]/;
const COORDINATE = /^[+-]?\d{1,3}(?:[.,]\d+)?$/;

/** "10.7626", "-33,86", "+151" → number within ±limit; NaN otherwise (no thousands separators here). */
export function parseCoordinate(raw: string, limit: number): number {
  if (!COORDINATE.test(raw)) return NaN;
  const n = Number(raw.indexOf(",") === -1 ? raw : raw.replace(",", "."));
  return n >= -limit && n <= limit ? n : NaN;
}

export type DecimalMark = "." | "," | null;

/**
 * The decimal mark a column uses, from its unambiguous values: both separators ("1.200,50": the
 * last one), a separator repeated ("1.200.000": the other one), or one separator not followed by
 * exactly three digits ("0,5", "12.75"). Majority wins; null when no value tells.
 */
export function decimalMarkOf(rows: readonly CsvRow[], col: number): DecimalMark {
  if (col < 0) return null;
  let dot = 0;
  let comma = 0;
  for (let r = 0; r < rows.length; r++) {
    const v = (rows[r] as CsvRow).cells[col];
    if (v === undefined || v === "") continue;
    const d = v.lastIndexOf(".");
    const k = v.lastIndexOf(",");
    if (d < 0 && k < 0) continue;
    if (d >= 0 && k >= 0) {
      if (d > k) dot++;
      else comma++;
      continue;
    }
    const sep = d >= 0 ? "." : ",";
    const at = d >= 0 ? d : k;
    if (v.indexOf(sep) !== at) {
      // Repeated: a thousands separator, so the other one is the decimal mark.
      if (sep === ".") comma++;
      else dot++;
      continue;
    }
    if (isAmbiguous(v, at)) continue;
    if (sep === ".") dot++;
    else comma++;
  }
  if (dot === comma) return null;
  return dot > comma ? "." : ",";
}

/** One separator at `at` with exactly three digits after it and a 1–3 digit, non-zero integer part. */
function isAmbiguous(v: string, at: number): boolean {
  const frac = v.length - at - 1;
  if (frac !== 3) return false;
  let start = 0;
  const first = v.charCodeAt(0);
  if (first === 45 || first === 43) start = 1;
  const intLen = at - start;
  if (intLen < 1 || intLen > 3) return false;
  return !(intLen === 1 && v.charCodeAt(start) === 48);
}

/**
 * "1200", "1,200,000.50", "1.200.000,50", "1 200 000", "1'200.5", "12,5", "1.2E+06", "-5" → number;
 * anything else → NaN. Thousands groups must be well-formed (3 digits; Indian 2-digit groups such as
 * "12,34,567" are accepted too). `decimalHint` (a value, or a function called
 * only when needed) settles "1,200" / "1.200" (see decimalMarkOf).
 */
export function parseNumber(raw: string, decimalHint: DecimalMark | (() => DecimalMark) = null): number {
  let s = raw;
  if (HAS_GROUPING_CHAR.test(s)) s = s.replace(GROUPING_CHARS, "");
  let sign = 1;
  const first = s.charCodeAt(0);
  if (first === 45 || first === 43) {
    if (first === 45) sign = -1;
    s = s.slice(1);
  }
  if (PLAIN_NUMBER.test(s)) {
    // "1200" or "1200.50"; "1.200" only when the column says "." is its decimal mark.
    const at = s.indexOf(".");
    if (at < 0 || !isAmbiguous(s, at) || hint(decimalHint) === ".") return sign * Number(s);
  }
  if (SCIENTIFIC.test(s)) return sign * Number(s);
  const d = s.lastIndexOf(".");
  const k = s.lastIndexOf(",");
  let decimal: "." | "," | null;
  if (d >= 0 && k >= 0) decimal = d > k ? "." : ",";
  else if (d < 0 && k < 0) return NaN;
  else {
    const sep = d >= 0 ? "." : ",";
    const at = d >= 0 ? d : k;
    if (s.indexOf(sep) !== at)
      decimal = null; // repeated: thousands only
    else if (isAmbiguous(s, at)) decimal = hint(decimalHint) === sep ? sep : null;
    else decimal = sep;
  }
  let intPart = s;
  let fracPart = "";
  if (decimal !== null) {
    const at = s.lastIndexOf(decimal);
    intPart = s.slice(0, at);
    fracPart = s.slice(at + 1);
    if (!DIGITS.test(fracPart)) return NaN;
    if (intPart === "") intPart = "0";
  }
  const thousands = decimal === "." ? "," : decimal === "," ? "." : d >= 0 ? "." : ",";
  const digits = groupedDigits(intPart, thousands);
  if (digits === null) return NaN;
  return sign * Number(fracPart === "" ? digits : `${digits}.${fracPart}`);
}

function hint(h: DecimalMark | (() => DecimalMark)): DecimalMark {
  return typeof h === "function" ? h() : h;
}

/** "1,200,000" → "1200000"; null unless groups are 3 digits (or Indian: 2-digit groups, last one 3). */
function groupedDigits(intPart: string, sep: string): string | null {
  if (DIGITS.test(intPart)) return intPart;
  const groups = intPart.split(sep);
  const head = groups[0] as string;
  if (!DIGITS.test(head) || head.length > 3) return null;
  const last = groups.length - 1;
  let western = head.length <= 3;
  // Indian grouping (lakh, crore) is written with commas only.
  let indian = sep === "," && head.length <= 2;
  for (let i = 1; i <= last; i++) {
    const g = groups[i] as string;
    if (!DIGITS.test(g)) return null;
    if (g.length !== 3) western = false;
    if (i < last ? g.length !== 2 : g.length !== 3) indian = false;
  }
  if (head === "0" || (!western && !indian)) return null;
  return groups.join("");
}

/** ISO 17442 check digits (ISO 7064 MOD 97-10): the LEI read as a base-36 number mod 97 is 1. */
export function leiChecksumOk(lei: string): boolean {
  let rem = 0;
  for (let i = 0; i < lei.length; i++) {
    const ch = lei.charCodeAt(i);
    const v = ch >= 65 ? ch - 55 : ch - 48;
    rem = v >= 10 ? (rem * 100 + v) % 97 : (rem * 10 + v) % 97;
  }
  return rem === 1;
}
