import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isIsoDay } from "~/domain/dates";
import { periodBounds, periodCoverage, periodLabel, resolvePeriod } from "./period";

const TODAY = "2026-11-29";

describe("resolvePeriod", () => {
  it("defaults to the last 90 days, today included", () => {
    expect(resolvePeriod({}, TODAY)).toEqual({ from: "2026-09-01", to: TODAY, days: 90, preset: 90 });
  });

  it("takes the presets 30 and 365 and refuses other day counts", () => {
    expect(resolvePeriod({ days: 30 }, TODAY)).toEqual({ from: "2026-10-31", to: TODAY, days: 30, preset: 30 });
    expect(resolvePeriod({ days: 365 }, TODAY)).toMatchObject({ from: "2025-11-30", days: 365 });
    expect(resolvePeriod({ days: 7 }, TODAY)).toHaveProperty("error");
  });

  it("takes chosen dates, cutting an end after today at today", () => {
    expect(resolvePeriod({ from: "2026-01-01", to: "2026-03-31" }, TODAY)).toEqual({
      from: "2026-01-01",
      to: "2026-03-31",
      days: 90,
      preset: null,
    });
    expect(resolvePeriod({ from: "2026-11-01", to: "2027-01-01" }, TODAY)).toEqual({
      from: "2026-11-01",
      to: TODAY,
      days: 29,
      preset: null,
    });
    // dates win over a preset
    expect(resolvePeriod({ days: 30, from: "2026-11-29", to: "2026-11-29" }, TODAY)).toMatchObject({ days: 1, preset: null });
  });

  it("explains a period it cannot use", () => {
    expect(resolvePeriod({ from: "2026-01-01" }, TODAY)).toEqual({ error: "Give both a start and an end date, or neither." });
    expect(resolvePeriod({ from: "2026-02-30", to: "2026-03-01" }, TODAY)).toEqual({ error: "Dates look like 2026-01-31." });
    expect(resolvePeriod({ from: "2026-03-02", to: "2026-03-01" }, TODAY)).toEqual({ error: "The start date is after the end date." });
    expect(resolvePeriod({ from: "2027-01-01", to: "2027-02-01" }, TODAY)).toEqual({ error: "The period cannot start after today." });
    expect(resolvePeriod({ from: "2000-01-01", to: "2026-01-01" }, TODAY)).toHaveProperty("error");
  });
});

describe("day arithmetic", () => {
  it("validates, adds and counts days in UTC", () => {
    expect(isIsoDay("2028-02-29")).toBe(true);
    expect(isIsoDay("2026-02-29")).toBe(false);
    expect(isIsoDay("2026-1-01")).toBe(false);
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysBetween("2026-01-01", "2026-01-01")).toBe(1);
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(3); // across a DST change in Europe: still whole days
  });

  it("labels and bounds a period", () => {
    const p = resolvePeriod({}, TODAY);
    if ("error" in p) throw new Error(p.error);
    expect(periodLabel(p)).toBe("Last 90 days (2026-09-01 to 2026-11-29)");
    expect(periodLabel({ from: "2026-01-01", to: "2026-01-01", days: 1, preset: null })).toBe("2026-01-01");
    expect(periodBounds(p)).toEqual({ fromIso: "2026-09-01T00:00:00.000Z", toIso: "2026-11-29T23:59:59.999Z" });
  });
});

describe("periodCoverage", () => {
  const p = { from: "2026-09-01", to: "2026-11-29", days: 90, preset: 90 };
  it("is the first to the last day with figures inside the period", () => {
    expect(periodCoverage(p, ["2026-11-01", "2026-09-10", "2026-08-31", "2026-12-01"])).toEqual({
      from: "2026-09-10",
      to: "2026-11-01",
      days: 53,
      whole: false,
    });
    expect(periodCoverage(p, ["2026-09-01", "2026-10-01", "2026-11-29"])).toEqual({
      from: "2026-09-01",
      to: "2026-11-29",
      days: 90,
      whole: true,
    });
  });
  it("is null without a day inside the period", () => {
    expect(periodCoverage(p, [])).toBeNull();
    expect(periodCoverage(p, ["2026-12-01"])).toBeNull();
  });
});
