// FROZEN: never edit a migration that has shipped; add a new one instead.
// Worker voice: an anonymous grievance channel per supplier site (a supplier record is one site).
// - voice_channels: the site's public short code (the link and the poster's QR code) and the two
//   languages its poster prints.
// - grievance_cases: one report. Nothing that identifies the reporter is stored: no address, no user
//   agent, no cookie; only a slow hash of the passphrase the reporter was shown once. details_hash
//   groups repeats (same channel, category and text). substantiated_at stays set once a case was
//   found substantiated, so the dashboard counts outcomes after closing; delete_after is set on
//   closing (the organisation's retention, 5 years by default).
// - grievance_messages: the two-way thread with the reporter (replies and added information).
// - grievance_notes: officers' internal notes and the case's history (status, assignment, redaction).
// - grievance_remedies: what was given (fees repaid: amount, currency, workers, date, evidence).
// - corrective_actions.grievance_case_id: an action opened from a case is internal; the supplier
//   portal never shows it (source stays 'manual': the source CHECK cannot change on SQLite).
// - organizations.grievance_retention_years: how long a closed case is kept.
// PostgreSQL: each new table gets the tenant policy of 2026-12-09T0100_row_level_security.
import { type CreateTableBuilder, type Kysely, PostgresAdapter, sql } from "kysely";

type Builder = CreateTableBuilder<string, never>;

function withId(db: Kysely<unknown>, t: Builder): Builder {
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? t.addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : t.addColumn("id", "integer", (c) => c.primaryKey());
}

const TABLES = ["voice_channels", "grievance_cases", "grievance_messages", "grievance_notes", "grievance_remedies"];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("organizations")
    .addColumn("grievance_retention_years", "integer", (c) => c.notNull().defaultTo(5))
    .execute();

  await withId(db, db.schema.createTable("voice_channels"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("supplier_id", "integer", (c) => c.notNull().references("suppliers.id").onDelete("cascade"))
    .addColumn("code", "text", (c) => c.notNull().unique()) // the short public link: /v/<code>
    .addColumn("languages", "text", (c) => c.notNull()) // the poster's two languages, "bn,en"
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("voice_channels_supplier_idx").on("voice_channels").columns(["org_id", "supplier_id"]).execute();

  await withId(db, db.schema.createTable("grievance_cases"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("channel_id", "integer", (c) => c.references("voice_channels.id").onDelete("set null"))
    .addColumn("supplier_id", "integer", (c) => c.notNull().references("suppliers.id").onDelete("cascade"))
    .addColumn("case_number", "text", (c) => c.notNull())
    .addColumn("passphrase_hash", "text", (c) => c.notNull())
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("happened", "text", (c) => c.notNull()) // ongoing | this_week | this_month | this_year | earlier
    .addColumn("details", "text") // null once redacted
    .addColumn("details_hash", "text") // groups repeats
    .addColumn("repeat_of", "integer", (c) => c.references("grievance_cases.id").onDelete("set null"))
    .addColumn("severity", "text") // set at triage: low | medium | high | critical
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("assignee_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("received_at", "text", (c) => c.notNull())
    .addColumn("acknowledged_at", "text")
    .addColumn("decided_at", "text")
    .addColumn("substantiated_at", "text")
    .addColumn("closed_at", "text")
    .addColumn("followup_due_at", "text") // the retaliation check after closing
    .addColumn("followup_done_at", "text")
    .addColumn("delete_after", "text")
    .addColumn("redacted_at", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("grievance_cases_number_idx").on("grievance_cases").columns(["org_id", "case_number"]).unique().execute();
  await db.schema.createIndex("grievance_cases_status_idx").on("grievance_cases").columns(["org_id", "status", "supplier_id"]).execute();
  await db.schema
    .createIndex("grievance_cases_repeat_idx")
    .on("grievance_cases")
    .columns(["org_id", "channel_id", "details_hash"])
    .execute();

  await withId(db, db.schema.createTable("grievance_messages"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("case_id", "integer", (c) => c.notNull().references("grievance_cases.id").onDelete("cascade"))
    .addColumn("from_reporter", "integer", (c) => c.notNull())
    .addColumn("author_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("body", "text") // null once redacted
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("grievance_messages_case_idx").on("grievance_messages").columns(["org_id", "case_id", "id"]).execute();

  await withId(db, db.schema.createTable("grievance_notes"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("case_id", "integer", (c) => c.notNull().references("grievance_cases.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull()) // note | status | triage | assign | redact | remedy | followup
    .addColumn("author_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("author_label", "text", (c) => c.notNull())
    .addColumn("body", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("grievance_notes_case_idx").on("grievance_notes").columns(["org_id", "case_id", "id"]).execute();

  await withId(db, db.schema.createTable("grievance_remedies"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("case_id", "integer", (c) => c.notNull().references("grievance_cases.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull()) // fees_repaid | wages_paid | documents_returned | other
    .addColumn("amount", "text") // a decimal as text: both engines keep it exact
    .addColumn("currency", "text")
    .addColumn("workers", "integer")
    .addColumn("delivered_on", "text", (c) => c.notNull())
    .addColumn("evidence", "text")
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("grievance_remedies_case_idx").on("grievance_remedies").columns(["org_id", "case_id"]).execute();

  await db.schema
    .alterTable("corrective_actions")
    .addColumn("grievance_case_id", "integer", (c) => c.references("grievance_cases.id").onDelete("set null"))
    .execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
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
  await db.schema.alterTable("corrective_actions").dropColumn("grievance_case_id").execute();
  for (const t of [...TABLES].reverse()) await db.schema.dropTable(t).execute();
  await db.schema.alterTable("organizations").dropColumn("grievance_retention_years").execute();
}
