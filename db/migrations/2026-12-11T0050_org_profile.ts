// FROZEN: never edit a migration that has shipped; add a new one instead.
// The organisation profile: what a modern-slavery statement needs and no supplier record holds
// (structure, sectors, turnover band, policies and their dates, training given, the entities a
// statement covers). One row per organisation; the lists are one JSON document, validated by the
// app's schema when read (app/domain/org-profile.ts), so a new field needs no migration.
// `version` guards against two people saving over each other.
// PostgreSQL: the table gets the tenant policy of 2026-12-09T0100_row_level_security.
import { type Kysely, PostgresAdapter, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("organization_profiles")
    .addColumn("org_id", "integer", (c) => c.primaryKey().references("organizations.id").onDelete("cascade"))
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table organization_profiles enable row level security`.execute(db);
    await sql`alter table organization_profiles force row level security`.execute(db);
    await sql`create policy tenant on organization_profiles for all using (lantern_is_system() or org_id = lantern_current_org())
      with check (lantern_is_system() or org_id = lantern_current_org())`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("organization_profiles").execute();
}
