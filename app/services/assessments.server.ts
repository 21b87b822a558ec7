// The Athens questionnaire workflow: start (one supplier or many), answer (officer on the supplier's
// behalf, or the supplier through its link), submit (complete answers only), review (comments on
// single answers), request changes, approve. Status: draft → sent → in_progress → submitted →
// changes_requested → … → approved. Every change is audited; every answer revision is kept.
import type { Kysely } from "kysely";
import type { Database, AssessmentStatus } from "~db/types";
import type { OrgIdentity } from "~/lib/auth.server";
import type { SupplierIdentity } from "./invites.server";
import { currentMethodology, scoresChanged } from "./risk.server";
import {
  ATHENS_V1,
  completeness,
  findQuestion,
  loadTemplate,
  redFlagsOf,
  validateAnswer,
  type Answers,
  type Attachments,
  type QuestionnaireTemplate,
} from "~/domain/questionnaire";
import { addMinutes, nowIso } from "~/lib/time";
import { kickMailDelivery } from "~/lib/mail.server";
import { recordAudit } from "~/models/audit.server";
import { enqueueMail } from "~/models/outbox.server";
import {
  answerHistory,
  answersOf,
  findVersionId,
  getAssessment,
  getVersionDefinition,
  insertAssessment,
  insertReviewComment,
  insertVersion,
  releaseOpenReviewComments,
  reviewCommentsOf,
  saveAnswerIfRevision,
  setAssessmentStatus,
  type StoredAnswer,
} from "~/models/assessment.server";
import { listEvidence } from "~/models/evidence.server";
import { openRedFlagActions } from "./actions.server";
import { currentInvite } from "~/models/invite.server";
import { namesByIds } from "~/models/supplier.server";
import type { DbOrTrx } from "~/models/types";

type DB = Kysely<Database>;
export type Actor = { kind: "officer"; id: OrgIdentity } | { kind: "supplier"; s: SupplierIdentity };
export type WorkflowError = { status: 400 | 404 | 409; message: string; messageKey?: string; params?: Record<string, string | number> };

export const VALID_MONTHS = 12;
const EDITABLE: Record<Actor["kind"], AssessmentStatus[]> = {
  officer: ["draft", "sent", "in_progress", "changes_requested"],
  supplier: ["sent", "in_progress", "changes_requested"],
};

function orgOf(a: Actor): number {
  return a.kind === "officer" ? a.id.org.id : a.s.orgId;
}
function labelOf(a: Actor): string {
  return a.kind === "officer" ? a.id.user.email : `supplier ${a.s.email}`;
}
function auditActor(a: Actor, ip: string | null) {
  return a.kind === "officer"
    ? { orgId: a.id.org.id, actorUserId: a.id.user.userId, actorLabel: a.id.user.email, ip }
    : { orgId: a.s.orgId, actorUserId: null, actorLabel: `supplier ${a.s.email}`, ip };
}
/** A supplier session reaches exactly one assessment; any other id is "not found". */
function reaches(a: Actor, assessmentId: number): boolean {
  return a.kind === "officer" || a.s.assessmentId === assessmentId;
}

// ---------------------------------------------------------------------------------------------
// Templates

/** The id of the published built-in template version (published on first use; never changed after). */
export async function currentTemplateVersionId(db: DbOrTrx): Promise<number> {
  return (await findVersionId(db, ATHENS_V1.key, ATHENS_V1.version)) ?? insertVersion(db, ATHENS_V1.key, ATHENS_V1.version, ATHENS_V1);
}

const templateCache = new Map<number, QuestionnaireTemplate>();
/** The template an assessment started on, from its stored snapshot (immutable, so cached). */
export async function templateOfVersion(db: DbOrTrx, versionId: number): Promise<QuestionnaireTemplate> {
  let t = templateCache.get(versionId);
  if (!t) {
    t = loadTemplate(await getVersionDefinition(db, versionId));
    templateCache.set(versionId, t);
  }
  return t;
}

// ---------------------------------------------------------------------------------------------
// Start

export interface StartOptions {
  dueAt: string | null;
  language: string;
}

