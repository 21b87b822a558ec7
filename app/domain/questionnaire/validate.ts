// Answer validation: what an answer of each type may be (numbers in the reader's format, dates,
// option keys, file ids), as a result with a message key, never thrown.
// Pure module: no node, kysely, remix or react imports.
import { EVIDENCE_LIMITS, NA, TEXT_MAX_LENGTH, type AnswerValue, type Question } from "./types";

// ---------------------------------------------------------------------------------------------
// Validation

export type ValidationParams = Readonly<Record<string, string | number>>;

export type ValidationResult = { ok: true; value: AnswerValue } | { ok: false; messageKey: string; params: ValidationParams };

export interface ValidateOptions {
  /**
   * Autosave of a draft: an empty answer to a required question is accepted (as null) instead of
   * failing with "ui.validation.required"; submission checks required answers with completeness().
   */
  draft?: boolean;
}

const fail = (messageKey: string, params: ValidationParams = {}): ValidationResult => ({ ok: false, messageKey, params });
const ok = (value: AnswerValue): ValidationResult => ({ ok: true, value });

// C0 and C1 control characters except tab and line feed (carriage returns are normalised first).
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const DECIMAL = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const FILE_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const DATE_MIN = "1900-01-01";
export const DATE_MAX = "2100-12-31";

function isEmptyInput(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === "string" && value.trim() === "") ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** "12", "12.5", "12,5" (comma decimals, as typed in es/fr) or a number → a finite number; otherwise null. */
export function parseNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const s = value.trim();
  if (!DECIMAL.test(s)) return null;
  const n = Number(s.replace(",", "."));
  return Number.isFinite(n) ? n : null;
}

/** Whether "yyyy-mm-dd" names a real calendar day. */
export function isValidIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  return d <= days;
}

/** The numeric bounds of a number/percent question (percent is always within 0..100). */
export function numericBounds(question: Question): { min?: number; max?: number } {
  if (question.type === "percent") return { min: Math.max(0, question.min ?? 0), max: Math.min(100, question.max ?? 100) };
  if (question.type === "number") return { min: question.min, max: question.max };
  return {};
}

/**
 * Validates and normalises one answer as received from a form or JSON: trims text, accepts
 * numeric strings (with "." or "," decimals) and booleans for yes/no, orders multi choices as in
 * the template. Returns the value to store (null = cleared) or a catalogue message key with params.
 */
export function validateAnswer(question: Question, value: unknown, options: ValidateOptions = {}): ValidationResult {
  if (isEmptyInput(value)) {
    if (!question.required || options.draft) return ok(null);
    if (question.type === "multi") return fail("ui.validation.choose_at_least_one");
    if (question.type === "evidence") return fail("ui.validation.files_required");
    return fail("ui.validation.required");
  }
  if (value === NA) {
    if (question.allowNa) return ok(NA);
    // A text answer may legitimately be the letters "na".
    if (question.type !== "text") return fail("ui.validation.na_not_allowed");
  }

  switch (question.type) {
    case "yes_no":
      if (value === true || value === "yes") return ok("yes");
      if (value === false || value === "no") return ok("no");
      return fail("ui.validation.yes_no");

    case "single":
      if (typeof value !== "string") return fail("ui.validation.choose_one");
      return question.options.some((o) => o.key === value) ? ok(value) : fail("ui.validation.unknown_option");

    case "multi": {
      const list = typeof value === "string" ? [value] : value;
      if (!Array.isArray(list) || !list.every((v): v is string => typeof v === "string")) {
        return fail("ui.validation.choose_at_least_one");
      }
      const picked = new Set(list);
      if ([...picked].some((k) => !question.options.some((o) => o.key === k))) return fail("ui.validation.unknown_option");
      if (picked.size > 1 && question.options.some((o) => o.exclusive && picked.has(o.key))) {
        return fail("ui.validation.exclusive_option");
      }
      return ok(question.options.filter((o) => picked.has(o.key)).map((o) => o.key));
    }

    case "number":
    case "percent": {
      const n = parseNumber(value);
      if (n === null) return fail("ui.validation.not_a_number");
      if (question.integer && !Number.isInteger(n)) return fail("ui.validation.whole_number");
      const { min, max } = numericBounds(question);
      if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
        if (question.type === "percent") return fail("ui.validation.percent_between", { min: min ?? 0, max: max ?? 100 });
        if (min !== undefined && max !== undefined) return fail("ui.validation.number_between", { min, max });
        if (min !== undefined) return fail("ui.validation.number_min", { min });
        return fail("ui.validation.number_max", { max: max ?? 0 });
      }
      return ok(n === 0 ? 0 : n); // no -0
    }

    case "text": {
      if (typeof value !== "string") return fail("ui.validation.text_invalid");
      const text = value.replace(/\r\n?/g, "\n").normalize("NFC").trim();
      if (CONTROL_CHARS.test(text)) return fail("ui.validation.text_invalid");
      const max = Math.min(question.maxLength ?? TEXT_MAX_LENGTH, TEXT_MAX_LENGTH);
      // Count code points, not UTF-16 units, so Chinese and emoji count as one character each.
      if ([...text].length > max) return fail("ui.validation.text_too_long", { max });
      return ok(text);
    }

    case "date": {
      if (typeof value !== "string" || !ISO_DATE.test(value.trim())) return fail("ui.validation.date_format");
      const d = value.trim();
      if (!isValidIsoDate(d)) return fail("ui.validation.date_invalid");
      if (d < DATE_MIN || d > DATE_MAX) return fail("ui.validation.date_range", { min: DATE_MIN, max: DATE_MAX });
      return ok(d);
    }

    case "evidence": {
      if (!Array.isArray(value) || !value.every((v): v is string => typeof v === "string" && FILE_ID.test(v))) {
        return fail("ui.validation.files_invalid");
      }
      const ids = [...new Set(value)];
      if (ids.length > EVIDENCE_LIMITS.maxFilesPerQuestion) {
        return fail("ui.validation.too_many_files", { max: EVIDENCE_LIMITS.maxFilesPerQuestion });
      }
      return ok(ids);
    }
  }
}
