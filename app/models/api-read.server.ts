// Read models of the REST API beyond suppliers (decision 0013). Corrective actions opened from a
// worker's grievance are internal and never leave through the API; grievances are counted, never listed.
import type { DbOrTrx } from "./types";
import { todayIso as today } from "~/domain/dates";

const ACTION_COLUMNS = [
  "ca.id",
  "ca.title",
  "ca.supplier_id as supplierId",
  "s.name as supplierName",
  "ca.source",
  "ca.status",
  "ca.indicator",
  "ca.severity",
  "ca.due_at as dueAt",
  "ca.created_at as createdAt",
  "ca.updated_at as updatedAt",
] as const;

export interface ApiActionFilter {
  status?: string;
  supplierId?: number;
  afterId?: number;
  limit: number;
}

function actionsBase(db: DbOrTrx, orgId: number) {
  return db
    .selectFrom("corrective_actions as ca")
    .innerJoin("suppliers as s", (j) => j.onRef("s.id", "=", "ca.supplier_id").onRef("s.org_id", "=", "ca.org_id"))
    .select(ACTION_COLUMNS)
    .where("ca.org_id", "=", orgId)
    .where("ca.grievance_case_id", "is", null);
}

function withOverdue<R extends { status: string; dueAt: string }>(r: R, day: string) {
  return { ...r, overdue: (r.status === "open" || r.status === "in_progress") && r.dueAt < day };
}

export async function apiActionRows(db: DbOrTrx, orgId: number, f: ApiActionFilter, now = new Date()) {
  let q = actionsBase(db, orgId);
  if (f.status) q = q.where("ca.status", "=", f.status as never);
  if (f.supplierId) q = q.where("ca.supplier_id", "=", f.supplierId);
  if (f.afterId) q = q.where("ca.id", ">", f.afterId);
  const rows = await q.orderBy("ca.id").limit(f.limit).execute();
  const day = today(now);
  return rows.map((r) => withOverdue(r, day));
}

export async function apiActionRow(db: DbOrTrx, orgId: number, id: number, now = new Date()) {
  const r = await actionsBase(db, orgId).where("ca.id", "=", id).executeTakeFirst();
  return r && withOverdue(r, today(now));
}

/** How many grievance cases, in all and open, per category: numbers only. */
export async function grievanceCountRows(db: DbOrTrx, orgId: number, supplierId?: number) {
  const rows = await db
    .selectFrom("grievance_cases")
    .select(["category", "status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("org_id", "=", orgId)
    .$if(supplierId !== undefined, (q) => q.where("supplier_id", "=", supplierId!))
    .groupBy(["category", "status"])
    .execute();
  return rows.map((r) => ({ category: r.category, status: r.status, count: Number(r.n) }));
}

/** The suppliers a supplier sells to (its buyers) and those that sell to it, at most `limit` each. */
export async function supplyLinksOf(db: DbOrTrx, orgId: number, supplierId: number, limit = 1000) {
  const side = (own: "supplier_id" | "buyer_id", other: "supplier_id" | "buyer_id") =>
    db
      .selectFrom("supplier_links as l")
      .innerJoin("suppliers as s", (j) => j.onRef("s.id", "=", `l.${other}`).onRef("s.org_id", "=", "l.org_id"))
      .select(["s.id", "s.external_ref as externalRef", "s.name", "s.country", "s.tier"])
      .where("l.org_id", "=", orgId)
      .where(`l.${own}`, "=", supplierId)
      .orderBy("s.id")
      .limit(limit)
      .execute();
  const [buyers, suppliers] = await Promise.all([side("supplier_id", "buyer_id"), side("buyer_id", "supplier_id")]);
  return { buyers, suppliers };
}
