// An answer as text for staff pages and server-written sentences (explanations, action notes).
import { NA, type Question } from "./types";

type Translate = (key: string, params?: Readonly<Record<string, string | number>>) => string;

const NUMBER = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });

/**
 * An answer as text: option labels, Yes/No, a number with its unit, the text or date itself.
 * Evidence answers (file ids) are shown as links by the caller; here they are counted.
 */
export function answerText(question: Question, value: unknown, t: Translate): string {
  if (value === undefined || value === null || value === "") return "Not answered";
  if (value === NA && question.allowNa) {
    const own = t(`q.${question.key}.na`);
    return own === `q.${question.key}.na` ? t("ui.na") : own;
  }
  switch (question.type) {
    case "yes_no":
      return value === "yes" ? t("ui.yes") : value === "no" ? t("ui.no") : String(value);
    case "single":
      return typeof value === "string" ? t(`q.${question.key}.opt.${value}`) : String(value);
    case "multi":
      return Array.isArray(value) ? value.map((k) => t(`q.${question.key}.opt.${String(k)}`)).join("; ") : String(value);
    case "number":
    case "percent": {
      const n = typeof value === "number" ? NUMBER.format(value) : String(value);
      if (question.type === "percent") return `${n} %`;
      return question.unit ? `${n} ${t(`ui.unit.${question.unit}`)}` : n;
    }
    case "evidence":
      return Array.isArray(value) ? `${value.length} ${value.length === 1 ? "file" : "files"}` : String(value);
    default:
      return typeof value === "string" ? value : JSON.stringify(value);
  }
}
