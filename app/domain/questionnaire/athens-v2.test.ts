import { describe, expect, it } from "vitest";
import { SINGLED_OUT_REGION_KEYS } from "~/domain/singled-out-regions";
import { ATHENS_V1 } from "./athens-v1";
import { ATHENS_V2 } from "./athens-v2";
import { latestBuiltInTemplate } from "./built-in";
import { completeness, redFlagsOf } from "./completeness";
import { CATALOGUES, SUPPORTED_LOCALES, catalogueKeys, commonKeys } from "./i18n";
import { controlMaturity, principleMaturity } from "./maturity";
import { allQuestions, checkTemplate, loadTemplate } from "./template";
import { BEST, WORST } from "./test-fixtures";
import {
  CHILD_LABOUR_INDICATORS,
  EVIDENCE_KINDS,
  FLAG_INDICATORS,
  ILO_INDICATORS,
  severityOf,
  type Answers,
  type FlagIndicator,
  type Question,
  type QuestionnaireTemplate,
} from "./types";
import { answerPoints, findQuestion } from "./visibility";

const v1Keys = new Set(allQuestions(ATHENS_V1).map((e) => e.question.key));
const v2 = allQuestions(ATHENS_V2).map((e) => e.question);
const v2Keys = new Set(v2.map((q) => q.key));
const q = (key: string): Question => findQuestion(ATHENS_V2, key)!.question;
const flagsOf = (answers: Answers) => redFlagsOf(ATHENS_V2, answers).map((f) => [f.questionKey, f.indicator, f.severity]);

const NEW_KEYS = [
  "p1.labour_transfer",
  "p1.prison_labour",
  "p3.material_origins",
  "p3.material_origins_other",
  "p3.minerals_traced",
  "p3.site_audit",
  "p3.site_audit_standard",
  "p3.site_audit_standard_other",
  "p3.site_audit_date",
  "p3.site_audit_result",
  "p4.wages_deferred",
  "p4.payment_in_kind",
  "p4.deductions_share",
  "p4.deduction_types",
  "p4.age_verification",
  "p4.under_minimum_age",
  "p4.young_hazardous_work",
  "p4.child_labour_remediation",
  "p5.normal_weekly_hours",
  "p5.overtime_refusable",
  "p5.usual_total_hours",
];

