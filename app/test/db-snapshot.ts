// Snapshots of the whole database, to prove that a refused request changed nothing (the route sweeps
// and the worker-voice tests).
import { sql } from "kysely";
import type { Db } from "~db/client";

// Written by reads (session last-seen, rate limits, dashboard caches): not evidence of a change.
const VOLATILE = new Set([
  "sessions",
  "supplier_sessions",
  "rate_limit_hits",
  "dashboard_cube",
  "dashboard_supplier_principles",
  "dashboard_cube_principles",
  "dashboard_trend",
  "dashboard_state",
  "app_meta",
]);
// Reference data: large and never changed by a route; counted, not dumped.
const REFERENCE = new Set(["countries", "tip_tiers", "tip_proxies", "tvpra_goods", "questionnaire_versions", "screening_list_entries"]);

let tableCache: { db: Db; names: string[] } | undefined;
export async function tableNames(db: Db): Promise<string[]> {
  if (tableCache?.db === db) return tableCache.names;
  let schema: string | undefined;
  if (db.engine === "postgres") schema = (await sql<{ s: string }>`select current_schema() as s`.execute(db.db)).rows[0]?.s;
  const tables = await db.db.introspection.getTables();
  const names = tables
    .filter((t) => !t.isView && (schema === undefined || t.schema === schema) && !t.name.startsWith("kysely_"))
    .map((t) => t.name)
    .sort();
  tableCache = { db, names };
  return names;
}

/** Row counts of every table. */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of await tableNames(db)) {
    const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(t)}`.execute(db.db);
    out[t] = Number(r.rows[0]?.n ?? 0);
  }
  return out;
}

/** Every row of every table (reference tables by count), in a stable order; volatile tables left out. */
export async function dbSnapshot(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of await tableNames(db)) {
    if (VOLATILE.has(t)) continue;
    if (REFERENCE.has(t)) {
      const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(t)}`.execute(db.db);
      out[t] = String(r.rows[0]?.n);
      continue;
    }
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(t)}`.execute(db.db)).rows;
    out[t] = JSON.stringify(
      rows.map((row) => JSON.stringify(row, (_k, v: unknown) => (v instanceof Uint8Array ? `bytes:${v.length}` : v))).sort(),
    );
  }
  return out;
}

/** The tables whose content differs between two snapshots. */
export function changedTables(before: Record<string, string | number>, after: Record<string, string | number>): string[] {
  return Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]);
}
