// Risk model v1, step 1: inherent risk I = weighted mean of country, goods and workforce risk.
//
// Decisions not spelled out in docs/architecture.md ("The risk pipeline"):
// - Country: the iso2 is trimmed and upper-cased; a tier label the model does not know counts as
//   "no data" (50). An override replaces the value; the TIP value stays in tipValue for the record.
// - Goods are matched trimmed, with runs of spaces collapsed and case folded. Duplicates are merged
//   and the list is sorted by that key, so the breakdown does not depend on the order goods were
//   entered. Each good takes the worst kind among the list's entries for it; the driver is the good
//   with the highest value (ties: first in sorted order) and cites the TVPRA spelling, the country
//   and the list year (for "forced elsewhere": the latest year, then the lowest iso2).
// - Workforce vulnerability (0..100) = WORKFORCE_BASELINE (10) + points:
//     migrant share       0.25 per % (≤ 25)        temporary share   0.10 per % (≤ 10)
//     uses agencies       10                       not all licensed  15 × (1 − licensing points)
//     fees charged        20                       not repaid        10 × (1 − repayment points)
//   A follow-up left unanswered after a "yes" (licensing, repayment) counts as the worst case: the
//   supplier has admitted the risk and not shown it is handled. Unanswered primary questions add
//   nothing. The part is null when none of migrant share, temporary share, agencies or fees is
//   answered; the inherent weights are then renormalised over country and goods.
// - I is computed with the unrounded renormalised weights, then rounded to 2 decimals; the stored
//   weights are rounded for display.
// Pure module: no node, kysely, remix or react imports.
import type { WorkforceProfile } from "~/domain/questionnaire";
import { clamp, round2 } from "./round";
import type { CountryPart, GoodsPart, Methodology, ReferenceData, TipPlacement, TvpraEntry, WorkforceFactor, WorkforcePart } from "./types";

/** Country risk per TIP tier label (as stored in tip_tiers.tier). */
export const TIP_TIER_SCORES: Readonly<Record<string, number>> = Object.freeze({
  "Tier 1": 15,
  "Tier 2": 40,
  "Tier 2 Watch List": 65,
  "Tier 3": 90,
  "Special Case": 80,
});
export const NO_TIP_DATA_SCORE = 50;

// input_here: a "downstream" listing (made with listed inputs, e.g. solar modules from listed
// polysilicon); DOL gives those rows no labour flag of their own, so they score like child labour.
export const GOODS_SCORES = Object.freeze({ forced_here: 90, child_here: 60, input_here: 60, forced_elsewhere: 45, none: 15 });
export type GoodsKind = keyof typeof GOODS_SCORES;

export const WORKFORCE_BASELINE = 10;
export const WORKFORCE_POINTS = Object.freeze({
  migrantPerPercent: 0.25,
  temporaryPerPercent: 0.1,
  usesAgencies: 10,
  unlicensedAgencies: 15,
  feesCharged: 20,
  feesNotRepaid: 10,
});

const TIER_BY_LOWER = new Map(Object.entries(TIP_TIER_SCORES).map(([label, score]) => [label.toLowerCase(), { label, score }]));

/** The known tier label and its score; null for no data or an unknown label. */
export function tipTier(tier: string | null | undefined): { label: string; score: number } | null {
  if (typeof tier !== "string") return null;
  return TIER_BY_LOWER.get(tier.trim().replace(/\s+/g, " ").toLowerCase()) ?? null;
}

export function normalizeIso2(iso2: string): string {
  return iso2.trim().toUpperCase();
}

/** Country part with a provisional weight (assessResidual sets the renormalised one). */
export function countryPart(countryIso2: string, ref: ReferenceData, m: Methodology): CountryPart {
  const iso2 = normalizeIso2(countryIso2);
  return countryPartOf(iso2, ref.tip.get(iso2), m);
}

/** The country part from the placement that counts for it (its own, or a stand-in's in v2) and any override. */
export function countryPartOf(iso2: string, placement: TipPlacement | undefined, m: Methodology): CountryPart {
  const tier = tipTier(placement?.tier);
  const tipValue = tier?.score ?? NO_TIP_DATA_SCORE;
  const o = Object.hasOwn(m.countryOverrides, iso2) ? m.countryOverrides[iso2] : undefined;
  const override = o ? { score: round2(o.score), reason: o.reason } : null;
  return {
    iso2,
    tier: tier && placement ? tier.label : null,
    year: tier && placement ? placement.year : null,
    value: override ? override.score : tipValue,
    tipValue,
    weight: 0,
    override,
  };
}

export function goodKey(good: string): string {
  return good.trim().replace(/\s+/g, " ").toLowerCase();
}

// The goods list is the same for every supplier of a computation: index it once per array.
const goodsIndexCache = new WeakMap<readonly TvpraEntry[], Map<string, TvpraEntry[]>>();
export function goodsIndex(goods: readonly TvpraEntry[]): Map<string, TvpraEntry[]> {
  let index = goodsIndexCache.get(goods);
  if (!index) {
    index = new Map();
    for (const e of goods) {
      const key = goodKey(e.good);
      const list = index.get(key);
      if (list) list.push(e);
      else index.set(key, [e]);
    }
    goodsIndexCache.set(goods, index);
  }
  return index;
}

