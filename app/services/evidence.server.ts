// Evidence uploads: refused when too large (413) or not a document type we accept, judged by the
// content, not the name (415); stored content-addressed outside public/; downloaded as attachments.
import type { Kysely } from "kysely";
import type { Database } from "../../db/types";
import { EVIDENCE_LIMITS, findQuestion } from "../domain/questionnaire";
import { safeFileName, sniffFileType } from "../domain/file-types";
import { getObject, putObject, sha256Of } from "../lib/storage.server";
import { log } from "../lib/logger.server";
import { recordAudit } from "../models/audit.server";
import { answersOf, getAssessment, saveAnswerIfRevision } from "../models/assessment.server";
import { getEvidence, insertEvidence, listEvidence, markEvidenceDeleted, orgStorageBytes } from "../models/evidence.server";
import { templateOfVersion, type Actor } from "./assessments.server";

type DB = Kysely<Database>;
export type UploadError = { status: 400 | 404 | 409 | 413 | 415; message: string; messageKey: string };

/** Per-organization storage quota for evidence (a runaway uploader cannot fill the disk). */
export const ORG_QUOTA_BYTES = 2 * 1024 * 1024 * 1024;
const EDITABLE = new Set(["draft", "sent", "in_progress", "changes_requested"]);

function scope(actor: Actor) {
  return actor.kind === "officer"
    ? { orgId: actor.id.org.id, label: actor.id.user.email, userId: actor.id.user.userId as number | null, only: null as number | null }
    : { orgId: actor.s.orgId, label: `supplier ${actor.s.email}`, userId: null, only: actor.s.assessmentId };
}

export async function uploadEvidence(
  db: DB,
  actor: Actor,
  assessmentId: number,
  questionKey: string,
  file: { name: string; bytes: Uint8Array },
  ip: string | null,
): Promise<UploadError | { fileId: number; filename: string }> {
  const sc = scope(actor);
  if (sc.only !== null && sc.only !== assessmentId) return { status: 404, message: "No such assessment", messageKey: "ui.error.notFound" };
  if (file.bytes.length > EVIDENCE_LIMITS.maxBytes) {
    return { status: 413, message: `The file is larger than ${EVIDENCE_LIMITS.maxBytes / 1024 / 1024} MB.`, messageKey: "ui.upload.tooLarge" };
  }
  if (file.bytes.length === 0) return { status: 400, message: "The file is empty.", messageKey: "ui.upload.empty" };
  const type = sniffFileType(file.bytes.subarray(0, 64 * 1024));
  if (!type) {
    return { status: 415, message: "This kind of file is not accepted: upload a PDF, an image (JPEG, PNG, WebP) or an Office document.", messageKey: "ui.upload.badType" };
  }
  const a = await getAssessment(db, sc.orgId, assessmentId);
  if (!a) return { status: 404, message: "No such assessment", messageKey: "ui.error.notFound" };
  if (!EDITABLE.has(a.status)) return { status: 409, message: "This questionnaire cannot be changed now.", messageKey: "ui.error.readOnly" };
  const template = await templateOfVersion(db, a.versionId);
  const found = findQuestion(template, questionKey);
  if (!found || (found.question.type !== "evidence" && !found.question.evidence)) {
    return { status: 404, message: "This question takes no files.", messageKey: "ui.error.notFound" };
  }
  const existing = (await listEvidence(db, sc.orgId, assessmentId)).filter((f) => f.question_key === questionKey);
  if (existing.length >= EVIDENCE_LIMITS.maxFilesPerQuestion) {
    return { status: 409, message: `At most ${EVIDENCE_LIMITS.maxFilesPerQuestion} files per question.`, messageKey: "ui.upload.tooMany" };
  }
  if ((await orgStorageBytes(db, sc.orgId)) + file.bytes.length > ORG_QUOTA_BYTES) {
    return { status: 413, message: "Your organization's evidence storage is full.", messageKey: "ui.upload.quota" };
  }
  const sha256 = sha256Of(file.bytes);
  await putObject(sc.orgId, sha256, file.bytes); // before the row: a row never points at a missing file
  const filename = safeFileName(file.name, type.ext);
  return db.transaction().execute(async (trx) => {
    const fileId = await insertEvidence(trx, sc.orgId, { assessmentId, questionKey, filename, mime: type.mime, sizeBytes: file.bytes.length, sha256, uploadedBy: sc.label });
    if (found.question.type === "evidence") {
      // For an evidence question the files are the answer: add this one to it (a new revision).
      const current = (await answersOf(trx, assessmentId)).find((x) => x.questionKey === questionKey);
      const ids = Array.isArray(current?.value) ? (current.value as string[]) : [];
      await saveAnswerIfRevision(trx, assessmentId, questionKey, current?.revision ?? 0, { value: [...ids, String(fileId)], comment: current?.comment ?? null, author: sc.label });
    }
    await recordAudit(trx, { orgId: sc.orgId, actorUserId: sc.userId, actorLabel: sc.label, action: "evidence.uploaded", entity: "assessment", entityId: assessmentId, diff: { questionKey, fileId, filename, sha256, bytes: file.bytes.length }, ip });
    return { fileId, filename };
  });
}

