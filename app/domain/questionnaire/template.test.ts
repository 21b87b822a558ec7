import { describe, expect, it } from "vitest";
import { ATHENS_V1 } from "./athens-v1";
import { ATHENS_V2 } from "./athens-v2";
import { BUILT_IN_TEMPLATES, findBuiltInTemplate, latestBuiltInTemplate } from "./built-in";
import { CATALOGUES, SUPPORTED_LOCALES, catalogueKeys, commonKeys, en, placeholders, textKeys } from "./i18n";
import { redFlagsOf } from "./index";
import { allQuestions, canonicalJson, checkTemplate, deepFreeze, loadTemplate, templateFingerprint } from "./template";
import {
  ILO_INDICATORS,
  PRINCIPLE_WEIGHTS,
  PROFILE_TAGS,
  SEVERE_INDICATORS,
  severityOf,
  type AnswerValue,
  type Condition,
  type FlagIndicator,
  type Question,
  type QuestionnaireTemplate,
  type RedFlag,
} from "./types";

const questions = allQuestions(ATHENS_V1).map((e) => e.question);
const byKey = new Map(questions.map((q) => [q.key, q]));

/** Every (answer → red flag) a question can produce. */
function flagSources(q: Question): Array<{ answer: AnswerValue; flag: RedFlag }> {
  switch (q.type) {
    case "yes_no":
      return (["yes", "no"] as const).flatMap((a) => (q.redFlags?.[a] ? [{ answer: a, flag: q.redFlags[a] }] : []));
    case "single":
      return q.options.flatMap((o) => (o.redFlag ? [{ answer: o.key, flag: o.redFlag }] : []));
    case "multi":
      return q.options.flatMap((o) => (o.redFlag ? [{ answer: [o.key], flag: o.redFlag }] : []));
    case "number":
    case "percent":
      return (q.redFlagRules ?? []).map((r) => {
        const n = r.gt !== undefined ? r.gt + 1 : (r.gte ?? (r.lt !== undefined ? r.lt - 1 : (r.lte ?? 0)));
        return { answer: n, flag: r.redFlag };
      });
    default:
      return [];
  }
}

/** An answer to `c.question` that satisfies the condition. */
function satisfying(c: Condition): AnswerValue {
  const ref = byKey.get(c.question)!;
  if (c.equals !== undefined) {
    const v = typeof c.equals === "string" ? c.equals : c.equals[0]!;
    return ref.type === "multi" ? [v] : v;
  }
  if (c.notEquals !== undefined) {
    const excluded = [c.notEquals].flat();
    const keys = ref.type === "yes_no" ? ["yes", "no"] : ref.type === "single" || ref.type === "multi" ? ref.options.map((o) => o.key) : [];
    const v = keys.find((k) => !excluded.includes(k))!;
    return ref.type === "multi" ? [v] : v;
  }
  return (c.gt ?? c.gte ?? 0) + 1;
}

/** Answers that make `q` visible (following the show-if chain) plus `answer` for q itself. */
function answersShowing(q: Question, answer: AnswerValue): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = { [q.key]: answer };
  let cur: Question | undefined = q;
  while (cur?.showIf) {
    out[cur.showIf.question] = satisfying(cur.showIf);
    cur = byKey.get(cur.showIf.question);
  }
  return out;
}

