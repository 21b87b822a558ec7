import { describe, expect, it } from "vitest";
import { coverageNote, listOf, writeNarrative, type NarrativeInput } from "./narrative";
import type { TrendPoint } from "./types";

const point = (day: string, p: Partial<TrendPoint> = {}): TrendPoint => ({
  day,
  suppliers: 40,
  avgScore: 50,
  low: 10,
  medium: 10,
  high: 15,
  critical: 5,
  assessed: 4,
  ...p,
});

function input(over: Partial<NarrativeInput> = {}): NarrativeInput {
  return {
    period: { from: "2026-09-01", to: "2026-11-29", days: 90, preset: 90 },
    scope: null,
    trend: [
      point("2026-09-10", { avgScore: 52.3, high: 16, critical: 8, assessed: 2 }),
      point("2026-11-29", { avgScore: 48.1, high: 14, critical: 6, assessed: 6 }),
    ],
    now: { suppliers: 40, assessed: 6, bands: { critical: 6, high: 14, medium: 10, low: 8, none: 2 }, avgScore: 48.1 },
    riskiest: [
      {
        id: 1,
        name: "Tarim Basin Cotton",
        country: "CN",
        countryName: "China",
        tier: 4,
        score: 90,
        band: "critical",
        driver: "Country risk: CN (TIP Tier 3)",
      },
      {
        id: 2,
        name: "Saigon Stitch",
        country: "VN",
        countryName: "Vietnam",
        tier: 1,
        score: 76.5,
        band: "critical",
        driver: "Red flag: excessive overtime",
      },
      { id: 3, name: "Mato Grosso", country: "BR", countryName: "Brazil", tier: 4, score: 62.8, band: "high", driver: null },
      { id: 4, name: "Not named", country: "IN", countryName: "India", tier: 3, score: 61, band: "high", driver: null },
    ],
    countries: [
      { name: "China", high: 2, critical: 4 },
      { name: "Bangladesh", high: 4, critical: 0 },
      { name: "India", high: 3, critical: 0 },
      { name: "Brazil", high: 1, critical: 0 },
    ],
    actions: { open: 4, overdue: 2, openRedFlags: 3, openedInPeriod: 5, closedInPeriod: 1 },
    funnel: { sent: 6, started: 6, submitted: 5, approved: 4 },
    assessments: { overdue: 1 },
    ...over,
  };
}

const text = (i: NarrativeInput) => Object.fromEntries(writeNarrative(i).map((s) => [s.heading, s.text]));

