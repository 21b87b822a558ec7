// Risk model v2 on the cases the issue names (docs/architecture.md, "The risk pipeline"): a garment
// factory known only by its sector, a cocoa cooperative whose good is listed in its own country,
// territories without a TIP placement, and the credit an answer earns by its proof.
import { describe, expect, it } from "vitest";
import { ATHENS_V1 } from "~/domain/questionnaire/athens-v1";
import { allQuestions } from "~/domain/questionnaire/template";
import { answerPoints, redFlagsOf } from "~/domain/questionnaire";
import type { AnswerValue, Answers, Question } from "~/domain/questionnaire/types";
import { finalizeBreakdown } from "./finalize";
import { METHODOLOGY_V1, METHODOLOGY_V2 } from "./methodology";
import { assessResidual } from "./residual";
import { NOW, REF, candidateValues, supplier } from "./test-support";
import type { Breakdown, Methodology, ProofLevel, ReferenceData, SupplierRiskInput } from "./types";

const M = METHODOLOGY_V2;
const NO_EXPOSURE = { score: 0, exposure: 0, via: [] };

const ref: ReferenceData = {
  ...REF,
  tip: new Map([...REF.tip, ["CI", { iso2: "CI", tier: "Tier 2", year: 2025 }], ["US", { iso2: "US", tier: "Tier 1", year: 2025 }]]),
  // As on the 2024 list: garments from Bangladesh and cocoa from Côte d'Ivoire are listed for both.
  goods: [
    ...REF.goods.filter((g) => !["BD|Garments", "CI|Cocoa"].includes(`${g.iso2}|${g.good}`)),
    { good: "Garments", iso2: "BD", childLabor: true, forcedLabor: true, year: 2022 },
    { good: "Cocoa", iso2: "CI", childLabor: true, forcedLabor: true, year: 2022 },
    { good: "Cocoa", iso2: "GH", childLabor: true, forcedLabor: false, year: 2022 },
  ],
  proxies: new Map([["PR", { iso2: "PR", proxyIso2: "US", kind: "sovereign" as const, rationale: "Puerto Rico is a US territory." }]]),
};

const score = (input: SupplierRiskInput, m: Methodology = M): Breakdown =>
  finalizeBreakdown(assessResidual(input, ref, m, NOW), NO_EXPOSURE, m);

/** Whether answering `q` with `v` alone raises a red flag. */
const raises = (q: Question, v: AnswerValue) => redFlagsOf(ATHENS_V1, { [q.key]: v }).some((f) => f.questionKey === q.key);

/** The best answer to every question of Athens v1 (no red flag; the most points). */
function bestAnswers(): Answers {
  const out: Record<string, AnswerValue> = {};
  for (const { question } of allQuestions(ATHENS_V1)) {
    const values = candidateValues(question).filter((v) => !raises(question, v));
    let best: AnswerValue = values[0]!;
    for (const v of values) if ((answerPoints(question, v) ?? 0) > (answerPoints(question, best) ?? 0)) best = v;
    out[question.key] = best;
  }
  // Profile facts: a small local workforce, no agencies, no fees.
  return { ...out, "profile.migrant_share": 0, "profile.temporary_share": 0, "profile.uses_agencies": "no", "profile.fees_charged": "no" };
}
const allProof = (level: ProofLevel) => new Map(allQuestions(ATHENS_V1).map(({ question }) => [question.key, level] as const));

describe("likely goods from the sector", () => {
  it("an apparel factory in Bangladesh with no goods recorded is high, with garments named as likely", () => {
    const b = score(supplier({ country: "BD", goods: [], sector: "Apparel" }));
    expect(b.model).toBe("v2");
    expect(b.band).toBe("high");
    expect(b.inherent.goods.likely).toMatchObject({ sector: "Apparel", factor: 0.8, goods: [{ good: "Garments", rejected: false }] });
    expect(b.inherent.goods.goods).toEqual([{ good: "Garments", value: 72, kind: "forced_here", likely: true }]);
    expect(b.inherent.childGoods).toMatchObject({ value: 56, driver: { good: "Garments", kind: "child_here", likely: true } });
    // (0.4·40 + 0.3·72 + 0.1·56) / 0.8 = 54
    expect(b.inherent.value).toBe(54);
    // v1 on the same facts: the sector does not count, and it is low.
    expect(score(supplier({ country: "BD", goods: [], sector: "Apparel" }), METHODOLOGY_V1).band).toBe("low");
  });

  it("a rejected likely good no longer counts, and likely goods never set a floor", () => {
    const b = score(supplier({ country: "BD", sector: "Apparel", rejectedLikelyGoods: ["garments"] }));
    expect(b.inherent.goods.likely?.goods).toEqual([expect.objectContaining({ good: "Garments", rejected: true })]);
    expect(b.inherent.goods.value).toBe(15);
    expect(score(supplier({ country: "BD", sector: "Apparel" })).floors).toEqual({ goods: null });
  });

  it("a recorded good off the list does not silence the sector; a recorded good never counts less than the same good likely", () => {
    const offList = score(supplier({ country: "BD", goods: ["Widgets"], sector: "Apparel" }));
    expect(offList.inherent.goods.value).toBe(72);
    const likely = score(supplier({ country: "BD", sector: "Apparel" }));
    const recorded = score(supplier({ country: "BD", goods: ["Garments"], sector: "Apparel" }));
    expect(recorded.inherent.goods.value).toBeGreaterThanOrEqual(likely.inherent.goods.value);
    expect(recorded.inherent.value).toBeGreaterThanOrEqual(likely.inherent.value);
    expect(recorded.inherent.goods.goods).toEqual([{ good: "Garments", value: 90, kind: "forced_here" }]);
  });
});

