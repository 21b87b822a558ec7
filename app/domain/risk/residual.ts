// Risk model v1, steps 1–5 for one supplier (a v2 methodology goes to residual-v2.ts): inherent risk, control maturity with staleness, the
// residual R = I × (1 − 0.7·M) and the red-flag floor. Everything but the tier propagation.
//
// - The workforce profile is read from the approved assessment even when it is stale: facts about
//   the workforce do not fade. Only the controls fade.
// - Every stored number has at most 2 decimals and each step is computed from the rounded values of
//   the step before, so a reader can redo the arithmetic from the breakdown.
// Pure module: no node, kysely, remix or react imports.
import { evaluate, principleMaturityIn, redFlagsIn, workforceProfileIn } from "~/domain/questionnaire";
import { maturityOf, staleness } from "./controls";
import { flagFloor, raisedFlags } from "./flags";
import { combineInherent, countryPart, goodsPart, workforcePart } from "./inherent";
import { CONTROL_FACTOR } from "./methodology";
import { round2 } from "./round";
import { assessResidualV2 } from "./residual-v2";
import type { Methodology, ReferenceData, ResidualAssessment, SupplierRiskInput } from "./types";

/** Inherent risk, control maturity (with staleness), the residual and the red-flag floor of one supplier. */
export function assessResidual(input: SupplierRiskInput, ref: ReferenceData, m: Methodology, now: Date): ResidualAssessment {
  if (m.model === "v2") return assessResidualV2(input, ref, m, now);
  const a = input.assessment;
  const evaluated = a ? evaluate(a.template, a.answers) : [];
  const country = countryPart(input.country, ref, m);
  const goods = goodsPart(input.goods, input.country, ref);
  const workforce = a ? workforcePart(workforceProfileIn(evaluated)) : null;
  const inherent = combineInherent(country, goods, workforce, m);

  let controls: ResidualAssessment["controls"];
  if (a) {
    const { rawMaturity, principles } = maturityOf(principleMaturityIn(a.template, evaluated), m);
    const stale = staleness(a.approvedAt, m, now);
    controls = {
      maturity: round2(rawMaturity * stale.fadeFactor),
      rawMaturity,
      principles,
      assessment: { id: a.id, approvedAt: a.approvedAt, ...stale },
      factor: CONTROL_FACTOR,
    };
  } else {
    controls = { maturity: 0, rawMaturity: 0, principles: [], assessment: null, factor: CONTROL_FACTOR };
  }

  const residualBeforeFlags = round2(inherent * (1 - CONTROL_FACTOR * controls.maturity));
  const raised = raisedFlags(redFlagsIn(evaluated));
  const { floor, extra } = flagFloor(raised);
  return {
    model: "v1",
    inherent: { value: inherent, country, goods, workforce },
    controls,
    residualBeforeFlags,
    flags: { raised, floor, extra },
    residual: floor === null ? residualBeforeFlags : Math.max(residualBeforeFlags, floor),
  };
}
