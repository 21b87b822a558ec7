import { describe, expect, it } from "vitest";
import { BEST } from "~/domain/questionnaire/test-fixtures";
import { bandOf, finalizeBreakdown } from "./finalize";
import { METHODOLOGY_V1 } from "./methodology";
import { propagate } from "./propagate";
import { assessResidual } from "./residual";
import { NOW, REF, supplier } from "./test-support";
import type { Methodology, Propagated, SupplierRiskInput } from "./types";

const M = METHODOLOGY_V1;
const noExposure: Propagated = { score: 0, exposure: 0, via: [] };
const only = (prefixes: string[], from: Record<string, unknown> = BEST) =>
  Object.fromEntries(Object.entries(from).filter(([k]) => prefixes.some((p) => k.startsWith(p)))) as Record<string, never>;
const final = (input: SupplierRiskInput, exposure: Propagated = noExposure, m: Methodology = M) =>
  finalizeBreakdown(assessResidual(input, REF, m, NOW), exposure, m);

describe("bandOf", () => {
  it("low < 30 ≤ medium < 50 ≤ high < 70 ≤ critical", () => {
    expect([0, 29.9, 30, 49.9, 50, 69.9, 70, 100].map((s) => bandOf(s, M))).toEqual([
      "low",
      "low",
      "medium",
      "medium",
      "high",
      "high",
      "critical",
      "critical",
    ]);
  });

  it("follows the tenant's thresholds", () => {
    expect(bandOf(45, { bands: { medium: 20, high: 40, critical: 60 } })).toBe("high");
  });
});

describe("finalizeBreakdown", () => {
  it("score = max(residual, exposure) to one decimal, with the band and the exposure recorded", () => {
    const exposure = propagate(
      new Map([
        [1, { residual: 16.56, suppliers: [12] }],
        [12, { residual: 78, suppliers: [] }],
      ]),
      new Map(),
    ).get(1)!;
    const b = final(supplier({ goods: ["Garments"], answers: BEST }), exposure);
    expect(b.residual).toBe(16.56);
    expect(b.exposure).toEqual({ value: 66.3, factor: 0.85, via: [{ supplierId: 12, score: 78 }], hops: 1 });
    expect(b.score).toBe(66.3);
    expect(b.band).toBe("high");
    expect(Object.keys(b)).toEqual([
      "model",
      "inherent",
      "controls",
      "residualBeforeFlags",
      "flags",
      "residual",
      "exposure",
      "score",
      "band",
      "driver",
    ]);
    expect(final(supplier({ goods: ["Garments"], answers: BEST })).score).toBe(16.6);
  });

  it("copies the path, so filling names on one breakdown changes no other", () => {
    const exposure: Propagated = { score: 50, exposure: 50, via: [{ supplierId: 3, score: 60 }], hops: 1 };
    const b = final(supplier(), exposure);
    b.exposure.via[0]!.name = "Mill";
    expect(exposure.via[0]!.name).toBeUndefined();
  });
});

