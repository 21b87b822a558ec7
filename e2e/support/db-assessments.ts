// Questionnaires of the e2e database (assessments, answers, invite links, evidence, review comments),
// read straight from the file.
import { withDb } from "./db";

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
  "a.id, a.org_id, a.supplier_id, a.status, a.due_at, a.language, a.sent_at, a.submitted_at, a.changes_requested_at, a.approved_at, " +
  "a.valid_until";

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
          `SELECT id, email, language, created_by, expires_at, revoked_at, superseded_at, last_used_at
           FROM assessment_invites WHERE assessment_id = ? ORDER BY id`,
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

export interface EvidenceRow {
  id: number;
  question_key: string;
  filename: string;
  mime: string;
  size_bytes: number;
  deleted_at: string | null;
  kind: string | null;
  valid_until: string | null;
  review_status: "pending" | "accepted" | "rejected";
  reviewed_by_label: string | null;
  review_reason: string | null;
}

export function evidenceOf(assessmentId: number): EvidenceRow[] {
  return withDb(
    (db) =>
      db
        .prepare(
          "SELECT id, question_key, filename, mime, size_bytes, deleted_at, kind, valid_until, review_status, reviewed_by_label, " +
            "review_reason FROM evidence_files WHERE assessment_id = ? ORDER BY id",
        )
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
