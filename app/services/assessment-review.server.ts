// The officer's review of a submitted questionnaire: comments on single answers, a request for
// changes (the comments open at that moment go to the supplier, with a mail), approval (valid for the
// tenant's validity period; red-flag actions open and the supplier's score is recomputed) and
// reopening an approval. Every decision takes a reason and is a row of assessment_decisions plus an
// audit entry. Four eyes (an organisation setting, on by default): whoever filled in answers for the
// supplier cannot approve, and an approval that lowers the supplier by two bands or more waits for a
// second, different approver. An unresolved thread of comments, a severe red flag and a red flag that
// a revision retracted after a request for changes must each be acknowledged explicitly to approve.
import type { Kysely, Transaction } from "kysely";
import type { Database } from "~db/types";
import type { OrgIdentity } from "~/lib/auth.server";
import { findQuestion, redFlagsOf } from "~/domain/questionnaire";
import { RISK_BANDS, type RiskBand } from "~/domain/risk";
import { fail, ok, type Result } from "~/domain/result";
import { kickMailDelivery } from "~/lib/mail.server";
import { nowIso } from "~/lib/time";
import { recordAudit } from "~/models/audit.server";
import { enqueueMail } from "~/models/outbox.server";
import { decisionsOf, filledOnBehalf, fourEyesOf, insertDecision, type Acknowledgement } from "~/models/decision.server";
import {
  answersOf,
  getAssessment,
  insertReviewComment,
  releaseOpenReviewComments,
  resolveOpenReviewComments,
  setAssessmentStatus,
} from "~/models/assessment.server";
import { commentRowsOf } from "~/models/review-comment.server";
import { currentInvite } from "~/models/invite.server";
import { openRedFlagActions } from "./actions.server";
import { answersMap, templateOfVersion } from "./assessment-core.server";
import { currentMethodology, prospectiveBand, scoresChanged } from "./risk.server";
import { sinceReview } from "./review-changes.server";
import { signature } from "./review-threads.server";
import { emitAssessment } from "./webhook-events.server";

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
      authorLabel: signature(id.user),
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

/** A decision's reason: 3 to 1000 characters once trimmed (the route's schema says the same). */
export const REASON_MIN = 3;
export const REASON_MAX = 1000;
export const FILLER_MESSAGE = "You filled in answers for the supplier, so someone else must approve it.";
export const OWN_FIRST_MESSAGE = "You gave the first approval, so a different reviewer must confirm it.";

/** The open threads of an assessment (a first comment not resolved), with the question each is on. */
async function openThreads(trx: Trx, orgId: number, assessmentId: number) {
  return (await commentRowsOf(trx, orgId, assessmentId)).filter((c) => c.parentId === null && !c.resolvedAt);
}

function checkReason(raw: string): Result<string> {
  const reason = raw.trim();
  if (reason.length < REASON_MIN) return fail("invalid", `Give a reason of at least ${REASON_MIN} characters.`, { field: "reason" });
  if (reason.length > REASON_MAX) return fail("invalid", `Use at most ${REASON_MAX} characters.`, { field: "reason" });
  return ok(reason);
}

type Trx = Transaction<Database>;

async function recordDecision(
  trx: Trx,
  id: OrgIdentity,
  assessmentId: number,
  d: { kind: "request_changes" | "approve" | "second_approve" | "reopen"; reason: string; acknowledged?: readonly Acknowledgement[] },
  audit: { action: string; diff: Record<string, unknown>; ip: string },
): Promise<number> {
  const acknowledged = d.acknowledged ?? [];
  const decisionId = await insertDecision(trx, id.org.id, assessmentId, {
    kind: d.kind,
    userId: id.user.userId,
    userLabel: signature(id.user),
    reason: d.reason,
    acknowledged,
  });
  await recordAudit(trx, {
    orgId: id.org.id,
    actorUserId: id.user.userId,
    actorLabel: id.user.email,
    action: audit.action,
    entity: "assessment",
    entityId: assessmentId,
    diff: { decision: d.kind, decisionId, reason: d.reason, acknowledged, ...audit.diff },
    ip: audit.ip,
  });
  return decisionId;
}

/**
 * Sends a submitted questionnaire back to the supplier with the review comments; the supplier gets a
 * mail. The reason stays internal (it is stored with the decision, not sent).
 */
