// Risk model v1: the shapes shared by the pure model, the risk service and the UI.
// Pure module: no node, kysely, remix or react imports.
import type { Answers, IloIndicator, Principle, QuestionnaireTemplate, Severity, AnswerValue } from "~/domain/questionnaire/types";

export const MODEL_VERSION = "v1";

export type RiskBand = "low" | "medium" | "high" | "critical";
export const RISK_BANDS: readonly RiskBand[] = ["low", "medium", "high", "critical"];

/** A tenant's methodology: what an admin may change. Everything else is fixed by the model version. */
export interface Methodology {
  /** Weights of the inherent parts; renormalised over the parts that have data. */
  inherentWeights: { country: number; goods: number; workforce: number };
  /** Weights of the Athens principles in control maturity. */
  principleWeights: Record<Principle, number>;
  /** Lower bounds of the bands: low < medium ≤ … */
  bands: { medium: number; high: number; critical: number };
  /** An approved assessment counts fully for this many months after approval… */
  validityMonths: number;
  /** …then its maturity fades linearly to 0 over this many months. */
  fadeMonths: number;
  /** Country-risk overrides (0..100) with the reason shown in every breakdown that uses them. */
  countryOverrides: Record<string, { score: number; reason: string }>;
}

/** Reference data the model cites. */
export interface TipPlacement {
  iso2: string;
  /** As stored: "Tier 1", "Tier 2", "Tier 2 Watch List", "Tier 3", "Special Case" (db/seed/tip-tiers.csv). */
  tier: string;
  year: number;
}
export interface TvpraEntry {
  good: string;
  iso2: string;
  childLabor: boolean;
  forcedLabor: boolean;
  year: number;
  /** "Downstream" rows: listed because they are made with inputs produced with child or forced labour in this country. */
  inputFrom?: string | null;
}
export interface ReferenceData {
  /** Latest TIP placement per country. */
  tip: ReadonlyMap<string, TipPlacement>;
  goods: readonly TvpraEntry[];
  /** A short label of the editions used, stored on every score row, e.g. "TIP 2025 · TVPRA 2024". */
  edition: string;
}

/** Everything the model needs about one supplier. */
export interface SupplierRiskInput {
  supplierId: number;
  country: string;
  goods: readonly string[];
  /** The latest approved assessment, or null ("not assessed"). */
  assessment: null | {
    id: number;
    approvedAt: string; // ISO
    template: QuestionnaireTemplate;
    answers: Answers;
  };
}

/** One named part of a score, citing its data. `value` is on the 0..100 scale unless noted. */
export interface CountryPart {
  iso2: string;
  tier: string | null; // null = no TIP data
  year: number | null;
  /** The value used: the override's score when there is one, else tipValue. */
  value: number;
  /** What the TIP tier alone gives (50 = no data), shown next to an override. */
  tipValue: number;
  weight: number; // effective (renormalised) weight
  override: { score: number; reason: string } | null;
}
export interface GoodsPart {
  value: number;
  weight: number;
  /** The good that drove the value, and why. */
  driver: null | { good: string; kind: "forced_here" | "child_here" | "input_here" | "forced_elsewhere"; iso2: string; year: number };
  /** Every listed good and its value, for the detail view. */
  goods: { good: string; value: number; kind: "forced_here" | "child_here" | "input_here" | "forced_elsewhere" | "none" }[];
}
export interface WorkforcePart {
  value: number;
  weight: number;
  /**
   * Every answered factor and the points it adds on top of WORKFORCE_BASELINE, e.g.
   * { factor: "migrant_share", answer: 40, points: 10, questionKey: "profile.migrant_share" }.
   * answer null / questionKey null: a follow-up that was not answered (counted as the worst case).
   */
  factors: { factor: WorkforceFactor; answer: number | boolean | null; points: number; questionKey: string | null }[];
}
export type WorkforceFactor = "migrant_share" | "temporary_share" | "uses_agencies" | "agencies_licensed" | "fees_charged" | "fees_repaid";

export interface PrincipleContribution {
  principle: Principle;
  weight: number;
  score: number; // 0..1
  answered: number;
  applicable: number;
}
export interface RaisedFlag {
  indicator: IloIndicator;
  severity: Severity;
  questionKey: string;
  answer: AnswerValue;
}
export interface ExposureStep {
  supplierId: number;
  name?: string;
  country?: string;
  tier?: number | null;
  score: number;
}

export interface Breakdown {
  model: typeof MODEL_VERSION;
  inherent: { value: number; country: CountryPart; goods: GoodsPart; workforce: WorkforcePart | null };
  controls: {
    /** Maturity after staleness, 0..1. */
    maturity: number;
    /** Maturity as answered, before staleness. */
    rawMaturity: number;
    principles: PrincipleContribution[];
    assessment: null | {
      id: number;
      approvedAt: string;
      ageDays: number;
      validUntil: string;
      fadeFactor: number;
      status: "valid" | "fading" | "expired";
    };
    /** 0.7: controls lower risk, never to zero. */
    factor: number;
  };
  /** R = I × (1 − factor·M) before flags. */
  residualBeforeFlags: number;
  flags: { raised: RaisedFlag[]; floor: number | null; extra: number };
  /** R after the red-flag floor. */
  residual: number;
  exposure: {
    value: number;
    factor: number;
    /** The path of the exposure (see Propagated.via); empty when no supplier has a score. */
    via: ExposureStep[];
    /** Supplier links from this supplier to the one at the end of the path (via may be shortened). */
    hops: number;
  };
  /** max(residual, exposure), rounded to one decimal. */
  score: number;
  band: RiskBand;
  /** The one-line main driver, for lists ("Red flag: retention of documents"). */
  driver: { kind: "flag" | "exposure" | "country" | "goods" | "workforce" | "controls"; label: string };
}

/** Everything of a breakdown that does not depend on the supplier's own suppliers. */
export type ResidualAssessment = Omit<Breakdown, "exposure" | "score" | "band" | "driver">;

/** A node of the propagation: its residual and its own (upstream) suppliers. */
export interface PropagationNode {
  residual: number;
  suppliers: readonly number[];
}

/** The effective score of a supplier outside the recomputed set, with the path that drives it. */
export interface FixedScore {
  score: number;
  /** Empty when the supplier's own residual drives its score (fixedScoreOf builds it from a breakdown). */
  via: readonly ExposureStep[];
  /** Links to the end of the path when `via` was shortened; default via.length. */
  hops?: number;
}

export interface Propagated {
  /** round1(max(residual, exposure)): the same number finalizeBreakdown stores as the score. */
  score: number;
  exposure: number;
  /**
   * [direct supplier, its supplier, …, the supplier whose own residual drives the exposure]; empty
   * when no supplier has a score. Paths longer than MAX_VIA_STEPS keep their first steps and the last.
   */
  via: ExposureStep[];
  /** Links from this supplier to the last step (the full length of `via`); default via.length. */
  hops?: number;
  /** The factor used; default EXPOSURE_FACTOR. */
  factor?: number;
}