/** Goods trimmed, deduplicated by key and sorted, so a breakdown does not depend on the order goods were entered. */
export function uniqueGoods(goods: readonly string[]): Array<{ key: string; label: string }> {
  const unique = new Map<string, string>();
  const labelled = goods
    .map((g) => ({ key: goodKey(g), label: g.trim().replace(/\s+/g, " ") }))
    .filter((g) => g.key !== "")
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  for (const g of labelled) if (!unique.has(g.key)) unique.set(g.key, g.label);
  return [...unique].map(([key, label]) => ({ key, label }));
}

type Classified = { kind: GoodsKind; entry: TvpraEntry | null };

function classify(entries: readonly TvpraEntry[], iso2: string): Classified {
  let forcedHere: TvpraEntry | null = null;
  let childHere: TvpraEntry | null = null;
  let inputHere: TvpraEntry | null = null;
  let forcedElsewhere: TvpraEntry | null = null;
  for (const e of entries) {
    const here = normalizeIso2(e.iso2) === iso2;
    if (here && e.forcedLabor && (!forcedHere || e.year > forcedHere.year)) forcedHere = e;
    if (here && e.childLabor && (!childHere || e.year > childHere.year)) childHere = e;
    if (here && e.inputFrom && !e.childLabor && !e.forcedLabor && (!inputHere || e.year > inputHere.year)) inputHere = e;
    if (!here && e.forcedLabor) {
      const better =
        !forcedElsewhere ||
        e.year > forcedElsewhere.year ||
        (e.year === forcedElsewhere.year && normalizeIso2(e.iso2) < normalizeIso2(forcedElsewhere.iso2));
      if (better) forcedElsewhere = e;
    }
  }
  if (forcedHere) return { kind: "forced_here", entry: forcedHere };
  if (childHere) return { kind: "child_here", entry: childHere };
  if (inputHere) return { kind: "input_here", entry: inputHere };
  if (forcedElsewhere) return { kind: "forced_elsewhere", entry: forcedElsewhere };
  return { kind: "none", entry: null };
}

export function goodsPart(goods: readonly string[], countryIso2: string, ref: ReferenceData): GoodsPart {
  const iso2 = normalizeIso2(countryIso2);
  const index = goodsIndex(ref.goods);
  const list: GoodsPart["goods"] = [];
  let driver: GoodsPart["driver"] = null;
  let value: number = GOODS_SCORES.none;
  for (const { key, label } of uniqueGoods(goods)) {
    const { kind, entry } = classify(index.get(key) ?? [], iso2);
    const v = GOODS_SCORES[kind];
    list.push({ good: label, value: v, kind });
    if (kind !== "none" && entry && (driver === null || v > value)) {
      value = v;
      driver = { good: entry.good, kind, iso2: normalizeIso2(entry.iso2), year: entry.year };
    }
  }
  return { value, weight: 0, driver, goods: list };
}

/** Workforce vulnerability from the profile answers; null when none of its facts is answered. */
export function workforcePart(profile: WorkforceProfile): WorkforcePart | null {
  const { migrantShare, temporaryShare, usesAgencies, feesCharged } = profile;
  if (migrantShare === null && temporaryShare === null && usesAgencies === null && feesCharged === null) return null;
  const P = WORKFORCE_POINTS;
  const factors: WorkforcePart["factors"] = [];
  const add = (factor: WorkforceFactor, answer: number | boolean | null, points: number, tag: keyof WorkforceProfile["sources"]) =>
    factors.push({ factor, answer, points: round2(points), questionKey: answer === null ? null : (profile.sources[tag] ?? null) });

  if (migrantShare !== null) add("migrant_share", migrantShare, P.migrantPerPercent * clamp(migrantShare, 0, 100), "migrant_share");
  if (temporaryShare !== null)
    add("temporary_share", temporaryShare, P.temporaryPerPercent * clamp(temporaryShare, 0, 100), "temporary_share");
  if (usesAgencies !== null) {
    add("uses_agencies", usesAgencies, usesAgencies ? P.usesAgencies : 0, "uses_agencies");
    if (usesAgencies) {
      const licensed = profile.agenciesLicensed;
      add("agencies_licensed", licensed, P.unlicensedAgencies * (1 - clamp(licensed ?? 0, 0, 1)), "agencies_licensed");
    }
  }
  if (feesCharged !== null) {
    add("fees_charged", feesCharged, feesCharged ? P.feesCharged : 0, "fees_charged");
    if (feesCharged) {
      const repaid = profile.feesRepaid;
      add("fees_repaid", repaid, P.feesNotRepaid * (1 - clamp(repaid ?? 0, 0, 1)), "fees_repaid");
    }
  }
  const value = round2(clamp(WORKFORCE_BASELINE + factors.reduce((s, f) => s + f.points, 0), 0, 100));
  return { value, weight: 0, factors };
}

/**
 * Renormalises the methodology's inherent weights over the parts present, writes the effective
 * (rounded) weights into the parts and returns I.
 */
export function combineInherent(country: CountryPart, goods: GoodsPart, workforce: WorkforcePart | null, m: Methodology): number {
  const w = m.inherentWeights;
  const total = w.country + w.goods + (workforce ? w.workforce : 0);
  if (!(Number.isFinite(total) && total > 0)) {
    throw new Error("Risk methodology: the inherent-risk weights of the parts with data sum to 0 (check methodologyProblems).");
  }
  const wc = w.country / total;
  const wg = w.goods / total;
  const ww = workforce ? w.workforce / total : 0;
  country.weight = round2(wc);
  goods.weight = round2(wg);
  if (workforce) workforce.weight = round2(ww);
  return round2(wc * country.value + wg * goods.value + ww * (workforce?.value ?? 0));
}
