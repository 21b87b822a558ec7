import { describe, expect, it } from "vitest";
import { ATHENS_V1 } from "./athens-v1";
import { ATHENS_V2 } from "./athens-v2";
import { en } from "./i18n";
import {
  answerPoints,
  completeness,
  conditionHolds,
  controlMaturity,
  effectiveAnswers,
  evidenceRequested,
  findQuestion,
  isValidIsoDate,
  parseNumber,
  principleMaturity,
  redFlagsOf,
  sectionProgress,
  validateAnswer,
  visibleQuestions,
  workforceProfile,
  type ValidationResult,
} from "./index";
import { allQuestions, deepFreeze } from "./template";
import { BEST, WORST, rng } from "./test-fixtures";
import { PRINCIPLES, type AnswerValue, type Answers, type Question, type QuestionnaireTemplate } from "./types";

const q = (key: string): Question => {
  const found = findQuestion(ATHENS_V1, key);
  if (!found) throw new Error(`no question ${key}`);
  return found.question;
};
const visibleKeys = (answers: Answers, section?: string) => visibleQuestions(ATHENS_V1, answers, section).map((x) => x.key);
const valueOf = (r: ValidationResult) => (r.ok ? r.value : `error:${r.messageKey}`);
const messageKeys = new Set<string>();
const check = (question: Question, value: unknown, draft = false) => {
  const r = validateAnswer(question, value, { draft });
  if (!r.ok) messageKeys.add(r.messageKey);
  return valueOf(r);
};

describe("visibility (show-if)", () => {
  it("hides follow-ups until their condition holds", () => {
    const none = visibleKeys({});
    expect(none).not.toContain("profile.agencies_licensed");
    expect(none).not.toContain("profile.fees_repaid");
    expect(none).not.toContain("profile.nationalities");
    expect(none).not.toContain("p5.agency_checks");
    expect(none).not.toContain("p1.policy_scope");
    expect(none).toContain("p1.written_policy");

    const some = visibleKeys({
      "profile.uses_agencies": "yes",
      "profile.fees_charged": "yes",
      "profile.migrant_share": 12.5,
      "p1.written_policy": "written_not_signed",
    });
    expect(some).toEqual(
      expect.arrayContaining([
        "profile.agencies_licensed",
        "profile.fees_repaid",
        "profile.nationalities",
        "p5.agency_checks",
        "p1.policy_scope",
      ]),
    );
  });

  it("evaluates equals, notEquals and numeric conditions", () => {
    expect(visibleKeys({ "profile.migrant_share": 0 })).not.toContain("profile.nationalities");
    expect(visibleKeys({ "profile.uses_agencies": "no" })).not.toContain("p5.agency_checks");
    expect(visibleKeys({ "p1.written_policy": "none" })).not.toContain("p1.policy_scope");
    // multi + notEquals: shown unless "none" is ticked
    expect(visibleKeys({ "p4.vulnerable_groups": ["none"] })).not.toContain("p4.vulnerable_safeguards");
    expect(visibleKeys({ "p4.vulnerable_groups": ["under_18", "no_work_permit"] })).toContain("p4.vulnerable_safeguards");
    expect(conditionHolds({ question: "x", equals: ["a", "b"] }, "b")).toBe(true);
    expect(conditionHolds({ question: "x", equals: "a" }, ["c", "a"])).toBe(true);
    expect(conditionHolds({ question: "x", notEquals: "a" }, null)).toBe(false);
    expect(conditionHolds({ question: "x", notEquals: "a" }, "na")).toBe(false);
    expect(conditionHolds({ question: "x", equals: "na" }, "na")).toBe(true);
    expect(conditionHolds({ question: "x", gte: 10, lt: 20 }, 10)).toBe(true);
    expect(conditionHolds({ question: "x", gte: 10, lt: 20 }, 20)).toBe(false);
    expect(conditionHolds({ question: "x", gt: 0 }, "5")).toBe(false);
  });

  it("filters by section and keeps template order", () => {
    expect(visibleKeys(BEST, "p7")).toEqual([
      "p7.statement_published",
      "p7.statement_link",
      "p7.supplier_list",
      "p7.remedy_disclosed",
      "p7.practice_sharing",
    ]);
    const all = allQuestions(ATHENS_V1).map((e) => e.question.key);
    const shown = visibleKeys(BEST);
    expect(shown).toEqual(all.filter((k) => shown.includes(k)));
    expect(shown.length).toBe(all.length - 1); // only fees_repaid stays hidden (no fees charged)
  });

  it("ignores the answer of a hidden question, including for chained conditions", () => {
    const answers = { "profile.fees_charged": "no", "profile.fees_repaid": "not_repaid" };
    expect(effectiveAnswers(ATHENS_V1, answers)).toEqual({ "profile.fees_charged": "no" });
    expect(workforceProfile(ATHENS_V1, answers).feesRepaid).toBeNull();

    const chain: QuestionnaireTemplate = deepFreeze({
      key: "athens-fl",
      version: 99,
      title: "t",
      intro: "i",
      sections: [
        {
          key: "x",
          principle: null,
          weight: 0,
          questions: [
            { key: "x.a", type: "yes_no", required: true, weight: 0, allowNa: true },
            { key: "x.b", type: "yes_no", required: true, weight: 0, allowNa: false, showIf: { question: "x.a", equals: "yes" } },
            { key: "x.c", type: "text", required: true, weight: 0, allowNa: false, showIf: { question: "x.b", equals: "yes" } },
          ],
        },
      ],
    });
    const keys = (a: Answers) => visibleQuestions(chain, a).map((x) => x.key);
    expect(keys({ "x.a": "yes", "x.b": "yes" })).toEqual(["x.a", "x.b", "x.c"]);
    // b keeps its stored "yes" but is hidden, so c is hidden too
    expect(keys({ "x.a": "no", "x.b": "yes" })).toEqual(["x.a"]);
    // N/A hides follow-ups
    expect(keys({ "x.a": "na", "x.b": "yes" })).toEqual(["x.a"]);
    // an invalid stored answer counts as no answer
    expect(keys({ "x.a": "maybe" })).toEqual(["x.a"]);
  });
});