describe("the driver", () => {
  it("1. a red flag, the severe one first, with how many more", () => {
    const answers = { ...BEST, "p5.rest_day": "no", "p1.documents_holder": "employer_keeps", "p4.threats_reported": "yes" } as const;
    expect(final(supplier({ answers })).driver).toEqual({ kind: "flag", label: "Red flag: retention of identity documents (+2 more)" });
    expect(final(supplier({ answers: { ...BEST, "p5.rest_day": "no" } })).driver).toEqual({
      kind: "flag",
      label: "Red flag: excessive overtime",
    });
  });

  it("…even when the exposure is higher", () => {
    const b = final(supplier({ answers: { ...BEST, "p5.rest_day": "no" } }), {
      score: 90,
      exposure: 90,
      via: [{ supplierId: 3, score: 100 }],
    });
    expect(b.score).toBe(90);
    expect(b.driver.kind).toBe("flag");
  });

  it("2. the exposure when it is above the residual: the supplier at the end of the path", () => {
    const via = [
      { supplierId: 12, score: 78 },
      { supplierId: 30, score: 92 },
    ];
    expect(final(supplier({ answers: BEST }), { score: 66.3, exposure: 66.3, via, hops: 2 }).driver).toEqual({
      kind: "exposure",
      label: "Via supplier #30, 2 tiers up",
    });
    const named = [via[0]!, { ...via[1]!, name: "Spinning Mill X", tier: 3 }];
    expect(final(supplier({ answers: BEST }), { score: 66.3, exposure: 66.3, via: named, hops: 2 }).driver).toEqual({
      kind: "exposure",
      label: "Via tier-3 Spinning Mill X (#30)",
    });
  });

  it("3. when controls count 0, the inherent driver says why: not assessed, expired, or nothing in place", () => {
    expect(final(supplier({ country: "DE" })).driver).toEqual({ kind: "country", label: "Country risk: DE (TIP Tier 1); not assessed" });
    expect(final(supplier({ answers: BEST, approvedAt: "2023-01-01T00:00:00.000Z" })).driver.label).toMatch(/; assessment expired$/);
    expect(final(supplier({ answers: only(["profile."]) })).driver.label).toMatch(/; no controls in place$/);
  });

  it("4. otherwise the largest weighted inherent part", () => {
    // BEST in MY with garments: country 0.45·40 = 18, goods 0.35·90 = 31.5, workforce 0.2·28.5 = 5.7.
    expect(final(supplier({ goods: ["Garments"], answers: BEST })).driver).toEqual({
      kind: "goods",
      label: "Goods: Garments, forced labour (MY)",
    });
    expect(final(supplier({ country: "DE", goods: ["Cotton"], answers: BEST })).driver).toEqual({
      kind: "goods",
      label: "Goods: Cotton, forced labour elsewhere",
    });
    expect(final(supplier({ country: "CN", answers: BEST })).driver).toEqual({ kind: "country", label: "Country risk: CN (TIP Tier 3)" });
    const m: Methodology = { ...M, countryOverrides: { DE: { score: 99, reason: "test" } } };
    expect(final(supplier({ country: "DE", answers: BEST }), noExposure, m).driver).toEqual({
      kind: "country",
      label: "Country risk: DE (override)",
    });
    expect(final(supplier({ country: "XK", answers: BEST })).driver).toEqual({ kind: "country", label: "Country risk: XK (no TIP data)" });
  });

  it("4. the workforce, named by its largest factor", () => {
    const m: Methodology = { ...M, inherentWeights: { country: 0.1, goods: 0.1, childGoods: 0, workforce: 0.8 } };
    const answers = {
      ...only(["p1."]),
      "profile.migrant_share": 80,
      "profile.temporary_share": 60,
      "profile.uses_agencies": "yes",
      "profile.agencies_licensed": "none",
      "profile.fees_charged": "no",
    } as const;
    const b = final(supplier({ country: "DE", answers }), noExposure, m);
    expect(b.inherent.workforce?.value).toBe(61);
    expect(b.driver).toEqual({ kind: "workforce", label: "Workforce: 80% migrant workers" });
  });

  it("ties go to country, then goods", () => {
    // DE (Tier 1) → 15 and no listed goods → 15, weighted 0.5 each: 7.5 = 7.5.
    const m: Methodology = { ...M, inherentWeights: { country: 1, goods: 1, childGoods: 0, workforce: 0 } };
    const b = final(supplier({ country: "DE", goods: ["Widgets"], answers: only(["p1."]) }), noExposure, m);
    expect([b.inherent.country.weight * b.inherent.country.value, b.inherent.goods.weight * b.inherent.goods.value]).toEqual([7.5, 7.5]);
    expect(b.driver).toEqual({ kind: "country", label: "Country risk: DE (TIP Tier 1)" });
  });
});
