// Corrective actions: the list and its counts, one action, opening and versioned changes, and who
// may own one. Scoped by orgId; the supplier portal reaches them only through the supplier of its
// session's assessment (listForSupplier). The timeline and files: action-events.server.ts; the
// overdue mail's queries: action-overdue.server.ts.
// Due dates are days (yyyy-mm-dd): an action is overdue from the day after its due date while it is
// open or in progress.
import { todayIso } from "~/domain/dates";
import { sql } from "kysely";
import type { ActionSource, ActionStatus, VerifyRule } from "~db/types";
import type { DbOrTrx } from "./types";
import { nowIso } from "~/lib/time";

/** Statuses in which an action still needs work (and can be overdue). */
export const ACTIVE_STATUSES: readonly ActionStatus[] = ["open", "in_progress"];

const today = (now: Date) => todayIso(now);

function isOverdue(status: ActionStatus, dueAt: string, day: string): boolean {
  return ACTIVE_STATUSES.includes(status) && dueAt.slice(0, 10) < day;
}

// Active actions first, then by due date.
const activeFirst = sql<number>`case when ca.status in ('open', 'in_progress') then 0 else 1 end`;

export interface ActionListFilter {
  status?: ActionStatus;
  overdue?: boolean;
  /** A user id, or "none" for actions nobody owns. */
  owner?: number | "none";
  supplierId?: number;
  source?: ActionSource;
  page: number;
  pageSize: number;
}

export interface ActionRow {
  id: number;
  title: string;
  supplierId: number;
  supplierName: string;
  source: ActionSource;
  status: ActionStatus;
  indicator: string | null;
  severity: string | null;
  questionKey: string | null;
  dueAt: string;
  ownerUserId: number | null;
  ownerName: string | null;
  updatedAt: string;
  overdue: boolean;
}

function baseList(db: DbOrTrx, orgId: number) {
  return db
    .selectFrom("corrective_actions as ca")
    .innerJoin("suppliers as s", "s.id", "ca.supplier_id")
    .leftJoin("users as u", "u.id", "ca.owner_user_id")
    .where("ca.org_id", "=", orgId);
}

const LIST_COLUMNS = [
  "ca.id",
  "ca.title",
  "ca.supplier_id as supplierId",
  "s.name as supplierName",
  "ca.source",
  "ca.status",
  "ca.indicator",
  "ca.severity",
  "ca.question_key as questionKey",
  "ca.due_at as dueAt",
  "ca.owner_user_id as ownerUserId",
  "u.name as ownerName",
  "ca.updated_at as updatedAt",
] as const;

