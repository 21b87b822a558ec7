// Property tests of risk model v2 over seeded random inputs: v1's properties still hold, and v2's own
// (docs/architecture.md, "The risk pipeline"): more proof never lowers the credit, a floor never
// lowers a score, a confirmed good never counts less than the same good as "likely". Propagation is
// the same code under both models (properties.test.ts covers it).
import { describe, expect, it } from "vitest";
import { ATHENS_V1 } from "~/domain/questionnaire/athens-v1";
import { answerPoints } from "~/domain/questionnaire";
import { allQuestions } from "~/domain/questionnaire/template";
import type { AnswerValue, Question } from "~/domain/questionnaire/types";
import { finalizeBreakdown } from "./finalize";
import { METHODOLOGY_V1, METHODOLOGY_V2 } from "./methodology";
import { auditSignals, type AuditSignalInput } from "~/domain/site-audit/signals";
import { assessResidual } from "./residual";
import { NOW, REF, candidateValues, randomSupplier, seeded, type Rng } from "./test-support";
import type { Breakdown, Methodology, ProofLevel, SupplierRiskInput } from "./types";

const M = METHODOLOGY_V2;
const METHODOLOGIES: Methodology[] = [
  M,
  { ...M, declaredCredit: 0, likelyGoodsFactor: 1, goodsFloor: 50 },
  { ...M, declaredCredit: 1, fadeMonths: 0, validityMonths: 6 },
  { ...M, inherentWeights: { country: 0.1, goods: 0.2, childGoods: 0.5, workforce: 0.2 }, goodsFloor: 0 },
];
const SECTORS = ["Apparel", "Cocoa farming", "Electronics assembly", "Seafood processing", "Logistics", null];
const QUESTIONS = allQuestions(ATHENS_V1).map((e) => e.question);
const POINTED = QUESTIONS.filter((q) => new Set(candidateValues(q).map((v) => answerPoints(q, v))).size > 1);
const NO_EXPOSURE = { score: 0, exposure: 0, via: [] };

const breakdown = (input: SupplierRiskInput, m: Methodology): Breakdown =>
  finalizeBreakdown(assessResidual(input, REF, m, NOW), NO_EXPOSURE, m);

function randomProof(rng: Rng): Map<string, ProofLevel> {
  return new Map(QUESTIONS.filter(() => rng.chance(0.3)).map((q) => [q.key, "evidenced" as const]));
}
function randomV2Supplier(rng: Rng, assessed = false): SupplierRiskInput {
  let s = randomSupplier(rng);
  while (assessed && !s.assessment) s = randomSupplier(rng);
  return {
    ...s,
    sector: rng.pick(SECTORS),
    rejectedLikelyGoods: rng.chance(0.2) ? ["Garments"] : [],
    assessment: s.assessment ? { ...s.assessment, proof: randomProof(rng) } : null,
  };
}
const withAnswer = (s: SupplierRiskInput, key: string, value: AnswerValue): SupplierRiskInput => ({
  ...s,
  assessment: { ...s.assessment!, answers: { ...s.assessment!.answers, [key]: value } },
});
const flagKeys = (b: Breakdown) => new Set(b.flags.raised.map((f) => `${f.indicator}|${f.questionKey}`));

