// Corrective actions: opened by the red flags of an approved assessment (one per supplier, question
// and ILO indicator until it is verified), or by hand; moved open → in progress → done → verified by
// admins and compliance officers; answered by the supplier from the portal with a note and evidence.
// Every change is checked against the action's version (a stale form is refused as a conflict, never
// a silent overwrite) and audited. What the pages show: action-pages.server.ts; notes and files:
// action-notes.server.ts; the portal view and overdue mails: action-followup.server.ts.
import { addDays } from "~/domain/dates";
import type { Kysely } from "kysely";
import type { ActionStatus, Database } from "~db/types";
import type { OrgIdentity } from "~/lib/auth.server";
import type { SupplierIdentity } from "~/lib/supplier-session.server";
import { can } from "~/domain/permissions";
import { EVIDENCE_LIMITS, loadTemplate, redFlagsOf, type Answers, type QuestionnaireTemplate } from "~/domain/questionnaire";
import { fail, ok, type Failure, type Result } from "~/domain/result";
import { endSentence } from "~/domain/sentence";
import { languageT } from "~/domain/questionnaire/language-texts";
import { nowIso } from "~/lib/time";
import { recordAudit } from "~/models/audit.server";
import { answersOf, getAssessment, getVersionDefinition, reviewCommentOf } from "~/models/assessment.server";
import { getSupplier } from "~/models/supplier.server";
import {
  getAction,
  insertAction,
  possibleOwners,
  unverifiedFlagKeys,
  updateActionIfVersion,
  type ActionChanges,
} from "~/models/action.server";
import { insertActionEvent } from "~/models/action-events.server";
import { verifyRuleRefusal } from "./audit-finding-verify.server";
import { scoresChanged } from "./risk.server";
import type { DbOrTrx } from "~/models/types";
import { DEFAULT_DUE_DAYS, canMove, type NewActionInput } from "~/schemas/action";

type DB = Kysely<Database>;
export type ActionActor = { kind: "officer"; id: OrgIdentity } | { kind: "supplier"; s: SupplierIdentity };

/** Files one note or reply may carry, and files one action may hold in all. */
export const MAX_FILES_PER_ENTRY = 3;
export const MAX_FILES_PER_ACTION = EVIDENCE_LIMITS.maxFilesPerQuestion;
/** What the supplier sees of its actions: not the verified ones (closed for good). */
export const SUPPLIER_VISIBLE: readonly ActionStatus[] = ["open", "in_progress", "done"];

const en = languageT("en");
export const STATUS_WORDS: Record<ActionStatus, string> = { open: "open", in_progress: "in progress", done: "done", verified: "verified" };

/** The message key a stale form's refusal carries (the page offers a reload). */
export const STALE_KEY = "ui.actions.stale";
export const NOT_FOUND: Failure = fail("not_found", "No such action", { messageKey: "ui.error.not_found" });
export const FORBIDDEN: Failure = fail("forbidden", "Your role does not allow changing corrective actions.");

/** The refusal of a change made on an old version (or not found, when the action is gone). */
export function stale(current: { status: ActionStatus; version: number } | undefined): Failure {
  if (!current) return NOT_FOUND;
  return fail(
    "conflict",
    `Someone changed this action while you were looking at it (it is now ${STATUS_WORDS[current.status]}). ` +
      "Nothing was saved: reload the page to see the change, then try again.",
    { messageKey: STALE_KEY },
  );
}

function officerAudit(id: OrgIdentity, ip: string | null) {
  return { orgId: id.org.id, actorUserId: id.user.userId, actorLabel: id.user.email, ip };
}

// ---------------------------------------------------------------------------------------------
// Templates (the one an assessment pins; immutable, so cached)

const templates = new Map<number, QuestionnaireTemplate>();
export async function templateOf(db: DbOrTrx, versionId: number): Promise<QuestionnaireTemplate> {
  let t = templates.get(versionId);
  if (!t) {
    t = loadTemplate(await getVersionDefinition(db, versionId));
    templates.set(versionId, t);
  }
  return t;
}

/** "Retention of identity documents — Who keeps workers' passports, …?" (English, the officers' language). */
export function redFlagTitle(indicator: string, questionKey: string): string {
  const ilo = en(`ilo.${indicator}`);
  const q = en(`q.${questionKey}.text`);
  const title = `${ilo === `ilo.${indicator}` ? indicator : ilo} — ${q === `q.${questionKey}.text` ? questionKey : q}`;
  return title.length > 200 ? `${title.slice(0, 199)}…` : title;
}

// ---------------------------------------------------------------------------------------------
// Opening

async function checkOwner(db: DbOrTrx, orgId: number, ownerUserId: number | null): Promise<Failure | null> {
  if (ownerUserId === null) return null;
  const owners = await possibleOwners(db, orgId);
  return owners.some((o) => o.id === ownerUserId)
    ? null
    : fail("invalid", "Choose an owner from the list: an admin or compliance officer of this organization.", { field: "ownerUserId" });
}

