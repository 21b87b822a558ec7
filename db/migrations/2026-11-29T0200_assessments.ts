// FROZEN: never edit a migration that has shipped; add a new one instead.
// The Athens questionnaire: published template versions (immutable), assessments pinned to one,
// answers with their full revision history, review comments, supplier invite links and the
// scoped sessions they start, and evidence files (stored outside public/, hashed).
import { type Kysely, type CreateTableBuilder, PostgresAdapter, sql } from "kysely";

type Builder = CreateTableBuilder<string, never>;

function withId(db: Kysely<unknown>, t: Builder): Builder {
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? t.addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : t.addColumn("id", "integer", (c) => c.primaryKey());
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable("questionnaire_versions"))
    .addColumn("template_key", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("definition", "text", (c) => c.notNull()) // JSON snapshot of the template: never updated
    .addColumn("published_at", "text", (c) => c.notNull())
    .addUniqueConstraint("questionnaire_versions_uq", ["template_key", "version"])
    .execute();

  await withId(db, db.schema.createTable("assessments"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("supplier_id", "integer", (c) => c.notNull().references("suppliers.id"))
    .addColumn("version_id", "integer", (c) => c.notNull().references("questionnaire_versions.id"))
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status in ('draft','sent','in_progress','submitted','changes_requested','approved')`),
    )
    .addColumn("due_at", "text")
    .addColumn("language", "text", (c) => c.notNull().defaultTo("en"))
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .addColumn("started_at", "text")
    .addColumn("submitted_at", "text")
    .addColumn("changes_requested_at", "text")
    .addColumn("approved_at", "text")
    .addColumn("approved_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("valid_until", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("assessments_org_idx").on("assessments").columns(["org_id", "status", "due_at"]).execute();
  await db.schema.createIndex("assessments_supplier_idx").on("assessments").columns(["org_id", "supplier_id"]).execute();

  await db.schema
    .createTable("answers")
    .addColumn("assessment_id", "integer", (c) => c.notNull().references("assessments.id").onDelete("cascade"))
    .addColumn("question_key", "text", (c) => c.notNull())
    .addColumn("value", "text") // JSON
    .addColumn("comment", "text")
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull()) // who: an officer's email or "supplier <email>"
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("answers_pk", ["assessment_id", "question_key"])
    .execute();

  await withId(db, db.schema.createTable("answer_revisions"))
    .addColumn("assessment_id", "integer", (c) => c.notNull().references("assessments.id").onDelete("cascade"))
    .addColumn("question_key", "text", (c) => c.notNull())
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("value", "text")
    .addColumn("comment", "text")
    .addColumn("author", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("answer_revisions_idx")
    .on("answer_revisions")
    .columns(["assessment_id", "question_key", "revision"])
    .unique()
    .execute();

  await withId(db, db.schema.createTable("review_comments"))
    .addColumn("assessment_id", "integer", (c) => c.notNull().references("assessments.id").onDelete("cascade"))
    .addColumn("question_key", "text", (c) => c.notNull())
    .addColumn("author_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("author_label", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("resolved_at", "text")
    .execute();
  await db.schema.createIndex("review_comments_idx").on("review_comments").columns(["assessment_id", "question_key"]).execute();

  await withId(db, db.schema.createTable("assessment_invites"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("assessment_id", "integer", (c) => c.notNull().references("assessments.id").onDelete("cascade"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text") // by an officer, or by a resend: the link and its sessions end
    .addColumn("superseded_at", "text") // a reminder mailed a fresh link: this one opens no new session
    .addColumn("last_used_at", "text")
    .execute();
  await db.schema.createIndex("assessment_invites_idx").on("assessment_invites").columns(["org_id", "assessment_id"]).execute();

  await db.schema
    .createTable("supplier_sessions")
    .addColumn("id", "text", (c) => c.primaryKey()) // sha256 of the cookie token
    .addColumn("invite_id", "integer", (c) => c.notNull().references("assessment_invites.id").onDelete("cascade"))
    .addColumn("assessment_id", "integer", (c) => c.notNull().references("assessments.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();

  // One row per reminder mailed, so the scheduled job never sends the same reminder twice.
  await db.schema
    .createTable("assessment_reminders")
    .addColumn("assessment_id", "integer", (c) => c.notNull().references("assessments.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull()) // due-7d | due-1d | overdue
    .addColumn("sent_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("assessment_reminders_pk", ["assessment_id", "kind"])
    .execute();

  await withId(db, db.schema.createTable("evidence_files"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("assessment_id", "integer", (c) => c.notNull().references("assessments.id").onDelete("cascade"))
    .addColumn("question_key", "text", (c) => c.notNull())
    .addColumn("filename", "text", (c) => c.notNull())
    .addColumn("mime", "text", (c) => c.notNull()) // sniffed from the content, not taken from the browser
    .addColumn("size_bytes", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("storage_key", "text", (c) => c.notNull())
    .addColumn("uploaded_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("deleted_at", "text")
    .execute();
  await db.schema.createIndex("evidence_files_idx").on("evidence_files").columns(["org_id", "assessment_id", "question_key"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    "evidence_files",
    "assessment_reminders",
    "supplier_sessions",
    "assessment_invites",
    "review_comments",
    "answer_revisions",
    "answers",
    "assessments",
    "questionnaire_versions",
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
