// Risk model v2, step 2: control maturity from credited points. Each answer earns its points × the
// credit for its proof: 1 when an independent verification in force covers its principle, 1 when a
// reviewer accepted a still-valid document behind it, else the methodology's declaredCredit (0.5).
//
// - Applicability, N/A, hidden questions and unanswered questions are as in v1 (principleMaturity):
//   a question a v1 assessment never asked is simply not in its template, so it is left out.
// - The breakdown keeps, per principle, the score as answered and the shares of the answered points
//   (Σ weight·points) that are declared, evidenced and verified.
// - More proof never lowers a credit: declaredCredit is at most 1 (methodologyProblems).
// Pure module: no node, kysely, remix or react imports.
import type { PrincipleMaturity } from "~/domain/questionnaire";
import { PRINCIPLES, type Principle } from "~/domain/questionnaire/types";
import { round2 } from "./round";
import type { Methodology, PrincipleContribution, ProofLevel } from "./types";

export interface ProofContext {
  /** Question key → the proof behind its answer; a question not in the map is declared. */
  proof: ReadonlyMap<string, ProofLevel>;
  /** Principles an independent verification in force covers. */
  verified: ReadonlySet<Principle>;
}

const exact = (x: number) => Math.round(x * 1e12) / 1e12;

/**
 * Raw maturity (0..1, before staleness) from credited points, with the tenant's principle weights;
 * `per` is the assessment's principleMaturity (principleMaturityIn).
 */
export function creditedMaturity(
  per: Readonly<Record<Principle, PrincipleMaturity>>,
  m: Pick<Methodology, "principleWeights" | "declaredCredit">,
  ctx: ProofContext,
): { rawMaturity: number; principles: PrincipleContribution[] } {
  let w = 0;
  let wm = 0;
  const principles: PrincipleContribution[] = [];
  for (const p of PRINCIPLES) {
    const pm = per[p];
    const shares: Record<ProofLevel, number> = { declared: 0, evidenced: 0, verified: 0 };
    let total = 0;
    let credited = 0;
    let earned = 0;
    for (const part of pm.parts) {
      const level: ProofLevel = ctx.verified.has(p) ? "verified" : (ctx.proof.get(part.questionKey) ?? "declared");
      const points = part.weight * part.points;
      total += part.weight;
      credited += points * (level === "declared" ? m.declaredCredit : 1);
      earned += points;
      shares[level] += points;
    }
    const score = total > 0 ? exact(credited / total) : 0;
    const proof = Object.fromEntries(Object.entries(shares).map(([k, v]) => [k, earned > 0 ? round2(v / earned) : 0])) as Record<
      ProofLevel,
      number
    >;
    const weight = m.principleWeights[p];
    principles.push({
      principle: p,
      weight,
      score: round2(score),
      answered: pm.answered,
      applicable: pm.applicable,
      answeredScore: round2(pm.score),
      proof,
    });
    if (pm.applicable === 0 || !(weight > 0)) continue;
    w += weight;
    wm += weight * score;
  }
  return { rawMaturity: w > 0 ? round2(wm / w) : 0, principles };
}
