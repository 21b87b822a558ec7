// Bulk reads and writes for supplier imports: the whole existing supply base of an organization in
// a few queries, and multi-row batched writes (batches of ~500 rows run at raw driver speed).
import type SQLite from "better-sqlite3";
import type { DbOrTrx } from "./types";
import type { ImportRow } from "~/domain/csv/row";
import type { ExistingSupplier } from "~/domain/csv/diff";
import { nowIso } from "~/lib/time";
import { chunks } from "./chunks";
import { nameMatchKey } from "~/domain/csv/match";

export interface ExistingIndex {
  byRef: Map<string, number>;
  /** `${nameMatchKey(nameNorm)}|${country}` → ids (more than one: ambiguous for a file without references). */
  byNameCountry: Map<string, number[]>;
  values: Map<number, ExistingSupplier>;
  links: Array<{ supplierId: number; buyerId: number }>;
  refOf: Map<number, string | null>;
  tierOf: Map<number, number | null>;
}

export async function loadExisting(db: DbOrTrx, orgId: number): Promise<ExistingIndex> {
  const [rows, goods, links] = await Promise.all([
    db
      .selectFrom("suppliers")
      .select([
        "id",
        "external_ref",
        "name",
        "name_norm",
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
        "tier",
      ])
      .where("org_id", "=", orgId)
      .execute(),
    db.selectFrom("supplier_goods").select(["supplier_id", "good"]).where("org_id", "=", orgId).execute(),
    db.selectFrom("supplier_links").select(["supplier_id", "buyer_id"]).where("org_id", "=", orgId).execute(),
  ]);
  const byRef = new Map<string, number>();
  const byNameCountry = new Map<string, number[]>();
  const values = new Map<number, ExistingSupplier>();
  const refOf = new Map<number, string | null>();
  const tierOf = new Map<number, number | null>();
  const goodsOf = new Map<number, string[]>();
  for (const g of goods) {
    const list = goodsOf.get(g.supplier_id);
    if (list) list.push(g.good);
    else goodsOf.set(g.supplier_id, [g.good]);
  }
  for (const r of rows) {
    refOf.set(r.id, r.external_ref);
    tierOf.set(r.id, r.tier);
  }
  const buyersOf = new Map<number, string[]>();
  for (const l of links) {
    const ref = refOf.get(l.buyer_id);
    if (ref == null) continue;
    const list = buyersOf.get(l.supplier_id);
    if (list) list.push(ref);
    else buyersOf.set(l.supplier_id, [ref]);
  }
  for (const r of rows) {
    if (r.external_ref) byRef.set(r.external_ref, r.id);
    const k = `${nameMatchKey(r.name_norm)}|${r.country}`;
    const list = byNameCountry.get(k);
    if (list) list.push(r.id);
    else byNameCountry.set(k, [r.id]);
    values.set(r.id, {
      externalRef: r.external_ref,
      name: r.name,
      nameNorm: r.name_norm,
      country: r.country,
      address: r.address,
      city: r.city,
      latitude: r.latitude == null ? null : Number(r.latitude),
      longitude: r.longitude == null ? null : Number(r.longitude),
      sector: r.sector,
      goods: goodsOf.get(r.id) ?? [],
      annualSpend: r.annual_spend == null ? null : Number(r.annual_spend),
      currency: r.currency,
      workersCount: r.workers_count,
      contactName: r.contact_name,
      contactEmail: r.contact_email,
      osId: r.os_id,
      duns: r.duns,
      lei: r.lei,
      taxId: r.tax_id,
      notes: r.notes,
      status: r.status,
      suppliesTo: buyersOf.get(r.id) ?? [],
    });
  }
  return { byRef, byNameCountry, values, links: links.map((l) => ({ supplierId: l.supplier_id, buyerId: l.buyer_id })), refOf, tierOf };
}

const BATCH = 500;

function columnsOf(r: ImportRow) {
  return {
    external_ref: r.externalRef,
    name: r.name,
    name_norm: r.nameNorm,
    country: r.country,
    address: r.address,
    city: r.city,
    latitude: r.latitude,
    longitude: r.longitude,
    sector: r.sector,
    annual_spend: r.annualSpend,
    currency: r.currency,
    workers_count: r.workersCount,
    contact_name: r.contactName,
    contact_email: r.contactEmail,
    os_id: r.osId,
    duns: r.duns,
    lei: r.lei,
    tax_id: r.taxId,
    notes: r.notes,
    status: r.status,
  };
}

/**
 * Where bulk writes go: the open transaction, and on SQLite also the raw better-sqlite3 handle of
 * the same (single) connection, for prepared statements that run at the driver's own speed.
 */
