// An officer's decisions on a supplier's likely goods (risk model v2): confirming one records it as a
// good of the supplier; rejecting one keeps the rejection with its reason. Scoped by orgId.
import type { DbOrTrx } from "./types";
import { nowIso } from "~/lib/time";

/** Records `good` for the supplier (once) and moves the supplier's version on, so an open edit form sees the change. */
export async function addRecordedGood(db: DbOrTrx, orgId: number, supplierId: number, good: string): Promise<boolean> {
  const has = await db
    .selectFrom("supplier_goods")
    .select("good")
    .where("org_id", "=", orgId)
    .where("supplier_id", "=", supplierId)
    .where("good", "=", good)
    .executeTakeFirst();
  if (has) return false;
  await db.insertInto("supplier_goods").values({ org_id: orgId, supplier_id: supplierId, good }).execute();
  await db
    .updateTable("suppliers")
    .set((eb) => ({ version: eb("version", "+", 1), updated_at: nowIso() }))
    .where("org_id", "=", orgId)
    .where("id", "=", supplierId)
    .execute();
  return true;
}

export async function rejectLikelyGood(
  db: DbOrTrx,
  orgId: number,
  supplierId: number,
  good: string,
  by: { userId: number; label: string },
  reason: string,
): Promise<void> {
  const row = { decision: "rejected" as const, reason, decided_by_user_id: by.userId, decided_by_label: by.label, decided_at: nowIso() };
  await db
    .insertInto("supplier_likely_goods")
    .values({ org_id: orgId, supplier_id: supplierId, good, ...row })
    .onConflict((oc) => oc.columns(["org_id", "supplier_id", "good"]).doUpdateSet(row))
    .execute();
}

/** Forgets a rejection; true when there was one. */
export async function clearLikelyGoodDecision(db: DbOrTrx, orgId: number, supplierId: number, good: string): Promise<boolean> {
  const r = await db
    .deleteFrom("supplier_likely_goods")
    .where("org_id", "=", orgId)
    .where("supplier_id", "=", supplierId)
    .where("good", "=", good)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** The rejections of one supplier, for its page. */
export async function likelyGoodDecisions(db: DbOrTrx, orgId: number, supplierId: number) {
  return db
    .selectFrom("supplier_likely_goods")
    .select(["good", "reason", "decided_by_label", "decided_at"])
    .where("org_id", "=", orgId)
    .where("supplier_id", "=", supplierId)
    .orderBy("good")
    .execute();
}
