import { describe, expect, it } from "vitest";
import { endSentence } from "~/domain/sentence";
import { countOf, formatCompact, formatInt, formatMegabytes, formatMoney, formatNumber, formatScore, plural } from "./format";

describe("formatScore", () => {
  it("always one decimal, so 90 and 76.9 and 42.19 line up", () => {
    expect([90, 76.9, 42.19, 0, 100, 12.25, -0].map(formatScore)).toEqual(["90.0", "76.9", "42.2", "0.0", "100.0", "12.3", "0.0"]);
  });
});

describe("formatInt / formatNumber / formatCompact / formatMoney / formatMegabytes", () => {
  it("groups thousands with commas, as Intl does in English", () => {
    expect([0, 7, 1204, 1234567, -1500, -0.4].map(formatInt)).toEqual(["0", "7", "1,204", "1,234,567", "-1,500", "0"]);
    for (const n of [0, 999, 1000, 98765, 123456789]) expect(formatInt(n)).toBe(new Intl.NumberFormat("en").format(n));
    expect(formatNumber(1234.5)).toBe("1,234.5");
    expect(formatCompact(1_500_000)).toBe("1.5M");
  });
  it("money in whole units with its code; an unknown code after the amount; nothing for no amount", () => {
    expect(formatMoney(1_250_000, "USD")).toBe("USD\u00a01,250,000");
    expect(formatMoney(1_250_000.6, "XYZ1")).toBe("1,250,001 XYZ1");
    expect(formatMoney(42, null)).toBe("42");
    expect(formatMoney(null, "USD")).toBe("");
  });
  it("file sizes in megabytes with one decimal", () => {
    expect(formatMegabytes(1024 * 1024 * 12)).toBe("12.0 MB");
    expect(formatMegabytes(400 * 1024)).toBe("0.4 MB");
  });
});

describe("plural / countOf", () => {
  it("1 supplier matches, 0 and 2 suppliers match", () => {
    expect(plural(1, "supplier matches", "suppliers match")).toBe("supplier matches");
    expect(countOf(0, "supplier", "suppliers")).toBe("0 suppliers");
    expect(countOf(1, "supplier", "suppliers")).toBe("1 supplier");
    expect(countOf(1204, "supplier", "suppliers")).toBe("1,204 suppliers");
  });
});

describe("endSentence", () => {
  it("adds a full stop only when the name does not already end with one", () => {
    expect(endSentence("Golden Thread Co., Ltd.")).toBe("Golden Thread Co., Ltd.");
    expect(endSentence("Golden Thread Co., Ltd")).toBe("Golden Thread Co., Ltd.");
  });
});
