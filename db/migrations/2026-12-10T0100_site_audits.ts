// FROZEN: never edit a migration that has shipped; add a new one instead.
// Third-party social audits of a supplier's site (a supplier record is one site): the audit, its
// findings, the findings files checked before they are committed, and the payroll and time records
// attached to a corrective action opened from a wage or hours finding.
//
// corrective_actions.source keeps its CHECK (red_flag | review | manual: altering it on SQLite needs
// a table rebuild); an action opened from a finding says so through audit_finding_id instead, and
// verify_rule names the rule it must meet before "verified" (null | 'records_two_months').
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

const TABLES = ["site_audits", "audit_findings", "audit_finding_imports", "action_records"];

export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable("site_audits"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("supplier_id", "integer", (c) => c.notNull().references("suppliers.id").onDelete("cascade"))
    .addColumn("standard", "text", (c) =>
      c.notNull().check(sql`standard in ('smeta_2', 'smeta_4', 'rba_vap', 'amfori_bsci', 'sa8000', 'other')`),
    )
    .addColumn("standard_other", "text")
    .addColumn("firm", "text", (c) => c.notNull())
    .addColumn("audit_date", "text", (c) => c.notNull())
    .addColumn("audit_type", "text", (c) => c.notNull().check(sql`audit_type in ('announced', 'semi_announced', 'unannounced')`))
    .addColumn("scope", "text")
    .addColumn("result", "text")
    .addColumn("valid_until", "text", (c) => c.notNull())
    .addColumn("report_filename", "text")
    .addColumn("report_mime", "text")
    .addColumn("report_size", "integer")
    .addColumn("report_sha256", "text")
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("site_audits_supplier_idx").on("site_audits").columns(["org_id", "supplier_id", "valid_until"]).execute();

  await withId(db, db.schema.createTable("audit_findings"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("audit_id", "integer", (c) => c.notNull().references("site_audits.id").onDelete("cascade"))
    .addColumn("supplier_id", "integer", (c) => c.notNull().references("suppliers.id").onDelete("cascade"))
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("severity_label", "text", (c) => c.notNull())
    .addColumn("severity", "text", (c) => c.notNull().check(sql`severity in ('critical', 'major', 'minor')`))
    .addColumn("indicator", "text")
    .addColumn("principle", "text")
    .addColumn("recommendation", "text")
    .addColumn("found_on", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("audit_findings_audit_idx").on("audit_findings").columns(["org_id", "audit_id"]).execute();
  await db.schema.createIndex("audit_findings_supplier_idx").on("audit_findings").columns(["org_id", "supplier_id"]).execute();

  await withId(db, db.schema.createTable("audit_finding_imports"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("audit_id", "integer", (c) => c.notNull().references("site_audits.id").onDelete("cascade"))
    .addColumn("filename", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('checked', 'committed', 'discarded')`))
    .addColumn("rows", "text", (c) => c.notNull())
    .addColumn("errors", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("audit_finding_imports_idx").on("audit_finding_imports").columns(["org_id", "audit_id"]).execute();

  await db.schema
    .alterTable("corrective_actions")
    .addColumn("audit_finding_id", "integer", (c) => c.references("audit_findings.id").onDelete("set null"))
    .execute();
  await db.schema.alterTable("corrective_actions").addColumn("verify_rule", "text").execute();
  await db.schema.createIndex("corrective_actions_finding_idx").on("corrective_actions").columns(["org_id", "audit_finding_id"]).execute();

  await withId(db, db.schema.createTable("action_records"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("action_id", "integer", (c) => c.notNull().references("corrective_actions.id").onDelete("cascade"))
    .addColumn("file_id", "integer", (c) => c.notNull().references("action_files.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('payroll', 'time')`))
    .addColumn("month", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("action_records_idx").on("action_records").columns(["org_id", "action_id"]).execute();

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
  await db.schema.dropTable("action_records").execute();
  await db.schema.dropIndex("corrective_actions_finding_idx").execute();
  await db.schema.alterTable("corrective_actions").dropColumn("verify_rule").execute();
  await db.schema.alterTable("corrective_actions").dropColumn("audit_finding_id").execute();
  for (const t of ["audit_finding_imports", "audit_findings", "site_audits"]) await db.schema.dropTable(t).execute();
}
