// What the score and the dashboard read of grievances: the red flags of substantiated cases, and counts
// (by category, open cases per site, time to acknowledge, remedies delivered). Never the reporter.
import { CATEGORY_INDICATOR, isCategory } from "~/domain/voice/categories";
import { FLAG_STATUSES, OPEN_STATUSES } from "~/domain/voice/case-status";
import type { FlagIndicator } from "~/domain/questionnaire/types";
import { chunks } from "./chunks";
import type { DbOrTrx } from "./types";

export interface GrievanceFlag {
  indicator: FlagIndicator;
  caseNumber: string;
  caseId: number;
}

/**
 * The red flags substantiated grievances raise, per supplier: one per case that is substantiated (or
 * remedied, not yet closed) and whose category maps to an ILO indicator ("fees" → debt_bondage). For
 * the risk inputs; suppliers without such a case are absent from the map.
 */
export async function substantiatedGrievanceFlags(
  db: DbOrTrx,
  orgId: number,
  supplierIds: readonly number[] | "all",
): Promise<Map<number, GrievanceFlag[]>> {
  const out = new Map<number, GrievanceFlag[]>();
  const base = db
    .selectFrom("grievance_cases")
    .select(["id", "supplier_id", "case_number", "category"])
    .where("org_id", "=", orgId)
    .where("status", "in", [...FLAG_STATUSES])
    .orderBy("id");
  // "all" (a full recompute): one statement for the tenant, not one per 500 suppliers.
  for (const ids of supplierIds === "all" ? [null] : chunks([...supplierIds], 500)) {
    const rows = await (ids ? base.where("supplier_id", "in", ids) : base).execute();
    for (const r of rows) {
      const indicator = isCategory(r.category) ? CATEGORY_INDICATOR[r.category] : null;
      if (!indicator) continue;
      const list = out.get(r.supplier_id) ?? [];
      list.push({ indicator, caseNumber: r.case_number, caseId: r.id });
      out.set(r.supplier_id, list);
    }
  }
  return out;
}

/** Cases by category (all time), repeats included: each is a worker's report. */
export async function casesByCategory(db: DbOrTrx, orgId: number) {
  const rows = await db
    .selectFrom("grievance_cases")
    .select(["category", (eb) => eb.fn.countAll<number>().as("n")])
    .where("org_id", "=", orgId)
    .groupBy("category")
    .execute();
  return rows.map((r) => ({ category: r.category, count: Number(r.n) }));
}

/** Open cases per site, most first. */
export async function openCasesBySite(db: DbOrTrx, orgId: number, supplierIds?: readonly number[]) {
  const rows = await db
    .selectFrom("grievance_cases as g")
    .innerJoin("suppliers as s", (j) => j.onRef("s.id", "=", "g.supplier_id").onRef("s.org_id", "=", "g.org_id"))
    .select(["g.supplier_id as supplierId", "s.name as supplierName", (eb) => eb.fn.countAll<number>().as("n")])
    .where("g.org_id", "=", orgId)
    .where("g.status", "in", [...OPEN_STATUSES])
    .$if(supplierIds !== undefined, (q) => q.where("g.supplier_id", "in", supplierIds!.length ? [...supplierIds!] : [-1]))
    .groupBy(["g.supplier_id", "s.name"])
    .orderBy("n", "desc")
    .limit(50)
    .execute();
  return rows.map((r) => ({ supplierId: r.supplierId, supplierName: r.supplierName, count: Number(r.n) }));
}

/** When acknowledged cases were received and acknowledged (the service takes the median). */
export async function acknowledgementTimes(db: DbOrTrx, orgId: number) {
  return db
    .selectFrom("grievance_cases")
    .select(["received_at as receivedAt", "acknowledged_at as acknowledgedAt"])
    .where("org_id", "=", orgId)
    .where("acknowledged_at", "is not", null)
    .orderBy("id", "desc")
    .limit(1000)
    .execute();
}

/** Remedies delivered, per kind: how many, and to how many workers. */
export async function remediesDelivered(db: DbOrTrx, orgId: number) {
  const rows = await db
    .selectFrom("grievance_remedies")
    .select(["kind", (eb) => eb.fn.countAll<number>().as("n"), (eb) => eb.fn.sum<number>("workers").as("workers")])
    .where("org_id", "=", orgId)
    .groupBy("kind")
    .execute();
  return rows.map((r) => ({ kind: r.kind, count: Number(r.n), workers: Number(r.workers ?? 0) }));
}