describe("Athens v2 template: structure", () => {
  it("passes the structural check, also as a stored snapshot", () => {
    expect(checkTemplate(ATHENS_V2)).toEqual([]);
    expect(loadTemplate(JSON.stringify(ATHENS_V2))).toEqual(ATHENS_V2);
  });

  it("is version 2 of athens-fl, the version new assessments start on", () => {
    expect([ATHENS_V2.key, ATHENS_V2.version, ATHENS_V2.title, ATHENS_V2.intro]).toEqual([
      "athens-fl",
      2,
      ATHENS_V1.title,
      ATHENS_V1.intro,
    ]);
    expect(latestBuiltInTemplate("athens-fl")).toBe(ATHENS_V2);
  });

  it("is frozen (its fingerprint is pinned in template.test.ts)", () => {
    expect(Object.isFrozen(ATHENS_V2.sections[3]!.questions)).toBe(true);
    expect(Object.isFrozen(q("p5.normal_weekly_hours"))).toBe(true);
  });

  it("keeps the sections and principle weights of v1", () => {
    expect(ATHENS_V2.sections.map((s) => [s.key, s.principle, s.weight])).toEqual(
      ATHENS_V1.sections.map((s) => [s.key, s.principle, s.weight]),
    );
  });

  it("keeps every v1 question unchanged under its key, except the peak week, and adds the new ones", () => {
    for (const { question } of allQuestions(ATHENS_V1)) {
      if (question.key === "p5.weekly_hours") continue;
      expect(q(question.key), question.key).toEqual(question);
    }
    expect(v2Keys.has("p5.weekly_hours")).toBe(false);
    expect(v2.filter((x) => !v1Keys.has(x.key)).map((x) => x.key)).toEqual(NEW_KEYS);
  });

  it("puts each new question in the principle it belongs to, in template order with show-if on earlier questions", () => {
    const seen = new Set<string>();
    for (const x of v2) {
      if (x.showIf) expect(seen.has(x.showIf.question), x.key).toBe(true);
      seen.add(x.key);
    }
    expect(findQuestion(ATHENS_V2, "p1.prison_labour")!.section.principle).toBe("P1");
    expect(findQuestion(ATHENS_V2, "p3.material_origins")!.section.principle).toBe("P3");
    expect(findQuestion(ATHENS_V2, "p4.age_verification")!.section.principle).toBe("P4");
    expect(findQuestion(ATHENS_V2, "p5.overtime_refusable")!.section.principle).toBe("P5");
  });

  it("asks for documents where a document can prove the answer", () => {
    expect(q("p3.site_audit").evidence).toMatchObject({ accepted: "audit_report", required: false });
    expect(q("p4.age_verification").evidence).toMatchObject({ accepted: "age_records" });
    expect(q("p3.minerals_traced").evidence).toMatchObject({ accepted: "traceability_records" });
    expect(q("p3.material_origins").evidence).toMatchObject({ accepted: "traceability_records" });
    expect(q("p5.normal_weekly_hours").evidence).toMatchObject({ accepted: "time_records" });
    expect(q("p4.deductions_share").evidence).toMatchObject({ accepted: "payroll_records" });
  });

  it("asks the audit's standard, date and result only after a yes, and the other standard's name only for 'other'", () => {
    const shown = (answers: Answers) =>
      completeness(ATHENS_V2, answers)
        .missingRequired.map((m) => m.questionKey)
        .filter((k) => k.startsWith("p3.site_audit"));
    expect(shown({ "p3.site_audit": "no" })).toEqual([]);
    expect(shown({ "p3.site_audit": "yes" })).toEqual(["p3.site_audit_standard", "p3.site_audit_date", "p3.site_audit_result"]);
    expect(shown({ "p3.site_audit": "yes", "p3.site_audit_standard": "other" })).toEqual([
      "p3.site_audit_standard_other",
      "p3.site_audit_date",
      "p3.site_audit_result",
    ]);
  });

  it("offers the regions that regulators single out, 'other' with its text, and 'don't know' alone", () => {
    const origins = q("p3.material_origins");
    if (origins.type !== "multi") throw new Error("p3.material_origins is a multi question");
    const regional = origins.options.filter((o) => o.redFlag).map((o) => o.key);
    expect(regional).toEqual([...SINGLED_OUT_REGION_KEYS]);
    for (const o of origins.options.filter((x) => x.redFlag)) expect(o.redFlag!.indicator).toBe("state_imposed_labour");
    expect(origins.options.find((o) => o.key === "dont_know")).toMatchObject({ exclusive: true, points: 0 });
    expect(q("p3.material_origins_other")).toMatchObject({
      type: "text",
      required: true,
      showIf: { question: "p3.material_origins", equals: "other_regions" },
    });
    const missing = (answers: Answers) => completeness(ATHENS_V2, answers).missingRequired.map((m) => m.questionKey);
    expect(missing({ "p3.material_origins": ["xinjiang", "other_regions"] })).toContain("p3.material_origins_other");
    expect(missing({ "p3.material_origins": ["xinjiang"] })).not.toContain("p3.material_origins_other");
  });

  it("the best answers earn full maturity; v1's peak week is not read", () => {
    expect(controlMaturity(ATHENS_V2, BEST)).toBe(1);
    expect(completeness(ATHENS_V2, BEST, { "p1.written_policy": ["f"] }).missingRequired).toEqual([]);
    expect(principleMaturity(ATHENS_V2, { ...BEST, "p5.weekly_hours": 90 })).toEqual(principleMaturity(ATHENS_V2, BEST));
    expect(redFlagsOf(ATHENS_V2, { ...BEST, "p5.weekly_hours": 90 })).toEqual([]);
  });
});