describe("writeNarrative", () => {
  it("has three sections: what changed, the top risks, the due diligence done", () => {
    expect(writeNarrative(input()).map((s) => s.heading)).toEqual(["What changed", "Top risks", "Due diligence"]);
  });

  it("compares the first and the last roll-up of the period", () => {
    const t = text(input())["What changed"]!;
    expect(t).toContain("Between 2026-09-10 and 2026-11-29 the average risk score fell from 52.3 to 48.1 (−4.2 points");
    expect(t).toContain("went from 24 to 20 (−4), of which 6 critical");
    expect(t).toContain("valid approved assessment went from 2 to 6");
    expect(t).not.toContain("supply base counted"); // same number of suppliers
  });

  it("says when risk rose, when it held, and names the scope", () => {
    const up = text(
      input({
        scope: "Tier 1 suppliers in Bangladesh",
        trend: [point("2026-10-01", { avgScore: 40 }), point("2026-11-01", { avgScore: 41.25, suppliers: 44 })],
      }),
    )["What changed"]!;
    expect(up).toContain("average risk score for Tier 1 suppliers in Bangladesh rose from 40.0 to 41.3 (+1.3 points");
    expect(up).toContain("stayed at 20");
    expect(up).toContain("counted 40 suppliers at the start and 44 at the end");
    const flat = text(input({ trend: [point("2026-10-01"), point("2026-11-01")] }))["What changed"]!;
    expect(flat).toContain("stayed at 50.0");
  });

  it("does not invent a trend from one day, or from none", () => {
    expect(text(input({ trend: [point("2026-11-29", { avgScore: 48.1 })] }))["What changed"]).toBe(
      "Risk was recorded on one day in this period (2026-11-29): an average risk score of 48.1, " +
        "with 20 suppliers in the high or critical band. More days are needed to show a trend.",
    );
    expect(text(input({ trend: [] }))["What changed"]).toMatch(/^No risk roll-up was recorded in this period/);
  });

  it("says when the change covers a shorter window than the period in the heading", () => {
    // The default input: a 90-day period from 2026-09-01, roll-ups only from 2026-09-10.
    const t = text(input())["What changed"]!;
    const opening =
      "The change in risk covers only 2026-09-10 to 2026-11-29 (81 days of the period's 90): " +
      "no risk roll-up was recorded in it before 2026-09-10. Between 2026-09-10 and 2026-11-29 ";
    expect(t.slice(0, opening.length)).toBe(opening);
    // History stopping before the end of the period is named too.
    const stale = text(input({ trend: [point("2026-09-01"), point("2026-11-20")] }))["What changed"]!;
    expect(stale).toContain(
      "covers only 2026-09-01 to 2026-11-20 (81 days of the period's 90): no risk roll-up was recorded in it after 2026-11-20.",
    );
    const both = coverageNote(input().period, [point("2026-09-02"), point("2026-11-28")]);
    expect(both).toBe(
      "The change in risk covers only 2026-09-02 to 2026-11-28 (88 days of the period's 90): " +
        "no risk roll-up was recorded in it before 2026-09-02 or after 2026-11-28.",
    );
    // Roll-ups on the period's first and last day: no note.
    const whole = text(input({ trend: [point("2026-09-01"), point("2026-11-29")] }))["What changed"]!;
    expect(whole).toMatch(/^Between 2026-09-01 and 2026-11-29 /);
    expect(coverageNote(input().period, [point("2026-09-01"), point("2026-11-29")])).toBeNull();
    // Days with no scored supplier, and days outside the period, do not count as covered.
    expect(
      coverageNote(input().period, [point("2026-08-01"), point("2026-09-01", { suppliers: 0 }), point("2026-09-05"), point("2026-11-29")]),
    ).toContain("covers only 2026-09-05 to 2026-11-29");
    expect(coverageNote(input().period, [])).toBeNull();
  });

  it("names the three riskiest suppliers with their drivers, and the countries with most high and critical suppliers", () => {
    const t = text(input())["Top risks"]!;
    expect(t).toContain("Today 20 suppliers are in the high or critical band (50% of 40 suppliers; 6 critical).");
    expect(t).toContain(
      "The highest scores are Tarim Basin Cotton (China, critical, 90.0 — Country risk: CN (TIP Tier 3)), " +
        "Saigon Stitch (Vietnam, critical, 76.5 — Red flag: excessive overtime) and Mato Grosso (Brazil, high, 62.8).",
    );
    expect(t).not.toContain("Not named");
    expect(t).toContain("Most high and critical suppliers are in China (6), Bangladesh (4) and India (3).");
    expect(t).toContain("2 suppliers have no score yet.");
  });

  it("reports the actions and questionnaires of the period", () => {
    const t = text(input())["Due diligence"]!;
    expect(t).toContain("In this period 5 corrective actions were opened and 1 closed.");
    expect(t).toContain("4 actions remain open (2 overdue, 3 raised by red flags).");
    expect(t).toContain("6 questionnaires were sent in this period: 6 started, 5 submitted and 4 approved so far.");
    expect(t).toContain("6 of 40 suppliers (15%) hold a valid approved assessment; 1 questionnaire is overdue.");
    const quiet = text(
      input({
        actions: { open: 0, overdue: 0, openRedFlags: 0, openedInPeriod: 0, closedInPeriod: 0 },
        funnel: { sent: 0, started: 0, submitted: 0, approved: 0 },
        assessments: { overdue: 0 },
      }),
    )["Due diligence"]!;
    expect(quiet).toContain("No corrective action was opened or closed in this period. No corrective action is open.");
    expect(quiet).toContain("No questionnaire was sent to suppliers in this period.");
    expect(quiet).toMatch(/valid approved assessment\.$/);
  });

  it("handles a scope without suppliers", () => {
    const t = text(
      input({
        scope: "suppliers in Peru",
        now: { suppliers: 0, assessed: 0, bands: { critical: 0, high: 0, medium: 0, low: 0, none: 0 }, avgScore: null },
        riskiest: [],
        countries: [],
      }),
    );
    expect(t["Top risks"]).toBe("There are no suppliers in Peru to report on.");
    const tier = text(input({ scope: "Tier 1 suppliers in Peru", now: { ...input().now, suppliers: 0 }, riskiest: [], countries: [] }));
    expect(tier["Top risks"]).toBe("There are no Tier 1 suppliers in Peru to report on.");
    const all = text(input({ scope: null, now: { ...input().now, suppliers: 0 }, riskiest: [], countries: [] }));
    expect(all["Top risks"]).toBe("There are no suppliers to report on.");
  });

  it("is deterministic", () => {
    expect(writeNarrative(input())).toEqual(writeNarrative(input()));
  });
});

describe("listOf", () => {
  it("joins with commas and a final 'and'", () => {
    expect(listOf([])).toBe("");
    expect(listOf(["a"])).toBe("a");
    expect(listOf(["a", "b"])).toBe("a and b");
    expect(listOf(["a", "b", "c"])).toBe("a, b and c");
  });
});