describe("model v2 keeps v1's properties", () => {
  it("same inputs give the same score, whatever the order of goods", () => {
    const rng = seeded(201);
    for (let i = 0; i < 300; i++) {
      const s = randomV2Supplier(rng);
      const m = rng.pick(METHODOLOGIES);
      const a = breakdown(s, m);
      expect(breakdown(structuredClone(s), m)).toEqual(a);
      expect(breakdown({ ...s, goods: [...s.goods].reverse() }, m).score).toBe(a.score);
    }
  });

  it("a red flag never lowers a score (600 random cases)", () => {
    const rng = seeded(202);
    const flagging = QUESTIONS.filter((q) => candidateValues(q).length > 1);
    let checked = 0;
    for (let i = 0; i < 600; i++) {
      const m = rng.pick(METHODOLOGIES);
      const before = randomV2Supplier(rng, true);
      const q: Question = rng.pick(flagging);
      const after = withAnswer(before, q.key, rng.pick(candidateValues(q)));
      const [a, b] = [breakdown(before, m), breakdown(after, m)];
      const [fa, fb] = [flagKeys(a), flagKeys(b)];
      if (!([...fa].every((k) => fb.has(k)) && fb.size > fa.size)) continue;
      checked++;
      expect(b.score).toBeGreaterThanOrEqual(a.score);
    }
    expect(checked).toBeGreaterThan(30);
  });

  it("a better answer never raises a score (800 random cases)", () => {
    const rng = seeded(203);
    let checked = 0;
    for (let i = 0; i < 800; i++) {
      const m = rng.pick(METHODOLOGIES);
      const base = randomV2Supplier(rng, true);
      const q = rng.pick(POINTED);
      const [x, y] = [rng.pick(candidateValues(q)), rng.pick(candidateValues(q))];
      const [px, py] = [answerPoints(q, x)!, answerPoints(q, y)!];
      if (px === py) continue;
      const [worse, better] = px < py ? [x, y] : [y, x];
      const [a, b] = [breakdown(withAnswer(base, q.key, worse), m), breakdown(withAnswer(base, q.key, better), m)];
      if (![...flagKeys(b)].every((k) => flagKeys(a).has(k))) continue;
      checked++;
      expect(b.score, `${q.key}: ${JSON.stringify(worse)} → ${JSON.stringify(better)}`).toBeLessThanOrEqual(a.score);
    }
    expect(checked).toBeGreaterThan(400);
  });
});

describe("model v2's own properties", () => {
  it("more proof never lowers the credit, and never raises the score (500 random cases)", () => {
    const rng = seeded(204);
    for (let i = 0; i < 500; i++) {
      const m = rng.pick(METHODOLOGIES);
      const s = randomV2Supplier(rng, true);
      const more = new Map(s.assessment!.proof);
      for (const q of QUESTIONS) if (rng.chance(0.3)) more.set(q.key, "evidenced");
      const a = breakdown(s, m);
      const b = breakdown({ ...s, assessment: { ...s.assessment!, proof: more } }, m);
      expect(b.controls.rawMaturity).toBeGreaterThanOrEqual(a.controls.rawMaturity);
      expect(b.score).toBeLessThanOrEqual(a.score);
      const audited = breakdown({ ...s, verification: { label: "SMETA", principles: ["P1", "P5"], liftsGoodsFloor: false } }, m);
      expect(audited.controls.rawMaturity).toBeGreaterThanOrEqual(a.controls.rawMaturity);
    }
  });

  it("a floor never lowers a score: with it the score is at least the score without it (500 random cases)", () => {
    const rng = seeded(205);
    let held = 0;
    for (let i = 0; i < 500; i++) {
      const m = rng.pick(METHODOLOGIES);
      // Half the cases: a good listed in the supplier's own country, so the floor has something to hold.
      const listed = rng.pick([
        ["CI", "Cocoa"],
        ["BD", "Bricks"],
        ["CN", "Cotton"],
      ] as const);
      const random = randomV2Supplier(rng);
      const s = rng.chance(0.5) ? { ...random, country: listed[0], goods: [listed[1]] } : random;
      const withFloor = breakdown(s, m);
      const without = breakdown(s, { ...m, goodsFloor: 0 });
      expect(withFloor.score).toBeGreaterThanOrEqual(without.score);
      if (withFloor.floors?.goods && withFloor.score > without.score) held++;
    }
    expect(held).toBeGreaterThan(2); // the floor did hold some scores up, so the comparison was not vacuous
  });

  it("a confirmed good never counts less than the same good as likely (300 random cases)", () => {
    const rng = seeded(206);
    for (let i = 0; i < 300; i++) {
      const m = rng.pick(METHODOLOGIES);
      const s = { ...randomV2Supplier(rng), goods: [], sector: rng.pick(["Apparel", "Cocoa farming", "Seafood processing"]) };
      const likely = breakdown(s, m);
      const confirmed = (likely.inherent.goods.likely?.goods ?? []).filter((g) => !g.rejected).map((g) => g.good);
      const after = breakdown({ ...s, goods: confirmed }, m);
      expect(after.inherent.goods.value).toBeGreaterThanOrEqual(likely.inherent.goods.value);
      expect(after.inherent.childGoods!.value).toBeGreaterThanOrEqual(likely.inherent.childGoods!.value);
      expect(after.score).toBeGreaterThanOrEqual(likely.score);
    }
  });
});

