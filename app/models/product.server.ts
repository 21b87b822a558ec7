// Products, their bill-of-materials items and the tracing packs made for them. Every function is
// scoped by orgId.
import type { DbOrTrx } from "./types";
import type { BomItem } from "~/domain/tracing/bom";
import { chunks } from "./chunks";

export interface ProductRecord {
  id: number;
  name: string;
  sku: string;
  hsCode: string;
  description: string | null;
  madeBy: number | null;
  madeByName: string | null;
  version: number;
  updatedAt: string;
}

export interface ProductFields {
  name: string;
  sku: string;
  hsCode: string;
  description: string | null;
  madeBy: number | null;
}

function productQuery(db: DbOrTrx, orgId: number) {
  return db
    .selectFrom("products as p")
    .leftJoin("suppliers as s", (j) => j.onRef("s.id", "=", "p.made_by_supplier_id").on("s.org_id", "=", orgId))
    .select([
      "p.id",
      "p.name",
      "p.sku",
      "p.hs_code",
      "p.description",
      "p.made_by_supplier_id",
      "s.name as made_by_name",
      "p.version",
      "p.updated_at",
    ])
    .where("p.org_id", "=", orgId);
}

type ProductRow = Awaited<ReturnType<ReturnType<typeof productQuery>["executeTakeFirstOrThrow"]>>;

const toProduct = (r: ProductRow): ProductRecord => ({
  id: r.id,
  name: r.name,
  sku: r.sku,
  hsCode: r.hs_code,
  description: r.description,
  madeBy: r.made_by_supplier_id,
  madeByName: r.made_by_name,
  version: r.version,
  updatedAt: r.updated_at,
});

export async function getProduct(db: DbOrTrx, orgId: number, id: number): Promise<ProductRecord | null> {
  const r = await productQuery(db, orgId).where("p.id", "=", id).executeTakeFirst();
  return r ? toProduct(r) : null;
}

/** Products by name, with how many items their BOM has and when a pack was last made. */
export async function listProducts(db: DbOrTrx, orgId: number, limit = 500) {
  const rows = await productQuery(db, orgId)
    .select((eb) => [
      eb
        .selectFrom("bom_items as b")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("b.product_id", "=", "p.id")
        .where("b.org_id", "=", orgId)
        .as("items"),
      eb
        .selectFrom("product_packs as k")
        .select((e) => e.fn.max("k.created_at").as("at"))
        .whereRef("k.product_id", "=", "p.id")
        .where("k.org_id", "=", orgId)
        .as("last_pack_at"),
    ])
    .orderBy("p.name")
    .orderBy("p.id")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...toProduct(r), items: Number(r.items ?? 0), lastPackAt: (r.last_pack_at as string | null) ?? null }));
}

