// Property tests of risk model v1 over hundreds of seeded random inputs (docs/architecture.md, "The risk pipeline": "Properties
// worth testing"). Every run uses the same seeds, so a failure reproduces.
import { describe, expect, it } from "vitest";
import { ATHENS_V1 } from "~/domain/questionnaire/athens-v1";
import { answerPoints } from "~/domain/questionnaire";
import { allQuestions, checkTemplate, deepFreeze } from "~/domain/questionnaire/template";
import { type AnswerValue, type Answers, type Question, type QuestionnaireTemplate } from "~/domain/questionnaire/types";
import { flagFloor } from "./flags";
import { finalizeBreakdown } from "./finalize";
import { METHODOLOGY_V1 } from "./methodology";
import { fixedScoreOf, propagate } from "./propagate";
import { assessResidual } from "./residual";
import { round1 } from "./round";
import {
  NOW,
  REF,
  candidateValues,
  downstreamClosure,
  randomAnswers,
  randomDag,
  randomSupplier,
  seeded,
  supplier,
  upstreamOf,
  type Rng,
} from "./test-support";
import type { Breakdown, FixedScore, Methodology, Propagated, PropagationNode, SupplierRiskInput } from "./types";

const M = METHODOLOGY_V1;
const METHODOLOGIES: Methodology[] = [
  M,
  { ...M, fadeMonths: 0, validityMonths: 6 },
  {
    ...M,
    inherentWeights: { country: 0.2, goods: 0.2, childGoods: 0, workforce: 0.6 },
    countryOverrides: { MY: { score: 75, reason: "NGO reports" } },
  },
  { ...M, principleWeights: { P1: 50, P2: 0, P3: 5, P4: 10, P5: 30, P6: 0, P7: 5 }, bands: { medium: 20, high: 40, critical: 60 } },
];

function breakdown(input: SupplierRiskInput, m: Methodology, exposure: Propagated): Breakdown {
  return finalizeBreakdown(assessResidual(input, REF, m, NOW), exposure, m);
}
function randomExposure(rng: Rng): Propagated {
  if (rng.chance(0.5)) return { score: 0, exposure: 0, via: [] };
  const exposure = rng.int(0, 8500) / 100;
  return { score: exposure, exposure, via: [{ supplierId: 999, score: round1(exposure / 0.85) }], hops: 1 };
}
const flagKeys = (b: Breakdown) => new Set(b.flags.raised.map((f) => `${f.indicator}|${f.questionKey}`));
const isSubset = (a: Set<string>, b: Set<string>) => [...a].every((x) => b.has(x));
const withAnswer = (input: SupplierRiskInput, key: string, value: AnswerValue): SupplierRiskInput => ({
  ...input,
  assessment: { ...input.assessment!, answers: { ...input.assessment!.answers, [key]: value } },
});
function assessedSupplier(rng: Rng): SupplierRiskInput {
  let s = randomSupplier(rng);
  while (!s.assessment) s = randomSupplier(rng);
  return s;
}

const QUESTIONS = allQuestions(ATHENS_V1).map((e) => e.question);
/** Questions some answer of which raises a red flag. */
const FLAGGING = QUESTIONS.filter(
  (q) =>
    (q.type === "yes_no" && q.redFlags !== undefined) ||
    ((q.type === "single" || q.type === "multi") && q.options.some((o) => o.redFlag)) ||
    ((q.type === "number" || q.type === "percent") && (q.redFlagRules?.length ?? 0) > 0),
);
/** Questions whose answers carry points: scored controls and the profile's licensing / repayment. */
const POINTED = QUESTIONS.filter((q) => new Set(candidateValues(q).map((v) => answerPoints(q, v))).size > 1);

