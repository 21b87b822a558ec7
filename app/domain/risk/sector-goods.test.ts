import { describe, expect, it } from "vitest";
import { likelyGoodsOfSector, SECTOR_GOODS, tvpraGoodsForSectorWord } from "./sector-goods";

const goodsOf = (sector: string | null) => likelyGoodsOfSector(sector).map((g) => g.good);

describe("likely goods from the sector", () => {
  it("reads a factory list's sector as the TVPRA goods such a site makes", () => {
    expect(goodsOf("Apparel")).toEqual(["Garments"]);
    expect(goodsOf("Footwear")).toEqual(["Footwear"]);
    expect(goodsOf("Electronics")).toEqual(["Electronics"]);
    expect(goodsOf("Cocoa")).toEqual(["Cocoa"]);
    expect(goodsOf("Seafood processing")).toEqual(["Fish", "Shrimp"]);
  });

  it("tolerates case, accents, punctuation and several sectors in one cell", () => {
    expect(goodsOf("  APPAREL / Knitwear ")).toEqual(["Garments"]);
    expect(goodsOf("Cut-and-sew")).toEqual(["Garments"]);
    expect(goodsOf("Textiles & Apparel")).toEqual(["Garments", "Textiles", "Thread/Yarn"]);
    expect(goodsOf("Café / Coffee")).toEqual(["Coffee"]);
  });

  it("matches whole words only, and gives nothing for an empty or unknown sector", () => {
    expect(goodsOf("Steam boilers")).toEqual([]);
    expect(goodsOf("Software")).toEqual([]);
    expect(goodsOf("")).toEqual([]);
    expect(goodsOf(null)).toEqual([]);
  });

  it("takes a named mined good over the generic mining row", () => {
    expect(goodsOf("Gold mining")).toEqual(["Gold"]);
    expect(goodsOf("Mining")).toContain("Cobalt ore (heterogenite)");
    expect(goodsOf("Mining")).toContain("Gold");
  });

  it("says which row gave each good, and why", () => {
    const [g] = likelyGoodsOfSector("Apparel");
    expect(g).toMatchObject({ good: "Garments", sector: "Apparel" });
    expect(g!.reason).toMatch(/garments/);
  });

  it("answers a repeated sector from memory with the same, unchangeable list", () => {
    const first = likelyGoodsOfSector("Cocoa farming");
    const again = likelyGoodsOfSector("Cocoa farming");
    expect(again).toBe(first);
    expect(again.map((g) => g.good)).toEqual(["Cocoa"]);
    expect(Object.isFrozen(again) && Object.isFrozen(again[0])).toBe(true);
    // Another text for the same sector is matched on its own words, not taken from memory.
    expect(goodsOf("Cocoa and coffee farming")).toEqual(["Cocoa", "Coffee"]);
  });

  it("gives every row a reason, words and goods; a word belongs to one row", () => {
    const seen = new Map<string, string>();
    for (const row of SECTOR_GOODS) {
      expect(row.reason.length, row.sector).toBeGreaterThan(20);
      expect(row.goods.length, row.sector).toBeGreaterThan(0);
      for (const w of row.words) {
        expect(w, row.sector).toMatch(/^[a-z0-9]+( [a-z0-9]+)*$/);
        expect(seen.get(w), `"${w}" in ${row.sector} and ${seen.get(w)}`).toBeUndefined();
        seen.set(w, row.sector);
      }
    }
  });
});

describe("a goods value that names a sector", () => {
  it("suggests the TVPRA good: Apparel → Garments", () => {
    expect(tvpraGoodsForSectorWord("Apparel")).toEqual(["Garments"]);
    expect(tvpraGoodsForSectorWord("clothing")).toEqual(["Garments"]);
    expect(tvpraGoodsForSectorWord("Chocolate")).toEqual(["Cocoa"]);
  });

  it("suggests nothing for a good it cannot place", () => {
    expect(tvpraGoodsForSectorWord("Zippers")).toBeNull();
    expect(tvpraGoodsForSectorWord("Apparel and shoes")).toBeNull();
  });
});
