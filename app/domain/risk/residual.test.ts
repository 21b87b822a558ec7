import { describe, expect, it } from "vitest";
import { BEST, WORST } from "~/domain/questionnaire/test-fixtures";
import { flagFloor } from "./flags";
import { METHODOLOGY_V1 } from "./methodology";
import { assessResidual } from "./residual";
import { NOW, REF, supplier } from "./test-support";

const M = METHODOLOGY_V1;
const p1Best = Object.fromEntries(Object.entries(BEST).filter(([k]) => k.startsWith("p1."))) as Record<string, never>;

describe("residual R = I × (1 − 0.7·M)", () => {
  it("best answers: 55.2 × 0.3 = 16.56", () => {
    const r = assessResidual(supplier({ goods: ["Garments"], answers: BEST }), REF, M, NOW);
    expect(r.controls.maturity).toBe(1);
    expect(r.residualBeforeFlags).toBe(16.56);
    expect(r.residual).toBe(16.56);
    expect(r.flags).toEqual({ raised: [], floor: null, extra: 0 });
  });

  it("partial controls: MY, garments, only P1 answered: I = 61.88 → M 0.2 → 61.88 × 0.86", () => {
    // Without any profile answer the workforce part is null: I = 61.88 (see inherent.test.ts).
    const r = assessResidual(supplier({ goods: ["Garments"], answers: p1Best }), REF, M, NOW);
    expect(r.inherent.workforce).toBeNull();
    expect(r.inherent.value).toBe(61.88);
    expect(r.controls.maturity).toBe(0.2);
    expect(r.residualBeforeFlags).toBe(53.22); // 61.88 × 0.86 = 53.2168
  });

  it("not assessed: R = I, no flags, workforce null", () => {
    const r = assessResidual(supplier({ country: "CN", goods: ["Cotton"] }), REF, M, NOW);
    expect(r).toMatchObject({ residualBeforeFlags: 90, residual: 90, flags: { raised: [], floor: null } });
  });

  it("keeps the workforce facts and red flags of an expired assessment; only the controls fade", () => {
    const answers = { ...BEST, "p1.documents_holder": "employer_keeps" } as const;
    const old = assessResidual(supplier({ goods: ["Garments"], answers, approvedAt: "2022-01-01T00:00:00.000Z" }), REF, M, NOW);
    expect(old.controls.maturity).toBe(0);
    expect(old.inherent.workforce?.value).toBe(28.5);
    expect(old.flags.raised.map((f) => f.indicator)).toEqual(["retention_of_documents"]);
    expect(old.residualBeforeFlags).toBe(55.2);
    expect(old.residual).toBe(80);
  });
});

describe("red flags", () => {
  it("a severe flag puts a floor of 80 under R", () => {
    // P1 loses documents_holder (3 of 18): 15/18; M = (20·0.8333 + 80)/100 = 0.97.
    const r = assessResidual(supplier({ goods: ["Garments"], answers: { ...BEST, "p1.documents_holder": "employer_keeps" } }), REF, M, NOW);
    expect(r.controls.maturity).toBe(0.97);
    expect(r.residualBeforeFlags).toBe(17.72); // 55.2 × (1 − 0.679) = 17.7192
    expect(r.flags).toEqual({
      raised: [{ indicator: "retention_of_documents", severity: "severe", questionKey: "p1.documents_holder", answer: "employer_keeps" }],
      floor: 80,
      extra: 0,
    });
    expect(r.residual).toBe(80);
  });

  it("another flag only: floor 65; each additional flag adds 5", () => {
    const other = assessResidual(supplier({ answers: { ...BEST, "p5.rest_day": "no" } }), REF, M, NOW);
    expect(other.flags).toMatchObject({ floor: 65, extra: 0 });
    expect(other.flags.raised.map((f) => [f.indicator, f.severity])).toEqual([["excessive_overtime", "other"]]);
    const two = assessResidual(
      supplier({ answers: { ...BEST, "p1.documents_holder": "employer_keeps", "p4.threats_reported": "yes" } }),
      REF,
      M,
      NOW,
    );
    expect(two.flags).toMatchObject({ floor: 85, extra: 5 });
    expect(two.residual).toBe(85);
  });

  it("counts distinct (indicator, question) pairs: the same indicator from two questions counts twice", () => {
    const r = assessResidual(supplier({ answers: { ...BEST, "p5.rest_day": "no", "p5.weekly_hours": 72 } }), REF, M, NOW);
    expect(r.flags.raised.map((f) => f.questionKey)).toEqual(["p5.weekly_hours", "p5.rest_day"]);
    expect(r.flags.floor).toBe(70);
  });

  it("caps the floor at 100 (the worst answers raise 14 flags)", () => {
    const r = assessResidual(supplier({ answers: WORST }), REF, M, NOW);
    expect(r.flags.raised).toHaveLength(14);
    expect(r.flags).toMatchObject({ floor: 100, extra: 65 });
    expect(r.residual).toBe(100);
  });

  it("never lowers R: the floor only applies when it is higher", () => {
    const r = assessResidual(supplier({ country: "CN", goods: ["Cotton"], answers: { "p5.rest_day": "no" } }), REF, M, NOW);
    expect(r.flags.floor).toBe(65);
    expect(r.residual).toBe(r.residualBeforeFlags);
    expect(r.residual).toBeGreaterThan(65);
  });

  it("flagFloor by hand", () => {
    expect(flagFloor([])).toEqual({ floor: null, extra: 0 });
    expect(flagFloor([{ severity: "other" }])).toEqual({ floor: 65, extra: 0 });
    expect(flagFloor([{ severity: "other" }, { severity: "severe" }])).toEqual({ floor: 85, extra: 5 });
    expect(flagFloor(Array.from({ length: 5 }, () => ({ severity: "severe" as const })))).toEqual({ floor: 100, extra: 20 });
  });
});
