// A synthetic, deterministic supplier list for scale testing: N suppliers in 4 tiers (10/20/30/40 %),
// every supplier beyond tier 1 selling to one or two suppliers of the tier below (~1.67 links each,
// so ~150,000 links for 100,000 suppliers). Produced as CSV text so that seed:large and the benchmark
// go through the same import code path as an officer's upload.

const COUNTRIES = [
  "CN",
  "IN",
  "BD",
  "VN",
  "TR",
  "PK",
  "KH",
  "ID",
  "MY",
  "TH",
  "MX",
  "BR",
  "ET",
  "MM",
  "LK",
  "EG",
  "MA",
  "PT",
  "IT",
  "DE",
  "PL",
  "RO",
  "US",
  "CD",
  "GH",
  "CI",
  "UZ",
  "TM",
  "PH",
  "NP",
];
const SECTORS = [
  "Apparel",
  "Textiles",
  "Footwear",
  "Electronics",
  "Mining",
  "Agriculture",
  "Logistics",
  "Packaging",
  "Chemicals",
  "Metals",
];
const GOODS = [
  "Cotton",
  "Garments",
  "Textiles",
  "Footwear",
  "Electronics",
  "Gold",
  "Tin",
  "Rubber Gloves",
  "Polysilicon",
  "Fish",
  "Cocoa",
  "Coffee",
  "Thread/Yarn",
  "Leather",
  "Bricks",
];
const WORDS = [
  "Golden",
  "River",
  "Star",
  "Pacific",
  "Lotus",
  "Summit",
  "Harbor",
  "Crescent",
  "Eastern",
  "Delta",
  "Phoenix",
  "Jade",
  "Silver",
  "Atlas",
  "Orchid",
  "Northern",
];
const KINDS = [
  "Textiles",
  "Garments",
  "Spinning Mill",
  "Dye House",
  "Components",
  "Metals",
  "Farms",
  "Trading Co",
  "Fabrics",
  "Industries",
];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function largeSupplierCsv(n: number, seed = 7): { csv: string; links: number } {
  const rand = rng(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)]!;
  const bounds = [0, Math.round(n * 0.1), Math.round(n * 0.3), Math.round(n * 0.6), n]; // tier k = [bounds[k-1], bounds[k])
  const ref = (i: number) => `BIG-${String(i + 1).padStart(6, "0")}`;
  const lines = ["external_ref,name,country,city,sector,goods,annual_spend,currency,workers_count,contact_email,supplies_to"];
  let links = 0;
  for (let tier = 1; tier <= 4; tier++) {
    for (let i = bounds[tier - 1]!; i < bounds[tier]!; i++) {
      let suppliesTo = "";
      if (tier > 1) {
        const lo = bounds[tier - 2]!;
        const hi = bounds[tier - 1]!;
        const a = lo + Math.floor(rand() * (hi - lo));
        let b = rand() < 2 / 3 ? lo + Math.floor(rand() * (hi - lo)) : a;
        if (b === a) b = -1;
        suppliesTo = b >= 0 ? `${ref(a)}|${ref(b)}` : ref(a);
        links += b >= 0 ? 2 : 1;
      }
      const name = `${pick(WORDS)} ${pick(KINDS)} ${i + 1}`;
      const goods = rand() < 0.5 ? pick(GOODS) : `${pick(GOODS)}|${pick(GOODS)}`;
      const g = goods.split("|");
      const goodsCell = g[0] === g[1] ? g[0]! : goods;
      lines.push(
        [
          ref(i),
          name,
          pick(COUNTRIES),
          `City ${1 + Math.floor(rand() * 500)}`,
          pick(SECTORS),
          goodsCell,
          String(Math.round(rand() * 5_000_000)),
          "USD",
          String(20 + Math.floor(rand() * 3000)),
          `contact${i + 1}@example.com`,
          suppliesTo,
        ].join(","),
      );
    }
  }
  return { csv: lines.join("\n") + "\n", links };
}
