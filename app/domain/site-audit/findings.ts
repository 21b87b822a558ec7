// Audit findings: what one touches (an ILO indicator or an Athens principle), reading a findings file's
// rows (CSV or XLSX, already turned into header + cells) with an error per bad cell, the corrective
// action a finding opens, and the rule that keeps a wage or hours action from "verified" until two
// calendar months of new records are attached.
// Pure module: no node, kysely, remix or react imports.
import { FLAG_INDICATORS, PRINCIPLES, isFlagIndicator, type FlagIndicator, type Principle } from "~/domain/questionnaire/types";
import { INDICATOR_LABELS } from "~/domain/risk/labels";
import { mapSeverity, severityWords, type AuditStandard, type FindingSeverity } from "./standards";

export const FINDING_LIMITS = Object.freeze({ description: 2000, recommendation: 2000, severityLabel: 40, maxRows: 500 });

/** One finding as typed or read from a file. */
export interface FindingInput {
  description: string;
  severityLabel: string;
  severity: FindingSeverity;
  indicator: FlagIndicator | null;
  principle: Principle | null;
  recommendation: string | null;
}

export interface FindingRowError {
  /** The row's line in the file (the header is line 1). */
  row: number;
  field: string;
  message: string;
}

/** The columns of the template, in order. */
export const FINDING_COLUMNS = ["description", "severity", "touches", "recommended_fix"] as const;

/** "excessive overtime", "excessive_overtime", "Excessive Overtime" → the indicator; "P5" → the principle. */
export function readTouches(cell: string): { indicator: FlagIndicator | null; principle: Principle | null } | null {
  const v = cell.trim();
  const p = v.toUpperCase();
  if ((PRINCIPLES as readonly string[]).includes(p)) return { indicator: null, principle: p as Principle };
  const key = v.toLowerCase().replace(/[\s-]+/g, "_");
  if (isFlagIndicator(key)) return { indicator: key, principle: null };
  const byLabel = FLAG_INDICATORS.find((i) => INDICATOR_LABELS[i].toLowerCase() === v.toLowerCase());
  return byLabel ? { indicator: byLabel, principle: null } : null;
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const TOUCHES_HELP = `an ILO indicator (e.g. "excessive overtime", "debt bondage") or an Athens principle (P1 to P7)`;

/** One finding from loose fields (a form or a file row), or the problems with each field. */
export function readFinding(
  standard: AuditStandard,
  raw: { description: string; severity: string; touches: string; recommendation: string },
): { ok: true; value: FindingInput } | { ok: false; errors: { field: string; message: string }[] } {
  const errors: { field: string; message: string }[] = [];
  // A NUL or other control character cannot be stored (PostgreSQL refuses NUL in text): name the cell.
  for (const [field, v] of [
    ["description", raw.description],
    ["severity", raw.severity],
    ["touches", raw.touches],
    ["recommended_fix", raw.recommendation],
  ] as const) {
    if (CONTROL.test(v)) errors.push({ field, message: "This cell contains characters that cannot be stored (control characters)." });
  }
  if (errors.length > 0) return { ok: false, errors };
  const description = raw.description.trim();
  if (description.length < 3) errors.push({ field: "description", message: "Describe the finding (3 characters or more)." });
  else if (description.length > FINDING_LIMITS.description)
    errors.push({ field: "description", message: `The description is longer than ${FINDING_LIMITS.description} characters.` });
  const severityLabel = raw.severity.trim();
  const severity = severityLabel ? mapSeverity(standard, severityLabel) : null;
  if (!severity) {
    const words = severityWords(standard).join(", ");
    errors.push({
      field: "severity",
      message: severityLabel
        ? `“${severityLabel.slice(0, 40)}” is not a severity of this standard: use ${words}.`
        : `Give a severity: ${words}.`,
    });
  }
  const touches = raw.touches.trim() ? readTouches(raw.touches) : null;
  if (!touches) {
    errors.push({
      field: "touches",
      message: raw.touches.trim() ? `“${raw.touches.trim().slice(0, 60)}” is not ${TOUCHES_HELP}.` : `Name ${TOUCHES_HELP}.`,
    });
  }
  const recommendation = raw.recommendation.trim();
  if (recommendation.length > FINDING_LIMITS.recommendation)
    errors.push({ field: "recommended_fix", message: `The recommended fix is longer than ${FINDING_LIMITS.recommendation} characters.` });
  if (errors.length > 0 || !severity || !touches) return { ok: false, errors };
  return {
    ok: true,
    value: {
      description,
      severityLabel: severityLabel.slice(0, FINDING_LIMITS.severityLabel),
      severity,
      ...touches,
      recommendation: recommendation || null,
    },
  };
}

/**
 * The rows of a findings file: header names are matched loosely ("Recommended fix" = recommended_fix);
 * every bad cell is an error with the row's line; blank rows are skipped. A file-level problem (no
 * such column, too many rows) is a single error on row 1.
 */
export function readFindingRows(
  standard: AuditStandard,
  headers: readonly string[],
  rows: readonly { line: number; cells: readonly string[] }[],
): { rows: FindingInput[]; errors: FindingRowError[] } {
  const norm = headers.map((h) =>
    h
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, "_"),
  );
  const col = Object.fromEntries(FINDING_COLUMNS.map((c) => [c, norm.indexOf(c)])) as Record<(typeof FINDING_COLUMNS)[number], number>;
  const missing = FINDING_COLUMNS.filter((c) => c !== "recommended_fix" && col[c] < 0);
  if (missing.length > 0) {
    return {
      rows: [],
      errors: [{ row: 1, field: missing.join(", "), message: `The file has no column ${missing.join(", ")}: start from the template.` }],
    };
  }
  const filled = rows.filter((r) => r.cells.some((c) => c.trim() !== ""));
  if (filled.length === 0) return { rows: [], errors: [{ row: 1, field: "file", message: "The file has no findings under its header." }] };
  if (filled.length > FINDING_LIMITS.maxRows) {
    return { rows: [], errors: [{ row: 1, field: "file", message: `A file may hold at most ${FINDING_LIMITS.maxRows} findings.` }] };
  }
  const out: FindingInput[] = [];
  const errors: FindingRowError[] = [];
  const cell = (r: { cells: readonly string[] }, i: number) => (i >= 0 ? (r.cells[i] ?? "") : "");
  for (const r of filled) {
    const f = readFinding(standard, {
      description: cell(r, col.description),
      severity: cell(r, col.severity),
      touches: cell(r, col.touches),
      recommendation: cell(r, col.recommended_fix),
    });
    if (f.ok) out.push(f.value);
    else for (const e of f.errors) errors.push({ row: r.line, ...e });
  }
  return { rows: out, errors };
}

