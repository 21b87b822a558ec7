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
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import type { Engine } from "./client";
import {
  BackupError,
  evidenceDirFor,
  isPostgresUrl,
  sqliteFileOf,
  type BackupOptions,
  type BackupResult,
  type RestoreOptions,
  type RestoreResult,
} from "./backup/common";
import { copyEvidence } from "./backup/evidence";
import { backupPostgres, restorePostgres } from "./backup/postgres";
import { backupSqlite, restoreSqlite } from "./backup/sqlite";

// The parts, by subject: backup/common.ts (options, results, errors, tools), backup/sqlite.ts,
// backup/postgres.ts, backup/evidence.ts and backup/digest.ts (comparing databases). Import each
// from its own module; this one holds only the two entry points.

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