/** A corrective action an officer writes by hand. */
export async function createManualAction(
  db: DB,
  id: OrgIdentity,
  input: NewActionInput,
  ip: string | null,
): Promise<Result<{ actionId: number }>> {
  if (!can(id.role, "actions.edit")) return FORBIDDEN;
  return db.transaction().execute(async (trx): Promise<Result<{ actionId: number }>> => {
    const supplier = await getSupplier(trx, id.org.id, input.supplierId);
    if (!supplier) return fail("invalid", "Choose a supplier of this organization.", { field: "supplierId" });
    if (supplier.status === "archived")
      return fail("invalid", `${supplier.name} is archived. Restore it before opening an action for it.`, { field: "supplierId" });
    const bad = await checkOwner(trx, id.org.id, input.ownerUserId);
    if (bad) return bad;
    // Opened from a review comment: it must be a comment on this supplier's assessment.
    const comment = input.commentId ? await reviewCommentOf(trx, id.org.id, input.commentId) : undefined;
    if (input.commentId && comment?.supplier_id !== supplier.id) {
      return fail("invalid", "That review comment is not about this supplier. Open the action again from the comment.", {
        field: "commentId",
      });
    }
    const at = nowIso();
    const actionId = await insertAction(
      trx,
      id.org.id,
      {
        supplierId: supplier.id,
        assessmentId: comment ? comment.assessment_id : null,
        source: comment ? "review" : "manual",
        questionKey: comment ? comment.question_key : null,
        indicator: null,
        severity: null,
        answer: undefined,
        title: input.title,
        details: input.details,
        ownerUserId: input.ownerUserId,
        dueAt: input.dueAt,
        createdBy: id.user.userId,
      },
      at,
    );
    await insertActionEvent(
      trx,
      id.org.id,
      { actionId, kind: "created", authorUserId: id.user.userId, authorLabel: id.user.email, body: null },
      at,
    );
    await recordAudit(trx, {
      ...officerAudit(id, ip),
      action: "action.created",
      entity: "corrective_action",
      entityId: actionId,
      diff: {
        supplierId: supplier.id,
        title: input.title,
        ownerUserId: input.ownerUserId,
        dueAt: input.dueAt,
        ...(comment ? { reviewCommentId: comment.id } : {}),
      },
    });
    return ok({ actionId });
  });
}

/**
 * Opens one action per red flag raised by the assessment's answers (on the template it pins), unless
 * the supplier already has an action for the same question and indicator that is not verified yet.
 * Runs inside the approval's transaction; the owner is the approving officer. Returns how many opened.
 */
export async function openRedFlagActions(
  trx: DbOrTrx,
  orgId: number,
  assessmentId: number,
  actor: { userId: number | null; label: string },
  now = new Date(),
): Promise<number> {
  const a = await getAssessment(trx, orgId, assessmentId);
  if (!a) return 0;
  const template = await templateOf(trx, a.versionId);
  const answers: Record<string, Answers[string]> = {};
  for (const x of await answersOf(trx, orgId, assessmentId)) answers[x.questionKey] = x.value as Answers[string];
  const flags = redFlagsOf(template, answers);
  if (!flags.length) return 0;
  const taken = await unverifiedFlagKeys(trx, orgId, a.supplierId);
  const at = nowIso(now);
  const dueAt = addDays(now, DEFAULT_DUE_DAYS);
  let opened = 0;
  for (const f of flags) {
    const key = `${f.questionKey}|${f.indicator}`;
    if (taken.has(key)) continue;
    taken.add(key);
    const actionId = await insertAction(
      trx,
      orgId,
      {
        supplierId: a.supplierId,
        assessmentId,
        source: "red_flag",
        questionKey: f.questionKey,
        indicator: f.indicator,
        severity: f.severity,
        answer: f.answer,
        title: redFlagTitle(f.indicator, f.questionKey),
        details: null,
        ownerUserId: actor.userId,
        dueAt,
        createdBy: actor.userId,
      },
      at,
    );
    await insertActionEvent(
      trx,
      orgId,
      {
        actionId,
        kind: "created",
        authorUserId: actor.userId,
        authorLabel: actor.label,
        body: "Opened by a red flag in the supplier's approved assessment.",
      },
      at,
    );
    await recordAudit(trx, {
      orgId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: "action.opened",
      entity: "corrective_action",
      entityId: actionId,
      diff: { assessmentId, supplierId: a.supplierId, questionKey: f.questionKey, indicator: f.indicator, severity: f.severity, dueAt },
    });
    opened++;
  }
  return opened;
}

// ---------------------------------------------------------------------------------------------
// Changing

