import SQLite from "better-sqlite3";
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, type DatabaseConnection } from "kysely";
import pg from "pg";
import fs from "node:fs";
import path from "node:path";
import type { Database } from "./types";
import { currentScope } from "./scope";

export type Engine = "sqlite" | "postgres";

export interface Db {
  db: Kysely<Database>;
  engine: Engine;
  /** Closes the pool / file handle. */
  close(): Promise<void>;
  /** The raw better-sqlite3 handle (SQLite only) — used for online backups and integrity checks. */
  sqlite?: SQLite.Database;
  /** PostgreSQL: the schema named in the URL (the search_path), if any. */
  schema?: string;
}

// pg returns int8 (COUNT(*), SUM of integers) as strings; our counts fit easily in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
// NUMERIC (averages) likewise.
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

/**
 * What a PostgreSQL connection is told when the calling code runs outside any scope (db/scope.ts):
 * "none" shows no tenant row (the app server: a query outside a request or a named path fails
 * closed); "system" sees every row (the test engine, whose service-level tests call services directly).
 */
export type DefaultScope = "none" | "system";

export interface CreateDbOptions {
  poolSize?: number;
  /** PostgreSQL only; "none" unless said otherwise. */
  defaultScope?: DefaultScope;
  /** With defaultScope "system": the reason set on the connection (lantern.system), e.g. the script's name. */
  systemReason?: string;
}

/**
 * Opens a database from a URL:
 *  - `file:./data/lantern.db`, `file::memory:` or `:memory:` → better-sqlite3 (WAL, foreign keys, busy timeout)
 *  - `postgres://user@host:5432/db[?schema=name]` → a pg Pool; `schema` sets the search_path
 *    (the test suite gives every test file its own schema).
 */
export function createDb(url: string, opts: CreateDbOptions = {}): Db {
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    const u = new URL(url);
    const schema = u.searchParams.get("schema");
    u.searchParams.delete("schema");
    if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) {
      throw new Error(`Invalid schema name in DATABASE_URL: ${schema}`);
    }
    const pool = new pg.Pool({
      connectionString: u.toString(),
      max: opts.poolSize ?? 10,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    const onReserveConnection = scopeApplier(opts.defaultScope === "system" ? (opts.systemReason ?? "default") : null);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool, onReserveConnection }) });
    return { db, engine: "postgres", close: () => db.destroy(), ...(schema ? { schema } : {}) };
  }

  let file: string;
  if (url === ":memory:" || url === "file::memory:") file = ":memory:";
  else if (url.startsWith("file:")) file = url.slice("file:".length);
  else throw new Error(`Unsupported DATABASE_URL (expected file:… or postgres://…): ${redactUrl(url)}`);

  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // WAL + NORMAL is durable across application crashes (only an OS crash may lose the last commits).
  sqlite.pragma("synchronous = NORMAL");
  // Planner statistics: without them SQLite may walk an (org_id, …) index over a whole tenant where a
  // narrower one answers in microseconds. Bounded sampling keeps this to milliseconds at start-up.
  sqlite.pragma("analysis_limit = 400");
  sqlite.pragma("optimize = 0x10002");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  rawHandles.set(db, sqlite);
  return { db, engine: "sqlite", sqlite, close: () => db.destroy() };
}

/**
 * Each time Kysely takes a connection from the pool (one per query, or one per transaction), the
 * connection gets the scope of the calling code as session settings read by the row-level security
 * policies. A connection remembers what it was last told, so a server whose requests mostly act for
 * the same organisation pays for the extra statement only when the scope changes.
 */
function scopeApplier(defaultSystem: string | null) {
  const applied = new WeakMap<DatabaseConnection, string>();
  return async (connection: DatabaseConnection): Promise<void> => {
    const s = currentScope();
    const org = s?.orgId == null ? "" : String(s.orgId);
    const user = s?.userId == null ? "" : String(s.userId);
    const system = s ? (s.system ?? "") : (defaultSystem ?? "");
    const key = `${org}|${user}|${system}`;
    if (applied.get(connection) === key) return;
    applied.delete(connection);
    await connection.executeQuery(
      CompiledQuery.raw(
        "select set_config('lantern.org_id', $1, false), set_config('lantern.user_id', $2, false), set_config('lantern.system', $3, false)",
        [org, user, system],
      ),
    );
    applied.set(connection, key);
  };
}

const rawHandles = new WeakMap<Kysely<Database>, SQLite.Database>();

/**
 * Kysely's SQLite driver prepares every statement on every query; preparing costs about as much as
 * running a small indexed query. A page runs the same few statements every time, so keep the
 * prepared ones (bounded: statements with IN-lists of varying length each compile to new SQL).
 * Safe because Kysely runs one statement at a time on this connection and never leaves one iterating.
 */
function withStatementCache(sqlite: SQLite.Database, max = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(source: string) {
      // Kysely opens transactions with a plain (deferred) BEGIN. A deferred transaction that reads
      // before it writes fails at once with SQLITE_BUSY, ignoring busy_timeout, when another
      // connection (the import or risk worker thread) writes meanwhile; BEGIN IMMEDIATE takes the
      // write lock up front and waits its turn instead.
      if (source === "begin") source = "begin immediate";
      let stmt = cache.get(source);
      if (stmt) {
        cache.delete(source); // re-insert: most recently used last
      } else {
        stmt = sqlite.prepare(source);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
      }
      cache.set(source, stmt);
      return stmt;
    },
  };
}

/** Refreshes SQLite's planner statistics after large changes (an import); PostgreSQL's autovacuum does this itself. */
export function refreshPlannerStats(db: Kysely<Database>): void {
  rawHandles.get(db)?.pragma("optimize");
}

/**
 * The better-sqlite3 handle behind a SQLite Kysely client (undefined for PostgreSQL). Bulk writes
 * use it for prepared statements inside a transaction the Kysely client opened: SQLite has one
 * connection, so they are part of that transaction.
 */
export function sqliteHandleOf(db: Kysely<Database>): SQLite.Database | undefined {
  return rawHandles.get(db);
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]+)@/, "//$1:***@");
}
