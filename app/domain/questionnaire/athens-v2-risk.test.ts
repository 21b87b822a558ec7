// Questionnaire v2's new flags through the risk model: a child-labour or state-imposed-labour flag is a
// red flag of its own, with the normal floors, named in plain words in the driver and the explanation.
import { describe, expect, it } from "vitest";
import { DEFAULT_METHODOLOGY, FLAG_FLOORS, explainBreakdown, finalizeBreakdown } from "~/domain/risk";
import { assessResidual } from "~/domain/risk/residual";
import { NOW, REF, supplier } from "~/domain/risk/test-support";
import { ATHENS_V2 } from "./athens-v2";
import { BEST } from "./test-fixtures";
import type { Answers } from "./types";

const residualOf = (answers: Answers) =>
  assessResidual(supplier({ country: "DE", template: ATHENS_V2, answers }), REF, DEFAULT_METHODOLOGY, NOW);

describe("v2's flags in the risk model", () => {
  it("best v2 answers: every principle counts, no flag", () => {
    const r = residualOf(BEST);
    // Declared answers only (no accepted document): the model credits them in part, but in every principle.
    expect(r.controls.maturity).toBeGreaterThan(0);
    expect(r.controls.principles.every((p) => p.score > 0)).toBe(true);
    expect(r.flags.raised).toEqual([]);
  });

  for (const [answers, indicator, label] of [
    [{ "p4.under_minimum_age": "yes" }, "child_labour", "child labour below the minimum age"],
    [
      { "p4.vulnerable_groups": ["under_18"], "p4.young_hazardous_work": "yes" },
      "hazardous_child_labour",
      "hazardous work by children under 18",
    ],
    [{ "p3.material_origins": ["xinjiang"] }, "state_imposed_labour", "state-imposed forced labour"],
    [{ "p1.prison_labour": "yes" }, "state_imposed_labour", "state-imposed forced labour"],
  ] as const) {
    it(`${indicator} raises its own severe flag: floor ${FLAG_FLOORS.severe}, driver "${label}"`, () => {
      const r = residualOf({ ...BEST, ...answers });
      expect(r.flags.raised.map((f) => [f.indicator, f.severity])).toEqual([[indicator, "severe"]]);
      expect(r.flags.floor).toBe(FLAG_FLOORS.severe);
      expect(r.residual).toBe(FLAG_FLOORS.severe);
      const b = finalizeBreakdown(r, { score: r.residual, exposure: 0, via: [] }, DEFAULT_METHODOLOGY);
      expect(b.driver).toEqual({ kind: "flag", label: `Red flag: ${label}` });
      expect(explainBreakdown(b, { countryName: (iso2) => iso2 }).join("\n")).toContain(`Red flag (severe): ${label}`);
    });
  }

  it("overtime: 54 normal hours and overtime that cannot be refused are two flags; a long usual week alone is none", () => {
    expect(residualOf({ ...BEST, "p5.usual_total_hours": 70 }).flags.raised).toEqual([]);
    const r = residualOf({ ...BEST, "p5.normal_weekly_hours": 54, "p5.overtime_refusable": "no" });
    expect(r.flags.raised.map((f) => [f.questionKey, f.indicator])).toEqual([
      ["p5.normal_weekly_hours", "excessive_overtime"],
      ["p5.overtime_refusable", "excessive_overtime"],
    ]);
    expect(r.flags.floor).toBe(FLAG_FLOORS.other + FLAG_FLOORS.perAdditional);
  });
});