describe("validateAnswer", () => {
  it("yes_no", () => {
    const yn = q("p1.deposits");
    expect(check(yn, "yes")).toBe("yes");
    expect(check(yn, "no")).toBe("no");
    expect(check(yn, true)).toBe("yes");
    expect(check(yn, "Yes")).toBe("error:ui.validation.yes_no");
    expect(check(yn, 1)).toBe("error:ui.validation.yes_no");
    expect(check(yn, "na")).toBe("error:ui.validation.na_not_allowed");
    expect(check(q("p4.transport_access"), "na")).toBe("na");
  });

  it("single", () => {
    const s = q("p1.documents_holder");
    expect(check(s, "employer_keeps")).toBe("employer_keeps");
    expect(check(s, "somebody")).toBe("error:ui.validation.unknown_option");
    expect(check(s, ["workers_themselves"])).toBe("error:ui.validation.choose_one");
    expect(check(s, "__proto__")).toBe("error:ui.validation.unknown_option");
    expect(check(q("p4.housing_standards"), "na")).toBe("na");
  });

  it("multi", () => {
    const m = q("p4.grievance_features");
    expect(check(m, ["appeal", "anonymous", "appeal"])).toEqual(["anonymous", "appeal"]);
    expect(check(m, "anonymous")).toEqual(["anonymous"]);
    expect(check(m, [])).toBe("error:ui.validation.choose_at_least_one");
    expect(check(m, [], true)).toBeNull();
    expect(check(m, ["anonymous", "nope"])).toBe("error:ui.validation.unknown_option");
    expect(check(m, ["none", "anonymous"])).toBe("error:ui.validation.exclusive_option");
    expect(check(m, ["none"])).toEqual(["none"]);
    expect(check(m, [1])).toBe("error:ui.validation.choose_at_least_one");
  });

  it("number", () => {
    const n = q("p5.weekly_hours");
    expect(check(n, 61)).toBe(61);
    expect(check(n, "61,5")).toBe(61.5);
    expect(check(n, " 48.25 ")).toBe(48.25);
    expect(check(n, "0")).toBe(0);
    expect(check(n, -0)).toBe(0);
    expect(Object.is(check(n, -0), 0)).toBe(true);
    expect(check(n, 169)).toBe("error:ui.validation.number_between");
    expect(validateAnswer(n, -1)).toEqual({ ok: false, messageKey: "ui.validation.number_between", params: { min: 0, max: 168 } });
    expect(check(n, "1e3")).toBe("error:ui.validation.not_a_number");
    expect(check(n, Number.NaN)).toBe("error:ui.validation.not_a_number");
    expect(check(n, Number.POSITIVE_INFINITY)).toBe("error:ui.validation.not_a_number");
    expect(check(n, "twelve")).toBe("error:ui.validation.not_a_number");
    const workers = q("profile.workers");
    expect(check(workers, 12.5)).toBe("error:ui.validation.whole_number");
    expect(check(workers, 0)).toBe("error:ui.validation.number_between");
    expect(check(workers, "1200")).toBe(1200);
  });

  it("number with only one bound", () => {
    const base = { key: "x.n", type: "number", required: false, weight: 0, allowNa: false } as const;
    expect(validateAnswer({ ...base, min: 5 }, 4)).toMatchObject({ messageKey: "ui.validation.number_min", params: { min: 5 } });
    expect(validateAnswer({ ...base, max: 5 }, 6)).toMatchObject({ messageKey: "ui.validation.number_max", params: { max: 5 } });
    expect(validateAnswer(base, 1e9)).toEqual({ ok: true, value: 1e9 });
  });

  it("percent", () => {
    const p = q("profile.migrant_share");
    expect(check(p, 0)).toBe(0);
    expect(check(p, 100)).toBe(100);
    expect(check(p, "33,3")).toBe(33.3);
    expect(check(p, 100.1)).toBe("error:ui.validation.percent_between");
    expect(validateAnswer(p, -5)).toEqual({ ok: false, messageKey: "ui.validation.percent_between", params: { min: 0, max: 100 } });
    expect(check(q("p5.loan_deductions"), "na")).toBe("na");
  });

  it("text", () => {
    const t = q("profile.nationalities");
    expect(check(t, "  Nepal,\r\nBangladesh  ")).toBe("Nepal,\nBangladesh");
    expect(check(t, "na")).toBe("na"); // literal text, the question does not allow N/A
    expect(check(t, "bad\u0000text")).toBe("error:ui.validation.text_invalid");
    expect(check(t, "bell\u0007")).toBe("error:ui.validation.text_invalid");
    expect(check(t, "tab\tok")).toBe("tab\tok");
    expect(check(t, "越".repeat(500))).toBe("越".repeat(500)); // 500 code points
    expect(validateAnswer(t, "a".repeat(501))).toEqual({ ok: false, messageKey: "ui.validation.text_too_long", params: { max: 500 } });
    expect(check(t, 42)).toBe("error:ui.validation.text_invalid");
    const long = { key: "x.t", type: "text", required: false, weight: 0, allowNa: false } as const;
    expect(validateAnswer(long, "a".repeat(5000)).ok).toBe(true);
    expect(validateAnswer(long, "a".repeat(5001))).toMatchObject({ messageKey: "ui.validation.text_too_long", params: { max: 5000 } });
    expect(check(t, "   ")).toBeNull(); // optional question: blank clears it
  });

  it("date", () => {
    const d = q("p3.risk_assessment_date");
    expect(check(d, "2024-02-29")).toBe("2024-02-29");
    expect(check(d, " 2024-12-31 ")).toBe("2024-12-31");
    expect(check(d, "2023-02-29")).toBe("error:ui.validation.date_invalid");
    expect(check(d, "2024-13-01")).toBe("error:ui.validation.date_invalid");
    expect(check(d, "2024-04-31")).toBe("error:ui.validation.date_invalid");
    expect(check(d, "31/12/2024")).toBe("error:ui.validation.date_format");
    expect(check(d, "2024-1-5")).toBe("error:ui.validation.date_format");
    expect(check(d, "1899-12-31")).toBe("error:ui.validation.date_range");
    expect(check(d, 20240101)).toBe("error:ui.validation.date_format");
    expect(isValidIsoDate("2000-02-29")).toBe(true);
    expect(isValidIsoDate("1900-02-29")).toBe(false);
  });

  it("evidence", () => {
    const e = q("p5.sample_contract");
    expect(check(e, ["f_1", "f-2", "f_1"])).toEqual(["f_1", "f-2"]);
    expect(check(e, [])).toBeNull(); // optional
    expect(check(e, ["../etc/passwd"])).toBe("error:ui.validation.files_invalid");
    expect(check(e, "f_1")).toBe("error:ui.validation.files_invalid");
    expect(
      check(
        e,
        Array.from({ length: 21 }, (_, i) => `f${i}`),
      ),
    ).toBe("error:ui.validation.too_many_files");
    const required = { ...e, required: true, evidence: { accepted: "other", required: true } } as Question;
    expect(check(required, [])).toBe("error:ui.validation.files_required");
    expect(check(required, "na")).toBe("error:ui.validation.na_not_allowed");
  });

  it("required answers: an error on submit, null while drafting", () => {
    const yn = q("p1.deposits");
    expect(check(yn, null)).toBe("error:ui.validation.required");
    expect(check(yn, undefined)).toBe("error:ui.validation.required");
    expect(check(yn, "")).toBe("error:ui.validation.required");
    expect(check(yn, null, true)).toBeNull();
  });

  it("returns message keys that exist in the English catalogue", () => {
    expect(messageKeys.size).toBeGreaterThanOrEqual(15);
    for (const k of messageKeys) expect(en[k], k).toBeTruthy();
  });

  it("parses numbers strictly", () => {
    expect(parseNumber("12")).toBe(12);
    expect(parseNumber(",5")).toBe(0.5);
    expect(parseNumber("1 000")).toBeNull();
    expect(parseNumber("0x10")).toBeNull();
    expect(parseNumber(null)).toBeNull();
  });
});

