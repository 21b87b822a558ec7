// The executive dashboard's roll-ups: rewritten after each full or background risk recompute; a
// supplier edit or a small (inline) recompute marks them stale instead, and the next dashboard read
// or the periodic refresh (app/server/jobs.ts, every 30 s) rewrites them. Scoped by orgId.
//
// Why roll-ups: at 100,000 suppliers one GROUP BY over the tenant costs hundreds of milliseconds,
// so the page reads dashboard_cube (one row per tier × country × band × currency, a few hundred
// rows) instead. Filters the cube has no key for (sector, goods) run the very same SELECT live.
import { PostgresAdapter, sql, type Kysely, type Transaction } from "kysely";
import type { DbOrTrx } from "./types";
import type { Database } from "~db/types";
import { nowIso } from "~/lib/time";
import { chunks } from "./chunks";
import { cubeSelect, n, principleSelect, tenantRange, type RollupTotals } from "./dashboard-query.server";

/** pg_advisory_xact_lock(DASHBOARD_LOCK, orgId): one roll-up rewrite per tenant at a time. */
const DASHBOARD_LOCK = 7_301;
/** On PostgreSQL, a risk_scores row committed late (its id below one already read) is caught by this daily re-read. */
const RECONCILE_MS = 24 * 3600_000;

type Tx = Kysely<Database> | Transaction<Database>;

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

async function writePrinciples(
  trx: Tx,
  orgId: number,
  rows: ReadonlyArray<{ supplierId: number; principle: string; score: number }>,
): Promise<void> {
  for (const part of chunks(rows, 1_000)) {
    await trx
      .insertInto("dashboard_supplier_principles")
      .values(part.map((r) => ({ org_id: orgId, supplier_id: r.supplierId, principle: r.principle, score: r.score })))
      .execute();
  }
}

/** Every supplier's principle scores again, from the breakdowns of the current scores. */
async function reloadPrinciples(trx: Tx, orgId: number): Promise<number> {
  const top = await trx
    .selectFrom("risk_scores")
    .select((eb) => eb.fn.max("id").as("m"))
    .where("org_id", "=", orgId)
    .executeTakeFirst();
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
    (await trx.selectFrom("dashboard_supplier_principles").select("supplier_id").distinct().where("org_id", "=", orgId).execute()).map(
      (r) => r.supplier_id,
    ),
  );
  const stale = [...latest.keys()].filter((id) => had.has(id));
  for (const part of chunks(stale)) {
    await trx.deleteFrom("dashboard_supplier_principles").where("org_id", "=", orgId).where("supplier_id", "in", part).execute();
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
  await trx
    .updateTable("dashboard_state")
    .set((eb) => ({ stale: eb.ref("stale") }))
    .where("org_id", "=", orgId)
    .execute();
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
 * writeSnapshot after a full or background recompute, and by refreshRollup (supplier changes, stale roll-ups).
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

/**
 * A supplier edit or a small recompute changed what the roll-ups count: the next dashboard read (or
 * the periodic refresh, whichever comes first) rewrites them. False when the tenant has no roll-ups
 * yet (nothing to mark: the first read writes them).
 */
export async function markRollupStale(db: DbOrTrx, orgId: number): Promise<boolean> {
  const r = await db.updateTable("dashboard_state").set({ stale: 1 }).where("org_id", "=", orgId).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Tenants whose roll-ups are marked stale (the periodic refresh rewrites them). */
export async function orgIdsWithStaleRollup(db: DbOrTrx): Promise<number[]> {
  const rows = await db.selectFrom("dashboard_state").select("org_id").where("stale", "=", 1).orderBy("org_id").execute();
  return rows.map((r) => r.org_id);
}
