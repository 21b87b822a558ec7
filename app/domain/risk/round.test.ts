import { describe, expect, it } from "vitest";
import { round1, round2 } from "./round";
import { seeded } from "./test-support";

describe("rounding", () => {
  it("rounds halves up after removing binary dust", () => {
    expect(round2((0.45 / 0.8) * 40 + (0.35 / 0.8) * 90)).toBe(61.88);
    expect(round2(1.005)).toBe(1.01);
    expect(round2(0.285)).toBe(0.29);
    expect(round1(66.25)).toBe(66.3);
    expect(round1(0.85 * 78)).toBe(66.3);
    expect(round2(16.555)).toBe(16.56);
    expect(Object.is(round2(-0.001), 0)).toBe(true);
  });

  it("is monotone", () => {
    const rng = seeded(5);
    for (let i = 0; i < 5000; i++) {
      const a = rng.next() * 100;
      const b = a + rng.next() * 1e-6;
      expect(round2(b)).toBeGreaterThanOrEqual(round2(a));
      expect(round1(b)).toBeGreaterThanOrEqual(round1(a));
    }
  });
});
