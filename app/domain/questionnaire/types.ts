// The questionnaire template format. A template is plain, JSON-serialisable data (no functions, no
// JSX, no user-visible text): it can be stored in the database as-is, diffed, fingerprinted and
// frozen. Every user-visible word lives in the language catalogues (./i18n), looked up by key:
//   t.<templateKey>.title / .intro, s.<sectionKey>.title / .intro,
//   q.<questionKey>.text / .help / .evidence / .na, q.<questionKey>.opt.<optionKey>
//
// Versioning rule: a published version never changes. An assessment pins the version it started
// on. A catalogue may fix the wording of a text, never its meaning: a question whose meaning
// changes gets a new key in a new template version.
// Pure module: no node, kysely, remix or react imports.

/** The 11 ILO indicators of forced labour, in the ILO's order. */
export const ILO_INDICATORS = [
  "abuse_of_vulnerability",
  "deception",
  "restriction_of_movement",
  "isolation",
  "physical_sexual_violence",
  "intimidation_threats",
  "retention_of_documents",
  "withholding_of_wages",
  "debt_bondage",
  "abusive_conditions",
  "excessive_overtime",
] as const;
export type IloIndicator = (typeof ILO_INDICATORS)[number];

/**
 * Child labour is not one of the ILO's forced-labour indicators; it is its own harm (ILO C138 on the
 * minimum age, C182 on the worst forms), and questionnaire v2 raises its own flags for it:
 * - child_labour: a worker below the legal minimum working age (C138);
 * - hazardous_child_labour: a worker under 18 in hazardous work, a worst form of child labour (C182 Art. 3(d)).
 */
export const CHILD_LABOUR_INDICATORS = ["child_labour", "hazardous_child_labour"] as const;
export type ChildLabourIndicator = (typeof CHILD_LABOUR_INDICATORS)[number];

/**
 * Forced labour imposed by a state (ILO C105), which the 11 indicators, written for employers, do not
 * name: workers placed through government labour-transfer programmes, prison labour, and raw
 * materials from regions that regulators single out under forced-labour laws (the UFLPA for Xinjiang).
 */
export const STATE_IMPOSED_INDICATOR = "state_imposed_labour" as const;

/** Everything a red flag can name: the ILO's 11, then child labour, then state-imposed forced labour. */
export const FLAG_INDICATORS = [...ILO_INDICATORS, ...CHILD_LABOUR_INDICATORS, STATE_IMPOSED_INDICATOR] as const;
export type FlagIndicator = (typeof FLAG_INDICATORS)[number];

export function isFlagIndicator(value: unknown): value is FlagIndicator {
  return typeof value === "string" && (FLAG_INDICATORS as readonly string[]).includes(value);
}

/**
 * Indicators the risk model treats as severe (score floor 80); all others are "other" (floor 65).
 * Beyond the ILO five: work below the minimum age and hazardous work by children are never
 * acceptable and cannot be outweighed by good controls (C138, C182: a worst form of child labour);
 * state-imposed labour is forced labour by definition (C105), and regulators presume every good it
 * touches is barred (UFLPA, Tariff Act s. 307), so it weighs like retained documents.
 */
export const SEVERE_INDICATORS: readonly FlagIndicator[] = [
  "retention_of_documents",
  "debt_bondage",
  "restriction_of_movement",
  "physical_sexual_violence",
  "withholding_of_wages",
  "child_labour",
  "hazardous_child_labour",
  "state_imposed_labour",
];

export type Severity = "severe" | "other";

export function severityOf(indicator: FlagIndicator): Severity {
  return SEVERE_INDICATORS.includes(indicator) ? "severe" : "other";
}

/** A red flag raised by an answer. `severity` always equals severityOf(indicator) (checkTemplate enforces it). */
export interface RedFlag {
  readonly indicator: FlagIndicator;
  readonly severity: Severity;
}

export const PRINCIPLES = ["P1", "P2", "P3", "P4", "P5", "P6", "P7"] as const;
export type Principle = (typeof PRINCIPLES)[number];

