// Answers that only change when the data does (a list's total, the values of its filter menus),
// kept in this process and checked against the database on every use.
//
// The check is a "change marker": one statement that reads no table and changes whenever a
// transaction that may have written anything has finished since it was last read.
// - SQLite: total_changes() counts the rows written by this process's one connection (the app's
//   writes, committed or not: a rollback only causes a needless recompute), and PRAGMA data_version
//   changes when another connection commits (the import and risk workers, CLI scripts).
// - PostgreSQL: pg_current_snapshot() of the statement. Two equal snapshots mean that no transaction
//   finished in between, on any app server; read-only transactions have no transaction id and do not
//   change it. Correct with any number of app servers.
// The marker is read BEFORE the answer is computed, so a change that lands in between makes the
// stored answer look older than it is (recomputed next time), never newer.
// The marker covers the whole database, not one tenant: any write invalidates every tenant's entries.
// That costs hit rate on a busy database, never correctness. Inside a transaction nothing is cached
// (its own writes may still be rolled back). When the engine cannot give a marker (e.g. a
// PostgreSQL-compatible engine without pg_current_snapshot), nothing is cached.
import { PostgresAdapter, sql } from "kysely";
import type { DbOrTrx } from "./types";

type Marker = string;

/** Markers are read with raw SQL so that a failure (unsupported function) can be remembered. */
const unsupported = new WeakSet<object>();

export async function changeMarker(db: DbOrTrx): Promise<Marker | null> {
  if (db.isTransaction || unsupported.has(db)) return null;
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  try {
    const r = pg
      ? await sql<{ m: string }>`select pg_current_snapshot()::text as m`.execute(db)
      : await sql<{ m: string }>`select total_changes() || ':' || (select data_version from pragma_data_version) as m`.execute(db);
    const m = r.rows[0]?.m;
    return typeof m === "string" || typeof m === "number" ? String(m) : null;
  } catch (e) {
    // A missing function (42883, "no such function") will stay missing: stop asking. Anything else
    // (a dropped connection) only skips the cache this time.
    const code = (e as { code?: unknown } | null)?.code;
    if (code === "42883" || /no such function|does not exist/i.test(e instanceof Error ? e.message : "")) unsupported.add(db);
    return null;
  }
}

interface Generation {
  marker: Marker;
  entries: Map<string, Promise<unknown>>;
}

const MAX_ENTRIES = 2000;
const generations = new WeakMap<object, Generation>();

/**
 * The answer stored under `key` while the database has not changed since `marker` was read (read it
 * with changeMarker first, before any of the reads it vouches for); otherwise `compute()`'s, stored.
 * A null marker computes every time. Concurrent callers share one computation.
 */
export function cachedWhileUnchanged<T>(db: DbOrTrx, marker: Marker | null, key: string, compute: () => Promise<T>): Promise<T> {
  if (marker === null) return compute();
  let gen = generations.get(db);
  if (!gen || gen.marker !== marker) {
    gen = { marker, entries: new Map() };
    generations.set(db, gen);
  }
  const hit = gen.entries.get(key) as Promise<T> | undefined;
  if (hit) return hit;
  const entries = gen.entries;
  const p = compute();
  entries.set(key, p);
  // Oldest first (Map keeps insertion order); a generation rarely lives long enough to fill up.
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  p.catch(() => entries.delete(key));
  return p;
}