describe("the listed-goods floor and credit by proof", () => {
  const cocoa = () => supplier({ country: "CI", goods: ["Cocoa"], answers: bestAnswers(), approvedAt: "2025-05-01T00:00:00.000Z" });
  const withProof = (s: SupplierRiskInput, level: ProofLevel): SupplierRiskInput => ({
    ...s,
    assessment: { ...s.assessment!, proof: allProof(level) },
  });

  it("a cocoa cooperative in Côte d'Ivoire with the best declared answers stays at least medium", () => {
    const b = score(cocoa());
    expect(b.controls.rawMaturity).toBe(0.5);
    expect(b.controls.principles.every((p) => p.proof?.declared === 1 || p.applicable === 0)).toBe(true);
    expect(b.band).toBe("medium");
    expect(b.score).toBeGreaterThan(30);
    expect(b.floors?.goods).toMatchObject({ value: 30, good: "Cocoa", kind: "forced", iso2: "CI", liftedBy: null });
  });

  it("with every document accepted it is held at the floor (30, medium)", () => {
    const b = score(withProof(cocoa(), "evidenced"));
    expect(b.controls.rawMaturity).toBe(1);
    expect(b.residualBeforeFlags).toBeLessThan(30);
    expect(b.score).toBe(30);
    expect(b.band).toBe("medium");
    expect(b.driver.kind).toBe("floor");
  });

  it("an independent verification in force lifts the floor; one with an open critical finding does not", () => {
    const base = withProof(cocoa(), "evidenced");
    const audit = { label: "SMETA 4-pillar, 2026-03-10, Bureau X", principles: ["P1", "P5"] as const, liftsGoodsFloor: true };
    const lifted = score({ ...base, verification: { ...audit, principles: [...audit.principles] } });
    expect(lifted.floors?.goods?.liftedBy).toBe(audit.label);
    expect(lifted.score).toBeLessThan(30);
    const held = score({ ...base, verification: { ...audit, principles: [...audit.principles], liftsGoodsFloor: false } });
    expect(held.score).toBe(30);
  });

  it("a declared answer earns the methodology's share; verified principles count in full", () => {
    const half = score(cocoa());
    const none = score(cocoa(), { ...M, declaredCredit: 0 });
    expect(none.controls.rawMaturity).toBe(0);
    expect(half.controls.principles.find((p) => p.principle === "P1")).toMatchObject({ answeredScore: 1, score: 0.5 });
    const verified = score({ ...cocoa(), verification: { label: "SA8000", principles: ["P1"], liftsGoodsFloor: false } });
    expect(verified.controls.principles.find((p) => p.principle === "P1")).toMatchObject({
      score: 1,
      proof: { declared: 0, evidenced: 0, verified: 1 },
    });
  });
});

describe("countries without their own TIP placement", () => {
  it("Puerto Rico takes the United States' placement, named as a stand-in; v1 keeps no data", () => {
    const b = score(supplier({ country: "PR" }));
    expect(b.inherent.country).toMatchObject({ tier: "Tier 1", value: 15, standIn: { iso2: "US", kind: "sovereign" } });
    expect(score(supplier({ country: "PR" }), METHODOLOGY_V1).inherent.country).toMatchObject({ tier: null, value: 50 });
    expect(score(supplier({ country: "XK" })).inherent.country).toMatchObject({ tier: null, value: 50, standIn: null });
  });
});

describe("child labour is its own part", () => {
  it("a good listed for child labour here counts 70, elsewhere 30, with its own weight", () => {
    const here = score(supplier({ country: "GH", goods: ["Cocoa"] }));
    expect(here.inherent.childGoods).toMatchObject({ value: 70, weight: 0.13, driver: { kind: "child_here", iso2: "GH" } });
    expect(here.inherent.goods).toMatchObject({ value: 45, driver: { kind: "forced_elsewhere", iso2: "CI" } });
    expect(here.floors?.goods).toMatchObject({ kind: "child", good: "Cocoa" });
    const elsewhere = score(supplier({ country: "DE", goods: ["Cocoa"] }));
    expect(elsewhere.inherent.childGoods?.value).toBe(30);
    expect(elsewhere.floors?.goods).toBeNull();
  });
});
