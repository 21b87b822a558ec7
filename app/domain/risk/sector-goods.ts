// Likely goods from a supplier's sector (risk model v2, docs/architecture.md "The risk pipeline"):
// a factory list often says "Apparel" and nothing about goods, and a supplier with no goods must not
// score as if it made nothing on the TVPRA list. Each row names the sector's words, the TVPRA goods
// (spelled as on the list) such a site most likely makes or handles, and why. Likely goods count
// at a lower weight than recorded ones, are labelled "likely, from sector", and an officer confirms
// (they become recorded goods) or rejects them. The table is data: change it by adding a version,
// never by editing the rows a stored score was computed with.
// Pure module.

export const SECTOR_GOODS_VERSION = "2026-12";

export interface SectorGoodsRow {
  /** The sector as people write it. */
  sector: string;
  /** Words or phrases (lower case, no accents) that name the sector in a sector cell. */
  words: readonly string[];
  /** TVPRA goods, spelled as on the list. */
  goods: readonly string[];
  reason: string;
  /** Only when no other row matches: "gold mining" is gold, not every mined good. */
  fallback?: true;
}

export const SECTOR_GOODS: readonly SectorGoodsRow[] = [
  {
    sector: "Apparel",
    words: ["apparel", "garment", "garments", "clothing", "knitwear", "sewing", "cut and sew", "cut make trim", "cmt"],
    goods: ["Garments"],
    reason: "An apparel site makes garments, listed for forced or child labour in several producing countries.",
  },
  {
    sector: "Textiles",
    words: ["textile", "textiles", "spinning", "weaving", "yarn", "fabric", "fabrics", "dyeing", "knitting"],
    goods: ["Textiles", "Thread/Yarn"],
    reason: "A textile mill spins, weaves or dyes: textiles and yarn are listed goods.",
  },
  {
    sector: "Cotton",
    words: ["cotton", "ginning", "ginner", "ginners"],
    goods: ["Cotton"],
    reason: "Cotton growing and ginning handle raw cotton, listed for forced and child labour.",
  },
  {
    sector: "Footwear",
    words: ["footwear", "shoe", "shoes", "sandals"],
    goods: ["Footwear"],
    reason: "A footwear site makes footwear, a listed good.",
  },
  {
    sector: "Leather",
    words: ["leather", "tannery", "tanning"],
    goods: ["Leather"],
    reason: "A tannery or leather works processes leather, a listed good.",
  },
  {
    sector: "Electronics",
    words: ["electronics", "electronic", "pcb", "printed circuit", "semiconductor", "semiconductors"],
    goods: ["Electronics"],
    reason: "An electronics site makes electronics, listed for forced labour.",
  },
  {
    sector: "Solar",
    words: ["solar", "photovoltaic", "polysilicon", "pv"],
    goods: ["Polysilicon", "Photovoltaic Ingots", "Photovoltaic Wafers", "Solar Cells", "Solar Modules"],
    reason: "The solar supply chain, from polysilicon to modules, is listed for forced labour.",
  },
  {
    sector: "Cocoa",
    words: ["cocoa", "cacao", "chocolate"],
    goods: ["Cocoa"],
    reason: "Cocoa growing and processing handle cocoa, listed for child and forced labour.",
  },
  {
    sector: "Coffee",
    words: ["coffee"],
    goods: ["Coffee"],
    reason: "Coffee growing and processing handle coffee, a listed good.",
  },
  {
    sector: "Tea",
    words: ["tea"],
    goods: ["Tea"],
    reason: "A tea estate or factory handles tea, a listed good.",
  },
  {
    sector: "Fish and seafood",
    words: ["fish", "fishing", "fisheries", "seafood", "aquaculture", "shrimp", "prawn", "prawns"],
    goods: ["Fish", "Shrimp"],
    reason: "Fishing, aquaculture and seafood processing handle fish and shrimp, listed for forced labour.",
  },
  {
    sector: "Palm oil",
    words: ["palm oil", "oil palm", "palm"],
    goods: ["Palm Fruit", "Crude Palm Oil"],
    reason: "Plantations and mills handle palm fruit and crude palm oil, listed for forced and child labour.",
  },
  {
    sector: "Rubber",
    words: ["rubber", "latex"],
    goods: ["Rubber", "Rubber Gloves"],
    reason: "Rubber plantations and glove makers handle rubber and rubber gloves, listed goods.",
  },
  {
    sector: "Sugar",
    words: ["sugar", "sugarcane"],
    goods: ["Sugarcane"],
    reason: "Sugar production starts with sugarcane, listed for forced and child labour.",
  },
  {
    sector: "Tobacco",
    words: ["tobacco", "cigarettes"],
    goods: ["Tobacco"],
    reason: "Tobacco growing and processing handle tobacco, a listed good.",
  },
  {
    sector: "Bricks",
    words: ["brick", "bricks", "brick kiln", "kiln"],
    goods: ["Bricks"],
    reason: "Brick kilns make bricks, listed for forced labour, often debt bondage.",
  },
  {
    sector: "Carpets",
    words: ["carpet", "carpets", "rug", "rugs"],
    goods: ["Carpets"],
    reason: "Carpet weaving is listed for forced and child labour.",
  },
  {
    sector: "Timber and wood",
    words: ["timber", "logging", "forestry", "sawmill", "wood"],
    goods: ["Timber"],
    reason: "Logging and sawmills handle timber, a listed good.",
  },
  {
    sector: "Cattle and beef",
    words: ["cattle", "beef", "slaughterhouse", "meatpacking", "abattoir"],
    goods: ["Cattle", "Beef"],
    reason: "Ranching and meatpacking handle cattle and beef, listed goods.",
  },
  {
    sector: "Mining",
    words: ["mining", "mine", "mines", "quarry", "quarrying"],
    goods: ["Gold", "Coal", "Diamonds", "Cobalt ore (heterogenite)", "Tin ore (cassiterite)", "Tantalum ore (coltan)", "Mica"],
    reason: "A mine's product is not named: each mined good on the list is a candidate until an officer says which.",
    fallback: true,
  },
  {
    sector: "Gold",
    words: ["gold", "gold mining"],
    goods: ["Gold"],
    reason: "Gold mining and refining handle gold, listed for forced and child labour.",
  },
];

