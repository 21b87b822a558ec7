// Shared helpers for the risk-model tests (not a test file itself): a seeded PRNG, small hand-built
// reference data, supplier inputs and random generators for the property tests.
import { ATHENS_V1 } from "~/domain/questionnaire/athens-v1";
import { allQuestions } from "~/domain/questionnaire/template";
import { NA, type AnswerValue, type Answers, type Question, type QuestionnaireTemplate } from "~/domain/questionnaire/types";
import type { PropagationNode, ReferenceData, SupplierRiskInput, TipPlacement, TvpraEntry } from "./types";

/** The fixed clock of the tests. */
export const NOW = new Date("2025-06-15T12:00:00.000Z");

/** xorshift32 seeded by a splitmix-style scramble: small, fast and reproducible. */
export function seeded(seed: number) {
  let x = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ 0xc2b2ae35) >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
    shuffle: <T>(list: readonly T[]): T[] => {
      const out = [...list];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
  };
}
export type Rng = ReturnType<typeof seeded>;

const tip = (iso2: string, tier: string, year: number): [string, TipPlacement] => [iso2, { iso2, tier, year }];
const good = (name: string, iso2: string, childLabor: boolean, forcedLabor: boolean, year = 2022): TvpraEntry => ({
  good: name,
  iso2,
  childLabor,
  forcedLabor,
  year,
});

/** Small reference data, by hand: a few TIP placements and TVPRA entries. */
export const REF: ReferenceData = {
  tip: new Map([
    tip("MY", "Tier 2", 2025),
    tip("CN", "Tier 3", 2025),
    tip("DE", "Tier 1", 2025),
    tip("LY", "Special Case", 2025),
    tip("TH", "Tier 2 Watch List", 2024),
    tip("BD", "Tier 2", 2025),
  ]),
  goods: [
    good("Garments", "MY", false, true),
    good("Garments", "BD", true, false),
    good("Cotton", "CN", true, true),
    good("Cotton", "TM", false, true, 2020),
    good("Electronics", "MY", false, true),
    good("Cocoa", "CI", true, false),
    good("Bricks", "BD", true, true),
  ],
  edition: "TIP 2025 · TVPRA 2022",
};

export const COUNTRY_POOL = ["MY", "CN", "DE", "LY", "TH", "BD", "XK", "CI", "TM"] as const;
export const GOODS_POOL = ["Garments", "garments ", "Cotton", "Electronics", "Cocoa", "Bricks", "Widgets", "Shrimp"] as const;

export function supplier(
  over: Partial<Omit<SupplierRiskInput, "assessment">> & { answers?: Answers; approvedAt?: string; template?: QuestionnaireTemplate } = {},
): SupplierRiskInput {
  const { answers, approvedAt, template, ...rest } = over;
  return {
    supplierId: 1,
    country: "MY",
    goods: [],
    ...rest,
    assessment: answers ? { id: 7, approvedAt: approvedAt ?? "2025-03-01T00:00:00.000Z", template: template ?? ATHENS_V1, answers } : null,
  };
}

const NUMBERS = [0, 1, 5, 10, 14, 15, 20, 25, 30, 31, 45, 48, 50, 55, 60, 61, 72, 80, 90, 100, 168, 200];

/** Some valid values for a question (not "na", not unanswered). */
export function candidateValues(q: Question): AnswerValue[] {
  switch (q.type) {
    case "yes_no":
      return ["yes", "no"];
    case "single":
      return q.options.map((o) => o.key);
    case "multi": {
      const normal = q.options.filter((o) => !o.exclusive).map((o) => o.key);
      const out: AnswerValue[] = q.options.filter((o) => o.exclusive).map((o) => [o.key]);
      for (let mask = 1; mask < 1 << normal.length; mask++) out.push(normal.filter((_, i) => mask & (1 << i)));
      return out;
    }
    case "number":
    case "percent": {
      const min = q.type === "percent" ? Math.max(0, q.min ?? 0) : (q.min ?? -Infinity);
      const max = q.type === "percent" ? Math.min(100, q.max ?? 100) : (q.max ?? Infinity);
      return NUMBERS.filter((n) => n >= min && n <= max);
    }
    case "text":
      return ["some text"];
    case "date":
      return ["2024-11-30"];
    case "evidence":
      return [["file_a"], []];
  }
}

