// Risk models v1 and v2 (docs/architecture.md, "The risk pipeline"): the public face of app/domain/risk. Pure module.
// CONTRACT: the risk service, the methodology settings and the UI code against these signatures.
// The implementation lives in the files re-exported below; each one documents its decisions.
export * from "./types";
export {
  DEFAULT_METHODOLOGY,
  METHODOLOGY_V1,
  METHODOLOGY_V2,
  methodologyDefaults,
  methodologyProblems,
  CONTROL_FACTOR,
  EXPOSURE_FACTOR,
  METHODOLOGY_LIMITS,
  type MethodologyProblem,
} from "./methodology";
export {
  TIP_TIER_SCORES,
  NO_TIP_DATA_SCORE,
  GOODS_SCORES,
  WORKFORCE_BASELINE,
  WORKFORCE_POINTS,
  tipTier,
  type GoodsKind,
} from "./inherent";
export { FORCED_GOODS_SCORES, CHILD_GOODS_SCORES } from "./inherent-v2";
export { staleness, addMonthsUtc, type Staleness } from "./controls";
export { FLAG_FLOORS, flagFloor } from "./flags";
export { assessResidual } from "./residual";
export { propagate, fixedScoreOf, MAX_VIA_STEPS } from "./propagate";
export { finalizeBreakdown, bandOf } from "./finalize";
export { explainBreakdown, type ExplainContext } from "./explain";
export { INDICATOR_LABELS, indicatorLabel } from "./labels";
