// Who filled in an assessment's answers on the supplier's behalf: staff of the organisation whose
// e-mail is an answer revision's author, or whose user id the audit log records saving an answer.
// Scoped by orgId.
import type { DbOrTrx } from "./types";

/** The names of the organisation's staff who saved answers of this assessment, sorted. */
export async function staffFillerNames(db: DbOrTrx, orgId: number, assessmentId: number): Promise<string[]> {
  const owned = db.selectFrom("assessments").select("id").where("org_id", "=", orgId).where("id", "=", assessmentId);
  const authors = db.selectFrom("answer_revisions").select("author").where("assessment_id", "in", owned);
  const savers = db
    .selectFrom("audit_log")
    .select("actor_user_id")
    .where("org_id", "=", orgId)
    .where("action", "=", "assessment.answer_saved")
    .where("entity", "=", "assessment")
    .where("entity_id", "=", String(assessmentId));
  const rows = await db
    .selectFrom("users as u")
    .innerJoin("memberships as m", "m.user_id", "u.id")
    .select(["u.name", "u.email"])
    .where("m.org_id", "=", orgId)
    .where((eb) => eb.or([eb("u.email", "in", authors), eb("u.id", "in", savers)]))
    .execute();
  return [...new Set(rows.map((r) => r.name.trim() || r.email))].sort();
}
