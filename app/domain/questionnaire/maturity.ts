// Principle maturity (risk model v1, part 2) and the workforce profile (input to the inherent-risk
// part) of an assessment's answers.
// Pure module: no node, kysely, remix or react imports.
import { answerPoints, evaluate, type Evaluated } from "./visibility";
import { NA, PRINCIPLES, type Answers, type Principle, type ProfileTag, type QuestionnaireTemplate } from "./types";

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
  return principleMaturityIn(template, evaluate(template, answers));
}

/** principleMaturity over answers already evaluated against the template. */
export function principleMaturityIn(
  template: QuestionnaireTemplate,
  evaluated: readonly Evaluated[],
): Record<Principle, PrincipleMaturity> {
  const result = Object.fromEntries(
    PRINCIPLES.map((p) => [p, { principle: p, sectionKey: null, weight: 0, score: 0, answered: 0, applicable: 0, parts: [] }]),
  ) as unknown as Record<Principle, PrincipleMaturity>;
  for (const section of template.sections) {
    if (section.principle === null) continue;
    const m = result[section.principle];
    m.sectionKey = section.key;
    m.weight = section.weight;
  }
  for (const { section, question, visible, value } of evaluated) {
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
  return workforceProfileIn(evaluate(template, answers));
}

/** workforceProfile over answers already evaluated against the template. */
export function workforceProfileIn(evaluated: readonly Evaluated[]): WorkforceProfile {
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
  for (const { question, value } of evaluated) {
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
