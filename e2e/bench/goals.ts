// Goals of the bench figures. A goal is a comparison written into the record ("<= 4", "< 100"): `goal`
// is about `ratio` when the record has a floor (how many times worse than the floor) and about `value`
// otherwise; `value_goal`, when present, is about `value`. The checks read only numbers, never units.
import type { BenchRecord } from "./lib";

/** Whether `value` meets `goal` ("<= 5", "< 30", ">= 2"); undefined when either cannot be read. */
export function meets(value: number | undefined, goal: string): boolean | undefined {
  const m = /^\s*(<=|<|>=|>)\s*([\d.]+)/.exec(goal);
  if (!m || value === undefined || !Number.isFinite(value)) return undefined;
  const limit = Number(m[2]);
  switch (m[1]) {
    case "<=":
      return value <= limit;
    case "<":
      return value < limit;
    case ">=":
      return value >= limit;
    default:
      return value > limit;
  }
}

interface Goal {
  /** What the goal is about: "ratio" or "value". */
  of: "ratio" | "value";
  value: number | undefined;
  goal: string;
}

/** The goals a record states. */
function goalsOf(r: BenchRecord): Goal[] {
  const goals: Goal[] = [];
  if (typeof r.goal === "string") {
    goals.push(r.floor !== undefined ? { of: "ratio", value: r.ratio, goal: r.goal } : { of: "value", value: r.value, goal: r.goal });
  }
  if (typeof r.value_goal === "string") goals.push({ of: "value", value: r.value, goal: r.value_goal });
  return goals;
}

/** Adds `met` (every goal of the record met) when all its goals can be read. */
export function withMet(r: BenchRecord): BenchRecord {
  if (r.error !== undefined) return r;
  const checks = goalsOf(r).map((g) => meets(g.value, g.goal));
  if (checks.length === 0 || checks.some((c) => c === undefined)) return r;
  return { ...r, met: checks.every(Boolean) };
}

/** One line per goal a printed record misses (a goal whose figure is missing or unreadable counts as missed). */
export function missedGoals(records: Iterable<BenchRecord>): string[] {
  const missed: string[] = [];
  for (const r of records) {
    for (const g of goalsOf(r)) {
      if (r.error !== undefined) missed.push(`${r.figure}: not measured (${r.error}), goal ${g.of} ${g.goal}`);
      else if (meets(g.value, g.goal) !== true) missed.push(`${r.figure}: ${g.of} ${g.value ?? "missing"} misses the goal ${g.goal}`);
    }
  }
  return missed;
}
