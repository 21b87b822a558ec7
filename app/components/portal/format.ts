// How an answer reads in the portal (read-only copy, conflicts): yes/no, option labels, N/A, numbers
// with their unit, file counts — in the reader's language.
import { NA, type Question } from "~/domain/questionnaire/types";
import type { T } from "./i18n";

/** The element id of a question (anchors from the "what is missing" list point here). */
export function questionId(key: string): string {
  return `q-${key.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

export function naLabel(q: Question, t: T): string {
  return t.has(`q.${q.key}.na`) ? t(`q.${q.key}.na`) : t("ui.na");
}

export function unitLabel(q: Question, t: T): string | null {
  if (q.type === "percent") return t("ui.unit.percent");
  if (q.type === "number" && q.unit) return t(`ui.unit.${q.unit}`);
  return null;
}

export function answerText(q: Question, value: unknown, t: T): string {
  if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return t("ui.print.no_answer");
  if (value === NA && q.type !== "text") return naLabel(q, t);
  switch (q.type) {
    case "yes_no":
      return value === "yes" ? t("ui.yes") : value === "no" ? t("ui.no") : String(value);
    case "single":
      return t(`q.${q.key}.opt.${String(value)}`);
    case "multi":
      return (Array.isArray(value) ? value : [value]).map((k) => t(`q.${q.key}.opt.${String(k)}`)).join("; ");
    case "number":
    case "percent": {
      const n = typeof value === "number" ? value : Number(String(value).replace(",", "."));
      const shown = Number.isFinite(n) ? new Intl.NumberFormat(t.locale, { maximumFractionDigits: 2 }).format(n) : String(value);
      const unit = unitLabel(q, t);
      if (!unit) return shown;
      return q.type === "percent" ? `${shown}${unit}` : `${shown} ${unit}`;
    }
    case "evidence":
      return t.plural("ui.evidence.files", Array.isArray(value) ? value.length : 0);
    default:
      return String(value);
  }
}
