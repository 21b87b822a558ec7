// The suppliers the dashboard's map places one by one. Scoped by orgId. Only read when the filter
// matches few suppliers (the roll-up's count says so first), and capped: the map never walks a
// 100,000-supplier tenant; above the cap it draws the roll-up's countries instead.
import type { DbOrTrx } from "./types";
import { supplierCondition, type DashboardFilter } from "./dashboard-query.server";
import type { Band } from "../domain/report/types";

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