export async function requestChanges(
  db: DB,
  id: OrgIdentity,
  assessmentId: number,
  input: { reason: string },
  ip: string,
): Promise<Result> {
  const reason = checkReason(input.reason);
  if (!reason.ok) return reason;
  const r = await db.transaction().execute(async (trx): Promise<Result> => {
    const a = await getAssessment(trx, id.org.id, assessmentId);
    if (!a) return NO_ASSESSMENT();
    const threads = await openThreads(trx, id.org.id, assessmentId);
    if (!threads.length) return fail("invalid", "Comment on at least one answer to say what should change.");
    const open = [...new Set(threads.map((t) => t.questionKey))];
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
    await recordDecision(
      trx,
      id,
      assessmentId,
      { kind: "request_changes", reason: reason.value },
      { action: "assessment.changes_requested", diff: { comments: threads.length }, ip },
    );
    return ok();
  });
  kickMailDelivery(db);
  return r;
}

export interface ApproveInput {
  reason: string;
  /** The conditions the reviewer explicitly accepts: open threads of comments, severe red flags, retracted red flags. */
  acknowledged?: readonly Acknowledgement[];
}
export type ApproveOutcome =
  { approved: true; validUntil: string } | { approved: false; awaitingSecond: true; from: RiskBand | null; to: RiskBand };

const ACK_MESSAGES: Record<Acknowledgement, { field: string; message: string }> = {
  unresolved_comments: {
    field: "ackComments",
    message: "There are unresolved review comments: confirm that you approve with them open.",
  },
  retracted_flags: {
    field: "ackRetracted",
    message: "A red flag was retracted after review (a revised answer removed it): confirm that you checked the change.",
  },
  severe_flags: {
    field: "ackFlags",
    message: "The answers raise a severe red flag: confirm that you approve despite it.",
  },
};

/** How many bands an approval would lower the supplier by (0 when it does not lower it). */
function bandsDown(from: RiskBand | null, to: RiskBand): number {
  return from ? Math.max(0, RISK_BANDS.indexOf(from) - RISK_BANDS.indexOf(to)) : 0;
}

/** Whether the awaiting approval is pending, and by whom: the last decision is a first approval. */
export function awaitingSecond<D extends { kind: string }>(decisions: readonly D[], status: string): D | null {
  const last = decisions.at(-1);
  return status === "submitted" && last?.kind === "approve" ? last : null;
}

/**
 * Approves a submitted questionnaire (valid for the tenant's validity period), or, with four eyes on
 * and a drop of two bands or more, records a first approval that a different reviewer confirms.
 */
