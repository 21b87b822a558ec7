import { describe, expect, it } from "vitest";
import { ATHENS_V1 } from "~/domain/questionnaire/athens-v1";
import { controlMaturity, principleMaturity } from "~/domain/questionnaire";
import { BEST, WORST } from "~/domain/questionnaire/test-fixtures";
import { addMonthsUtc, maturityOf, staleness } from "./controls";
import { METHODOLOGY_V1 } from "./methodology";
import { assessResidual } from "./residual";
import { NOW, REF, supplier } from "./test-support";
import type { Methodology } from "./types";

const M = METHODOLOGY_V1;
const profileOf = (a: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(a).filter(([k]) => k.startsWith("profile."))) as Record<string, never>;
const p1Best = Object.fromEntries(Object.entries(BEST).filter(([k]) => k.startsWith("p1."))) as Record<string, never>;

describe("addMonthsUtc", () => {
  it("adds calendar months in UTC, clamping to the end of a shorter month", () => {
    expect(addMonthsUtc(new Date("2024-01-31T10:00:00Z"), 1).toISOString()).toBe("2024-02-29T10:00:00.000Z");
    expect(addMonthsUtc(new Date("2023-01-31T10:00:00Z"), 1).toISOString()).toBe("2023-02-28T10:00:00.000Z");
    expect(addMonthsUtc(new Date("2024-02-29T00:00:00Z"), 12).toISOString()).toBe("2025-02-28T00:00:00.000Z");
    expect(addMonthsUtc(new Date("2025-03-01T00:00:00Z"), 18).toISOString()).toBe("2026-09-01T00:00:00.000Z");
  });
});

describe("staleness", () => {
  const approved = "2024-01-31T10:00:00.000Z";

  it("is valid for validityMonths after approval", () => {
    expect(staleness(approved, M, new Date("2025-01-31T09:59:59.999Z"))).toEqual({
      ageDays: 365,
      validUntil: "2025-01-31T10:00:00.000Z",
      fadeFactor: 1,
      status: "valid",
    });
  });

  it("then fades linearly in time over fadeMonths", () => {
    // Jan 31 → Apr 30 2025 is 89 days of the 181 between Jan 31 and Jul 31: 1 − 89/181 = 0.508…
    expect(staleness(approved, M, new Date("2025-04-30T10:00:00Z"))).toEqual({
      ageDays: 455,
      validUntil: "2025-01-31T10:00:00.000Z",
      fadeFactor: 0.51,
      status: "fading",
    });
    expect(staleness(approved, M, new Date("2025-01-31T10:00:00Z"))).toMatchObject({ fadeFactor: 1, status: "fading" });
  });

  it("is expired from validity + fade months on", () => {
    expect(staleness(approved, M, new Date("2025-07-31T10:00:00Z"))).toMatchObject({ fadeFactor: 0, status: "expired" });
    expect(staleness(approved, M, new Date("2030-01-01T00:00:00Z"))).toMatchObject({ fadeFactor: 0, status: "expired" });
  });

  it("drops to 0 at once with fadeMonths 0", () => {
    const m = { validityMonths: 12, fadeMonths: 0 };
    expect(staleness(approved, m, new Date("2025-01-31T09:59:59.999Z"))).toMatchObject({ fadeFactor: 1, status: "valid" });
    expect(staleness(approved, m, new Date("2025-01-31T10:00:00.000Z"))).toMatchObject({ fadeFactor: 0, status: "expired" });
  });

  it("treats an approval in the future as valid with age 0, and refuses a broken date", () => {
    expect(staleness("2025-07-01T00:00:00Z", M, NOW)).toMatchObject({ ageDays: 0, status: "valid", fadeFactor: 1 });
    expect(() => staleness("yesterday", M, NOW)).toThrow(/approvedAt is not a valid date/);
  });
});

describe("control maturity", () => {
  it("is 1 for the best answers and 0 without an assessment", () => {
    expect(maturityOf(principleMaturity(ATHENS_V1, BEST), M).rawMaturity).toBe(1);
    const none = assessResidual(supplier(), REF, M, NOW).controls;
    expect(none).toEqual({ maturity: 0, rawMaturity: 0, principles: [], assessment: null, factor: 0.7 });
  });

  it("weights the principles over those with an applicable question", () => {
    // P1 perfect, the other principles applicable but unanswered (0 points): 20·1 / 100.
    const { rawMaturity, principles } = maturityOf(principleMaturity(ATHENS_V1, { ...profileOf(BEST), ...p1Best }), M);
    expect(rawMaturity).toBe(0.2);
    expect(principles[0]).toEqual({ principle: "P1", weight: 20, score: 1, answered: 7, applicable: 7 });
    expect(principles[1]).toEqual({ principle: "P2", weight: 10, score: 0, answered: 0, applicable: 4 });
  });

  it("uses the tenant's principle weights, not the template's", () => {
    const m: Methodology = { ...M, principleWeights: { P1: 1, P2: 0, P3: 0, P4: 0, P5: 0, P6: 0, P7: 1 } };
    // P1 = 1, P7 = 0 (applicable, unanswered): (1·1 + 1·0) / 2
    expect(maturityOf(principleMaturity(ATHENS_V1, p1Best), m).rawMaturity).toBe(0.5);
    expect(maturityOf(principleMaturity(ATHENS_V1, WORST), M).rawMaturity).toBe(
      Math.round(controlMaturity(ATHENS_V1, WORST, M.principleWeights) * 100) / 100,
    );
  });

  it("leaves out principles whose questions are all N/A", () => {
    // P7 with its N/A-able question N/A and the rest best: P7 keeps 3 applicable questions.
    const answers = { ...BEST, "p7.remedy_disclosed": "na" } as const;
    expect(maturityOf(principleMaturity(ATHENS_V1, answers), M).principles[6]).toMatchObject({ principle: "P7", applicable: 3, score: 1 });
  });

  it("fades with staleness: maturity = raw × fadeFactor, status and dates recorded", () => {
    const answers = { ...profileOf(BEST), ...p1Best };
    const r = assessResidual(supplier({ answers, approvedAt: "2024-01-31T10:00:00.000Z" }), REF, M, new Date("2025-04-30T10:00:00Z"));
    expect(r.controls).toMatchObject({
      rawMaturity: 0.2,
      maturity: 0.1, // 0.2 × 0.51 = 0.102
      assessment: {
        id: 7,
        approvedAt: "2024-01-31T10:00:00.000Z",
        ageDays: 455,
        validUntil: "2025-01-31T10:00:00.000Z",
        fadeFactor: 0.51,
        status: "fading",
      },
    });
    const expired = assessResidual(supplier({ answers, approvedAt: "2023-01-01T00:00:00.000Z" }), REF, M, NOW);
    expect(expired.controls).toMatchObject({ rawMaturity: 0.2, maturity: 0, assessment: { status: "expired", fadeFactor: 0 } });
  });
});