/** Moves an action along open → in progress → done → verified (done may go back to in progress). */
export async function changeActionStatus(
  db: DB,
  id: OrgIdentity,
  actionId: number,
  input: { version: number; status: ActionStatus; note: string | null },
  ip: string | null,
  now = new Date(),
): Promise<Result<{ version: number }>> {
  if (!can(id.role, "actions.edit")) return FORBIDDEN;
  let fromFinding: number | null = null;
  const r = await db.transaction().execute(async (trx): Promise<Result<{ version: number }>> => {
    const a = await getAction(trx, id.org.id, actionId, now);
    if (!a) return NOT_FOUND;
    if (a.version !== input.version) return stale(a);
    if (a.auditFindingId !== null) fromFinding = a.supplierId;
    if (!canMove(a.status, input.status)) {
      const message =
        a.status === "verified"
          ? "This action is verified: it is closed for good. Open a new action if more is needed."
          : `An action that is ${STATUS_WORDS[a.status]} cannot become ${STATUS_WORDS[input.status]}.`;
      return fail("conflict", message, { field: "status" });
    }
    // An action opened from a wage or hours audit finding needs its records first.
    const refused = input.status === "verified" ? await verifyRuleRefusal(trx, id.org.id, a) : null;
    if (refused) return refused;
    const at = nowIso(now);
    const changes: ActionChanges = { status: input.status };
    if (input.status === "done") changes.done_at = at;
    if (input.status === "in_progress" && a.status === "done") changes.done_at = null;
    if (input.status === "verified") Object.assign(changes, { verified_at: at, verified_by: id.user.userId });
    if (!(await updateActionIfVersion(trx, id.org.id, actionId, input.version, changes, at)))
      return stale(await getAction(trx, id.org.id, actionId, now));
    await insertActionEvent(
      trx,
      id.org.id,
      {
        actionId,
        kind: "status",
        authorUserId: id.user.userId,
        authorLabel: id.user.email,
        body: input.note,
        statusFrom: a.status,
        statusTo: input.status,
      },
      at,
    );
    await recordAudit(trx, {
      ...officerAudit(id, ip),
      action: "action.status_changed",
      entity: "corrective_action",
      entityId: actionId,
      diff: { from: a.status, to: input.status },
    });
    return ok({ version: input.version + 1 });
  });
  // A finding is open until its action is verified: the site's score reads it (site audits).
  if (r.ok && fromFinding !== null) await scoresChanged(db, id.org.id, `action #${actionId} ${input.status}`, [fromFinding], now);
  return r;
}

/** Changes the owner and the due date (a verified action is final). */
export async function updateActionOwnerDue(
  db: DB,
  id: OrgIdentity,
  actionId: number,
  input: { version: number; ownerUserId: number | null; dueAt: string },
  ip: string | null,
): Promise<Result<{ version: number; changed: boolean }>> {
  if (!can(id.role, "actions.edit")) return FORBIDDEN;
  return db.transaction().execute(async (trx): Promise<Result<{ version: number; changed: boolean }>> => {
    const a = await getAction(trx, id.org.id, actionId);
    if (!a) return NOT_FOUND;
    if (a.version !== input.version) return stale(a);
    if (a.status === "verified") return fail("conflict", "This action is verified: it is closed for good and can no longer change.");
    const bad = await checkOwner(trx, id.org.id, input.ownerUserId);
    if (bad) return bad;
    const changes: ActionChanges = {};
    const said: string[] = [];
    const diff: Record<string, unknown> = {};
    if (input.ownerUserId !== a.ownerUserId) {
      changes.owner_user_id = input.ownerUserId;
      // A new owner hears about an overdue action from the next run of the overdue mail.
      changes.overdue_mailed_at = null;
      const name =
        input.ownerUserId === null ? null : ((await possibleOwners(trx, id.org.id)).find((o) => o.id === input.ownerUserId)?.name ?? null);
      said.push(`Owner: ${a.ownerName ?? "nobody"} → ${endSentence(name ?? "nobody")}`);
      diff.owner = { from: a.ownerUserId, to: input.ownerUserId };
    }
    if (input.dueAt !== a.dueAt.slice(0, 10)) {
      changes.due_at = input.dueAt;
      changes.overdue_mailed_at = null;
      said.push(`Due date: ${a.dueAt.slice(0, 10)} → ${input.dueAt}.`);
      diff.dueAt = { from: a.dueAt, to: input.dueAt };
    }
    if (!said.length) return ok({ version: a.version, changed: false });
    const at = nowIso();
    if (!(await updateActionIfVersion(trx, id.org.id, actionId, input.version, changes, at)))
      return stale(await getAction(trx, id.org.id, actionId));
    await insertActionEvent(
      trx,
      id.org.id,
      { actionId, kind: "note", authorUserId: id.user.userId, authorLabel: id.user.email, body: said.join(" ") },
      at,
    );
    await recordAudit(trx, { ...officerAudit(id, ip), action: "action.updated", entity: "corrective_action", entityId: actionId, diff });
    return ok({ version: input.version + 1, changed: true });
  });
}
