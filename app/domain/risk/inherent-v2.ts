// Risk model v2, step 1: inherent risk from the country (with a stand-in for unranked countries),
// forced-labour goods, child-labour goods (its own part) and the workforce profile. v1's
// inherent.ts is unchanged; this module only adds what v2 changes.
//
// Decisions not spelled out in docs/architecture.md ("The risk pipeline"):
// - Country: as v1, except that a country the TIP report does not rank takes the placement of the
//   state that stands for it (placementOf, one step only); the part names the stand-in. An admin's
//   override still replaces the value.
// - Forced-labour goods keep v1's values without the child-labour kind: forced labour here 90,
//   made with listed inputs here 60, forced labour elsewhere 45, none 15. A good listed only for
//   child labour here counts in the child-labour part (here 70, elsewhere 30, none 0).
// - Likely goods come from the sector (sector-goods.ts) unless the officer rejected them. Each
//   counts the methodology's likelyGoodsFactor (0.8) of its value as a recorded good. Recorded goods
//   do not silence the sector: each goods part is the higher of the recorded and the likely value,
//   and on a tie the recorded good drives. Likely goods never set a floor (goodsFloor below).
// - The listed-goods floor: a recorded good listed for forced labour (first) or child labour in the
//   supplier's own country; the latest list year and then the good's sorted order pick the one cited.
// Pure module: no node, kysely, remix or react imports.
import { countryPartOf, goodKey, goodsIndex, normalizeIso2, uniqueGoods } from "./inherent";
import { placementOf } from "./placement";
import { round2 } from "./round";
import { likelyGoodsOfSector, SECTOR_GOODS_VERSION } from "./sector-goods";
import type {
  ChildGoodsPart,
  CountryPart,
  GoodsFloor,
  GoodsPart,
  LikelyGoods,
  Methodology,
  ReferenceData,
  TvpraEntry,
  WorkforcePart,
} from "./types";

export const FORCED_GOODS_SCORES = Object.freeze({ forced_here: 90, input_here: 60, forced_elsewhere: 45, none: 15 });
export const CHILD_GOODS_SCORES = Object.freeze({ child_here: 70, child_elsewhere: 30, none: 0 });
type ForcedKind = keyof typeof FORCED_GOODS_SCORES;
type ChildKind = keyof typeof CHILD_GOODS_SCORES;

const NO_PROXIES = new Map();
const NO_ENTRIES: readonly TvpraEntry[] = [];

/** Country part of v2: its own TIP placement, else its stand-in's, else "no data" (50). */
export function countryPartV2(countryIso2: string, ref: ReferenceData, m: Methodology): CountryPart {
  const iso2 = normalizeIso2(countryIso2);
  const p = placementOf(iso2, ref.tip, ref.proxies ?? NO_PROXIES);
  const part = countryPartOf(iso2, p?.placement, m);
  return { ...part, standIn: part.tier !== null && p?.standIn ? { ...p.standIn } : null };
}

const latest = (a: TvpraEntry | null, e: TvpraEntry) =>
  !a || e.year > a.year || (e.year === a.year && normalizeIso2(e.iso2) < normalizeIso2(a.iso2));

interface Classified {
  forced: { kind: ForcedKind; entry: TvpraEntry | null };
  child: { kind: ChildKind; entry: TvpraEntry | null };
}

// A good's classification depends only on the list's entries for it and the country: a full
// recompute asks the same few hundred (good, country) pairs a hundred thousand times.
const classifiedCache = new WeakMap<readonly TvpraEntry[], Map<string, Classified>>();
function classifiedOf(entries: readonly TvpraEntry[], iso2: string): Classified {
  let byCountry = classifiedCache.get(entries);
  if (!byCountry) classifiedCache.set(entries, (byCountry = new Map()));
  let c = byCountry.get(iso2);
  if (!c) byCountry.set(iso2, (c = classify(entries, iso2)));
  return c;
}

function classify(entries: readonly TvpraEntry[], iso2: string): Classified {
  let forcedHere: TvpraEntry | null = null;
  let inputHere: TvpraEntry | null = null;
  let forcedElsewhere: TvpraEntry | null = null;
  let childHere: TvpraEntry | null = null;
  let childElsewhere: TvpraEntry | null = null;
  for (const e of entries) {
    const here = normalizeIso2(e.iso2) === iso2;
    if (here && e.forcedLabor && latest(forcedHere, e)) forcedHere = e;
    if (here && e.inputFrom && !e.childLabor && !e.forcedLabor && latest(inputHere, e)) inputHere = e;
    if (!here && e.forcedLabor && latest(forcedElsewhere, e)) forcedElsewhere = e;
    if (here && e.childLabor && latest(childHere, e)) childHere = e;
    if (!here && e.childLabor && latest(childElsewhere, e)) childElsewhere = e;
  }
  const forced: Classified["forced"] = forcedHere
    ? { kind: "forced_here", entry: forcedHere }
    : inputHere
      ? { kind: "input_here", entry: inputHere }
      : forcedElsewhere
        ? { kind: "forced_elsewhere", entry: forcedElsewhere }
        : { kind: "none", entry: null };
  const child: Classified["child"] = childHere
    ? { kind: "child_here", entry: childHere }
    : childElsewhere
      ? { kind: "child_elsewhere", entry: childElsewhere }
      : { kind: "none", entry: null };
  return { forced, child };
}

