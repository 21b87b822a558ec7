import { describe, expect, it } from "vitest";
import Papa from "papaparse";
import { reportCsv, reportRows } from "./csv";
import { headlineFigures, scopeLabel } from "./figures";
import { summarize } from "./aggregate";
import type { DashboardData } from "./types";

function data(): DashboardData {
  const summary = summarize([
    { tier: 1, country: "BD", band: "critical", currency: "USD", suppliers: 2, scored: 2, scoreSum: 170, assessed: 1, spend: 1_000_000 },
    { tier: 1, country: "CN", band: "high", currency: "USD", suppliers: 1, scored: 1, scoreSum: 60, assessed: 0, spend: 250_000 },
    { tier: 2, country: "CN", band: "low", currency: "USD", suppliers: 1, scored: 1, scoreSum: 20, assessed: 1, spend: 0 },
  ]);
  return {
    filter: {},
    period: { from: "2026-09-01", to: "2026-11-29", days: 90, preset: 90 },
    emptyTenant: false,
    summary,
    principles: [{ principle: "P1", label: "Policy setting", average: 75, suppliers: 2 }],
    trend: {
      points: [{ day: "2026-11-29", suppliers: 4, avgScore: 62.5, low: 1, medium: 0, high: 1, critical: 2, assessed: 2 }],
      scope: "all",
    },
    funnel: { sent: 3, started: 2, submitted: 2, approved: 1 },
    assessments: { overdue: 1 },
    actions: { open: 2, overdue: 1, openRedFlags: 1, openedInPeriod: 2, closedInPeriod: 0 },
    riskiest: [
      {
        id: 7,
        name: '=HYPERLINK("http://evil.example")',
        country: "BD",
        countryName: "Bangladesh",
        tier: 1,
        score: 86,
        band: "critical",
        driver: "Red flag: debt bondage",
      },
    ],
    countryNames: { BD: "Bangladesh", CN: "China" },
    pending: [],
    refreshedAt: "2026-11-29T02:00:00.000Z",
    updating: false,
  };
}

const meta = { organization: "Acme Apparel", scope: null, generatedAt: "2026-11-29T03:00:00.000Z" };

describe("the report CSV", () => {
  it("holds the numbers behind every chart, one value per row", () => {
    const rows = reportRows(data(), meta);
    const find = (section: string, item: string, series = "") =>
      rows.find((r) => r[0] === section && r[1] === item && r[2] === series)?.[3];
    expect(find("headline", "suppliers")).toBe(4);
    expect(find("headline", "suppliers", "Tier 1")).toBe(3);
    expect(find("headline", "with a valid approved assessment", "% of suppliers")).toBe(50);
    expect(find("headline", "high and critical suppliers")).toBe(3);
    expect(find("headline", "open red flags")).toBe(1);
    expect(find("headline", "overdue assessments")).toBe(1);
    expect(find("risk bands by tier", "Tier 2", "Low")).toBe(1);
    expect(find("countries by high and critical suppliers", "Bangladesh (BD)", "critical")).toBe(2);
    expect(find("spend at risk by country", "China (CN)", "high (USD)")).toBe(250000);
    expect(find("spend at risk", "all countries", "high and critical (USD)")).toBe(1250000);
    expect(find("maturity by Athens principle", "P1 Policy setting", "average %")).toBe(75);
    expect(find("trend", "2026-11-29", "high and critical")).toBe(3);
    expect(find("assessment funnel", "approved", "questionnaires")).toBe(1);
    expect(find("corrective actions", "opened in period")).toBe(2);
    expect(find("riskiest suppliers", '1. =HYPERLINK("http://evil.example")', "main driver")).toBe("Red flag: debt bondage");
  });

  it("is a CSV a spreadsheet opens without running formulas", () => {
    const csv = reportCsv(data(), meta);
    expect(csv.startsWith("\uFEFFsection,item,series,value\r\n")).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.every((r) => r.length === 4)).toBe(true);
    const evil = parsed.data.find((r) => r[1]!.includes("HYPERLINK"))!;
    expect(evil[1]!.startsWith("1. ")).toBe(true); // not at the start of the cell here…
    expect(reportCsv({ ...data(), riskiest: [{ ...data().riskiest[0]!, driver: "=cmd|' /C calc'!A0" }] }, meta)).toContain("'=cmd");
    expect(parsed.data).toContainEqual(["report", "organization", "", "Acme Apparel"]);
  });
});

describe("headline figures", () => {
  it("word the figures once for the dashboard, the report and the CSV", () => {
    const f = headlineFigures(data());
    expect(f.map((x) => [x.key, x.display])).toEqual([
      ["suppliers", "4"],
      ["assessed", "50%"],
      ["high-critical", "3"],
      ["red-flags", "1"],
      ["overdue-assessments", "1"],
      ["actions", "2"],
    ]);
    expect(f[0]!.detail).toBe("Tier 1: 3 · Tier 2: 1");
    expect(f[2]).toMatchObject({ detail: "2 critical · 1 high", alert: true });
    expect(f[5]!.detail).toBe("1 overdue");
  });

  it("describe the scope of a filter", () => {
    expect(scopeLabel({}, {})).toBeNull();
    expect(scopeLabel({ tier: 1, country: "BD" }, { BD: "Bangladesh" })).toBe("Tier 1 suppliers in Bangladesh");
    expect(scopeLabel({ tier: 0, sector: "Apparel", band: "high", good: "Cotton" }, {})).toBe(
      "suppliers not linked to a buyer (sector Apparel, goods Cotton, high band)",
    );
    expect(scopeLabel({ band: "none" }, {})).toBe("suppliers (not scored yet)");
  });
});
