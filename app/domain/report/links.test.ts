import { describe, expect, it } from "vitest";
import { dashboardSearch, hasFilter, supplierListHref } from "./links";

describe("supplierListHref", () => {
  it("hands the dashboard's filters and the figure's own on to the supplier list (the band as its `risk`)", () => {
    expect(supplierListHref("acme", {})).toBe("/o/acme/suppliers");
    expect(supplierListHref("acme", { country: "BD", sector: "Apparel & shoes" }, { tier: 2, band: "high" })).toBe(
      "/o/acme/suppliers?tier=2&country=BD&sector=Apparel+%26+shoes&risk=high",
    );
    // the figure's value wins over the filter's
    expect(supplierListHref("acme", { country: "BD", good: "Cotton" }, { country: "CN" })).toBe("/o/acme/suppliers?country=CN&good=Cotton");
  });

  it("leaves out tier 0 (not linked), which the list cannot express", () => {
    expect(supplierListHref("acme", { tier: 0 }, { band: "none" })).toBe("/o/acme/suppliers?risk=none");
  });
});

describe("dashboardSearch", () => {
  it("keeps the URL short: no default period, dates only when chosen", () => {
    expect(dashboardSearch({}, { preset: 90, from: "2026-09-01", to: "2026-11-29" })).toBe("");
    expect(dashboardSearch({ tier: 1, band: "critical" }, { preset: 30, from: "x", to: "y" })).toBe("?tier=1&band=critical&days=30");
    expect(dashboardSearch({ country: "BD" }, { preset: null, from: "2026-01-01", to: "2026-03-31" })).toBe(
      "?country=BD&from=2026-01-01&to=2026-03-31",
    );
  });

  it("tells whether any filter is set", () => {
    expect(hasFilter({})).toBe(false);
    expect(hasFilter({ tier: 0 })).toBe(true);
    expect(hasFilter({ good: "Cotton" })).toBe(true);
  });
});
