// Review decisions on an assessment (request changes, approve, second approval, reopen), each with
// its reason and what the reviewer acknowledged; the submissions between them (who submitted, and
// whether after a request for changes); and the facts the four-eyes rule reads: the organisation's
// setting and whether a staff user filled in answers on the supplier's behalf.
import type { DecisionKind } from "~db/types";
import type { DbOrTrx } from "./types";
import { nowIso } from "~/lib/time";

export type Acknowledgement = "unresolved_comments" | "severe_flags" | "retracted_flags";

export interface Decision {
  id: number;
  kind: DecisionKind;
  userId: number | null;
  userLabel: string;
  reason: string;
  acknowledged: Acknowledgement[];
  createdAt: string;
}

export async function insertDecision(
  db: DbOrTrx,
  orgId: number,
  assessmentId: number,
  d: { kind: DecisionKind; userId: number; userLabel: string; reason: string; acknowledged: readonly Acknowledgement[] },
): Promise<number> {
  const row = await db
    .insertInto("assessment_decisions")
    .values({
      org_id: orgId,
      assessment_id: assessmentId,
      kind: d.kind,
      user_id: d.userId,
      user_label: d.userLabel,
      reason: d.reason,
      acknowledged: JSON.stringify(d.acknowledged),
      created_at: nowIso(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The decisions on one assessment, oldest first. */
export async function decisionsOf(db: DbOrTrx, orgId: number, assessmentId: number): Promise<Decision[]> {
  const rows = await db
    .selectFrom("assessment_decisions")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("assessment_id", "=", assessmentId)
    .orderBy("id", "asc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    userId: r.user_id,
    userLabel: r.user_label,
    reason: r.reason,
    acknowledged: JSON.parse(r.acknowledged) as Acknowledgement[],
    createdAt: r.created_at,
  }));
}

/**
 * Whether this staff user saved at least one answer of the assessment on the supplier's behalf (with
 * `questionKey`: the answer of that question). An answer and its revisions record their author as the
 * officer's e-mail (a supplier's as "supplier <e-mail>"), and the audit log records the user id of
 * each save: either counts, so a changed e-mail address does not hide an earlier save. Four eyes reads
 * it for approvals, the evidence review for documents.
 */
export async function filledOnBehalf(
  db: DbOrTrx,
  orgId: number,
  assessmentId: number,
  user: { userId: number; email: string },
  questionKey?: string,
): Promise<boolean> {
  const inOrg = db.selectFrom("assessments").select("id").where("org_id", "=", orgId);
  let revisions = db
    .selectFrom("answer_revisions")
    .select("id")
    .where("assessment_id", "=", assessmentId)
    .where("assessment_id", "in", inOrg)
    .where("author", "=", user.email);
  if (questionKey !== undefined) revisions = revisions.where("question_key", "=", questionKey);
  if (await revisions.limit(1).executeTakeFirst()) return true;
  let current = db
    .selectFrom("answers")
    .select("question_key")
    .where("assessment_id", "=", assessmentId)
    .where("assessment_id", "in", inOrg)
    .where("updated_by", "=", user.email);
  if (questionKey !== undefined) current = current.where("question_key", "=", questionKey);
  if (await current.limit(1).executeTakeFirst()) return true;
  const saves = db
    .selectFrom("audit_log")
    .select("diff")
    .where("org_id", "=", orgId)
    .where("actor_user_id", "=", user.userId)
    .where("action", "=", "assessment.answer_saved")
    .where("entity", "=", "assessment")
    .where("entity_id", "=", String(assessmentId));
  if (questionKey === undefined) return Boolean(await saves.limit(1).executeTakeFirst());
  return (await saves.execute()).some((row) => savedQuestion(row.diff) === questionKey);
}

/** The question key an "assessment.answer_saved" audit entry names ({ questionKey, revision }). */
function savedQuestion(diff: string | null): string | null {
  try {
    const d = JSON.parse(diff ?? "null") as { questionKey?: unknown } | null;
    return typeof d?.questionKey === "string" ? d.questionKey : null;
  } catch {
    return null;
  }
}

export async function fourEyesOf(db: DbOrTrx, orgId: number): Promise<boolean> {
  const row = await db.selectFrom("organizations").select("four_eyes").where("id", "=", orgId).executeTakeFirst();
  return row ? Number(row.four_eyes) === 1 : true;
}

export async function setFourEyes(db: DbOrTrx, orgId: number, on: boolean): Promise<void> {
  await db
    .updateTable("organizations")
    .set({ four_eyes: on ? 1 : 0 })
    .where("id", "=", orgId)
    .execute();
}

export interface Submission {
  id: number;
  byLabel: string;
  bySupplier: boolean;
  afterChanges: boolean;
  submittedAt: string;
}

export async function insertSubmission(
  db: DbOrTrx,
  orgId: number,
  assessmentId: number,
  s: { byUserId: number | null; byLabel: string; bySupplier: boolean; afterChanges: boolean; at: string },
): Promise<void> {
  await db
    .insertInto("assessment_submissions")
    .values({
      org_id: orgId,
      assessment_id: assessmentId,
      by_user_id: s.byUserId,
      by_label: s.byLabel,
      by_supplier: s.bySupplier ? 1 : 0,
      after_changes: s.afterChanges ? 1 : 0,
      submitted_at: s.at,
    })
    .execute();
}

/** The submissions of one assessment, oldest first. */
export async function submissionsOf(db: DbOrTrx, orgId: number, assessmentId: number): Promise<Submission[]> {
  const rows = await db
    .selectFrom("assessment_submissions")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("assessment_id", "=", assessmentId)
    .orderBy("id", "asc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    byLabel: r.by_label,
    bySupplier: Number(r.by_supplier) === 1,
    afterChanges: Number(r.after_changes) === 1,
    submittedAt: r.submitted_at,
  }));
}

/** Of these assessments, those whose last decision is a first approval (awaiting a second approver while submitted). */
export async function lastDecisionIsApproval(db: DbOrTrx, orgId: number, assessmentIds: readonly number[]): Promise<Set<number>> {
  if (!assessmentIds.length) return new Set();
  const rows = await db
    .selectFrom("assessment_decisions as d")
    .select(["d.assessment_id", "d.kind"])
    .where("d.org_id", "=", orgId)
    .where("d.assessment_id", "in", [...assessmentIds])
    .where("d.id", "=", (eb) =>
      eb
        .selectFrom("assessment_decisions as l")
        .select((x) => x.fn.max("l.id").as("m"))
        .whereRef("l.assessment_id", "=", "d.assessment_id")
        .where("l.org_id", "=", orgId),
    )
    .execute();
  return new Set(rows.filter((r) => r.kind === "approve").map((r) => r.assessment_id));
}
