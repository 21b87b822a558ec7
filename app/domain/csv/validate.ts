// Parsed CSV rows + column mapping → typed import rows, row errors and row warnings.
// Pure module: no node, kysely or remix imports.
//
// Every cell is checked before anything is written; one row can yield several errors. The hot loop
// is hand-written (no zod, regexes compiled once, per-value caches for countries and goods) because
// a 100,000-row import must validate in well under 300 ms.
//
// Decisions the importer relies on:
// - Empty cell → null (goods / supplies_to → []); an empty or unmapped status → "active".
// - A cell that our own export neutralised ("'=SUM(…)", "'-Acme") loses the leading apostrophe,
//   so export → import is lossless.
// - Row key = external_ref, or `n:<normalised name>|<iso2>` when the row has no reference.
//   A key seen again: identical values → a warning and the repeat is dropped; different values → an error.
// - supplies_to is checked only for the row's own reference; existence and cycles are the
//   service's job (they need the database).
// - Numbers: see parseNumber. Ambiguous "1,200" / "1.200" (one separator, three digits after it)
//   is read as a thousands separator unless other values in the same column show that this
//   separator is the decimal mark there ("0,5", "12,75", "1.200,50").

import { normalizeName } from "../supply-chain/normalize";
import type { CountryResolver } from "./countries";
import { changedFields } from "./diff";
import { SUPPLIER_FIELDS, fieldByKey, type FieldKey, type SupplierStatus } from "./fields";
import { validateMapping } from "./mapping";
import type { CsvRow } from "./parse";

export interface RowIssue {
  /** Line of the file (0: the mapping / the file as a whole). */
  line: number;
  /** The file's header text for the cell, or the field label when the file has no such column. */
  column: string;
  field?: FieldKey;
  message: string;
}

export interface ImportRow {
  line: number;
  /** external_ref, or `n:${nameNorm}|${country}` when there is no reference. Unique in `rows`. */
  key: string;
  externalRef: string | null;
  name: string;
  nameNorm: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  address: string | null;
  city: string | null;
  sector: string | null;
  /** Canonical TVPRA spelling when the good is on the list, otherwise as typed. */
  goods: string[];
  annualSpend: number | null;
  /** ISO 4217, upper case. */
  currency: string | null;
  workersCount: number | null;
  contactName: string | null;
  contactEmail: string | null;
  osId: string | null;
  /** 9 digits, dashes removed. */
  duns: string | null;
  /** 20 characters, upper case. */
  lei: string | null;
  taxId: string | null;
  notes: string | null;
  status: SupplierStatus;
  /** External references of the buyers this supplier sells to; [] = the organization itself. */
  suppliesTo: string[];
}

export interface ValidationContext {
  resolveCountry: CountryResolver;
  /** normalizeName(good) → canonical TVPRA spelling. */
  goodsIndex: ReadonlyMap<string, string>;
}

export interface ValidationResult {
  /** Valid rows, repeats removed, in file order. */
  rows: ImportRow[];
  errors: RowIssue[];
  warnings: RowIssue[];
  /** The fields the file maps, in SUPPLIER_FIELDS order: the importer updates only these on existing suppliers. */
  mappedFields: FieldKey[];
}

const MAX_LIST_ITEMS = 100;
const MAX_SPEND = 1e15;
const MAX_WORKERS = 10_000_000;

