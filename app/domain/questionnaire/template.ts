// Helpers on templates as data: deep freezing (a published version cannot be mutated at run
// time), a content fingerprint (so storage can tell that "version 1" is still the same content),
// and a structural check that any template, built-in or loaded from the database, must pass.
// Pure module: no node, kysely, remix or react imports.
import {
  EVIDENCE_KINDS,
  NA,
  PROFILE_TAGS,
  QUESTION_TYPES,
  TEXT_MAX_LENGTH,
  isFlagIndicator,
  severityOf,
  type Condition,
  type NumericRange,
  type ProfileTag,
  type Question,
  type QuestionnaireTemplate,
  type RedFlag,
  type Section,
} from "./types";

/** Freezes an object graph in place and returns it. Cycles are fine. */
export function deepFreeze<T>(value: T): T {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== "object" || v === null || seen.has(v)) continue;
    seen.add(v);
    for (const child of Object.values(v)) stack.push(child);
    Object.freeze(v);
  }
  return value;
}

/** Every question with its section, in template order. */
export function allQuestions(template: QuestionnaireTemplate): Array<{ section: Section; question: Question }> {
  return template.sections.flatMap((section) => section.questions.map((question) => ({ section, question })));
}

/** JSON with object keys sorted, so equal data gives equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * 64-bit content fingerprint (two FNV-1a variants) of the canonical JSON, as 16 hex digits. A
 * guard against accidental edits of a published version, not a cryptographic hash.
 */
export function templateFingerprint(template: QuestionnaireTemplate): string {
  const text = canonicalJson(template);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
  return hex(h1) + hex(h2);
}

/**
 * A template from stored JSON (e.g. a questionnaire_versions.definition snapshot): checks its
 * shape and structure and returns it deep-frozen. Throws an Error listing the problems otherwise.
 */
export function loadTemplate(definition: unknown): QuestionnaireTemplate {
  const value: unknown = typeof definition === "string" ? JSON.parse(definition) : definition;
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  const shapeOk =
    isObject(value) &&
    value.key === "athens-fl" &&
    typeof value.version === "number" &&
    typeof value.title === "string" &&
    typeof value.intro === "string" &&
    Array.isArray(value.sections) &&
    value.sections.every(
      (s) =>
        isObject(s) &&
        typeof s.key === "string" &&
        typeof s.weight === "number" &&
        (s.principle === null || typeof s.principle === "string") &&
        Array.isArray(s.questions) &&
        s.questions.every(
          (q) =>
            isObject(q) &&
            typeof q.key === "string" &&
            typeof q.type === "string" &&
            typeof q.required === "boolean" &&
            typeof q.weight === "number" &&
            typeof q.allowNa === "boolean" &&
            (q.options === undefined || (Array.isArray(q.options) && q.options.every(isObject))) &&
            (q.showIf === undefined || isObject(q.showIf)) &&
            (q.evidence === undefined || isObject(q.evidence)) &&
            (q.type !== "evidence" || isObject(q.evidence)) &&
            ((q.type !== "single" && q.type !== "multi") || Array.isArray(q.options)),
        ),
    );
  if (!shapeOk) throw new Error("Invalid questionnaire template: unexpected shape");
  const template = value as unknown as QuestionnaireTemplate;
  const problems = checkTemplate(template);
  if (problems.length > 0) throw new Error(`Invalid questionnaire template: ${problems.join("; ")}`);
  return deepFreeze(template);
}

const QUESTION_KEY = /^[a-z][a-z0-9]*(\.[a-z0-9_]+)+$/;
const OPTION_KEY = /^[a-z0-9_]+$/;
const SECTION_KEY = /^[a-z][a-z0-9_]*$/;

const PROFILE_TAG_TYPES: Readonly<Record<ProfileTag, readonly Question["type"][]>> = {
  workers: ["number"],
  migrant_share: ["percent"],
  temporary_share: ["percent"],
  uses_agencies: ["yes_no"],
  agencies_licensed: ["single"],
  fees_charged: ["yes_no"],
  fees_repaid: ["single"],
};

/** The answers a yes_no or single question can take (without "na"); null for other types. */
export function choiceKeys(question: Question): string[] | null {
  if (question.type === "yes_no") return ["yes", "no"];
  if (question.type === "single" || question.type === "multi") return question.options.map((o) => o.key);
  return null;
}

/** Points of each discrete answer of a yes_no or single question (null for other types or unscored yes_no). */
function discretePoints(question: Question): Map<string, number> | null {
  if (question.type === "yes_no") {
    return question.points
      ? new Map([
          ["yes", question.points.yes],
          ["no", question.points.no],
        ])
      : null;
  }
  if (question.type === "single") return new Map(question.options.map((o) => [o.key, o.points]));
  return null;
}

function isPoints(n: unknown): boolean {
  return typeof n === "number" && Number.isFinite(n) && n >= 0 && n <= 1;
}

function rangeProblems(r: NumericRange): string | null {
  const bounds = [r.gt, r.gte, r.lt, r.lte].filter((b) => b !== undefined);
  if (bounds.length === 0) return "is empty";
  if (bounds.some((b) => typeof b !== "number" || !Number.isFinite(b))) return "has a bound that is not a finite number";
  return null;
}

