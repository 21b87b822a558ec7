// The dashboard's filter as SQL and the one SELECT that both the roll-up (dashboard-rollup.server.ts)
// and the live reads (dashboard.server.ts) count with, so both paths count the same way.
import { SqliteAdapter, sql, type RawBuilder, type SqlBool } from "kysely";
import type { DbOrTrx } from "./types";
import type { DashboardBand } from "~db/types";
import { nowIso } from "~/lib/time";

// The filter and the cube's cells are the report domain's shapes (app/domain/report/types.ts).
import type { DashboardFilter } from "~/domain/report/types";

export interface PrincipleRow {
  tier: number;
  country: string;
  band: DashboardBand;
  principle: string;
  suppliers: number;
  scoreSum: number;
}

export interface RollupTotals {
  suppliers: number;
  scored: number;
  scoreSum: number;
  low: number;
  medium: number;
  high: number;
  critical: number;
  assessed: number;
}

export const n = (v: unknown) => Number(v ?? 0);

/**
 * The filter as a condition on `suppliers as s` (archived suppliers are always left out).
 * `tenant` replaces the org_id term (see tenantRange); `bandUnindexed` keeps SQLite from walking
 * the (org_id, risk_band) index when another index serves the query better (a no-op elsewhere).
 */
export function supplierCondition(
  orgId: number,
  f: DashboardFilter,
  opts: { tenant?: RawBuilder<SqlBool>; bandUnindexed?: boolean } = {},
): RawBuilder<SqlBool> {
  const parts = [opts.tenant ?? sql`s.org_id = ${orgId}`, sql`s.status <> 'archived'`];
  if (f.tier !== undefined) parts.push(f.tier === 0 ? sql`s.tier is null` : sql`s.tier = ${f.tier}`);
  if (f.country) parts.push(sql`s.country = ${f.country}`);
  if (f.sector) parts.push(sql`s.sector = ${f.sector}`);
  if (f.band) {
    const band = opts.bandUnindexed ? sql`+s.risk_band` : sql`s.risk_band`;
    parts.push(f.band === "none" ? sql`${band} is null` : sql`${band} = ${f.band}`);
  }
  if (f.good) parts.push(sql`s.id in (select supplier_id from supplier_goods where org_id = ${orgId} and good = ${f.good})`);
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

export const isSqlite = (db: DbOrTrx) => db.getExecutor().adapter instanceof SqliteAdapter;

/**
 * "The tenant's suppliers" for a pass over all of them. On SQLite, as a rowid range (a tenant's
 * rows were mostly inserted together) with the org_id term kept off the indexes: the planner
 * would otherwise walk an (org_id, …) index and fetch 100,000 rows in random order, several times
 * slower than reading the table in order (measured). PostgreSQL plans this itself.
 */
export async function tenantRange(db: DbOrTrx, orgId: number): Promise<RawBuilder<SqlBool> | undefined> {
  if (!isSqlite(db)) return undefined;
  const r = await db
    .selectFrom("suppliers")
    .select((eb) => [eb.fn.min("id").as("lo"), eb.fn.max("id").as("hi")])
    .where("org_id", "=", orgId)
    .executeTakeFirst();
  if (r?.lo == null || r.hi == null) return undefined;
  return sql<SqlBool>`s.id between ${Number(r.lo)} and ${Number(r.hi)} and +s.org_id = ${orgId}`;
}

/** Suppliers by tier × country × band × currency: what the cube stores, or the live answer for a sector/goods filter. */
export function cubeSelect(db: DbOrTrx, orgId: number, f: DashboardFilter, now: Date, tenant?: RawBuilder<SqlBool>) {
  const at = nowIso(now);
  const valid = db
    .selectFrom("assessments")
    .select("supplier_id")
    .distinct()
    .where("org_id", "=", orgId)
    .where("status", "=", "approved")
    .where("valid_until", ">", at)
    .as("v");
  return db
    .selectFrom("suppliers as s")
    .leftJoin(valid, "v.supplier_id", "s.id")
    .where(supplierCondition(orgId, f, { tenant }))
    .select([
      // The tenant first: the roll-up inserts these rows as they come (dashboard_cube's columns, in order).
      sql<number>`cast(${orgId} as integer)`.as("org_id"),
      sql<number>`coalesce(s.tier, 0)`.as("tier"),
      sql<string>`s.country`.as("country"),
      sql<DashboardBand>`coalesce(s.risk_band, 'none')`.as("band"),
      sql<string>`coalesce(s.currency, '')`.as("currency"),
      sql<number>`count(*)`.as("suppliers"),
      sql<number>`count(s.risk_score)`.as("scored"),
      sql<number>`coalesce(sum(cast(s.risk_score as double precision)), 0)`.as("score_sum"),
      sql<number>`count(v.supplier_id)`.as("assessed"),
      sql<number>`coalesce(sum(cast(s.annual_spend as double precision)), 0)`.as("spend"),
    ])
    .groupBy([sql`coalesce(s.tier, 0)`, sql`s.country`, sql`coalesce(s.risk_band, 'none')`, sql`coalesce(s.currency, '')`]);
}

/** Principle scores of suppliers with a current approved assessment, by tier × country × band. */
export function principleSelect(db: DbOrTrx, orgId: number, f: DashboardFilter) {
  // CROSS JOIN: SQLite then reads the (few) principle rows first and looks each supplier up.
  return db
    .selectFrom("dashboard_supplier_principles as p")
    .crossJoin("suppliers as s")
    .whereRef("s.id", "=", "p.supplier_id")
    .where("p.org_id", "=", orgId)
    .where(supplierCondition(orgId, f))
    .select([
      sql<number>`cast(${orgId} as integer)`.as("org_id"),
      sql<number>`coalesce(s.tier, 0)`.as("tier"),
      sql<string>`s.country`.as("country"),
      sql<DashboardBand>`coalesce(s.risk_band, 'none')`.as("band"),
      sql<string>`p.principle`.as("principle"),
      sql<number>`count(*)`.as("suppliers"),
      sql<number>`coalesce(sum(p.score), 0)`.as("score_sum"),
    ])
    .groupBy([sql`coalesce(s.tier, 0)`, sql`s.country`, sql`coalesce(s.risk_band, 'none')`, sql`p.principle`]);
}

export const usesCube = (f: DashboardFilter) => !f.sector && !f.good;
export const hasFilter = (f: DashboardFilter) => f.tier !== undefined || Boolean(f.country || f.sector || f.band || f.good);