describe("completeness", () => {
  it("lists every visible required question when nothing is answered", () => {
    const c = completeness(ATHENS_V1, {});
    const shown = visibleQuestions(ATHENS_V1, {});
    expect(c.total).toBe(shown.length);
    expect(c.answered).toBe(0);
    expect(c.percent).toBe(0);
    expect(c.complete).toBe(false);
    expect(c.missingRequired.map((m) => m.questionKey)).toEqual(shown.filter((x) => x.required).map((x) => x.key));
    expect(c.missingRequired.every((m) => m.reason === "unanswered")).toBe(true);
    expect(c.missingRequired[0]).toEqual({ sectionKey: "profile", questionKey: "profile.workers", reason: "unanswered" });
  });

  it("is complete with every answer and the required documents", () => {
    const withoutFile = completeness(ATHENS_V1, BEST);
    expect(withoutFile.percent).toBe(100);
    expect(withoutFile.missingRequired).toEqual([{ sectionKey: "p1", questionKey: "p1.written_policy", reason: "evidence" }]);
    expect(withoutFile.complete).toBe(false);

    const c = completeness(ATHENS_V1, BEST, { "p1.written_policy": ["policy_pdf"] });
    expect(c.complete).toBe(true);
    expect(c.missingRequired).toEqual([]);
    expect(c.answered).toBe(c.total);
    expect(c.bySection.every((s) => s.percent === 100)).toBe(true);
    expect(c.bySection.reduce((n, s) => n + s.total, 0)).toBe(c.total);
  });

  it("does not ask for the policy document when there is no policy", () => {
    const c = completeness(ATHENS_V1, WORST);
    expect(c.complete).toBe(true);
    expect(evidenceRequested(q("p1.written_policy"), "none")).toBe(false);
    expect(evidenceRequested(q("p1.written_policy"), "written_not_signed")).toBe(true);
    expect(evidenceRequested(q("p4.wages_on_time"), "yes")).toBe(true);
    expect(evidenceRequested(q("p4.wages_on_time"), "no")).toBe(false);
    expect(evidenceRequested(q("p5.weekly_hours"), 50)).toBe(true);
    expect(evidenceRequested(q("p4.housing_standards"), "na")).toBe(false);
  });

  it("counts N/A as answered, ignores invalid and hidden answers, rounds percent down", () => {
    const answers = {
      "profile.workers": 10,
      "profile.migrant_share": "lots", // invalid → unanswered
      "profile.fees_repaid": "repaid_all", // hidden
      "p4.housing_standards": "na",
    };
    const c = completeness(ATHENS_V1, answers);
    expect(c.answered).toBe(2);
    expect(c.missingRequired.some((m) => m.questionKey === "profile.migrant_share")).toBe(true);
    expect(c.missingRequired.some((m) => m.questionKey === "p4.housing_standards")).toBe(false);
    expect(c.percent).toBe(Math.floor(200 / c.total));

    const p = sectionProgress(ATHENS_V1, answers, "profile")!;
    expect(p).toMatchObject({ sectionKey: "profile", total: 5, answered: 1 });
    expect(p.percent).toBe(20);
    expect(sectionProgress(ATHENS_V1, answers, "nope")).toBeUndefined();
  });

  it("counts follow-ups once they are shown", () => {
    const before = completeness(ATHENS_V1, { "profile.uses_agencies": "no" }).total;
    const after = completeness(ATHENS_V1, { "profile.uses_agencies": "yes" }).total;
    expect(after - before).toBe(2); // agencies_licensed + p5.agency_checks
  });
});

