// Counting a list's rows that match a figure's filter, from the grouped counts (ListGroup) the model
// reads once per draft. The same filter narrows the list page behind the figure (the model applies
// it in SQL), so a figure and the rows its link opens always agree.
// Pure module: no node, kysely, remix or react imports.
import type { ListFilter, ListGroup, StatementList } from "./types";

export interface ListRowColumns {
  tier: number | null;
  country: string | null;
  status: string | null;
  detail: string | null;
}

export function matchesFilter(row: ListRowColumns, f: ListFilter): boolean {
  if (f.tier !== undefined && row.tier !== f.tier) return false;
  if (f.tierMin !== undefined && (row.tier === null || row.tier < f.tierMin)) return false;
  if (f.tierNull && row.tier !== null) return false;
  if (f.country !== undefined && row.country !== f.country) return false;
  if (f.statusIn !== undefined && (row.status === null || !f.statusIn.includes(row.status))) return false;
  if (f.detail !== undefined && row.detail !== f.detail) return false;
  if (f.detailSet && row.detail === null) return false;
  return true;
}

export function countRows(groups: readonly ListGroup[], list: StatementList, f: ListFilter = {}): number {
  let n = 0;
  for (const g of groups) if (g.list === list && matchesFilter(g, f)) n += g.n;
  return n;
}

/** Rows per value of one column (descending count, then value), for "by country" or "by indicator" figures. */
export function countBy(
  groups: readonly ListGroup[],
  list: StatementList,
  column: "country" | "detail" | "tier",
  f: ListFilter = {},
): Array<{ value: string; n: number }> {
  const m = new Map<string, number>();
  for (const g of groups) {
    if (g.list !== list || !matchesFilter(g, f)) continue;
    const v = g[column];
    if (v === null) continue;
    m.set(String(v), (m.get(String(v)) ?? 0) + g.n);
  }
  return [...m.entries()].map(([value, n]) => ({ value, n })).sort((a, b) => b.n - a.n || a.value.localeCompare(b.value));
}