/** Default principle weights of risk model v1 (the section weights of the Athens template). */
export const PRINCIPLE_WEIGHTS: Readonly<Record<Principle, number>> = {
  P1: 20,
  P2: 10,
  P3: 15,
  P4: 15,
  P5: 25,
  P6: 5,
  P7: 10,
};

export const QUESTION_TYPES = ["yes_no", "single", "multi", "number", "percent", "text", "date", "evidence"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** A catalogue key, e.g. "q.p1.written_policy.text". */
export type I18nKey = string;

/**
 * A numeric range; every bound given must hold (an empty range matches every number).
 * Used by numeric scoring bands, numeric red-flag rules and numeric show-if conditions.
 */
export interface NumericRange {
  readonly gt?: number;
  readonly gte?: number;
  readonly lt?: number;
  readonly lte?: number;
}

/** Points for a numeric answer: the first band whose range matches wins; no match → 0 points. */
export interface NumericBand extends NumericRange {
  readonly points: number;
}

/** A red flag raised when a numeric answer falls in the range, e.g. weekly hours { gt: 60 }. */
export interface NumericRedFlagRule extends NumericRange {
  readonly redFlag: RedFlag;
}

/**
 * Show the question only when an earlier question's answer matches. Exactly one of
 * equals / notEquals / a numeric range is used.
 * - equals: the answer is this value, or one of these values (multi: one of the ticked options is);
 * - notEquals: the question is answered and the answer is none of these (multi: none of them ticked);
 * - gt / gte / lt / lte: the numeric answer is in the range.
 * An unanswered or hidden question never satisfies a condition, and "na" only satisfies an
 * `equals` that lists "na": N/A hides follow-up questions.
 */
export interface Condition extends NumericRange {
  readonly question: string;
  readonly equals?: string | readonly string[];
  readonly notEquals?: string | readonly string[];
}

/** What kind of document an evidence request asks for (the wording is in q.<key>.evidence). */
export const EVIDENCE_KINDS = [
  "policy_document",
  "training_records",
  "risk_assessment",
  "payroll_records",
  "time_records",
  "grievance_procedure",
  "supplier_code",
  "employment_contract",
  "agency_contract",
  "audit_report",
  "public_statement",
  "age_records",
  "traceability_records",
  "other",
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/**
 * A request for supporting documents. On an "evidence" question the files are the answer. On
 * another question the files are attached to it, and they are asked for when the answer is one of
 * `when` (default: "yes" for yes_no, any answer other than N/A for the other types); `required`
 * makes a missing file block submission.
 */
export interface EvidenceRequest {
  readonly accepted: EvidenceKind;
  readonly required: boolean;
  readonly when?: readonly string[];
}

/**
 * Limits of evidence per question (the upload route enforces the size; which file types are
 * accepted is decided by sniffing the bytes, in app/domain/file-types.ts).
 */
export const EVIDENCE_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  maxFilesPerQuestion: 20,
} as const;

/**
 * Tags on workforce-profile questions, read by the risk model's inherent "workforce vulnerability"
 * part. agencies_licensed and fees_repaid carry the points of the chosen option (1 = best).
 */
export const PROFILE_TAGS = [
  "workers",
  "migrant_share",
  "temporary_share",
  "uses_agencies",
  "agencies_licensed",
  "fees_charged",
  "fees_repaid",
] as const;
export type ProfileTag = (typeof PROFILE_TAGS)[number];

/** Unit shown next to a numeric input (label from ui.unit.<unit>). */
export type NumericUnit = "days" | "hours_per_week" | "people";

interface QuestionBase {
  /** Stable key, "<sectionKey>.<snake_case>", e.g. "p1.written_policy". Never reused for another meaning. */
  readonly key: string;
  readonly required: boolean;
  /** Weight in its principle's maturity; 0 = informational, not scored. */
  readonly weight: number;
  /** Whether "na" (not applicable) is an accepted answer; its label is q.<key>.na. */
  readonly allowNa: boolean;
  readonly showIf?: Condition;
  readonly evidence?: EvidenceRequest;
  readonly profile?: ProfileTag;
}

export interface YesNoQuestion extends QuestionBase {
  readonly type: "yes_no";
  /** Points per answer, 0..1; required when weight > 0. */
  readonly points?: { readonly yes: number; readonly no: number };
  readonly redFlags?: { readonly yes?: RedFlag; readonly no?: RedFlag };
}

export interface Option {
  /** Stable key, snake_case, never "na"; label q.<questionKey>.opt.<key>. */
  readonly key: string;
  /** 0..1. For multi questions the points of the ticked options add up, capped at 1. */
  readonly points: number;
  readonly redFlag?: RedFlag;
  /** Multi only: an option such as "none of these" that cannot be ticked with others. */
  readonly exclusive?: boolean;
}

export interface ChoiceQuestion extends QuestionBase {
  readonly type: "single" | "multi";
  readonly options: readonly Option[];
}

export interface NumericQuestion extends QuestionBase {
  /** percent is a number with implicit bounds 0..100 (min/max may narrow them). */
  readonly type: "number" | "percent";
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  readonly unit?: NumericUnit;
  /** How the number scores; required when weight > 0. */
  readonly scoring?: readonly NumericBand[];
  readonly redFlagRules?: readonly NumericRedFlagRule[];
}

export interface TextQuestion extends QuestionBase {
  readonly type: "text";
  /** At most TEXT_MAX_LENGTH. */
  readonly maxLength?: number;
}

export interface DateQuestion extends QuestionBase {
  readonly type: "date";
}

/** The answer is the list of uploaded file ids; evidence.required must equal required. */
export interface EvidenceQuestion extends QuestionBase {
  readonly type: "evidence";
  readonly evidence: EvidenceRequest;
}

export type Question = YesNoQuestion | ChoiceQuestion | NumericQuestion | TextQuestion | DateQuestion | EvidenceQuestion;

export interface Section {
  /** "profile" or "p1".."p7"; title s.<key>.title, intro s.<key>.intro. */
  readonly key: string;
  /** null = the workforce profile (not a principle, not scored). */
  readonly principle: Principle | null;
  /** Principle weight in control maturity; 0 for the profile. */
  readonly weight: number;
  readonly questions: readonly Question[];
}

export interface QuestionnaireTemplate {
  readonly key: "athens-fl";
  /** 1, 2, …; a published version never changes. */
  readonly version: number;
  /** t.<key>.title */
  readonly title: I18nKey;
  /** t.<key>.intro */
  readonly intro: I18nKey;
  readonly sections: readonly Section[];
}

/** The "not applicable" answer. */
export const NA = "na";
export type NotApplicable = typeof NA;

/**
 * A stored answer, by question type:
 * - yes_no: "yes" | "no";  single: an option key;  multi: option keys (template order, no duplicates);
 * - number, percent: a finite number;  text: a string;  date: "yyyy-mm-dd";
 * - evidence: the ids of the uploaded files;
 * - "na" (any type whose question allows N/A);  null: not answered (cleared).
 */
export type AnswerValue = NotApplicable | string | readonly string[] | number | null;

/** Answers of one assessment, by question key. Missing key = not answered. */
export type Answers = Readonly<Record<string, AnswerValue | undefined>>;

/** Files attached to questions (evidence on non-"evidence" questions), by question key. */
export type Attachments = Readonly<Record<string, readonly string[] | undefined>>;

export const TEXT_MAX_LENGTH = 5000;

/**
 * A reviewer's comment on one answer, as stored. The supplier portal shows its author as the buying
 * organization (author_label), never the officer's address; it sees a comment only once released.
 */
export interface ReviewComment {
  id: number;
  question_key: string;
  author_label: string;
  body: string;
  created_at: string;
  resolved_at: string | null;
  /** Null while internal: the supplier sees a comment only after a request for changes. */
  released_at: string | null;
}
