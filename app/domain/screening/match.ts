// Screening one supplier against the lists: names (and aliases) of listed entities, goods from a
// country named by an order, and sites in singled-out regions. Every result is a candidate with a
// score (0..100) and a reason in words; only an officer turns it into a confirmed match.
//
// Speed: the entries are indexed once by their distinctive words (and, for long words, by their first
// and last three letters, so a one-letter typo still finds them); a supplier is compared only with the
// entries that share such a word, never with the whole list. Precision: a name must be at least
// NAME_THRESHOLD alike, or hold every word of a listed name of two distinctive words or more; names
// made only of common trade words never match; and where the list gives a country, the supplier's
// country must agree. Pure module.
import { countryName } from "~/domain/country";
import { isCommonWord, nameSimilarity, screeningTokens } from "./names";
import { regionsOfSite, type Site } from "./regions";
import { screeningList, type ScreeningEntry } from "./lists";

export const NAME_THRESHOLD = 85;
/** A site placed in a region from its coordinates: strong, but the outline is approximate. */
const REGION_BY_COORDINATES = 90;

export interface ScreenedSupplier extends Site {
  name: string;
  goods: readonly string[];
}

export interface ScreeningCandidate {
  list: ScreeningEntry["list"];
  entryKey: string;
  entryName: string;
  /** What matched: the listed name or alias, or "country and goods", or "site location". */
  matchedOn: string;
  score: number;
  reason: string;
}

interface Variant {
  entry: number;
  name: string;
  alias: boolean;
  tokens: string[];
  distinctive: number;
}

export interface ScreeningIndex {
  entries: readonly ScreeningEntry[];
  variants: Variant[];
  byKey: Map<string, number[]>;
  /** Merchandise and region entries by country. */
  byCountry: Map<string, number[]>;
}

function keysOf(word: string): string[] {
  return word.length >= 6 ? [word, `<${word.slice(0, 3)}`, `>${word.slice(-3)}`] : [word];
}

export function buildScreeningIndex(entries: readonly ScreeningEntry[]): ScreeningIndex {
  const variants: Variant[] = [];
  const byKey = new Map<string, number[]>();
  const byCountry = new Map<string, number[]>();
  entries.forEach((e, i) => {
    if (e.kind !== "entity") {
      const list = byCountry.get(e.country ?? "") ?? [];
      list.push(i);
      byCountry.set(e.country ?? "", list);
      return;
    }
    for (const [name, alias] of [[e.name, false] as const, ...e.aliases.map((a) => [a, true] as const)]) {
      const tokens = screeningTokens(name);
      const distinctive = tokens.filter((t) => !isCommonWord(t));
      if (distinctive.length === 0) continue;
      const v = variants.push({ entry: i, name, alias, tokens, distinctive: distinctive.length }) - 1;
      for (const key of new Set(distinctive.flatMap(keysOf))) {
        const at = byKey.get(key) ?? [];
        at.push(v);
        byKey.set(key, at);
      }
    }
  });
  return { entries, variants, byKey, byCountry };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const listName = (e: ScreeningEntry) => screeningList(e.list)?.name ?? e.list;
const shortList = (e: ScreeningEntry) => (e.list === "uflpa" ? "UFLPA" : e.list === "cbp" ? "CBP order" : "region list");

/** The best name candidate per entry. */
function byName(index: ScreeningIndex, s: ScreenedSupplier): ScreeningCandidate[] {
  const tokens = screeningTokens(s.name);
  const mine = tokens.filter((t) => !isCommonWord(t));
  if (mine.length === 0) return [];
  const seen = new Set<number>();
  const best = new Map<number, { v: Variant; score: number }>();
  for (const key of new Set(mine.flatMap(keysOf))) {
    for (const vi of index.byKey.get(key) ?? []) {
      if (seen.has(vi)) continue;
      seen.add(vi);
      const v = index.variants[vi]!;
      const e = index.entries[v.entry]!;
      if (e.country && e.country !== s.country) continue;
      const sim = nameSimilarity(tokens, v.tokens);
      const holdsAll = v.distinctive >= 2 && v.tokens.every((t) => tokens.includes(t));
      const score = holdsAll ? Math.max(sim, 90) : sim;
      if (score < NAME_THRESHOLD) continue;
      const prev = best.get(v.entry);
      if (!prev || score > prev.score) best.set(v.entry, { v, score });
    }
  }
  return [...best.values()].map(({ v, score }) => {
    const e = index.entries[v.entry]!;
    const what = `${shortList(e)} ${v.alias ? "alias" : "name"} '${v.name}'`;
    const how = score === 100 ? "matches" : `is ${score}% alike to`;
    const where = e.country ? `; both in ${countryName(e.country)}` : `; the list gives no country (supplier in ${countryName(s.country)})`;
    return {
      list: e.list,
      entryKey: e.key,
      entryName: e.name,
      matchedOn: v.name,
      score,
      reason: `Name ${how} ${what}${where}. ${listName(e)}: ${e.detail}.`,
    };
  });
}

function goodsIn(s: ScreenedSupplier, e: ScreeningEntry): string[] {
  const want = new Set(e.goods.map((g) => g.toLowerCase()));
  return s.goods.filter((g) => want.has(g.toLowerCase()));
}

/** Orders on goods from a country, and singled-out regions. */
function byPlace(index: ScreeningIndex, s: ScreenedSupplier): ScreeningCandidate[] {
  const regions = regionsOfSite(s);
  const out: ScreeningCandidate[] = [];
  for (const i of index.byCountry.get(s.country) ?? []) {
    const e = index.entries[i]!;
    if (e.region && !regions.includes(e.region)) continue;
    const goods = goodsIn(s, e);
    if (e.goods.length > 0 && goods.length === 0) continue;
    const approx = e.region === "xinjiang";
    const place = approx
      ? "its coordinates fall inside Xinjiang (simplified outline: check the address)"
      : `it is in ${countryName(s.country)}`;
    const covered = goods.length ? ` and its goods include ${goods.join(", ")}` : "";
    out.push({
      list: e.list,
      entryKey: e.key,
      entryName: e.name,
      matchedOn: e.kind === "region" ? "site location" : "country and goods",
      score: approx ? REGION_BY_COORDINATES : 100,
      reason: `The supplier matches ${listName(e)} '${e.name}': ${place}${covered}. ${capital(e.detail)}.`,
    });
  }
  return out;
}

/** Every candidate for one supplier, strongest first. */
export function screenSupplier(index: ScreeningIndex, s: ScreenedSupplier): ScreeningCandidate[] {
  return [...byName(index, s), ...byPlace(index, s)].sort((a, b) => b.score - a.score || a.entryKey.localeCompare(b.entryKey));
}