export async function removeEvidence(db: DB, actor: Actor, assessmentId: number, fileId: number, ip: string | null): Promise<UploadError | { ok: true }> {
  const sc = scope(actor);
  if (sc.only !== null && sc.only !== assessmentId) return { status: 404, message: "No such file", messageKey: "ui.error.notFound" };
  const a = await getAssessment(db, sc.orgId, assessmentId);
  if (!a) return { status: 404, message: "No such file", messageKey: "ui.error.notFound" };
  if (!EDITABLE.has(a.status)) return { status: 409, message: "This questionnaire cannot be changed now.", messageKey: "ui.error.readOnly" };
  return db.transaction().execute(async (trx) => {
    const f = await getEvidence(trx, sc.orgId, assessmentId, fileId);
    if (!f || !(await markEvidenceDeleted(trx, sc.orgId, assessmentId, fileId))) return { status: 404 as const, message: "No such file", messageKey: "ui.error.notFound" };
    const current = (await answersOf(trx, assessmentId)).find((x) => x.questionKey === f.question_key);
    if (current && Array.isArray(current.value)) {
      const ids = (current.value as string[]).filter((x) => x !== String(fileId));
      await saveAnswerIfRevision(trx, assessmentId, f.question_key, current.revision, { value: ids.length ? ids : null, comment: current.comment, author: sc.label });
    }
    await recordAudit(trx, { orgId: sc.orgId, actorUserId: sc.userId, actorLabel: sc.label, action: "evidence.removed", entity: "assessment", entityId: assessmentId, diff: { fileId, filename: f.filename }, ip });
    return { ok: true as const };
  });
}

/** The file and the headers to send it with: always an attachment, never rendered inline by the browser. */
export async function downloadEvidence(db: DB, actor: Actor, assessmentId: number, fileId: number): Promise<{ body: Buffer; headers: Record<string, string> } | null> {
  const sc = scope(actor);
  if (sc.only !== null && sc.only !== assessmentId) return null;
  const f = await getEvidence(db, sc.orgId, assessmentId, fileId);
  if (!f) return null;
  let body: Buffer;
  try {
    body = await getObject(sc.orgId, f.storage_key);
  } catch (e) {
    // The row outlived its file (a restore without the evidence volume, say): a 404, logged, not a 500.
    log.error("evidence file missing from storage", { orgId: sc.orgId, fileId, error: e instanceof Error ? e.message : String(e) });
    return null;
  }
  const ascii = f.filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return {
    body,
    headers: {
      "Content-Type": f.mime,
      "Content-Length": String(body.length),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.filename)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  };
}
