// Officers' side of worker voice: the case list, one case's page, and what officers do to a case
// (triage, assignment, status with its deadlines, notes, replies to the reporter, remedies, redaction,
// the retaliation follow-up). Only admins and compliance officers reach any of it (grievances.handle).
// A case that becomes substantiated, or stops being so, recomputes the supplier's score; substantiating
// may open an internal corrective action, which the supplier never sees (grievance_case_id).
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import { fail, ok, type Result } from "~/domain/result";
import { addDays } from "~/domain/dates";
import { CATEGORY_INDICATOR, CATEGORY_LABELS, REMEDY_LABELS, isCategory } from "~/domain/voice/categories";
import {
  FLAG_STATUSES,
  OPEN_STATUSES,
  STATUS_LABELS,
  caseTimers,
  deleteAfter,
  followupDue,
  isCaseStatus,
  mayMove,
  nextStatuses,
  type CaseStatus,
} from "~/domain/voice/case-status";
import type { OrgIdentity } from "~/lib/auth.server";
import { nowIso } from "~/lib/time";
import type { CaseActionInput } from "~/schemas/voice";
import { recordAudit } from "~/models/audit.server";
import { insertAction, possibleOwners } from "~/models/action.server";
import {
  actionsOfCase,
  deleteExpiredCases,
  getCase,
  insertMessage,
  insertNote,
  insertRemedy,
  listCases,
  messagesOf,
  notesOf,
  redactCaseTexts,
  remediesOf,
  repeatsOf,
  updateCaseIfVersion,
  type CaseChanges,
  type CaseRecord,
  type CaseFilter,
} from "~/models/grievance.server";
import { retentionYears } from "~/models/voice-settings.server";
import { scoresChanged } from "./risk.server";

type DB = Kysely<Database>;

export const STALE_CASE = "The case was changed by someone else meanwhile. Reload the page to see the latest version.";

export async function grievanceList(db: DB, id: OrgIdentity, f: CaseFilter) {
  const rows = await listCases(db, id.org.id, f, OPEN_STATUSES);
  return rows.map((r) => ({ ...r, repeats: Number(r.repeats ?? 0), statusLabel: labelOf(r.status), categoryLabel: catLabel(r.category) }));
}

function labelOf(status: string): string {
  return isCaseStatus(status) ? STATUS_LABELS[status] : status;
}
function catLabel(category: string): string {
  return isCategory(category) ? CATEGORY_LABELS[category] : category;
}

/** Everything the case page shows, or null when the case is not this organisation's. */
export async function casePage(db: DB, id: OrgIdentity, caseId: number, now = new Date()) {
  const orgId = id.org.id;
  const c = await getCase(db, orgId, caseId);
  if (!c) return null;
  const [messages, notes, remedies, repeats, actions, officers] = await Promise.all([
    messagesOf(db, orgId, caseId),
    notesOf(db, orgId, caseId),
    remediesOf(db, orgId, caseId),
    repeatsOf(db, orgId, caseId),
    actionsOfCase(db, orgId, caseId),
    possibleOwners(db, orgId),
  ]);
  const status = c.status as CaseStatus;
  const indicator = isCategory(c.category) ? CATEGORY_INDICATOR[c.category] : null;
  return {
    case: { ...c, statusLabel: labelOf(c.status), categoryLabel: catLabel(c.category) },
    indicator,
    raisesFlag: FLAG_STATUSES.includes(status) && indicator !== null,
    timers: caseTimers(c, now),
    next: nextStatuses(status).map((s) => ({ value: s, label: STATUS_LABELS[s] })),
    messages,
    notes,
    remedies: remedies.map((r) => ({ ...r, label: REMEDY_LABELS[r.kind as keyof typeof REMEDY_LABELS] ?? r.kind })),
    repeats,
    actions,
    officers: officers.map((o) => ({ id: o.id, name: o.name })),
  };
}