/** Lower case, accents removed, every run of non-letters one space: "Cut-and-Sew / Knitwear" → "cut and sew knitwear". */
function words(text: string): string {
  return ` ${text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()} `;
}

export interface LikelyGood {
  good: string;
  /** The table's row that gave it. */
  sector: string;
  reason: string;
}

/**
 * The goods a site of this sector most likely makes, each once, with the row that gave it, in
 * the table's order. None for an empty or unknown sector. Whole words only: "tea" is not in "steam".
 */
export function likelyGoodsOfSector(sector: string | null | undefined): ReadonlyArray<Readonly<LikelyGood>> {
  if (!sector) return [];
  // A tenant has a few hundred distinct sector texts; a full recompute asks for each many times.
  let goods = bySector.get(sector);
  if (!goods) {
    if (bySector.size >= SECTOR_CACHE_LIMIT) bySector.clear();
    bySector.set(sector, (goods = Object.freeze(matchSector(sector).map((g) => Object.freeze(g)))));
  }
  return goods;
}

const SECTOR_CACHE_LIMIT = 10_000;
const bySector = new Map<string, ReadonlyArray<Readonly<LikelyGood>>>();

function matchSector(sector: string): LikelyGood[] {
  const text = words(sector);
  const matching = SECTOR_GOODS.filter((row) => row.words.some((w) => text.includes(` ${w} `)));
  const specific = matching.filter((row) => !row.fallback);
  const out = new Map<string, LikelyGood>();
  for (const row of specific.length > 0 ? specific : matching) {
    for (const good of row.goods) if (!out.has(good)) out.set(good, { good, sector: row.sector, reason: row.reason });
  }
  return [...out.values()];
}

/**
 * A TVPRA good for a goods value that names a sector instead ("Apparel" → Garments), when the
 * value reads as exactly one row of the table; else null. For the import's goods check.
 */
export function tvpraGoodsForSectorWord(value: string): readonly string[] | null {
  const text = words(value);
  const rows = SECTOR_GOODS.filter((row) => row.words.some((w) => text === ` ${w} `));
  return rows.length === 1 ? rows[0]!.goods : null;
}
