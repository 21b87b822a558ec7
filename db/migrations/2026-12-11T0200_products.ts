// FROZEN: never edit a migration that has shipped; add a new one instead.
// Products and their bills of materials, for product tracing packs (UFLPA detentions, EU Forced
// Labour Regulation). A product has a final manufacturer (a supplier); its bill of materials is a
// tree of items per product: an item is an input (a material, optionally who supplies it; null =
// not known) whose parent item is the input it goes into (null = a direct input of the product).
// Raw materials carry an origin: a country (ISO 3166-1 alpha-2), optionally an ISO 3166-2
// subdivision and a free-text region; all null = origin unknown. The tree's shape (acyclic, depth,
// size) is kept by the app (app/domain/tracing/bom.ts), which also checks each item's supplier
// against supplier_links and warns, never refuses. product_packs records every pack made (who,
// when, the shipment it was for and the ZIP's SHA-256).
// PostgreSQL: each table gets the tenant policy of 2026-12-09T0100_row_level_security.
import { type Kysely, type CreateTableBuilder, PostgresAdapter, sql } from "kysely";

type Builder = CreateTableBuilder<string, never>;

function isPg(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

function withId(db: Kysely<unknown>, t: Builder): Builder {
  return isPg(db)
    ? t.addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : t.addColumn("id", "integer", (c) => c.primaryKey());
}

const TABLES = ["products", "bom_items", "product_packs"];

export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable("products"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("sku", "text", (c) => c.notNull())
    .addColumn("hs_code", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("made_by_supplier_id", "integer", (c) => c.references("suppliers.id").onDelete("set null"))
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint("products_org_sku_uq", ["org_id", "sku"])
    .execute();

  await withId(db, db.schema.createTable("bom_items"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("product_id", "integer", (c) => c.notNull().references("products.id").onDelete("cascade"))
    .addColumn("parent_id", "integer", (c) => c.references("bom_items.id").onDelete("cascade"))
    .addColumn("material", "text", (c) => c.notNull())
    .addColumn("supplier_id", "integer", (c) => c.references("suppliers.id").onDelete("set null"))
    .addColumn("is_raw", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("origin_country", "text")
    .addColumn("origin_subdivision", "text")
    .addColumn("origin_region", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("bom_items_product_idx").on("bom_items").columns(["org_id", "product_id"]).execute();
  await db.schema.createIndex("bom_items_parent_idx").on("bom_items").columns(["parent_id"]).execute();

  await withId(db, db.schema.createTable("product_packs"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("product_id", "integer", (c) => c.notNull().references("products.id").onDelete("cascade"))
    .addColumn("shipment_ref", "text")
    .addColumn("shipment_date", "text")
    .addColumn("quantity", "text")
    .addColumn("zip_sha256", "text", (c) => c.notNull())
    .addColumn("zip_size", "integer", (c) => c.notNull())
    .addColumn("suppliers", "integer", (c) => c.notNull())
    .addColumn("gaps", "integer", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_by_label", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("product_packs_product_idx").on("product_packs").columns(["org_id", "product_id"]).execute();

  if (isPg(db)) {
    for (const t of TABLES) {
      const id = sql.id(t);
      await sql`alter table ${id} enable row level security`.execute(db);
      await sql`alter table ${id} force row level security`.execute(db);
      await sql`create policy tenant on ${id} for all using (lantern_is_system() or org_id = lantern_current_org())
        with check (lantern_is_system() or org_id = lantern_current_org())`.execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["product_packs", "bom_items", "products"]) await db.schema.dropTable(t).execute();
}
