// Answering a questionnaire (the officer on the supplier's behalf, or the supplier through its link)
// and submitting it. Every answer revision is kept; a save on a stale revision changes nothing.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import { completeness, findQuestion, validateAnswer } from "~/domain/questionnaire";
import { fail, ok, type Result } from "~/domain/result";
import { nowIso } from "~/lib/time";
import { recordAudit } from "~/models/audit.server";
import { answersOf, getAssessment, saveAnswerIfRevision, setAssessmentStatus, type StoredAnswer } from "~/models/assessment.server";
import { listEvidence } from "~/models/evidence.server";
import { insertSubmission } from "~/models/decision.server";
import {
  EDITABLE,
  answersMap,
  attachmentsOf,
  auditActor,
  labelOf,
  orgOf,
  reaches,
  templateOfVersion,
  type Actor,
} from "./assessment-core.server";
import { emitAssessment } from "./webhook-events.server";

type DB = Kysely<Database>;

/** A saved revision; a conflict's `detail` is the answer someone saved in between. */
export type SaveResult = Result<{ revision: number }, StoredAnswer>;
export type MissingItem = ReturnType<typeof completeness>["missingRequired"][number];

const NO_ASSESSMENT = () => fail("not_found", "No such assessment");

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
  if (!reaches(actor, assessmentId)) return NO_ASSESSMENT();
  const orgId = orgOf(actor);
  return db.transaction().execute(async (trx): Promise<SaveResult> => {
    const a = await getAssessment(trx, orgId, assessmentId);
    if (!a) return NO_ASSESSMENT();
    if (!EDITABLE[actor.kind].includes(a.status)) {
      return fail("conflict", "This questionnaire cannot be changed now (it was submitted or approved).", {
        messageKey: "ui.error.readOnly",
      });
    }
    const template = await templateOfVersion(trx, a.versionId);
    const found = findQuestion(template, questionKey);
    if (!found) return fail("not_found", "No such question");
    const checked = validateAnswer(found.question, input.value, { draft: true });
    if (!checked.ok) return fail("invalid", checked.messageKey, { messageKey: checked.messageKey, params: { ...checked.params } });
    // An evidence answer is a list of file ids: each must be a (not deleted) file of THIS assessment,
    // never another assessment's or another tenant's (the id would otherwise be shown and counted).
    if (found.question.type === "evidence" && Array.isArray(checked.value) && checked.value.length) {
      const own = new Set((await listEvidence(trx, orgId, assessmentId)).map((f) => String(f.id)));
      if (!checked.value.every((fileId) => typeof fileId === "string" && own.has(fileId))) {
        return fail("invalid", "ui.validation.files_invalid", { messageKey: "ui.validation.files_invalid", params: {} });
      }
    }
    const comment = input.comment?.trim() ? input.comment.trim().slice(0, 2000) : null;
    const saved = await saveAnswerIfRevision(trx, orgId, assessmentId, questionKey, input.baseRevision, {
      value: checked.value,
      comment,
      author: labelOf(actor),
    });
    if (!saved) return NO_ASSESSMENT();
    if ("conflict" in saved) return fail("conflict", "Someone else saved this answer in the meantime.", { detail: saved.conflict });
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
    return ok(saved);
  });
}

/**
 * Submits complete answers; otherwise an "invalid" failure whose `detail` says exactly what is
 * missing. The questionnaire is then read-only; the submission is recorded for the review's timeline.
 */
export async function submitAssessment(
  db: DB,
  actor: Actor,
  assessmentId: number,
  ip: string | null,
): Promise<Result<undefined, MissingItem[]>> {
  if (!reaches(actor, assessmentId)) return NO_ASSESSMENT();
  const orgId = orgOf(actor);
  return db.transaction().execute(async (trx): Promise<Result<undefined, MissingItem[]>> => {
    const a = await getAssessment(trx, orgId, assessmentId);
    if (!a) return NO_ASSESSMENT();
    if (!EDITABLE[actor.kind].includes(a.status)) return fail("conflict", "This questionnaire was already submitted.");
    const template = await templateOfVersion(trx, a.versionId);
    const { attachments } = await attachmentsOf(trx, orgId, assessmentId, template);
    const c = completeness(template, answersMap(await answersOf(trx, orgId, assessmentId)), attachments);
    if (!c.complete) {
      const n = c.missingRequired.length;
      return fail("invalid", `${n} required ${n === 1 ? "item is" : "items are"} missing.`, { detail: c.missingRequired });
    }
    const at = nowIso();
    await setAssessmentStatus(trx, orgId, assessmentId, EDITABLE[actor.kind], "submitted", { submitted_at: at });
    // The review's timeline shows who submitted, and each resubmission after a request for changes.
    await insertSubmission(trx, orgId, assessmentId, {
      byUserId: actor.kind === "officer" ? actor.id.user.userId : null,
      byLabel: actor.kind === "officer" ? actor.id.user.name || actor.id.user.email : actor.s.email,
      bySupplier: actor.kind === "supplier",
      afterChanges: a.status === "changes_requested",
      at,
    });
    await recordAudit(trx, {
      ...auditActor(actor, ip),
      action: "assessment.submitted",
      entity: "assessment",
      entityId: assessmentId,
      diff: { answered: c.answered, total: c.total },
    });
    await emitAssessment(trx, orgId, "assessment.submitted", { id: assessmentId, supplierId: a.supplierId, by: actor.kind, at });
    return ok();
  });
}