const LIST_SPLIT = /[|;]/;
const EMAIL = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\]{2,}$/;
const CURRENCY = /^[A-Za-z]{3}$/;
const OS_ID = /^[A-Za-z0-9]{6,32}$/;
const DUNS_SEPARATORS = /[-\s]/g;
const DUNS = /^\d{9}$/;
const LEI_SPACES = /\s/g;
const LEI = /^[A-Z0-9]{18}\d{2}$/;
const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;
const SCIENTIFIC = /^\d+(?:\.\d+)?[eE][+-]?\d+$/;
const DIGITS = /^\d+$/;
const GROUPING_CHARS = /[\s\u00a0\u202f\u2009'’]/g;
const HAS_GROUPING_CHAR = /[\s\u00a0\u202f\u2009'’]/;
const REF_FORBIDDEN = /[|;]/;
// Full-width = + - @, which serialize.ts neutralises too.
const FULLWIDTH_FORMULA = new Set([0xff1d, 0xff0b, 0xff0d, 0xff20]);

// Longest text per field, from fields.ts (read as MAX.name etc.: constant property loads in the hot loop).
const MAX = {} as Record<FieldKey, number>;
for (const f of SUPPLIER_FIELDS) MAX[f.key] = "maxLength" in f ? f.maxLength : Infinity;

type Col = number; // column index, -1 when the field is not mapped

export function validateSupplierRows(
  rows: readonly CsvRow[],
  headers: readonly string[],
  mapping: ReadonlyArray<FieldKey | null>,
  ctx: ValidationContext,
): ValidationResult {
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const mappedFields = SUPPLIER_FIELDS.map((f) => f.key).filter((k) => mapping.includes(k));

  const problems = validateMapping(headers, mapping);
  if (problems.length > 0) {
    for (const p of problems) {
      const column = p.column !== undefined ? (headers[p.column] ?? `column ${p.column + 1}`) : p.field ? fieldByKey(p.field).label : "";
      errors.push({ line: 0, column, ...(p.field ? { field: p.field } : {}), message: p.message });
    }
    return { rows: [], errors, warnings, mappedFields };
  }

  const col = (key: FieldKey): Col => mapping.indexOf(key);
  const c = {
    external_ref: col("external_ref"),
    name: col("name"),
    country: col("country"),
    address: col("address"),
    city: col("city"),
    sector: col("sector"),
    goods: col("goods"),
    annual_spend: col("annual_spend"),
    currency: col("currency"),
    workers_count: col("workers_count"),
    contact_name: col("contact_name"),
    contact_email: col("contact_email"),
    os_id: col("os_id"),
    duns: col("duns"),
    lei: col("lei"),
    tax_id: col("tax_id"),
    notes: col("notes"),
    status: col("status"),
    supplies_to: col("supplies_to"),
  } satisfies Record<FieldKey, Col>;
  const columnName = (key: FieldKey): string => {
    const i = c[key];
    return i >= 0 ? (headers[i] as string) : fieldByKey(key).label;
  };
  const names = {} as Record<FieldKey, string>;
  for (const f of SUPPLIER_FIELDS) names[f.key] = columnName(f.key);

  // The decimal mark of a number column is only worked out when a value needs it ("1,200").
  let spendMark: DecimalMark | undefined;
  let workersMark: DecimalMark | undefined;
  const spendDecimal = () => (spendMark === undefined ? (spendMark = decimalMarkOf(rows, c.annual_spend)) : spendMark);
  const workersDecimal = () => (workersMark === undefined ? (workersMark = decimalMarkOf(rows, c.workers_count)) : workersMark);
  const goodsCache = new Map<string, ParsedGoods>();

  const out: ImportRow[] = [];
  // Key → its first row: the ImportRow when valid, else the index of the CsvRow (to compare cells).
  const seen = new Map<string, ImportRow | number>();
  const width = headers.length;

  // Per-row state read by the helpers below (created once, not per row: 100,000 rows).
  let line = 0;
  let cells: string[] = [];
  const err = (field: FieldKey, message: string) => {
    errors.push({ line, column: names[field], field, message });
  };
  const cell = (i: Col): string => {
    if (i < 0) return "";
    const v = cells[i] as string;
    // Undo our own formula neutralisation (serialize.ts): "'=x" → "=x".
    if (v.charCodeAt(0) === 39 && v.length > 1) {
      const n = v.charCodeAt(1);
      if (n === 61 || n === 43 || n === 45 || n === 64 || n === 9 || n === 13 || (n >= 0xff0b && FULLWIDTH_FORMULA.has(n))) return v.slice(1);
    }
    return v;
  };
  const text = (field: FieldKey, i: Col, max: number): string | null => {
    const v = cell(i);
    if (v === "") return null;
    if (v.length > max) {
      err(field, `${field} is too long (${v.length} characters, at most ${max})`);
      return null;
    }
    return v;
  };

  for (let r = 0; r < rows.length; r++) {
    const csvRow = rows[r] as CsvRow;
    line = csvRow.line;
    cells = csvRow.cells;
    if (csvRow.columnCount !== undefined) {
      const hint = csvRow.columnCount > width ? " (a cell that contains the delimiter must be in quotes)" : "";
      errors.push({ line, column: "Row", message: `line ${line} has ${csvRow.columnCount} columns, the header has ${width}${hint}` });
      continue;
    }
    const errorsBefore = errors.length;

    // Reference
    let externalRef = text("external_ref", c.external_ref, MAX.external_ref);
    if (externalRef !== null && REF_FORBIDDEN.test(externalRef)) {
      err("external_ref", `external_ref must not contain "|" or ";" (they separate references in supplies_to), got '${show(externalRef)}'`);
      externalRef = null;
    }

    // Name
    const name = text("name", c.name, MAX.name);
    let nameNorm = "";
    if (name === null) {
      if (cell(c.name) === "") err("name", "name is required");
    } else {
      nameNorm = normalizeName(name);
      if (nameNorm === "") err("name", `name must contain letters or digits, got '${show(name)}'`);
    }

    // Country
    const countryCell = cell(c.country);
    let country: string | null = null;
    if (countryCell === "") err("country", "country is required");
    else {
      country = ctx.resolveCountry(countryCell);
      if (country === null) err("country", `country '${show(countryCell)}' is not a known country or ISO code`);
    }

    const address = text("address", c.address, MAX.address);
    const city = text("city", c.city, MAX.city);
    const sector = text("sector", c.sector, MAX.sector);

    // Goods
    let goods: string[] = [];
    const goodsCell = cell(c.goods);
    if (goodsCell !== "") {
      let parsed = goodsCache.get(goodsCell);
      if (parsed === undefined) {
        parsed = parseGoods(goodsCell, ctx.goodsIndex);
        if (goodsCache.size < 50_000) goodsCache.set(goodsCell, parsed);
      }
      if (parsed.error !== null) err("goods", parsed.error);
      else {
        goods = parsed.goods;
        for (const u of parsed.unknown) {
          warnings.push({ line, column: names.goods, field: "goods", message: `goods '${show(u)}' is not on the TVPRA list; kept as typed` });
        }
      }
    }

    // Spend and currency
    let annualSpend: number | null = null;
    const spendCell = cell(c.annual_spend);
    if (spendCell !== "") {
      const n = parseNumber(spendCell, spendDecimal);
      if (Number.isNaN(n) || n < 0 || n > MAX_SPEND) {
        err("annual_spend", `annual_spend must be a number ≥ 0 (e.g. 1200000.50, 1,200,000.50 or 1.200.000,50), got '${show(spendCell)}'`);
      } else annualSpend = n;
    }
    let currency: string | null = null;
    const currencyCell = cell(c.currency);
    if (currencyCell !== "") {
      if (CURRENCY.test(currencyCell)) currency = currencyCell.toUpperCase();
      else err("currency", `currency must be a three-letter ISO 4217 code such as USD or EUR, got '${show(currencyCell)}'`);
    }

    // Workers
    let workersCount: number | null = null;
    const workersCell = cell(c.workers_count);
    if (workersCell !== "") {
      const n = parseNumber(workersCell, workersDecimal);
      if (!Number.isInteger(n) || n < 0 || n > MAX_WORKERS) {
        err("workers_count", `workers_count must be a whole number ≥ 0, got '${show(workersCell)}'`);
      } else workersCount = n;
    }

    const contactName = text("contact_name", c.contact_name, MAX.contact_name);
    let contactEmail = text("contact_email", c.contact_email, MAX.contact_email);
    if (contactEmail !== null && !EMAIL.test(contactEmail)) {
      err("contact_email", `contact_email is not an e-mail address, got '${show(contactEmail)}'`);
      contactEmail = null;
    }

    // Identifiers
    let osId: string | null = null;
    const osCell = cell(c.os_id);
    if (osCell !== "") {
      if (OS_ID.test(osCell)) osId = osCell.toUpperCase();
      else err("os_id", `os_id must be 6 to 32 letters and digits (e.g. CN2019303BQ3FQV), got '${show(osCell)}'`);
    }
    let duns: string | null = null;
    const dunsCell = cell(c.duns);
    if (dunsCell !== "") {
      const d = dunsCell.replace(DUNS_SEPARATORS, "");
      if (DUNS.test(d)) duns = d;
      else err("duns", `duns must be 9 digits (dashes allowed), got '${show(dunsCell)}'`);
    }
    let lei: string | null = null;
    const leiCell = cell(c.lei);
    if (leiCell !== "") {
      const l = leiCell.replace(LEI_SPACES, "").toUpperCase();
      if (!LEI.test(l)) err("lei", `lei must be 20 letters and digits, got '${show(leiCell)}'`);
      else if (!leiChecksumOk(l)) err("lei", `lei '${show(leiCell)}' has wrong check digits (a typo?)`);
      else lei = l;
    }
    const taxId = text("tax_id", c.tax_id, MAX.tax_id);
    const notes = text("notes", c.notes, MAX.notes);

    // Status
    let status: SupplierStatus = "active";
    const statusCell = cell(c.status);
    if (statusCell !== "") {
      const s = statusCell.toLowerCase();
      if (s === "active" || s === "inactive" || s === "archived") status = s;
      else err("status", `status must be active, inactive or archived, got '${show(statusCell)}'`);
    }

    // Supplies to
    let suppliesTo: string[] = [];
    const suppliesCell = cell(c.supplies_to);
    if (suppliesCell !== "") {
      const refs = splitList(suppliesCell);
      if (refs.length > MAX_LIST_ITEMS) err("supplies_to", `supplies_to lists ${refs.length} references; at most ${MAX_LIST_ITEMS}`);
      else {
        const tooLong = refs.find((x) => x.length > 100);
        if (tooLong !== undefined) err("supplies_to", `supplies_to reference '${show(tooLong)}' is too long (at most 100 characters)`);
        else if (externalRef !== null && refs.includes(externalRef)) {
          err("supplies_to", `supplies_to names the supplier's own reference '${show(externalRef)}'`);
        } else suppliesTo = refs;
      }
    }

    const valid = errors.length === errorsBefore;
    const key = externalRef !== null ? externalRef : nameNorm !== "" && country !== null ? `n:${nameNorm}|${country}` : null;
    const row: ImportRow | null = valid
      ? {
          line,
          key: key as string,
          externalRef,
          name: name as string,
          nameNorm,
          country: country as string,
          address,
          city,
          sector,
          goods,
          annualSpend,
          currency,
          workersCount,
          contactName,
          contactEmail,
          osId,
          duns,
          lei,
          taxId,
          notes,
          status,
          suppliesTo,
        }
      : null;
    if (key === null) continue;
    const prev = seen.get(key);
    if (prev === undefined) {
      seen.set(key, row ?? r);
      if (row !== null) out.push(row);
      continue;
    }
    // The same cells always validate the same way, so a valid and an invalid row always differ.
    let prevLine: number;
    let differing: FieldKey[] | null; // null: they differ, but not field by field
    if (typeof prev === "number") {
      const prevCsv = rows[prev] as CsvRow;
      prevLine = prevCsv.line;
      differing = row === null && sameCells(prevCsv.cells, cells) ? [] : null;
    } else {
      prevLine = prev.line;
      differing = row !== null ? changedFields(prev, row) : null;
    }
    if (differing !== null && differing.length === 0) {
      warnings.push({ line, column: "Row", message: `line ${line} repeats line ${prevLine}; imported once` });
      continue;
    }
    const what = differing === null ? "" : ` (${differing.join(", ")})`;
    if (externalRef !== null) {
      errors.push({
        line,
        column: names.external_ref,
        field: "external_ref",
        message: `reference ${externalRef} also appears on line ${prevLine} with different values${what}`,
      });
    } else {
      errors.push({
        line,
        column: names.name,
        field: "name",
        message: `supplier '${show(name)}' (${country}) also appears on line ${prevLine} with different values${what}; give each a reference (external_ref) to import both`,
      });
    }
  }
  return { rows: out, errors, warnings, mappedFields };
}

/** A cell value quoted in a message: long values are cut so one bad cell cannot flood the preview. */
function show(v: string | null): string {
  if (v === null) return "";
  return v.length > 60 ? `${v.slice(0, 57)}…` : v;
}

function sameCells(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** "a | b;c" → ["a", "b", "c"]: trimmed, empties dropped, first spelling of each kept. */
function splitList(v: string): string[] {
  const semicolon = v.indexOf(";") !== -1;
  if (!semicolon && v.indexOf("|") === -1) return [v];
  const out: string[] = [];
  // A one-character string separator takes V8's fast split path; the regex only when ";" is used.
  for (const part of semicolon ? v.split(LIST_SPLIT) : v.split("|")) {
    const p = part.trim();
    if (p !== "" && !out.includes(p)) out.push(p);
  }
  return out;
}

interface ParsedGoods {
  goods: string[];
  unknown: string[];
  error: string | null;
}

function parseGoods(v: string, index: ReadonlyMap<string, string>): ParsedGoods {
  const items = splitList(v);
  if (items.length > MAX_LIST_ITEMS) return { goods: [], unknown: [], error: `goods lists ${items.length} items; at most ${MAX_LIST_ITEMS}` };
  const goods: string[] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (item.length > 200) return { goods: [], unknown: [], error: `goods '${show(item)}' is too long (at most 200 characters)` };
    const norm = normalizeName(item);
    const canonical = index.get(norm);
    const good = canonical ?? item;
    const dedupe = norm === "" ? item : norm;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    goods.push(good);
    if (canonical === undefined) unknown.push(item);
  }
  return { goods, unknown, error: null };
}

// ---------------------------------------------------------------------------------------------
// Numbers

type DecimalMark = "." | "," | null;

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
    if (s.indexOf(sep) !== at) decimal = null; // repeated: thousands only
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

// ---------------------------------------------------------------------------------------------
// Identifiers

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