/** One officer action on a case, at the version the page was loaded at (409 when stale). */
export async function actOnCase(
  db: DB,
  id: OrgIdentity,
  caseId: number,
  input: CaseActionInput,
  now = new Date(),
): Promise<Result<string>> {
  const orgId = id.org.id;
  const c = await getCase(db, orgId, caseId);
  if (!c) return fail("not_found", "No such case");
  if (c.version !== input.version) return fail("conflict", STALE_CASE);
  const at = nowIso(now);
  const note = (kind: string, body: string | null) =>
    ({ caseId, kind, authorUserId: id.user.userId, authorLabel: id.user.name || id.user.email, body, at }) as const;
  const plan = await planOf(db, id, c, input, now);
  if (!plan.ok) return plan;
  const { changes, notes, toast, after } = plan.value;
  const done = await db.transaction().execute(async (trx) => {
    if (!(await updateCaseIfVersion(trx, orgId, caseId, c.version, changes))) return false;
    for (const [kind, body] of notes) await insertNote(trx, orgId, note(kind, body));
    if (after) await after(trx);
    await recordAudit(trx, {
      orgId,
      actorUserId: id.user.userId,
      actorLabel: id.user.email,
      action: `grievance.${input.intent}`,
      entity: "grievance_case",
      entityId: caseId,
      // Never the reporter's words: the audit log is read more widely than the case.
      diff: { status: changes.status, category: changes.category, severity: changes.severity },
    });
    return true;
  });
  if (!done) return fail("conflict", STALE_CASE);
  const wasFlag = FLAG_STATUSES.includes(c.status as CaseStatus);
  const isFlag = changes.status ? FLAG_STATUSES.includes(changes.status as CaseStatus) : wasFlag;
  const categoryChanged = changes.category !== undefined && changes.category !== c.category;
  if (wasFlag !== isFlag || (isFlag && categoryChanged)) {
    // The trigger is shown in the score history to every reader of the supplier: no case number in it.
    const trigger = isFlag ? "worker grievance substantiated" : "worker grievance no longer substantiated";
    await scoresChanged(db, orgId, trigger, [c.supplierId], now);
  }
  return ok(toast);
}

interface Plan {
  changes: CaseChanges;
  notes: Array<[string, string | null]>;
  toast: string;
  after?: (trx: DB) => Promise<void>;
}

async function planOf(db: DB, id: OrgIdentity, c: CaseRecord, input: CaseActionInput, now: Date): Promise<Result<Plan>> {
  const orgId = id.org.id;
  const at = nowIso(now);
  switch (input.intent) {
    case "triage":
      return ok({
        changes: { category: input.category, severity: input.severity },
        notes: [["triage", `${CATEGORY_LABELS[input.category]}, severity ${input.severity}`]],
        toast: "Triage saved.",
      });
    case "assign": {
      const assignee = input.assignee === "none" ? null : input.assignee;
      const officers = await possibleOwners(db, orgId);
      const who = officers.find((o) => o.id === assignee);
      if (assignee !== null && !who)
        return fail("invalid", "Choose an admin or compliance officer of this organisation", { field: "assignee" });
      return ok({
        changes: { assignee_user_id: assignee },
        notes: [["assign", who ? `Assigned to ${who.name}` : "Unassigned"]],
        toast: who ? `Assigned to ${who.name}.` : "Nobody is assigned now.",
      });
    }
    case "status":
      return statusPlan(db, id, c, input, now);
    case "note":
      return ok({ changes: {}, notes: [["note", input.body]], toast: "Note added." });
    case "reply":
      return ok({
        changes: {},
        notes: [["reply", null]],
        toast: "Reply sent: the reporter reads it with their case number and passphrase.",
        after: (trx) =>
          insertMessage(trx, orgId, { caseId: c.id, fromReporter: false, authorUserId: id.user.userId, body: input.body, at }),
      });
    case "remedy": {
      const { kind, amount, currency, workers, deliveredOn, evidence } = input;
      if ((amount === null) !== (currency === null))
        return fail("invalid", "Give the amount and its currency together", { field: "currency" });
      const words = [REMEDY_LABELS[kind], amount ? `${amount} ${currency}` : null, workers ? `${workers} workers` : null, deliveredOn];
      return ok({
        changes: {},
        notes: [["remedy", words.filter(Boolean).join(", ")]],
        toast: "Remedy recorded.",
        after: (trx) =>
          insertRemedy(trx, orgId, { caseId: c.id, kind, amount, currency, workers, deliveredOn, evidence, createdBy: id.user.userId, at }),
      });
    }
    case "redact":
      if (c.redactedAt) return fail("conflict", "The case's free text was already removed");
      return ok({
        changes: { details: null, redacted_at: at },
        notes: [["redact", "The reporter's free text was removed from the case and its messages"]],
        toast: "The reporter's free text was removed.",
        after: (trx) => redactCaseTexts(trx, orgId, c.id),
      });
    case "followup":
      if (c.status !== "closed") return fail("invalid", "The retaliation follow-up comes after the case is closed");
      return ok({ changes: { followup_done_at: at }, notes: [["followup", input.note]], toast: "Follow-up recorded." });
  }
}

