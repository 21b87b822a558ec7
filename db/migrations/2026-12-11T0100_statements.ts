// FROZEN: never edit a migration that has shipped; add a new one instead.
// Yearly modern-slavery statements and due-diligence reports, drafted from the tenant's data:
// - statements: one document of one template (law + version) for one reporting year; the section
//   texts (JSON, figure tokens inside), status draft → approved → published, the board approval
//   (who, title, approving body, date, who recorded it), and at approval the figures frozen as JSON;
// - statement_revisions: every save of the texts, kept ("versions are kept");
// - statement_snapshot_rows: at approval, the rows of every list a figure counts (suppliers,
//   assessments, actions, audits), copied by INSERT … SELECT so approval stays fast at 100,000
//   suppliers; a figure's link then opens these rows, so later changes never rewrite the statement.
// PostgreSQL: every table gets the tenant policy of 2026-12-09T0100_row_level_security.
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

const TABLES = ["statements", "statement_revisions", "statement_snapshot_rows"];

export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable("statements"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("template_key", "text", (c) => c.notNull())
    .addColumn("template_version", "integer", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("period_from", "text", (c) => c.notNull())
    .addColumn("period_to", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('draft', 'approved', 'published')`))
    .addColumn("sections", "text", (c) => c.notNull())
    .addColumn("figures", "text")
    .addColumn("approver_name", "text")
    .addColumn("approver_title", "text")
    .addColumn("approving_body", "text")
    .addColumn("approved_on", "text")
    .addColumn("approval_recorded_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("approval_recorded_at", "text")
    .addColumn("published_at", "text")
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("statements_org_idx").on("statements").columns(["org_id", "template_key", "year"]).execute();

  await withId(db, db.schema.createTable("statement_revisions"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("statement_id", "integer", (c) => c.notNull().references("statements.id").onDelete("cascade"))
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("sections", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_by_label", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("statement_revisions_idx")
    .on("statement_revisions")
    .columns(["org_id", "statement_id", "revision"])
    .unique()
    .execute();

  await withId(db, db.schema.createTable("statement_snapshot_rows"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("statement_id", "integer", (c) => c.notNull().references("statements.id").onDelete("cascade"))
    .addColumn("list", "text", (c) => c.notNull())
    .addColumn("ref_id", "integer", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("country", "text")
    .addColumn("tier", "integer")
    .addColumn("status", "text")
    .addColumn("detail", "text")
    .addColumn("day", "text")
    .execute();
  await db.schema
    .createIndex("statement_snapshot_rows_idx")
    .on("statement_snapshot_rows")
    .columns(["org_id", "statement_id", "list", "id"])
    .execute();

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
  for (const t of ["statement_snapshot_rows", "statement_revisions", "statements"]) await db.schema.dropTable(t).execute();
}
