// The executive dashboard's data: its roll-ups (rewritten after each risk recompute, and on the
// next read after a supplier edit marked them stale; never per request otherwise) and the few
// live counts it reads per request. Scoped by orgId.
//
// Why roll-ups: at 100,000 suppliers one GROUP BY over the tenant costs hundreds of milliseconds,
// so the page reads dashboard_cube (one row per tier × country × band × currency, a few hundred
// rows) instead. Filters the cube has no key for (sector, goods) run the very same SELECT live,
// restricted to the matching suppliers, so both paths count the same way.
import { PostgresAdapter, SqliteAdapter, sql, type Kysely, type RawBuilder, type SqlBool, type Transaction } from "kysely";
import type { DbOrTrx } from "./types";
import type { Database, DashboardBand } from "../../db/types";
import { nowIso } from "../lib/time";

export interface DashboardFilter {
  /** 0 = not linked to a buyer. */
  tier?: number;
  country?: string;
  sector?: string;
  band?: DashboardBand;
  good?: string;
}

export interface CubeRow {
  tier: number;
  country: string;
  band: DashboardBand;
  currency: string;
  suppliers: number;
  scored: number;
  scoreSum: number;
  assessed: number;
  spend: number;
}

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

const CHUNK = 900;
/** pg_advisory_xact_lock(DASHBOARD_LOCK, orgId): one roll-up rewrite per tenant at a time. */
const DASHBOARD_LOCK = 7_301;
/** On PostgreSQL, a risk_scores row committed late (its id below one already read) is caught by this daily re-read. */
const RECONCILE_MS = 24 * 3600_000;

type Tx = Kysely<Database> | Transaction<Database>;

const n = (v: unknown) => Number(v ?? 0);

/**
 * The filter as a condition on `suppliers as s` (archived suppliers are always left out).
 * `tenant` replaces the org_id term (see tenantRange); `bandUnindexed` keeps SQLite from walking
 * the (org_id, risk_band) index when another index serves the query better (a no-op elsewhere).
 */
