// Evidence uploads: refused when too large or not a document type we accept, judged by the
// content, not the name (Office archives also by what they would unpack to); stored
// content-addressed outside public/; downloaded as attachments. The checks and the quota are shared
// with corrective-action files (domain/upload).
import { auditReportBytes } from "~/models/site-audit.server";
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import { EVIDENCE_LIMITS, findQuestion, type EvidenceKind } from "~/domain/questionnaire";
import { defaultEvidenceKind, evidenceExpired, isEvidenceKind, takesDocuments } from "~/domain/questionnaire/evidence";
import { isIsoDay, todayIso } from "~/domain/dates";
import { fail, ok, type ProblemKind, type Result } from "~/domain/result";
import { checkUpload, isRefusal, type UploadRefusal } from "~/lib/upload/check.server";
import { downloadHeaders } from "~/domain/upload/filename";
import { UPLOAD_LIMITS } from "~/domain/upload/limits";
import { getObject, putObject, sha256Of } from "~/lib/storage.server";
import type { DbOrTrx } from "~/models/types";
import { actionStorageBytes } from "~/models/action-events.server";
import { log } from "~/lib/logger.server";
import { recordAudit } from "~/models/audit.server";
import { answersOf, getAssessment, reviewCommentsOf, saveAnswerIfRevision } from "~/models/assessment.server";
import { getEvidence, insertEvidence, listEvidence, markEvidenceDeleted, orgStorageBytes } from "~/models/evidence.server";
import { templateOfVersion, type Actor } from "./assessment-core.server";

type DB = Kysely<Database>;

/** Per-organization storage quota for evidence and action files together (a runaway uploader cannot fill the disk). */
export const ORG_QUOTA_BYTES = UPLOAD_LIMITS.orgQuotaBytes;

/** Bytes an organization stores: live evidence plus corrective-action files (what the quota counts). */
export async function orgStorageUsed(db: DbOrTrx, orgId: number): Promise<number> {
  return (await orgStorageBytes(db, orgId)) + (await actionStorageBytes(db, orgId)) + (await auditReportBytes(db, orgId));
}

/** The evidence service's catalogue key for a shared upload refusal. */
function refusalKey(r: UploadRefusal): string {
  return r.code === "too_large" ? "ui.upload.tooLarge" : r.code === "empty" ? "ui.upload.empty" : "ui.upload.badType";
}
function refusalKind(r: UploadRefusal): ProblemKind {
  return r.code === "too_large" ? "too_large" : r.code === "empty" ? "invalid" : "unsupported_type";
}
const NO_ASSESSMENT = () => fail("not_found", "No such assessment", { messageKey: "ui.error.notFound" });
const NO_FILE = () => fail("not_found", "No such file", { messageKey: "ui.error.notFound" });
const READ_ONLY = () => fail("conflict", "This questionnaire cannot be changed now.", { messageKey: "ui.error.readOnly" });
const EDITABLE = new Set(["draft", "sent", "in_progress", "changes_requested"]);

function scope(actor: Actor) {
  return actor.kind === "officer"
    ? { orgId: actor.id.org.id, label: actor.id.user.email, userId: actor.id.user.userId as number | null, only: null as number | null }
    : { orgId: actor.s.orgId, label: `supplier ${actor.s.email}`, userId: null, only: actor.s.assessmentId };
}

/** What the uploader says about a document: its kind (default: what the question asks for) and until when it is valid. */
export interface EvidenceMetaInput {
  kind?: EvidenceKind | null;
  validUntil?: string | null;
}

function checkMeta(meta: EvidenceMetaInput, now: Date): Result<EvidenceMetaInput> {
  if (meta.kind != null && !isEvidenceKind(meta.kind)) {
    return fail("invalid", "Choose the type of document.", { messageKey: "ui.evidence.kind_invalid", field: "kind" });
  }
  if (meta.validUntil != null && !isIsoDay(meta.validUntil)) {
    return fail("invalid", "Enter the date as yyyy-mm-dd.", { messageKey: "ui.evidence.valid_until_invalid", field: "validUntil" });
  }
  if (meta.validUntil != null && evidenceExpired(meta.validUntil, todayIso(now))) {
    const message = "The document is no longer valid: the date it is valid until has passed.";
    return fail("invalid", message, { messageKey: "ui.evidence.valid_until_past", field: "validUntil" });
  }
  return ok(meta);
}

