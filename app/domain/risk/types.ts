// Risk models v1 and v2: the shapes shared by the pure model, the risk service and the UI. v2 keeps
// every part of v1 and adds the optional fields marked "v2" (a v1 breakdown never has them).
// Pure module: no node, kysely, remix or react imports.
import type { Answers, FlagIndicator, Principle, QuestionnaireTemplate, Severity, AnswerValue } from "~/domain/questionnaire/types";

/** Every model version a stored score may name; a tenant's methodology says which one computes its scores. */
export const MODEL_VERSIONS = ["v1", "v2"] as const;
export type ModelVersion = (typeof MODEL_VERSIONS)[number];

export type RiskBand = "low" | "medium" | "high" | "critical";
export const RISK_BANDS: readonly RiskBand[] = ["low", "medium", "high", "critical"];

/** A tenant's methodology: what an admin may change. Everything else is fixed by the model version. */
export interface Methodology {
  /** The model that computes the scores. Existing tenants stay on v1 until an admin moves them; new tenants start on v2. */
  model: ModelVersion;
  /**
   * Weights of the inherent parts; renormalised over the parts that have data. `goods` is the
   * forced-labour goods part; `childGoods` (v2 only; v1 ignores it) the child-labour goods part.
   */
  inherentWeights: { country: number; goods: number; childGoods: number; workforce: number };
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
  /** v2: the share of a control answer's points that counts when only declared (no accepted document, no audit). */
  declaredCredit: number;
  /** v2: a good that is only likely (from the sector) counts this share of the same good recorded. */
  likelyGoodsFactor: number;
  /** v2: the residual never drops below this while a recorded good is listed for forced or child labour in the supplier's own country. */
  goodsFloor: number;
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
  /** v2: who stands in for a country the TIP report does not rank (territory → sovereign, micro-state → neighbour). */
  proxies?: ReadonlyMap<string, TipProxy>;
}

/** The state whose TIP placement stands in for a country the report does not rank (reference table tip_proxies). */
export interface TipProxy {
  iso2: string;
  proxyIso2: string;
  kind: "sovereign" | "neighbour";
  rationale: string;
}

/** How an answer is backed: by the supplier's word only, by a document a reviewer accepted, or by an independent audit in force. */
export type ProofLevel = "declared" | "evidenced" | "verified";

/**
 * v2: an independent verification of the site: the audits in force (app/domain/site-audit/signals.ts).
 */
export interface Verification {
  /** How the explanation names it, e.g. "SMETA 4-pillar, 2026-03-10, Bureau X". */
  label: string;
  /** The principles it covers: their answers count as verified. */
  principles: readonly Principle[];
  /** True when it has no open critical finding: it lifts the listed-goods floor. */
  liftsGoodsFloor: boolean;
}

/**
 * v2: a red flag raised by an independent signal rather than an answer, e.g. an open zero-tolerance or
 * priority audit finding on a forced-labour indicator. It counts like an answer's flag (same floors by
 * severity, +5 per further flag) and names its source. Other signals (a substantiated grievance, a
 * confirmed screening match) plug in by adding their kind; the model reads only indicator and severity.
 */
export interface IndependentFlag {
  indicator: FlagIndicator;
  severity: Severity;
  source: { kind: IndependentSourceKind; id: number; label: string };
}
/** Where an independent red flag comes from; add a kind for each new signal. */
export type IndependentSourceKind = "audit_finding" | "grievance_case" | "screening_match";