describe("Athens v1 template: structure", () => {
  it("passes the structural check", () => {
    expect(checkTemplate(ATHENS_V1)).toEqual([]);
  });

  it("is version 1 of athens-fl with catalogue keys for title and intro", () => {
    expect(ATHENS_V1.key).toBe("athens-fl");
    expect(ATHENS_V1.version).toBe(1);
    expect(ATHENS_V1.title).toBe(textKeys.templateTitle("athens-fl"));
    expect(ATHENS_V1.intro).toBe(textKeys.templateIntro("athens-fl"));
  });

  it("has unique, stable-looking question keys prefixed by their section", () => {
    const keys = questions.map((q) => q.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const s of ATHENS_V1.sections) for (const q of s.questions) expect(q.key.startsWith(`${s.key}.`)).toBe(true);
  });

  it("has between 40 and 60 questions (45–55 planned)", () => {
    expect(questions.length).toBeGreaterThanOrEqual(45);
    expect(questions.length).toBeLessThanOrEqual(55);
  });

  it("has a workforce profile first, then P1–P7 with the specified weights", () => {
    expect(ATHENS_V1.sections.map((s) => [s.key, s.principle, s.weight])).toEqual([
      ["profile", null, 0],
      ["p1", "P1", 20],
      ["p2", "P2", 10],
      ["p3", "P3", 15],
      ["p4", "P4", 15],
      ["p5", "P5", 25],
      ["p6", "P6", 5],
      ["p7", "P7", 10],
    ]);
    for (const s of ATHENS_V1.sections) if (s.principle) expect(s.weight).toBe(PRINCIPLE_WEIGHTS[s.principle]);
  });

  it("does not score the profile, and scores every principle", () => {
    for (const s of ATHENS_V1.sections) {
      const scored = s.questions.filter((q) => q.weight > 0).length;
      if (s.principle === null) expect(scored).toBe(0);
      else expect(scored).toBeGreaterThanOrEqual(2);
    }
  });

  it("tags each workforce-profile input exactly once, in the profile section", () => {
    const profile = ATHENS_V1.sections[0]!;
    const tags = questions.filter((q) => q.profile).map((q) => q.profile);
    expect([...tags].sort()).toEqual([...PROFILE_TAGS].sort());
    for (const q of questions) if (q.profile) expect(profile.questions).toContain(q);
  });

  it("show-if conditions refer to earlier questions", () => {
    const seen = new Set<string>();
    for (const q of questions) {
      if (q.showIf) expect(seen.has(q.showIf.question), `${q.key} → ${q.showIf.question}`).toBe(true);
      seen.add(q.key);
    }
    expect(questions.filter((q) => q.showIf).length).toBeGreaterThanOrEqual(8);
  });

  it("asks about agencies only when agencies are used", () => {
    expect(byKey.get("profile.agencies_licensed")!.showIf).toEqual({ question: "profile.uses_agencies", equals: "yes" });
    expect(byKey.get("p5.agency_checks")!.showIf).toEqual({ question: "profile.uses_agencies", equals: "yes" });
    expect(byKey.get("profile.fees_repaid")!.showIf).toEqual({ question: "profile.fees_charged", equals: "yes" });
  });

  it("keeps points within [0, 1]", () => {
    for (const q of questions) {
      if (q.type === "yes_no" && q.points) {
        expect(q.points.yes).toBeGreaterThanOrEqual(0);
        expect(q.points.yes).toBeLessThanOrEqual(1);
        expect(q.points.no).toBeGreaterThanOrEqual(0);
        expect(q.points.no).toBeLessThanOrEqual(1);
      }
      if (q.type === "single" || q.type === "multi") {
        for (const o of q.options) {
          expect(o.points).toBeGreaterThanOrEqual(0);
          expect(o.points).toBeLessThanOrEqual(1);
        }
        // Something to aim for: every scored choice question has an answer worth full points.
        if (q.weight > 0) {
          const best = q.type === "single" ? Math.max(...q.options.map((o) => o.points)) : q.options.reduce((s, o) => s + o.points, 0);
          expect(best).toBeGreaterThanOrEqual(1 - 1e-9);
        }
      }
      if (q.type === "number" || q.type === "percent") {
        for (const b of q.scoring ?? []) expect(b.points >= 0 && b.points <= 1).toBe(true);
      }
    }
  });

  it("asks for evidence: an upload question and documents on key answers", () => {
    expect(questions.some((q) => q.type === "evidence")).toBe(true);
    const withEvidence = questions.filter((q) => q.evidence && q.type !== "evidence").map((q) => q.key);
    expect(withEvidence).toContain("p1.written_policy");
    expect(byKey.get("p1.written_policy")!.evidence).toMatchObject({ accepted: "policy_document", required: true });
    expect(withEvidence.length).toBeGreaterThanOrEqual(8);
  });

  it("uses every question type", () => {
    expect(new Set(questions.map((q) => q.type))).toEqual(
      new Set(["yes_no", "single", "multi", "number", "percent", "text", "date", "evidence"]),
    );
  });

  it("is plain JSON data", () => {
    expect(JSON.parse(JSON.stringify(ATHENS_V1))).toEqual(ATHENS_V1);
  });
});