describe("red flags", () => {
  it("none for the best answers; every indicator for the worst", () => {
    expect(redFlagsOf(ATHENS_V1, BEST)).toEqual([]);
    const flags = redFlagsOf(ATHENS_V1, WORST);
    expect(new Set(flags.map((f) => f.indicator)).size).toBe(11);
    expect(flags.map((f) => f.questionKey)).toEqual([
      "profile.fees_charged",
      "p1.deposits",
      "p1.documents_holder",
      "p1.free_movement",
      "p1.contact_outside",
      "p4.wages_on_time",
      "p4.violence_reported",
      "p4.threats_reported",
      "p4.vulnerable_safeguards",
      "p4.housing_standards",
      "p4.transport_access",
      "p5.contract_before_start",
      "p5.weekly_hours",
      "p5.rest_day",
    ]);
  });

  it("separates severe from other indicators and reports the answer", () => {
    const flags = redFlagsOf(ATHENS_V1, WORST);
    const severe = [...new Set(flags.filter((f) => f.severity === "severe").map((f) => f.indicator))].sort();
    expect(severe).toEqual([
      "debt_bondage",
      "physical_sexual_violence",
      "restriction_of_movement",
      "retention_of_documents",
      "withholding_of_wages",
    ]);
    expect(flags.find((f) => f.questionKey === "p5.weekly_hours")).toEqual({
      questionKey: "p5.weekly_hours",
      sectionKey: "p5",
      indicator: "excessive_overtime",
      severity: "other",
      answer: 72,
    });
  });

  it("ignores hidden, N/A and invalid answers", () => {
    expect(redFlagsOf(ATHENS_V1, { "p4.vulnerable_groups": ["none"], "p4.vulnerable_safeguards": "no" })).toEqual([]);
    expect(redFlagsOf(ATHENS_V1, { "p4.housing_standards": "na", "p4.transport_access": "na" })).toEqual([]);
    expect(redFlagsOf(ATHENS_V1, { "p5.weekly_hours": 500, "p1.documents_holder": "EMPLOYER_KEEPS" })).toEqual([]);
  });

  it("flags raised by a multi option and by numeric ranges", () => {
    const t: QuestionnaireTemplate = {
      key: "athens-fl",
      version: 99,
      title: "t",
      intro: "i",
      sections: [
        {
          key: "x",
          principle: null,
          weight: 0,
          questions: [
            {
              key: "x.m",
              type: "multi",
              required: false,
              weight: 0,
              allowNa: false,
              options: [
                { key: "a", points: 0, redFlag: { indicator: "isolation", severity: "other" } },
                { key: "b", points: 0, redFlag: { indicator: "debt_bondage", severity: "severe" } },
                { key: "c", points: 1 },
              ],
            },
            {
              key: "x.p",
              type: "percent",
              required: false,
              weight: 0,
              allowNa: false,
              redFlagRules: [
                { gt: 0, redFlag: { indicator: "retention_of_documents", severity: "severe" } },
                { gte: 50, redFlag: { indicator: "abusive_conditions", severity: "other" } },
              ],
            },
          ],
        },
      ],
    };
    const ind = (a: Answers) => redFlagsOf(t, a).map((f) => f.indicator);
    expect(ind({ "x.m": ["c", "b", "a"] })).toEqual(["isolation", "debt_bondage"]);
    expect(ind({ "x.p": 0 })).toEqual([]);
    expect(ind({ "x.p": 1 })).toEqual(["retention_of_documents"]);
    expect(ind({ "x.p": 50 })).toEqual(["retention_of_documents", "abusive_conditions"]);
  });
});