export async function approveAssessment(
  db: DB,
  id: OrgIdentity,
  assessmentId: number,
  input: ApproveInput,
  ip: string,
  now = new Date(),
): Promise<Result<ApproveOutcome>> {
  const reason = checkReason(input.reason);
  if (!reason.ok) return reason;
  let supplierId = 0;
  const r = await db.transaction().execute(async (trx): Promise<Result<ApproveOutcome>> => {
    const a = await getAssessment(trx, id.org.id, assessmentId);
    if (!a) return NO_ASSESSMENT();
    supplierId = a.supplierId;
    if (a.status !== "submitted") return fail("conflict", "Only a submitted questionnaire can be approved.");
    const fourEyes = await fourEyesOf(trx, id.org.id);
    if (fourEyes && (await filledOnBehalf(trx, id.org.id, assessmentId, id.user))) return fail("forbidden", FILLER_MESSAGE);
    const decisions = await decisionsOf(trx, id.org.id, assessmentId);
    const pending = awaitingSecond(decisions, a.status);
    if (fourEyes && pending && pending.userId === id.user.userId) {
      return fail("forbidden", OWN_FIRST_MESSAGE);
    }
    // Conditions the approver must accept explicitly, one checkbox each.
    const answers = await answersOf(trx, id.org.id, assessmentId);
    const template = await templateOfVersion(trx, a.versionId);
    const needed: Acknowledgement[] = [];
    if ((await openThreads(trx, id.org.id, assessmentId)).length) needed.push("unresolved_comments");
    if (redFlagsOf(template, answersMap(answers)).some((f) => f.severity === "severe")) needed.push("severe_flags");
    if ((await sinceReview(trx, id.org.id, assessmentId, template, decisions)).retracted.length) needed.push("retracted_flags");
    const given = new Set(input.acknowledged ?? []);
    const missing = needed.find((n) => !given.has(n));
    if (missing) return fail("invalid", ACK_MESSAGES[missing].message, { field: ACK_MESSAGES[missing].field });
    const acknowledged = needed;

    if (fourEyes && !pending) {
      const approvedAt = nowIso(now);
      const asApproved = {
        id: a.id,
        supplierId: a.supplierId,
        versionId: a.versionId,
        approvedAt,
        answers: [] as Array<{ questionKey: string; value: string | null }>,
      };
      for (const x of answers)
        asApproved.answers.push({ questionKey: x.questionKey, value: x.value === null ? null : JSON.stringify(x.value) });
      const move = await prospectiveBand(trx, id.org.id, a.supplierId, asApproved, now);
      if (move && bandsDown(move.before, move.after) >= 2) {
        await recordDecision(
          trx,
          id,
          assessmentId,
          { kind: "approve", reason: reason.value, acknowledged },
          { action: "assessment.first_approval", diff: { bandFrom: move.before, bandTo: move.after, awaitingSecond: true }, ip },
        );
        return ok({ approved: false, awaitingSecond: true, from: move.before, to: move.after });
      }
    }
    const validUntil = await approveNow(trx, id, assessmentId, now);
    if (!validUntil) return fail("conflict", "Only a submitted questionnaire can be approved.");
    await recordDecision(
      trx,
      id,
      assessmentId,
      { kind: pending && pending.userId !== id.user.userId ? "second_approve" : "approve", reason: reason.value, acknowledged },
      { action: "assessment.approved", diff: { validUntil, ...(pending ? { firstApprover: pending.userLabel } : {}) }, ip },
    );
    await openRedFlagActions(trx, id.org.id, assessmentId, { userId: id.user.userId, label: id.user.email }, now);
    await emitAssessment(trx, id.org.id, "assessment.approved", { id: assessmentId, supplierId, by: "officer", at: nowIso(now) });
    return ok({ approved: true, validUntil });
  });
  // The approved answers now drive the supplier's score and its buyers' exposure.
  if (r.ok && r.value.approved) await scoresChanged(db, id.org.id, `assessment #${assessmentId} approved`, [supplierId], now);
  return r;
}

/** The approval itself: status, validity, open comments resolved. The valid-until date, or null when it was not submitted. */
async function approveNow(trx: Trx, id: OrgIdentity, assessmentId: number, now: Date): Promise<string | null> {
  // Valid for the tenant's validity period (risk methodology), 12 months by default.
  const until = new Date(now);
  until.setUTCMonth(until.getUTCMonth() + ((await currentMethodology(trx, id.org.id)).config.validityMonths ?? VALID_MONTHS));
  const validUntil = nowIso(until);
  const approved = await setAssessmentStatus(trx, id.org.id, assessmentId, ["submitted"], "approved", {
    approved_at: nowIso(now),
    approved_by: id.user.userId,
    valid_until: validUntil,
  });
  if (!approved) return null;
  await resolveOpenReviewComments(trx, id.org.id, assessmentId, nowIso(now), { userId: id.user.userId, label: signature(id.user) });
  return validUntil;
}

/**
 * Reopens an approved questionnaire: it is submitted again (to be reviewed anew) and its approval no
 * longer counts in the supplier's score, which is recomputed.
 */
export async function reopenAssessment(
  db: DB,
  id: OrgIdentity,
  assessmentId: number,
  input: { reason: string },
  ip: string,
  now = new Date(),
): Promise<Result> {
  const reason = checkReason(input.reason);
  if (!reason.ok) return reason;
  let supplierId = 0;
  const r = await db.transaction().execute(async (trx): Promise<Result> => {
    const a = await getAssessment(trx, id.org.id, assessmentId);
    if (!a) return NO_ASSESSMENT();
    supplierId = a.supplierId;
    const reopened = await setAssessmentStatus(trx, id.org.id, assessmentId, ["approved"], "submitted", {
      approved_at: null,
      approved_by: null,
      valid_until: null,
    });
    if (!reopened) return fail("conflict", "Only an approved questionnaire can be reopened.");
    await recordDecision(
      trx,
      id,
      assessmentId,
      { kind: "reopen", reason: reason.value },
      { action: "assessment.reopened", diff: { approvedAt: a.approvedAt, validUntil: a.validUntil }, ip },
    );
    return ok();
  });
  // Without this approval the supplier's score falls back to its previous approval (or "not assessed").
  if (r.ok) await scoresChanged(db, id.org.id, `assessment #${assessmentId} reopened`, [supplierId], now);
  return r;
}
