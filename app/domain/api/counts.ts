// Grievance counts as API clients see them (wave-2 rule): numbers only, and a count under 5 is
// reported as "fewer than 5" so that a small site's single report cannot be singled out.

export const FEWER_THAN_FIVE = "fewer than 5";
export type SmallCount = number | typeof FEWER_THAN_FIVE;

export function smallCount(n: number): SmallCount {
  return n > 0 && n < 5 ? FEWER_THAN_FIVE : n;
}

export interface GrievanceCounts {
  total: SmallCount;
  open: SmallCount;
  byCategory: Array<{ category: string; total: SmallCount }>;
}

export function grievanceCounts(
  rows: ReadonlyArray<{ category: string; status: string; count: number }>,
  open: ReadonlySet<string>,
): GrievanceCounts {
  let total = 0;
  let openN = 0;
  const byCat = new Map<string, number>();
  for (const r of rows) {
    total += r.count;
    if (open.has(r.status)) openN += r.count;
    byCat.set(r.category, (byCat.get(r.category) ?? 0) + r.count);
  }
  return {
    total: smallCount(total),
    open: smallCount(openN),
    byCategory: [...byCat].sort((a, b) => a[0].localeCompare(b[0])).map(([category, n]) => ({ category, total: smallCount(n) })),
  };
}