export interface GoodsV2 {
  goods: GoodsPart;
  childGoods: ChildGoodsPart;
  floor: Omit<GoodsFloor, "value" | "liftedBy"> | null;
}

interface Input {
  goods: readonly string[];
  country: string;
  sector?: string | null;
  rejectedLikelyGoods?: readonly string[];
}

/** The forced- and child-labour goods parts of v2 (recorded and likely goods), and the good that sets the floor. */
export function goodsPartsV2(input: Input, ref: ReferenceData, m: Pick<Methodology, "likelyGoodsFactor">): GoodsV2 {
  const iso2 = normalizeIso2(input.country);
  const index = goodsIndex(ref.goods);
  const goods: GoodsPart = { value: FORCED_GOODS_SCORES.none, weight: 0, driver: null, goods: [] };
  const childGoods: ChildGoodsPart = { value: CHILD_GOODS_SCORES.none, weight: 0, driver: null, goods: [] };
  let floor: GoodsV2["floor"] = null;

  const consider = (label: string, key: string, factor: number, likely: boolean) => {
    const { forced, child } = classifiedOf(index.get(key) ?? NO_ENTRIES, iso2);
    const fv = round2(FORCED_GOODS_SCORES[forced.kind] * factor);
    const cv = round2(CHILD_GOODS_SCORES[child.kind] * factor);
    const tag = likely ? { likely: true as const } : {};
    goods.goods.push({ good: label, value: fv, kind: forced.kind, ...tag });
    childGoods.goods.push({ good: label, value: cv, kind: child.kind, ...tag });
    if (forced.kind !== "none" && forced.entry && (goods.driver === null || fv > goods.value)) {
      goods.value = fv;
      goods.driver = {
        good: forced.entry.good,
        kind: forced.kind,
        iso2: normalizeIso2(forced.entry.iso2),
        year: forced.entry.year,
        ...tag,
      };
    }
    if (child.kind !== "none" && child.entry && (childGoods.driver === null || cv > childGoods.value)) {
      childGoods.value = cv;
      childGoods.driver = {
        good: child.entry.good,
        kind: child.kind,
        iso2: normalizeIso2(child.entry.iso2),
        year: child.entry.year,
        ...tag,
      };
    }
    if (likely) return;
    const listedHere = forced.kind === "forced_here" ? forced : child.kind === "child_here" ? child : null;
    if (listedHere?.entry && (floor === null || (floor.kind === "child" && forced.kind === "forced_here"))) {
      floor = { good: listedHere.entry.good, kind: forced.kind === "forced_here" ? "forced" : "child", iso2, year: listedHere.entry.year };
    }
  };

  const recorded = uniqueGoods(input.goods);
  for (const g of recorded) consider(g.label, g.key, 1, false);

  const likely = likelyGoodsOf(input, m.likelyGoodsFactor, new Set(recorded.map((g) => g.key)));
  if (likely) {
    goods.likely = likely;
    for (const g of likely.goods) if (!g.rejected && !g.recorded) consider(g.good, goodKey(g.good), likely.factor, true);
  }
  return { goods, childGoods, floor };
}

function likelyGoodsOf(input: Input, factor: number, recorded: ReadonlySet<string>): LikelyGoods | undefined {
  const sector = input.sector?.trim();
  if (!sector) return undefined;
  const list = likelyGoodsOfSector(sector);
  if (list.length === 0) return undefined;
  const rejected = new Set((input.rejectedLikelyGoods ?? []).map(goodKey));
  return {
    sector,
    table: SECTOR_GOODS_VERSION,
    factor,
    goods: list.map((g) => ({
      good: g.good,
      reason: g.reason,
      rejected: rejected.has(goodKey(g.good)),
      recorded: recorded.has(goodKey(g.good)),
    })),
  };
}

/**
 * Renormalises the v2 inherent weights over the parts present (the workforce part only when
 * answered), writes the effective (rounded) weights into the parts and returns I.
 */
export function combineInherentV2(
  country: CountryPart,
  goods: GoodsPart,
  childGoods: ChildGoodsPart,
  workforce: WorkforcePart | null,
  m: Methodology,
): number {
  const w = m.inherentWeights;
  const total = w.country + w.goods + w.childGoods + (workforce ? w.workforce : 0);
  if (!(Number.isFinite(total) && total > 0)) {
    throw new Error("Risk methodology: the inherent-risk weights of the parts with data sum to 0 (check methodologyProblems).");
  }
  const wc = w.country / total;
  const wg = w.goods / total;
  const wcl = w.childGoods / total;
  const ww = workforce ? w.workforce / total : 0;
  country.weight = round2(wc);
  goods.weight = round2(wg);
  childGoods.weight = round2(wcl);
  if (workforce) workforce.weight = round2(ww);
  return round2(wc * country.value + wg * goods.value + wcl * childGoods.value + ww * (workforce?.value ?? 0));
}
