// Online backups and restores (`npm run db:backup`, `npm run db:restore`).
//
// SQLite: better-sqlite3's backup API copies the live database through a connection of its own. The
// database runs in WAL mode, so the copy's reads never block the app's writers; when another
// connection writes between two steps SQLite restarts the copy, and after one restart the rest goes in
// a single step (one read transaction: a consistent snapshot, however busy the app is). The copy is
// written under a temporary name, switched to a one-file journal mode, checked (PRAGMA
// integrity_check) and only then renamed, so a backup file under its final name is always whole.
//
// PostgreSQL: pg_dump (custom format) of the app's schema — `?schema=` of DATABASE_URL, else public —
// which reads one consistent snapshot. A restore turns the dump into SQL (pg_restore -f -) and runs it
// with psql in ONE transaction, so a failed restore changes nothing; it may go into another schema
// than the one dumped (the schema name is rewritten outside the data).
//
// Evidence files (EVIDENCE_DIR/<org id>/<sha256>) are copied next to the backup, into
// <name>.evidence/. They are written before the row that points at them and never changed or deleted,
// so copying them AFTER the database snapshot gives every row of the snapshot its file.
import SQLite from "better-sqlite3";
import { spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { once } from "node:events";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import readline from "node:readline";
import { sql } from "kysely";
import pg from "pg";
import { redactUrl, type Db, type Engine } from "./client";

/** A failure explained for the person running the command (the CLIs print the message and exit 1). */
export class BackupError extends Error {}

export interface EvidenceCopy {
  dir: string;
  files: number;
  bytes: number;
  /** Files already present at the destination (same name and size), left as they were. */
  skipped: number;
  /** Files whose content no longer matches the sha256 in their name (copied anyway, reported). */
  damaged: string[];
}

export interface BackupOptions {
  databaseUrl: string;
  /** The backup file; default <backupDir>/lantern-<UTC timestamp>.db (SQLite) or .dump (PostgreSQL). */
  out?: string;
  /** Default ./backups. */
  backupDir?: string;
  /** Copied to <name>.evidence/ next to the backup; null or a missing directory copies nothing. */
  evidenceDir?: string | null;
  /** SQLite: pages copied per step before the first restart (default 4096, i.e. 16 MB). */
  pagesPerStep?: number;
  now?: Date;
}

export interface BackupResult {
  engine: Engine;
  file: string;
  bytes: number;
  /** SQLite: the copy's PRAGMA integrity_check ("ok"). PostgreSQL: what pg_restore --list read back. */
  check: string;
  /** SQLite: rows of PRAGMA foreign_key_check on the copy (0 expected). */
  foreignKeyProblems?: number;
  /** SQLite: how often a concurrent write made the copy start over. */
  restarts?: number;
  evidence: EvidenceCopy | null;
  ms: number;
}

export interface RestoreOptions {
  /** Where to restore: a SQLite file URL or a PostgreSQL URL (its ?schema=, else public). */
  databaseUrl: string;
  file: string;
  /** Replace a database (SQLite file, PostgreSQL schema) that already holds tables. */
  force?: boolean;
  /** Evidence files found next to the backup are copied here (missing ones only). */
  evidenceDir?: string | null;
}

export interface RestoreResult {
  engine: Engine;
  /** The SQLite file, or the PostgreSQL URL (password hidden) and schema. */
  target: string;
  tables: number;
  rows: number;
  /** SQLite: integrity_check of the restored file. PostgreSQL: tables restored vs. tables in the dump. */
  check: string;
  evidence: EvidenceCopy | null;
  ms: number;
}

export function isPostgresUrl(url: string): boolean {
  return url.startsWith("postgres://") || url.startsWith("postgresql://");
}

/** The file of a `file:` URL (as db/client.ts reads it); in-memory databases cannot be backed up or restored. */
export function sqliteFileOf(url: string): string {
  if (url === ":memory:" || url === "file::memory:") throw new BackupError("An in-memory database cannot be backed up or restored.");
  if (!url.startsWith("file:")) throw new BackupError(`Unsupported DATABASE_URL (expected file:… or postgres://…): ${redactUrl(url)}`);
  return path.resolve(url.slice("file:".length));
}

/** <name>.evidence next to a backup file: lantern-….db → lantern-….evidence. */
export function evidenceDirFor(backupFile: string): string {
  return backupFile.replace(/\.(db|sqlite3?|dump)$/i, "") + ".evidence";
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

// ---------------------------------------------------------------------------------------------
// Backup

export async function backupDatabase(opts: BackupOptions): Promise<BackupResult> {
  const started = Date.now();
  const engine: Engine = isPostgresUrl(opts.databaseUrl) ? "postgres" : "sqlite";
  const file = path.resolve(opts.out ?? defaultBackupFile(opts.backupDir ?? "./backups", engine, opts.now ?? new Date()));
  if (fs.existsSync(file)) throw new BackupError(`${file} already exists; choose another --out file.`);
  await fsp.mkdir(path.dirname(file), { recursive: true });

  let result: Omit<BackupResult, "evidence" | "ms">;
  if (engine === "sqlite") {
    const r = await backupSqlite(sqliteFileOf(opts.databaseUrl), file, opts.pagesPerStep ?? 4096);
    result = { engine, file, bytes: fs.statSync(file).size, ...r };
  } else {
    const check = await backupPostgres(opts.databaseUrl, file);
    result = { engine, file, bytes: fs.statSync(file).size, check };
  }
  // After the snapshot, never before: see the header comment.
  const evidence = opts.evidenceDir && fs.existsSync(opts.evidenceDir) ? await copyEvidence(opts.evidenceDir, evidenceDirFor(file)) : null;
  return { ...result, evidence, ms: Date.now() - started };
}

function defaultBackupFile(dir: string, engine: Engine, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/:/g, "-");
  const ext = engine === "sqlite" ? ".db" : ".dump";
  for (let i = 0; ; i++) {
    const f = path.join(dir, `lantern-${stamp}${i ? `-${i}` : ""}${ext}`);
    if (!fs.existsSync(f) && !fs.existsSync(evidenceDirFor(f))) return f;
  }
}

async function backupSqlite(source: string, dest: string, pagesPerStep: number) {
  if (!fs.existsSync(source)) throw new BackupError(`There is no SQLite database at ${source}.`);
  const tmp = `${dest}.partial-${randomBytes(4).toString("hex")}`;
  const src = new SQLite(source, { fileMustExist: true });
  let restarts = 0;
  try {
    src.pragma("busy_timeout = 5000");
    let lastRemaining = Number.POSITIVE_INFINITY;
    await src.backup(tmp, {
      progress({ remainingPages }) {
        // A step that did not shrink what is left means another connection wrote and the copy started over.
        if (remainingPages >= lastRemaining) restarts++;
        lastRemaining = remainingPages;
        return restarts > 0 ? 0x7fffffff : pagesPerStep;
      },
    });
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new BackupError(`The online backup of ${source} failed: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    src.close();
  }

  let integrity: string[];
  let foreignKeyProblems: number;
  const copy = new SQLite(tmp, { fileMustExist: true });
  try {
    // A backup is one self-contained file (the app switches back to WAL when it opens it).
    copy.pragma("journal_mode = DELETE");
    integrity = (copy.pragma("integrity_check") as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
    foreignKeyProblems = (copy.pragma("foreign_key_check") as unknown[]).length;
  } finally {
    copy.close();
  }
  if (integrity.length !== 1 || integrity[0] !== "ok") {
    fs.rmSync(tmp, { force: true });
    throw new BackupError(
      `The copy of ${source} failed PRAGMA integrity_check, so the database itself may be damaged:\n  ` +
        integrity.slice(0, 10).join("\n  "),
    );
  }
  syncFile(tmp);
  fs.renameSync(tmp, dest);
  syncDir(path.dirname(dest));
  return { check: integrity[0], foreignKeyProblems, restarts };
}

async function backupPostgres(url: string, dest: string): Promise<string> {
  requireTool("pg_dump");
  requireTool("pg_restore");
  const { env, schema } = pgConnection(url);
  const tmp = `${dest}.partial-${randomBytes(4).toString("hex")}`;
  try {
    await run("pg_dump", ["--format=custom", "--no-password", `--schema=${schema}`, `--file=${tmp}`], env);
    const toc = await readDumpToc(tmp);
    if (toc.tables === 0)
      throw new BackupError(`pg_dump found no tables in schema "${schema}" of ${redactUrl(url)}: is this the right DATABASE_URL?`);
    syncFile(tmp);
    fs.renameSync(tmp, dest);
    syncDir(path.dirname(dest));
    return `pg_restore --list reads ${toc.tables} tables of schema "${schema}"`;
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Restore

export async function restoreDatabase(opts: RestoreOptions): Promise<RestoreResult> {
  const started = Date.now();
  const file = path.resolve(opts.file);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new BackupError(`There is no backup file at ${file}.`);
  const kind = backupKind(file);
  const engine: Engine = isPostgresUrl(opts.databaseUrl) ? "postgres" : "sqlite";
  if (kind === "unknown") throw new BackupError(`${file} is neither a SQLite backup nor a pg_dump custom-format dump.`);
  if (kind !== engine) {
    throw new BackupError(
      `${file} is a ${kind === "sqlite" ? "SQLite backup" : "PostgreSQL dump"} ` +
        `but DATABASE_URL points at ${engine === "sqlite" ? "SQLite" : "PostgreSQL"}; restore it into a database of the same kind.`,
    );
  }
  const r =
    engine === "sqlite"
      ? await restoreSqlite(file, sqliteFileOf(opts.databaseUrl), Boolean(opts.force))
      : await restorePostgres(file, opts.databaseUrl, Boolean(opts.force));
  const fromEvidence = evidenceDirFor(file);
  const evidence = opts.evidenceDir && fs.existsSync(fromEvidence) ? await copyEvidence(fromEvidence, opts.evidenceDir) : null;
  return { engine, ...r, evidence, ms: Date.now() - started };
}

function backupKind(file: string): "sqlite" | "postgres" | "unknown" {
  const fd = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(16);
    fs.readSync(fd, head, 0, 16, 0);
    if (head.toString("latin1") === "SQLite format 3\0") return "sqlite";
    if (head.subarray(0, 5).toString("latin1") === "PGDMP") return "postgres";
    return "unknown";
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * True when another connection has the SQLite file open. In WAL mode every open connection holds a
 * shared lock on the file, so an exclusive lock can be had only when nobody else has it open.
 */
export function sqliteInUse(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const probe = new SQLite(file, { fileMustExist: true });
  try {
    probe.pragma("busy_timeout = 0");
    probe.pragma("locking_mode = EXCLUSIVE");
    probe.exec("BEGIN EXCLUSIVE");
    probe.exec("COMMIT");
    return false;
  } catch (e) {
    if (e instanceof SQLite.SqliteError && e.code.startsWith("SQLITE_BUSY")) return true;
    throw e;
  } finally {
    probe.close();
  }
}

function sqliteCounts(db: SQLite.Database): { tables: number; rows: number } {
  const names = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>
  ).map((r) => r.name);
  let rows = 0;
  for (const n of names) rows += (db.prepare(`SELECT COUNT(*) AS n FROM "${n.replace(/"/g, '""')}"`).get() as { n: number }).n;
  return { tables: names.length, rows };
}

async function restoreSqlite(file: string, target: string, force: boolean) {
  const inUse = () => {
    if (sqliteInUse(target)) throw new BackupError(`${target} is in use (another process has it open): stop the app server first.`);
  };
  if (fs.existsSync(target) && fs.statSync(target).size > 0) {
    inUse();
    const existing = new SQLite(target, { fileMustExist: true });
    let counts: { tables: number; rows: number };
    try {
      counts = sqliteCounts(existing);
    } finally {
      existing.close();
    }
    if (counts.tables > 0 && !force) {
      throw new BackupError(
        `${target} already holds a database (${counts.tables} tables, ${counts.rows} rows). Pass --force to replace it.`,
      );
    }
  }

  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.restore-${randomBytes(4).toString("hex")}`;
  fs.copyFileSync(file, tmp);
  let integrity: string[];
  let counts: { tables: number; rows: number };
  try {
    const copy = new SQLite(tmp, { fileMustExist: true });
    try {
      copy.pragma("journal_mode = DELETE");
      integrity = (copy.pragma("integrity_check") as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
      counts = sqliteCounts(copy);
    } finally {
      copy.close();
    }
    if (integrity.length !== 1 || integrity[0] !== "ok") {
      throw new BackupError(
        `The backup ${file} fails PRAGMA integrity_check; nothing was restored:\n  ${integrity.slice(0, 10).join("\n  ")}`,
      );
    }
    syncFile(tmp);
    inUse(); // again, right before the switch
    // A WAL or shared-memory file left next to the old database would be replayed into the new one.
    for (const suffix of ["-wal", "-shm", "-journal"]) fs.rmSync(target + suffix, { force: true });
    fs.renameSync(tmp, target);
    syncDir(path.dirname(target));
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  return { target, ...counts, check: integrity[0]! };
}

async function restorePostgres(file: string, url: string, force: boolean) {
  requireTool("pg_restore");
  requireTool("psql");
  const toc = await readDumpToc(file);
  if (toc.schemas.length !== 1) {
    throw new BackupError(
      `${file} holds tables of ${toc.schemas.length ? `several schemas (${toc.schemas.join(", ")})` : "no schema"}; ` +
        "expected a dump made by db:backup.",
    );
  }
  const from = toc.schemas[0]!;
  const { env, schema: to } = pgConnection(url);
  const client = new pg.Client({ connectionString: withoutSchema(url) });
  await client.connect();
  try {
    const tables = Number(
      (await client.query<{ n: string }>("SELECT count(*) AS n FROM pg_tables WHERE schemaname = $1", [to])).rows[0]!.n,
    );
    if (tables > 0 && !force) {
      throw new BackupError(
        `Schema "${to}" of ${redactUrl(withoutSchema(url))} already holds ${tables} tables. ` +
          "Pass --force to replace it (everything in the schema is dropped).",
      );
    }
    const busy = await client.query(
      `SELECT DISTINCT l.pid FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND l.pid <> pg_backend_pid()`,
      [to],
    );
    if (busy.rowCount)
      throw new BackupError(`Schema "${to}" is in use (${busy.rowCount} other sessions hold locks in it): stop the app servers first.`);
  } finally {
    await client.end();
  }

  const q = (name: string) => `"${name}"`;
  // The dropped schema comes back only if the whole script succeeds (psql --single-transaction);
  // lock_timeout turns "an app server is still using it" into an error instead of a wait.
  const prelude = [
    `SET lock_timeout = '10s';`,
    ...(force ? [`DROP SCHEMA IF EXISTS ${q(to)} CASCADE;`] : []),
    `CREATE SCHEMA IF NOT EXISTS ${q(to)};`,
  ];
  const dump = spawn("pg_restore", ["--no-owner", "--no-acl", "--file=-", file], { stdio: ["ignore", "pipe", "pipe"] });
  const psql = spawn("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction", "--no-password", "-f", "-"], {
    env,
    stdio: ["pipe", "ignore", "pipe"],
  });
  const dumpErr = collect(dump.stderr);
  const psqlErr = collect(psql.stderr);
  const dumpExit = exitCode(dump);
  const psqlExit = exitCode(psql);
  psql.stdin.on("error", () => {}); // psql stopped early: its exit code and stderr say why
  try {
    for (const line of prelude) psql.stdin.write(line + "\n");
    const rewrite = schemaRewriter(from, to);
    for await (const line of readline.createInterface({ input: dump.stdout, crlfDelay: Number.POSITIVE_INFINITY })) {
      const out = rewrite(line);
      if (out !== null && !psql.stdin.write(out + "\n")) await Promise.race([once(psql.stdin, "drain"), psqlExit]);
      if (psql.exitCode !== null) break;
    }
  } finally {
    psql.stdin.end();
    if (psql.exitCode !== null && dump.exitCode === null) dump.kill();
  }
  const [dc, pc] = await Promise.all([dumpExit, psqlExit]);
  if (pc !== 0 || dc !== 0) {
    const err = (pc !== 0 ? psqlErr() : dumpErr()).trim().split("\n").slice(-8).join("\n  ");
    const hint = /lock timeout/i.test(err) ? "\nAn app server seems to be using the schema: stop it and try again." : "";
    throw new BackupError(`The restore failed and was rolled back; schema "${to}" is as it was.\n  ${err}${hint}`);
  }

  const after = new pg.Client({ connectionString: withoutSchema(url) });
  await after.connect();
  try {
    const names = (await after.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = $1", [to])).rows.map(
      (r) => r.tablename,
    );
    let rows = 0;
    for (const n of names) rows += Number((await after.query<{ n: string }>(`SELECT count(*) AS n FROM ${q(to)}.${q(n)}`)).rows[0]!.n);
    if (names.length !== toc.tables)
      throw new BackupError(`The dump lists ${toc.tables} tables but schema "${to}" has ${names.length} after the restore.`);
    return {
      target: `${redactUrl(withoutSchema(url))} schema "${to}"`,
      tables: names.length,
      rows,
      check: `${names.length} of ${toc.tables} tables restored`,
    };
  } finally {
    await after.end();
  }
}

/**
 * A line filter for pg_restore's SQL: drops what the prelude already did (CREATE SCHEMA) or what needs
 * the schema's owner (COMMENT ON SCHEMA), and renames the schema everywhere outside COPY data, which
 * is passed through untouched.
 */
export function schemaRewriter(from: string, to: string): (line: string) => string | null {
  let inData = false;
  const qualified = new RegExp(`(^|[^A-Za-z0-9_$."])(?:${from}|"${from}")\\.`, "g");
  return (line) => {
    if (inData) {
      if (line === "\\.") inData = false;
      return line;
    }
    if (line === `CREATE SCHEMA ${from};` || line === `CREATE SCHEMA "${from}";`) return null;
    if (line.startsWith("COMMENT ON SCHEMA ")) return null;
    const out = from === to ? line : line.replace(qualified, `$1"${to}".`);
    if (/^COPY .+ FROM stdin;$/.test(line)) inData = true;
    return out;
  };
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL helpers

/** libpq environment variables for a postgres:// URL (the password stays out of the process list), and its schema. */
export function pgConnection(url: string): { env: NodeJS.ProcessEnv; schema: string } {
  const u = new URL(url);
  const schema = u.searchParams.get("schema") ?? "public";
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new BackupError(`Invalid schema name in DATABASE_URL: ${schema}`);
  const env: NodeJS.ProcessEnv = { ...process.env };
  const host = u.searchParams.get("host") ?? u.hostname.replace(/^\[|\]$/g, "");
  if (host) env.PGHOST = decodeURIComponent(host);
  env.PGPORT = u.port || "5432";
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const database = decodeURIComponent(u.pathname.replace(/^\//, ""));
  if (database) env.PGDATABASE = database;
  const sslmode = u.searchParams.get("sslmode");
  if (sslmode) env.PGSSLMODE = sslmode;
  return { env, schema };
}

function withoutSchema(url: string): string {
  const u = new URL(url);
  u.searchParams.delete("schema");
  return u.toString();
}

/** The schemas and the number of tables a custom-format dump holds (pg_restore --list). */
async function readDumpToc(file: string): Promise<{ schemas: string[]; tables: number }> {
  const out = await run("pg_restore", ["--list", file], process.env);
  const schemas = new Set<string>();
  let tables = 0;
  for (const line of out.split("\n")) {
    const m = /^\d+;\s+\d+\s+\d+\s+TABLE\s+(?!DATA\s)(\S+)\s+\S+/.exec(line);
    if (m) {
      tables++;
      schemas.add(m[1]!);
    }
  }
  return { schemas: [...schemas], tables };
}

function requireTool(name: string): void {
  const r = spawnSync(name, ["--version"], { encoding: "utf8" });
  if (r.error) {
    throw new BackupError(
      `${name} was not found on PATH. Install the PostgreSQL client tools (e.g. \`apt-get install postgresql-client\`), ` +
        "of the server's major version or newer.",
    );
  }
}

function collect(stream: NodeJS.ReadableStream): () => string {
  let text = "";
  stream.setEncoding("utf8");
  stream.on("data", (c: string) => {
    text = (text + c).slice(-20_000);
  });
  return () => text;
}

function exitCode(child: ReturnType<typeof spawn>): Promise<number> {
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** Runs a tool to completion; its stdout, or a BackupError with its stderr. */
async function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const child = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  const out = collectAll(child.stdout);
  const err = collect(child.stderr);
  const code = await exitCode(child);
  if (code !== 0) throw new BackupError(`${cmd} failed (exit ${code}):\n  ${err().trim().split("\n").slice(-8).join("\n  ")}`);
  return out();
}

function collectAll(stream: NodeJS.ReadableStream): () => string {
  const parts: string[] = [];
  stream.setEncoding("utf8");
  stream.on("data", (c: string) => parts.push(c));
  return () => parts.join("");
}

// ---------------------------------------------------------------------------------------------
// Files

function syncFile(file: string): void {
  const fd = fs.openSync(file, "r+");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function syncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, "r");
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Not every platform can fsync a directory; the rename is still atomic.
  }
}

/**
 * Copies an evidence tree (<org id>/<sha256>), leaving out half-written *.tmp files and files the
 * destination already has (same name and size: names are content hashes). Each file is written under
 * a temporary name and renamed, like the app does.
 */
export async function copyEvidence(from: string, to: string): Promise<EvidenceCopy> {
  const result: EvidenceCopy = { dir: path.resolve(to), files: 0, bytes: 0, skipped: 0, damaged: [] };
  async function walk(rel: string): Promise<void> {
    for (const entry of await fsp.readdir(path.join(from, rel), { withFileTypes: true })) {
      const r = path.join(rel, entry.name);
      if (entry.isDirectory()) {
        await walk(r);
        continue;
      }
      if (!entry.isFile() || entry.name.endsWith(".tmp")) continue;
      const dest = path.join(to, r);
      const bytes = await fsp.readFile(path.join(from, r));
      const existing = await fsp.stat(dest).catch(() => null);
      if (existing && existing.size === bytes.length) {
        result.skipped++;
        continue;
      }
      if (/^[a-f0-9]{64}$/.test(entry.name) && createHash("sha256").update(bytes).digest("hex") !== entry.name) result.damaged.push(r);
      await fsp.mkdir(path.dirname(dest), { recursive: true });
      const tmp = `${dest}.${randomBytes(6).toString("hex")}.tmp`;
      await fsp.writeFile(tmp, bytes, { flag: "wx" });
      await fsp.rename(tmp, dest);
      result.files++;
      result.bytes += bytes.length;
    }
  }
  await fsp.mkdir(to, { recursive: true });
  await walk("");
  return result;
}

// ---------------------------------------------------------------------------------------------
// Comparing databases (the restore drill)

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
