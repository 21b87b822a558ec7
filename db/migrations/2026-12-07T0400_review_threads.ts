// FROZEN: never edit a migration that has shipped; add a new one instead.
// A review comment is the start of a thread: replies point at it (parent_id), and the thread is
// resolved or reopened as a whole, with who and when (kept on the first comment; replies follow its
// resolved_at). Every submission of a questionnaire is a row (who, when, and whether it came after a
// request for changes), so the review's timeline shows each resubmission. Comments and decisions are
// signed with the person's name: labels written before this migration held the e-mail address, and
// are set to the name of the user they belong to.
import { type Kysely, PostgresAdapter, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("review_comments")
    .addColumn("parent_id", "integer", (c) => c.references("review_comments.id").onDelete("cascade")) // null: a thread's first comment
    .execute();
  await db.schema.alterTable("review_comments").addColumn("resolved_by_user_id", "integer").execute();
  await db.schema.alterTable("review_comments").addColumn("resolved_by_label", "text").execute();
  await db.schema.alterTable("review_comments").addColumn("reopened_at", "text").execute();
  await db.schema.alterTable("review_comments").addColumn("reopened_by_user_id", "integer").execute();
  await db.schema.alterTable("review_comments").addColumn("reopened_by_label", "text").execute();
  await db.schema.createIndex("review_comments_parent_idx").on("review_comments").column("parent_id").execute();

  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable("assessment_submissions")
    .addColumn("id", "integer", (c) => (postgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey()))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("assessment_id", "integer", (c) => c.notNull().references("assessments.id").onDelete("cascade"))
    .addColumn("by_user_id", "integer", (c) => c.references("users.id").onDelete("set null")) // null: the supplier's contact
    .addColumn("by_label", "text", (c) => c.notNull()) // the officer's name, or the contact's address
    .addColumn("by_supplier", "integer", (c) => c.notNull())
    .addColumn("after_changes", "integer", (c) => c.notNull()) // 1: submitted again after a request for changes
    .addColumn("submitted_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("assessment_submissions_idx")
    .on("assessment_submissions")
    .columns(["org_id", "assessment_id", "id"])
    .execute();

  await signWithNames(db);
}

/** Signed with the name: earlier labels that are the author's address become the author's name. */
export async function signWithNames(db: Kysely<unknown>): Promise<void> {
  await sql`
    UPDATE review_comments SET author_label = (SELECT u.name FROM users u WHERE u.id = review_comments.author_user_id)
    WHERE EXISTS (SELECT 1 FROM users u WHERE u.id = review_comments.author_user_id
                  AND u.email = review_comments.author_label AND TRIM(u.name) <> '')`.execute(db);
  await sql`
    UPDATE assessment_decisions SET user_label = (SELECT u.name FROM users u WHERE u.id = assessment_decisions.user_id)
    WHERE EXISTS (SELECT 1 FROM users u WHERE u.id = assessment_decisions.user_id
                  AND u.email = assessment_decisions.user_label AND TRIM(u.name) <> '')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("assessment_submissions").execute();
  await db.schema.dropIndex("review_comments_parent_idx").execute();
  for (const column of [
    "reopened_by_label",
    "reopened_by_user_id",
    "reopened_at",
    "resolved_by_label",
    "resolved_by_user_id",
    "parent_id",
  ]) {
    await db.schema.alterTable("review_comments").dropColumn(column).execute();
  }
}