describe("principle maturity", () => {
  it("is 1 for the best answers and (nearly) 0 for the worst, in every principle", () => {
    const best = principleMaturity(ATHENS_V1, BEST);
    const worst = principleMaturity(ATHENS_V1, WORST);
    for (const p of PRINCIPLES) {
      expect(best[p].score, p).toBe(1);
      // Hiring mostly through agencies is the least good hiring answer but not a failure: 0.4 points.
      expect(worst[p].score, p).toBeCloseTo(p === "P5" ? (2 * 0.4) / 24 : 0, 12);
      expect(best[p].answered).toBe(best[p].applicable);
    }
    expect(controlMaturity(ATHENS_V1, BEST)).toBe(1);
    expect(controlMaturity(ATHENS_V1, WORST)).toBeCloseTo((25 * (0.8 / 24)) / 100, 12);
    expect(controlMaturity(ATHENS_V1, {})).toBe(0);
  });

  it("follows Σ weight·points / Σ weight, unanswered = 0, hidden left out", () => {
    // P1: written_policy (4) = 0.5, policy_scope (2) = 0.4, resignation (2) = 45 days → 0.5,
    // deposits (2) unanswered → 0, documents (3) = locker → 1, movement (3) = curfew → 0.5,
    // contact (2) = stored in shifts → 0.8.
    const p1 = principleMaturity(ATHENS_V1, {
      "p1.written_policy": "written_not_signed",
      "p1.policy_scope": ["forced_labour", "trafficking"],
      "p1.resignation_notice": 45,
      "p1.documents_holder": "locker_free_access",
      "p1.free_movement": "night_curfew",
      "p1.contact_outside": "phones_stored_in_shifts",
    }).P1;
    const expected = (4 * 0.5 + 2 * 0.4 + 2 * 0.5 + 2 * 0 + 3 * 1 + 3 * 0.5 + 2 * 0.8) / (4 + 2 + 2 + 2 + 3 + 3 + 2);
    expect(p1.score).toBeCloseTo(expected, 12);
    expect(p1).toMatchObject({ principle: "P1", sectionKey: "p1", weight: 20, applicable: 7, answered: 6 });
    expect(p1.parts.find((x) => x.questionKey === "p1.deposits")).toEqual({
      questionKey: "p1.deposits",
      weight: 2,
      points: 0,
      answered: false,
    });

    // With no policy, the scope question is hidden, not counted as 0.
    const noPolicy = principleMaturity(ATHENS_V1, { "p1.written_policy": "none", "p1.policy_scope": ["forced_labour"] }).P1;
    expect(noPolicy.applicable).toBe(6);
    expect(noPolicy.parts.map((x) => x.questionKey)).not.toContain("p1.policy_scope");
  });

  it("leaves N/A out of the principle", () => {
    const base = { ...BEST, "p4.housing_standards": "does_not_meet" };
    const withNa = principleMaturity(ATHENS_V1, { ...base, "p4.housing_standards": "na" }).P4;
    const bad = principleMaturity(ATHENS_V1, base).P4;
    expect(withNa.score).toBe(1);
    expect(withNa.applicable).toBe(bad.applicable - 1);
    expect(bad.score).toBeLessThan(1);
    // P7 with every question N/A or hidden except one
    const p7 = principleMaturity(ATHENS_V1, { "p7.remedy_disclosed": "na", "p7.statement_published": "yes" }).P7;
    expect(p7.applicable).toBe(3);
    expect(p7.score).toBeCloseTo(3 / 6, 12);
  });

  it("does not score informational questions (profile, incidents, text, dates, uploads)", () => {
    const m = principleMaturity(ATHENS_V1, BEST);
    const scored = new Set(PRINCIPLES.flatMap((p) => m[p].parts.map((x) => x.questionKey)));
    for (const k of ["profile.workers", "p4.violence_reported", "p3.risk_assessment_date", "p5.sample_contract", "p7.statement_link"]) {
      expect(scored.has(k), k).toBe(false);
    }
  });

  it("weights principles by the template, or by a tenant's own weights", () => {
    const answers = { ...WORST, "p5.supplier_code": "code_and_contracts" };
    const m = principleMaturity(ATHENS_V1, answers);
    expect(m.P5.score).toBeGreaterThan(0);
    const total = Object.values(m).reduce((s, x) => s + x.weight, 0);
    expect(controlMaturity(ATHENS_V1, answers)).toBeCloseTo((25 * m.P5.score) / total, 12);
    expect(controlMaturity(ATHENS_V1, answers, { P1: 0, P2: 0, P3: 0, P4: 0, P6: 0, P7: 0 })).toBeCloseTo(m.P5.score, 12);
  });

  it("answerPoints by type", () => {
    expect(answerPoints(q("p4.grievance_features"), ["anonymous", "appeal"])).toBeCloseTo(0.4, 12);
    expect(
      answerPoints(q("p4.grievance_features"), ["workers_languages", "anonymous", "non_retaliation", "appeal", "outcomes_recorded"]),
    ).toBe(1);
    expect(answerPoints(q("p5.weekly_hours"), 48)).toBe(1);
    expect(answerPoints(q("p5.weekly_hours"), 48.5)).toBe(0.5);
    expect(answerPoints(q("p5.weekly_hours"), 60.5)).toBe(0);
    expect(answerPoints(q("p5.loan_deductions"), "na")).toBeNull();
    expect(answerPoints(q("p3.risk_assessment_date"), "2024-01-01")).toBeNull();
    expect(answerPoints(q("p5.sample_contract"), ["f1"])).toBe(1);
    expect(answerPoints(q("p1.deposits"), null)).toBeNull();
  });
});

