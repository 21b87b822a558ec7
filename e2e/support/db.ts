// Direct access to the e2e server's SQLite file: the tests write sessions (logging in without the UI)
// and read mail from the outbox (to follow links), exactly as a mail client would see it.
import Database from "better-sqlite3";
import { createHash, randomBytes } from "node:crypto";
import { E2E_DB_FILE } from "./env";

function withDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(E2E_DB_FILE, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000"); // the server writes to the same file
    return fn(db);
  } finally {
    db.close();
  }
}

export function userIdByEmail(email: string): number {
  const row = withDb((db) => db.prepare("SELECT id FROM users WHERE email = ?").get(email.toLowerCase()) as { id: number } | undefined);
  if (!row) throw new Error(`No user ${email} in the e2e database`);
  return row.id;
}

/**
 * Writes a session row the way startSession does (the id is the sha256 hex of the cookie token) and
 * returns the token, i.e. the value of the lantern_session cookie.
 */
export function createSession(email: string, now = new Date()): string {
  const userId = userIdByEmail(email);
  const token = randomBytes(32).toString("base64url");
  const id = createHash("sha256").update(token).digest("hex");
  const at = now.toISOString();
  const expires = new Date(now.getTime() + 7 * 24 * 3600_000).toISOString();
  withDb((db) =>
    db
      .prepare(
        "INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at, ip, user_agent) VALUES (?, ?, ?, ?, ?, NULL, NULL)",
      )
      .run(id, userId, at, at, expires),
  );
  return token;
}

export interface Mail {
  id: number;
  orgId: number | null;
  kind: string;
  to: string;
  subject: string;
  body: string;
  createdAt: string;
}

interface MailRow {
  id: number;
  org_id: number | null;
  kind: string;
  to_address: string;
  subject: string;
  body_text: string;
  created_at: string;
}

const toMail = (r: MailRow): Mail => ({
  id: r.id,
  orgId: r.org_id,
  kind: r.kind,
  to: r.to_address,
  subject: r.subject,
  body: r.body_text,
  createdAt: r.created_at,
});

/** The newest mail to an address (optionally of one kind, e.g. "password-reset"), or undefined. */
export function latestMail(to: string, kind?: string): Mail | undefined {
  const row = withDb(
    (db) =>
      db
        .prepare(
          `SELECT id, org_id, kind, to_address, subject, body_text, created_at FROM mail_outbox
           WHERE to_address = ? ${kind ? "AND kind = ?" : ""} ORDER BY id DESC LIMIT 1`,
        )
        .get(...(kind ? [to, kind] : [to])) as MailRow | undefined,
  );
  return row ? toMail(row) : undefined;
}

export function mailCount(to: string): number {
  return withDb((db) => (db.prepare("SELECT COUNT(*) AS n FROM mail_outbox WHERE to_address = ?").get(to) as { n: number }).n);
}

export function memberRole(orgSlug: string, email: string): string | undefined {
  const row = withDb(
    (db) =>
      db
        .prepare(
          `SELECT m.role FROM memberships m
           JOIN organizations o ON o.id = m.org_id JOIN users u ON u.id = m.user_id
           WHERE o.slug = ? AND u.email = ?`,
        )
        .get(orgSlug, email) as { role: string } | undefined,
  );
  return row?.role;
}

/**
 * Forgets the failed-login counters of one rate-limit bucket ("login-ip", "login-account"). Only the
 * throttling tests use it, so that they start from zero whatever ran before them from 127.0.0.1.
 */
export function clearRateLimit(bucket: string): void {
  withDb((db) => db.prepare("DELETE FROM rate_limit_hits WHERE bucket = ?").run(bucket));
}
