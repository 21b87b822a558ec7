import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isIsoDay, isoDay, todayIso } from "./dates";

describe("dates", () => {
  it("takes the UTC day of an instant", () => {
    expect(isoDay(new Date("2026-03-01T23:30:00-05:00"))).toBe("2026-03-02");
    expect(isoDay("2026-03-01T10:00:00.000Z")).toBe("2026-03-01");
    expect(isoDay("not a date")).toBe("not a date");
    expect(todayIso(new Date("2026-12-31T23:59:59Z"))).toBe("2026-12-31");
  });

  it("knows real calendar days", () => {
    expect(isIsoDay("2028-02-29")).toBe(true);
    expect(isIsoDay("2026-02-29")).toBe(false);
    expect(isIsoDay("2026-2-01")).toBe(false);
  });

  it("adds days across months, years and from timestamps", () => {
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-03-01T22:00:00Z", 1)).toBe("2026-03-02");
    expect(addDays(new Date("2026-01-31T12:00:00Z"), 1)).toBe("2026-02-01");
  });

  it("counts both ends of a period", () => {
    expect(daysBetween("2026-01-01", "2026-01-01")).toBe(1);
    expect(daysBetween("2026-01-01", "2026-12-31")).toBe(365);
  });
});
