// Products and their bills of materials: an officer records a product (name, SKU unique in the
// organisation, HS code, final manufacturer) and the inputs it is made from, each with who supplies
// it, down to raw materials and their origin. Every add, move or removal goes through placeItem()
// (acyclic, at most 10 levels, at most 5,000 items); a supplier that the supplier graph does not
// record as supplying the parent's maker is a warning on the page, never a refusal. Admins and
// compliance officers edit (products.edit); everyone reads (products.view). Every change is audited.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import type { OrgIdentity } from "~/lib/auth.server";
import type { DbOrTrx } from "~/models/types";
import { can } from "~/domain/permissions";
import { fail, ok, type Failure, type Result } from "~/domain/result";
import { placeItem, walk, type BomItem } from "~/domain/tracing/bom";
import { nowIso } from "~/lib/time";
import { recordAudit } from "~/models/audit.server";
import { suppliersOfBuyer } from "~/models/product-pack.server";
import {
  deleteBomItems,
  getProduct,
  insertBomItems,
  insertProduct,
  listBomItems,
  listPacks,
  listProducts,
  skuTaken,
  touchProduct,
  updateBomItem,
  updateProduct,
  type ProductFields,
} from "~/models/product.server";
import { getSupplier } from "~/models/supplier.server";
import type { BomItemInput, ProductInput } from "~/schemas/product";
import { packPreview } from "./tracing-pack.server";

type DB = Kysely<Database>;

const FORBIDDEN: Failure = fail("forbidden", "Your role does not allow changing products.");
const NO_PRODUCT: Failure = fail("not_found", "No such product", { messageKey: "ui.error.not_found" });

function who(id: OrgIdentity, ip: string | null) {
  return { orgId: id.org.id, actorUserId: id.user.userId, actorLabel: id.user.email, ip };
}

export async function productsPage(db: DB, id: OrgIdentity) {
  return { products: await listProducts(db, id.org.id), mayEdit: can(id.role, "products.edit") };
}

async function checkSupplier(db: DbOrTrx, orgId: number, supplierId: number | null, field: string): Promise<Failure | null> {
  if (supplierId === null) return null;
  const s = await getSupplier(db, orgId, supplierId);
  return s ? null : fail("invalid", "That supplier is not in your organisation's list.", { field });
}

async function checkProduct(db: DB, orgId: number, input: ProductInput, exceptId: number | null): Promise<Failure | null> {
  if (await skuTaken(db, orgId, input.sku, exceptId))
    return fail("conflict", `Another product already has SKU ${input.sku}.`, { field: "sku" });
  return checkSupplier(db, orgId, input.madeBy, "madeBy");
}

const fields = (i: ProductInput): ProductFields => ({
  name: i.name,
  sku: i.sku,
  hsCode: i.hsCode,
  description: i.description,
  madeBy: i.madeBy,
});

export async function createProduct(
  db: DB,
  id: OrgIdentity,
  input: ProductInput,
  ip: string | null,
): Promise<Result<{ productId: number }>> {
  if (!can(id.role, "products.edit")) return FORBIDDEN;
  const problem = await checkProduct(db, id.org.id, input, null);
  if (problem) return problem;
  const productId = await db.transaction().execute(async (trx) => {
    const productId = await insertProduct(trx, id.org.id, fields(input), id.user.userId, nowIso());
    await recordAudit(trx, { ...who(id, ip), action: "product.created", entity: "product", entityId: productId, diff: fields(input) });
    return productId;
  });
  return ok({ productId });
}

export async function editProduct(db: DB, id: OrgIdentity, productId: number, input: ProductInput, ip: string | null): Promise<Result> {
  if (!can(id.role, "products.edit")) return FORBIDDEN;
  const before = await getProduct(db, id.org.id, productId);
  if (!before) return NO_PRODUCT;
  if (input.keepMadeBy && input.madeBy === null) input = { ...input, madeBy: before.madeBy };
  const problem = await checkProduct(db, id.org.id, input, productId);
  if (problem) return problem;
  const version = input.version ?? before.version;
  const saved = await db.transaction().execute(async (trx) => {
    if (!(await updateProduct(trx, id.org.id, productId, version, fields(input), nowIso()))) return false;
    await recordAudit(trx, { ...who(id, ip), action: "product.updated", entity: "product", entityId: productId, diff: fields(input) });
    return true;
  });
  if (!saved) return fail("conflict", "Someone else changed this product while you were editing. Reload the page to see their changes.");
  return ok();
}

