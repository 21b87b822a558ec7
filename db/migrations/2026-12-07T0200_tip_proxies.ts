// FROZEN: never edit a migration that has shipped; add a new one instead.
// Territories and micro-states without a TIP placement of their own (Puerto Rico, Monaco, …) take
// the placement that stands for them: the sovereign state's, or a neighbour's for a micro-state.
// Reference data (db/seed/territory-proxies.csv, sources in db/seed/SOURCES.md), like tip_tiers;
// risk model v2 reads it and names the stand-in in every explanation.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("tip_proxies")
    .addColumn("iso2", "text", (c) => c.primaryKey())
    .addColumn("proxy_iso2", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('sovereign','neighbour')`))
    .addColumn("rationale", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("tip_proxies").execute();
}
