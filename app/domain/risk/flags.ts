// Risk model v1, step 4: red flags (ILO indicators of forced labour) put a floor under the residual.
// Questionnaire v2 adds flags beyond the ILO's 11 (child labour, state-imposed labour: FlagIndicator in
// ~/domain/questionnaire/types); they are counted the same way, with the same floors by severity.
//
// - Flags come from redFlagsIn() over the approved assessment's answers, also when the assessment is
//   stale: a red flag is a fact until a new assessment says otherwise. No assessment, no flags.
// - One flag per distinct (indicator, questionKey) pair, in template order (a multi question whose
//   options raise the same indicator twice counts once; one indicator raised by two questions twice).
// - Floor: 80 if any flag is severe, else 65; +5 for each flag beyond the first; at most 100.
// Pure module: no node, kysely, remix or react imports.
import type { RaisedRedFlag } from "~/domain/questionnaire";
import type { Severity } from "~/domain/questionnaire/types";
import type { RaisedFlag } from "./types";

export const FLAG_FLOORS = Object.freeze({ severe: 80, other: 65, perAdditional: 5, max: 100 });

/** The distinct red flags among those the answers raised (redFlagsIn / redFlagsOf). */
export function raisedFlags(flags: readonly RaisedRedFlag[]): RaisedFlag[] {
  const seen = new Set<string>();
  const out: RaisedFlag[] = [];
  for (const f of flags) {
    const key = `${f.indicator}\u0000${f.questionKey}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ indicator: f.indicator, severity: f.severity, questionKey: f.questionKey, answer: f.answer });
  }
  return out;
}

/** The floor the flags put under the residual (null without flags) and the part added by extra flags. */
export function flagFloor(flags: readonly { severity: Severity }[]): { floor: number | null; extra: number } {
  if (flags.length === 0) return { floor: null, extra: 0 };
  const base = flags.some((f) => f.severity === "severe") ? FLAG_FLOORS.severe : FLAG_FLOORS.other;
  const extra = FLAG_FLOORS.perAdditional * (flags.length - 1);
  return { floor: Math.min(FLAG_FLOORS.max, base + extra), extra };
}
