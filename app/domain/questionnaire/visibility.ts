// Show-if visibility of questions over the answers so far, the points an answer earns and whether
// it asks for a supporting document.
// Pure module: no node, kysely, remix or react imports.
import { allQuestions } from "./template";
import { validateAnswer } from "./validate";
import {
  NA,
  type AnswerValue,
  type Answers,
  type Condition,
  type NumericRange,
  type Question,
  type QuestionnaireTemplate,
  type Section,
} from "./types";

// ---------------------------------------------------------------------------------------------
// Visibility

export function inRange(n: number, r: NumericRange): boolean {
  return (
    (r.gt === undefined || n > r.gt) &&
    (r.gte === undefined || n >= r.gte) &&
    (r.lt === undefined || n < r.lt) &&
    (r.lte === undefined || n <= r.lte)
  );
}

/** Whether a show-if condition holds for the (valid, visible) answer of the question it names. */
export function conditionHolds(condition: Condition, answer: AnswerValue | undefined): boolean {
  if (answer === undefined || answer === null) return false;
  if (condition.equals !== undefined) {
    const list: readonly string[] = typeof condition.equals === "string" ? [condition.equals] : condition.equals;
    if (typeof answer === "number") return false;
    return typeof answer === "string" ? list.includes(answer) : answer.some((a) => list.includes(a));
  }
  if (condition.notEquals !== undefined) {
    const list: readonly string[] = typeof condition.notEquals === "string" ? [condition.notEquals] : condition.notEquals;
    if (typeof answer === "number" || answer === NA) return false;
    return typeof answer === "string" ? !list.includes(answer) : !answer.some((a) => list.includes(a));
  }
  return typeof answer === "number" && inRange(answer, condition);
}

export interface Evaluated {
  section: Section;
  question: Question;
  visible: boolean;
  /** The valid, normalised answer of a visible question; null if unanswered, hidden or invalid. */
  value: AnswerValue;
}

/**
 * One pass in template order: show-if only refers to earlier questions (checkTemplate). Scoring
 * reads the result several times (maturity, workforce profile, red flags): evaluate once and hand
 * the list to the `…In` functions rather than calling each `…Of(template, answers)`.
 */
export function evaluate(template: QuestionnaireTemplate, answers: Answers): Evaluated[] {
  const values = new Map<string, AnswerValue>();
  const out: Evaluated[] = [];
  for (const section of template.sections) {
    for (const question of section.questions) {
      const visible = !question.showIf || conditionHolds(question.showIf, values.get(question.showIf.question));
      let value: AnswerValue = null;
      if (visible && Object.hasOwn(answers, question.key)) {
        const result = validateAnswer(question, answers[question.key], { draft: true });
        if (result.ok) value = result.value;
      }
      if (value !== null) values.set(question.key, value);
      out.push({ section, question, visible, value });
    }
  }
  return out;
}

/** The questions shown for these answers (of one section if sectionKey is given), in template order. */
export function visibleQuestions(template: QuestionnaireTemplate, answers: Answers, sectionKey?: string): Question[] {
  return evaluate(template, answers)
    .filter((e) => e.visible && (sectionKey === undefined || e.section.key === sectionKey))
    .map((e) => e.question);
}

/**
 * The answers that count: visible questions only, valid and normalised. Use it before storing a
 * submission snapshot or scoring; answers of hidden questions stay in storage but are ignored.
 */
export function effectiveAnswers(template: QuestionnaireTemplate, answers: Answers): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (const e of evaluate(template, answers)) if (e.value !== null) out[e.question.key] = e.value;
  return out;
}

/** A question of the template by key, with its section. */
export function findQuestion(template: QuestionnaireTemplate, questionKey: string): { section: Section; question: Question } | undefined {
  return allQuestions(template).find((e) => e.question.key === questionKey);
}

// ---------------------------------------------------------------------------------------------
// Points and evidence

/**
 * Points (0..1) earned by a valid answer; null when the answer does not score: unanswered, "na",
 * or a question without points (text, date, unscored yes/no). Multi: ticked points add up, capped
 * at 1. Numeric: the first matching band (no band matches → 0). Evidence: 1 if a file is attached.
 */
export function answerPoints(question: Question, value: AnswerValue | undefined): number | null {
  if (value === undefined || value === null || value === NA) return null;
  switch (question.type) {
    case "yes_no":
      return question.points && (value === "yes" || value === "no") ? question.points[value] : null;
    case "single":
      return question.options.find((o) => o.key === value)?.points ?? null;
    case "multi": {
      if (!Array.isArray(value)) return null;
      const sum = question.options.filter((o) => value.includes(o.key)).reduce((s, o) => s + o.points, 0);
      return Math.min(1, Math.round(sum * 1e9) / 1e9);
    }
    case "number":
    case "percent":
      if (typeof value !== "number" || !question.scoring) return null;
      return question.scoring.find((band) => inRange(value, band))?.points ?? 0;
    case "evidence":
      return Array.isArray(value) && value.length > 0 ? 1 : 0;
    case "text":
    case "date":
      return null;
  }
}

/** Whether this answer calls for supporting documents (see EvidenceRequest.when). */
export function evidenceRequested(question: Question, value: AnswerValue | undefined): boolean {
  if (!question.evidence || value === undefined || value === null || value === NA) return false;
  if (question.type === "evidence") return true;
  if (question.evidence.when) return typeof value === "string" && question.evidence.when.includes(value);
  return question.type === "yes_no" ? value === "yes" : true;
}
