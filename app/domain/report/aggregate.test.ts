import { describe, expect, it } from "vitest";
import { mainCurrency, principleScores, summarize, summarizeParts, topCountriesByRisk, topCountriesBySpend } from "./aggregate";
import type { CubeCell, PrincipleCell } from "./types";

const cell = (c: Partial<CubeCell>): CubeCell => ({
  tier: 1,
  country: "BD",
  band: "low",
  currency: "USD",
  suppliers: 1,
  scored: 1,
  scoreSum: 20,
  assessed: 0,
  spend: 0,
  ...c,
});

describe("summarize", () => {
  const cells = [
    cell({ tier: 1, country: "BD", band: "critical", suppliers: 2, scored: 2, scoreSum: 170, assessed: 1, spend: 1000 }),
    cell({ tier: 1, country: "BD", band: "low", suppliers: 3, scored: 3, scoreSum: 60, assessed: 3, spend: 500 }),
    cell({ tier: 2, country: "CN", band: "high", suppliers: 4, scored: 4, scoreSum: 240, spend: 2000 }),
    cell({ tier: 0, country: "IN", band: "none", suppliers: 1, scored: 0, scoreSum: 0, spend: 0, currency: "" }),
    cell({ tier: 2, country: "IN", band: "high", suppliers: 1, scored: 1, scoreSum: 55, spend: 300, currency: "EUR" }),
  ];
  const s = summarize(cells);

  it("adds up suppliers, scores and assessments", () => {
    expect(s.suppliers).toBe(11);
    expect(s.scored).toBe(10);
    expect(s.avgScore).toBe(52.5); // (170 + 60 + 240 + 55) / 10
    expect(s.assessed).toBe(4);
    expect(s.assessedShare).toBeCloseTo(4 / 11);
    expect(s.bands).toEqual({ critical: 2, high: 5, medium: 0, low: 3, none: 1 });
  });

  it("counts bands per tier, tiers ascending and 'not linked' last", () => {
    expect(s.byTier.map((t) => t.tier)).toEqual([1, 2, 0]);
    expect(s.byTier[0]).toEqual({ tier: 1, suppliers: 5, bands: { critical: 2, high: 0, medium: 0, low: 3, none: 0 } });
    expect(s.byTier[1]!.bands.high).toBe(5);
  });

  it("counts spend only in the main currency and says how many suppliers are left out", () => {
    expect(s.spend).toEqual({ currency: "USD", total: 3500, atRisk: 3000, otherCurrencySuppliers: 1 });
    const bd = s.countries.find((c) => c.country === "BD")!;
    expect(bd).toMatchObject({ suppliers: 5, critical: 2, high: 0, spendCritical: 1000, spendHigh: 0 });
    const india = s.countries.find((c) => c.country === "IN")!;
    expect(india).toMatchObject({ high: 1, spendHigh: 0 }); // its spend is in EUR
  });

  it("gives the same summary from the roll-up summed by tier and by country", () => {
    const sumBy = (key: (c: CubeCell) => string, blank: Partial<CubeCell>) => {
      const out = new Map<string, CubeCell>();
      for (const c of cells) {
        const k = key(c);
        const cur = out.get(k);
        if (!cur) out.set(k, { ...c, ...blank });
        else for (const f of ["suppliers", "scored", "scoreSum", "assessed", "spend"] as const) cur[f] += c[f];
      }
      return [...out.values()];
    };
    const byTier = sumBy((c) => `${c.tier}|${c.band}|${c.currency}`, { country: "" });
    const byCountry = sumBy((c) => `${c.country}|${c.band}|${c.currency}`, { tier: 0, scored: 0, scoreSum: 0, assessed: 0 });
    expect(summarizeParts(byTier, byCountry)).toEqual(s);
  });

  it("has no average and no share without suppliers", () => {
    const empty = summarize([]);
    expect(empty).toMatchObject({ suppliers: 0, avgScore: null, assessedShare: null, byTier: [], countries: [] });
    expect(empty.spend.currency).toBeNull();
  });
});

describe("mainCurrency", () => {
  it("picks the currency with the most spend, alphabetical on a tie, ignoring blanks", () => {
    expect(mainCurrency([cell({ currency: "EUR", spend: 10 }), cell({ currency: "USD", spend: 20 })])).toBe("USD");
    expect(mainCurrency([cell({ currency: "USD", spend: 10 }), cell({ currency: "EUR", spend: 10 })])).toBe("EUR");
    expect(mainCurrency([cell({ currency: "", spend: 99 })])).toBeNull();
  });
});

describe("top countries", () => {
  const countries = summarize([
    cell({ country: "AA", band: "high", suppliers: 3 }),
    cell({ country: "BB", band: "critical", suppliers: 3, spend: 50 }),
    cell({ country: "CC", band: "low", suppliers: 9, spend: 900 }),
    cell({ country: "DD", band: "high", suppliers: 1, spend: 70 }),
  ]).countries;

  it("ranks by high + critical suppliers, more critical first on a tie, leaving out countries without any", () => {
    expect(topCountriesByRisk(countries).map((c) => c.country)).toEqual(["BB", "AA", "DD"]);
    expect(topCountriesByRisk(countries, 1).map((c) => c.country)).toEqual(["BB"]);
  });

  it("ranks by spend at risk", () => {
    expect(topCountriesBySpend(countries).map((c) => c.country)).toEqual(["DD", "BB"]);
  });
});

describe("principleScores", () => {
  it("averages each principle over the suppliers it applies to, on 0..100, in the given order", () => {
    const cells: PrincipleCell[] = [
      { tier: 1, country: "BD", band: "low", principle: "P1", suppliers: 2, scoreSum: 1.5 },
      { tier: 2, country: "CN", band: "high", principle: "P1", suppliers: 2, scoreSum: 0.5 },
      { tier: 1, country: "BD", band: "low", principle: "P2", suppliers: 1, scoreSum: 1 },
    ];
    const out = principleScores(cells, [
      { principle: "P2", label: "Public awareness" },
      { principle: "P1", label: "Policy setting" },
      { principle: "P3", label: "Strategic planning" },
    ]);
    expect(out).toEqual([
      { principle: "P2", label: "Public awareness", suppliers: 1, average: 100 },
      { principle: "P1", label: "Policy setting", suppliers: 4, average: 50 },
      { principle: "P3", label: "Strategic planning", suppliers: 0, average: null },
    ]);
  });
});
