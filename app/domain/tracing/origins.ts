// Where a product's raw materials come from, and what regulators single out about it.
// - Origin of a raw material: the bill of materials' origin where one is recorded, else what its
//   supplier answered in questionnaire v2 (p3.material_origins, and p3.material_origins_other when it
//   ticked "other"); both are shown when they differ (DESIGN.md, "Origins").
// - Region flags: an origin (from either source) in a region of SINGLED_OUT_REGIONS (the UFLPA's
//   Xinjiang, Turkmen cotton, North Korean labour). A region with a subdivision matches that
//   subdivision only; a whole-country row matches the country. Turkmenistan's order covers cotton, so
//   it flags a material that names cotton.
// - Goods flags: the TVPRA list's forced- and child-labour goods for the country a good comes from:
//   the goods recorded for a supplier in its country, and a raw material in its origin country when
//   the material names the good ("Raw cotton lint" names "Cotton").
// Pure module: no node, kysely, remix or react imports.
import { SINGLED_OUT_REGIONS, type SingledOutRegion } from "~/domain/singled-out-regions";
import { originKnown, type BomOrigin } from "./bom";

/** What a supplier answered about where its raw materials come from (latest approved assessment). */
export interface AnsweredOrigins {
  /** Option keys of p3.material_origins ("xinjiang", "other_regions", "dont_know", …). */
  keys: readonly string[];
  /** p3.material_origins_other, when given. */
  other: string | null;
  approvedAt: string;
}

const ANSWER_LABELS: Record<string, string> = {
  xinjiang: "Xinjiang Uyghur Autonomous Region, China",
  turkmenistan_cotton: "Turkmenistan (cotton)",
  north_korea: "North Korea",
  dont_know: "does not know",
};

/** The supplier's answer as one phrase, e.g. "Xinjiang Uyghur Autonomous Region, China; Brazil, Mato Grosso". */
export function answeredOriginText(a: AnsweredOrigins): string {
  const parts = a.keys.map((k) => (k === "other_regions" ? (a.other?.trim() ?? "other countries or regions") : (ANSWER_LABELS[k] ?? k)));
  return parts.join("; ");
}

export function originText(o: BomOrigin, countryName: (iso2: string) => string): string {
  if (!originKnown(o)) return "unknown";
  const parts = [o.country ? countryName(o.country) : null, o.subdivision, o.region].filter((p): p is string => Boolean(p));
  return parts.join(", ");
}

const o = (s: string | null | undefined) => (s ?? "").toLowerCase();

/** Whether the BOM's origin and the supplier's answer say different things (so both are shown). */
export function originsDiffer(bom: BomOrigin, answer: AnsweredOrigins | null, countryName: (iso2: string) => string): boolean {
  if (!answer || !originKnown(bom)) return false;
  if (answer.keys.includes("dont_know")) return true;
  const flagged = answer.keys.filter((k) => k in ANSWER_LABELS);
  const bomRegions = regionsOf(bom, "").map((r) => r.key);
  if (flagged.some((k) => !bomRegions.includes(k))) return true;
  if (bomRegions.some((k) => !flagged.includes(k))) return true;
  if (!answer.keys.includes("other_regions") || bomRegions.length) return false;
  // "Other regions" agrees when its text names the BOM's country or region.
  const text = (answer.other ?? "").toLowerCase();
  const names = [o(bom.country && countryName(bom.country)), o(bom.region), o(bom.country)].filter(Boolean);
  return !names.some((n) => text.includes(n));
}

/** The singled-out regions an origin lies in. `material` decides the material-specific rows (Turkmen cotton). */
export function regionsOf(origin: BomOrigin, material: string): SingledOutRegion[] {
  if (!origin.country) return [];
  const country = origin.country.toUpperCase();
  const sub = (origin.subdivision ?? "").toUpperCase();
  return SINGLED_OUT_REGIONS.filter((r) => {
    if (r.iso2 !== country) return false;
    if (r.subdivision && r.subdivision !== sub) return false;
    if (r.key === "turkmenistan_cotton") return material === "" || /cotton/i.test(material);
    return true;
  });
}

/** The singled-out regions a supplier's answer names. */
export function regionsAnswered(a: AnsweredOrigins): SingledOutRegion[] {
  return SINGLED_OUT_REGIONS.filter((r) => a.keys.includes(r.key));
}

export interface TvpraRow {
  good: string;
  iso2: string;
  forced: boolean;
  child: boolean;
  year: number;
}

export interface GoodsFlag {
  good: string;
  iso2: string;
  /** "forced labour", "child labour" or "forced and child labour". */
  kinds: string;
  year: number;
}

function kindsOf(r: TvpraRow): string {
  return r.forced && r.child ? "forced and child labour" : r.forced ? "forced labour" : "child labour";
}

/** TVPRA rows for goods recorded for a supplier, in its own country. */
export function goodsFlagsOf(goods: readonly string[], iso2: string, tvpra: readonly TvpraRow[]): GoodsFlag[] {
  const wanted = new Set(goods.map((g) => g.toLowerCase()));
  return tvpra
    .filter((r) => r.iso2 === iso2 && (r.forced || r.child) && wanted.has(r.good.toLowerCase()))
    .map((r) => ({ good: r.good, iso2: r.iso2, kinds: kindsOf(r), year: r.year }));
}

/** TVPRA rows for a raw material in its origin country, when the material's words name the good. */
export function materialFlags(material: string, iso2: string | null, tvpra: readonly TvpraRow[]): GoodsFlag[] {
  if (!iso2) return [];
  const words = ` ${material.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ")} `;
  return tvpra
    .filter((r) => r.iso2 === iso2.toUpperCase() && (r.forced || r.child))
    .filter((r) => {
      const good = r.good
        .toLowerCase()
        .replace(/\(.*?\)/g, "")
        .replace(/[^\p{L}\p{N}]+/gu, " ")
        .trim();
      return good !== "" && words.includes(` ${good} `);
    })
    .map((r) => ({ good: r.good, iso2: r.iso2, kinds: kindsOf(r), year: r.year }));
}