function supplierCondition(orgId: number, f: DashboardFilter, opts: { tenant?: RawBuilder<SqlBool>; bandUnindexed?: boolean } = {}): RawBuilder<SqlBool> {
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

const isSqlite = (db: DbOrTrx) => db.getExecutor().adapter instanceof SqliteAdapter;

/**
 * "The tenant's suppliers" for a pass over all of them. On SQLite, as a rowid range (a tenant's
 * rows were mostly inserted together) with the org_id term kept off the indexes: the planner
 * would otherwise walk an (org_id, …) index and fetch 100,000 rows in random order, several times
 * slower than reading the table in order (measured). PostgreSQL plans this itself.
 */
async function tenantRange(db: DbOrTrx, orgId: number): Promise<RawBuilder<SqlBool> | undefined> {
  if (!isSqlite(db)) return undefined;
  const r = await db.selectFrom("suppliers").select((eb) => [eb.fn.min("id").as("lo"), eb.fn.max("id").as("hi")]).where("org_id", "=", orgId).executeTakeFirst();
  if (r?.lo == null || r.hi == null) return undefined;
  return sql<SqlBool>`s.id between ${Number(r.lo)} and ${Number(r.hi)} and +s.org_id = ${orgId}`;
}

/** Suppliers by tier × country × band × currency: what the cube stores, or the live answer for a sector/goods filter. */
function cubeSelect(db: DbOrTrx, orgId: number, f: DashboardFilter, now: Date, tenant?: RawBuilder<SqlBool>) {
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
function principleSelect(db: DbOrTrx, orgId: number, f: DashboardFilter) {
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

const usesCube = (f: DashboardFilter) => !f.sector && !f.good;
const hasFilter = (f: DashboardFilter) => f.tier !== undefined || Boolean(f.country || f.sector || f.band || f.good);

// ---------------------------------------------------------------------------------------------
// Writing the roll-ups

interface ScoreRowLite {
  id: number;
  supplier_id: number;
  breakdown: string | null;
}

/** The principle scores a current breakdown holds, or none (no assessment, or an expired one). */
export function principlesOfBreakdown(json: string | null): Array<{ principle: string; score: number }> {
  if (!json) return [];
  let b: unknown;
  try {
    b = JSON.parse(json);
  } catch {
    return [];
  }
  const controls = (b as { controls?: { assessment?: { status?: string } | null; principles?: unknown } }).controls;
  if (!controls?.assessment || controls.assessment.status === "expired" || !Array.isArray(controls.principles)) return [];
  const out: Array<{ principle: string; score: number }> = [];
  for (const p of controls.principles as Array<{ principle?: unknown; score?: unknown; applicable?: unknown }>) {
    if (typeof p.principle !== "string" || typeof p.score !== "number" || !(Number(p.applicable) > 0)) continue;
    out.push({ principle: p.principle, score: Math.max(0, Math.min(1, p.score)) });
  }
  return out;
}

async function writePrinciples(trx: Tx, orgId: number, rows: ReadonlyArray<{ supplierId: number; principle: string; score: number }>): Promise<void> {
  for (let i = 0; i < rows.length; i += 1_000) {
    const part = rows.slice(i, i + 1_000);
    await trx
      .insertInto("dashboard_supplier_principles")
      .values(part.map((r) => ({ org_id: orgId, supplier_id: r.supplierId, principle: r.principle, score: r.score })))
      .execute();
  }
}

/** Every supplier's principle scores again, from the breakdowns of the current scores. */
async function reloadPrinciples(trx: Tx, orgId: number): Promise<number> {
  const top = await trx.selectFrom("risk_scores").select((eb) => eb.fn.max("id").as("m")).where("org_id", "=", orgId).executeTakeFirst();
  const current = await trx
    .selectFrom("suppliers as s")
    .innerJoin("risk_scores as r", (j) => j.onRef("r.supplier_id", "=", "s.id").onRef("r.digest", "=", "s.risk_digest"))
    .select(["r.id", "r.supplier_id", "r.breakdown"])
    .where("s.org_id", "=", orgId)
    .where("r.org_id", "=", orgId)
    .where("r.assessed", "=", 1)
    .orderBy("r.id")
    .execute();
  const latest = new Map<number, ScoreRowLite>();
  for (const r of current) latest.set(r.supplier_id, r);
  await trx.deleteFrom("dashboard_supplier_principles").where("org_id", "=", orgId).execute();
  await writePrinciples(
    trx,
    orgId,
    [...latest.values()].flatMap((r) => principlesOfBreakdown(r.breakdown).map((p) => ({ supplierId: r.supplier_id, ...p }))),
  );
  return n(top?.m);
}

/** The score rows written since `seen` replace their suppliers' principle scores (the newest row is the current score). */
async function catchUpPrinciples(trx: Tx, orgId: number, seen: number): Promise<number> {
  const rows = await trx
    .selectFrom("risk_scores")
    .select(["id", "supplier_id", sql<string | null>`case when assessed = 1 then breakdown else null end`.as("breakdown")])
    .where("org_id", "=", orgId)
    .where("id", ">", seen)
    .orderBy("id")
    .execute();
  if (!rows.length) return seen;
  const latest = new Map<number, ScoreRowLite>();
  for (const r of rows) latest.set(r.supplier_id, r);
  // Only suppliers that had principle scores need a delete (most suppliers are never assessed).
  const had = new Set(
    (await trx.selectFrom("dashboard_supplier_principles").select("supplier_id").distinct().where("org_id", "=", orgId).execute()).map((r) => r.supplier_id),
  );
  const stale = [...latest.keys()].filter((id) => had.has(id));
  for (let i = 0; i < stale.length; i += CHUNK) {
    await trx.deleteFrom("dashboard_supplier_principles").where("org_id", "=", orgId).where("supplier_id", "in", stale.slice(i, i + CHUNK)).execute();
  }
  await writePrinciples(
    trx,
    orgId,
    [...latest.values()].flatMap((r) => principlesOfBreakdown(r.breakdown).map((p) => ({ supplierId: r.supplier_id, ...p }))),
  );
  return rows[rows.length - 1]!.id;
}

async function rewrite(trx: Tx, orgId: number, now: Date): Promise<RollupTotals> {
  const at = nowIso(now);
  if (trx.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`select pg_advisory_xact_lock(cast(${DASHBOARD_LOCK} as integer), cast(${orgId} as integer))`.execute(trx);
  }
  const isPg = trx.getExecutor().adapter instanceof PostgresAdapter;
  // A write first: on SQLite it takes the write lock now (a transaction that reads first cannot
  // wait for it later, and fails when another connection wrote meanwhile); on PostgreSQL it locks
  // the state row until commit, so that an edit marking it stale meanwhile is not lost.
  await trx.updateTable("dashboard_state").set((eb) => ({ stale: eb.ref("stale") })).where("org_id", "=", orgId).execute();
  const state = await trx.selectFrom("dashboard_state").selectAll().where("org_id", "=", orgId).executeTakeFirst();
  const reconcile = !state || (isPg && Date.now() - Date.parse(state.reconciled_at) > RECONCILE_MS);
  const seen = reconcile ? await reloadPrinciples(trx, orgId) : await catchUpPrinciples(trx, orgId, state.scores_seen);

  await trx.deleteFrom("dashboard_cube").where("org_id", "=", orgId).execute();
  const tenant = await tenantRange(trx, orgId);
  await trx
    .insertInto("dashboard_cube")
    .columns(["org_id", "tier", "country", "band", "currency", "suppliers", "scored", "score_sum", "assessed", "spend"])
    .expression(cubeSelect(trx, orgId, {}, now, tenant))
    .execute();

  await trx.deleteFrom("dashboard_cube_principles").where("org_id", "=", orgId).execute();
  await trx
    .insertInto("dashboard_cube_principles")
    .columns(["org_id", "tier", "country", "band", "principle", "suppliers", "score_sum"])
    .expression(principleSelect(trx, orgId, {}))
    .execute();

  // Today's trend rows, by tier and country, from the cube just written.
  const day = at.slice(0, 10);
  const bandSum = (b: string) => sql<number>`coalesce(sum(case when band = ${b} then suppliers else 0 end), 0)`;
  await trx.deleteFrom("dashboard_trend").where("org_id", "=", orgId).where("day", "=", day).execute();
  await trx
    .insertInto("dashboard_trend")
    .columns(["org_id", "day", "tier", "country", "suppliers", "scored", "score_sum", "low", "medium", "high", "critical", "assessed"])
    .expression(
      trx
        .selectFrom("dashboard_cube")
        .select([
          sql<number>`cast(${orgId} as integer)`.as("org_id"),
          sql<string>`cast(${day} as text)`.as("day"),
          "tier",
          "country",
          sql<number>`sum(suppliers)`.as("suppliers"),
          sql<number>`sum(scored)`.as("scored"),
          sql<number>`sum(score_sum)`.as("score_sum"),
          bandSum("low").as("low"),
          bandSum("medium").as("medium"),
          bandSum("high").as("high"),
          bandSum("critical").as("critical"),
          sql<number>`sum(assessed)`.as("assessed"),
        ])
        .where("org_id", "=", orgId)
        .groupBy(["tier", "country"]),
    )
    .execute();

  const t = await trx
    .selectFrom("dashboard_cube")
    .select([
      sql<number>`coalesce(sum(suppliers), 0)`.as("suppliers"),
      sql<number>`coalesce(sum(scored), 0)`.as("scored"),
      sql<number>`coalesce(sum(score_sum), 0)`.as("score_sum"),
      bandSum("low").as("low"),
      bandSum("medium").as("medium"),
      bandSum("high").as("high"),
      bandSum("critical").as("critical"),
      sql<number>`coalesce(sum(assessed), 0)`.as("assessed"),
    ])
    .where("org_id", "=", orgId)
    .executeTakeFirstOrThrow();

  const next = { scores_seen: seen, refreshed_at: at, reconciled_at: reconcile ? at : state!.reconciled_at, stale: 0 };
  await trx
    .insertInto("dashboard_state")
    .values({ org_id: orgId, ...next })
    .onConflict((oc) => oc.column("org_id").doUpdateSet(next))
    .execute();

  return {
    suppliers: n(t.suppliers),
    scored: n(t.scored),
    scoreSum: n(t.score_sum),
    low: n(t.low),
    medium: n(t.medium),
    high: n(t.high),
    critical: n(t.critical),
    assessed: n(t.assessed),
  };
}

/**
 * Rewrites the tenant's dashboard roll-ups (cube, principle scores, today's trend rows) in one
 * transaction and returns the tenant's totals (the daily snapshot is made from them). Called by
 * writeSnapshot after every recompute and by refreshRollup after supplier changes.
 */
export async function refreshDashboardRollup(db: DbOrTrx, orgId: number, now: Date = new Date()): Promise<RollupTotals> {
  if (db.isTransaction) return rewrite(db, orgId, now);
  return (db as Kysely<Database>).transaction().execute((trx) => rewrite(trx, orgId, now));
}

// ---------------------------------------------------------------------------------------------
// Reading

/** When the roll-ups were last written, and whether an edit has made them stale (undefined: never written). */
export async function rollupState(db: DbOrTrx, orgId: number): Promise<{ refreshedAt: string; stale: boolean } | undefined> {
  const r = await db.selectFrom("dashboard_state").select(["refreshed_at", "stale"]).where("org_id", "=", orgId).executeTakeFirst();
  return r && { refreshedAt: r.refreshed_at, stale: Number(r.stale) === 1 };
}

/** A supplier edit changed what the roll-ups count: the next read rewrites them. */
export async function markRollupStale(db: DbOrTrx, orgId: number): Promise<void> {
  await db.updateTable("dashboard_state").set({ stale: 1 }).where("org_id", "=", orgId).execute();
}

const toCell = (r: { tier?: unknown; country?: string; band: DashboardBand; currency: string; suppliers: unknown; scored?: unknown; score_sum?: unknown; assessed?: unknown; spend: unknown }): CubeRow => ({
  tier: n(r.tier),
  country: r.country ?? "",
  band: r.band,
  currency: r.currency,
  suppliers: n(r.suppliers),
  scored: n(r.scored),
  scoreSum: n(r.score_sum),
  assessed: n(r.assessed),
  spend: n(r.spend),
});

/**
 * The cube rows matching the filter. From the roll-up they come summed twice, by tier × band ×
 * currency (country "") and by country × band × currency (tier 0, spend and suppliers only): a
 * few dozen rows instead of hundreds, and what summarizeParts needs. With a sector or a good in
 * the filter, the full rows are counted live (`live: true`).
 */
export async function cubeRows(
  db: DbOrTrx,
  orgId: number,
  f: DashboardFilter,
  now: Date = new Date(),
): Promise<{ live: true; cells: CubeRow[] } | { live: false; byTier: CubeRow[]; byCountry: CubeRow[] }> {
  if (!usesCube(f)) return { live: true, cells: (await cubeSelect(db, orgId, f, now).execute()).map(toCell) };
  const scoped = () => {
    let q = db.selectFrom("dashboard_cube").where("org_id", "=", orgId);
    if (f.tier !== undefined) q = q.where("tier", "=", f.tier);
    if (f.country) q = q.where("country", "=", f.country);
    if (f.band) q = q.where("band", "=", f.band);
    return q;
  };
  const [byTier, byCountry] = await Promise.all([
    scoped()
      .select([
        "tier",
        "band",
        "currency",
        sql<number>`sum(suppliers)`.as("suppliers"),
        sql<number>`sum(scored)`.as("scored"),
        sql<number>`sum(score_sum)`.as("score_sum"),
        sql<number>`sum(assessed)`.as("assessed"),
        sql<number>`sum(spend)`.as("spend"),
      ])
      .groupBy(["tier", "band", "currency"])
      .execute(),
    scoped()
      .select(["country", "band", "currency", sql<number>`sum(suppliers)`.as("suppliers"), sql<number>`sum(spend)`.as("spend")])
      .groupBy(["country", "band", "currency"])
      .execute(),
  ]);
  return { live: false, byTier: byTier.map(toCell), byCountry: byCountry.map(toCell) };
}

export async function principleRows(db: DbOrTrx, orgId: number, f: DashboardFilter): Promise<PrincipleRow[]> {
  const rows = usesCube(f)
    ? await (() => {
        let q = db.selectFrom("dashboard_cube_principles").select(["tier", "country", "band", "principle", "suppliers", "score_sum"]).where("org_id", "=", orgId);
        if (f.tier !== undefined) q = q.where("tier", "=", f.tier);
        if (f.country) q = q.where("country", "=", f.country);
        if (f.band) q = q.where("band", "=", f.band);
        return q.execute();
      })()
    : await principleSelect(db, orgId, f).execute();
  return rows.map((r) => ({ tier: n(r.tier), country: r.country, band: r.band, principle: r.principle, suppliers: n(r.suppliers), scoreSum: n(r.score_sum) }));
}

/** The tiers and countries the tenant's (non-archived) suppliers have, from the cube. */
export async function cubeDimensions(db: DbOrTrx, orgId: number): Promise<{ tiers: number[]; countries: string[] }> {
  const [tiers, countries] = await Promise.all([
    db.selectFrom("dashboard_cube").select("tier").distinct().where("org_id", "=", orgId).orderBy("tier").execute(),
    db.selectFrom("dashboard_cube").select("country").distinct().where("org_id", "=", orgId).orderBy("country").execute(),
  ]);
  return { tiers: tiers.map((r) => n(r.tier)), countries: countries.map((r) => r.country) };
}

export interface TrendPoint {
  day: string;
  suppliers: number;
  avgScore: number | null;
  low: number;
  medium: number;
  high: number;
  critical: number;
  assessed: number;
}

/**
 * One point per day with a roll-up between the two days (inclusive): the tenant's daily snapshots,
 * or the trend rows of one tier and/or country when the filter names them.
 */
export async function trendPoints(db: DbOrTrx, orgId: number, fromDay: string, toDay: string, f: Pick<DashboardFilter, "tier" | "country">): Promise<TrendPoint[]> {
  if (f.tier === undefined && !f.country) {
    const rows = await db
      .selectFrom("risk_snapshots")
      .select(["day", "suppliers", "avg_score", "low", "medium", "high", "critical", "assessed"])
      .where("org_id", "=", orgId)
      .where("day", ">=", fromDay)
      .where("day", "<=", toDay)
      .orderBy("day")
      .execute();
    return rows.map((r) => {
      const scored = n(r.low) + n(r.medium) + n(r.high) + n(r.critical);
      return { day: r.day, suppliers: n(r.suppliers), avgScore: scored ? n(r.avg_score) : null, low: n(r.low), medium: n(r.medium), high: n(r.high), critical: n(r.critical), assessed: n(r.assessed) };
    });
  }
  let q = db
    .selectFrom("dashboard_trend")
    .select([
      "day",
      sql<number>`sum(suppliers)`.as("suppliers"),
      sql<number>`sum(scored)`.as("scored"),
      sql<number>`sum(score_sum)`.as("score_sum"),
      sql<number>`sum(low)`.as("low"),
      sql<number>`sum(medium)`.as("medium"),
      sql<number>`sum(high)`.as("high"),
      sql<number>`sum(critical)`.as("critical"),
      sql<number>`sum(assessed)`.as("assessed"),
    ])
    .where("org_id", "=", orgId)
    .where("day", ">=", fromDay)
    .where("day", "<=", toDay);
  if (f.tier !== undefined) q = q.where("tier", "=", f.tier);
  if (f.country) q = q.where("country", "=", f.country);
  const rows = await q.groupBy("day").orderBy("day").execute();
  return rows.map((r) => ({
    day: r.day,
    suppliers: n(r.suppliers),
    avgScore: n(r.scored) ? Math.round((n(r.score_sum) / n(r.scored)) * 100) / 100 : null,
    low: n(r.low),
    medium: n(r.medium),
    high: n(r.high),
    critical: n(r.critical),
    assessed: n(r.assessed),
  }));
}

export interface RiskySupplier {
  id: number;
  name: string;
  country: string;
  tier: number | null;
  score: number;
  band: DashboardBand;
  /** The one-line main driver of the current score ("Red flag: retention of identity documents"). */
  driver: string | null;
}

/**
 * The riskiest suppliers matching the filter, highest score first, with the driver of each score.
 * `scoreBelow` (the next band's threshold, for a band filter) lets the (org_id, risk_score) index
 * start inside the band instead of walking past every worse supplier.
 */
export async function riskiestSuppliers(db: DbOrTrx, orgId: number, f: DashboardFilter, limit = 10, scoreBelow?: number): Promise<RiskySupplier[]> {
  let q = db
    .selectFrom("suppliers as s")
    .where(supplierCondition(orgId, f, { bandUnindexed: scoreBelow !== undefined && isSqlite(db) }))
    .select(["s.id", "s.name", "s.country", "s.tier", "s.risk_score", "s.risk_band", "s.risk_digest"])
    .where("s.risk_score", "is not", null);
  if (scoreBelow !== undefined) q = q.where("s.risk_score", "<", scoreBelow);
  const rows = await q
    .orderBy("s.risk_score", "desc")
    .orderBy("s.id", "desc")
    .limit(limit)
    .execute();
  const drivers = new Map<number, string>();
  const ids = rows.map((r) => r.id);
  if (ids.length) {
    const scores = await db
      .selectFrom("risk_scores")
      .select(["supplier_id", "digest", "breakdown", "id"])
      .where("org_id", "=", orgId)
      .where("supplier_id", "in", ids)
      .where("digest", "in", rows.map((r) => r.risk_digest ?? ""))
      .orderBy("id")
      .execute();
    const digestOf = new Map(rows.map((r) => [r.id, r.risk_digest]));
    for (const s of scores) {
      if (digestOf.get(s.supplier_id) !== s.digest) continue;
      try {
        const label = (JSON.parse(s.breakdown) as { driver?: { label?: unknown } }).driver?.label;
        if (typeof label === "string") drivers.set(s.supplier_id, label);
      } catch {
        // A breakdown that does not parse has no driver to show.
      }
    }
  }
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    country: r.country,
    tier: r.tier,
    score: n(r.risk_score),
    band: (r.risk_band ?? "none") as DashboardBand,
    driver: drivers.get(r.id) ?? null,
  }));
}

