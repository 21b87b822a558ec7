// The executive dashboard's reads: the roll-ups (dashboard-rollup.server.ts) for the cube's
// dimensions, the same SELECT live for sector/goods filters, and the few live counts it reads per
// request. Scoped by orgId.
import { sql } from "kysely";
import type { DbOrTrx } from "./types";
import type { DashboardBand } from "~db/types";
import {
  cubeSelect,
  hasFilter,
  isSqlite,
  n,
  principleSelect,
  supplierCondition,
  usesCube,
  type PrincipleRow,
} from "./dashboard-query.server";
import type { ActionFigures, CubeCell, DashboardFilter, TrendPoint } from "~/domain/report/types";

const toCell = (r: {
  tier?: unknown;
  country?: string;
  band: DashboardBand;
  currency: string;
  suppliers: unknown;
  scored?: unknown;
  score_sum?: unknown;
  assessed?: unknown;
  spend: unknown;
}): CubeCell => ({
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
): Promise<{ live: true; cells: CubeCell[] } | { live: false; byTier: CubeCell[]; byCountry: CubeCell[] }> {
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
        let q = db
          .selectFrom("dashboard_cube_principles")
          .select(["tier", "country", "band", "principle", "suppliers", "score_sum"])
          .where("org_id", "=", orgId);
        if (f.tier !== undefined) q = q.where("tier", "=", f.tier);
        if (f.country) q = q.where("country", "=", f.country);
        if (f.band) q = q.where("band", "=", f.band);
        return q.execute();
      })()
    : await principleSelect(db, orgId, f).execute();
  return rows.map((r) => ({
    tier: n(r.tier),
    country: r.country,
    band: r.band,
    principle: r.principle,
    suppliers: n(r.suppliers),
    scoreSum: n(r.score_sum),
  }));
}

/** The tiers and countries the tenant's (non-archived) suppliers have, from the cube. */
export async function cubeDimensions(db: DbOrTrx, orgId: number): Promise<{ tiers: number[]; countries: string[] }> {
  const [tiers, countries] = await Promise.all([
    db.selectFrom("dashboard_cube").select("tier").distinct().where("org_id", "=", orgId).orderBy("tier").execute(),
    db.selectFrom("dashboard_cube").select("country").distinct().where("org_id", "=", orgId).orderBy("country").execute(),
  ]);
  return { tiers: tiers.map((r) => n(r.tier)), countries: countries.map((r) => r.country) };
}

/**
 * One point per day with a roll-up between the two days (inclusive): the tenant's daily snapshots,
 * or the trend rows of one tier and/or country when the filter names them.
 */
export async function trendPoints(
  db: DbOrTrx,
  orgId: number,
  fromDay: string,
  toDay: string,
  f: Pick<DashboardFilter, "tier" | "country">,
): Promise<TrendPoint[]> {
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
      return {
        day: r.day,
        suppliers: n(r.suppliers),
        avgScore: scored ? n(r.avg_score) : null,
        low: n(r.low),
        medium: n(r.medium),
        high: n(r.high),
        critical: n(r.critical),
        assessed: n(r.assessed),
      };
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
export async function riskiestSuppliers(
  db: DbOrTrx,
  orgId: number,
  f: DashboardFilter,
  limit = 10,
  scoreBelow?: number,
): Promise<RiskySupplier[]> {
  let q = db
    .selectFrom("suppliers as s")
    .where(supplierCondition(orgId, f, { bandUnindexed: scoreBelow !== undefined && isSqlite(db) }))
    .select(["s.id", "s.name", "s.country", "s.tier", "s.risk_score", "s.risk_band", "s.risk_digest"])
    .where("s.risk_score", "is not", null);
  if (scoreBelow !== undefined) q = q.where("s.risk_score", "<", scoreBelow);
  const rows = await q.orderBy("s.risk_score", "desc").orderBy("s.id", "desc").limit(limit).execute();
  const drivers = new Map<number, string>();
  const ids = rows.map((r) => r.id);
  if (ids.length) {
    const scores = await db
      .selectFrom("risk_scores")
      .select(["supplier_id", "digest", "breakdown", "id"])
      .where("org_id", "=", orgId)
      .where("supplier_id", "in", ids)
      .where(
        "digest",
        "in",
        rows.map((r) => r.risk_digest ?? ""),
      )
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
}

export async function assessmentFigures(
  db: DbOrTrx,
  orgId: number,
  f: DashboardFilter,
  fromIso: string,
  toIso: string,
  today: string,
): Promise<AssessmentFigures> {
  // Without a filter, every questionnaire of the tenant counts (as in the assessment list the
  // figures lead to). With one, only those of matching suppliers, through a CROSS JOIN so that
  // SQLite reads the assessments first (a tenant has far fewer of them than suppliers).
  const scoped = () =>
    hasFilter(f)
      ? db
          .selectFrom("assessments as a")
          .crossJoin("suppliers as s")
          .whereRef("s.id", "=", "a.supplier_id")
          .where("a.org_id", "=", orgId)
          .where(supplierCondition(orgId, f))
      : db.selectFrom("assessments as a").where("a.org_id", "=", orgId);
  const [funnel, overdue] = await Promise.all([
    scoped()
      .select([
        sql<number>`sum(case when a.sent_at is not null or a.started_at is not null
          or a.submitted_at is not null or a.approved_at is not null then 1 else 0 end)`.as("sent"),
        sql<number>`sum(case when a.started_at is not null
          or a.submitted_at is not null or a.approved_at is not null then 1 else 0 end)`.as("started"),
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
  ]);
  return {
    funnel: { sent: n(funnel?.sent), started: n(funnel?.started), submitted: n(funnel?.submitted), approved: n(funnel?.approved) },
    overdue: n(overdue?.n),
  };
}

export async function actionFigures(
  db: DbOrTrx,
  orgId: number,
  f: DashboardFilter,
  fromIso: string,
  toIso: string,
  today: string,
): Promise<ActionFigures> {
  // As for questionnaires: every action of the tenant (as in the action list), or those of the
  // suppliers matching the filter.
  const base = db.selectFrom("corrective_actions as ca");
  const scoped = hasFilter(f)
    ? base
        .crossJoin("suppliers as s")
        .whereRef("s.id", "=", "ca.supplier_id")
        .where("ca.org_id", "=", orgId)
        .where(supplierCondition(orgId, f))
    : base.where("ca.org_id", "=", orgId);
  const r = await scoped
    .select([
      sql<number>`sum(case when ca.status in ('open', 'in_progress') then 1 else 0 end)`.as("open"),
      sql<number>`sum(case when ca.status in ('open', 'in_progress') and ca.due_at < ${today} then 1 else 0 end)`.as("overdue"),
      sql<number>`sum(case when ca.status in ('open', 'in_progress') and ca.source = 'red_flag' then 1 else 0 end)`.as("red_flags"),
      sql<number>`sum(case when ca.created_at >= ${fromIso} and ca.created_at <= ${toIso} then 1 else 0 end)`.as("opened"),
      sql<number>`sum(case when ca.done_at is not null and ca.done_at >= ${fromIso} and ca.done_at <= ${toIso} then 1 else 0 end)`.as(
        "closed",
      ),
    ])
    .executeTakeFirst();
  return {
    open: n(r?.open),
    overdue: n(r?.overdue),
    openRedFlags: n(r?.red_flags),
    openedInPeriod: n(r?.opened),
    closedInPeriod: n(r?.closed),
  };
}
