// Direct access to the e2e server's SQLite file: the tests write sessions (logging in without the UI)
// and read mail from the outbox (to follow links), exactly as a mail client would see it.
import Papa from "papaparse";
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
 * Forgets the failed-login counters of one rate-limit bucket ("login-ip", "login-ip-hour", "login-account-source"). Only the
 * throttling tests use it, so that they start from zero whatever ran before them from 127.0.0.1.
 */
export function clearRateLimit(bucket: string): void {
  withDb((db) => db.prepare("DELETE FROM rate_limit_hits WHERE bucket = ?").run(bucket));
}

// ---- Suppliers (supplier registry and CSV import specs) ----

export interface SupplierRow {
  id: number;
  org_id: number;
  external_ref: string | null;
  name: string;
  country: string;
  address: string | null;
  city: string | null;
  sector: string | null;
  annual_spend: number | null;
  currency: string | null;
  workers_count: number | null;
  notes: string | null;
  status: string;
  tier: number | null;
  version: number;
  updated_at: string;
}

const SUPPLIER_COLUMNS =
  "s.id, s.org_id, s.external_ref, s.name, s.country, s.address, s.city, s.sector, s.annual_spend, s.currency, s.workers_count, s.notes, s.status, s.tier, s.version, s.updated_at";

/** The supplier of an organization with exactly this name (the newest one when several), or undefined. */
export function supplierByName(orgSlug: string, name: string): SupplierRow | undefined {
  return withDb(
    (db) =>
      db
        .prepare(
          `SELECT ${SUPPLIER_COLUMNS} FROM suppliers s JOIN organizations o ON o.id = s.org_id
           WHERE o.slug = ? AND s.name = ? ORDER BY s.id DESC LIMIT 1`,
        )
        .get(orgSlug, name) as SupplierRow | undefined,
  );
}

export function supplierById(id: number): SupplierRow | undefined {
  return withDb((db) => db.prepare(`SELECT ${SUPPLIER_COLUMNS} FROM suppliers s WHERE s.id = ?`).get(id) as SupplierRow | undefined);
}

/** The suppliers of an organization whose reference is one of `refs` (any order). */
export function suppliersByRefs(orgSlug: string, refs: readonly string[]): SupplierRow[] {
  if (refs.length === 0) return [];
  return withDb(
    (db) =>
      db
        .prepare(
          `SELECT ${SUPPLIER_COLUMNS} FROM suppliers s JOIN organizations o ON o.id = s.org_id
           WHERE o.slug = ? AND s.external_ref IN (${refs.map(() => "?").join(", ")}) ORDER BY s.external_ref`,
        )
        .all(orgSlug, ...refs) as SupplierRow[],
  );
}

/** The goods recorded for a supplier, sorted. */
export function supplierGoods(supplierId: number): string[] {
  return withDb((db) =>
    (db.prepare("SELECT good FROM supplier_goods WHERE supplier_id = ? ORDER BY good").all(supplierId) as Array<{ good: string }>).map(
      (r) => r.good,
    ),
  );
}

/** The ids of the suppliers `supplierId` supplies (its buyers), sorted. */
export function supplierBuyerIds(supplierId: number): number[] {
  return withDb((db) =>
    (
      db.prepare("SELECT buyer_id FROM supplier_links WHERE supplier_id = ? ORDER BY buyer_id").all(supplierId) as Array<{
        buyer_id: number;
      }>
    ).map((r) => r.buyer_id),
  );
}

/** The links ("supplier supplies buyer") between any two of the given suppliers. */
export function linksAmong(ids: readonly number[]): Array<{ supplierId: number; buyerId: number }> {
  if (ids.length === 0) return [];
  const marks = ids.map(() => "?").join(", ");
  return withDb((db) =>
    (
      db
        .prepare(
          `SELECT supplier_id, buyer_id FROM supplier_links WHERE supplier_id IN (${marks}) AND buyer_id IN (${marks}) ORDER BY supplier_id, buyer_id`,
        )
        .all(...ids, ...ids) as Array<{ supplier_id: number; buyer_id: number }>
    ).map((r) => ({ supplierId: r.supplier_id, buyerId: r.buyer_id })),
  );
}

/** How many CSV uploads of an organization were stored under this file name. */
export function importCountByFilename(orgSlug: string, filename: string): number {
  return withDb(
    (db) =>
      (
        db
          .prepare(
            "SELECT COUNT(*) AS n FROM supplier_imports i JOIN organizations o ON o.id = i.org_id WHERE o.slug = ? AND i.filename = ?",
          )
          .get(orgSlug, filename) as { n: number }
      ).n,
  );
}

// ---- Files the app hands out (CSV exports and templates), read strictly ----

/**
 * RFC 4180 CSV → rows of cells, strictly: a UTF-8 BOM is dropped, CRLF or LF ends a record, quoted
 * cells may hold the delimiter, `""` and line breaks; a malformed quote throws (a lenient reader
 * could hide a quoting bug in what the app writes). Independent of the app's own CSV code on purpose.
 */
export function readCsv(text: string, delimiter = ","): string[][] {
  // An independent reader (PapaParse, strict about quotes), not the app's own parse.ts, so a
  // bug in the app's CSV code cannot hide itself in the test.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const out = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: true });
  if (out.errors.length) throw new Error(`CSV: ${out.errors[0]!.message} (row ${out.errors[0]!.row})`);
  return out.data;
}

// ---- Questionnaires (assessments, answers, invite links, evidence; questionnaire spec) ----