/** Whether an equals / notEquals condition holds for one discrete answer ("yes", an option key or "na"). */
export function conditionMatches(condition: Condition, value: string): boolean {
  if (condition.equals !== undefined) {
    const list = typeof condition.equals === "string" ? [condition.equals] : condition.equals;
    return list.includes(value);
  }
  if (condition.notEquals !== undefined) {
    if (value === NA) return false;
    const list = typeof condition.notEquals === "string" ? [condition.notEquals] : condition.notEquals;
    return !list.includes(value);
  }
  return false;
}

/**
 * Structural problems of a template, as readable sentences; [] = valid. Checks keys, types,
 * points in [0,1], red-flag severities, show-if references (to an earlier question, with values
 * that question can take), profile tags, and that show-if on scored questions keeps maturity
 * monotonic: a follow-up may only appear on a worse answer of its (scored) controller... or on a
 * better one that earns at least the follow-up's weight, so a better answer never lowers maturity.
 */
export function checkTemplate(template: QuestionnaireTemplate): string[] {
  const problems: string[] = [];
  const add = (where: string, what: string) => problems.push(`${where}: ${what}`);

  if (!Number.isInteger(template.version) || template.version < 1) add("template", "version must be a positive integer");
  if (template.sections.length === 0) add("template", "has no sections");

  const sectionKeys = new Set<string>();
  const principles = new Set<string>();
  const seen = new Map<string, { section: Section; question: Question }>();
  const profileTags = new Set<ProfileTag>();

  for (const section of template.sections) {
    const where = `section ${section.key}`;
    if (!SECTION_KEY.test(section.key)) add(where, "bad key");
    if (sectionKeys.has(section.key)) add(where, "duplicate key");
    sectionKeys.add(section.key);
    if (section.principle === null) {
      if (section.weight !== 0) add(where, "a section without a principle must have weight 0");
    } else {
      if (principles.has(section.principle)) add(where, `principle ${section.principle} appears twice`);
      principles.add(section.principle);
      if (!(section.weight > 0) || !Number.isFinite(section.weight)) add(where, "principle weight must be > 0");
    }
    if (section.questions.length === 0) add(where, "has no questions");

    for (const q of section.questions) {
      const at = `question ${q.key}`;
      if (!QUESTION_KEY.test(q.key)) add(at, "bad key");
      if (!q.key.startsWith(`${section.key}.`)) add(at, `key must start with "${section.key}."`);
      if (seen.has(q.key)) add(at, "duplicate key");
      if (!QUESTION_TYPES.includes(q.type)) add(at, `unknown type ${String(q.type)}`);
      if (!(q.weight >= 0) || !Number.isFinite(q.weight)) add(at, "weight must be a finite number ≥ 0");
      if (section.principle === null && q.weight !== 0) add(at, "profile questions are not scored (weight 0)");
      checkQuestion(q, at, add);

      if (q.profile !== undefined) {
        if (!PROFILE_TAGS.includes(q.profile)) add(at, `unknown profile tag ${q.profile}`);
        else {
          if (profileTags.has(q.profile)) add(at, `profile tag ${q.profile} used twice`);
          profileTags.add(q.profile);
          if (!PROFILE_TAG_TYPES[q.profile].includes(q.type)) add(at, `profile tag ${q.profile} does not fit type ${q.type}`);
        }
      }

      if (q.showIf) checkCondition(q, section, q.showIf, seen, at, add);
      seen.set(q.key, { section, question: q });
    }
  }
  return problems;
}

function checkFlag(flag: RedFlag | undefined, at: string, add: (where: string, what: string) => void) {
  if (!flag) return;
  if (!isFlagIndicator(flag.indicator)) {
    add(at, `red flag ${String(flag.indicator)} is not a known indicator`);
    return;
  }
  if (severityOf(flag.indicator) !== flag.severity) {
    add(at, `red flag ${flag.indicator} must have severity ${severityOf(flag.indicator)}`);
  }
}

