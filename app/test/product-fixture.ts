// A tenant's products for the route sweeps: a product (its name and SKU carry the tenant's marker)
// made by the tenant's supplierId, with one input supplied by supplier2Id and a raw material under it.
import type { Db } from "~db/client";
import type { OrgIdentity } from "~/lib/auth.server";
import { BomItemSchema, ProductSchema } from "~/schemas/product";
import { addBomItem, createProduct } from "~/services/products.server";

export interface ProductFixture {
  productId: number;
  bomItemId: number; // a direct input of productId, supplied by supplier2Id
  rawItemId: number; // a raw material under bomItemId, origin unknown
}

const IP = "192.0.2.31";
const title = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export async function productFixture(
  db: Db,
  admin: OrgIdentity,
  supplierId: number,
  supplier2Id: number,
  marker: string,
): Promise<ProductFixture> {
  const p = ProductSchema.parse({ name: `${title(marker)} T-shirt`, sku: `${marker}-TS-1`, hsCode: "610910", madeBy: String(supplierId) });
  const product = await createProduct(db.db, admin, p, IP);
  if (!product.ok) throw new Error(product.message);
  const productId = product.value.productId;
  const fabric = await addBomItem(
    db.db,
    admin,
    productId,
    BomItemSchema.parse({ material: `${marker} jersey`, supplierId: String(supplier2Id) }),
    IP,
  );
  if (!fabric.ok) throw new Error(fabric.message);
  const raw = BomItemSchema.parse({ material: `${marker} cotton`, parentId: String(fabric.value.itemId), isRaw: "on" });
  const cotton = await addBomItem(db.db, admin, productId, raw, IP);
  if (!cotton.ok) throw new Error(cotton.message);
  return { productId, bomItemId: fabric.value.itemId, rawItemId: cotton.value.itemId };
}
