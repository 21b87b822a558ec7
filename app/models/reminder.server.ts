// Reminder mails for open questionnaires: which assessments may need one, and which were sent.
// The reminder job runs for every organization at once, so `openAssessmentsWithDueDate` reads across
// tenants; each row carries its org_id, and everything the job does with a row is scoped by it.
import type { DbOrTrx } from "./types";

/** Assessments the supplier is still working on that have a due date, in every organization. */
export async function openAssessmentsWithDueDate(db: DbOrTrx) {
  return db
    .selectFrom("assessments as a")
    .innerJoin("organizations as o", "o.id", "a.org_id")
    .innerJoin("suppliers as s", "s.id", "a.supplier_id")
    .select(["a.id", "a.org_id", "a.due_at", "o.name as orgName", "s.name as supplierName"])
    .where("a.status", "in", ["sent", "in_progress", "changes_requested"])
    .where("a.due_at", "is not", null)
    .$narrowType<{ due_at: string }>()
    .execute();
}

function ofOrg(db: DbOrTrx, orgId: number) {
  return db.selectFrom("assessments").select("assessments.id").where("assessments.org_id", "=", orgId);
}

/** Whether this reminder was already sent for the organization's assessment. */
export async function reminderSent(db: DbOrTrx, orgId: number, assessmentId: number, kind: string): Promise<boolean> {
  const r = await db
    .selectFrom("assessment_reminders")
    .select("kind")
    .where("assessment_id", "=", assessmentId)
    .where("assessment_id", "in", ofOrg(db, orgId))
    .where("kind", "=", kind)
    .executeTakeFirst();
  return Boolean(r);
}

/** Records a sent reminder; false (nothing written) when the assessment is not this organization's. */
export async function insertReminder(db: DbOrTrx, orgId: number, assessmentId: number, kind: string, sentAt: string): Promise<boolean> {
  if (!(await ofOrg(db, orgId).where("assessments.id", "=", assessmentId).executeTakeFirst())) return false;
  await db.insertInto("assessment_reminders").values({ assessment_id: assessmentId, kind, sent_at: sentAt }).execute();
  return true;
}
