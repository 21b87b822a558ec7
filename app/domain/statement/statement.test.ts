// The pure parts of statements: the reporting year, figure tokens, figures computed from grouped
// counts (and the filter that narrows a figure's list agreeing with the count), and the templates.
import { describe, expect, it } from "vitest";
import { emptyOrgProfile } from "~/domain/org-profile";
import { computeFigures, FIGURES, isFigureKey } from "./figures";
import { countBy, countRows, matchesFilter } from "./lists";
import { TEMPLATES, findTemplate, latestTemplates } from "./templates";
import { paragraphText, renderText, tokenProblem, tokensIn } from "./tokens";
import type { ListGroup, YearFacts } from "./types";
import { defaultDraftYear, reportingPeriod } from "./year";

const g = (over: Partial<ListGroup>): ListGroup => ({
  list: "suppliers",
  tier: 1,
  country: "BD",
  status: "low",
  detail: null,
  n: 1,
  ...over,
});

function facts(groups: ListGroup[], over: Partial<YearFacts> = {}): YearFacts {
  return {
    year: 2026,
    period: { from: "2026-01-01", to: "2026-12-31" },
    groups,
    grievances: { received: 3, substantiated: 0, remedies: 7, channels: 2 },
    methodology: { model: "v2", version: 3 },
    ...over,
  };
}

describe("reporting year", () => {
  it("is the calendar year by default and the financial year when the profile says so", () => {
    expect(reportingPeriod(2026)).toEqual({ from: "2026-01-01", to: "2026-12-31" });
    expect(reportingPeriod(2026, "03-31")).toEqual({ from: "2025-04-01", to: "2026-03-31" });
    expect(reportingPeriod(2025, "02-29")).toEqual({ from: "2024-03-01", to: "2025-02-28" });
  });
  it("defaults to the year closing within 90 days, else the last one that ended", () => {
    expect(defaultDraftYear("2026-12-07")).toBe(2026);
    expect(defaultDraftYear("2026-05-07")).toBe(2025);
    expect(defaultDraftYear("2026-12-07", "06-30")).toBe(2026);
    expect(defaultDraftYear("2026-05-07", "06-30")).toBe(2026);
    expect(defaultDraftYear("2026-01-10", "03-31")).toBe(2026);
  });
});

describe("figure tokens", () => {
  it("finds tokens, renders them with their figure and keeps the words around them", () => {
    const f = computeFigures(facts([g({ n: 12 })]), null);
    const text = "We had [[figure:suppliers.total]] suppliers.\n\nSecond [[figure:suppliers.total]] paragraph.";
    expect(tokensIn(text)).toEqual(["suppliers.total"]);
    const paragraphs = renderText(text, f);
    expect(paragraphs).toHaveLength(2);
    expect(paragraphText(paragraphs[0]!)).toBe("We had 12 suppliers.");
    expect(paragraphs[0]![1]).toMatchObject({ kind: "figure", key: "suppliers.total", text: "12" });
  });
  it("refuses an unknown or malformed token with a clear message", () => {
    expect(tokenProblem("[[figure:suppliers.total]]", isFigureKey)).toBeNull();
    expect(tokenProblem("[[figure:suppliers.nope]]", isFigureKey)).toMatch(/Unknown figure "suppliers.nope"/);
    expect(tokenProblem("[[figure:Suppliers]] or [[figure suppliers.total]]", isFigureKey)).toMatch(/not written as/);
  });
});

describe("figures", () => {
  const groups = [
    g({ tier: 1, country: "BD", n: 5, status: "high" }),
    g({ tier: 2, country: "IN", n: 3, status: "critical" }),
    g({ tier: 3, country: "IN", n: 2, status: "low" }),
    g({ tier: null, country: "CN", n: 1, status: null }),
    g({ list: "actions_opened", detail: "debt_bondage", n: 2, status: "open" }),
    g({ list: "actions_opened", detail: null, n: 4, status: "done" }),
    g({ list: "assessments_approved", n: 6, status: "approved" }),
  ];
  const f = computeFigures(facts(groups), null);
  it("counts suppliers by tier and country, and says what the profile lacks", () => {
    expect(f["suppliers.total"]!.value).toBe(11);
    expect(f["suppliers.tier1"]!.value).toBe(5);
    expect(f["suppliers.tier3plus"]!.value).toBe(2);
    expect(f["suppliers.high_risk"]!.value).toBe(8);
    expect(f["suppliers.countries"]!.value).toBe(3);
    expect(f["suppliers.by_tier"]!.text).toBe("5 at tier 1, 3 at tier 2, 2 at tier 3 and 1 not yet placed in a tier");
    expect(f["profile.policies"]!.text).toMatch(/no organisation profile/);
  });
  it("counts red flags by ILO indicator and masks grievance counts under 5", () => {
    expect(f["flags.total"]!.value).toBe(2);
    expect(f["flags.by_indicator"]!.text).toBe("debt bondage (2)");
    expect(f["actions.opened"]!.value).toBe(6);
    expect(f["grievances.received"]!.text).toBe("fewer than 5");
    expect(f["grievances.received"]!.value).toBeNull();
    expect(f["grievances.remedies"]!.text).toBe("7");
    expect(f["methodology.version"]!.text).toBe("risk model v2, methodology version 3");
  });
  it("says plainly when the profile holds no policies or training", () => {
    const p = computeFigures(facts(groups), emptyOrgProfile("Acme"));
    expect(p["profile.policies"]!.text).toBe("No policies are recorded in the organisation profile yet");
    expect(p["profile.training"]!.text).toBe("No training in 2026 is recorded in the organisation profile yet");
    expect(p["profile.legal_name"]!.text).toBe("Acme");
  });
  it("every list figure's filter counts exactly the rows its list page shows", () => {
    for (const [key, d] of Object.entries(FIGURES)) {
      if (d.source.kind !== "list" || f[key]!.value === null || key === "suppliers.countries") continue;
      const src = d.source;
      const rows = groups.filter((r) => r.list === src.list && matchesFilter(r, src.filter));
      expect(f[key]!.value, key).toBe(rows.reduce((n, r) => n + r.n, 0));
    }
    expect(countRows(groups, "suppliers", { tierNull: true })).toBe(1);
    expect(countBy(groups, "suppliers", "country")[0]).toEqual({ value: "BD", n: 5 }); // a tie (BD 5, IN 5) reads alphabetically
  });
});

describe("templates", () => {
  it("use only known figures, with unique section keys, one file per law and version", () => {
    for (const t of TEMPLATES) {
      const keys = t.sections.map((s) => s.key);
      expect(new Set(keys).size, t.key).toBe(keys.length);
      for (const s of t.sections) expect(tokenProblem(s.draft, isFigureKey), `${t.key}/${s.key}`).toBeNull();
    }
    expect(latestTemplates().map((t) => t.key)).toEqual(["uk-msa-s54", "au-msa", "ca-s211", "lksg-csddd"]);
    expect(findTemplate("uk-msa-s54", 1)?.sections).toHaveLength(7);
    expect(findTemplate("nope")).toBeNull();
  });
  it("Canada's template carries draft answers to the annual questionnaire", () => {
    const q = findTemplate("ca-s211")!.sections.filter((s) => s.group);
    expect(q.length).toBeGreaterThanOrEqual(6);
    expect(q.every((s) => s.heading.startsWith("Q:"))).toBe(true);
  });
});