function checkQuestion(q: Question, at: string, add: (where: string, what: string) => void) {
  switch (q.type) {
    case "yes_no":
      if (q.weight > 0 && !q.points) add(at, "a scored yes/no question needs points");
      if (q.points && (!isPoints(q.points.yes) || !isPoints(q.points.no))) add(at, "points must be in [0, 1]");
      checkFlag(q.redFlags?.yes, at, add);
      checkFlag(q.redFlags?.no, at, add);
      break;
    case "single":
    case "multi": {
      if (q.options.length < 2) add(at, "needs at least two options");
      const keys = new Set<string>();
      for (const o of q.options) {
        if (!OPTION_KEY.test(o.key) || o.key === NA) add(at, `bad option key ${o.key}`);
        if (keys.has(o.key)) add(at, `duplicate option ${o.key}`);
        keys.add(o.key);
        if (!isPoints(o.points)) add(at, `option ${o.key}: points must be in [0, 1]`);
        if (o.exclusive && q.type !== "multi") add(at, `option ${o.key}: only multi options can be exclusive`);
        checkFlag(o.redFlag, at, add);
      }
      break;
    }
    case "number":
    case "percent": {
      const lo = q.min ?? (q.type === "percent" ? 0 : undefined);
      const hi = q.max ?? (q.type === "percent" ? 100 : undefined);
      if (lo !== undefined && hi !== undefined && lo > hi) add(at, "min > max");
      if (q.type === "percent" && ((q.min ?? 0) < 0 || (q.max ?? 100) > 100)) add(at, "percent bounds must be within 0..100");
      if (q.weight > 0 && !(q.scoring && q.scoring.length > 0)) add(at, "a scored numeric question needs scoring bands");
      for (const band of q.scoring ?? []) {
        const p = rangeProblems(band);
        if (p) add(at, `scoring band ${p}`);
        if (!isPoints(band.points)) add(at, "band points must be in [0, 1]");
      }
      for (const rule of q.redFlagRules ?? []) {
        const p = rangeProblems(rule);
        if (p) add(at, `red-flag rule ${p}`);
        checkFlag(rule.redFlag, at, add);
      }
      break;
    }
    case "text":
      if (q.weight > 0) add(at, "text questions are not scored (weight 0)");
      if (q.maxLength !== undefined && !(q.maxLength > 0 && q.maxLength <= TEXT_MAX_LENGTH)) {
        add(at, `maxLength must be within 1..${TEXT_MAX_LENGTH}`);
      }
      break;
    case "date":
      if (q.weight > 0) add(at, "date questions are not scored (weight 0)");
      break;
    case "evidence":
      if (q.evidence.required !== q.required) add(at, "evidence.required must equal required");
      if (q.allowNa) add(at, "an evidence question cannot be N/A");
      break;
  }

  if (q.evidence) {
    if (!EVIDENCE_KINDS.includes(q.evidence.accepted)) add(at, `unknown evidence kind ${q.evidence.accepted}`);
    const keys = choiceKeys(q);
    for (const w of q.evidence.when ?? []) {
      if (!keys || !keys.includes(w)) add(at, `evidence.when value ${w} is not an answer of this question`);
    }
  }
}

function checkCondition(
  q: Question,
  section: Section,
  c: Condition,
  seen: ReadonlyMap<string, { section: Section; question: Question }>,
  at: string,
  add: (where: string, what: string) => void,
) {
  const target = seen.get(c.question);
  if (!target) {
    add(at, `show-if refers to ${c.question}, which is not an earlier question`);
    return;
  }
  const ref = target.question;
  const hasRange = [c.gt, c.gte, c.lt, c.lte].some((b) => b !== undefined);
  const kinds = [c.equals !== undefined, c.notEquals !== undefined, hasRange].filter(Boolean).length;
  if (kinds !== 1) {
    add(at, "show-if must use exactly one of equals, notEquals or a numeric range");
    return;
  }
  if (hasRange) {
    if (ref.type !== "number" && ref.type !== "percent") add(at, "a numeric show-if needs a numeric question");
    return;
  }
  const keys = choiceKeys(ref);
  if (!keys) {
    add(at, `show-if on ${ref.key} needs a yes/no or choice question`);
    return;
  }
  const allowed = ref.allowNa ? [...keys, NA] : keys;
  const values = [c.equals ?? c.notEquals ?? []].flat();
  if (values.length === 0) add(at, "show-if lists no value");
  for (const v of values) if (!allowed.includes(v)) add(at, `show-if value ${v} is not an answer of ${ref.key}`);

  // Monotonic maturity: when a scored controller's answer changes from one that hides this
  // follow-up to one that shows it, the controller must gain at least the follow-up's weight.
  // Sufficient, whatever the other answers: w_dependents ≤ w_controller · (min shown − max hidden).
  if (q.weight === 0 || ref.weight === 0) return;
  const points = discretePoints(ref);
  if (!points) {
    add(at, "a scored follow-up of a scored question needs a yes/no or single-choice controller");
    return;
  }
  if (target.section.principle !== section.principle) {
    add(at, "a scored follow-up must be in the same principle as its scored controller");
    return;
  }
  const shown = [...points].filter(([k]) => conditionMatches(c, k)).map(([, p]) => p);
  const hidden = [...points].filter(([k]) => !conditionMatches(c, k)).map(([, p]) => p);
  if (shown.length === 0 || hidden.length === 0) return;
  const margin = Math.min(...shown) - Math.max(...hidden);
  // Follow-ups of follow-ups appear and disappear with them: count the whole subtree.
  const subtree = new Set([ref.key]);
  for (const d of section.questions) if (d.showIf && subtree.has(d.showIf.question)) subtree.add(d.key);
  subtree.delete(ref.key);
  const dependents = section.questions.filter((d) => subtree.has(d.key)).reduce((sum, d) => sum + d.weight, 0);
  if (margin < 0 || dependents > ref.weight * margin + 1e-9) {
    add(
      at,
      `follow-ups of ${ref.key} weigh ${dependents}, more than ${ref.key} gains by showing them ` +
        `(${ref.weight} × ${margin.toFixed(2)}): a better answer could lower maturity`,
    );
  }
}