/** Starts one assessment per supplier; suppliers with an assessment still open, or archived, are skipped. */
export async function startAssessments(
  db: DB,
  id: OrgIdentity,
  supplierIds: readonly number[],
  opts: StartOptions,
  ip: string,
): Promise<{ created: number[]; skipped: Array<{ supplierId: number; reason: string }> }> {
  return db.transaction().execute(async (trx) => {
    const versionId = await currentTemplateVersionId(trx);
    const suppliers = await namesByIds(trx, id.org.id, supplierIds);
    const open = new Set(
      (
        await trx
          .selectFrom("assessments")
          .select("supplier_id")
          .where("org_id", "=", id.org.id)
          .where("status", "!=", "approved")
          .where("supplier_id", "in", supplierIds.length ? [...supplierIds] : [-1])
          .execute()
      ).map((r) => r.supplier_id),
    );
    const created: number[] = [];
    const skipped: Array<{ supplierId: number; reason: string }> = [];
    for (const sid of supplierIds) {
      const s = suppliers.get(sid);
      if (!s) skipped.push({ supplierId: sid, reason: "not found" });
      else if (s.status === "archived") skipped.push({ supplierId: sid, reason: "archived" });
      else if (open.has(sid)) skipped.push({ supplierId: sid, reason: "already has an open assessment" });
      else {
        const aid = await insertAssessment(trx, id.org.id, {
          supplierId: sid,
          versionId,
          dueAt: opts.dueAt,
          language: opts.language,
          createdBy: id.user.userId,
        });
        await recordAudit(trx, {
          orgId: id.org.id,
          actorUserId: id.user.userId,
          actorLabel: id.user.email,
          action: "assessment.started",
          entity: "assessment",
          entityId: aid,
          diff: { supplierId: sid, template: `${ATHENS_V1.key}@${ATHENS_V1.version}`, dueAt: opts.dueAt },
          ip,
        });
        created.push(aid);
        open.add(sid);
      }
    }
    return { created, skipped };
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

async function attachmentsOf(db: DbOrTrx, orgId: number, assessmentId: number, template: QuestionnaireTemplate) {
  const files = await listEvidence(db, orgId, assessmentId);
  const attachments: Record<string, string[]> = {};
  for (const f of files) {
    const q = findQuestion(template, f.question_key);
    if (q && q.question.type !== "evidence") (attachments[f.question_key] ??= []).push(String(f.id));
  }
  return { files, attachments: attachments as Attachments };
}

export function answersMap(stored: readonly StoredAnswer[]): Answers {
  const out: Record<string, Answers[string]> = {};
  for (const a of stored) out[a.questionKey] = a.value as Answers[string];
  return out;
}

/** Everything a page about one assessment shows: the pinned template, answers, files, comments, progress, red flags. */
export async function assessmentView(db: DB, actor: Actor, assessmentId: number) {
  if (!reaches(actor, assessmentId)) return null;
  const a = await getAssessment(db, orgOf(actor), assessmentId);
  if (!a) return null;
  const template = await templateOfVersion(db, a.versionId);
  const [stored, comments, { files, attachments }] = await Promise.all([
    answersOf(db, assessmentId),
    // A supplier sees a review comment only once a request for changes released it.
    reviewCommentsOf(db, assessmentId, { releasedOnly: actor.kind === "supplier" }),
    attachmentsOf(db, orgOf(actor), assessmentId, template),
  ]);
  const answers = answersMap(stored);
  return {
    assessment: a,
    template,
    answers: stored,
    comments,
    files,
    completeness: completeness(template, answers, attachments),
    redFlags: redFlagsOf(template, answers),
  };
}

export async function historyOf(db: DB, actor: Actor, assessmentId: number, questionKey?: string) {
  if (!reaches(actor, assessmentId) || !(await getAssessment(db, orgOf(actor), assessmentId))) return null;
  return answerHistory(db, assessmentId, questionKey);
}

// ---------------------------------------------------------------------------------------------
// Answering

export type SaveResult = WorkflowError | { revision: number } | { conflict: StoredAnswer; status: 409 };

/**
 * Saves one answer made on `baseRevision`. Validated by the question's type and range (drafts may
 * be empty); a save on a stale revision changes nothing and returns the current answer.
 */
export async function saveAnswer(
  db: DB,
  actor: Actor,
  assessmentId: number,
  questionKey: string,
  input: { value: unknown; comment: string | null; baseRevision: number },
  ip: string | null,
): Promise<SaveResult> {
  if (!reaches(actor, assessmentId)) return { status: 404, message: "No such assessment" };
  const orgId = orgOf(actor);
  return db.transaction().execute(async (trx): Promise<SaveResult> => {
    const a = await getAssessment(trx, orgId, assessmentId);
    if (!a) return { status: 404, message: "No such assessment" };
    if (!EDITABLE[actor.kind].includes(a.status)) {
      return {
        status: 409,
        message: "This questionnaire cannot be changed now (it was submitted or approved).",
        messageKey: "ui.error.readOnly",
      };
    }
    const template = await templateOfVersion(trx, a.versionId);
    const found = findQuestion(template, questionKey);
    if (!found) return { status: 404, message: "No such question" };
    const checked = validateAnswer(found.question, input.value, { draft: true });
    if (!checked.ok) return { status: 400, message: checked.messageKey, messageKey: checked.messageKey, params: { ...checked.params } };
    // An evidence answer is a list of file ids: each must be a (not deleted) file of THIS assessment,
    // never another assessment's or another tenant's (the id would otherwise be shown and counted).
    if (found.question.type === "evidence" && Array.isArray(checked.value) && checked.value.length) {
      const own = new Set((await listEvidence(trx, orgId, assessmentId)).map((f) => String(f.id)));
      if (!checked.value.every((fileId) => typeof fileId === "string" && own.has(fileId))) {
        return { status: 400, message: "ui.validation.files_invalid", messageKey: "ui.validation.files_invalid", params: {} };
      }
    }
    const comment = input.comment?.trim() ? input.comment.trim().slice(0, 2000) : null;
    const saved = await saveAnswerIfRevision(trx, assessmentId, questionKey, input.baseRevision, {
      value: checked.value,
      comment,
      author: labelOf(actor),
    });
    if ("conflict" in saved) return { conflict: saved.conflict, status: 409 };
    // The value itself is in the answer's revision history; the audit log records who changed what, when.
    await recordAudit(trx, {
      ...auditActor(actor, ip),
      action: "assessment.answer_saved",
      entity: "assessment",
      entityId: assessmentId,
      diff: { questionKey, revision: saved.revision },
    });
    if (actor.kind === "supplier" || a.status === "sent") {
      await setAssessmentStatus(trx, orgId, assessmentId, ["draft", "sent"], "in_progress", { started_at: nowIso() });
    }
    return saved;
  });
}

/** Submits complete answers; otherwise says exactly what is missing. The questionnaire is then read-only. */
export async function submitAssessment(
  db: DB,
  actor: Actor,
  assessmentId: number,
  ip: string | null,
): Promise<WorkflowError | { ok: true } | { missing: ReturnType<typeof completeness>["missingRequired"]; status: 400 }> {
  if (!reaches(actor, assessmentId)) return { status: 404, message: "No such assessment" };
  const orgId = orgOf(actor);
  return db.transaction().execute(async (trx) => {
    const a = await getAssessment(trx, orgId, assessmentId);
    if (!a) return { status: 404 as const, message: "No such assessment" };
    if (!EDITABLE[actor.kind].includes(a.status)) return { status: 409 as const, message: "This questionnaire was already submitted." };
    const template = await templateOfVersion(trx, a.versionId);
    const { attachments } = await attachmentsOf(trx, orgId, assessmentId, template);
    const c = completeness(template, answersMap(await answersOf(trx, assessmentId)), attachments);
    if (!c.complete) return { missing: c.missingRequired, status: 400 as const };
    await setAssessmentStatus(trx, orgId, assessmentId, EDITABLE[actor.kind], "submitted", { submitted_at: nowIso() });
    await recordAudit(trx, {
      ...auditActor(actor, ip),
      action: "assessment.submitted",
      entity: "assessment",
      entityId: assessmentId,
      diff: { answered: c.answered, total: c.total },
    });
    return { ok: true as const };
  });
}

// ---------------------------------------------------------------------------------------------
// Review

export async function addReviewComment(
  db: DB,
  id: OrgIdentity,
  assessmentId: number,
  questionKey: string,
  body: string,
  ip: string,
): Promise<WorkflowError | { commentId: number }> {
  return db.transaction().execute(async (trx) => {
    const a = await getAssessment(trx, id.org.id, assessmentId);
    if (!a) return { status: 404 as const, message: "No such assessment" };
    const template = await templateOfVersion(trx, a.versionId);
    if (!findQuestion(template, questionKey)) return { status: 404 as const, message: "No such question" };
    const commentId = await insertReviewComment(trx, assessmentId, {
      questionKey,
      authorUserId: id.user.userId,
      authorLabel: id.user.email,
      body: body.trim().slice(0, 2000),
    });
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
    return { commentId };
  });
}

/** Sends a submitted questionnaire back to the supplier with the review comments; the supplier gets a mail. */
export async function requestChanges(db: DB, id: OrgIdentity, assessmentId: number, ip: string): Promise<WorkflowError | { ok: true }> {
  const r = await db.transaction().execute(async (trx) => {
    const a = await getAssessment(trx, id.org.id, assessmentId);
    if (!a) return { status: 404 as const, message: "No such assessment" };
    const open = (await reviewCommentsOf(trx, assessmentId)).filter((c) => !c.resolved_at);
    if (!open.length) return { status: 400 as const, message: "Comment on at least one answer to say what should change." };
    const now = nowIso();
    if (!(await setAssessmentStatus(trx, id.org.id, assessmentId, ["submitted"], "changes_requested", { changes_requested_at: now }))) {
      return { status: 409 as const, message: "Only a submitted questionnaire can be sent back." };
    }
    await releaseOpenReviewComments(trx, assessmentId, now);
    const invite = await currentInvite(trx, id.org.id, assessmentId);
    if (invite) {
      await enqueueMail(trx, {
        orgId: id.org.id,
        kind: "assessment-changes-requested",
        to: invite.email,
        subject: `${id.org.name}: please review ${open.length === 1 ? "one answer" : `${open.length} answers`} of your questionnaire`,
        text: `${id.org.name} reviewed the questionnaire of ${a.supplierName} and asks you to look again at ${open.length === 1 ? "one answer" : `${open.length} answers`}. Open the questionnaire with the link from our invitation: the comments are shown next to the answers. If the link has expired, open it anyway and choose "Send me a new link".\n`,
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
    return { ok: true as const };
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
): Promise<WorkflowError | { ok: true; validUntil: string }> {
  let supplierId = 0;
  const r: WorkflowError | { ok: true; validUntil: string } = await db.transaction().execute(async (trx) => {
    const a = await getAssessment(trx, id.org.id, assessmentId);
    if (!a) return { status: 404 as const, message: "No such assessment" };
    supplierId = a.supplierId;
    // Valid for the tenant's validity period (risk methodology), 12 months by default.
    const until = new Date(now);
    until.setUTCMonth(until.getUTCMonth() + ((await currentMethodology(trx, id.org.id)).config.validityMonths ?? VALID_MONTHS));
    const validUntil = nowIso(until);
    const ok = await setAssessmentStatus(trx, id.org.id, assessmentId, ["submitted"], "approved", {
      approved_at: nowIso(now),
      approved_by: id.user.userId,
      valid_until: validUntil,
    });
    if (!ok) return { status: 409 as const, message: "Only a submitted questionnaire can be approved." };
    await trx
      .updateTable("review_comments")
      .set({ resolved_at: nowIso(now) })
      .where("assessment_id", "=", assessmentId)
      .where("resolved_at", "is", null)
      .execute();
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
    return { ok: true as const, validUntil };
  });
  // The approved answers now drive the supplier's score and its buyers' exposure.
  if ("ok" in r) await scoresChanged(db, id.org.id, `assessment #${assessmentId} approved`, [supplierId], now);
  return r;
}

export { addMinutes };
