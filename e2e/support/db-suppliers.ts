// The suppliers of the e2e database, read straight from the file (supplier registry, import and map specs).
import { withDb } from "./db";

export interface SupplierRow {
  id: number;
  org_id: number;
  external_ref: string | null;
  name: string;
  country: string;
  address: string | null;
  city: string | null;
  sector: string | null;
  annual_spend: number | null;
  currency: string | null;
  workers_count: number | null;
  notes: string | null;
  status: string;
  tier: number | null;
  version: number;
  updated_at: string;
}

const SUPPLIER_COLUMNS =
  "s.id, s.org_id, s.external_ref, s.name, s.country, s.address, s.city, s.sector, s.annual_spend, s.currency, s.workers_count, " +
  "s.notes, s.status, s.tier, s.version, s.updated_at";

/** The supplier of an organization with exactly this name (the newest one when several), or undefined. */
export function supplierByName(orgSlug: string, name: string): SupplierRow | undefined {
  return withDb(
    (db) =>
      db
        .prepare(
          `SELECT ${SUPPLIER_COLUMNS} FROM suppliers s JOIN organizations o ON o.id = s.org_id
           WHERE o.slug = ? AND s.name = ? ORDER BY s.id DESC LIMIT 1`,
        )
        .get(orgSlug, name) as SupplierRow | undefined,
  );
}

export function supplierById(id: number): SupplierRow | undefined {
  return withDb((db) => db.prepare(`SELECT ${SUPPLIER_COLUMNS} FROM suppliers s WHERE s.id = ?`).get(id) as SupplierRow | undefined);
}

/** The suppliers of an organization whose reference is one of `refs` (any order). */
export function suppliersByRefs(orgSlug: string, refs: readonly string[]): SupplierRow[] {
  if (refs.length === 0) return [];
  return withDb(
    (db) =>
      db
        .prepare(
          `SELECT ${SUPPLIER_COLUMNS} FROM suppliers s JOIN organizations o ON o.id = s.org_id
           WHERE o.slug = ? AND s.external_ref IN (${refs.map(() => "?").join(", ")}) ORDER BY s.external_ref`,
        )
        .all(orgSlug, ...refs) as SupplierRow[],
  );
}

/** The goods recorded for a supplier, sorted. */
export function supplierGoods(supplierId: number): string[] {
  return withDb((db) =>
    (db.prepare("SELECT good FROM supplier_goods WHERE supplier_id = ? ORDER BY good").all(supplierId) as Array<{ good: string }>).map(
      (r) => r.good,
    ),
  );
}

/** The ids of the suppliers `supplierId` supplies (its buyers), sorted. */
export function supplierBuyerIds(supplierId: number): number[] {
  return withDb((db) =>
    (
      db.prepare("SELECT buyer_id FROM supplier_links WHERE supplier_id = ? ORDER BY buyer_id").all(supplierId) as Array<{
        buyer_id: number;
      }>
    ).map((r) => r.buyer_id),
  );
}

/** The links ("supplier supplies buyer") between any two of the given suppliers. */
export function linksAmong(ids: readonly number[]): Array<{ supplierId: number; buyerId: number }> {
  if (ids.length === 0) return [];
  const marks = ids.map(() => "?").join(", ");
  return withDb((db) =>
    (
      db
        .prepare(
          `SELECT supplier_id, buyer_id FROM supplier_links
           WHERE supplier_id IN (${marks}) AND buyer_id IN (${marks}) ORDER BY supplier_id, buyer_id`,
        )
        .all(...ids, ...ids) as Array<{ supplier_id: number; buyer_id: number }>
    ).map((r) => ({ supplierId: r.supplier_id, buyerId: r.buyer_id })),
  );
}

/** How many CSV uploads of an organization were stored under this file name. */
export function importCountByFilename(orgSlug: string, filename: string): number {
  return withDb(
    (db) =>
      (
        db
          .prepare(
            "SELECT COUNT(*) AS n FROM supplier_imports i JOIN organizations o ON o.id = i.org_id WHERE o.slug = ? AND i.filename = ?",
          )
          .get(orgSlug, filename) as { n: number }
      ).n,
  );
}

/** A supplier's position (latitude, longitude) by exact name in an organization, or undefined. */
export function supplierPosition(orgSlug: string, name: string): { latitude: number | null; longitude: number | null } | undefined {
  return withDb(
    (db) =>
      db
        .prepare(
          `SELECT s.latitude, s.longitude FROM suppliers s JOIN organizations o ON o.id = s.org_id
           WHERE o.slug = ? AND s.name = ? ORDER BY s.id DESC LIMIT 1`,
        )
        .get(orgSlug, name) as { latitude: number | null; longitude: number | null } | undefined,
  );
}

/** A supplier's current risk band (null: not scored). */
export function riskBandOf(id: number): string | null {
  return withDb((db) => (db.prepare("SELECT risk_band FROM suppliers WHERE id = ?").get(id) as { risk_band: string | null }).risk_band);
}
