import { describe, expect, it } from "vitest";
import { PRINCIPLE_WEIGHTS } from "~/domain/questionnaire/types";
import { DEFAULT_METHODOLOGY, METHODOLOGY_V1, METHODOLOGY_V2, methodologyDefaults, methodologyProblems } from "./methodology";
import type { Methodology } from "./types";

const withChange = (change: (m: Methodology) => void): Methodology => {
  const m = structuredClone(METHODOLOGY_V1) as Methodology;
  change(m);
  return m;
};
const paths = (m: Methodology) => methodologyProblems(m).map((p) => p.path);

describe("METHODOLOGY_V1", () => {
  it("holds the model's defaults and is valid", () => {
    expect(METHODOLOGY_V1).toEqual({
      model: "v1",
      declaredCredit: 0.5,
      likelyGoodsFactor: 0.8,
      goodsFloor: 30,
      inherentWeights: { country: 0.45, goods: 0.35, childGoods: 0, workforce: 0.2 },
      principleWeights: { P1: 20, P2: 10, P3: 15, P4: 15, P5: 25, P6: 5, P7: 10 },
      bands: { medium: 30, high: 50, critical: 70 },
      validityMonths: 12,
      fadeMonths: 6,
      countryOverrides: {},
    });
    expect(METHODOLOGY_V1.principleWeights).toEqual(PRINCIPLE_WEIGHTS);
    expect(methodologyProblems(METHODOLOGY_V1)).toEqual([]);
  });

  it("v2 differs only in the model and the inherent weights, and new tenants start on it", () => {
    expect(METHODOLOGY_V2).toEqual({
      ...METHODOLOGY_V1,
      model: "v2",
      inherentWeights: { country: 0.4, goods: 0.3, childGoods: 0.1, workforce: 0.2 },
    });
    expect(DEFAULT_METHODOLOGY).toBe(METHODOLOGY_V2);
    expect(methodologyDefaults("v1")).toBe(METHODOLOGY_V1);
    expect(methodologyProblems(METHODOLOGY_V2)).toEqual([]);
  });

  it("cannot be mutated by accident", () => {
    expect(Object.isFrozen(METHODOLOGY_V1.inherentWeights)).toBe(true);
    expect(Object.isFrozen(METHODOLOGY_V1.countryOverrides)).toBe(true);
  });
});

describe("methodologyProblems", () => {
  it("accepts a valid custom methodology with overrides", () => {
    const m = withChange((m) => {
      m.inherentWeights = { country: 1, goods: 0, childGoods: 0, workforce: 0 };
      m.principleWeights.P6 = 0;
      m.bands = { medium: 1, high: 50.5, critical: 99 };
      m.validityMonths = 60;
      m.fadeMonths = 0;
      m.countryOverrides = { MY: { score: 70, reason: "Recent NGO reports" }, XK: { score: 0, reason: "x".repeat(500) } };
    });
    expect(methodologyProblems(m)).toEqual([]);
  });

  it("rejects negative, non-finite and all-zero weights", () => {
    expect(paths(withChange((m) => (m.inherentWeights.goods = -1)))).toEqual(["inherentWeights.goods"]);
    expect(paths(withChange((m) => (m.inherentWeights.country = Number.NaN)))).toEqual(["inherentWeights.country"]);
    expect(paths(withChange((m) => (m.principleWeights.P3 = Infinity)))).toEqual(["principleWeights.P3"]);
    expect(paths(withChange((m) => (m.inherentWeights = { country: 0, goods: 0, childGoods: 0, workforce: 0 })))).toEqual([
      "inherentWeights",
    ]);
    expect(paths(withChange((m) => (m.principleWeights = { P1: 0, P2: 0, P3: 0, P4: 0, P5: 0, P6: 0, P7: 0 })))).toEqual([
      "principleWeights",
    ]);
  });

  it("rejects weights where only the workforce counts (suppliers without a profile would have no inherent risk)", () => {
    const problems = methodologyProblems(withChange((m) => (m.inherentWeights = { country: 0, goods: 0, childGoods: 0, workforce: 1 })));
    expect(problems).toEqual([{ path: "inherentWeights", message: expect.stringMatching(/country and goods/) }]);
  });

  it("wants band thresholds strictly increasing within 1..99", () => {
    expect(paths(withChange((m) => (m.bands = { medium: 50, high: 50, critical: 70 })))).toEqual(["bands.high"]);
    expect(paths(withChange((m) => (m.bands = { medium: 30, high: 80, critical: 70 })))).toEqual(["bands.critical"]);
    expect(paths(withChange((m) => (m.bands = { medium: 0, high: 50, critical: 100 })))).toEqual(["bands.medium", "bands.critical"]);
  });

  it("wants whole months: validity 1..60, fade 0..36", () => {
    expect(paths(withChange((m) => (m.validityMonths = 0)))).toEqual(["validityMonths"]);
    expect(paths(withChange((m) => (m.validityMonths = 61)))).toEqual(["validityMonths"]);
    expect(paths(withChange((m) => (m.validityMonths = 6.5)))).toEqual(["validityMonths"]);
    expect(paths(withChange((m) => (m.fadeMonths = -1)))).toEqual(["fadeMonths"]);
    expect(paths(withChange((m) => (m.fadeMonths = 37)))).toEqual(["fadeMonths"]);
    expect(paths(withChange((m) => (m.fadeMonths = 36)))).toEqual([]);
  });

  it("checks each override's code, score and reason", () => {
    const m = withChange((m) => {
      m.countryOverrides = {
        my: { score: 50, reason: "lower-case code" },
        MYS: { score: 50, reason: "three letters" },
        CN: { score: 101, reason: "too high" },
        BD: { score: 40, reason: "   " },
        TH: { score: 40, reason: "x".repeat(501) },
      };
    });
    expect(methodologyProblems(m)).toEqual([
      { path: "countryOverrides.my", message: expect.stringMatching(/two-letter/) },
      { path: "countryOverrides.MYS", message: expect.stringMatching(/two-letter/) },
      { path: "countryOverrides.CN.score", message: "Enter a score from 0 to 100." },
      { path: "countryOverrides.BD.reason", message: "Give the reason for the override." },
      { path: "countryOverrides.TH.reason", message: expect.stringMatching(/500 characters/) },
    ]);
  });

  it("wants a known model, shares from 0 to 1 and a floor from 0 to 99", () => {
    expect(paths(withChange((m) => (m.model = "v3" as Methodology["model"])))).toEqual(["model"]);
    expect(paths(withChange((m) => (m.declaredCredit = 1.5)))).toEqual(["declaredCredit"]);
    expect(paths(withChange((m) => (m.likelyGoodsFactor = -0.1)))).toEqual(["likelyGoodsFactor"]);
    expect(paths(withChange((m) => (m.goodsFloor = 100)))).toEqual(["goodsFloor"]);
    expect(paths(withChange((m) => (m.goodsFloor = 0)))).toEqual([]);
  });

  it("reports a malformed object (e.g. JSON from storage) instead of throwing", () => {
    expect(methodologyProblems(null as unknown as Methodology)).toEqual([{ path: "", message: expect.any(String) }]);
    const broken = { inherentWeights: "heavy", bands: { medium: "30" } } as unknown as Methodology;
    expect(paths(broken)).toEqual([
      "model",
      "inherentWeights",
      "principleWeights",
      "declaredCredit",
      "likelyGoodsFactor",
      "goodsFloor",
      "bands.medium",
      "bands.high",
      "bands.critical",
      "validityMonths",
      "fadeMonths",
      "countryOverrides",
    ]);
  });
});
