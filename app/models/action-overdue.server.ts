// The overdue mail's queries (a scheduled job: it looks across organizations first, then works per
// organization). An action is overdue from the day after its due date while it is open or in progress.
import { todayIso } from "~/domain/dates";
import type { DbOrTrx } from "./types";
import { ACTIVE_STATUSES } from "./action.server";

/** Organizations that have actions past due and still open or in progress (the job's work list). */
export async function orgsWithOverdueActions(db: DbOrTrx, now: Date): Promise<number[]> {
  const rows = await db
    .selectFrom("corrective_actions")
    .select("org_id")
    .distinct()
    .where("status", "in", [...ACTIVE_STATUSES])
    .where("due_at", "<", todayIso(now))
    .execute();
  return rows.map((r) => r.org_id);
}

/**
 * Overdue actions whose owner is (still) a member of the organization and was not mailed about them
 * since `mailedBefore` (never, or at least a reminder interval ago).
 */
export async function overdueActionsToMail(db: DbOrTrx, orgId: number, now: Date, mailedBefore: string) {
  return db
    .selectFrom("corrective_actions as ca")
    .innerJoin("suppliers as s", "s.id", "ca.supplier_id")
    .innerJoin("users as u", "u.id", "ca.owner_user_id")
    .innerJoin("memberships as m", (j) => j.onRef("m.user_id", "=", "ca.owner_user_id").on("m.org_id", "=", orgId))
    .select([
      "ca.id",
      "ca.title",
      "ca.due_at as dueAt",
      "ca.status",
      "s.name as supplierName",
      "u.id as ownerId",
      "u.email as ownerEmail",
      "u.name as ownerName",
    ])
    .where("ca.org_id", "=", orgId)
    .where("ca.status", "in", [...ACTIVE_STATUSES])
    .where("ca.due_at", "<", todayIso(now))
    .where((eb) => eb.or([eb("ca.overdue_mailed_at", "is", null), eb("ca.overdue_mailed_at", "<=", mailedBefore)]))
    .orderBy("u.id")
    .orderBy("ca.due_at")
    .orderBy("ca.id")
    .execute();
}

export async function markOverdueMailed(db: DbOrTrx, orgId: number, ids: readonly number[], at: string): Promise<void> {
  if (!ids.length) return;
  // Not a user's change: the version stays, so nobody's open form turns stale because of a mail.
  await db
    .updateTable("corrective_actions")
    .set({ overdue_mailed_at: at })
    .where("org_id", "=", orgId)
    .where("id", "in", [...ids])
    .execute();
}