// Random answers for the property tests: valid for their type, some missing, some N/A.
function candidates(question: Question): AnswerValue[] {
  switch (question.type) {
    case "yes_no":
      return ["yes", "no"];
    case "single":
      return question.options.map((o) => o.key);
    case "multi": {
      const normal = question.options.filter((o) => !o.exclusive).map((o) => o.key);
      const subsets: string[][] = [];
      for (let mask = 1; mask < 1 << normal.length; mask++) subsets.push(normal.filter((_, i) => mask & (1 << i)));
      return [...subsets, ...question.options.filter((o) => o.exclusive).map((o) => [o.key])];
    }
    case "number":
      return question.key === "p5.weekly_hours" ? [0, 40, 48, 48.5, 60, 60.5, 61, 80, 168] : [0, 1, 7, 30, 31, 60, 61, 200, 365];
    case "percent":
      return [0, 5, 10, 10.5, 20, 21, 50, 100];
    case "text":
      return ["some text"];
    case "date":
      return ["2024-05-01"];
    case "evidence":
      return [["f1"], ["f1", "f2"]];
  }
}

function randomAnswers(next: () => number, template: QuestionnaireTemplate): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  for (const { question } of allQuestions(template)) {
    const r = next();
    if (r < 0.15) continue; // unanswered
    if (question.allowNa && r < 0.25) {
      answers[question.key] = "na";
      continue;
    }
    const c = candidates(question);
    answers[question.key] = c[Math.floor(next() * c.length)]!;
  }
  return answers;
}

