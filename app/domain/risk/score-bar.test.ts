import { describe, expect, it } from "vitest";
import { BEST } from "~/domain/questionnaire/test-fixtures";
import { finalizeBreakdown } from "./finalize";
import { METHODOLOGY_V1 } from "./methodology";
import { propagate } from "./propagate";
import { assessResidual } from "./residual";
import { roundToTotal, scoreBarGeometry } from "./score-bar";
import { NOW, REF, seeded, randomSupplier, supplier } from "./test-support";
import type { Propagated, SupplierRiskInput } from "./types";

const M = METHODOLOGY_V1;
const noExposure: Propagated = { score: 0, exposure: 0, via: [] };
const final = (input: SupplierRiskInput, exposure: Propagated = noExposure) =>
  finalizeBreakdown(assessResidual(input, REF, M, NOW), exposure, M);
const end = (g: ReturnType<typeof scoreBarGeometry>) => g.segments.reduce((a, s) => a + s.width, 0);
const sumValues = (g: ReturnType<typeof scoreBarGeometry>) => Math.round(g.segments.reduce((a, s) => a + s.value, 0) * 10) / 10;

describe("scoreBarGeometry", () => {
  it("a severe red flag over good controls: the bar ends at the score (90), the floor included, nothing drawn past it", () => {
    // Good answers everywhere except three red flags: the controls bring the residual down, the
    // floor puts it back up to 90. The old bar drew the controls' removed part after the floor too,
    // so the segments added up to more than 100 and the browser squeezed "90" to about 71.
    const b = final(
      supplier({
        country: "BD",
        goods: ["Garments"],
        answers: { ...BEST, "p1.deposits": "yes", "p4.violence_reported": "yes", "p4.threats_reported": "yes" },
      }),
    );
    expect(b.flags.floor).toBe(90);
    expect(b.score).toBe(90);
    expect(b.residualBeforeFlags).toBeLessThan(b.inherent.value);
    const g = scoreBarGeometry(b);
    expect(end(g)).toBeCloseTo(90, 9);
    expect(g.controls.width + end(g)).toBeLessThanOrEqual(100);
    expect(g.controls.width).toBe(0);
    expect(g.controlsOverridden).toBe(true);
    expect(g.segments.map((s) => s.key)).toContain("flags");
    expect(sumValues(g)).toBe(90);
  });

  it("no flag: the coloured segments end at the score and the hatched part runs from the score to the inherent risk", () => {
    const b = final(supplier({ country: "MY", goods: ["Electronics"], answers: BEST }));
    const g = scoreBarGeometry(b);
    expect(end(g)).toBeCloseTo(b.score, 9);
    expect(g.controls.start).toBe(b.score);
    expect(g.controls.start + g.controls.width).toBeCloseTo(b.inherent.value, 1);
    expect(g.controlsOverridden).toBe(false);
    expect(sumValues(g)).toBe(b.score);
  });

  it("upstream exposure: an exposure segment tops the residual up to the score", () => {
    const exposure = propagate(
      new Map([
        [1, { residual: 16.56, suppliers: [12] }],
        [12, { residual: 78, suppliers: [] }],
      ]),
      new Map(),
    ).get(1)!;
    const b = final(supplier({ goods: ["Garments"], answers: BEST }), exposure);
    const g = scoreBarGeometry(b);
    expect(g.segments.at(-1)?.key).toBe("exposure");
    expect(end(g)).toBeCloseTo(b.score, 9);
    expect(sumValues(g)).toBe(b.score);
  });

  it("for any supplier: segments are laid end to end, end at the score, stay within 100 with the hatched part, labels add up", () => {
    const rng = seeded(12);
    for (let i = 0; i < 300; i++) {
      const input = randomSupplier(rng, i + 1);
      const b = final(input, rng.chance(0.3) ? { score: 0, exposure: rng.int(0, 1000) / 10, via: [] } : noExposure);
      const g = scoreBarGeometry(b);
      let at = 0;
      for (const s of g.segments) {
        expect(s.start).toBeCloseTo(at, 9);
        expect(s.width).toBeGreaterThan(0);
        at += s.width;
      }
      expect(at).toBeCloseTo(b.score, 6);
      expect(g.controls.start + g.controls.width).toBeLessThanOrEqual(100 + 1e-9);
      expect(sumValues(g)).toBe(b.score);
    }
  });
});

describe("roundToTotal", () => {
  it("rounds to one decimal and keeps the total", () => {
    expect(roundToTotal([33.33, 33.33, 33.34], 100)).toEqual([33.3, 33.3, 33.4]);
    expect(roundToTotal([10.05, 10.05, 9.9], 30)).toEqual([10.1, 10, 9.9]);
    expect(roundToTotal([], 0)).toEqual([]);
  });
});
