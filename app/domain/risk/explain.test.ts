import { describe, expect, it } from "vitest";
import { BEST, WORST } from "~/domain/questionnaire/test-fixtures";
import { explainBreakdown } from "./explain";
import { finalizeBreakdown } from "./finalize";
import { INDICATOR_LABELS, displayDriver } from "./labels";
import { METHODOLOGY_V1, METHODOLOGY_V2 } from "./methodology";
import { ILO_INDICATORS, type Answers } from "~/domain/questionnaire/types";
import { assessResidual } from "./residual";
import { NOW, REF, supplier } from "./test-support";
import type { Methodology, Propagated, SupplierRiskInput } from "./types";

const NAMES: Record<string, string> = { MY: "Malaysia", CN: "China", TH: "Thailand", DE: "Germany" };
const QUESTIONS: Record<string, string> = {
  "p1.documents_holder": "Who keeps workers' passports?",
  "profile.fees_charged": "Has any worker paid a fee?",
};
const ctx = { countryName: (iso2: string) => NAMES[iso2] ?? iso2, questionText: (key: string) => QUESTIONS[key] ?? null };
const explain = (input: SupplierRiskInput, exposure: Propagated, m: Methodology = METHODOLOGY_V1) =>
  explainBreakdown(finalizeBreakdown(assessResidual(input, REF, m, NOW), exposure, m), ctx);

