// The executive dashboard and the board report: the roll-ups and live counts of one tenant for a
// filter and a period, aggregated (app/domain/report), with country and principle names resolved
// here once (server and browser ICU data differ for a few regions). Read-only.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import { actionFigures, assessmentFigures, cubeRows, principleRows, riskiestSuppliers, trendPoints } from "~/models/dashboard.server";
import { markRollupStale, rollupState } from "~/models/dashboard-rollup.server";
import { rolledUpSupplierCount } from "~/models/supplier-map.server";
import { filterOptions } from "~/models/supplier.server";
import { principleScores, summarize, summarizeParts, topCountriesByRisk } from "~/domain/report/aggregate";
import { periodBounds, resolvePeriod } from "~/domain/report/period";
import { scopeLabel } from "~/domain/report/figures";
import { writeNarrative, type NarrativeSection } from "~/domain/report/narrative";
import { reportCsv } from "~/domain/report/csv";
import { NO_TIER, type Band, type DashboardData, type DashboardFilter } from "~/domain/report/types";
import { PRINCIPLES } from "~/domain/questionnaire/types";
import { translator } from "~/domain/questionnaire/i18n";
import { countryName } from "~/domain/country";
import type { DashboardQuery } from "~/schemas/dashboard";
import { activeJobs } from "~/models/risk-jobs.server";
import { currentMethodology, refreshRollup } from "./risk.server";
import { log } from "~/lib/logger.server";
import { nowIso } from "~/lib/time";
import { todayIso } from "~/domain/dates";
import { fail, ok, type Result } from "~/domain/result";

type DB = Kysely<Database>;

export interface DashboardView {
  data: DashboardData;
  options: DashboardOptions;
  countryCells: ReadonlyArray<{ country: string; band: Band; suppliers: number }>;
}

/** The dashboard's figures, or "invalid" when the period cannot be used (the message says why). */
export type DashboardResult = Result<DashboardView>;

export interface DashboardOptions {
  tiers: number[];
  countries: Array<{ iso2: string; name: string }>;
  sectors: string[];
  goods: string[];
}

const t = translator("en");
// Intl.DisplayNames is slow enough to show in a profile of this page: names are kept once resolved.
const COUNTRY_NAMES = new Map<string, string>();
function nameOf(iso2: string): string {
  let name = COUNTRY_NAMES.get(iso2);
  if (name === undefined) COUNTRY_NAMES.set(iso2, (name = countryName(iso2)));
  return name;
}
const PRINCIPLE_LABELS = PRINCIPLES.map((p) => ({ principle: p, label: t(`principle.${p}`) }));

function filterOf(q: DashboardQuery): DashboardFilter {
  const f: DashboardFilter = {};
  if (q.tier !== undefined) f.tier = q.tier;
  if (q.country) f.country = q.country;
  if (q.sector) f.sector = q.sector;
  if (q.good) f.good = q.good;
  if (q.band) f.band = q.band;
  return f;
}

/**
 * Call after a supplier edit that moves no score but may change what the roll-ups count (spend,
 * currency, status): they are marked stale and rewritten on the next read, so the save does not
 * wait for a pass over the tenant. Never throws (the edit is already committed).
 */
export async function supplierFiguresChanged(db: DB, orgId: number): Promise<void> {
  try {
    await markRollupStale(db, orgId);
  } catch (e) {
    log.error("dashboard roll-up not marked stale", { orgId, error: e instanceof Error ? e.message : String(e) });
  }
}

/** Scores at or above this are in a worse band than `band` (the top-ten query starts below it). */
async function bandCeiling(db: DB, orgId: number, band: Band | undefined): Promise<number | undefined> {
  if (!band || band === "critical" || band === "none") return undefined;
  const { bands } = (await currentMethodology(db, orgId)).config;
  return band === "high" ? bands.critical : band === "medium" ? bands.high : bands.medium;
}

/**
 * Up to this many suppliers, stale roll-ups are rewritten before the dashboard reads them (a pass over
 * the tenant: tens of milliseconds). Above it the pass takes seconds on PostgreSQL, and every view after
 * each edit would pay it while officers edit: the dashboard shows the roll-ups as they are, says so, and
 * the periodic refresh (every 30 s, app/server/jobs.ts) rewrites them.
 */
export const INLINE_ROLLUP_LIMIT = 10_000;

/**
 * The dashboard's figures for a filter and a period (the URL's query, already parsed). `exact` (the
 * board report, printed for the board) always rewrites stale roll-ups first, whatever the tenant's size.
 */
