// FROZEN: never edit a migration that has shipped; add a new one instead.
// Proof of an answer (risk model v2, "credit by proof"): every document behind an answer says what
// kind of document it is and until when it is valid, and a reviewer accepts or rejects it with a
// reason. Only an accepted document that is still valid turns a declared answer into an evidenced
// one. Whoever uploaded the document or filled in the answer cannot be the one who accepts it.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("evidence_files")
    .addColumn("kind", "text") // an EvidenceKind (app/domain/questionnaire/types.ts); null on files uploaded before
    .execute();
  await db.schema.alterTable("evidence_files").addColumn("valid_until", "text").execute(); // ISO date; null = no end date
  await db.schema
    .alterTable("evidence_files")
    .addColumn("review_status", "text", (c) =>
      c
        .notNull()
        .defaultTo("pending")
        .check(sql`review_status in ('pending','accepted','rejected')`),
    )
    .execute();
  await db.schema.alterTable("evidence_files").addColumn("reviewed_by_user_id", "integer").execute();
  await db.schema.alterTable("evidence_files").addColumn("reviewed_by_label", "text").execute();
  await db.schema.alterTable("evidence_files").addColumn("reviewed_at", "text").execute();
  await db.schema.alterTable("evidence_files").addColumn("review_reason", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of [
    "review_reason",
    "reviewed_at",
    "reviewed_by_label",
    "reviewed_by_user_id",
    "review_status",
    "valid_until",
    "kind",
  ]) {
    await db.schema.alterTable("evidence_files").dropColumn(column).execute();
  }
}
