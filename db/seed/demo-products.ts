// Demo products with bills of materials, on Acme's existing suppliers (found by name, so a tenant
// without them, like borealis, gets none). The T-shirt follows garment factory → fabric mill →
// spinning mill → cotton farm, with one lot of raw cotton bought on the spot market, whose trader
// and origin are unknown: the gaps its tracing pack names. The shirt's cotton comes from Xinjiang, so its pack shows the UFLPA region flag.
// Every company here is fictional (demo-data/acme.ts).
import type { Kysely } from "kysely";
import type { Database } from "../types";

interface DemoItem {
  material: string;
  supplier: string | null;
  raw?: { country: string | null; subdivision?: string; region?: string };
  inputs?: DemoItem[];
}

interface DemoProduct {
  name: string;
  sku: string;
  hsCode: string;
  description: string;
  madeBy: string;
  inputs: DemoItem[];
}

export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  {
    name: "Cotton crew-neck T-shirt",
    sku: "TS-CREW-001",
    hsCode: "610910",
    description: "Men's crew-neck T-shirt, 100% cotton single jersey, 160 g/m².",
    madeBy: "Dhaka Knitwear Ltd",
    inputs: [
      {
        material: "Cotton single jersey fabric",
        supplier: "Narayanganj Fabric Mills Ltd",
        inputs: [
          {
            material: "Combed cotton yarn 30s",
            supplier: "Bogura Yarn Mills Ltd",
            inputs: [
              {
                material: "Raw cotton lint",
                supplier: "Mato Grosso Algodão Ltda",
                raw: { country: "BR", subdivision: "BR-MT", region: "Rondonópolis" },
              },
              { material: "Raw cotton lint, spot-market lot", supplier: null, raw: { country: null } },
            ],
          },
        ],
      },
    ],
  },
  {
    name: "Cotton poplin shirt",
    sku: "SH-POP-014",
    hsCode: "620520",
    description: "Men's long-sleeved shirt, 100% cotton poplin.",
    madeBy: "Pearl River Garment Co., Ltd.",
    inputs: [
      {
        material: "Cotton poplin fabric",
        supplier: "Keqiao Textile Co., Ltd.",
        inputs: [
          {
            material: "Cotton yarn 40s",
            supplier: "Aksu Cotton Yarn Co., Ltd.",
            inputs: [
              {
                material: "Raw cotton",
                supplier: "Tarim Basin Cotton Cooperative",
                raw: { country: "CN", subdivision: "CN-XJ", region: "Aksu Prefecture" },
              },
            ],
          },
        ],
      },
    ],
  },
];

/** Adds the demo products to a tenant that has their suppliers; returns how many were added. */
export async function seedDemoProducts(trx: Kysely<Database>, orgId: number, at: string): Promise<number> {
  const rows = await trx.selectFrom("suppliers").select(["id", "name"]).where("org_id", "=", orgId).execute();
  const idOf = new Map(rows.map((r) => [r.name, r.id]));
  let made = 0;
  for (const p of DEMO_PRODUCTS) {
    const names = [p.madeBy, ...namesIn(p.inputs)];
    if (names.some((n) => !idOf.has(n))) continue;
    const { id: productId } = await trx
      .insertInto("products")
      .values({
        org_id: orgId,
        name: p.name,
        sku: p.sku,
        hs_code: p.hsCode,
        description: p.description,
        made_by_supplier_id: idOf.get(p.madeBy)!,
        created_by: null,
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const add = async (items: DemoItem[], parentId: number | null): Promise<void> => {
      for (const it of items) {
        const { id } = await trx
          .insertInto("bom_items")
          .values({
            org_id: orgId,
            product_id: productId,
            parent_id: parentId,
            material: it.material,
            supplier_id: it.supplier === null ? null : idOf.get(it.supplier)!,
            is_raw: it.raw ? 1 : 0,
            origin_country: it.raw?.country ?? null,
            origin_subdivision: it.raw?.subdivision ?? null,
            origin_region: it.raw?.region ?? null,
            created_at: at,
            updated_at: at,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await add(it.inputs ?? [], id);
      }
    };
    await add(p.inputs, null);
    made += 1;
  }
  return made;
}

function namesIn(items: readonly DemoItem[]): string[] {
  return items.flatMap((i) => [...(i.supplier ? [i.supplier] : []), ...namesIn(i.inputs ?? [])]);
}
