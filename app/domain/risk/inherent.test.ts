import { describe, expect, it } from "vitest";
import { workforceProfile } from "~/domain/questionnaire";
import { ATHENS_V1 } from "~/domain/questionnaire/athens-v1";
import { BEST, WORST } from "~/domain/questionnaire/test-fixtures";
import { combineInherent, countryPart, goodsPart, tipTier, workforcePart } from "./inherent";
import { METHODOLOGY_V1 } from "./methodology";
import { assessResidual } from "./residual";
import { NOW, REF, supplier } from "./test-support";
import type { Methodology } from "./types";

const M = METHODOLOGY_V1;
const wf = (answers: Record<string, unknown>) => workforcePart(workforceProfile(ATHENS_V1, answers as never));

describe("country risk", () => {
  it("maps the latest TIP tier to its score and cites the year", () => {
    const value = (iso2: string) => countryPart(iso2, REF, M).value;
    expect([value("DE"), value("MY"), value("TH"), value("CN"), value("LY")]).toEqual([15, 40, 65, 90, 80]);
    expect(countryPart("TH", REF, M)).toEqual({
      iso2: "TH",
      tier: "Tier 2 Watch List",
      year: 2024,
      value: 65,
      tipValue: 65,
      weight: 0,
      override: null,
    });
  });

  it("gives 50 without TIP data, and for a tier label it does not know", () => {
    expect(countryPart("XK", REF, M)).toMatchObject({ tier: null, year: null, value: 50, tipValue: 50 });
    const odd = { ...REF, tip: new Map([["MY", { iso2: "MY", tier: "Tier 4", year: 2025 }]]) };
    expect(countryPart("MY", odd, M)).toMatchObject({ tier: null, year: null, value: 50 });
    expect(tipTier(" tier 2  watch list ")).toEqual({ label: "Tier 2 Watch List", score: 65 });
  });

  it("trims and upper-cases the supplier's country", () => {
    expect(countryPart(" my ", REF, M)).toMatchObject({ iso2: "MY", value: 40 });
  });

  it("lets an override replace the value and carries it with its reason", () => {
    const m: Methodology = { ...M, countryOverrides: { MY: { score: 70, reason: "NGO reports on migrant workers" } } };
    expect(countryPart("MY", REF, m)).toEqual({
      iso2: "MY",
      tier: "Tier 2",
      year: 2025,
      value: 70,
      tipValue: 40,
      weight: 0,
      override: { score: 70, reason: "NGO reports on migrant workers" },
    });
    expect(countryPart("DE", REF, m).override).toBeNull();
  });
});

describe("goods risk", () => {
  it("forced labour listed for the good in this country → 90", () => {
    expect(goodsPart([" garments "], "MY", REF)).toEqual({
      value: 90,
      weight: 0,
      driver: { good: "Garments", kind: "forced_here", iso2: "MY", year: 2022 },
      goods: [{ good: "garments", value: 90, kind: "forced_here" }],
    });
  });

  it("child labour only in this country → 60, even when forced labour is listed elsewhere", () => {
    expect(goodsPart(["Garments"], "BD", REF)).toMatchObject({
      value: 60,
      driver: { good: "Garments", kind: "child_here", iso2: "BD", year: 2022 },
    });
  });

  it("child and forced labour in this country → 90", () => {
    expect(goodsPart(["Bricks"], "BD", REF)).toMatchObject({ value: 90, driver: { kind: "forced_here", iso2: "BD" } });
  });

  it("a downstream listing (made with listed inputs, no flag of its own) → 60, below child or forced labour here", () => {
    const ref = {
      ...REF,
      goods: [...REF.goods, { good: "Solar Modules", iso2: "CN", childLabor: false, forcedLabor: false, year: 2022, inputFrom: "China" }],
    };
    expect(goodsPart(["Solar Modules"], "CN", ref)).toMatchObject({
      value: 60,
      driver: { good: "Solar Modules", kind: "input_here", iso2: "CN" },
    });
    // Made elsewhere, the same good is not listed.
    expect(goodsPart(["Solar Modules"], "VN", ref).value).toBe(15);
  });

  it("forced labour listed only elsewhere → 45, citing the latest listing (then the lowest code)", () => {
    expect(goodsPart(["COTTON"], "DE", REF)).toMatchObject({
      value: 45,
      driver: { good: "Cotton", kind: "forced_elsewhere", iso2: "CN", year: 2022 },
    });
  });

  it("child labour elsewhere, unlisted goods and no goods → 15 with no driver", () => {
    expect(goodsPart(["Cocoa"], "MY", REF)).toMatchObject({ value: 15, driver: null, goods: [{ good: "Cocoa", value: 15, kind: "none" }] });
    expect(goodsPart(["Widgets"], "MY", REF)).toMatchObject({ value: 15, driver: null });
    expect(goodsPart([], "MY", REF)).toEqual({ value: 15, weight: 0, driver: null, goods: [] });
    expect(goodsPart(["  ", ""], "MY", REF)).toEqual({ value: 15, weight: 0, driver: null, goods: [] });
  });

  it("takes the max over goods, records every good once, sorted, whatever the input order", () => {
    const a = goodsPart(["Widgets", "Cotton", "Electronics", "cotton", "Garments"], "MY", REF);
    expect(a).toEqual({
      value: 90,
      weight: 0,
      driver: { good: "Electronics", kind: "forced_here", iso2: "MY", year: 2022 },
      goods: [
        { good: "Cotton", value: 45, kind: "forced_elsewhere" },
        { good: "Electronics", value: 90, kind: "forced_here" },
        { good: "Garments", value: 90, kind: "forced_here" },
        { good: "Widgets", value: 15, kind: "none" },
      ],
    });
    expect(goodsPart(["Garments", "cotton", "Electronics", "Widgets", "Cotton"], "MY", REF)).toEqual(a);
  });
});

