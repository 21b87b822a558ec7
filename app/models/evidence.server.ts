// Evidence files attached to answers. Scoped by orgId (and, for the portal, by assessment).
import type { EvidenceReviewStatus } from "~db/types";
import type { DbOrTrx } from "./types";
import { chunks } from "./chunks";
import { nowIso } from "~/lib/time";

export async function insertEvidence(
  db: DbOrTrx,
  orgId: number,
  e: {
    assessmentId: number;
    questionKey: string;
    filename: string;
    mime: string;
    sizeBytes: number;
    sha256: string;
    uploadedBy: string;
    kind?: string | null;
    validUntil?: string | null;
  },
): Promise<number> {
  const r = await db
    .insertInto("evidence_files")
    .values({
      org_id: orgId,
      assessment_id: e.assessmentId,
      question_key: e.questionKey,
      filename: e.filename,
      mime: e.mime,
      size_bytes: e.sizeBytes,
      sha256: e.sha256,
      storage_key: e.sha256,
      uploaded_by: e.uploadedBy,
      created_at: nowIso(),
      kind: e.kind ?? null,
      valid_until: e.validUntil ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function listEvidence(db: DbOrTrx, orgId: number, assessmentId: number) {
  return db
    .selectFrom("evidence_files")
    .select([
      "id",
      "question_key",
      "filename",
      "mime",
      "size_bytes",
      "uploaded_by",
      "created_at",
      "kind",
      "valid_until",
      "review_status",
      "reviewed_by_label",
      "reviewed_at",
      "review_reason",
    ])
    .where("org_id", "=", orgId)
    .where("assessment_id", "=", assessmentId)
    .where("deleted_at", "is", null)
    .orderBy("id")
    .execute();
}

export async function getEvidence(db: DbOrTrx, orgId: number, assessmentId: number, id: number) {
  return db
    .selectFrom("evidence_files")
    .select(["id", "question_key", "filename", "mime", "size_bytes", "storage_key"])
    .where("org_id", "=", orgId)
    .where("assessment_id", "=", assessmentId)
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
}

export async function markEvidenceDeleted(db: DbOrTrx, orgId: number, assessmentId: number, id: number): Promise<boolean> {
  const r = await db
    .updateTable("evidence_files")
    .set({ deleted_at: nowIso() })
    .where("org_id", "=", orgId)
    .where("assessment_id", "=", assessmentId)
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function orgStorageBytes(db: DbOrTrx, orgId: number): Promise<number> {
  const r = await db
    .selectFrom("evidence_files")
    .select((eb) => eb.fn.sum<number>("size_bytes").as("n"))
    .where("org_id", "=", orgId)
    .where("deleted_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(r.n ?? 0);
}

/** One live document of the tenant, whichever assessment it belongs to (the evidence review reads it). */
export async function evidenceForReview(db: DbOrTrx, orgId: number, id: number) {
  return db
    .selectFrom("evidence_files")
    .select(["id", "assessment_id", "question_key", "filename", "uploaded_by", "valid_until", "review_status"])
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
}

/**
 * Whether this staff user uploaded the document: the row records the uploader's e-mail, and the audit
 * log the user id of the upload (so a changed e-mail address does not hide it).
 */
export async function uploadedByUser(
  db: DbOrTrx,
  orgId: number,
  file: { id: number; assessment_id: number; uploaded_by: string },
  user: { userId: number; email: string },
): Promise<boolean> {
  if (file.uploaded_by === user.email) return true;
  const uploads = await db
    .selectFrom("audit_log")
    .select("diff")
    .where("org_id", "=", orgId)
    .where("actor_user_id", "=", user.userId)
    .where("action", "=", "evidence.uploaded")
    .where("entity", "=", "assessment")
    .where("entity_id", "=", String(file.assessment_id))
    .execute();
  return uploads.some((row) => {
    try {
      return (JSON.parse(row.diff ?? "null") as { fileId?: unknown } | null)?.fileId === file.id;
    } catch {
      return false;
    }
  });
}

/** Records a reviewer's decision on a live document; false when it is gone. */
export async function setEvidenceReview(
  db: DbOrTrx,
  orgId: number,
  id: number,
  r: { status: Exclude<EvidenceReviewStatus, "pending">; userId: number; label: string; reason: string; at?: string },
): Promise<boolean> {
  const res = await db
    .updateTable("evidence_files")
    .set({
      review_status: r.status,
      reviewed_by_user_id: r.userId,
      reviewed_by_label: r.label,
      reviewed_at: r.at ?? nowIso(),
      review_reason: r.reason,
    })
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * The accepted, live documents of these assessments (risk model v2 credits an answer fully when one
 * backs it and is still valid; the caller judges validity against its own date).
 */
export async function listAcceptedEvidence(
  db: DbOrTrx,
  orgId: number,
  assessmentIds: readonly number[],
): Promise<{ assessmentId: number; questionKey: string; validUntil: string | null }[]> {
  const out: { assessmentId: number; questionKey: string; validUntil: string | null }[] = [];
  for (const ids of chunks([...new Set(assessmentIds)])) {
    const rows = await db
      .selectFrom("evidence_files")
      .select(["assessment_id", "question_key", "valid_until"])
      .where("org_id", "=", orgId)
      .where("assessment_id", "in", ids)
      .where("review_status", "=", "accepted")
      .where("deleted_at", "is", null)
      .orderBy("assessment_id")
      .orderBy("id")
      .execute();
    for (const r of rows) out.push({ assessmentId: r.assessment_id, questionKey: r.question_key, validUntil: r.valid_until });
  }
  return out;
}
