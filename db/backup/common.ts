// What the backup and restore modules share: the options and results, the error the CLIs print, URL
// helpers, running the PostgreSQL client tools, and making a written file durable.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { redactUrl, type Engine } from "../client";

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

export function requireTool(name: string): void {
  const r = spawnSync(name, ["--version"], { encoding: "utf8" });
  if (r.error) {
    throw new BackupError(
      `${name} was not found on PATH. Install the PostgreSQL client tools (e.g. \`apt-get install postgresql-client\`), ` +
        "of the server's major version or newer.",
    );
  }
}

export function collect(stream: NodeJS.ReadableStream): () => string {
  let text = "";
  stream.setEncoding("utf8");
  stream.on("data", (c: string) => {
    text = (text + c).slice(-20_000);
  });
  return () => text;
}

export function exitCode(child: ReturnType<typeof spawn>): Promise<number> {
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** Runs a tool to completion; its stdout, or a BackupError with its stderr. */
export async function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
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

export function syncFile(file: string): void {
  const fd = fs.openSync(file, "r+");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function syncDir(dir: string): void {
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
