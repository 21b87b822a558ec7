// Evidence files attached to answers. Scoped by orgId (and, for the portal, by assessment).
import type { DbOrTrx } from "./types";
import { nowIso } from "~/lib/time";
import { chunks } from "./chunks";

export async function insertEvidence(
  db: DbOrTrx,
  orgId: number,
  e: { assessmentId: number; questionKey: string; filename: string; mime: string; sizeBytes: number; sha256: string; uploadedBy: string },
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
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function listEvidence(db: DbOrTrx, orgId: number, assessmentId: number) {
  return db
    .selectFrom("evidence_files")
    .select(["id", "question_key", "filename", "mime", "size_bytes", "uploaded_by", "created_at"])
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

/**
 * Documents a reviewer accepted, per assessment and question (risk model v2's proof). Whether each
 * is still valid on a given day is the caller's to judge from validUntil.
 */
export async function listAcceptedEvidence(
  db: DbOrTrx,
  orgId: number,
  assessmentIds: readonly number[],
): Promise<{ assessmentId: number; questionKey: string; validUntil: string | null }[]> {
  const out: { assessmentId: number; questionKey: string; validUntil: string | null }[] = [];
  for (const part of chunks(assessmentIds)) {
    const rows = await db
      .selectFrom("evidence_files")
      .select(["assessment_id", "question_key", "valid_until"])
      .where("org_id", "=", orgId)
      .where("assessment_id", "in", part)
      .where("review_status", "=", "accepted")
      .where("deleted_at", "is", null)
      .execute();
    for (const r of rows) out.push({ assessmentId: r.assessment_id, questionKey: r.question_key, validUntil: r.valid_until });
  }
  return out;
}
