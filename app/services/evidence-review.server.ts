// The reviewer's decision on each document behind an answer (risk model v2, "credit by proof"):
// accept or reject it, always with a reason. Whoever uploaded a document, or filled in the answer it
// backs on the supplier's behalf, does not review it (the same facts four eyes reads for approvals);
// a document whose validity has run out cannot be accepted. Decisions are audited, and a decision on
// an approved assessment recomputes the supplier's score, as an approval does.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import type { OrgIdentity } from "~/lib/auth.server";
import { todayIso } from "~/domain/dates";
import { evidenceExpired, type EvidenceReviewItem } from "~/domain/questionnaire/evidence";
import { fail, ok, type Result } from "~/domain/result";
import type { DbOrTrx } from "~/models/types";
import { nowIso } from "~/lib/time";
import { recordAudit } from "~/models/audit.server";
import { getAssessment } from "~/models/assessment.server";
import { filledOnBehalf } from "~/models/decision.server";
import { evidenceForReview, listEvidence, setEvidenceReview, uploadedByUser } from "~/models/evidence.server";
import { EVIDENCE_REASON_MAX, EVIDENCE_REASON_MIN } from "~/schemas/evidence";
import { scoresChanged } from "./risk.server";

type DB = Kysely<Database>;

export const UPLOADER_MESSAGE = "You uploaded this document, so someone else must review it.";
export const FILLER_MESSAGE = "You filled in this answer for the supplier, so someone else must review its documents.";

type Reviewer = { userId: number; email: string };

/** Why this user may not review the document, or null. */
async function conflictOfInterest(
  db: DbOrTrx,
  orgId: number,
  file: { id: number; assessment_id: number; question_key: string; uploaded_by: string },
  user: Reviewer,
): Promise<string | null> {
  if (await uploadedByUser(db, orgId, file, user)) return UPLOADER_MESSAGE;
  if (await filledOnBehalf(db, orgId, file.assessment_id, user, file.question_key)) return FILLER_MESSAGE;
  return null;
}

/** The live documents of an assessment for its review page, oldest first. */
export async function evidenceReviewOf(db: DB, id: OrgIdentity, assessmentId: number, now = new Date()): Promise<EvidenceReviewItem[]> {
  const rows = await listEvidence(db, id.org.id, assessmentId);
  const today = todayIso(now);
  const items: EvidenceReviewItem[] = [];
  for (const f of rows) {
    const file = { id: f.id, assessment_id: assessmentId, question_key: f.question_key, uploaded_by: f.uploaded_by };
    items.push({
      id: f.id,
      questionKey: f.question_key,
      filename: f.filename,
      sizeBytes: Number(f.size_bytes),
      kind: f.kind,
      validUntil: f.valid_until,
      expired: evidenceExpired(f.valid_until, today),
      uploadedBy: f.uploaded_by,
      uploadedAt: f.created_at,
      status: f.review_status,
      reviewedBy: f.reviewed_by_label,
      reviewedAt: f.reviewed_at,
      reason: f.review_reason,
      notYours: await conflictOfInterest(db, id.org.id, file, id.user),
    });
  }
  return items;
}

export interface EvidenceDecisionInput {
  decision: "accept" | "reject";
  reason: string;
}

/** Accepts or rejects one document of the assessment, with a reason. */
export async function reviewEvidence(
  db: DB,
  id: OrgIdentity,
  assessmentId: number,
  fileId: number,
  input: EvidenceDecisionInput,
  ip: string | null,
  now = new Date(),
): Promise<Result<{ status: "accepted" | "rejected" }>> {
  const reason = input.reason.trim();
  if (reason.length < EVIDENCE_REASON_MIN) {
    return fail("invalid", `Give a reason of at least ${EVIDENCE_REASON_MIN} characters.`, { field: "reason" });
  }
  if (reason.length > EVIDENCE_REASON_MAX) return fail("invalid", `Use at most ${EVIDENCE_REASON_MAX} characters.`, { field: "reason" });
  const status = input.decision === "accept" ? "accepted" : "rejected";
  let recompute: number | null = null;
  const r = await db.transaction().execute(async (trx): Promise<Result<{ status: "accepted" | "rejected" }>> => {
    const a = await getAssessment(trx, id.org.id, assessmentId);
    const f = a ? await evidenceForReview(trx, id.org.id, fileId) : undefined;
    if (!a || !f || f.assessment_id !== assessmentId) return fail("not_found", "No such document.");
    const conflict = await conflictOfInterest(trx, id.org.id, f, id.user);
    if (conflict) return fail("forbidden", conflict);
    if (status === "accepted" && evidenceExpired(f.valid_until, todayIso(now))) {
      return fail("invalid", `This document was valid until ${f.valid_until}: it has expired and cannot be accepted. Reject it instead.`);
    }
    const at = nowIso(now);
    const label = id.user.name?.trim() || id.user.email;
    if (!(await setEvidenceReview(trx, id.org.id, fileId, { status, userId: id.user.userId, label, reason, at }))) {
      return fail("not_found", "No such document.");
    }
    await recordAudit(trx, {
      orgId: id.org.id,
      actorUserId: id.user.userId,
      actorLabel: id.user.email,
      action: status === "accepted" ? "evidence.accepted" : "evidence.rejected",
      entity: "assessment",
      entityId: assessmentId,
      diff: { fileId, questionKey: f.question_key, filename: f.filename, reason, previous: f.review_status },
      ip,
    });
    if (a.status === "approved") recompute = a.supplierId;
    return ok({ status });
  });
  // An approved assessment's documents count in the supplier's score: recompute it, as an approval does.
  if (r.ok && recompute !== null) await scoresChanged(db, id.org.id, `evidence #${fileId} ${status}`, [recompute], now);
  return r;
}
