import { describe, expect, it } from "vitest";
import type { ScreeningEntry } from "./lists";
import { buildScreeningIndex, screenSupplier, type ScreenedSupplier } from "./match";
import { nameSimilarity, screeningName, screeningTokens } from "./names";
import { regionsOfSite } from "./regions";

const entity = (over: Partial<ScreeningEntry> & Pick<ScreeningEntry, "key" | "name">): ScreeningEntry => ({
  list: "uflpa",
  kind: "entity",
  aliases: [],
  country: null,
  goods: [],
  region: null,
  detail: "section 2(d)(2)(B)(i)",
  listedOn: null,
  ...over,
});

const ENTRIES: ScreeningEntry[] = [
  entity({
    key: "haolin",
    name: "Hetian Haolin Hair Accessories Co. Ltd.",
    aliases: ["Hotan Haolin Hair Accessories", "Hollin Hair Accessories"],
  }),
  entity({ key: "hoshine", name: "Hoshine Silicon Industry (Shanshan) Co., Ltd" }),
  entity({ key: "aksu-huafu", name: "Aksu Huafu Color Spinning Co., Ltd.", aliases: ["Aksu Huafu Textiles Co., Ltd."] }),
  entity({ key: "esquel", name: "Esquel Group", aliases: ["Esquel China Holdings Limited"] }),
  entity({ list: "cbp", key: "natchi", name: "Natchi Apparel", country: "IN", goods: ["Garments"], detail: "withhold release order" }),
  entity({ list: "cbp", key: "yu-long", name: "Yu Long No. 2", country: "TW", detail: "withhold release order" }),
  entity({
    list: "cbp",
    key: "malawi-tobacco",
    kind: "merchandise",
    name: "Tobacco",
    country: "MW",
    goods: ["Tobacco"],
    detail: "withhold release order of 2019 on tobacco",
  }),
  entity({
    list: "cbp",
    key: "xinjiang-wro",
    kind: "merchandise",
    name: "Cotton and tomato products from Xinjiang",
    country: "CN",
    goods: ["Cotton", "Tomatoes"],
    region: "xinjiang",
    detail: "region-wide order",
  }),
  entity({
    list: "regions",
    key: "xinjiang",
    kind: "region",
    name: "Xinjiang Uyghur Autonomous Region",
    country: "CN",
    region: "xinjiang",
  }),
  entity({ list: "regions", key: "north_korea", kind: "region", name: "North Korea", country: "KP", region: "north_korea" }),
];
const index = buildScreeningIndex(ENTRIES);
const supplier = (name: string, over: Partial<ScreenedSupplier> = {}): ScreenedSupplier => ({
  name,
  country: "CN",
  goods: [],
  latitude: null,
  longitude: null,
  ...over,
});
const keys = (s: ScreenedSupplier) => screenSupplier(index, s).map((c) => c.entryKey);

describe("screening names", () => {
  it("folds case, accents, punctuation and legal forms", () => {
    expect(screeningName("Đồng Nai Footwear Co., Ltd.")).toBe("dong nai footwear");
    expect(screeningName("Anatolia Moda Tekstil A.Ş.")).toBe("anatolia moda tekstil");
    expect(screeningName("Lahore Sportswear (Pvt) Ltd")).toBe("lahore sportswear");
    expect(screeningName("Saigon Stitch Garment JSC")).toBe("saigon stitch garment");
    expect(screeningName("Hoshine Silicon Industry (Shanshan) Co., Ltd and subsidiaries")).toBe("hoshine silicon industry shanshan");
    expect(screeningName("ACME TRADING LLC")).toBe("acme trading");
    expect(screeningTokens("Yu Long No. 2")).toEqual(["yu", "long", "no", "2"]);
  });

  it("scores alike names high and different ones low", () => {
    expect(nameSimilarity(screeningTokens("Hoshine Silicon Industry"), screeningTokens("Hoshine Silicon Industry"))).toBe(100);
    expect(nameSimilarity(screeningTokens("Aksu Cotton Yarn"), screeningTokens("Aksu Huafu Color Spinning"))).toBeLessThan(50);
  });
});

