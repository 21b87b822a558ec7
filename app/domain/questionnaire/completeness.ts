// Completeness (what is answered, what required is missing, per section) and the red flags raised
// by an assessment's answers.
// Pure module: no node, kysely, remix or react imports.
import { evaluate, evidenceRequested, inRange, type Evaluated } from "./visibility";
import {
  NA,
  type AnswerValue,
  type Answers,
  type Attachments,
  type FlagIndicator,
  type QuestionnaireTemplate,
  type Severity,
} from "./types";

// ---------------------------------------------------------------------------------------------
// Completeness

export interface MissingItem {
  sectionKey: string;
  questionKey: string;
  /** unanswered: a required question has no answer; evidence: the answer needs a document that is not attached. */
  reason: "unanswered" | "evidence";
}

export interface SectionCompleteness {
  sectionKey: string;
  /** Visible questions. */
  total: number;
  /** Visible questions with a valid answer (N/A counts as an answer). */
  answered: number;
  /** floor(100 · answered / total), so 100 means really everything; 100 for an empty section. */
  percent: number;
  missingRequired: MissingItem[];
}

export interface Completeness {
  total: number;
  answered: number;
  percent: number;
  missingRequired: MissingItem[];
  /** Nothing required is missing: the assessment can be submitted. */
  complete: boolean;
  bySection: SectionCompleteness[];
}

const percentOf = (answered: number, total: number) => (total === 0 ? 100 : Math.floor((100 * answered) / total));

/** Progress and what blocks submission. `attachments` lists files attached to non-"evidence" questions. */
export function completeness(template: QuestionnaireTemplate, answers: Answers, attachments: Attachments = {}): Completeness {
  const bySection: SectionCompleteness[] = template.sections.map((s) => ({
    sectionKey: s.key,
    total: 0,
    answered: 0,
    percent: 100,
    missingRequired: [],
  }));
  const index = new Map(bySection.map((s) => [s.sectionKey, s]));
  for (const { section, question, visible, value } of evaluate(template, answers)) {
    if (!visible) continue;
    const s = index.get(section.key)!;
    s.total++;
    if (value !== null) s.answered++;
    else if (question.required) s.missingRequired.push({ sectionKey: section.key, questionKey: question.key, reason: "unanswered" });
    if (
      value !== null &&
      question.type !== "evidence" &&
      question.evidence?.required &&
      evidenceRequested(question, value) &&
      (attachments[question.key]?.length ?? 0) === 0
    ) {
      s.missingRequired.push({ sectionKey: section.key, questionKey: question.key, reason: "evidence" });
    }
  }
  for (const s of bySection) s.percent = percentOf(s.answered, s.total);
  const total = bySection.reduce((n, s) => n + s.total, 0);
  const answered = bySection.reduce((n, s) => n + s.answered, 0);
  const missingRequired = bySection.flatMap((s) => s.missingRequired);
  return {
    total,
    answered,
    percent: percentOf(answered, total),
    missingRequired,
    complete: missingRequired.length === 0,
    bySection,
  };
}

/** Progress of one section (for "Section {n} of {total}" pages); undefined for an unknown section. */
export function sectionProgress(
  template: QuestionnaireTemplate,
  answers: Answers,
  sectionKey: string,
  attachments: Attachments = {},
): SectionCompleteness | undefined {
  return completeness(template, answers, attachments).bySection.find((s) => s.sectionKey === sectionKey);
}

// ---------------------------------------------------------------------------------------------
// Red flags

export interface RaisedRedFlag {
  questionKey: string;
  sectionKey: string;
  indicator: FlagIndicator;
  severity: Severity;
  /** The answer that raised it. */
  answer: AnswerValue;
}

/**
 * Red flags raised by the visible, valid answers, in template order. One question can raise
 * several (multi options) and one indicator can be raised by several questions; the risk model
 * decides how to count them.
 */
export function redFlagsOf(template: QuestionnaireTemplate, answers: Answers): RaisedRedFlag[] {
  return redFlagsIn(evaluate(template, answers));
}

/** redFlagsOf over answers already evaluated against the template. */
export function redFlagsIn(evaluated: readonly Evaluated[]): RaisedRedFlag[] {
  const out: RaisedRedFlag[] = [];
  for (const { section, question, value } of evaluated) {
    if (value === null || value === NA) continue;
    const raise = (f: { indicator: FlagIndicator; severity: Severity } | undefined) => {
      if (f) out.push({ questionKey: question.key, sectionKey: section.key, indicator: f.indicator, severity: f.severity, answer: value });
    };
    switch (question.type) {
      case "yes_no":
        if (value === "yes" || value === "no") raise(question.redFlags?.[value]);
        break;
      case "single":
        raise(question.options.find((o) => o.key === value)?.redFlag);
        break;
      case "multi":
        if (Array.isArray(value)) for (const o of question.options) if (value.includes(o.key)) raise(o.redFlag);
        break;
      case "number":
      case "percent":
        if (typeof value === "number") for (const rule of question.redFlagRules ?? []) if (inRange(value, rule)) raise(rule.redFlag);
        break;
      default:
        break;
    }
  }
  return out;
}