/** One page of an organization's actions, filtered, with the total number that match. */
export async function listActions(
  db: DbOrTrx,
  orgId: number,
  f: ActionListFilter,
  now = new Date(),
): Promise<{ rows: ActionRow[]; total: number }> {
  const day = today(now);
  let q = baseList(db, orgId);
  if (f.status) q = q.where("ca.status", "=", f.status);
  if (f.overdue) q = q.where("ca.status", "in", [...ACTIVE_STATUSES]).where("ca.due_at", "<", day);
  if (f.owner === "none") q = q.where("ca.owner_user_id", "is", null);
  else if (f.owner) q = q.where("ca.owner_user_id", "=", f.owner);
  if (f.supplierId) q = q.where("ca.supplier_id", "=", f.supplierId);
  if (f.source) q = q.where("ca.source", "=", f.source);
  const [rows, total] = await Promise.all([
    q
      .select([...LIST_COLUMNS])
      .orderBy(activeFirst)
      .orderBy("ca.due_at")
      .orderBy("ca.id")
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map((r) => ({ ...r, overdue: isOverdue(r.status, r.dueAt, day) })), total: Number(total.n) };
}

/**
 * Every action of one supplier, active first (the supplier page, the portal). `supplierView` leaves out
 * internal actions (opened from a worker's grievance): the supplier must never see them.
 */
export async function listForSupplier(
  db: DbOrTrx,
  orgId: number,
  supplierId: number,
  now = new Date(),
  opts: { supplierView?: boolean } = {},
): Promise<ActionRow[]> {
  const day = today(now);
  const rows = await baseList(db, orgId)
    .where("ca.supplier_id", "=", supplierId)
    .$if(opts.supplierView === true, (q) => q.where("ca.grievance_case_id", "is", null))
    .select([...LIST_COLUMNS])
    .orderBy(activeFirst)
    .orderBy("ca.due_at")
    .orderBy("ca.id")
    .limit(500)
    .execute();
  return rows.map((r) => ({ ...r, overdue: isOverdue(r.status, r.dueAt, day) }));
}

export async function getAction(db: DbOrTrx, orgId: number, id: number, now = new Date()) {
  const r = await db
    .selectFrom("corrective_actions as ca")
    .innerJoin("suppliers as s", "s.id", "ca.supplier_id")
    .leftJoin("users as u", "u.id", "ca.owner_user_id")
    .leftJoin("users as c", "c.id", "ca.created_by")
    .leftJoin("users as v", "v.id", "ca.verified_by")
    .leftJoin("assessments as a", (j) => j.onRef("a.id", "=", "ca.assessment_id").on("a.org_id", "=", orgId))
    .select([
      "ca.id",
      "ca.title",
      "ca.details",
      "ca.supplier_id as supplierId",
      "s.name as supplierName",
      "s.country as supplierCountry",
      "ca.assessment_id as assessmentId",
      "a.version_id as assessmentVersionId",
      "a.status as assessmentStatus",
      "ca.source",
      "ca.question_key as questionKey",
      "ca.indicator",
      "ca.severity",
      "ca.answer",
      "ca.owner_user_id as ownerUserId",
      "u.name as ownerName",
      "u.email as ownerEmail",
      "ca.due_at as dueAt",
      "ca.status",
      "ca.created_at as createdAt",
      "c.name as createdByName",
      "ca.updated_at as updatedAt",
      "ca.done_at as doneAt",
      "ca.verified_at as verifiedAt",
      "v.name as verifiedByName",
      "ca.version",
      "ca.audit_finding_id as auditFindingId",
      "ca.verify_rule as verifyRule",
      "ca.grievance_case_id as grievanceCaseId",
    ])
    .where("ca.org_id", "=", orgId)
    .where("ca.id", "=", id)
    .executeTakeFirst();
  if (!r) return undefined;
  return { ...r, answer: r.answer == null ? null : (JSON.parse(r.answer) as unknown), overdue: isOverdue(r.status, r.dueAt, today(now)) };
}
export type ActionRecord = NonNullable<Awaited<ReturnType<typeof getAction>>>;

export interface ActionCounts {
  open: number;
  inProgress: number;
  done: number;
  verified: number;
  overdue: number;
  /** Actions still needing work (open or in progress) by where they came from. */
  bySource: Record<ActionSource, number>;
}

/** The numbers a dashboard shows about an organization's actions. */
export async function actionCounts(db: DbOrTrx, orgId: number, now: Date = new Date()): Promise<ActionCounts> {
  const day = today(now);
  const rows = await db
    .selectFrom("corrective_actions")
    .select((eb) => [
      "status",
      "source",
      eb.fn.countAll<number>().as("n"),
      eb.fn.sum<number>(sql<number>`case when due_at < ${day} then 1 else 0 end`).as("late"),
    ])
    .where("org_id", "=", orgId)
    .groupBy(["status", "source"])
    .execute();
  const out: ActionCounts = { open: 0, inProgress: 0, done: 0, verified: 0, overdue: 0, bySource: { red_flag: 0, review: 0, manual: 0 } };
  for (const r of rows) {
    const n = Number(r.n);
    if (r.status === "open") out.open += n;
    else if (r.status === "in_progress") out.inProgress += n;
    else if (r.status === "done") out.done += n;
    else out.verified += n;
    if (ACTIVE_STATUSES.includes(r.status)) {
      out.overdue += Number(r.late ?? 0);
      out.bySource[r.source] += n;
    }
  }
  return out;
}

/** "question_key|indicator" of a supplier's red-flag actions that are not verified yet. */
export async function unverifiedFlagKeys(db: DbOrTrx, orgId: number, supplierId: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom("corrective_actions")
    .select(["question_key", "indicator"])
    .where("org_id", "=", orgId)
    .where("supplier_id", "=", supplierId)
    .where("status", "!=", "verified")
    .where("question_key", "is not", null)
    .execute();
  return new Set(rows.map((r) => `${r.question_key}|${r.indicator ?? ""}`));
}

export interface NewAction {
  supplierId: number;
  assessmentId: number | null;
  source: ActionSource;
  questionKey: string | null;
  indicator: string | null;
  severity: string | null;
  answer: unknown;
  title: string;
  details: string | null;
  ownerUserId: number | null;
  dueAt: string;
  createdBy: number | null;
  /** Opened from an audit finding (site-audits.server.ts), and the rule it must meet before "verified". */
  auditFindingId?: number | null;
  verifyRule?: VerifyRule | null;
  /** Set: an internal action opened from this grievance case (never shown to the supplier). */
  grievanceCaseId?: number | null;
}

export async function insertAction(db: DbOrTrx, orgId: number, a: NewAction, at: string = nowIso()): Promise<number> {
  const r = await db
    .insertInto("corrective_actions")
    .values({
      org_id: orgId,
      supplier_id: a.supplierId,
      assessment_id: a.assessmentId,
      source: a.source,
      question_key: a.questionKey,
      indicator: a.indicator,
      severity: a.severity,
      answer: a.answer === undefined ? null : JSON.stringify(a.answer),
      title: a.title,
      details: a.details,
      owner_user_id: a.ownerUserId,
      due_at: a.dueAt,
      status: "open",
      created_by: a.createdBy,
      grievance_case_id: a.grievanceCaseId ?? null,
      created_at: at,
      updated_at: at,
      audit_finding_id: a.auditFindingId ?? null,
      verify_rule: a.verifyRule ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return r.id;
}

export interface ActionChanges {
  status?: ActionStatus;
  owner_user_id?: number | null;
  due_at?: string;
  done_at?: string | null;
  verified_at?: string | null;
  verified_by?: number | null;
  overdue_mailed_at?: string | null;
}

/**
 * Applies changes made on `version` (and bumps it); false when someone changed the action in between.
 * Every change, a note included, moves the version on: a form loaded before it is stale.
 */
export async function updateActionIfVersion(
  db: DbOrTrx,
  orgId: number,
  id: number,
  version: number,
  changes: ActionChanges,
  at: string = nowIso(),
): Promise<boolean> {
  const r = await db
    .updateTable("corrective_actions")
    .set((eb) => ({ ...changes, updated_at: at, version: eb("version", "+", 1) }))
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Members who may own an action (their role can change actions), by name. */
export async function possibleOwners(db: DbOrTrx, orgId: number) {
  return db
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.id", "u.name", "u.email", "m.role"])
    .where("m.org_id", "=", orgId)
    .where("m.role", "in", ["admin", "compliance"])
    .orderBy("u.name")
    .orderBy("u.id")
    .execute();
}

export async function orgById(db: DbOrTrx, orgId: number) {
  return db.selectFrom("organizations").select(["id", "slug", "name"]).where("id", "=", orgId).executeTakeFirst();
}