describe("screening a supplier", () => {
  it("finds a listed name and an alias, whatever the legal form and punctuation", () => {
    expect(keys(supplier("HOSHINE SILICON INDUSTRY (SHANSHAN) CO. LTD"))).toEqual(["hoshine"]);
    const [c] = screenSupplier(index, supplier("Hotan Haolin Hair Accessories Co., Ltd."));
    expect(c).toMatchObject({ entryKey: "haolin", score: 100, matchedOn: "Hotan Haolin Hair Accessories" });
    expect(c!.reason).toContain("Name matches UFLPA alias 'Hotan Haolin Hair Accessories'");
    expect(c!.reason).toContain("the list gives no country");
  });

  it("forgives one typo in a long word, and a listed name held whole inside a longer one", () => {
    expect(keys(supplier("Hoshien Silicon Industry Shanshan"))).toEqual(["hoshine"]);
    expect(screenSupplier(index, supplier("Hotan Haolin Hair Accessories Factory No. 3"))[0]).toMatchObject({
      entryKey: "haolin",
      score: 90,
    });
    expect(keys(supplier("Esquel Group"))).toEqual(["esquel"]);
  });

  it("does not match near misses: a shared place name, common trade words, one distinctive word of two", () => {
    expect(keys(supplier("Aksu Cotton Yarn Co., Ltd."))).toEqual([]);
    expect(keys(supplier("Shanshan Silicon Products Ltd"))).toEqual([]);
    expect(keys(supplier("Hair Accessories Trading Co"))).toEqual([]);
    expect(keys(supplier("Haolin Foods"))).toEqual([]);
    expect(keys(supplier("Esquelo Ltd"))).toEqual([]);
  });

  it("requires the order's country where the list gives one", () => {
    expect(keys(supplier("Natchi Apparel Pvt Ltd", { country: "IN" }))).toEqual(["natchi"]);
    expect(keys(supplier("Natchi Apparel Pvt Ltd", { country: "BD" }))).toEqual([]);
    expect(keys(supplier("Yu Long No. 2", { country: "TW" }))).toEqual(["yu-long"]);
    expect(keys(supplier("Yu Long No. 3", { country: "TW" }))).toEqual([]);
  });

  it("matches an order on goods from a country only when the supplier is there and has the good", () => {
    const grower = supplier("Lilongwe Leaf Growers", { country: "MW", goods: ["Tobacco", "Tea"] });
    const [c] = screenSupplier(index, grower);
    expect(c).toMatchObject({ entryKey: "malawi-tobacco", matchedOn: "country and goods", score: 100 });
    expect(c!.reason).toContain("its goods include Tobacco");
    expect(keys(supplier("Lilongwe Tea Estates", { country: "MW", goods: ["Tea"] }))).toEqual([]);
    expect(keys(supplier("Harare Tobacco", { country: "ZW", goods: ["Tobacco"] }))).toEqual([]);
  });

  it("places a Chinese site in Xinjiang from its coordinates, and a region-wide order needs both the region and the good", () => {
    const aksu = supplier("Aksu Cotton Yarn Co., Ltd.", { goods: ["Cotton"], latitude: 41.168, longitude: 80.263 });
    expect(keys(aksu)).toEqual(["xinjiang", "xinjiang-wro"]);
    expect(screenSupplier(index, aksu)[0]!.reason).toContain("simplified outline");
    const shanghai = supplier("Shanghai Cotton", { goods: ["Cotton"], latitude: 31.23, longitude: 121.47 });
    expect(keys(shanghai)).toEqual([]);
    const noCoordinates = supplier("Somewhere Cotton", { goods: ["Cotton"] });
    expect(keys(noCoordinates)).toEqual([]);
    expect(keys(supplier("Pyongyang Knit", { country: "KP" }))).toEqual(["north_korea"]);
  });
});

describe("regions of a site", () => {
  it("knows Xinjiang's cities and its neighbours' apart", () => {
    const cn = (latitude: number, longitude: number) => regionsOfSite({ country: "CN", latitude, longitude });
    for (const [lat, lon] of [
      [43.825, 87.617], // Ürümqi
      [39.47, 75.99], // Kashgar
      [37.114, 79.923], // Hotan
      [42.818, 93.515], // Hami
      [44.306, 86.081], // Shihezi
    ])
      expect(cn(lat!, lon!)).toEqual(["xinjiang"]);
    for (const [lat, lon] of [
      [40.142, 94.662], // Dunhuang, Gansu
      [36.403, 94.903], // Golmud, Qinghai
      [29.652, 91.172], // Lhasa, Tibet
      [39.744, 98.494], // Jiuquan, Gansu
    ])
      expect(cn(lat!, lon!)).toEqual([]);
    expect(regionsOfSite({ country: "KZ", latitude: 43.825, longitude: 87.617 })).toEqual([]);
  });
});