export async function skuTaken(db: DbOrTrx, orgId: number, sku: string, exceptId: number | null): Promise<boolean> {
  let q = db.selectFrom("products").select("id").where("org_id", "=", orgId).where("sku", "=", sku);
  if (exceptId !== null) q = q.where("id", "!=", exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertProduct(db: DbOrTrx, orgId: number, f: ProductFields, userId: number | null, at: string): Promise<number> {
  const r = await db
    .insertInto("products")
    .values({
      org_id: orgId,
      name: f.name,
      sku: f.sku,
      hs_code: f.hsCode,
      description: f.description,
      made_by_supplier_id: f.madeBy,
      created_by: userId,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Updates a product if it is still at `version`; false when someone else saved first. */
export async function updateProduct(db: DbOrTrx, orgId: number, id: number, version: number, f: ProductFields, at: string) {
  const r = await db
    .updateTable("products")
    .set((eb) => ({
      name: f.name,
      sku: f.sku,
      hs_code: f.hsCode,
      description: f.description,
      made_by_supplier_id: f.madeBy,
      updated_at: at,
      version: eb("version", "+", 1),
    }))
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Marks the product changed (a BOM edit), so the page's version guard sees it. */
export async function touchProduct(db: DbOrTrx, orgId: number, id: number, at: string): Promise<void> {
  await db
    .updateTable("products")
    .set((eb) => ({ updated_at: at, version: eb("version", "+", 1) }))
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .execute();
}

export async function listBomItems(db: DbOrTrx, orgId: number, productId: number): Promise<BomItem[]> {
  const rows = await db
    .selectFrom("bom_items")
    .select(["id", "parent_id", "material", "supplier_id", "is_raw", "origin_country", "origin_subdivision", "origin_region"])
    .where("org_id", "=", orgId)
    .where("product_id", "=", productId)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    material: r.material,
    supplierId: r.supplier_id,
    isRaw: r.is_raw === 1,
    origin: { country: r.origin_country, subdivision: r.origin_subdivision, region: r.origin_region },
  }));
}

export type BomFields = Omit<BomItem, "id">;

function bomColumns(f: BomFields) {
  const raw = f.isRaw;
  return {
    parent_id: f.parentId,
    material: f.material,
    supplier_id: f.supplierId,
    is_raw: raw ? 1 : 0,
    origin_country: raw ? f.origin.country : null,
    origin_subdivision: raw ? f.origin.subdivision : null,
    origin_region: raw ? f.origin.region : null,
  };
}

export async function insertBomItems(db: DbOrTrx, orgId: number, productId: number, items: readonly BomFields[], at: string) {
  const ids: number[] = [];
  for (const f of items) {
    const r = await db
      .insertInto("bom_items")
      .values({ org_id: orgId, product_id: productId, ...bomColumns(f), created_at: at, updated_at: at })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids.push(r.id);
  }
  return ids;
}

export async function updateBomItem(db: DbOrTrx, orgId: number, productId: number, id: number, f: BomFields, at: string) {
  const r = await db
    .updateTable("bom_items")
    .set({ ...bomColumns(f), updated_at: at })
    .where("org_id", "=", orgId)
    .where("product_id", "=", productId)
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Deletes items (an item and its inputs: the caller passes the whole subtree). */
export async function deleteBomItems(db: DbOrTrx, orgId: number, productId: number, ids: readonly number[]): Promise<number> {
  let n = 0;
  for (const part of chunks(ids)) {
    const r = await db
      .deleteFrom("bom_items")
      .where("org_id", "=", orgId)
      .where("product_id", "=", productId)
      .where("id", "in", part)
      .executeTakeFirst();
    n += Number(r.numDeletedRows);
  }
  return n;
}

export async function insertPack(
  db: DbOrTrx,
  orgId: number,
  p: {
    productId: number;
    shipment: { ref: string | null; date: string | null; quantity: string | null } | null;
    zipSha256: string;
    zipSize: number;
    suppliers: number;
    gaps: number;
    userId: number | null;
    userLabel: string;
  },
  at: string,
): Promise<number> {
  const r = await db
    .insertInto("product_packs")
    .values({
      org_id: orgId,
      product_id: p.productId,
      shipment_ref: p.shipment?.ref ?? null,
      shipment_date: p.shipment?.date ?? null,
      quantity: p.shipment?.quantity ?? null,
      zip_sha256: p.zipSha256,
      zip_size: p.zipSize,
      suppliers: p.suppliers,
      gaps: p.gaps,
      created_by: p.userId,
      created_by_label: p.userLabel,
      created_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function listPacks(db: DbOrTrx, orgId: number, productId: number, limit = 20) {
  return db
    .selectFrom("product_packs")
    .select([
      "id",
      "shipment_ref",
      "shipment_date",
      "quantity",
      "zip_sha256",
      "zip_size",
      "suppliers",
      "gaps",
      "created_by_label",
      "created_at",
    ])
    .where("org_id", "=", orgId)
    .where("product_id", "=", productId)
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}