async function statusPlan(
  db: DB,
  id: OrgIdentity,
  c: CaseRecord,
  input: Extract<CaseActionInput, { intent: "status" }>,
  now: Date,
): Promise<Result<Plan>> {
  const from = c.status as CaseStatus;
  const to = input.to;
  if (!mayMove(from, to))
    return fail("invalid", `A case that is ${STATUS_LABELS[from].toLowerCase()} cannot become ${STATUS_LABELS[to].toLowerCase()}`, {
      field: "to",
    });
  if (to === "remedied" && (await remediesOf(db, id.org.id, c.id)).length === 0)
    return fail("invalid", "Record the remedy given before marking the case remedied", { field: "to" });
  const at = nowIso(now);
  const changes: CaseChanges = { status: to };
  if (to === "acknowledged") changes.acknowledged_at = at;
  if (to === "substantiated" || to === "not_substantiated") changes.decided_at = at;
  if (to === "substantiated") changes.substantiated_at = at;
  // Reopened for investigation: the decision is undone (and with it a substantiation).
  if (to === "investigating") Object.assign(changes, { decided_at: null, substantiated_at: null });
  if (to === "closed") {
    changes.closed_at = at;
    changes.followup_due_at = followupDue(at);
    changes.delete_after = deleteAfter(at, await retentionYears(db, id.org.id));
  }
  if (from === "closed") Object.assign(changes, { closed_at: null, delete_after: null, followup_due_at: null, followup_done_at: null });
  const indicator = isCategory(c.category) ? CATEGORY_INDICATOR[c.category] : null;
  const openAction = to === "substantiated" && input.openAction === "on";
  return ok({
    changes,
    notes: [["status", `${STATUS_LABELS[from]} → ${STATUS_LABELS[to]}${input.note ? `: ${input.note}` : ""}`]],
    toast: `The case is now ${STATUS_LABELS[to].toLowerCase()}.`,
    after: openAction
      ? async (trx) => {
          await insertAction(trx, id.org.id, {
            supplierId: c.supplierId,
            assessmentId: null,
            source: "manual",
            questionKey: null,
            indicator,
            severity: c.severity,
            answer: undefined,
            title: `Worker grievance ${c.caseNumber}: ${catLabel(c.category)}`,
            details: "Internal: opened from a substantiated worker grievance. The supplier does not see this action.",
            ownerUserId: c.assigneeUserId ?? id.user.userId,
            dueAt: addDays(now, 30),
            createdBy: id.user.userId,
            grievanceCaseId: c.id,
          });
        }
      : undefined,
  });
}

/** Deletes closed cases past their organisation's retention (a periodic job, across organisations). */
export async function purgeExpiredGrievances(db: DB, now = new Date()): Promise<number> {
  return deleteExpiredCases(db, nowIso(now));
}
