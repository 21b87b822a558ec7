// How an answer reads, for the officer's pages, the supplier portal (read-only copy, conflicts) and
// server-written sentences (action notes, risk explanations): yes/no, option labels, N/A, numbers
// with the catalogue's unit, file counts — in the reader's language (`t`).
import { NA, type Question } from "./types";
import type { T } from "./texts";

/** The label of a question's "not applicable" choice: its own text, else the common one. */
export function naLabel(q: Question, t: T): string {
  return t.has(`q.${q.key}.na`) ? t(`q.${q.key}.na`) : t("ui.na");
}

/** The unit shown after a number: "%" for percentages (from the catalogue), else the question's unit. */
export function unitLabel(q: Question, t: T): string | null {
  if (q.type === "percent") return t("ui.unit.percent");
  if (q.type === "number" && q.unit) return t(`ui.unit.${q.unit}`);
  return null;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
}

function numberText(q: Question, value: unknown, t: T): string {
  const n = typeof value === "number" ? value : Number(String(value).replace(",", "."));
  const shown = Number.isFinite(n) ? new Intl.NumberFormat(t.locale, { maximumFractionDigits: 2 }).format(n) : String(value);
  const unit = unitLabel(q, t);
  if (!unit) return shown;
  return q.type === "percent" ? `${shown}${unit}` : `${shown} ${unit}`;
}

/**
 * An answer as text. Evidence answers (file ids) are counted here; pages that can link the files
 * show them as links instead.
 */
export function answerText(q: Question, value: unknown, t: T): string {
  if (isEmpty(value)) return t("ui.print.no_answer");
  if (value === NA && q.type !== "text") return naLabel(q, t);
  switch (q.type) {
    case "yes_no":
      return value === "yes" ? t("ui.yes") : value === "no" ? t("ui.no") : String(value);
    case "single":
      return t(`q.${q.key}.opt.${String(value)}`);
    case "multi":
      return (Array.isArray(value) ? value : [value]).map((k) => t(`q.${q.key}.opt.${String(k)}`)).join("; ");
    case "number":
    case "percent":
      return numberText(q, value, t);
    case "evidence":
      return t.plural("ui.evidence.files", Array.isArray(value) ? value.length : 0);
    default:
      return typeof value === "string" ? value : JSON.stringify(value);
  }
}
