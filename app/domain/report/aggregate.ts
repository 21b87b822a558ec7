// From roll-up rows to the dashboard's figures: totals, bands per tier, risk and spend by country,
// and principle maturity. Pure module: no node, kysely, remix or react imports.
import {
  BANDS,
  type Band,
  type BandCounts,
  type CountryRisk,
  type CubeCell,
  type CubeSummary,
  type PrincipleCell,
  type PrincipleScore,
  type TierBands,
} from "./types";

export function emptyBands(): BandCounts {
  return { critical: 0, high: 0, medium: 0, low: 0, none: 0 };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The currency holding the most spend (ties: alphabetical); null when no spend carries a currency. */
export function mainCurrency(cells: readonly CubeCell[]): string | null {
  const byCurrency = new Map<string, number>();
  for (const c of cells) if (c.currency && c.spend > 0) byCurrency.set(c.currency, (byCurrency.get(c.currency) ?? 0) + c.spend);
  let best: string | null = null;
  let bestSpend = -1;
  for (const [cur, spend] of [...byCurrency].sort(([a], [b]) => a.localeCompare(b))) {
    if (spend > bestSpend) {
      best = cur;
      bestSpend = spend;
    }
  }
  return best;
}

const isAtRisk = (b: Band) => b === "high" || b === "critical";

type Totals = Omit<CubeSummary, "countries">;

function totals(cells: readonly CubeCell[], currency: string | null): Totals {
  const bands = emptyBands();
  const tiers = new Map<number, TierBands>();
  let suppliers = 0;
  let scored = 0;
  let scoreSum = 0;
  let assessed = 0;
  let total = 0;
  let atRisk = 0;
  let otherCurrencySuppliers = 0;
  for (const c of cells) {
    suppliers += c.suppliers;
    scored += c.scored;
    scoreSum += c.scoreSum;
    assessed += c.assessed;
    bands[c.band] += c.suppliers;
    let t = tiers.get(c.tier);
    if (!t) tiers.set(c.tier, (t = { tier: c.tier, suppliers: 0, bands: emptyBands() }));
    t.suppliers += c.suppliers;
    t.bands[c.band] += c.suppliers;
    if (currency !== null && c.currency === currency) {
      total += c.spend;
      if (isAtRisk(c.band)) atRisk += c.spend;
    } else if (c.spend > 0) {
      otherCurrencySuppliers += c.suppliers;
    }
  }
  return {
    suppliers,
    scored,
    avgScore: scored ? round2(scoreSum / scored) : null,
    assessed,
    assessedShare: suppliers ? assessed / suppliers : null,
    bands,
    byTier: [...tiers.values()].sort((a, b) => (a.tier === 0 ? 1 : b.tier === 0 ? -1 : a.tier - b.tier)),
    spend: { currency, total, atRisk, otherCurrencySuppliers },
  };
}

/** Every country's suppliers, high and critical ones, and their spend in `currency` (others are not converted). */
export function countryRisks(
  cells: ReadonlyArray<Pick<CubeCell, "country" | "band" | "currency" | "suppliers" | "spend">>,
  currency: string | null,
): CountryRisk[] {
  const countries = new Map<string, CountryRisk>();
  for (const c of cells) {
    let k = countries.get(c.country);
    if (!k) countries.set(c.country, (k = { country: c.country, suppliers: 0, high: 0, critical: 0, spendHigh: 0, spendCritical: 0 }));
    k.suppliers += c.suppliers;
    const counted = currency !== null && c.currency === currency;
    if (c.band === "high") {
      k.high += c.suppliers;
      if (counted) k.spendHigh += c.spend;
    } else if (c.band === "critical") {
      k.critical += c.suppliers;
      if (counted) k.spendCritical += c.spend;
    }
  }
  return [...countries.values()].sort((a, b) => a.country.localeCompare(b.country));
}

/** Totals, bands by tier (tiers ascending, "not linked" last) and every country's risk and spend at risk. */
export function summarize(cells: readonly CubeCell[]): CubeSummary {
  const currency = mainCurrency(cells);
  return { ...totals(cells, currency), countries: countryRisks(cells, currency) };
}

/**
 * The same summary from the roll-up summed two ways: by tier × band × currency (for the totals)
 * and by country × band × currency (for the countries).
 */
export function summarizeParts(
  byTier: readonly CubeCell[],
  byCountry: ReadonlyArray<Pick<CubeCell, "country" | "band" | "currency" | "suppliers" | "spend">>,
): CubeSummary {
  const currency = mainCurrency(byTier);
  return { ...totals(byTier, currency), countries: countryRisks(byCountry, currency) };
}

/** Countries with the most high and critical suppliers (more critical first on a tie), at most `limit`. */
export function topCountriesByRisk(countries: readonly CountryRisk[], limit = 10): CountryRisk[] {
  return countries
    .filter((c) => c.high + c.critical > 0)
    .sort(
      (a, b) =>
        b.high + b.critical - (a.high + a.critical) ||
        b.critical - a.critical ||
        b.suppliers - a.suppliers ||
        a.country.localeCompare(b.country),
    )
    .slice(0, limit);
}

/** Countries with the most spend in high and critical suppliers, at most `limit`. */
export function topCountriesBySpend(countries: readonly CountryRisk[], limit = 10): CountryRisk[] {
  return countries
    .filter((c) => c.spendHigh + c.spendCritical > 0)
    .sort((a, b) => b.spendHigh + b.spendCritical - (a.spendHigh + a.spendCritical) || a.country.localeCompare(b.country))
    .slice(0, limit);
}

/** Mean maturity (0..100) per principle, in the order given, over the suppliers each applies to. */
export function principleScores(
  cells: readonly PrincipleCell[],
  principles: ReadonlyArray<{ principle: string; label: string }>,
): PrincipleScore[] {
  const sums = new Map<string, { n: number; sum: number }>();
  for (const c of cells) {
    const s = sums.get(c.principle) ?? { n: 0, sum: 0 };
    s.n += c.suppliers;
    s.sum += c.scoreSum;
    sums.set(c.principle, s);
  }
  return principles.map(({ principle, label }) => {
    const s = sums.get(principle);
    return { principle, label, suppliers: s?.n ?? 0, average: s && s.n ? Math.round((s.sum / s.n) * 1000) / 10 : null };
  });
}

/** Bands in the order charts stack them (worst on top of the stack is drawn last). */
export const STACK_ORDER: readonly Band[] = [...BANDS].reverse();
