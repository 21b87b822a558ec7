// FROZEN: never edit a migration that has shipped; add a new one instead.
// Screening suppliers against regulators' lists.
// - screening_list_entries: global reference data (no org_id, like tvpra_goods), reloaded by the seed:
//   the UFLPA Entity List (partial copy), CBP withhold release orders and findings (partial copy) and
//   the regions regulators single out. `aliases` and `goods` are JSON arrays of strings.
// - screening_matches: a tenant's candidate, confirmed or dismissed matches. `supplier_name` is the
//   supplier's normalised name when it was screened: a dismissal holds for that entry and that name,
//   so a renamed supplier is screened afresh. PostgreSQL: the tenant policy, as every tenant table.
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

export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable("screening_list_entries"))
    .addColumn("list_key", "text", (c) => c.notNull())
    .addColumn("entry_key", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('entity', 'merchandise', 'region')`))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("aliases", "text", (c) => c.notNull())
    .addColumn("country", "text")
    .addColumn("goods", "text", (c) => c.notNull())
    .addColumn("region", "text")
    .addColumn("detail", "text", (c) => c.notNull())
    .addColumn("listed_on", "text")
    .addColumn("source", "text", (c) => c.notNull())
    .addUniqueConstraint("screening_list_entries_key", ["list_key", "entry_key"])
    .execute();

  await withId(db, db.schema.createTable("screening_matches"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("supplier_id", "integer", (c) => c.notNull().references("suppliers.id").onDelete("cascade"))
    .addColumn("list_key", "text", (c) => c.notNull())
    .addColumn("entry_key", "text", (c) => c.notNull())
    .addColumn("entry_name", "text", (c) => c.notNull())
    .addColumn("matched_on", "text", (c) => c.notNull())
    .addColumn("score", "integer", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("supplier_name", "text", (c) => c.notNull())
    .addColumn("list_edition", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('candidate', 'confirmed', 'dismissed')`))
    .addColumn("decided_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("decided_at", "text")
    .addColumn("decision_reason", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint("screening_matches_key", ["org_id", "supplier_id", "list_key", "entry_key", "supplier_name"])
    .execute();
  await db.schema.createIndex("screening_matches_status_idx").on("screening_matches").columns(["org_id", "status", "id"]).execute();

  if (isPg(db)) {
    await sql`alter table screening_matches enable row level security`.execute(db);
    await sql`alter table screening_matches force row level security`.execute(db);
    await sql`create policy tenant on screening_matches for all using (lantern_is_system() or org_id = lantern_current_org())
      with check (lantern_is_system() or org_id = lantern_current_org())`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("screening_matches").execute();
  await db.schema.dropTable("screening_list_entries").execute();
}