describe("Athens v1 template: red flags", () => {
  const sources = questions.flatMap((q) => flagSources(q).map((s) => ({ q, ...s })));

  it("give every flag the severity of its indicator", () => {
    for (const { flag } of sources) expect(flag.severity).toBe(severityOf(flag.indicator));
    expect([...SEVERE_INDICATORS].filter((i) => (ILO_INDICATORS as readonly string[]).includes(i)).sort()).toEqual(
      ["debt_bondage", "physical_sexual_violence", "restriction_of_movement", "retention_of_documents", "withholding_of_wages"].sort(),
    );
  });

  it("can raise each of the 11 ILO indicators through an answer", () => {
    const reached = new Set<FlagIndicator>();
    for (const { q, answer, flag } of sources) {
      const raised = redFlagsOf(ATHENS_V1, answersShowing(q, answer));
      expect(raised, `${q.key} = ${JSON.stringify(answer)}`).toContainEqual(
        expect.objectContaining({ questionKey: q.key, indicator: flag.indicator, severity: flag.severity }),
      );
      reached.add(flag.indicator);
    }
    expect([...reached].sort()).toEqual([...ILO_INDICATORS].sort());
  });

  it("maps the answers named in the issue to the right indicator and severity", () => {
    const flagOf = (answers: Record<string, AnswerValue>) =>
      redFlagsOf(ATHENS_V1, answers).map((f) => [f.questionKey, f.indicator, f.severity]);
    expect(flagOf({ "p1.documents_holder": "employer_keeps" })).toEqual([["p1.documents_holder", "retention_of_documents", "severe"]]);
    expect(flagOf({ "p4.wages_on_time": "no" })).toEqual([["p4.wages_on_time", "withholding_of_wages", "severe"]]);
    expect(flagOf({ "p5.weekly_hours": 61 })).toEqual([["p5.weekly_hours", "excessive_overtime", "other"]]);
    expect(flagOf({ "p5.weekly_hours": 60 })).toEqual([]);
    expect(flagOf({ "profile.fees_charged": "yes" })).toEqual([["profile.fees_charged", "debt_bondage", "severe"]]);
    expect(flagOf({ "p1.free_movement": "permission_or_escort" })).toEqual([["p1.free_movement", "restriction_of_movement", "severe"]]);
    expect(flagOf({ "p4.violence_reported": "yes" })).toEqual([["p4.violence_reported", "physical_sexual_violence", "severe"]]);
    expect(flagOf({ "p4.threats_reported": "yes" })).toEqual([["p4.threats_reported", "intimidation_threats", "other"]]);
    expect(flagOf({ "p5.contract_before_start": "no" })).toEqual([["p5.contract_before_start", "deception", "other"]]);
    expect(flagOf({ "p1.contact_outside": "phones_taken" })).toEqual([["p1.contact_outside", "isolation", "other"]]);
  });
});

