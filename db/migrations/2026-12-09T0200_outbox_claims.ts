// FROZEN: never edit a migration that has shipped; add a new one instead.
// With several app servers two deliveries could overlap (the periodic one and the one a commit kicks,
// on one server or two) and both send the same rows. A server now claims a mail (claimed_by,
// claimed_at) with a conditional update before it sends it; a claim older than the job lease is
// taken over (its server died before it could say "sent").
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("mail_outbox").addColumn("claimed_by", "text").execute();
  await db.schema.alterTable("mail_outbox").addColumn("claimed_at", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("mail_outbox").dropColumn("claimed_at").execute();
  await db.schema.alterTable("mail_outbox").dropColumn("claimed_by").execute();
}