/** The template's example rows (the header is FINDING_COLUMNS). */
export const TEMPLATE_ROWS: readonly (readonly string[])[] = [
  ["Workers worked 72 hours in 3 of 12 sampled weeks", "Major", "excessive overtime", "Cap weekly hours at 60 and keep time records"],
  ["Passports of 4 migrant workers kept in the HR office", "Zero tolerance", "retention of identity documents", "Return them today"],
  ["Anti-trafficking policy not translated for workers", "Minor", "P2", "Translate and post the policy"],
];

// ---------------------------------------------------------------------------------------------
// The action a finding opens

export type VerifyRule = "records_two_months";
export type RecordKind = "payroll" | "time";

/** Wage and hours findings: the records that must back the fix. */
const RECORDS_FOR: Partial<Record<FlagIndicator, RecordKind>> = { withholding_of_wages: "payroll", excessive_overtime: "time" };

export function recordKindFor(indicator: string | null): RecordKind | null {
  return indicator && isFlagIndicator(indicator) ? (RECORDS_FOR[indicator] ?? null) : null;
}

/** Days to fix, by severity: a critical finding is urgent. */
export const FINDING_DUE_DAYS: Record<FindingSeverity, number> = { critical: 7, major: 30, minor: 90 };

/**
 * How a finding's corrective action opens. A finding on a forced-labour indicator is a red flag at
 * the site (source red_flag), any other is "manual" (corrective_actions.source keeps its three values;
 * the finding itself is linked by audit_finding_id). Wage and hours findings need records to verify.
 */
export function actionForFinding(f: Pick<FindingInput, "indicator" | "severity">): {
  source: "red_flag" | "manual";
  severity: FindingSeverity;
  verifyRule: VerifyRule | null;
  dueDays: number;
  mailOwnerNow: boolean;
} {
  return {
    source: f.indicator ? "red_flag" : "manual",
    severity: f.severity,
    verifyRule: recordKindFor(f.indicator) ? "records_two_months" : null,
    dueDays: FINDING_DUE_DAYS[f.severity],
    mailOwnerNow: f.severity === "critical",
  };
}

/** "yyyy-mm" of a day. */
const monthOf = (day: string) => day.slice(0, 7);

/**
 * Whether the records attached meet "two calendar months of new records after the finding's date":
 * records of the needed kind (payroll for wages, time for hours) for at least two distinct calendar
 * months after the finding's month. `message` says what is missing.
 */
export function recordsRule(
  foundOn: string,
  kind: RecordKind,
  records: readonly { kind: RecordKind; month: string }[],
): { met: boolean; months: string[]; message: string } {
  const after = monthOf(foundOn);
  const months = [...new Set(records.filter((r) => r.kind === kind && r.month > after).map((r) => r.month))].sort();
  const words = kind === "payroll" ? "payroll records" : "time records";
  if (months.length >= 2) return { met: true, months, message: `${words} for ${months.join(", ")} attached.` };
  const have = months.length === 0 ? "none yet" : `only ${months[0]}`;
  return {
    met: false,
    months,
    message:
      `This action comes from a wage or hours finding: it can be verified once ${words} for two calendar months ` +
      `after ${after} are attached (${have}).`,
  };
}

/** A valid "yyyy-mm". */
export function isMonth(s: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
}
