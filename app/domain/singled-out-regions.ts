// Regions that regulators single out under forced-labour laws: a raw material from one of them is
// presumed to be made with state-imposed forced labour (the UFLPA for Xinjiang; a region-wide
// withhold release order for Turkmen cotton; CAATSA s. 321(b) for work by North Korean nationals).
// The reference data, with a public source per row, is db/seed/singled-out-regions.csv (see
// db/seed/SOURCES.md §7); this module is the same list as typed data, and a test keeps the two equal.
// Questionnaire v2 offers each region as an option of p3.material_origins, by `key`: a published
// template never changes, so a region added here needs a new template version to be offered.
// Pure module: no node, kysely, remix or react imports.

export interface SingledOutRegion {
  /** Stable key, also the option key in the questionnaire. */
  readonly key: string;
  readonly region: string;
  readonly iso2: string;
  /** ISO 3166-2 code when the region is part of a country; "" when it is the whole country. */
  readonly subdivision: string;
  /** Which materials the instrument covers. */
  readonly materials: string;
  /** The law or order that singles the region out. */
  readonly instrument: string;
  /** yyyy-mm-dd the instrument took effect. */
  readonly effective: string;
}

export const SINGLED_OUT_REGIONS: readonly SingledOutRegion[] = Object.freeze([
  {
    key: "xinjiang",
    region: "Xinjiang Uyghur Autonomous Region",
    iso2: "CN",
    subdivision: "CN-XJ",
    materials:
      "all goods made wholly or in part in the region; priority sectors: cotton and apparel, tomatoes, polysilicon and other " +
      "silica-based products, aluminium, PVC, seafood, steel, copper, lithium, caustic soda, red dates",
    instrument:
      "Uyghur Forced Labor Prevention Act (Public Law 117-78), rebuttable presumption of forced labour under 19 U.S.C. 1307; " +
      "region-wide CBP withhold release order on cotton and tomato products (2021-01-13)",
    effective: "2022-06-21",
  },
  {
    key: "turkmenistan_cotton",
    region: "Turkmenistan (cotton)",
    iso2: "TM",
    subdivision: "",
    materials: "cotton and products made wholly or in part with Turkmen cotton",
    instrument: "CBP withhold release order under 19 U.S.C. 1307 on all Turkmenistan cotton and products made in whole or in part with it",
    effective: "2018-05-18",
  },
  {
    key: "north_korea",
    region: "Democratic People's Republic of Korea (North Korea)",
    iso2: "KP",
    subdivision: "",
    materials: "all goods mined, produced or manufactured wholly or in part by North Korean nationals or citizens, anywhere in the world",
    instrument:
      "Countering America's Adversaries Through Sanctions Act (Public Law 115-44) s. 321(b), 22 U.S.C. 9241a: " +
      "rebuttable presumption of forced labour under 19 U.S.C. 1307",
    effective: "2017-08-02",
  },
]);

export const SINGLED_OUT_REGION_KEYS: readonly string[] = Object.freeze(SINGLED_OUT_REGIONS.map((r) => r.key));
