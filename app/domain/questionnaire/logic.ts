// Questionnaire logic over a template and an assessment's answers: show-if visibility, answer
// validation, completeness, red flags, principle maturity (risk model v1, part 2) and the workforce
// profile (input to the inherent-risk part). Every function is deterministic and total: stored
// answers that are unknown, invalid or belong to a hidden question are ignored, never thrown on.
// Pure module: no node, kysely, remix or react imports.
import { allQuestions } from "./template";
import {
  EVIDENCE_LIMITS,
  NA,
  PRINCIPLES,
  TEXT_MAX_LENGTH,
  type AnswerValue,
  type Answers,
  type Attachments,
  type Condition,
  type IloIndicator,
  type NumericRange,
  type Principle,
  type ProfileTag,
  type Question,
  type QuestionnaireTemplate,
  type Section,
  type Severity,
} from "./types";

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

// ---------------------------------------------------------------------------------------------
// Visibility

function inRange(n: number, r: NumericRange): boolean {
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

interface Evaluated {
  section: Section;
  question: Question;
  visible: boolean;
  /** The valid, normalised answer of a visible question; null if unanswered, hidden or invalid. */
  value: AnswerValue;
}

/** One pass in template order: show-if only refers to earlier questions (checkTemplate). */
function evaluate(template: QuestionnaireTemplate, answers: Answers): Evaluated[] {
  const values = new Map<string, AnswerValue>();
  const out: Evaluated[] = [];
  for (const { section, question } of allQuestions(template)) {
    const visible = !question.showIf || conditionHolds(question.showIf, values.get(question.showIf.question));
    let value: AnswerValue = null;
    if (visible && Object.hasOwn(answers, question.key)) {
      const result = validateAnswer(question, answers[question.key], { draft: true });
      if (result.ok) value = result.value;
    }
    if (value !== null) values.set(question.key, value);
    out.push({ section, question, visible, value });
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
  indicator: IloIndicator;
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
  const out: RaisedRedFlag[] = [];
  for (const { section, question, value } of evaluate(template, answers)) {
    if (value === null || value === NA) continue;
    const raise = (f: { indicator: IloIndicator; severity: Severity } | undefined) => {
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

// ---------------------------------------------------------------------------------------------
// Maturity

export interface MaturityPart {
  questionKey: string;
  weight: number;
  /** 0..1; 0 when unanswered. */
  points: number;
  answered: boolean;
}

export interface PrincipleMaturity {
  principle: Principle;
  /** The section holding the principle; null when the template has none for it. */
  sectionKey: string | null;
  /** Principle weight from the template (0 when absent). */
  weight: number;
  /** Σ weight·points / Σ weight over the applicable questions; 0 when none is applicable. */
  score: number;
  /** Applicable questions that have an answer. */
  answered: number;
  /** Visible, scored (weight > 0) questions not answered "N/A". */
  applicable: number;
  /** The named parts of the score, for explanations. */
  parts: MaturityPart[];
}

/**
 * Control maturity per principle (risk model v1, step 2): over the visible scored questions,
 * Σ weight·points / Σ weight; unanswered counts 0 points, N/A and hidden questions are left out.
 */
export function principleMaturity(template: QuestionnaireTemplate, answers: Answers): Record<Principle, PrincipleMaturity> {
  const result = Object.fromEntries(
    PRINCIPLES.map((p) => [p, { principle: p, sectionKey: null, weight: 0, score: 0, answered: 0, applicable: 0, parts: [] }]),
  ) as unknown as Record<Principle, PrincipleMaturity>;
  for (const section of template.sections) {
    if (section.principle === null) continue;
    const m = result[section.principle];
    m.sectionKey = section.key;
    m.weight = section.weight;
  }
  for (const { section, question, visible, value } of evaluate(template, answers)) {
    if (section.principle === null || !visible || question.weight <= 0 || value === NA) continue;
    const m = result[section.principle];
    const points = answerPoints(question, value) ?? 0;
    m.parts.push({ questionKey: question.key, weight: question.weight, points, answered: value !== null });
    m.applicable++;
    if (value !== null) m.answered++;
  }
  for (const m of Object.values(result)) {
    const w = m.parts.reduce((s, p) => s + p.weight, 0);
    const wp = m.parts.reduce((s, p) => s + p.weight * p.points, 0);
    // Round away floating-point dust so equal inputs compare equal everywhere.
    m.score = w > 0 ? Math.round((wp / w) * 1e12) / 1e12 : 0;
  }
  return result;
}

/**
 * Overall control maturity M ∈ [0,1]: principle scores weighted by the template's section weights
 * (or `weights`, e.g. a tenant's own), over principles with at least one applicable question.
 */
export function controlMaturity(template: QuestionnaireTemplate, answers: Answers, weights?: Partial<Record<Principle, number>>): number {
  let w = 0;
  let wm = 0;
  for (const m of Object.values(principleMaturity(template, answers))) {
    const weight = weights?.[m.principle] ?? m.weight;
    if (m.applicable === 0 || weight <= 0) continue;
    w += weight;
    wm += weight * m.score;
  }
  return w > 0 ? Math.round((wm / w) * 1e12) / 1e12 : 0;
}

// ---------------------------------------------------------------------------------------------
// Workforce profile

export interface WorkforceProfile {
  workers: number | null;
  /** 0..100 */
  migrantShare: number | null;
  /** 0..100 */
  temporaryShare: number | null;
  usesAgencies: boolean | null;
  /** Points of the answer, 0..1 (1 = all agencies licensed and under contract); null if not asked. */
  agenciesLicensed: number | null;
  feesCharged: boolean | null;
  /** Points of the answer, 0..1 (1 = all fees repaid); null if not asked. */
  feesRepaid: number | null;
  /** The question each value came from, for explanations. */
  sources: Partial<Record<ProfileTag, string>>;
}

/** The tagged workforce-profile answers (visible and valid only); null where unanswered or N/A. */
export function workforceProfile(template: QuestionnaireTemplate, answers: Answers): WorkforceProfile {
  const profile: WorkforceProfile = {
    workers: null,
    migrantShare: null,
    temporaryShare: null,
    usesAgencies: null,
    agenciesLicensed: null,
    feesCharged: null,
    feesRepaid: null,
    sources: {},
  };
  for (const { question, value } of evaluate(template, answers)) {
    const tag = question.profile;
    if (!tag || value === null || value === NA) continue;
    const num = typeof value === "number" ? value : null;
    const bool = value === "yes" ? true : value === "no" ? false : null;
    const points = question.type === "single" ? answerPoints(question, value) : null;
    switch (tag) {
      case "workers":
        profile.workers = num;
        break;
      case "migrant_share":
        profile.migrantShare = num;
        break;
      case "temporary_share":
        profile.temporaryShare = num;
        break;
      case "uses_agencies":
        profile.usesAgencies = bool;
        break;
      case "fees_charged":
        profile.feesCharged = bool;
        break;
      case "agencies_licensed":
        profile.agenciesLicensed = points;
        break;
      case "fees_repaid":
        profile.feesRepaid = points;
        break;
    }
    profile.sources[tag] = question.key;
  }
  return profile;
}