// Both published versions keep the same properties.
for (const template of [ATHENS_V1, ATHENS_V2]) {
  describe(`properties of v${template.version}`, () => {
    const scored = allQuestions(template)
      .filter((e) => e.section.principle !== null && e.question.weight > 0)
      .map((e) => e.question);

    it("a better answer never lowers maturity (any principle, or overall)", () => {
      const next = rng(20240601);
      let improvements = 0;
      for (let i = 0; i < 1500; i++) {
        const answers = randomAnswers(next, template);
        const question = scored[Math.floor(next() * scored.length)]!;
        const current = answers[question.key];
        if (current === "na") continue; // N/A is not better or worse, it is left out
        const currentPoints = answerPoints(question, current) ?? 0; // unanswered counts as 0
        const better = candidates(question).filter((c) => (answerPoints(question, c) ?? 0) >= currentPoints);
        const pick = better[Math.floor(next() * better.length)];
        if (pick === undefined) continue;
        const before = principleMaturity(template, answers);
        const mBefore = controlMaturity(template, answers);
        const improved = { ...answers, [question.key]: pick };
        const after = principleMaturity(template, improved);
        for (const p of PRINCIPLES)
          expect(after[p].score, `${question.key}: ${JSON.stringify(current)} → ${JSON.stringify(pick)}`).toBeGreaterThanOrEqual(
            before[p].score - 1e-12,
          );
        expect(controlMaturity(template, improved)).toBeGreaterThanOrEqual(mBefore - 1e-12);
        improvements++;
      }
      expect(improvements).toBeGreaterThan(1000);
    });

    it("a better answer never lowers maturity: every pair of answers, in the hardest contexts", () => {
      // Hardest for show-if: everything else perfect while follow-ups sit at their worst answer.
      const lowest = (question: Question) =>
        candidates(question).reduce((a, b) => ((answerPoints(question, b) ?? 0) < (answerPoints(question, a) ?? 0) ? b : a));
      const followUpsWorst: Record<string, AnswerValue | undefined> = { ...BEST };
      for (const { question } of allQuestions(template))
        if (question.showIf && question.weight > 0) followUpsWorst[question.key] = lowest(question);
      for (const context of [BEST, WORST, followUpsWorst]) {
        for (const question of scored) {
          const options = candidates(question);
          for (const a of options) {
            for (const b of options) {
              if ((answerPoints(question, b) ?? 0) < (answerPoints(question, a) ?? 0)) continue;
              const before = principleMaturity(template, { ...context, [question.key]: a });
              const after = principleMaturity(template, { ...context, [question.key]: b });
              for (const p of PRINCIPLES) {
                expect(after[p].score, `${question.key}: ${JSON.stringify(a)} → ${JSON.stringify(b)}`).toBeGreaterThanOrEqual(
                  before[p].score - 1e-12,
                );
              }
            }
          }
        }
      }
    });

    it("scores stay within [0, 1] and results are deterministic", () => {
      const next = rng(7);
      for (let i = 0; i < 300; i++) {
        const answers = randomAnswers(next, template);
        const shuffled = Object.fromEntries(Object.entries(answers).reverse());
        const m = principleMaturity(template, answers);
        for (const p of PRINCIPLES) {
          expect(m[p].score).toBeGreaterThanOrEqual(0);
          expect(m[p].score).toBeLessThanOrEqual(1);
        }
        expect(principleMaturity(template, shuffled)).toEqual(m);
        expect(redFlagsOf(template, shuffled)).toEqual(redFlagsOf(template, answers));
        expect(completeness(template, shuffled)).toEqual(completeness(template, answers));
        expect(workforceProfile(template, shuffled)).toEqual(workforceProfile(template, answers));
      }
    });

    it("never throws on garbage", () => {
      const garbage: Answers = Object.fromEntries(
        allQuestions(template).map((e, i) => [
          e.question.key,
          [{} as unknown as string, -1, "x", ["?"], Number.NaN, null][i % 6] as AnswerValue,
        ]),
      );
      expect(() => completeness(template, garbage)).not.toThrow();
      expect(() => principleMaturity(template, garbage)).not.toThrow();
      expect(() => redFlagsOf(template, garbage)).not.toThrow();
      expect(() => workforceProfile(template, garbage)).not.toThrow();
    });
  });
}

describe("workforceProfile", () => {
  it("returns the tagged answers", () => {
    expect(workforceProfile(ATHENS_V1, { ...WORST, "profile.fees_repaid": "repaying" })).toEqual({
      workers: 250,
      migrantShare: 80,
      temporaryShare: 60,
      usesAgencies: true,
      agenciesLicensed: 0,
      feesCharged: true,
      feesRepaid: 0.5,
      sources: {
        workers: "profile.workers",
        migrant_share: "profile.migrant_share",
        temporary_share: "profile.temporary_share",
        uses_agencies: "profile.uses_agencies",
        agencies_licensed: "profile.agencies_licensed",
        fees_charged: "profile.fees_charged",
        fees_repaid: "profile.fees_repaid",
      },
    });
  });

  it("leaves unanswered and hidden values null", () => {
    const p = workforceProfile(ATHENS_V1, { "profile.uses_agencies": "no", "profile.agencies_licensed": "all" });
    expect(p).toMatchObject({ workers: null, usesAgencies: false, agenciesLicensed: null, feesCharged: null });
    expect(p.sources).toEqual({ uses_agencies: "profile.uses_agencies" });
  });
});
