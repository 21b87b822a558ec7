import { describe, expect, it } from "vitest";
import { endSentence } from "~/domain/sentence";
import { countOf, formatScore, plural } from "./format";

describe("formatScore", () => {
  it("always one decimal, so 90 and 76.9 and 42.19 line up", () => {
    expect([90, 76.9, 42.19, 0, 100, 12.25, -0].map(formatScore)).toEqual(["90.0", "76.9", "42.2", "0.0", "100.0", "12.3", "0.0"]);
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