export interface BulkTarget {
  trx: DbOrTrx;
  raw?: SQLite.Database;
}

const SUPPLIER_INSERT_COLUMNS = [
  "org_id",
  "external_ref",
  "name",
  "name_norm",
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
  "tier",
  "created_at",
  "updated_at",
  "version",
] as const;

/** Inserts new suppliers with their tiers; returns their ids by import key. */
export async function insertSuppliers(
  t: BulkTarget,
  orgId: number,
  rows: readonly ImportRow[],
  tierOf: (row: ImportRow) => number | null,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const now = nowIso();
  if (t.raw) {
    const stmt = t.raw.prepare(
      `insert into suppliers (${SUPPLIER_INSERT_COLUMNS.join(", ")}) values (${SUPPLIER_INSERT_COLUMNS.map(() => "?").join(", ")})`,
    );
    for (const r of rows) {
      const c = columnsOf(r);
      const info = stmt.run(
        orgId,
        c.external_ref,
        c.name,
        c.name_norm,
        c.country,
        c.address,
        c.city,
        c.latitude,
        c.longitude,
        c.sector,
        c.annual_spend,
        c.currency,
        c.workers_count,
        c.contact_name,
        c.contact_email,
        c.os_id,
        c.duns,
        c.lei,
        c.tax_id,
        c.notes,
        c.status,
        tierOf(r),
        now,
        now,
        1,
      );
      ids.set(r.key, Number(info.lastInsertRowid));
    }
    return ids;
  }
  for (const part of chunks(rows, BATCH)) {
    const out = await t.trx
      .insertInto("suppliers")
      .values(part.map((r) => ({ org_id: orgId, ...columnsOf(r), tier: tierOf(r), created_at: now, updated_at: now, version: 1 })))
      .returning(["id", "external_ref", "name_norm", "country"])
      .execute();
    for (const o of out) ids.set(o.external_ref ?? `n:${o.name_norm}|${o.country}`, o.id);
  }
  return ids;
}

type Columns = ReturnType<typeof columnsOf>;

/** Updates the given columns of existing suppliers (one statement per supplier: changed rows are few). */
export async function updateSuppliers(
  db: DbOrTrx,
  orgId: number,
  updates: ReadonlyArray<{ id: number; set: Partial<Columns> }>,
): Promise<void> {
  const now = nowIso();
  for (const u of updates) {
    await db
      .updateTable("suppliers")
      .set((eb) => ({ ...u.set, updated_at: now, version: eb("version", "+", 1) }))
      .where("org_id", "=", orgId)
      .where("id", "=", u.id)
      .execute();
  }
}

export { columnsOf as importRowColumns };

export async function replaceGoodsBulk(
  t: BulkTarget,
  orgId: number,
  goods: ReadonlyMap<number, readonly string[]>,
  existingIds: readonly number[],
): Promise<void> {
  for (const part of chunks(existingIds)) {
    await t.trx.deleteFrom("supplier_goods").where("org_id", "=", orgId).where("supplier_id", "in", part).execute();
  }
  if (t.raw) {
    const stmt = t.raw.prepare("insert into supplier_goods (org_id, supplier_id, good) values (?, ?, ?)");
    for (const [id, list] of goods) for (const good of list) stmt.run(orgId, id, good);
    return;
  }
  const rows: Array<{ org_id: number; supplier_id: number; good: string }> = [];
  for (const [id, list] of goods) for (const good of list) rows.push({ org_id: orgId, supplier_id: id, good });
  for (const part of chunks(rows, BATCH)) await t.trx.insertInto("supplier_goods").values(part).execute();
}

export async function replaceLinksBulk(
  t: BulkTarget,
  orgId: number,
  clearFrom: readonly number[],
  links: ReadonlyArray<{ supplierId: number; buyerId: number }>,
): Promise<void> {
  for (const part of chunks(clearFrom)) {
    await t.trx.deleteFrom("supplier_links").where("org_id", "=", orgId).where("supplier_id", "in", part).execute();
  }
  const now = nowIso();
  if (t.raw) {
    const stmt = t.raw.prepare("insert into supplier_links (org_id, supplier_id, buyer_id, created_at) values (?, ?, ?, ?)");
    for (const l of links) stmt.run(orgId, l.supplierId, l.buyerId, now);
    return;
  }
  const rows = links.map((l) => ({ org_id: orgId, supplier_id: l.supplierId, buyer_id: l.buyerId, created_at: now }));
  for (const part of chunks(rows, BATCH)) await t.trx.insertInto("supplier_links").values(part).execute();
}

export async function goodsIndexRows(db: DbOrTrx) {
  return db.selectFrom("tvpra_goods").select("good").distinct().execute();
}
