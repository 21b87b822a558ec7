// Supplier queries: one supplier, its changes, the list's filters and menus, lookups. Every function
// that reads tenant data is scoped by orgId. The list's pages are in supplier-list.server.ts.
import { sql } from "kysely";
import type { DbOrTrx } from "./types";
import type { SupplierInput, SupplierListQuery } from "~/schemas/supplier";
import { normalizeName } from "~/domain/supply-chain/normalize";
import { nowIso } from "~/lib/time";
import { chunks } from "./chunks";

export interface SupplierRecord extends SupplierInput {
  id: number;
  tier: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

const COLUMNS = [
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
  "tier",
  "version",
  "created_at",
  "updated_at",
] as const;

type Row = {
  id: number;
  external_ref: string | null;
  name: string;
  country: string;
  address: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  sector: string | null;
  annual_spend: number | null;
  currency: string | null;
  workers_count: number | null;
  contact_name: string | null;
  contact_email: string | null;
  os_id: string | null;
  duns: string | null;
  lei: string | null;
  tax_id: string | null;
  notes: string | null;
  status: SupplierInput["status"];
  tier: number | null;
  version: number;
  created_at: string;
  updated_at: string;
};

function toRecord(r: Row, goods: string[]): SupplierRecord {
  return {
    id: r.id,
    externalRef: r.external_ref,
    name: r.name,
    country: r.country,
    address: r.address,
    city: r.city,
    latitude: r.latitude == null ? null : Number(r.latitude),
    longitude: r.longitude == null ? null : Number(r.longitude),
    sector: r.sector,
    goods,
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
    tier: r.tier,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function toColumns(s: SupplierInput) {
  return {
    external_ref: s.externalRef,
    name: s.name,
    name_norm: normalizeName(s.name),
    country: s.country,
    address: s.address,
    city: s.city,
    latitude: s.latitude,
    longitude: s.longitude,
    sector: s.sector,
    annual_spend: s.annualSpend,
    currency: s.currency,
    workers_count: s.workersCount,
    contact_name: s.contactName,
    contact_email: s.contactEmail,
    os_id: s.osId,
    duns: s.duns,
    lei: s.lei,
    tax_id: s.taxId,
    notes: s.notes,
    status: s.status,
  };
}

export async function getSupplier(db: DbOrTrx, orgId: number, id: number): Promise<SupplierRecord | undefined> {
  const row = await db.selectFrom("suppliers").select(COLUMNS).where("org_id", "=", orgId).where("id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  const goods = await db
    .selectFrom("supplier_goods")
    .select("good")
    .where("supplier_id", "=", id)
    .where("org_id", "=", orgId)
    .orderBy("good")
    .execute();
  return toRecord(
    row,
    goods.map((g) => g.good),
  );
}

export async function findSupplierIdByRef(db: DbOrTrx, orgId: number, externalRef: string): Promise<number | undefined> {
  const r = await db
    .selectFrom("suppliers")
    .select("id")
    .where("org_id", "=", orgId)
    .where("external_ref", "=", externalRef)
    .executeTakeFirst();
  return r?.id;
}

export async function insertSupplier(db: DbOrTrx, orgId: number, s: SupplierInput): Promise<number> {
  const now = nowIso();
  const row = await db
    .insertInto("suppliers")
    .values({ org_id: orgId, ...toColumns(s), tier: 1, created_at: now, updated_at: now, version: 1 })
    .returning("id")
    .executeTakeFirstOrThrow();
  await replaceGoods(db, orgId, row.id, s.goods);
  return row.id;
}

/** Optimistic update: succeeds only if the row is still at `version`; returns the new version or null. */
export async function updateSupplierIfVersion(
  db: DbOrTrx,
  orgId: number,
  id: number,
  version: number,
  s: SupplierInput,
): Promise<number | null> {
  const r = await db
    .updateTable("suppliers")
    .set({ ...toColumns(s), updated_at: nowIso(), version: version + 1 })
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return null;
  await replaceGoods(db, orgId, id, s.goods);
  return version + 1;
}

export async function setSupplierStatus(db: DbOrTrx, orgId: number, id: number, status: SupplierInput["status"]): Promise<void> {
  await db
    .updateTable("suppliers")
    .set((eb) => ({ status, updated_at: nowIso(), version: eb("version", "+", 1) }))
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .execute();
}

export async function deleteSupplierRow(db: DbOrTrx, orgId: number, id: number): Promise<void> {
  await db.deleteFrom("suppliers").where("org_id", "=", orgId).where("id", "=", id).execute();
}

async function replaceGoods(db: DbOrTrx, orgId: number, supplierId: number, goods: readonly string[]): Promise<void> {
  await db.deleteFrom("supplier_goods").where("org_id", "=", orgId).where("supplier_id", "=", supplierId).execute();
  if (goods.length) {
    await db
      .insertInto("supplier_goods")
      .values(goods.map((good) => ({ org_id: orgId, supplier_id: supplierId, good })))
      .execute();
  }
}

export async function namesByIds(db: DbOrTrx, orgId: number, ids: readonly number[]) {
  const out = new Map<
    number,
    { id: number; name: string; country: string; tier: number | null; externalRef: string | null; status: string }
  >();
  for (const part of chunks(ids)) {
    const rows = await db
      .selectFrom("suppliers")
      .select(["id", "name", "country", "tier", "external_ref", "status"])
      .where("org_id", "=", orgId)
      .where("id", "in", part)
      .execute();
    for (const r of rows)
      out.set(r.id, { id: r.id, name: r.name, country: r.country, tier: r.tier, externalRef: r.external_ref, status: r.status });
  }
  return out;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export type ListFilters = Omit<SupplierListQuery, "sort" | "dir" | "page" | "size" | "cursor">;

/** The filtered supplier list (no columns, order or paging yet): shared by the page, its count, the export and bulk actions. */
export function supplierListQuery(db: DbOrTrx, orgId: number, f: ListFilters) {
  let q = db.selectFrom("suppliers").where("org_id", "=", orgId);
  if (f.status && f.status !== "all") q = q.where("status", "=", f.status);
  else if (!f.status) q = q.where("status", "!=", "archived");
  if (f.tier) q = q.where("tier", "=", f.tier);
  if (f.country) q = q.where("country", "=", f.country);
  if (f.sector) q = q.where("sector", "=", f.sector);
  if (f.risk === "none") q = q.where("risk_band", "is", null);
  else if (f.risk) q = q.where("risk_band", "=", f.risk);
  if (f.good) {
    const good = f.good;
    q = q.where("id", "in", (eb) =>
      eb.selectFrom("supplier_goods").select("supplier_id").where("org_id", "=", orgId).where("good", "=", good),
    );
  }
  if (f.q) {
    const norm = normalizeName(f.q);
    const ref = f.q.trim();
    q = q.where((eb) =>
      eb.or([...(norm ? [sql<boolean>`name_norm like ${`%${escapeLike(norm)}%`} escape '\\'`] : []), eb("external_ref", "=", ref)]),
    );
  }
  return q;
}

/**
 * The distinct values of an indexed (org_id, column, …) pair, by a "loose index scan": one index
 * probe per distinct value instead of reading all 100,000 entries (SQLite has no skip-scan for
 * DISTINCT; PostgreSQL neither). Runs unchanged on both engines.
 */
async function distinctValues<T extends string | number>(
  db: DbOrTrx,
  table: "suppliers" | "supplier_goods",
  column: "country" | "sector" | "tier" | "good",
  orgId: number,
  limit: number,
): Promise<T[]> {
  const t = sql.table(table);
  const c = sql.ref(column);
  const r = await sql<{ v: T }>`
    with recursive d(v) as (
      select (select min(${c}) from ${t} where org_id = ${orgId})
      union all
      select (select min(${c}) from ${t} where org_id = ${orgId} and ${c} > d.v) from d where d.v is not null
    )
    select v from d where v is not null limit ${limit}`.execute(db);
  return r.rows.map((x) => x.v);
}

/** Options for the list's filter menus. */
export async function filterOptions(db: DbOrTrx, orgId: number) {
  const [countries, sectors, goods, tiers] = await Promise.all([
    distinctValues<string>(db, "suppliers", "country", orgId, 300),
    distinctValues<string>(db, "suppliers", "sector", orgId, 500),
    distinctValues<string>(db, "supplier_goods", "good", orgId, 500),
    distinctValues<number>(db, "suppliers", "tier", orgId, 100),
  ]);
  return { countries, sectors, goods, tiers: tiers.map(Number) };
}

/** Suppliers matching a name or reference, for pickers (link forms). */
export async function searchSuppliers(db: DbOrTrx, orgId: number, text: string, limit = 10) {
  const norm = normalizeName(text);
  if (!norm && !text.trim()) return [];
  return db
    .selectFrom("suppliers")
    .select(["id", "name", "country", "tier", "external_ref"])
    .where("org_id", "=", orgId)
    .where("status", "!=", "archived")
    .where((eb) =>
      eb.or([...(norm ? [sql<boolean>`name_norm like ${`%${escapeLike(norm)}%`} escape '\\'`] : []), eb("external_ref", "=", text.trim())]),
    )
    .orderBy("name_norm")
    .limit(limit)
    .execute();
}

export async function countByTier(db: DbOrTrx, orgId: number) {
  const rows = await db
    .selectFrom("suppliers")
    .select((eb) => ["tier", eb.fn.countAll<number>().as("n")])
    .where("org_id", "=", orgId)
    .where("status", "!=", "archived")
    .groupBy("tier")
    .orderBy("tier")
    .execute();
  return rows.map((r) => ({ tier: r.tier, count: Number(r.n) }));
}

export async function countByCountry(db: DbOrTrx, orgId: number, limit = 10) {
  const rows = await db
    .selectFrom("suppliers")
    .select((eb) => ["country", eb.fn.countAll<number>().as("n")])
    .where("org_id", "=", orgId)
    .where("status", "!=", "archived")
    .groupBy("country")
    .orderBy("n", "desc")
    .orderBy("country")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ country: r.country, count: Number(r.n) }));
}

export async function knownCountries(db: DbOrTrx): Promise<Array<{ iso2: string; name: string }>> {
  return db.selectFrom("countries").select(["iso2", "name"]).orderBy("name").execute();
}

export async function tvpraGoodsNames(db: DbOrTrx): Promise<string[]> {
  const rows = await db.selectFrom("tvpra_goods").select("good").distinct().orderBy("good").execute();
  return rows.map((r) => r.good);
}
