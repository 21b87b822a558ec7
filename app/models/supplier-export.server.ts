// The supplier list as rows in the import template's column order (SUPPLIER_FIELDS), followed by
// the computed columns the import ignores (EXPORT_ONLY_COLUMNS: risk score and band).
import type { DbOrTrx } from "./types";
import type { SupplierListQuery } from "~/schemas/supplier";
import { supplierListQuery } from "./supplier.server";
import { orderSupplierList } from "./supplier-list.server";

export async function exportSuppliers(db: DbOrTrx, orgId: number, f: SupplierListQuery): Promise<Array<Array<string | number | null>>> {
  // In the list's order (its sort and direction), not by name: the file matches the page it came from.
  const rows = await orderSupplierList(supplierListQuery(db, orgId, f), f.sort, f.dir)
    .select([
      "id",
      "external_ref",
      "name",
      "country",
      "address",
      "city",
      "latitude",
      "longitude",
      "sector",
      "annual_spend",
      "currency",
      "workers_count",
      "contact_name",
      "contact_email",
      "os_id",
      "duns",
      "lei",
      "tax_id",
      "notes",
      "status",
      "risk_score",
      "risk_band",
    ])
    .execute();
  // Goods and buyers for these suppliers, in two queries (not one per row).
  const [goods, buyers] = await Promise.all([
    db.selectFrom("supplier_goods").select(["supplier_id", "good"]).where("org_id", "=", orgId).orderBy("good").execute(),
    db
      .selectFrom("supplier_links as l")
      .innerJoin("suppliers as b", "b.id", "l.buyer_id")
      .select(["l.supplier_id", "b.external_ref"])
      .where("l.org_id", "=", orgId)
      .where("b.external_ref", "is not", null)
      .execute(),
  ]);
  const goodsOf = new Map<number, string[]>();
  for (const g of goods) goodsOf.set(g.supplier_id, [...(goodsOf.get(g.supplier_id) ?? []), g.good]);
  const buyersOf = new Map<number, string[]>();
  for (const b of buyers) buyersOf.set(b.supplier_id, [...(buyersOf.get(b.supplier_id) ?? []), b.external_ref!]);
  return rows.map((r) => [
    r.external_ref,
    r.name,
    r.country,
    r.address,
    r.city,
    r.latitude == null ? null : Number(r.latitude),
    r.longitude == null ? null : Number(r.longitude),
    r.sector,
    (goodsOf.get(r.id) ?? []).join("|"),
    r.annual_spend == null ? null : Number(r.annual_spend),
    r.currency,
    r.workers_count,
    r.contact_name,
    r.contact_email,
    r.os_id,
    r.duns,
    r.lei,
    r.tax_id,
    r.notes,
    r.status,
    (buyersOf.get(r.id) ?? []).join("|"),
    r.risk_score == null ? null : Number(r.risk_score),
    r.risk_band,
  ]);
}