/** A random answer set: some questions unanswered, some N/A, the rest random valid values. */
export function randomAnswers(rng: Rng, template: QuestionnaireTemplate = ATHENS_V1, maxSkip = 0.4): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  const skip = rng.next() * maxSkip;
  for (const { question } of allQuestions(template)) {
    if (rng.chance(skip)) continue;
    if (question.allowNa && rng.chance(0.1)) out[question.key] = NA;
    else out[question.key] = rng.pick(candidateValues(question));
  }
  return out;
}

/**
 * A random supplier: country, goods and maybe an assessment approved up to 30 months before NOW.
 * One in four is high-risk (Tier 3 / special-case country, goods listed there, few controls
 * answered), so residuals above the red-flag floors are common too.
 */
export function randomSupplier(rng: Rng, id = 1): SupplierRiskInput {
  if (rng.chance(0.25)) {
    const approved = new Date(NOW.getTime() - rng.int(0, 30 * 30) * 86_400_000);
    return supplier({
      supplierId: id,
      country: rng.pick(["CN", "LY", "BD"]),
      goods: [rng.pick(["Cotton", "Bricks"])],
      answers: randomAnswers(rng, ATHENS_V1, 1),
      approvedAt: approved.toISOString(),
    });
  }
  const goods = GOODS_POOL.filter(() => rng.chance(0.3));
  if (!rng.chance(0.8)) return supplier({ supplierId: id, country: rng.pick(COUNTRY_POOL), goods });
  const approved = new Date(NOW.getTime() - rng.int(0, 30 * 30) * 86_400_000);
  return supplier({
    supplierId: id,
    country: rng.pick(COUNTRY_POOL),
    goods,
    answers: randomAnswers(rng),
    approvedAt: approved.toISOString(),
  });
}

/**
 * A random acyclic supply graph over `n` distinct ids: a supplier always comes later in a random
 * order than each of its buyers. Residuals have 2 decimals.
 */
export function randomDag(rng: Rng, n: number, linkChance: number): Map<number, PropagationNode> {
  const ids = rng.shuffle(Array.from({ length: n }, (_, i) => 10 + i * 3));
  const nodes = new Map<number, PropagationNode>();
  for (let i = 0; i < n; i++) {
    const suppliers: number[] = [];
    for (let j = i + 1; j < n; j++) if (rng.chance(linkChance)) suppliers.push(ids[j]!);
    nodes.set(ids[i]!, { residual: rng.int(0, 10000) / 100, suppliers });
  }
  return nodes;
}

/** Every supplier upstream of `id` (its suppliers, their suppliers, …), without `id`. */
export function upstreamOf(nodes: ReadonlyMap<number, PropagationNode>, id: number): Set<number> {
  const seen = new Set<number>();
  const stack = [...(nodes.get(id)?.suppliers ?? [])];
  while (stack.length > 0) {
    const s = stack.pop()!;
    if (seen.has(s)) continue;
    seen.add(s);
    stack.push(...(nodes.get(s)?.suppliers ?? []));
  }
  return seen;
}

/** `ids` and every supplier downstream of them (their buyers, the buyers' buyers, …). */
export function downstreamClosure(nodes: ReadonlyMap<number, PropagationNode>, ids: Iterable<number>): Set<number> {
  const buyersOf = new Map<number, number[]>();
  for (const [buyer, n] of nodes) for (const s of n.suppliers) buyersOf.set(s, [...(buyersOf.get(s) ?? []), buyer]);
  const seen = new Set<number>();
  const stack = [...ids];
  while (stack.length > 0) {
    const s = stack.pop()!;
    if (seen.has(s)) continue;
    seen.add(s);
    stack.push(...(buyersOf.get(s) ?? []));
  }
  return seen;
}