describe("workforce vulnerability", () => {
  it("BEST: 10 + 30%·0.25 + 10%·0.10 + agencies 10 + all licensed 0 + no fees 0 = 28.5", () => {
    expect(wf(BEST)).toEqual({
      value: 28.5,
      weight: 0,
      factors: [
        { factor: "migrant_share", answer: 30, points: 7.5, questionKey: "profile.migrant_share" },
        { factor: "temporary_share", answer: 10, points: 1, questionKey: "profile.temporary_share" },
        { factor: "uses_agencies", answer: true, points: 10, questionKey: "profile.uses_agencies" },
        { factor: "agencies_licensed", answer: 1, points: 0, questionKey: "profile.agencies_licensed" },
        { factor: "fees_charged", answer: false, points: 0, questionKey: "profile.fees_charged" },
      ],
    });
  });

  it("WORST: 10 + 20 + 6 + 10 + 15 + 20 + 10 = 91", () => {
    const part = wf(WORST)!;
    expect(part.value).toBe(91);
    expect(part.factors.map((f) => [f.factor, f.points])).toEqual([
      ["migrant_share", 20],
      ["temporary_share", 6],
      ["uses_agencies", 10],
      ["agencies_licensed", 15],
      ["fees_charged", 20],
      ["fees_repaid", 10],
    ]);
  });

  it("counts an unanswered follow-up after a yes as the worst case, with no question cited", () => {
    const part = wf({ "profile.uses_agencies": "yes", "profile.fees_charged": "yes", "profile.fees_repaid": "repaying" })!;
    expect(part.value).toBe(10 + 10 + 15 + 20 + 5);
    expect(part.factors).toContainEqual({ factor: "agencies_licensed", answer: null, points: 15, questionKey: null });
    expect(part.factors).toContainEqual({ factor: "fees_repaid", answer: 0.5, points: 5, questionKey: "profile.fees_repaid" });
  });

  it("is null when none of its facts is answered (the number of workers alone is not one)", () => {
    expect(wf({})).toBeNull();
    expect(wf({ "profile.workers": 120 })).toBeNull();
    expect(wf({ "profile.migrant_share": 0 })).toEqual({
      value: 10,
      weight: 0,
      factors: [{ factor: "migrant_share", answer: 0, points: 0, questionKey: "profile.migrant_share" }],
    });
  });
});

describe("inherent risk I", () => {
  it("is the weighted mean 0.45·country + 0.35·goods + 0.20·workforce", () => {
    const r = assessResidual(supplier({ goods: ["Garments"], answers: BEST }), REF, M, NOW);
    // 0.45·40 + 0.35·90 + 0.20·28.5 = 18 + 31.5 + 5.7
    expect(r.inherent.value).toBe(55.2);
    expect([r.inherent.country.weight, r.inherent.goods.weight, r.inherent.workforce!.weight]).toEqual([0.45, 0.35, 0.2]);
  });

  it("renormalises over country and goods without a workforce part, and stores the effective weights", () => {
    const r = assessResidual(supplier({ goods: ["Garments"] }), REF, M, NOW);
    // 0.45/0.8 · 40 + 0.35/0.8 · 90 = 22.5 + 39.375 = 61.875
    expect(r.inherent.value).toBe(61.88);
    expect(r.inherent.workforce).toBeNull();
    expect([r.inherent.country.weight, r.inherent.goods.weight]).toEqual([0.56, 0.44]);
  });

  it("uses the tenant's weights", () => {
    const m: Methodology = { ...M, inherentWeights: { country: 1, goods: 1, childGoods: 0, workforce: 2 } };
    const r = assessResidual(supplier({ country: "CN", goods: ["Cotton"], answers: WORST }), REF, m, NOW);
    // (90 + 90 + 2·91) / 4 = 90.5
    expect(r.inherent.value).toBe(90.5);
    expect([r.inherent.country.weight, r.inherent.goods.weight, r.inherent.workforce!.weight]).toEqual([0.25, 0.25, 0.5]);
  });

  it("refuses weights that leave no part (a methodology that methodologyProblems rejects)", () => {
    const m: Methodology = { ...M, inherentWeights: { country: 0, goods: 0, childGoods: 0, workforce: 1 } };
    expect(() => combineInherent(countryPart("MY", REF, m), goodsPart([], "MY", REF), null, m)).toThrow(/sum to 0/);
  });
});