describe("model v2 with site audits (app/domain/site-audit/signals.ts)", () => {
  const TODAY = NOW.toISOString().slice(0, 10);
  const STANDARDS = ["smeta_2", "smeta_4", "rba_vap", "amfori_bsci", "sa8000", "other"] as const;
  const INDICATORS = ["excessive_overtime", "debt_bondage", "retention_of_documents", "deception", null] as const;
  function randomAudit(rng: Rng, id: number, findings: AuditSignalInput["findings"] = []): AuditSignalInput {
    return {
      id,
      standard: rng.pick(STANDARDS),
      standardOther: null,
      firm: "Bureau X",
      auditDate: rng.chance(0.8) ? "2025-03-10" : "2022-01-10",
      validUntil: "2027-03-09",
      findings,
    };
  }
  function randomFinding(rng: Rng, id: number, severity?: "critical"): AuditSignalInput["findings"][number] {
    return {
      id,
      severity: severity ?? rng.pick(["critical", "major", "minor"] as const),
      severityLabel: "Zero tolerance",
      indicator: severity ? rng.pick(["debt_bondage", "excessive_overtime", "deception"] as const) : rng.pick(INDICATORS),
      principle: null,
      open: severity ? true : rng.chance(0.5),
    };
  }
  const withAudits = (s: SupplierRiskInput, audits: AuditSignalInput[]): SupplierRiskInput => {
    const sig = auditSignals(audits, TODAY);
    return { ...s, verification: sig.verification, independentFlags: sig.flags };
  };

  it("an audit in force without open critical findings never raises a score (300 random cases)", () => {
    const rng = seeded(207);
    let lowered = 0;
    for (let i = 0; i < 300; i++) {
      const m = rng.pick(METHODOLOGIES);
      const s = rng.chance(0.5) ? { ...randomV2Supplier(rng), country: "CI", goods: ["Cocoa"] } : randomV2Supplier(rng);
      const before = breakdown(s, m);
      const findings = [randomFinding(rng, 1), randomFinding(rng, 2)].filter((f) => f.severity !== "critical");
      const after = breakdown(withAudits(s, [randomAudit(rng, 1, findings)]), m);
      expect(after.score).toBeLessThanOrEqual(before.score);
      if (after.score < before.score) lowered++;
    }
    expect(lowered).toBeGreaterThan(10); // audits did lift credit or floors, so the comparison was not vacuous
  });

  it("an open critical finding never lowers a score (300 random cases)", () => {
    const rng = seeded(208);
    let raised = 0;
    for (let i = 0; i < 300; i++) {
      const m = rng.pick(METHODOLOGIES);
      const s = rng.chance(0.5) ? { ...randomV2Supplier(rng), country: "CI", goods: ["Cocoa"] } : randomV2Supplier(rng);
      const audit = randomAudit(rng, 1, [randomFinding(rng, 1), randomFinding(rng, 2)]);
      const before = breakdown(withAudits(s, [audit]), m);
      const after = breakdown(withAudits(s, [{ ...audit, findings: [...audit.findings, randomFinding(rng, 3, "critical")] }]), m);
      expect(after.score).toBeGreaterThanOrEqual(before.score);
      if (after.score > before.score) raised++;
    }
    expect(raised).toBeGreaterThan(10);
  });

  it("v1 ignores audits: the same score with or without them", () => {
    const rng = seeded(209);
    for (let i = 0; i < 100; i++) {
      const s = randomV2Supplier(rng);
      const audit = randomAudit(rng, 1, [randomFinding(rng, 1, "critical")]);
      expect(breakdown(withAudits(s, [audit]), METHODOLOGY_V1)).toEqual(breakdown(s, METHODOLOGY_V1));
    }
  });
});