export async function uploadEvidence(
  db: DB,
  actor: Actor,
  assessmentId: number,
  questionKey: string,
  file: { name: string; bytes: Uint8Array },
  ip: string | null,
  meta: EvidenceMetaInput = {},
  now = new Date(),
): Promise<Result<{ fileId: number; filename: string }>> {
  const sc = scope(actor);
  if (sc.only !== null && sc.only !== assessmentId) return NO_ASSESSMENT();
  const checkedMeta = checkMeta(meta, now);
  if (!checkedMeta.ok) return checkedMeta;
  const checked = await checkUpload(file);
  if (isRefusal(checked)) return fail(refusalKind(checked), checked.message, { messageKey: refusalKey(checked) });
  const a = await getAssessment(db, sc.orgId, assessmentId);
  if (!a) return NO_ASSESSMENT();
  if (!EDITABLE.has(a.status)) return READ_ONLY();
  const template = await templateOfVersion(db, a.versionId);
  const found = findQuestion(template, questionKey);
  // Every control question takes documents (domain/questionnaire/evidence). A question sent back with
  // an open reviewer's comment takes one too: the comment may ask for one ("please attach the signed
  // policy"), whatever the question. Only comments the supplier was shown count: an internal note
  // must not change what the portal offers.
  const askedInReview =
    found !== undefined &&
    !takesDocuments(found.section, found.question) &&
    a.status === "changes_requested" &&
    (await reviewCommentsOf(db, sc.orgId, assessmentId, { releasedOnly: true })).some(
      (c) => c.question_key === questionKey && c.resolved_at === null,
    );
  if (!found || (!takesDocuments(found.section, found.question) && !askedInReview)) {
    return fail("not_found", "This question takes no files.", { messageKey: "ui.error.notFound" });
  }
  const existing = (await listEvidence(db, sc.orgId, assessmentId)).filter((f) => f.question_key === questionKey);
  if (existing.length >= EVIDENCE_LIMITS.maxFilesPerQuestion) {
    return fail("conflict", `At most ${EVIDENCE_LIMITS.maxFilesPerQuestion} files per question.`, { messageKey: "ui.upload.tooMany" });
  }
  if ((await orgStorageUsed(db, sc.orgId)) + file.bytes.length > ORG_QUOTA_BYTES) {
    const gb = ORG_QUOTA_BYTES / 1024 ** 3;
    const message = `Your organization's storage for documents is full (${gb} GB). Remove files that are no longer needed, then try again.`;
    return fail("too_large", message, { messageKey: "ui.upload.quota" });
  }
  const sha256 = sha256Of(file.bytes);
  await putObject(sc.orgId, sha256, file.bytes); // before the row: a row never points at a missing file
  const { filename, mime } = checked;
  return db.transaction().execute(async (trx) => {
    const fileId = await insertEvidence(trx, sc.orgId, {
      assessmentId,
      questionKey,
      filename,
      mime,
      sizeBytes: file.bytes.length,
      sha256,
      uploadedBy: sc.label,
      kind: meta.kind ?? defaultEvidenceKind(found.question),
      validUntil: meta.validUntil ?? null,
    });
    if (found.question.type === "evidence") {
      // For an evidence question the files are the answer: add this one to it (a new revision).
      const current = (await answersOf(trx, sc.orgId, assessmentId)).find((x) => x.questionKey === questionKey);
      const ids = Array.isArray(current?.value) ? (current.value as string[]) : [];
      await saveAnswerIfRevision(trx, sc.orgId, assessmentId, questionKey, current?.revision ?? 0, {
        value: [...ids, String(fileId)],
        comment: current?.comment ?? null,
        author: sc.label,
      });
    }
    await recordAudit(trx, {
      orgId: sc.orgId,
      actorUserId: sc.userId,
      actorLabel: sc.label,
      action: "evidence.uploaded",
      entity: "assessment",
      entityId: assessmentId,
      diff: {
        questionKey,
        fileId,
        filename,
        sha256,
        bytes: file.bytes.length,
        kind: meta.kind ?? defaultEvidenceKind(found.question),
        validUntil: meta.validUntil ?? null,
      },
      ip,
    });
    return ok({ fileId, filename });
  });
}

export async function removeEvidence(db: DB, actor: Actor, assessmentId: number, fileId: number, ip: string | null): Promise<Result> {
  const sc = scope(actor);
  if (sc.only !== null && sc.only !== assessmentId) return NO_FILE();
  const a = await getAssessment(db, sc.orgId, assessmentId);
  if (!a) return NO_FILE();
  if (!EDITABLE.has(a.status)) return READ_ONLY();
  return db.transaction().execute(async (trx) => {
    const f = await getEvidence(trx, sc.orgId, assessmentId, fileId);
    if (!f || !(await markEvidenceDeleted(trx, sc.orgId, assessmentId, fileId))) return NO_FILE();
    const current = (await answersOf(trx, sc.orgId, assessmentId)).find((x) => x.questionKey === f.question_key);
    if (current && Array.isArray(current.value)) {
      const ids = (current.value as string[]).filter((x) => x !== String(fileId));
      await saveAnswerIfRevision(trx, sc.orgId, assessmentId, f.question_key, current.revision, {
        value: ids.length ? ids : null,
        comment: current.comment,
        author: sc.label,
      });
    }
    await recordAudit(trx, {
      orgId: sc.orgId,
      actorUserId: sc.userId,
      actorLabel: sc.label,
      action: "evidence.removed",
      entity: "assessment",
      entityId: assessmentId,
      diff: { fileId, filename: f.filename },
      ip,
    });
    return ok();
  });
}

/** The file and the headers to send it with: always an attachment, never rendered inline by the browser. */
export async function downloadEvidence(
  db: DB,
  actor: Actor,
  assessmentId: number,
  fileId: number,
): Promise<{ body: Buffer; headers: Record<string, string> } | null> {
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
  return { body, headers: downloadHeaders(f, body.length) };
}