describe("Athens v1 template: catalogue", () => {
  const needed = catalogueKeys(ATHENS_V1);

  it("has every key the template needs in English, non-empty and trimmed", () => {
    const missing = needed.filter((k) => !Object.hasOwn(en, k));
    expect(missing).toEqual([]);
    for (const [k, v] of Object.entries(en)) {
      expect(v.trim(), k).toBe(v);
      expect(v.length, k).toBeGreaterThan(0);
    }
  });

  it("has a text and a help for every question, and a label for every option and N/A", () => {
    for (const q of questions) {
      expect(en[textKeys.questionText(q.key)]).toBeTruthy();
      expect(en[textKeys.questionHelp(q.key)]).toBeTruthy();
      if (q.allowNa) expect(en[textKeys.questionNa(q.key)]).toBeTruthy();
      if (q.evidence) expect(en[textKeys.questionEvidence(q.key)]).toBeTruthy();
      if (q.type === "single" || q.type === "multi") for (const o of q.options) expect(en[textKeys.option(q.key, o.key)]).toBeTruthy();
    }
  });

  it("has no orphan template keys (q.*, s.*, t.*) in English", () => {
    const all = new Set(BUILT_IN_TEMPLATES.flatMap(catalogueKeys));
    expect(Object.keys(en).filter((k) => /^[qst]\./.test(k) && !all.has(k))).toEqual([]);
  });

  it("names every ILO indicator and principle", () => {
    for (const k of commonKeys()) expect(en[k], k).toBeTruthy();
  });

  it("offers every supported language", () => {
    expect(Object.keys(CATALOGUES).sort()).toEqual([...SUPPORTED_LOCALES].sort());
    for (const l of SUPPORTED_LOCALES) expect(en[`ui.language.${l}`]).toBeTruthy();
  });

  // Translations are written elsewhere; an empty catalogue is a placeholder (English fallback).
  for (const locale of SUPPORTED_LOCALES.filter((l) => l !== "en")) {
    const catalogue = CATALOGUES[locale];
    const started = Object.keys(catalogue).length > 0;
    it.skipIf(!started)(`${locale}: has exactly the English keys, with the same placeholders`, () => {
      expect(Object.keys(catalogue).filter((k) => !Object.hasOwn(en, k))).toEqual([]);
      expect(Object.keys(en).filter((k) => !Object.hasOwn(catalogue, k))).toEqual([]);
      for (const [k, v] of Object.entries(catalogue)) expect(placeholders(v), `${locale} ${k}`).toEqual(placeholders(en[k] ?? ""));
    });
  }
});

describe("published versions are immutable", () => {
  it("deep-freezes ATHENS_V1 and the list of built-in templates", () => {
    const stack: unknown[] = [ATHENS_V1];
    let objects = 0;
    while (stack.length) {
      const v = stack.pop();
      if (typeof v !== "object" || v === null) continue;
      expect(Object.isFrozen(v)).toBe(true);
      objects++;
      stack.push(...Object.values(v));
    }
    expect(objects).toBeGreaterThan(100);
    expect(Object.isFrozen(BUILT_IN_TEMPLATES)).toBe(true);
  });

  it("throws on any attempt to change it at run time", () => {
    const t = ATHENS_V1 as unknown as { version: number; sections: Array<{ weight: number; questions: unknown[] }> };
    expect(() => {
      t.version = 2;
    }).toThrow(TypeError);
    expect(() => {
      t.sections[1]!.weight = 99;
    }).toThrow(TypeError);
    expect(() => t.sections[1]!.questions.push({})).toThrow(TypeError);
    const q = ATHENS_V1.sections[1]!.questions[0] as unknown as { options: Array<{ points: number }> };
    expect(() => {
      q.options[0]!.points = 0;
    }).toThrow(TypeError);
    expect(ATHENS_V1.version).toBe(1);
  });

  it("keeps the content of version 1 (publish a version 2 instead of editing it)", () => {
    expect(templateFingerprint(ATHENS_V1)).toBe("400614eae25b12ad");
  });

  it("keeps the content of version 2 (publish a version 3 instead of editing it)", () => {
    expect(templateFingerprint(ATHENS_V2)).toBe("1822f4f9a9f2b0e7");
    expect(checkTemplate(ATHENS_V2)).toEqual([]);
  });

  it("loads a stored snapshot back as the same frozen template, and refuses a broken one", () => {
    const stored = JSON.stringify(ATHENS_V1);
    const loaded = loadTemplate(stored);
    expect(loaded).toEqual(ATHENS_V1);
    expect(templateFingerprint(loaded)).toBe(templateFingerprint(ATHENS_V1));
    expect(Object.isFrozen(loaded.sections[0]!.questions[0])).toBe(true);
    expect(loadTemplate(JSON.parse(stored))).toEqual(ATHENS_V1);
    expect(() => loadTemplate(null)).toThrow(/unexpected shape/);
    expect(() => loadTemplate({ key: "athens-fl", version: 1, title: "t", intro: "i", sections: [{ key: "x" }] })).toThrow(
      /unexpected shape/,
    );
    expect(() => loadTemplate(stored.replace('"weight":4', '"weight":-4'))).toThrow(/weight must be/);
    expect(() => loadTemplate("{not json")).toThrow();
  });

  it("finds built-in templates by key and version", () => {
    expect(BUILT_IN_TEMPLATES).toEqual([ATHENS_V1, ATHENS_V2]);
    expect(findBuiltInTemplate("athens-fl", 1)).toBe(ATHENS_V1);
    expect(findBuiltInTemplate("athens-fl", 2)).toBe(ATHENS_V2);
    expect(findBuiltInTemplate("athens-fl", 3)).toBeUndefined();
    expect(latestBuiltInTemplate("athens-fl")).toBe(ATHENS_V2);
    expect(latestBuiltInTemplate("nope")).toBeUndefined();
  });
});

