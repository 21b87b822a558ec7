// SQLite: the online backup through better-sqlite3's backup API, and the restore of such a file (see
// db/backup.ts for how the copy stays consistent while the app writes).
import SQLite from "better-sqlite3";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { BackupError, syncDir, syncFile } from "./common";

export async function backupSqlite(source: string, dest: string, pagesPerStep: number) {
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

export async function restoreSqlite(file: string, target: string, force: boolean) {
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