export interface AssessmentFigures {
  /** Questionnaires created in the period that reached each step (a later step implies the earlier ones). */
  funnel: { sent: number; started: number; submitted: number; approved: number };
  /** Open questionnaires past their due date, now. */
  overdue: number;
  /** Approved in the period. */
  approvedInPeriod: number;
}

export async function assessmentFigures(db: DbOrTrx, orgId: number, f: DashboardFilter, fromIso: string, toIso: string, today: string): Promise<AssessmentFigures> {
  // Without a filter, every questionnaire of the tenant counts (as in the assessment list the
  // figures lead to). With one, only those of matching suppliers, through a CROSS JOIN so that
  // SQLite reads the assessments first (a tenant has far fewer of them than suppliers).
  const scoped = () =>
    hasFilter(f)
      ? db.selectFrom("assessments as a").crossJoin("suppliers as s").whereRef("s.id", "=", "a.supplier_id").where("a.org_id", "=", orgId).where(supplierCondition(orgId, f))
      : db.selectFrom("assessments as a").where("a.org_id", "=", orgId);
  const [funnel, overdue, approved] = await Promise.all([
    scoped()
      .select([
        sql<number>`sum(case when a.sent_at is not null or a.started_at is not null or a.submitted_at is not null or a.approved_at is not null then 1 else 0 end)`.as("sent"),
        sql<number>`sum(case when a.started_at is not null or a.submitted_at is not null or a.approved_at is not null then 1 else 0 end)`.as("started"),
        sql<number>`sum(case when a.submitted_at is not null or a.approved_at is not null then 1 else 0 end)`.as("submitted"),
        sql<number>`sum(case when a.approved_at is not null then 1 else 0 end)`.as("approved"),
      ])
      .where("a.created_at", ">=", fromIso)
      .where("a.created_at", "<=", toIso)
      .executeTakeFirst(),
    scoped()
      .select(sql<number>`count(*)`.as("n"))
      .where("a.status", "in", ["draft", "sent", "in_progress", "changes_requested"])
      .where("a.due_at", "<", today)
      .executeTakeFirst(),
    scoped()
      .select(sql<number>`count(*)`.as("n"))
      .where("a.approved_at", ">=", fromIso)
      .where("a.approved_at", "<=", toIso)
      .executeTakeFirst(),
  ]);
  return {
    funnel: { sent: n(funnel?.sent), started: n(funnel?.started), submitted: n(funnel?.submitted), approved: n(funnel?.approved) },
    overdue: n(overdue?.n),
    approvedInPeriod: n(approved?.n),
  };
}