describe("template helpers", () => {
  it("deepFreeze copes with cycles and returns its argument", () => {
    const a: { self?: unknown; list: number[] } = { list: [1] };
    a.self = a;
    expect(deepFreeze(a)).toBe(a);
    expect(Object.isFrozen(a.list)).toBe(true);
  });

  it("canonicalJson and the fingerprint ignore key order but not content", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(canonicalJson({ a: [{ c: 3, d: 2 }], b: 1 }));
    const copy = JSON.parse(JSON.stringify(ATHENS_V1)) as QuestionnaireTemplate;
    expect(templateFingerprint(copy)).toBe(templateFingerprint(ATHENS_V1));
    const changed = JSON.parse(JSON.stringify(ATHENS_V1).replace('"weight":4', '"weight":5')) as QuestionnaireTemplate;
    expect(templateFingerprint(changed)).not.toBe(templateFingerprint(ATHENS_V1));
  });

  function broken(edit: (t: { sections: Array<{ key: string; questions: Array<Record<string, unknown>> }> }) => void) {
    const t = JSON.parse(JSON.stringify(ATHENS_V1)) as QuestionnaireTemplate;
    edit(t as unknown as { sections: Array<{ key: string; questions: Array<Record<string, unknown>> }> });
    return checkTemplate(t);
  }

  it("checkTemplate reports duplicate keys, forward show-if and bad values", () => {
    expect(broken((t) => (t.sections[1]!.questions[1]!.key = "p1.written_policy")).join()).toMatch(/duplicate key/);
    expect(broken((t) => (t.sections[1]!.questions[1]!.showIf = { question: "p1.deposits", equals: "yes" })).join()).toMatch(
      /not an earlier question/,
    );
    expect(broken((t) => (t.sections[1]!.questions[1]!.showIf = { question: "p1.written_policy", equals: "maybe" })).join()).toMatch(
      /not an answer/,
    );
    expect(broken((t) => ((t.sections[1]!.questions[0]!.options as Array<{ points: number }>)[0]!.points = 1.5)).join()).toMatch(
      /\[0, 1\]/,
    );
    expect(
      broken((t) => (t.sections[1]!.questions[3]!.redFlags = { yes: { indicator: "debt_bondage", severity: "other" } })).join(),
    ).toMatch(/severity severe/);
    expect(broken((t) => (t.sections[0]!.questions[0]!.weight = 1)).join()).toMatch(/not scored/);
    expect(broken((t) => (t.sections[0]!.questions[1]!.profile = "uses_agencies")).join()).toMatch(/does not fit|used twice/);
    expect(broken((t) => (t.sections[1]!.questions[0]!.key = "p2.written_policy")).join()).toMatch(/must start with/);
  });

  it("checkTemplate refuses a follow-up that could make a better answer lower maturity", () => {
    // p1.policy_scope (weight 2) appears when p1.written_policy (weight 4) gains at least 0.5: 4 × 0.5 ≥ 2.
    expect(broken((t) => (t.sections[1]!.questions[1]!.weight = 3)).join()).toMatch(/could lower maturity/);
    // A scored follow-up shown on a worse answer is refused too.
    expect(broken((t) => (t.sections[1]!.questions[1]!.showIf = { question: "p1.written_policy", equals: "none" })).join()).toMatch(
      /could lower maturity/,
    );
  });
});
