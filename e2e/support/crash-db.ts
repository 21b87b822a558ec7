// The crash tests' view of a server's database, read directly (never through the app): a SQLite file
// in a temp directory, or a throwaway PostgreSQL schema. Queries go through Kysely, so both engines
// are checked with the same code.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import SQLite from "better-sqlite3";
import { sql, type Kysely } from "kysely";
import type { Database } from "~db/types";
import { createDb, type Db } from "~db/client";
import { hashToken } from "~/lib/crypto.server";
import { startSession } from "~/lib/session.server";
import { grantAppRole } from "~db/roles";
import { TEST_APP_ROLE } from "~db/testing";

export interface CrashDatabase {
  engine: "sqlite" | "postgres";
  databaseUrl: string;
  evidenceDir: string;
  /** SQLite: the database file. */
  file?: string;
  /** PostgreSQL: the schema. */
  schema?: string;
  /** Removes the database and the temp directory. */
  drop(): Promise<void>;
}

export function sqliteDatabase(): CrashDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-crash-"));
  const file = path.join(dir, "crash.db");
  return {
    engine: "sqlite",
    databaseUrl: `file:${file}`,
    evidenceDir: path.join(dir, "evidence"),
    file,
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** A throwaway schema (named `<prefix>_<random>`) and evidence folder; `drop` removes both. */
export async function postgresDatabase(baseUrl: string, prefix = "crash"): Promise<CrashDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `lantern-${prefix}-pg-`));
  const schema = `${prefix}_${randomBytes(5).toString("hex")}`;
  const admin = createDb(baseUrl, { poolSize: 1 });
  try {
    await sql`create schema ${sql.id(schema)}`.execute(admin.db);
  } finally {
    await admin.close();
  }
  const u = new URL(baseUrl);
  u.searchParams.set("schema", schema);
  return {
    engine: "postgres",
    databaseUrl: u.toString(),
    evidenceDir: path.join(dir, "evidence"),
    schema,
    async drop() {
      const a = createDb(baseUrl, { poolSize: 1 });
      try {
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(a.db);
      } finally {
        await a.close();
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * SQLite's own checks, on a fresh connection that does nothing else first (it replays the WAL the
 * killed server left, as the next server would).
 */
export function sqliteChecks(file: string): { integrity: string; foreignKeyProblems: number } {
  const raw = new SQLite(file, { fileMustExist: true });
  try {
    raw.pragma("busy_timeout = 5000");
    const integrity = (raw.pragma("integrity_check") as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join("\n");
    return { integrity, foreignKeyProblems: (raw.pragma("foreign_key_check") as unknown[]).length };
  } finally {
    raw.close();
  }
}

/**
 * Whether another process is inside a write transaction on the database right now, observed without
 * taking any lock (taking one could make the app's transaction fail):
 *  - SQLite (WAL): the writer holds a POSIX lock on byte 120 of the -shm file, which Linux lists in
 *    /proc/locks; null where /proc/locks does not exist;
 *  - PostgreSQL: another session holds a RowExclusiveLock on the schema's suppliers table.
 */
export async function writerActive(target: CrashDatabase, handle: Db, pid: number): Promise<boolean | null> {
  if (target.engine === "sqlite") {
    if (!fs.existsSync("/proc/locks")) return null;
    let inode: number;
    try {
      inode = fs.statSync(`${target.file}-shm`).ino;
    } catch {
      return false;
    }
    return fs
      .readFileSync("/proc/locks", "utf8")
      .split("\n")
      .some((line) => {
        const m = /^\d+:\s+POSIX\s+ADVISORY\s+WRITE\s+(\d+)\s+\S+:(\d+)\s+120\s+120$/.exec(line.trim());
        return m !== null && Number(m[1]) === pid && Number(m[2]) === inode;
      });
  }
  const r = await sql<{ n: number }>`
    SELECT count(*) AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace ns ON ns.oid = c.relnamespace
    WHERE ns.nspname = ${target.schema} AND c.relname = 'suppliers'
      AND l.mode = 'RowExclusiveLock' AND l.granted AND l.pid <> pg_backend_pid()`.execute(handle.db);
  return Number(r.rows[0]?.n ?? 0) > 0;
}

/** A session for a user, started by the app's own session code as the login does; the Cookie header. */
export async function officerCookie(handle: Db, email: string): Promise<string> {
  const user = await handle.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
  const { cookie } = await startSession(handle.db, user.id, { ip: null, userAgent: null });
  return cookie.split(";")[0]!;
}

/** The invite link token of a demo questionnaire the supplier may still edit, found in the outbox like a mail client would. */
export async function editableInvite(handle: Db): Promise<{ token: string; assessmentId: number }> {
  const mails = await handle.db
    .selectFrom("mail_outbox")
    .select("body_text")
    .where("kind", "=", "supplier-invite")
    .orderBy("id", "desc")
    .execute();
  for (const m of mails) {
    const token = /\/s\/([A-Za-z0-9_-]{43})/.exec(m.body_text)?.[1];
    if (!token) continue;
    const row = await handle.db
      .selectFrom("assessment_invites as i")
      .innerJoin("assessments as a", "a.id", "i.assessment_id")
      .select(["a.id", "a.status"])
      .where("i.token_hash", "=", hashToken(token))
      .where("i.revoked_at", "is", null)
      .where("i.superseded_at", "is", null)
      .executeTakeFirst();
    if (row && (row.status === "sent" || row.status === "in_progress")) return { token, assessmentId: row.id };
  }
  throw new Error("no open invitation to an editable questionnaire in the demo data");
}

export async function importRow(handle: Db, importId: number) {
  return handle.db
    .selectFrom("supplier_imports")
    .select(["id", "status", "result", "claimed_at", "finished_at"])
    .where("id", "=", importId)
    .executeTakeFirstOrThrow();
}

/** Suppliers of an organization whose reference starts with `prefix`. */
export async function suppliersWithPrefix(handle: Db, orgId: number, prefix: string): Promise<number> {
  const r = await handle.db
    .selectFrom("suppliers")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("org_id", "=", orgId)
    .where("external_ref", "like", `${prefix}%`)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function linksFromPrefix(handle: Db, orgId: number, prefix: string): Promise<number> {
  const r = await handle.db
    .selectFrom("supplier_links as l")
    .innerJoin("suppliers as s", "s.id", "l.supplier_id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("l.org_id", "=", orgId)
    .where("s.external_ref", "like", `${prefix}%`)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Audit entries of an import's commit (exactly one after a successful import). */
export async function importCommitEntries(db: Kysely<Database>, orgId: number, importId: number): Promise<number> {
  const r = await db
    .selectFrom("audit_log")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("org_id", "=", orgId)
    .where("action", "=", "supplier.import_committed")
    .where("entity_id", "=", String(importId))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Moves an import's claim into the past, as if `ms` had passed since the killed server claimed it. */
export async function ageImportClaim(handle: Db, importId: number, ms: number): Promise<void> {
  await handle.db
    .updateTable("supplier_imports")
    .set({ claimed_at: new Date(Date.now() - ms).toISOString() })
    .where("id", "=", importId)
    .execute();
}

export async function riskJobsPending(handle: Db, orgId: number): Promise<number> {
  const r = await handle.db
    .selectFrom("risk_jobs")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("org_id", "=", orgId)
    .where("status", "in", ["queued", "running"])
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export interface StoredAnswer {
  value: unknown;
  comment: string | null;
  revision: number;
}

export async function storedAnswers(
  handle: Db,
  assessmentId: number,
  keys: readonly string[],
): Promise<Record<string, StoredAnswer | undefined>> {
  const rows = await handle.db
    .selectFrom("answers")
    .select(["question_key", "value", "comment", "revision"])
    .where("assessment_id", "=", assessmentId)
    .where("question_key", "in", keys)
    .execute();
  const out: Record<string, StoredAnswer | undefined> = {};
  for (const r of rows)
    out[r.question_key] = { value: r.value === null ? null : JSON.parse(r.value), comment: r.comment, revision: r.revision };
  return out;
}

/** Every kept revision of the given answers: "<key>#<revision>" → value and comment. */
export async function answerRevisions(
  handle: Db,
  assessmentId: number,
  keys: readonly string[],
): Promise<Map<string, { value: unknown; comment: string | null }>> {
  const rows = await handle.db
    .selectFrom("answer_revisions")
    .select(["question_key", "revision", "value", "comment"])
    .where("assessment_id", "=", assessmentId)
    .where("question_key", "in", keys)
    .execute();
  return new Map(
    rows.map((r) => [`${r.question_key}#${r.revision}`, { value: r.value === null ? null : JSON.parse(r.value), comment: r.comment }]),
  );
}

/**
 * The URL the app servers of a crash run connect with: on PostgreSQL the app role, neither superuser
 * nor BYPASSRLS, granted the run's schema after it was migrated (row-level security holds, as in
 * production); on SQLite the database itself.
 */
export async function serverDatabaseUrl(target: CrashDatabase): Promise<string> {
  if (target.engine !== "postgres") return target.databaseUrl;
  const owner = createDb(target.databaseUrl, { poolSize: 1 });
  try {
    await grantAppRole(owner.db, TEST_APP_ROLE, target.schema!);
  } finally {
    await owner.close();
  }
  const u = new URL(target.databaseUrl);
  u.username = TEST_APP_ROLE;
  u.password = "";
  return u.toString();
}
