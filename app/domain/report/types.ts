// The executive dashboard and the board report: the shapes shared by the pure aggregation, the
// narrative, the CSV export, the dashboard service and the UI. Pure module: no node, kysely, remix
// or react imports.

export const BANDS = ["critical", "high", "medium", "low", "none"] as const;
/** A risk band, or "none" for a supplier without a score yet. */
export type Band = (typeof BANDS)[number];

export const BAND_LABELS: Readonly<Record<Band, string>> = {
  critical: "Critical",
  high: "High",
  medium: "Medium",
  low: "Low",
  none: "Not scored",
};

/** Tier 0 stands for "not linked to a buyer" (no tier). */
export const NO_TIER = 0;

export function tierLabel(tier: number): string {
  return tier === NO_TIER ? "Not linked" : `Tier ${tier}`;
}

/** The dashboard's filters (all optional), as in its URL. */
export interface DashboardFilter {
  tier?: number;
  country?: string;
  sector?: string;
  band?: Band;
  good?: string;
}

/** One roll-up row: suppliers of one tier × country × band × currency. */
export interface CubeCell {
  tier: number;
  country: string;
  band: Band;
  currency: string;
  suppliers: number;
  scored: number;
  scoreSum: number;
  assessed: number;
  spend: number;
}

/** Principle scores (0..1) summed over suppliers of one tier × country × band with a current assessment. */
export interface PrincipleCell {
  tier: number;
  country: string;
  band: Band;
  principle: string;
  suppliers: number;
  scoreSum: number;
}

export type BandCounts = Record<Band, number>;

export interface TierBands {
  tier: number;
  suppliers: number;
  bands: BandCounts;
}

export interface CountryRisk {
  country: string;
  suppliers: number;
  high: number;
  critical: number;
  /** Spend (in the summary's currency) of the high and critical suppliers. */
  spendHigh: number;
  spendCritical: number;
}

export interface SpendSummary {
  /** The currency most of the spend is in (others are not converted); null when no spend is known. */
  currency: string | null;
  total: number;
  atRisk: number;
  /** Suppliers whose spend is in another currency (left out of the spend figures). */
  otherCurrencySuppliers: number;
}

export interface CubeSummary {
  suppliers: number;
  scored: number;
  avgScore: number | null;
  assessed: number;
  /** assessed / suppliers, 0..1; null without suppliers. */
  assessedShare: number | null;
  bands: BandCounts;
  byTier: TierBands[];
  countries: CountryRisk[];
  spend: SpendSummary;
}

export interface PrincipleScore {
  principle: string;
  label: string;
  /** Mean score 0..100 over the suppliers it applies to; null when none has answered it. */
  average: number | null;
  suppliers: number;
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

export interface Funnel {
  sent: number;
  started: number;
  submitted: number;
  approved: number;
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

export interface RiskySupplier {
  id: number;
  name: string;
  country: string;
  countryName: string;
  tier: number | null;
  score: number;
  band: Band;
  driver: string | null;
}

export interface Period {
  /** First and last day, inclusive (YYYY-MM-DD, UTC). */
  from: string;
  to: string;
  days: number;
  /** 30, 90 or 365 for "the last N days"; null for chosen dates. */
  preset: number | null;
}

/** Everything the dashboard and the board report show. */
export interface DashboardData {
  filter: DashboardFilter;
  period: Period;
  /** The tenant has no supplier at all (whatever the filter). */
  emptyTenant: boolean;
  summary: CubeSummary;
  principles: PrincipleScore[];
  trend: { points: TrendPoint[]; scope: "all" | "tier-country" };
  funnel: Funnel;
  assessments: { overdue: number };
  actions: ActionFigures;
  riskiest: RiskySupplier[];
  countryNames: Record<string, string>;
  /** Risk recomputations still running (the figures will move when they finish). */
  pending: Array<{ trigger: string; done: number; total: number }>;
  /** When the roll-ups were last rewritten. */
  refreshedAt: string | null;
  /**
   * The roll-ups trail a recent supplier edit: a large tenant's dashboard shows them as they are and the
   * periodic refresh rewrites them within a minute (a small tenant's is rewritten before it is read).
   */
  updating: boolean;
}
