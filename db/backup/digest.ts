// Comparing databases (the restore drill): every table's row count and content hash.
import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { Db } from "../client";

export interface TableDigest {
  rows: number;
  sha256: string;
}

/** The application's tables (SQLite's own sqlite_* tables left out), sorted by name. */
export async function listTables(handle: Db): Promise<string[]> {
  if (handle.engine === "sqlite") {
    const r = await sql<{
      name: string;
    }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`.execute(handle.db);
    return r.rows.map((x) => x.name);
  }
  const r = await sql<{
    name: string;
  }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = ${handle.schema ?? "public"} ORDER BY tablename`.execute(handle.db);
  return r.rows.map((x) => x.name);
}

/** Row count and an order-independent hash of the rows (each row's values in column order, as JSON). */
export function digestRows(rows: ReadonlyArray<Record<string, unknown>>): TableDigest {
  const lines = rows.map((r) => JSON.stringify(Object.values(r))).sort();
  const h = createHash("sha256");
  for (const l of lines) h.update(l).update("\n");
  return { rows: rows.length, sha256: h.digest("hex") };
}

export async function tableRows(handle: Db, table: string): Promise<Array<Record<string, unknown>>> {
  return (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)}`.execute(handle.db)).rows;
}

/** Every table's row count and content hash: two databases with equal digests hold the same data. */
export async function tableDigests(handle: Db): Promise<Record<string, TableDigest>> {
  const out: Record<string, TableDigest> = {};
  for (const t of await listTables(handle)) out[t] = digestRows(await tableRows(handle, t));
  return out;
}
