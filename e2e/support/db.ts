// Direct reads of the e2e server's SQLite file: users, memberships and mail in the outbox (to follow
// links, exactly as a mail client would see it). Suppliers: db-suppliers.ts; questionnaires:
// db-assessments.ts. Sessions are started through the app's own code (session.ts).
import Database from "better-sqlite3";
import { E2E_DB_FILE } from "./env";

export function withDb<T>(fn: (db: Database.Database) => T): T {
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

/** Which mail `latestMail` looks for besides the address. */
export interface MailFilter {
  /** e.g. "password-reset", "supplier-invite". */
  kind?: string;
  /**
   * The organisation that sent it. Needed for a supplier's contact address: every tenant copy of the
   * tests holds the same suppliers, with the same addresses.
   */
  orgId?: number;
}

/** The newest mail to an address that matches the filter, or undefined. */
export function latestMail(to: string, filter: MailFilter = {}): Mail | undefined {
  const where = ["to_address = ?"];
  const params: Array<string | number> = [to];
  if (filter.kind) {
    where.push("kind = ?");
    params.push(filter.kind);
  }
  if (filter.orgId !== undefined) {
    where.push("org_id = ?");
    params.push(filter.orgId);
  }
  const row = withDb(
    (db) =>
      db
        .prepare(
          `SELECT id, org_id, kind, to_address, subject, body_text, created_at FROM mail_outbox
           WHERE ${where.join(" AND ")} ORDER BY id DESC LIMIT 1`,
        )
        .get(...params) as MailRow | undefined,
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
 * Forgets the failed-login counters of one rate-limit bucket ("login-ip", "login-ip-hour", "login-account-source"). Only the
 * throttling tests use it, so that they start from zero whatever ran before them from 127.0.0.1.
 */
export function clearRateLimit(bucket: string): void {
  withDb((db) => db.prepare("DELETE FROM rate_limit_hits WHERE bucket = ?").run(bucket));
}

/** The id of the newest mail in the outbox (0 when empty): a mark to look for mail queued after it. */
export function lastMailId(): number {
  return withDb((db) => (db.prepare("SELECT COALESCE(MAX(id), 0) AS n FROM mail_outbox").get() as { n: number }).n);
}

/** The mails queued after `afterId` whose body contains `text`, oldest first. */
export function mailsSince(afterId: number, text: string): Mail[] {
  return withDb(
    (db) =>
      db
        .prepare(
          `SELECT id, org_id, kind, to_address, subject, body_text, created_at FROM mail_outbox
           WHERE id > ? AND instr(body_text, ?) > 0 ORDER BY id`,
        )
        .all(afterId, text) as MailRow[],
  ).map(toMail);
}