export async function dashboardData(
  db: DB,
  orgId: number,
  q: DashboardQuery,
  now: Date = new Date(),
  opts: { exact?: boolean; inlineLimit?: number } = {},
): Promise<DashboardResult> {
  const today = todayIso(now);
  const period = resolvePeriod(q, today);
  if ("error" in period) return fail("invalid", period.error);
  const filter = filterOf(q);
  const { fromIso, toIso } = periodBounds(period);

  // Roll-ups never written (a tenant created before them, or not scored yet) are written now; made stale by
  // a supplier edit, they are rewritten now (with today's snapshot, writeSnapshot) unless the tenant is large.
  let state = await rollupState(db, orgId);
  let updating = false;
  if (state?.stale && !opts.exact && (await rolledUpSupplierCount(db, orgId)) > (opts.inlineLimit ?? INLINE_ROLLUP_LIMIT)) {
    updating = true;
  } else if (!state || state.stale) {
    await refreshRollup(db, orgId);
    state = (await rollupState(db, orgId)) ?? { refreshedAt: nowIso(now), stale: false };
  }
  const refreshedAt = state.refreshedAt;

  const [cells, principles, options, riskiest, trend, assessments, actions, jobs] = await Promise.all([
    cubeRows(db, orgId, filter, now),
    principleRows(db, orgId, filter),
    filterOptions(db, orgId),
    filter.band === "none"
      ? Promise.resolve([])
      : bandCeiling(db, orgId, filter.band).then((below) => riskiestSuppliers(db, orgId, filter, 10, below)),
    trendPoints(db, orgId, period.from, period.to, filter),
    assessmentFigures(db, orgId, filter, fromIso, toIso, today),
    actionFigures(db, orgId, filter, fromIso, toIso, today),
    activeJobs(db, orgId),
  ]);

  const summary = cells.live ? summarize(cells.cells) : summarizeParts(cells.byTier, cells.byCountry);
  const countryNames: Record<string, string> = {};
  const named = (iso2: string) => (countryNames[iso2] ??= nameOf(iso2));
  for (const c of summary.countries) named(c.country);
  for (const c of options.countries) named(c);
  for (const r of riskiest) named(r.country);
  if (filter.country) named(filter.country);

  const data: DashboardData = {
    filter,
    period,
    emptyTenant: options.countries.length === 0,
    summary,
    principles: principleScores(principles, PRINCIPLE_LABELS),
    trend: { points: trend, scope: filter.tier !== undefined || filter.country ? "tier-country" : "all" },
    funnel: assessments.funnel,
    assessments: { overdue: assessments.overdue },
    actions,
    riskiest: riskiest.map((r) => ({ ...r, countryName: named(r.country) })),
    countryNames,
    pending: jobs.map((j) => ({ trigger: j.trigger, done: j.progress_done, total: j.progress_total })),
    refreshedAt,
    updating,
  };
  const tiers = [...options.tiers].sort((a, b) => a - b);
  if (summary.byTier.some((b) => b.tier === NO_TIER) || filter.tier === NO_TIER) tiers.push(NO_TIER);
  return ok({
    data,
    // Suppliers by country × band (the roll-up's rows): the supplier map's countries, read once here.
    countryCells: cells.live ? cells.cells : cells.byCountry,
    options: {
      tiers,
      countries: options.countries.map((c) => ({ iso2: c, name: named(c) })).sort((a, b) => a.name.localeCompare(b.name, "en")),
      sectors: options.sectors,
      goods: options.goods,
    },
  });
}

export interface BoardReport {
  data: DashboardData;
  options: DashboardOptions;
  narrative: NarrativeSection[];
  scope: string | null;
  generatedAt: string;
}

/** The board report: the dashboard's figures for the period, and the narrative written from them. */
export async function boardReport(db: DB, orgId: number, q: DashboardQuery, now: Date = new Date()): Promise<Result<BoardReport>> {
  const r = await dashboardData(db, orgId, q, now, { exact: true });
  if (!r.ok) return r;
  const d = r.value.data;
  const scope = scopeLabel(d.filter, d.countryNames);
  const narrative = writeNarrative({
    period: d.period,
    scope,
    trend: d.trend.points,
    now: { suppliers: d.summary.suppliers, assessed: d.summary.assessed, bands: d.summary.bands, avgScore: d.summary.avgScore },
    riskiest: d.riskiest,
    countries: topCountriesByRisk(d.summary.countries, 3).map((c) => ({
      name: d.countryNames[c.country] ?? c.country,
      high: c.high,
      critical: c.critical,
    })),
    actions: d.actions,
    funnel: d.funnel,
    assessments: d.assessments,
  });
  return ok({ data: d, options: r.value.options, narrative, scope, generatedAt: nowIso(now) });
}

/** The numbers behind every chart of the report, as CSV text. */
export async function boardReportCsv(
  db: DB,
  org: { id: number; name: string },
  q: DashboardQuery,
  now: Date = new Date(),
): Promise<Result<string>> {
  const r = await boardReport(db, org.id, q, now);
  if (!r.ok) return r;
  const { data, scope, generatedAt } = r.value;
  return ok(reportCsv(data, { organization: org.name, scope, generatedAt }));
}