describe("property 1: adding a red flag never lowers a score", () => {
  it("changing an answer so that it raises more flags never lowers the score (600 random suppliers)", () => {
    expect(FLAGGING.map((q) => q.key)).toHaveLength(14);
    const rng = seeded(1);
    let checked = 0;
    for (let i = 0; i < 600; i++) {
      const m = rng.pick(METHODOLOGIES);
      const exposure = randomExposure(rng);
      const before = assessedSupplier(rng);
      const q = rng.pick(FLAGGING);
      const after = withAnswer(before, q.key, rng.pick(candidateValues(q)));
      const a = breakdown(before, m, exposure);
      const b = breakdown(after, m, exposure);
      const [fa, fb] = [flagKeys(a), flagKeys(b)];
      if (!(isSubset(fa, fb) && fb.size > fa.size)) continue;
      checked++;
      expect(
        b.score,
        `${q.key}: ${JSON.stringify(before.assessment!.answers[q.key])} → ${JSON.stringify(after.assessment!.answers[q.key])}`,
      ).toBeGreaterThanOrEqual(a.score);
      expect(b.residual).toBeGreaterThanOrEqual(a.residual);
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("the floor never falls when a flag is added", () => {
    const rng = seeded(11);
    for (let i = 0; i < 500; i++) {
      const flags = Array.from({ length: rng.int(0, 8) }, () => ({ severity: rng.pick(["severe", "other"] as const) }));
      const more = [...flags, { severity: rng.pick(["severe", "other"] as const) }];
      expect(flagFloor(more).floor!).toBeGreaterThanOrEqual(flagFloor(flags).floor ?? 0);
    }
  });

  it("a flag upstream (a higher residual) never lowers any score downstream (300 random graphs)", () => {
    const rng = seeded(12);
    for (let i = 0; i < 300; i++) {
      const nodes = randomDag(rng, rng.int(2, 30), rng.next() * 0.3);
      const ids = [...nodes.keys()];
      const full = propagate(nodes, new Map());
      const target = rng.pick(ids);
      const raised = new Map(nodes);
      raised.set(target, { ...nodes.get(target)!, residual: Math.max(nodes.get(target)!.residual, rng.pick([65, 80, 85, 100])) });
      const after = propagate(raised, new Map());
      for (const id of ids) expect(after.get(id)!.score).toBeGreaterThanOrEqual(full.get(id)!.score);
    }
  });
});

describe("property 2: a better answer never raises the score", () => {
  it("an option with more points (same question, no new flag) never raises the score (800 random cases)", () => {
    expect(POINTED.length).toBeGreaterThan(30);
    const rng = seeded(2);
    let checked = 0;
    let raisedFlag = 0;
    for (let i = 0; i < 800; i++) {
      const m = rng.pick(METHODOLOGIES);
      const exposure = randomExposure(rng);
      const base = assessedSupplier(rng);
      const q = rng.pick(POINTED);
      const values = candidateValues(q);
      const [x, y] = [rng.pick(values), rng.pick(values)];
      const [px, py] = [answerPoints(q, x)!, answerPoints(q, y)!];
      if (px === py) continue;
      const [worse, better] = px < py ? [x, y] : [y, x];
      const a = breakdown(withAnswer(base, q.key, worse), m, exposure);
      const b = breakdown(withAnswer(base, q.key, better), m, exposure);
      if (!isSubset(flagKeys(b), flagKeys(a))) {
        raisedFlag++;
        continue;
      }
      checked++;
      const why = `${q.key}: ${JSON.stringify(worse)} → ${JSON.stringify(better)}`;
      expect(b.residualBeforeFlags, why).toBeLessThanOrEqual(a.residualBeforeFlags);
      expect(b.residual, why).toBeLessThanOrEqual(a.residual);
      expect(b.score, why).toBeLessThanOrEqual(a.score);
    }
    expect(checked).toBeGreaterThan(400);
    // In Athens v1 every flag sits on an answer worth 0 points: a better answer never raises one.
    expect(raisedFlag).toBe(0);
  });

  it("when a better answer also raises a flag, the flag wins: the controls part falls but the score takes the floor", () => {
    // A template (not a published one) where a half-good answer also raises a red flag.
    const template: QuestionnaireTemplate = deepFreeze({
      ...ATHENS_V1,
      version: 999,
      sections: [
        {
          key: "p5",
          principle: "P5",
          weight: 25,
          questions: [
            {
              key: "p5.agency_fees",
              type: "single",
              required: true,
              weight: 1,
              allowNa: false,
              options: [
                { key: "none_checked", points: 0 },
                { key: "some_fees", points: 0.5, redFlag: { indicator: "debt_bondage", severity: "severe" } },
                { key: "no_fees", points: 1 },
              ],
            } satisfies Question,
          ],
        },
      ],
    });
    expect(checkTemplate(template)).toEqual([]);
    const rng = seeded(22);
    let rose = 0;
    for (let i = 0; i < 200; i++) {
      const m = rng.pick(METHODOLOGIES);
      const base = { ...randomSupplier(rng), assessment: null };
      const at = (answer: string) =>
        breakdown(
          { ...base, assessment: { id: 1, approvedAt: "2025-03-01T00:00:00.000Z", template, answers: { "p5.agency_fees": answer } } },
          m,
          {
            score: 0,
            exposure: 0,
            via: [],
          },
        );
      const [worst, half, best] = [at("none_checked"), at("some_fees"), at("no_fees")];
      expect(half.residualBeforeFlags).toBeLessThanOrEqual(worst.residualBeforeFlags);
      expect(best.residualBeforeFlags).toBeLessThanOrEqual(half.residualBeforeFlags);
      expect(half.flags.floor).toBe(80);
      expect(half.score).toBe(round1(Math.max(half.residualBeforeFlags, 80)));
      // It can rise, but never above the floor: max(residual before flags, floor) ≤ max(worse score, floor).
      expect(half.score).toBeLessThanOrEqual(Math.max(worst.score, 80));
      if (half.score > worst.score) rose++;
      expect(best.score).toBeLessThanOrEqual(worst.score);
      expect(half.driver.kind).toBe("flag");
    }
    expect(rose).toBeGreaterThan(100);
  });
});

describe("property 3: propagation stays between the own residual and the worst upstream residual", () => {
  it("round1(residual) ≤ score ≤ round1(max(residual, every upstream residual)) (400 random graphs)", () => {
    const rng = seeded(3);
    for (let i = 0; i < 400; i++) {
      const nodes = randomDag(rng, rng.int(1, 40), rng.next() * 0.25);
      const out = propagate(nodes, new Map(), rng.pick([0.85, 0.85, 0.5, 1]));
      for (const [id, node] of nodes) {
        const p = out.get(id)!;
        const worst = Math.max(node.residual, ...[...upstreamOf(nodes, id)].map((u) => nodes.get(u)!.residual));
        expect(p.score).toBeGreaterThanOrEqual(round1(node.residual));
        expect(p.score).toBeLessThanOrEqual(round1(worst));
        // The exposure is the factor times the best supplier's score, and the path starts there.
        const best = Math.max(-1, ...node.suppliers.map((s) => out.get(s)!.score));
        if (best < 0) expect(p).toMatchObject({ exposure: 0, via: [] });
        else {
          expect(p.via[0]!.score).toBe(best);
          expect(p.via[0]!.supplierId).toBe(Math.min(...node.suppliers.filter((s) => out.get(s)!.score === best)));
          expect(Math.abs(p.exposure - p.factor! * best)).toBeLessThanOrEqual(0.005 + 1e-9);
        }
      }
    }
  });
});

describe("property 4: same inputs, same breakdown", () => {
  it("recomputing, re-ordering goods or answers gives a deep-equal and JSON-equal breakdown (300 random suppliers)", () => {
    const rng = seeded(4);
    for (let i = 0; i < 300; i++) {
      const m = rng.pick(METHODOLOGIES);
      const input = randomSupplier(rng);
      const exposure = randomExposure(rng);
      const a = breakdown(input, m, exposure);
      const copy: SupplierRiskInput = {
        ...structuredClone({ ...input, assessment: null }),
        goods: rng.shuffle(input.goods),
        assessment: input.assessment && {
          ...input.assessment,
          answers: Object.fromEntries(
            rng.shuffle(Object.entries(structuredClone(input.assessment.answers as Record<string, AnswerValue>))),
          ) as Answers,
        },
      };
      const b = breakdown(copy, structuredClone(m), structuredClone(exposure));
      expect(b).toEqual(a);
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      expect(JSON.stringify(JSON.parse(JSON.stringify(a)))).toBe(JSON.stringify(a)); // nothing lost in storage
    }
  });

  it("propagation does not depend on the order of nodes or of suppliers (200 random graphs)", () => {
    const rng = seeded(44);
    for (let i = 0; i < 200; i++) {
      const nodes = randomDag(rng, rng.int(1, 40), rng.next() * 0.3);
      // Ties are common: many suppliers share a residual.
      for (const [id, n] of nodes) if (rng.chance(0.5)) nodes.set(id, { ...n, residual: rng.pick([40, 60, 80]) });
      const shuffled = new Map(rng.shuffle([...nodes]).map(([id, n]) => [id, { ...n, suppliers: rng.shuffle(n.suppliers) }] as const));
      const sorted = (m: Map<number, Propagated>) => JSON.stringify([...m].sort(([a], [b]) => a - b));
      expect(sorted(propagate(shuffled, new Map()))).toBe(sorted(propagate(nodes, new Map())));
    }
  });
});

describe("property 5: incremental propagation equals the full run", () => {
  it("recomputing a downward-closed set with `fixed` from a full run gives the full run (400 random changes)", () => {
    const rng = seeded(5);
    for (let i = 0; i < 400; i++) {
      const nodes = randomDag(rng, rng.int(2, 40), rng.next() * 0.25);
      const ids = [...nodes.keys()];
      for (const [id, n] of nodes) if (rng.chance(0.3)) nodes.set(id, { ...n, residual: rng.pick([50, 70, 90]) });
      const before = propagate(nodes, new Map());

      // A change: new residuals for a few suppliers, and maybe a new link into one of them.
      const changed = new Set(Array.from({ length: rng.int(1, 3) }, () => rng.pick(ids)));
      const next = new Map<number, PropagationNode>(nodes);
      for (const id of changed) next.set(id, { ...nodes.get(id)!, residual: rng.int(0, 10000) / 100 });
      if (rng.chance(0.5)) {
        const buyer = rng.pick([...changed]);
        const candidates = ids.filter((s) => s !== buyer && !downstreamClosure(next, [buyer]).has(s));
        if (candidates.length > 0)
          next.set(buyer, { ...next.get(buyer)!, suppliers: [...next.get(buyer)!.suppliers, rng.pick(candidates)] });
      }
      const full = propagate(next, new Map());

      // The set to recompute: the changed suppliers, every supplier downstream, and maybe some more (closed too).
      const extra = ids.filter(() => rng.chance(0.1));
      const subset = downstreamClosure(next, [...changed, ...extra]);
      const fixed = new Map<number, FixedScore>();
      for (const id of ids) {
        if (subset.has(id)) continue;
        const p = before.get(id)!;
        fixed.set(
          id,
          fixedScoreOf({ score: p.score, residual: nodes.get(id)!.residual, exposure: { value: p.exposure, via: p.via, hops: p.hops } }),
        );
      }
      const part = propagate(new Map([...next].filter(([id]) => subset.has(id))), fixed);
      for (const id of ids) {
        if (subset.has(id)) expect(part.get(id), `supplier ${id}`).toEqual(full.get(id));
        else expect(before.get(id)).toEqual(full.get(id));
      }
    }
  });
});

describe("the whole pipeline", () => {
  it("scores random tenants deterministically, with every stored number to at most 2 decimals", () => {
    const rng = seeded(6);
    for (let t = 0; t < 20; t++) {
      const m = rng.pick(METHODOLOGIES);
      const graph = randomDag(rng, 25, 0.1);
      const inputs = new Map([...graph.keys()].map((id) => [id, randomSupplier(rng, id)]));
      const run = () => {
        const residuals = new Map([...inputs].map(([id, s]) => [id, assessResidual(s, REF, m, NOW)]));
        const nodes = new Map([...graph].map(([id, n]) => [id, { residual: residuals.get(id)!.residual, suppliers: n.suppliers }]));
        const out = propagate(nodes, new Map());
        return new Map([...residuals].map(([id, r]) => [id, finalizeBreakdown(r, out.get(id)!, m)]));
      };
      const a = run();
      expect(JSON.stringify([...run()])).toBe(JSON.stringify([...a]));
      for (const b of a.values()) {
        const numbers: number[] = [];
        JSON.stringify(b, (_k, v: unknown) => (typeof v === "number" ? (numbers.push(v), v) : v));
        for (const x of numbers) expect(Math.abs(x * 100 - Math.round(x * 100))).toBeLessThan(1e-6);
        expect(Math.abs(b.score * 10 - Math.round(b.score * 10))).toBeLessThan(1e-6);
        expect(b.score).toBeGreaterThanOrEqual(0);
        expect(b.score).toBeLessThanOrEqual(100);
      }
    }
  });

  it("random answers never throw and stay within 0..100", () => {
    const rng = seeded(7);
    for (let i = 0; i < 300; i++) {
      const r = assessResidual(
        supplier({ answers: randomAnswers(rng), country: "LY", goods: ["Bricks"] }),
        REF,
        rng.pick(METHODOLOGIES),
        NOW,
      );
      for (const x of [r.inherent.value, r.residualBeforeFlags, r.residual]) expect(x >= 0 && x <= 100).toBe(true);
      expect(r.controls.maturity >= 0 && r.controls.maturity <= 1).toBe(true);
    }
  });
});
