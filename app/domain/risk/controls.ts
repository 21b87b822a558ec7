// Risk model v1, steps 2 and 5: control maturity M from the Athens principles, and its staleness.
//
// - Per principle, principleMaturity() of the questionnaire logic (Σ weight·points / Σ weight over
//   the visible, scored, non-N/A questions; unanswered = 0). The principles are combined with the
//   tenant's principleWeights over the principles that have an applicable question (like
//   controlMaturity(), with the methodology's weights instead of the template's).
// - Staleness: an approved assessment counts fully until approvedAt + validityMonths calendar months
//   (UTC; a day missing in the target month clamps to its last day, so Jan 31 + 1 month = Feb 28/29),
//   then its maturity fades linearly in time to 0 at approvedAt + validityMonths + fadeMonths.
//   fadeMonths 0 = it drops to 0 at once. Status: valid before validUntil, fading in between,
//   expired after. An approval dated in the future counts as valid with age 0.
// - Stored numbers are rounded to 2 decimals and the chain is computed from the rounded values, so
//   the explanation's arithmetic reproduces: maturity = round2(rawMaturity × fadeFactor).
// Pure module: no node, kysely, remix or react imports.
import type { PrincipleMaturity } from "~/domain/questionnaire";
import { PRINCIPLES, type Principle } from "~/domain/questionnaire/types";
import { round2 } from "./round";
import type { Breakdown, Methodology, PrincipleContribution } from "./types";

const DAY_MS = 86_400_000;

/** The same instant `months` calendar months later (UTC), clamped to the target month's last day. */
export function addMonthsUtc(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const mo = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, mo + 1, 0)).getUTCDate();
  const d = Math.min(date.getUTCDate(), lastDay);
  return new Date(Date.UTC(y, mo, d, date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds()));
}

export function parseInstant(iso: string, what: string): Date {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`Risk model: ${what} is not a valid date: ${JSON.stringify(iso)}`);
  return d;
}

export type Staleness = Omit<NonNullable<Breakdown["controls"]["assessment"]>, "id" | "approvedAt">;

/** How much an assessment approved at `approvedAt` still counts at `now`. */
export function staleness(approvedAt: string, m: Pick<Methodology, "validityMonths" | "fadeMonths">, now: Date): Staleness {
  const approved = parseInstant(approvedAt, "approvedAt");
  const t = now.getTime();
  const validUntil = addMonthsUtc(approved, m.validityMonths);
  const fadeEnd = addMonthsUtc(approved, m.validityMonths + m.fadeMonths);
  const ageDays = Math.max(0, Math.floor((t - approved.getTime()) / DAY_MS));
  let fadeFactor: number;
  let status: Staleness["status"];
  if (t < validUntil.getTime()) {
    fadeFactor = 1;
    status = "valid";
  } else if (t >= fadeEnd.getTime()) {
    fadeFactor = 0;
    status = "expired";
  } else {
    fadeFactor = round2(1 - (t - validUntil.getTime()) / (fadeEnd.getTime() - validUntil.getTime()));
    status = "fading";
  }
  return { ageDays, validUntil: validUntil.toISOString(), fadeFactor, status };
}

/** Raw maturity (0..1, before staleness) with the tenant's principle weights, and its parts. */
export function maturityOf(
  per: Readonly<Record<Principle, PrincipleMaturity>>,
  m: Pick<Methodology, "principleWeights">,
): { rawMaturity: number; principles: PrincipleContribution[] } {
  let w = 0;
  let wm = 0;
  const principles: PrincipleContribution[] = [];
  for (const p of PRINCIPLES) {
    const pm = per[p];
    const weight = m.principleWeights[p];
    principles.push({ principle: p, weight, score: round2(pm.score), answered: pm.answered, applicable: pm.applicable });
    if (pm.applicable === 0 || !(weight > 0)) continue;
    w += weight;
    wm += weight * pm.score;
  }
  return { rawMaturity: w > 0 ? round2(wm / w) : 0, principles };
}