export interface ActionFigures {
  /** Open or in progress, now. */
  open: number;
  overdue: number;
  /** Red-flag actions still open or in progress. */
  openRedFlags: number;
  openedInPeriod: number;
  /** Marked done (or verified) in the period. */
  closedInPeriod: number;
}

export async function actionFigures(db: DbOrTrx, orgId: number, f: DashboardFilter, fromIso: string, toIso: string, today: string): Promise<ActionFigures> {
  // As for questionnaires: every action of the tenant (as in the action list), or those of the
  // suppliers matching the filter.
  const base = db.selectFrom("corrective_actions as ca");
  const scoped = hasFilter(f)
    ? base.crossJoin("suppliers as s").whereRef("s.id", "=", "ca.supplier_id").where("ca.org_id", "=", orgId).where(supplierCondition(orgId, f))
    : base.where("ca.org_id", "=", orgId);
  const r = await scoped
    .select([
      sql<number>`sum(case when ca.status in ('open', 'in_progress') then 1 else 0 end)`.as("open"),
      sql<number>`sum(case when ca.status in ('open', 'in_progress') and ca.due_at < ${today} then 1 else 0 end)`.as("overdue"),
      sql<number>`sum(case when ca.status in ('open', 'in_progress') and ca.source = 'red_flag' then 1 else 0 end)`.as("red_flags"),
      sql<number>`sum(case when ca.created_at >= ${fromIso} and ca.created_at <= ${toIso} then 1 else 0 end)`.as("opened"),
      sql<number>`sum(case when ca.done_at is not null and ca.done_at >= ${fromIso} and ca.done_at <= ${toIso} then 1 else 0 end)`.as("closed"),
    ])
    .executeTakeFirst();
  return { open: n(r?.open), overdue: n(r?.overdue), openRedFlags: n(r?.red_flags), openedInPeriod: n(r?.opened), closedInPeriod: n(r?.closed) };
}