/** Everything the model needs about one supplier. */
export interface SupplierRiskInput {
  supplierId: number;
  country: string;
  goods: readonly string[];
  /** v2: the sector as recorded; it implies likely goods. */
  sector?: string | null;
  /** v2: likely goods an officer rejected for this supplier (TVPRA spelling). */
  rejectedLikelyGoods?: readonly string[];
  /** v2: an independent verification of the site, or null. */
  verification?: Verification | null;
  /** v2: red flags from independent signals (audit findings, …), in a stable order. v1 ignores them. */
  independentFlags?: readonly IndependentFlag[];
  /** The latest approved assessment, or null ("not assessed"). */
  assessment: null | {
    id: number;
    approvedAt: string; // ISO
    template: QuestionnaireTemplate;
    answers: Answers;
    /** v2: questions whose answer a reviewer-accepted, still valid document backs (question key → "evidenced"). */
    proof?: ReadonlyMap<string, ProofLevel>;
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
  /** v2: the state whose placement stands in for a country the TIP report does not rank. */
  standIn?: { iso2: string; kind: TipProxy["kind"]; rationale: string } | null;
}
export interface GoodsPart {
  value: number;
  weight: number;
  /** The good that drove the value, and why. v2: `likely` when it is a likely good from the sector. */
  driver: null | {
    good: string;
    kind: "forced_here" | "child_here" | "input_here" | "forced_elsewhere";
    iso2: string;
    year: number;
    likely?: true;
  };
  /** Every listed good and its value, for the detail view. */
  goods: { good: string; value: number; kind: "forced_here" | "child_here" | "input_here" | "forced_elsewhere" | "none"; likely?: true }[];
  /** v2: the goods the sector implies, whether the officer rejected them, and the factor they count with. */
  likely?: LikelyGoods;
}

/** v2: likely goods from the supplier's sector (the sector-goods table, versioned). */
export interface LikelyGoods {
  sector: string;
  /** The table's version, e.g. "2026-12". */
  table: string;
  factor: number;
  /** `recorded`: the supplier already has it as a recorded good, which counts instead. */
  goods: { good: string; reason: string; rejected: boolean; recorded: boolean }[];
}

/** v2: the child-labour goods part (a good listed for child labour here → 70, elsewhere → 30, none → 0). */
export interface ChildGoodsPart {
  value: number;
  weight: number;
  driver: null | { good: string; kind: "child_here" | "child_elsewhere"; iso2: string; year: number; likely?: true };
  goods: { good: string; value: number; kind: "child_here" | "child_elsewhere" | "none"; likely?: true }[];
}

/** v2: the floor a recorded good listed for forced or child labour in the supplier's own country puts under the residual. */
export interface GoodsFloor {
  value: number;
  good: string;
  kind: "forced" | "child";
  iso2: string;
  year: number;
  /** The verification that lifts it, or null when it holds. */
  liftedBy: string | null;
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
  score: number; // 0..1 (v2: after the credit for proof)
  answered: number;
  applicable: number;
  /** v2: the score as answered, before the credit for proof. */
  answeredScore?: number;
  /** v2: the shares of the answered points that are declared, evidenced and verified (0..1 each; they sum to 1 once a point is earned). */
  proof?: Record<ProofLevel, number>;
}
export interface RaisedFlag {
  indicator: FlagIndicator;
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
  model: ModelVersion;
  inherent: { value: number; country: CountryPart; goods: GoodsPart; workforce: WorkforcePart | null; childGoods?: ChildGoodsPart };
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
      /** v2: the day it stops counting at all (validUntil + the fade months). */
      fadeEnd?: string;
    };
    /** 0.7: controls lower risk, never to zero. */
    factor: number;
    /** v2: what a declared answer earns, and the verification that made answers count as verified. */
    declaredCredit?: number;
    verification?: string | null;
  };
  /** R = I × (1 − factor·M) before flags. */
  residualBeforeFlags: number;
  /** `independent` (v2, only when there is one): flags from independent signals; the floor counts them with `raised`. */
  flags: { raised: RaisedFlag[]; floor: number | null; extra: number; independent?: IndependentFlag[] };
  /** v2: the listed-goods floor (null when no recorded good is listed for the supplier's own country). */
  floors?: { goods: GoodsFloor | null };
  /** R after the red-flag floor (v2: and the listed-goods floor). */
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
  driver: { kind: "flag" | "floor" | "exposure" | "country" | "goods" | "workforce" | "controls"; label: string };
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
