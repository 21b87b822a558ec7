// FROZEN: never edit a migration that has shipped; add a new one instead.
// Supplier registry: CSV imports (kept in the database so any app server can finish them) and the
// column mapping each organization used last; list indexes for 100,000-supplier tenants.
import { type Kysely, type CreateTableBuilder, PostgresAdapter } from "kysely";

type Builder = CreateTableBuilder<string, never>;

function withId(db: Kysely<unknown>, t: Builder): Builder {
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? t.addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : t.addColumn("id", "integer", (c) => c.primaryKey());
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable("supplier_imports"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("filename", "text", (c) => c.notNull())
    .addColumn("size_bytes", "integer", (c) => c.notNull())
    // uploaded → check_queued → checking → checked → commit_queued → committing → committed | failed
    // (a check that finds bad rows ends at "checked" with errors; the file must be fixed and uploaded again)
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("claimed_at", "text") // when a job runner took the queued step; stale claims are retried
    .addColumn("content", "text", (c) => c.notNull()) // the decoded CSV text; cleared after commit
    .addColumn("headers", "text", (c) => c.notNull()) // JSON: the file's column names
    .addColumn("mapping", "text") // JSON: FieldKey | null per column
    .addColumn("preview", "text") // JSON: counts, errors, warnings
    .addColumn("progress_done", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("progress_total", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("result", "text") // JSON: what the commit wrote, or why it failed
    .addColumn("finished_at", "text")
    .execute();
  await db.schema.createIndex("supplier_imports_org_idx").on("supplier_imports").columns(["org_id", "created_at"]).execute();

  await db.schema
    .createTable("import_mappings")
    .addColumn("org_id", "integer", (c) => c.primaryKey().references("organizations.id").onDelete("cascade"))
    .addColumn("mapping", "text", (c) => c.notNull()) // JSON: normalised header → FieldKey | null
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  // The list sorts by name within a status/tier/country filter; these keep deep pages cheap.
  await db.schema.createIndex("suppliers_tier_name_idx").on("suppliers").columns(["org_id", "tier", "name_norm", "status"]).execute();
  await db.schema.createIndex("suppliers_status_name_idx").on("suppliers").columns(["org_id", "status", "name_norm"]).execute();
  await db.schema.createIndex("suppliers_sector_idx").on("suppliers").columns(["org_id", "sector"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("suppliers_sector_idx").execute();
  await db.schema.dropIndex("suppliers_status_name_idx").execute();
  await db.schema.dropIndex("suppliers_tier_name_idx").execute();
  await db.schema.dropTable("import_mappings").execute();
  await db.schema.dropTable("supplier_imports").execute();
}