export interface AssessmentRow {
  id: number;
  org_id: number;
  supplier_id: number;
  status: string;
  due_at: string | null;
  language: string;
  sent_at: string | null;
  submitted_at: string | null;
  changes_requested_at: string | null;
  approved_at: string | null;
  valid_until: string | null;
}

const ASSESSMENT_COLUMNS =
  "a.id, a.org_id, a.supplier_id, a.status, a.due_at, a.language, a.sent_at, a.submitted_at, a.changes_requested_at, a.approved_at, a.valid_until";

export function assessmentById(id: number): AssessmentRow | undefined {
  return withDb((db) => db.prepare(`SELECT ${ASSESSMENT_COLUMNS} FROM assessments a WHERE a.id = ?`).get(id) as AssessmentRow | undefined);
}

/** Every assessment of a supplier, oldest first. */
export function assessmentsOfSupplier(supplierId: number): AssessmentRow[] {
  return withDb(
    (db) =>
      db
        .prepare(`SELECT ${ASSESSMENT_COLUMNS} FROM assessments a WHERE a.supplier_id = ? ORDER BY a.id`)
        .all(supplierId) as AssessmentRow[],
  );
}

/** The assessments of the supplier of an organization with this reference (seeded demo data), oldest first. */
export function assessmentsBySupplierRef(orgSlug: string, ref: string): AssessmentRow[] {
  return withDb(
    (db) =>
      db
        .prepare(
          `SELECT ${ASSESSMENT_COLUMNS} FROM assessments a JOIN suppliers s ON s.id = a.supplier_id JOIN organizations o ON o.id = a.org_id
           WHERE o.slug = ? AND s.external_ref = ? ORDER BY a.id`,
        )
        .all(orgSlug, ref) as AssessmentRow[],
  );
}

export interface StoredAnswerRow {
  value: unknown;
  comment: string | null;
  revision: number;
  updatedBy: string;
}

/** The current answers of an assessment by question key, values parsed from their JSON. */
export function storedAnswers(assessmentId: number): Record<string, StoredAnswerRow> {
  const rows = withDb(
    (db) =>
      db
        .prepare("SELECT question_key, value, comment, revision, updated_by FROM answers WHERE assessment_id = ?")
        .all(assessmentId) as Array<{
        question_key: string;
        value: string | null;
        comment: string | null;
        revision: number;
        updated_by: string;
      }>,
  );
  const out: Record<string, StoredAnswerRow> = {};
  for (const r of rows)
    out[r.question_key] = {
      value: r.value === null ? null : JSON.parse(r.value),
      comment: r.comment,
      revision: r.revision,
      updatedBy: r.updated_by,
    };
  return out;
}

/** Every revision of one answer, oldest first, values parsed. */
export function answerRevisions(assessmentId: number, questionKey: string): Array<{ revision: number; value: unknown; author: string }> {
  return withDb((db) =>
    (
      db
        .prepare("SELECT revision, value, author FROM answer_revisions WHERE assessment_id = ? AND question_key = ? ORDER BY revision")
        .all(assessmentId, questionKey) as Array<{ revision: number; value: string | null; author: string }>
    ).map((r) => ({ revision: r.revision, value: r.value === null ? null : JSON.parse(r.value), author: r.author })),
  );
}

export interface InviteRow {
  id: number;
  email: string;
  language: string;
  created_by: number | null;
  expires_at: string;
  revoked_at: string | null;
  superseded_at: string | null;
  last_used_at: string | null;
}

/** The invite links of an assessment, oldest first. */
export function invitesOf(assessmentId: number): InviteRow[] {
  return withDb(
    (db) =>
      db
        .prepare(
          "SELECT id, email, language, created_by, expires_at, revoked_at, superseded_at, last_used_at FROM assessment_invites WHERE assessment_id = ? ORDER BY id",
        )
        .all(assessmentId) as InviteRow[],
  );
}

/** Makes every link of an assessment expired (as if 30 days had passed). */
export function expireInvites(assessmentId: number): void {
  withDb((db) =>
    db
      .prepare("UPDATE assessment_invites SET expires_at = ? WHERE assessment_id = ?")
      .run(new Date(Date.now() - 60_000).toISOString(), assessmentId),
  );
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

export interface EvidenceRow {
  id: number;
  question_key: string;
  filename: string;
  mime: string;
  size_bytes: number;
  deleted_at: string | null;
}

export function evidenceOf(assessmentId: number): EvidenceRow[] {
  return withDb(
    (db) =>
      db
        .prepare("SELECT id, question_key, filename, mime, size_bytes, deleted_at FROM evidence_files WHERE assessment_id = ? ORDER BY id")
        .all(assessmentId) as EvidenceRow[],
  );
}

export function reviewCommentsOf(
  assessmentId: number,
): Array<{ question_key: string; author_label: string; body: string; resolved_at: string | null }> {
  return withDb(
    (db) =>
      db
        .prepare("SELECT question_key, author_label, body, resolved_at FROM review_comments WHERE assessment_id = ? ORDER BY id")
        .all(assessmentId) as Array<{
        question_key: string;
        author_label: string;
        body: string;
        resolved_at: string | null;
      }>,
  );
}

/** A supplier's position (latitude, longitude) by exact name in an organization, or undefined. */
export function supplierPosition(orgSlug: string, name: string): { latitude: number | null; longitude: number | null } | undefined {
  return withDb(
    (db) =>
      db
        .prepare(
          `SELECT s.latitude, s.longitude FROM suppliers s JOIN organizations o ON o.id = s.org_id
           WHERE o.slug = ? AND s.name = ? ORDER BY s.id DESC LIMIT 1`,
        )
        .get(orgSlug, name) as { latitude: number | null; longitude: number | null } | undefined,
  );
}