describe("Athens v2 template: red flags", () => {
  it("raises no flag on the best answers, and every kind of flag on the worst", () => {
    expect(redFlagsOf(ATHENS_V2, BEST)).toEqual([]);
    const raised = new Set(redFlagsOf(ATHENS_V2, WORST).map((f) => f.indicator));
    expect([...raised].sort()).toEqual([...FLAG_INDICATORS].sort());
  });

  it("gives the new flags their own kinds, all severe", () => {
    expect(FLAG_INDICATORS.slice(0, 11)).toEqual([...ILO_INDICATORS]);
    expect(CHILD_LABOUR_INDICATORS).toEqual(["child_labour", "hazardous_child_labour"]);
    for (const i of ["child_labour", "hazardous_child_labour", "state_imposed_labour"] as FlagIndicator[]) {
      expect(severityOf(i)).toBe("severe");
    }
    // Every flag kind has a name in every language.
    for (const l of SUPPORTED_LOCALES) for (const k of commonKeys()) expect(CATALOGUES[l][k], `${l} ${k}`).toBeTruthy();
  });

  // [answers that raise it, the flag, answers of the same question that do not]
  const RULES: Array<[Answers, FlagIndicator, Answers[]]> = [
    [{ "p1.labour_transfer": "yes" }, "state_imposed_labour", [{ "p1.labour_transfer": "no" }]],
    [{ "p1.prison_labour": "yes" }, "state_imposed_labour", [{ "p1.prison_labour": "no" }]],
    [{ "p3.material_origins": ["xinjiang", "other_regions"] }, "state_imposed_labour", [{ "p3.material_origins": ["other_regions"] }]],
    [{ "p3.material_origins": ["turkmenistan_cotton"] }, "state_imposed_labour", [{ "p3.material_origins": ["dont_know"] }]],
    [{ "p3.material_origins": ["north_korea"] }, "state_imposed_labour", []],
    [{ "p4.wages_deferred": "yes" }, "withholding_of_wages", [{ "p4.wages_deferred": "no" }]],
    [
      { "p4.payment_in_kind": "mostly_in_kind" },
      "withholding_of_wages",
      [{ "p4.payment_in_kind": "money_only" }, { "p4.payment_in_kind": "part_in_kind_agreed" }],
    ],
    [{ "p4.deductions_share": 51 }, "debt_bondage", [{ "p4.deductions_share": 50 }, { "p4.deductions_share": 0 }]],
    [
      { "p4.deductions_share": 8, "p4.deduction_types": ["recruitment_costs"] },
      "debt_bondage",
      [
        { "p4.deductions_share": 8, "p4.deduction_types": ["food", "housing", "fines"] },
        { "p4.deductions_share": 0, "p4.deduction_types": ["recruitment_costs"] },
      ],
    ],
    [{ "p4.under_minimum_age": "yes" }, "child_labour", [{ "p4.under_minimum_age": "no" }]],
    [
      { "p4.vulnerable_groups": ["under_18"], "p4.young_hazardous_work": "yes" },
      "hazardous_child_labour",
      [
        { "p4.vulnerable_groups": ["under_18"], "p4.young_hazardous_work": "no" },
        // Hidden when no worker is under 18: a stale "yes" raises nothing.
        { "p4.vulnerable_groups": ["none"], "p4.young_hazardous_work": "yes" },
      ],
    ],
    [{ "p5.normal_weekly_hours": 48.5 }, "excessive_overtime", [{ "p5.normal_weekly_hours": 48 }, { "p5.normal_weekly_hours": 40 }]],
    [{ "p5.overtime_refusable": "no" }, "excessive_overtime", [{ "p5.overtime_refusable": "yes" }, { "p5.overtime_refusable": "na" }]],
    [{ "p5.rest_day": "no" }, "excessive_overtime", [{ "p5.rest_day": "yes" }]],
  ];

  for (const [bad, indicator, good] of RULES) {
    const key = Object.keys(bad).at(-1)!;
    const goodAnswers = good.map((g) => JSON.stringify(g[key])).join(", ") || "—";
    it(`${key} = ${JSON.stringify(bad[key])} raises ${indicator}; ${goodAnswers} does not`, () => {
      expect(flagsOf(bad)).toEqual([[key, indicator, severityOf(indicator)]]);
      for (const g of good) expect(flagsOf(g), JSON.stringify(g)).toEqual([]);
    });
  }

  it("judges overtime on the normal week and on whether it is voluntary, not on one long week", () => {
    // 72 hours in a usual week, worked willingly on a 40-hour normal week: no flag, but no points either.
    expect(flagsOf({ "p5.normal_weekly_hours": 40, "p5.overtime_refusable": "yes", "p5.usual_total_hours": 72 })).toEqual([]);
    expect(answerPoints(q("p5.usual_total_hours"), 72)).toBe(0);
    expect(answerPoints(q("p5.usual_total_hours"), 60)).toBe(1);
    expect(answerPoints(q("p5.normal_weekly_hours"), 48)).toBe(1);
    expect(answerPoints(q("p5.normal_weekly_hours"), 49)).toBe(0);
    // Both rules at once: two flags of the same indicator, from two questions.
    expect(flagsOf({ "p5.normal_weekly_hours": 54, "p5.overtime_refusable": "no" })).toEqual([
      ["p5.normal_weekly_hours", "excessive_overtime", "other"],
      ["p5.overtime_refusable", "excessive_overtime", "other"],
    ]);
    // v1 still flags its peak week: v1 assessments keep v1's rules.
    expect(redFlagsOf(ATHENS_V1, { "p5.weekly_hours": 61 }).map((f) => f.indicator)).toEqual(["excessive_overtime"]);
  });

  it("refuses a template whose flag names no known indicator", () => {
    const t = JSON.parse(JSON.stringify(ATHENS_V2)) as QuestionnaireTemplate;
    (t.sections[1]!.questions.at(-1) as { redFlags: unknown }).redFlags = { yes: { indicator: "bad_vibes", severity: "other" } };
    expect(checkTemplate(t).join()).toMatch(/bad_vibes is not a known indicator/);
  });
});

describe("Athens v2 template: catalogue", () => {
  const needed = catalogueKeys(ATHENS_V2);

  it("names every kind of document, v2's new ones too, in every language", () => {
    expect(EVIDENCE_KINDS).toContain("age_records");
    expect(EVIDENCE_KINDS).toContain("traceability_records");
    for (const l of SUPPORTED_LOCALES)
      for (const k of EVIDENCE_KINDS) expect(CATALOGUES[l][`ui.evidence.kind.${k}`], `${l} ${k}`).toBeTruthy();
  });
  for (const locale of SUPPORTED_LOCALES) {
    it(`${locale}: has a text for every key v2 needs`, () => {
      expect(needed.filter((k) => !CATALOGUES[locale][k])).toEqual([]);
    });
  }
});
