// The officer's review of a submitted questionnaire: comments on single answers, a request for
// changes (the comments open at that moment go to the supplier, with a mail), or approval (valid
// for the tenant's validity period; red-flag actions open and the supplier's score is recomputed).
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import type { OrgIdentity } from "~/lib/auth.server";
import { findQuestion } from "~/domain/questionnaire";
import { fail, ok, type Result } from "~/domain/result";
import { kickMailDelivery } from "~/lib/mail.server";
import { nowIso } from "~/lib/time";
import { recordAudit } from "~/models/audit.server";
import { enqueueMail } from "~/models/outbox.server";
import {
  getAssessment,
  insertReviewComment,
  releaseOpenReviewComments,
  resolveOpenReviewComments,
  reviewCommentsOf,
  setAssessmentStatus,
} from "~/models/assessment.server";
import { currentInvite } from "~/models/invite.server";
import { openRedFlagActions } from "./actions.server";
import { templateOfVersion } from "./assessment-core.server";
import { currentMethodology, scoresChanged } from "./risk.server";

type DB = Kysely<Database>;

export const VALID_MONTHS = 12;
const NO_ASSESSMENT = () => fail("not_found", "No such assessment");

export async function addReviewComment(
  db: DB,
  id: OrgIdentity,
  assessmentId: number,
  questionKey: string,
  body: string,
  ip: string,
): Promise<Result<{ commentId: number }>> {
  return db.transaction().execute(async (trx) => {
    const a = await getAssessment(trx, id.org.id, assessmentId);
    if (!a) return NO_ASSESSMENT();
    const template = await templateOfVersion(trx, a.versionId);
    if (!findQuestion(template, questionKey)) return fail("not_found", "No such question");
    const commentId = await insertReviewComment(trx, id.org.id, assessmentId, {
      questionKey,
      authorUserId: id.user.userId,
      authorLabel: id.user.email,
      body: body.trim().slice(0, 2000),
    });
    if (commentId === null) return NO_ASSESSMENT();
    await recordAudit(trx, {
      orgId: id.org.id,
      actorUserId: id.user.userId,
      actorLabel: id.user.email,
      action: "assessment.commented",
      entity: "assessment",
      entityId: assessmentId,
      diff: { questionKey },
      ip,
    });
    return ok({ commentId });
  });
}

function answersToReview(n: number): string {
  return n === 1 ? "one answer" : `${n} answers`;
}

/** Sends a submitted questionnaire back to the supplier with the review comments; the supplier gets a mail. */
export async function requestChanges(db: DB, id: OrgIdentity, assessmentId: number, ip: string): Promise<Result> {
  const r = await db.transaction().execute(async (trx): Promise<Result> => {
    const a = await getAssessment(trx, id.org.id, assessmentId);
    if (!a) return NO_ASSESSMENT();
    const open = (await reviewCommentsOf(trx, id.org.id, assessmentId)).filter((c) => !c.resolved_at);
    if (!open.length) return fail("invalid", "Comment on at least one answer to say what should change.");
    const now = nowIso();
    if (!(await setAssessmentStatus(trx, id.org.id, assessmentId, ["submitted"], "changes_requested", { changes_requested_at: now }))) {
      return fail("conflict", "Only a submitted questionnaire can be sent back.");
    }
    await releaseOpenReviewComments(trx, id.org.id, assessmentId, now);
    const invite = await currentInvite(trx, id.org.id, assessmentId);
    if (invite) {
      await enqueueMail(trx, {
        orgId: id.org.id,
        kind: "assessment-changes-requested",
        to: invite.email,
        subject: `${id.org.name}: please review ${answersToReview(open.length)} of your questionnaire`,
        text:
          `${id.org.name} reviewed the questionnaire of ${a.supplierName} and asks you to look again at ${answersToReview(open.length)}. ` +
          `Open the questionnaire with the link from our invitation: the comments are shown next to the answers. ` +
          `If the link has expired, open it anyway and choose "Send me a new link".\n`,
      });
    }
    await recordAudit(trx, {
      orgId: id.org.id,
      actorUserId: id.user.userId,
      actorLabel: id.user.email,
      action: "assessment.changes_requested",
      entity: "assessment",
      entityId: assessmentId,
      diff: { comments: open.length },
      ip,
    });
    return ok();
  });
  kickMailDelivery(db);
  return r;
}

/** Approves a submitted questionnaire; it counts as valid for VALID_MONTHS months. */
export async function approveAssessment(
  db: DB,
  id: OrgIdentity,
  assessmentId: number,
  ip: string,
  now = new Date(),
): Promise<Result<{ validUntil: string }>> {
  let supplierId = 0;
  const r = await db.transaction().execute(async (trx): Promise<Result<{ validUntil: string }>> => {
    const a = await getAssessment(trx, id.org.id, assessmentId);
    if (!a) return NO_ASSESSMENT();
    supplierId = a.supplierId;
    // Valid for the tenant's validity period (risk methodology), 12 months by default.
    const until = new Date(now);
    until.setUTCMonth(until.getUTCMonth() + ((await currentMethodology(trx, id.org.id)).config.validityMonths ?? VALID_MONTHS));
    const validUntil = nowIso(until);
    const approved = await setAssessmentStatus(trx, id.org.id, assessmentId, ["submitted"], "approved", {
      approved_at: nowIso(now),
      approved_by: id.user.userId,
      valid_until: validUntil,
    });
    if (!approved) return fail("conflict", "Only a submitted questionnaire can be approved.");
    await resolveOpenReviewComments(trx, id.org.id, assessmentId, nowIso(now));
    await recordAudit(trx, {
      orgId: id.org.id,
      actorUserId: id.user.userId,
      actorLabel: id.user.email,
      action: "assessment.approved",
      entity: "assessment",
      entityId: assessmentId,
      diff: { validUntil },
      ip,
    });
    await openRedFlagActions(trx, id.org.id, assessmentId, { userId: id.user.userId, label: id.user.email }, now);
    return ok({ validUntil });
  });
  // The approved answers now drive the supplier's score and its buyers' exposure.
  if (r.ok) await scoresChanged(db, id.org.id, `assessment #${assessmentId} approved`, [supplierId], now);
  return r;
}
