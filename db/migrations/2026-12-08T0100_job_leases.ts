// FROZEN: never edit a migration that has shipped; add a new one instead.
// Several app servers on one database (PostgreSQL):
// 1. job_leases: one row per periodic job kind (mail delivery, reminders, sweeps…). A server runs a
//    kind only after moving its run_after forward atomically, so each runs once per cluster and
//    period, and a server that starts while another holds the kind does not run it.
// 2. claimed_by on risk jobs and import steps: which server holds the claim. While it works, that
//    server refreshes claimed_at (a heartbeat); another server takes the claim over only when the
//    heartbeat is older than the lease.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("job_leases")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("holder", "text")
    .addColumn("run_after", "text", (c) => c.notNull())
    .addColumn("last_run_at", "text")
    .execute();
  await db.schema.alterTable("risk_jobs").addColumn("claimed_by", "text").execute();
  await db.schema.alterTable("supplier_imports").addColumn("claimed_by", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("supplier_imports").dropColumn("claimed_by").execute();
  await db.schema.alterTable("risk_jobs").dropColumn("claimed_by").execute();
  await db.schema.dropTable("job_leases").execute();
}
