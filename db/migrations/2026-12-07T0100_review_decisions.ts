// FROZEN: never edit a migration that has shipped; add a new one instead.
// A review that cannot be waved through: each organisation may require four eyes (on by default:
// whoever filled in answers for the supplier cannot approve, and an approval that lowers a supplier
// by two bands or more needs a second approver), and every decision on an assessment (request
// changes, approve, second approval, reopen) is a row with its reason and what the reviewer
// explicitly acknowledged (open comments, severe red flags).
import { type Kysely, PostgresAdapter, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("organizations")
    .addColumn("four_eyes", "integer", (c) => c.notNull().defaultTo(1))
    .execute();

  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable("assessment_decisions")
    .addColumn("id", "integer", (c) => (postgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey()))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("assessment_id", "integer", (c) => c.notNull().references("assessments.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('request_changes','approve','second_approve','reopen')`))
    .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("user_label", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("acknowledged", "text", (c) => c.notNull().defaultTo("[]")) // JSON: ["unresolved_comments", "severe_flags"]
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("assessment_decisions_idx").on("assessment_decisions").columns(["org_id", "assessment_id", "id"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("assessment_decisions").execute();
  await db.schema.alterTable("organizations").dropColumn("four_eyes").execute();
}
