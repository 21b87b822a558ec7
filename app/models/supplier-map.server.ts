// The suppliers the dashboard's map places one by one. Scoped by orgId. Only read for a small
// tenant whose filter matches few suppliers (the roll-up's counts say so first), and capped: in a
// 100,000-supplier tenant even a filter down to 300 suppliers can walk thousands of rows through
// the index of its least selective term (measured: 0.3–0.45 s on SQLite), so there the map draws
// the roll-up's countries instead.
import { sql } from "kysely";
import type { DbOrTrx } from "./types";
import { supplierCondition } from "./dashboard-query.server";
import type { DashboardFilter } from "~/domain/report/types";
import type { Band } from "~/domain/report/types";

export interface MappedSupplierRow {
  id: number;
  name: string;
  country: string;
  latitude: number;
  longitude: number;
  score: number | null;
  band: Band;
}

/** Suppliers matching the dashboard's filter that have coordinates, at most `limit`. */
export async function mappedSuppliers(db: DbOrTrx, orgId: number, f: DashboardFilter, limit: number): Promise<MappedSupplierRow[]> {
  const rows = await db
    .selectFrom("suppliers as s")
    .where(supplierCondition(orgId, f))
    .where("s.latitude", "is not", null)
    .where("s.longitude", "is not", null)
    .select(["s.id", "s.name", "s.country", "s.latitude", "s.longitude", "s.risk_score", "s.risk_band"])
    .orderBy("s.id")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    country: r.country,
    latitude: Number(r.latitude),
    longitude: Number(r.longitude),
    score: r.risk_score == null ? null : Number(r.risk_score),
    band: (r.risk_band ?? "none") as Band,
  }));
}

/** The tenant's non-archived suppliers, from the dashboard's roll-up (a few hundred rows, no pass over suppliers). */
export async function rolledUpSupplierCount(db: DbOrTrx, orgId: number): Promise<number> {
  const r = await db
    .selectFrom("dashboard_cube")
    .select(sql<number>`coalesce(sum(suppliers), 0)`.as("n"))
    .where("org_id", "=", orgId)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}