/** The product page: the product, its BOM in tree order, the pack's preview (origins, flags, warnings, gaps) and the packs made. */
export async function productPage(db: DB, id: OrgIdentity, productId: number) {
  const product = await getProduct(db, id.org.id, productId);
  if (!product) return null;
  const items = await listBomItems(db, id.org.id, productId);
  const [preview, packs, graphSuppliers] = await Promise.all([
    packPreview(db, id, product, items),
    listPacks(db, id.org.id, productId),
    product.madeBy === null ? [] : suppliersOfBuyer(db, id.org.id, product.madeBy),
  ]);
  const names = new Map(preview.suppliers.map((s) => [s.id, s.name]));
  const tree = walk(items).map(({ item, level }) => ({
    ...item,
    level,
    supplierName: item.supplierId === null ? null : (names.get(item.supplierId) ?? `supplier #${item.supplierId}`),
  }));
  // The suppliers an input's form offers first: the chain's own, then who supplies the final manufacturer.
  const choices = new Map<number, string>();
  for (const s of preview.suppliers) choices.set(s.id, `${s.name} (${s.countryLabel})`);
  for (const s of graphSuppliers) if (!choices.has(s.id)) choices.set(s.id, `${s.name} (${s.country})`);
  return {
    product,
    tree,
    preview,
    packs,
    supplierChoices: [...choices].map(([value, label]) => ({ value, label })),
    mayEdit: can(id.role, "products.edit"),
  };
}

export type ProductPageData = NonNullable<Awaited<ReturnType<typeof productPage>>>;

async function itemProblem(
  db: DbOrTrx,
  id: OrgIdentity,
  items: BomItem[],
  itemId: number | null,
  input: BomItemInput,
): Promise<Failure | null> {
  const place = placeItem(items, itemId, input.parentId);
  if (place) return fail("invalid", place.message, { field: place.field });
  if (itemId !== null && input.isRaw && items.some((i) => i.parentId === itemId)) {
    return fail("invalid", "This input has inputs of its own: remove them before marking it a raw material.", { field: "isRaw" });
  }
  return checkSupplier(db, id.org.id, input.supplierId, "supplierId");
}

export async function addBomItem(
  db: DB,
  id: OrgIdentity,
  productId: number,
  input: BomItemInput,
  ip: string | null,
): Promise<Result<{ itemId: number }>> {
  if (!can(id.role, "products.edit")) return FORBIDDEN;
  if (!(await getProduct(db, id.org.id, productId))) return NO_PRODUCT;
  return db.transaction().execute(async (trx): Promise<Result<{ itemId: number }>> => {
    const items = await listBomItems(trx, id.org.id, productId);
    const problem = await itemProblem(trx, id, items, null, input);
    if (problem) return problem;
    const at = nowIso();
    const [itemId] = await insertBomItems(trx, id.org.id, productId, [input], at);
    await touchProduct(trx, id.org.id, productId, at);
    await recordAudit(trx, {
      ...who(id, ip),
      action: "product.bom_item_added",
      entity: "product",
      entityId: productId,
      diff: { itemId, ...input },
    });
    return ok({ itemId: itemId! });
  });
}

export async function editBomItem(
  db: DB,
  id: OrgIdentity,
  productId: number,
  itemId: number,
  input: BomItemInput,
  ip: string | null,
): Promise<Result> {
  if (!can(id.role, "products.edit")) return FORBIDDEN;
  if (!(await getProduct(db, id.org.id, productId))) return NO_PRODUCT;
  return db.transaction().execute(async (trx): Promise<Result> => {
    const items = await listBomItems(trx, id.org.id, productId);
    const before = items.find((i) => i.id === itemId);
    if (!before) return fail("not_found", "That input is no longer in this bill of materials.");
    const problem = await itemProblem(trx, id, items, itemId, input);
    if (problem) return problem;
    const at = nowIso();
    await updateBomItem(trx, id.org.id, productId, itemId, input, at);
    await touchProduct(trx, id.org.id, productId, at);
    await recordAudit(trx, {
      ...who(id, ip),
      action: "product.bom_item_updated",
      entity: "product",
      entityId: productId,
      diff: { itemId, before, after: input },
    });
    return ok();
  });
}

/** Removes an input and everything that goes into it. */
export async function removeBomItem(
  db: DB,
  id: OrgIdentity,
  productId: number,
  itemId: number,
  ip: string | null,
): Promise<Result<{ removed: number }>> {
  if (!can(id.role, "products.edit")) return FORBIDDEN;
  if (!(await getProduct(db, id.org.id, productId))) return NO_PRODUCT;
  return db.transaction().execute(async (trx): Promise<Result<{ removed: number }>> => {
    const items = await listBomItems(trx, id.org.id, productId);
    const item = items.find((i) => i.id === itemId);
    if (!item) return fail("not_found", "That input is no longer in this bill of materials.");
    const ids = new Set([itemId]);
    // Items come in id order, but a moved item can sit under a later one: repeat until nothing is added.
    for (let grew = true; grew;) {
      grew = false;
      for (const i of items) if (i.parentId !== null && ids.has(i.parentId) && !ids.has(i.id)) grew = ids.add(i.id) !== null;
    }
    const removed = await deleteBomItems(trx, id.org.id, productId, [...ids]);
    await touchProduct(trx, id.org.id, productId, nowIso());
    await recordAudit(trx, {
      ...who(id, ip),
      action: "product.bom_item_removed",
      entity: "product",
      entityId: productId,
      diff: { itemId, material: item.material, removed },
    });
    return ok({ removed });
  });
}