describe("explainBreakdown", () => {
  it("names every part with its data and arithmetic", () => {
    const input = supplier({ goods: ["Garments"], answers: { ...BEST, "p1.documents_holder": "employer_keeps" } });
    expect(explain(input, { score: 66.3, exposure: 66.3, via: [{ supplierId: 12, score: 78 }], hops: 1 })).toEqual([
      "Country: Malaysia — TIP 2025 Tier 2 → 40.0 × 0.45",
      "Goods: Garments listed for forced labour in Malaysia (TVPRA 2022) → 90.0 × 0.35",
      "Workforce: 30% migrant workers, 10% temporary workers, recruitment agencies used → 28.5 × 0.20",
      "Inherent risk: 55.2",
      "Controls: maturity 97% (assessment approved 2025-03-01, valid until 2026-03-01) → residual = 55.2 × (1 − 0.7 × 0.97) = 17.7",
      "Red flag (severe): retention of identity documents — answer to “Who keeps workers' passports?” → floor 80.0",
      "Residual after red flags: max(17.7, floor 80.0) = 80.0",
      "Exposure: 0.85 × 78.0 via a supplier without a name → 66.3",
      "Score: 80.0 (critical) from the residual 80.0",
    ]);
  });

  it("explains a supplier that is not assessed, with a country override and goods listed elsewhere", () => {
    const m: Methodology = { ...METHODOLOGY_V1, countryOverrides: { TH: { score: 70, reason: "Local NGO reports" } } };
    // 70 × 0.5625 + 45 × 0.4375 = 59.0625
    expect(explain(supplier({ country: "TH", goods: ["Cotton"] }), { score: 59.1, exposure: 0, via: [] }, m)).toEqual([
      "Country: Thailand — TIP 2024 Tier 2 Watch List (overridden; TIP alone gives 65.0) → 70.0 × 0.56",
      "Goods: Cotton listed for forced labour in China, not in Thailand (TVPRA 2022) → 45.0 × 0.44",
      "Workforce: no profile answered — weights shared between country and goods",
      "Inherent risk: 59.1",
      "Controls: not assessed (no approved assessment) → residual = 59.1 × (1 − 0.7 × 0) = 59.1",
      "Exposure: none (no scored supplier upstream)",
      "Override: country risk set to 70.0 — Local NGO reports",
      "Score: 59.1 (high) from the residual 59.1",
    ]);
  });

  it("explains fading controls, several flags, a shortened named path and an exposure that drives the score", () => {
    const answers: Answers = {
      ...Object.fromEntries(Object.entries(BEST).filter(([k]) => k.startsWith("p1."))),
      "p5.rest_day": "no",
      "p4.threats_reported": "yes",
      "profile.fees_charged": "yes",
      "profile.fees_repaid": "repaying",
    };
    const input = supplier({ country: "XK", goods: ["Widgets", "Shrimp"], answers, approvedAt: "2024-01-31T10:00:00.000Z" });
    const via = [
      { supplierId: 12, score: 95, name: "Dhaka Knit", tier: 2 },
      { supplierId: 99, score: 100 },
    ];
    const lines = explainBreakdown(
      finalizeBreakdown(
        assessResidual(input, REF, METHODOLOGY_V1, new Date("2025-04-30T10:00:00Z")),
        { score: 80.8, exposure: 80.75, via, hops: 14 },
        METHODOLOGY_V1,
      ),
      ctx,
    );
    expect(lines).toEqual([
      "Country: XK — no TIP data → 50.0 × 0.45",
      "Goods: Shrimp, Widgets not on the TVPRA list for forced labour → 15.0 × 0.35",
      "Workforce: recruitment fees charged, fees partly repaid → 35.0 × 0.20",
      "Inherent risk: 34.8",
      "Controls: maturity 10% (assessment approved 2024-01-31, past 2025-01-31, counts 51% of 20%) " +
        "→ residual = 34.8 × (1 − 0.7 × 0.1) = 32.3",
      "Red flag (severe): debt bondage — answer to “Has any worker paid a fee?” → floor 80.0",
      "Red flag (other): intimidation and threats — answer to a question of the assessment → +5.0",
      "Red flag (other): excessive overtime — answer to a question of the assessment → +5.0",
      "Residual after red flags: max(32.3, floor 90.0) = 90.0",
      "Exposure: 0.85 × 95.0 via Dhaka Knit, supplied by … 12 more …, supplied by a supplier without a name → 80.8",
      "Score: 90.0 (critical) from the residual 90.0",
    ]);
  });

  it("says when the exposure sets the score, and notes a capped floor", () => {
    const lines = explain(supplier({ country: "DE", answers: BEST }), {
      score: 76.5,
      exposure: 76.5,
      via: [{ supplierId: 4, score: 90 }],
      hops: 1,
    });
    expect(lines.at(-1)).toBe("Score: 76.5 (critical) from the exposure 76.5");
    // Never an internal key or id on screen.
    expect(lines.join("\n")).not.toMatch(/#\d|p\d\.[a-z_]+|profile\.[a-z_]+/);
    expect(lines[2]).toBe("Workforce: 30% migrant workers, 10% temporary workers, recruitment agencies used → 28.5 × 0.20");
    // I = 0.45·40 + 0.35·15 + 0.2·91 = 41.45; M = 0.01 → 41.45 × 0.993 = 41.16
    const worst = explain(supplier({ answers: WORST }), { score: 0, exposure: 0, via: [] });
    expect(worst.filter((l) => l.startsWith("Red flag"))).toHaveLength(14);
    expect(worst).toContain("Residual after red flags: max(41.2, capped floor 100.0) = 100.0");
    expect(worst).toContain(
      "Workforce: 80% migrant workers, 60% temporary workers, recruitment agencies used, agencies not known to be licensed, " +
        "recruitment fees charged, fees not repaid → 91.0 × 0.20",
    );
  });

  it("has a plain label for every ILO indicator", () => {
    for (const i of ILO_INDICATORS) expect(INDICATOR_LABELS[i]).toMatch(/^[a-z][a-z ]+$/);
    expect(INDICATOR_LABELS.retention_of_documents).toBe("retention of identity documents");
  });
});

describe("displayDriver", () => {
  it("drops the database ids of stored driver labels", () => {
    expect(displayDriver("Via tier-2 Dhaka Knit (#12)")).toBe("Via tier-2 Dhaka Knit");
    expect(displayDriver("Via supplier #99, 3 tiers up")).toBe("Via a supplier without a name, 3 tiers up");
    expect(displayDriver("Red flag: debt bondage")).toBe("Red flag: debt bondage");
  });
});

describe("explainBreakdown with site audits (model v2)", () => {
  it("names the audit that verifies the site and the audit finding behind an independent red flag", () => {
    const m = METHODOLOGY_V2;
    const input: SupplierRiskInput = {
      ...supplier({ goods: ["Garments"], answers: BEST }),
      verification: {
        label: "SMETA 4-pillar, 2025-03-10, Bureau X: 1 open major finding on excessive overtime",
        principles: ["P1"],
        liftsGoodsFloor: true,
      },
      independentFlags: [
        {
          indicator: "debt_bondage",
          severity: "severe",
          source: { kind: "audit_finding", id: 7, label: "Zero tolerance finding of SMETA 4-pillar, 2025-03-10, Bureau X" },
        },
      ],
    };
    const lines = explain(input, { score: 0, exposure: 0, via: [] }, m);
    expect(lines).toContain("Independent verification: SMETA 4-pillar, 2025-03-10, Bureau X: 1 open major finding on excessive overtime");
    expect(lines).toContain(
      "Red flag (severe): debt bondage — Zero tolerance finding of SMETA 4-pillar, 2025-03-10, Bureau X → floor 80.0",
    );
    const b = finalizeBreakdown(assessResidual(input, REF, m, NOW), { score: 0, exposure: 0, via: [] }, m);
    expect(b.driver.label).toBe("Red flag: debt bondage");
    expect(b.flags.floor).toBe(80);
  });
});
