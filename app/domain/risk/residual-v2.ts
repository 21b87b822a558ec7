// Risk model v2, steps 1–5 for one supplier: what v1's assessResidual does, with v2's parts.
//
// - Inherent risk: country (with a stand-in), forced-labour goods, child-labour goods and the
//   workforce profile (inherent-v2.ts).
// - Controls: maturity from credited points (proof.ts), then staleness as in v1.
// - Floors: red flags as in v1; and a recorded good listed for forced or child labour in the
//   supplier's own country keeps R ≥ goodsFloor unless an independent verification in force with
//   no open critical finding lifts it. A floor is a max: it never lowers a score. Independent red
//   flags (input.independentFlags: open critical audit findings on forced-labour indicators, …) count
//   with the answers' flags.
// Pure module: no node, kysely, remix or react imports.
import { evaluate, principleMaturityIn, redFlagsIn, workforceProfileIn } from "~/domain/questionnaire";
import { addMonthsUtc, parseInstant, staleness } from "./controls";
import { flagFloor, raisedFlags } from "./flags";
import { workforcePart } from "./inherent";
import { combineInherentV2, countryPartV2, goodsPartsV2 } from "./inherent-v2";
import { CONTROL_FACTOR } from "./methodology";
import { creditedMaturity } from "./proof";
import { round2 } from "./round";
import type { GoodsFloor, Methodology, ReferenceData, ResidualAssessment, SupplierRiskInput } from "./types";

const NO_PROOF = new Map();

const fadeEndOf = (approvedAt: string, m: Methodology) =>
  addMonthsUtc(parseInstant(approvedAt, "approvedAt"), m.validityMonths + m.fadeMonths).toISOString();

/** Inherent risk, credited control maturity (with staleness), the residual and its floors under model v2. */
export function assessResidualV2(input: SupplierRiskInput, ref: ReferenceData, m: Methodology, now: Date): ResidualAssessment {
  const a = input.assessment;
  // Maturity, the workforce profile and the flags all read the same evaluated answers.
  const evaluated = a ? evaluate(a.template, a.answers) : [];
  const verification = input.verification ?? null;
  const country = countryPartV2(input.country, ref, m);
  const { goods, childGoods, floor: listed } = goodsPartsV2(input, ref, m);
  const workforce = a ? workforcePart(workforceProfileIn(evaluated)) : null;
  const inherent = combineInherentV2(country, goods, childGoods, workforce, m);

  let controls: ResidualAssessment["controls"];
  const common = { factor: CONTROL_FACTOR, declaredCredit: m.declaredCredit, verification: verification?.label ?? null };
  if (a) {
    const { rawMaturity, principles } = creditedMaturity(principleMaturityIn(a.template, evaluated), m, {
      proof: a.proof ?? NO_PROOF,
      verified: new Set(verification?.principles ?? []),
    });
    const stale = staleness(a.approvedAt, m, now);
    controls = {
      maturity: round2(rawMaturity * stale.fadeFactor),
      rawMaturity,
      principles,
      assessment: { id: a.id, approvedAt: a.approvedAt, ...stale, fadeEnd: fadeEndOf(a.approvedAt, m) },
      ...common,
    };
  } else {
    controls = { maturity: 0, rawMaturity: 0, principles: [], assessment: null, ...common };
  }

  const residualBeforeFlags = round2(inherent * (1 - CONTROL_FACTOR * controls.maturity));
  const raised = raisedFlags(redFlagsIn(evaluated));
  // Independent flags (audit findings, …) count like answers' flags; kept only when there is one, so
  // a breakdown without them is stored exactly as before.
  const independent = [...(input.independentFlags ?? [])];
  const { floor, extra } = flagFloor([...raised, ...independent]);
  const goodsFloor: GoodsFloor | null = listed
    ? { ...listed, value: m.goodsFloor, liftedBy: verification?.liftsGoodsFloor ? verification.label : null }
    : null;
  const holding = goodsFloor && goodsFloor.liftedBy === null ? goodsFloor.value : null;
  return {
    model: "v2",
    inherent: { value: inherent, country, goods, workforce, childGoods },
    controls,
    residualBeforeFlags,
    flags: independent.length > 0 ? { raised, floor, extra, independent } : { raised, floor, extra },
    floors: { goods: goodsFloor },
    residual: Math.max(residualBeforeFlags, floor ?? 0, holding ?? 0),
  };
}
