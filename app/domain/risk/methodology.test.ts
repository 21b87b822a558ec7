import { describe, expect, it } from "vitest";
import { PRINCIPLE_WEIGHTS } from "~/domain/questionnaire/types";
import { DEFAULT_METHODOLOGY, methodologyProblems } from "./methodology";
import type { Methodology } from "./types";

const withChange = (change: (m: Methodology) => void): Methodology => {
  const m = structuredClone(DEFAULT_METHODOLOGY) as Methodology;
  change(m);
  return m;
};
const paths = (m: Methodology) => methodologyProblems(m).map((p) => p.path);

describe("DEFAULT_METHODOLOGY", () => {
  it("holds the model's defaults and is valid", () => {
    expect(DEFAULT_METHODOLOGY).toEqual({
      inherentWeights: { country: 0.45, goods: 0.35, workforce: 0.2 },
      principleWeights: { P1: 20, P2: 10, P3: 15, P4: 15, P5: 25, P6: 5, P7: 10 },
      bands: { medium: 30, high: 50, critical: 70 },
      validityMonths: 12,
      fadeMonths: 6,
      countryOverrides: {},
    });
    expect(DEFAULT_METHODOLOGY.principleWeights).toEqual(PRINCIPLE_WEIGHTS);
    expect(methodologyProblems(DEFAULT_METHODOLOGY)).toEqual([]);
  });

  it("cannot be mutated by accident", () => {
    expect(Object.isFrozen(DEFAULT_METHODOLOGY.inherentWeights)).toBe(true);
    expect(Object.isFrozen(DEFAULT_METHODOLOGY.countryOverrides)).toBe(true);
  });
});

describe("methodologyProblems", () => {
  it("accepts a valid custom methodology with overrides", () => {
    const m = withChange((m) => {
      m.inherentWeights = { country: 1, goods: 0, workforce: 0 };
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
    expect(paths(withChange((m) => (m.inherentWeights = { country: 0, goods: 0, workforce: 0 })))).toEqual(["inherentWeights"]);
    expect(paths(withChange((m) => (m.principleWeights = { P1: 0, P2: 0, P3: 0, P4: 0, P5: 0, P6: 0, P7: 0 })))).toEqual([
      "principleWeights",
    ]);
  });

  it("rejects weights where only the workforce counts (suppliers without a profile would have no inherent risk)", () => {
    const problems = methodologyProblems(withChange((m) => (m.inherentWeights = { country: 0, goods: 0, workforce: 1 })));
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

  it("reports a malformed object (e.g. JSON from storage) instead of throwing", () => {
    expect(methodologyProblems(null as unknown as Methodology)).toEqual([{ path: "", message: expect.any(String) }]);
    const broken = { inherentWeights: "heavy", bands: { medium: "30" } } as unknown as Methodology;
    expect(paths(broken)).toEqual([
      "inherentWeights",
      "principleWeights",
      "bands.medium",
      "bands.high",
      "bands.critical",
      "validityMonths",
      "fadeMonths",
      "countryOverrides",
    ]);
  });
});
