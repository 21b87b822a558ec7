// FROZEN: never edit a migration that has shipped; add a new one instead.
// The executive dashboard's roll-ups, so that its page never scans a 100,000-supplier tenant per
// request. They are rewritten after each risk recompute and after supplier changes
// (app/models/dashboard.server.ts, called from writeSnapshot):
//  - dashboard_cube: suppliers (archived left out) counted by tier × country × risk band × currency,
//    with their scores, spend and how many hold a valid approved assessment;
//  - dashboard_supplier_principles: each supplier's Athens-principle scores (0..1) from its current
//    risk breakdown, kept only while it has a current (not expired) approved assessment, and the
//    same summed per tier × country × band in dashboard_cube_principles;
//  - dashboard_trend: one row per tenant, day, tier and country (the daily roll-up risk_snapshots
//    holds for the tenant as a whole), so the trend follows tier and country filters;
//  - dashboard_state: when the roll-up was last rewritten, the last risk_scores row it read, and
//    whether a supplier edit has made it stale since.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("dashboard_cube")
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("tier", "integer", (c) => c.notNull()) // 0 = not linked to a buyer
    .addColumn("country", "text", (c) => c.notNull())
    .addColumn("band", "text", (c) => c.notNull()) // low | medium | high | critical | none (not scored yet)
    .addColumn("currency", "text", (c) => c.notNull()) // "" = no currency given
    .addColumn("suppliers", "integer", (c) => c.notNull())
    .addColumn("scored", "integer", (c) => c.notNull())
    .addColumn("score_sum", "double precision", (c) => c.notNull())
    .addColumn("assessed", "integer", (c) => c.notNull()) // with a valid approved assessment
    .addColumn("spend", "double precision", (c) => c.notNull())
    .addPrimaryKeyConstraint("dashboard_cube_pk", ["org_id", "tier", "country", "band", "currency"])
    .execute();
  // The page sums the cube two ways (by tier and by country); these covering indexes hand the rows
  // over already grouped, so neither sum sorts.
  await db.schema
    .createIndex("dashboard_cube_tier_idx")
    .on("dashboard_cube")
    .columns(["org_id", "tier", "band", "currency", "suppliers", "scored", "score_sum", "assessed", "spend"])
    .execute();
  await db.schema
    .createIndex("dashboard_cube_country_idx")
    .on("dashboard_cube")
    .columns(["org_id", "country", "band", "currency", "suppliers", "spend"])
    .execute();

  await db.schema
    .createTable("dashboard_supplier_principles")
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("supplier_id", "integer", (c) => c.notNull().references("suppliers.id").onDelete("cascade"))
    .addColumn("principle", "text", (c) => c.notNull()) // P1..P7
    .addColumn("score", "double precision", (c) => c.notNull()) // 0..1, as answered
    .addPrimaryKeyConstraint("dashboard_supplier_principles_pk", ["supplier_id", "principle"])
    .execute();
  await db.schema
    .createIndex("dashboard_supplier_principles_org_idx")
    .on("dashboard_supplier_principles")
    .columns(["org_id", "supplier_id"])
    .execute();

  await db.schema
    .createTable("dashboard_cube_principles")
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("tier", "integer", (c) => c.notNull())
    .addColumn("country", "text", (c) => c.notNull())
    .addColumn("band", "text", (c) => c.notNull())
    .addColumn("principle", "text", (c) => c.notNull())
    .addColumn("suppliers", "integer", (c) => c.notNull())
    .addColumn("score_sum", "double precision", (c) => c.notNull())
    .addPrimaryKeyConstraint("dashboard_cube_principles_pk", ["org_id", "tier", "country", "band", "principle"])
    .execute();

  await db.schema
    .createTable("dashboard_trend")
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("day", "text", (c) => c.notNull()) // YYYY-MM-DD (UTC)
    .addColumn("tier", "integer", (c) => c.notNull())
    .addColumn("country", "text", (c) => c.notNull())
    .addColumn("suppliers", "integer", (c) => c.notNull())
    .addColumn("scored", "integer", (c) => c.notNull())
    .addColumn("score_sum", "double precision", (c) => c.notNull())
    .addColumn("low", "integer", (c) => c.notNull())
    .addColumn("medium", "integer", (c) => c.notNull())
    .addColumn("high", "integer", (c) => c.notNull())
    .addColumn("critical", "integer", (c) => c.notNull())
    .addColumn("assessed", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("dashboard_trend_pk", ["org_id", "day", "tier", "country"])
    .execute();

  await db.schema
    .createTable("dashboard_state")
    .addColumn("org_id", "integer", (c) => c.primaryKey().references("organizations.id").onDelete("cascade"))
    .addColumn("scores_seen", "integer", (c) => c.notNull()) // the highest risk_scores.id read into dashboard_supplier_principles
    .addColumn("refreshed_at", "text", (c) => c.notNull())
    .addColumn("reconciled_at", "text", (c) => c.notNull()) // last full re-read of the principle scores
    // 1 after a supplier edit the roll-ups count (spend, currency, status): the next read rewrites
    // them, so that saving a supplier never waits for a pass over a 100,000-supplier tenant.
    .addColumn("stale", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["dashboard_state", "dashboard_trend", "dashboard_cube_principles", "dashboard_supplier_principles", "dashboard_cube"]) {
    await db.schema.dropTable(t).execute();
  }
}
