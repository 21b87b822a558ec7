// The lists suppliers are screened against, what edition of each Lantern ships, and how complete it
// is. Every screen that shows a result shows this too: a match against a partial list is a real
// signal with its source, and no match proves nothing. The entries themselves are reference data
// (db/seed/uflpa-entities.csv, db/seed/cbp-orders.csv, db/seed/singled-out-regions.csv; see
// db/seed/SOURCES.md §8), loaded into screening_list_entries. Pure module.

export const SCREENING_LIST_KEYS = ["uflpa", "cbp", "regions"] as const;
export type ScreeningListKey = (typeof SCREENING_LIST_KEYS)[number];

export interface ScreeningList {
  key: ScreeningListKey;
  name: string;
  /** Which copy Lantern ships (the list changes; a match records the edition it was made against). */
  edition: string;
  partial: boolean;
  /** What the copy lacks, in words shown beside every result. */
  note: string;
}

export const SCREENING_LISTS: readonly ScreeningList[] = Object.freeze([
  {
    key: "uflpa",
    name: "UFLPA Entity List",
    edition: "partial copy compiled 2026-12-06 (69 entities)",
    partial: true,
    note:
      "Holds 69 of the 144 or more entities DHS has listed (about 45% of the January 2025 list, less of today's). " +
      "A supplier that matches nothing here is not cleared: check the current list at dhs.gov/uflpa-entity-list.",
  },
  {
    key: "cbp",
    name: "CBP withhold release orders and findings",
    edition: "partial copy compiled 2026-12-06 (34 orders, 2019 to 2025)",
    partial: true,
    note:
      "Holds 34 orders and findings from 2019 to 2025 (CBP enforces about 54 orders and 9 findings); older orders are missing, " +
      "and an order's status (active, modified, lifted) is often unknown. Check the CBP page before acting on a status.",
  },
  {
    key: "regions",
    name: "Regions singled out by regulators",
    edition: "Lantern table of 2026-12 (3 regions)",
    partial: false,
    note:
      "Xinjiang (UFLPA), Turkmen cotton (CBP order) and North Korea (CAATSA s. 321(b)). A supplier record has a country and " +
      "coordinates but no province: a site is placed in Xinjiang from its coordinates against a simplified outline, so a site near " +
      "the border may be placed wrongly — the officer checks the address.",
  },
]);

export function screeningList(key: string): ScreeningList | undefined {
  return SCREENING_LISTS.find((l) => l.key === key);
}

/** One entry of a list, as the matcher reads it. */
export interface ScreeningEntry {
  list: ScreeningListKey;
  key: string;
  /** entity: named companies or vessels; merchandise: goods from a country; region: a singled-out region. */
  kind: "entity" | "merchandise" | "region";
  name: string;
  aliases: readonly string[];
  /** ISO 3166-1 alpha-2 when the list gives one (CBP orders, regions); null for the UFLPA list, which gives none per entity. */
  country: string | null;
  /** TVPRA spellings of the goods an order covers ([] = every good, e.g. all products of a named entity). */
  goods: readonly string[];
  /** A singled-out region key (app/domain/singled-out-regions.ts) the entry is limited to, or null. */
  region: string | null;
  /** Section, order type and status, in the list's words. */
  detail: string;
  listedOn: string | null;
}
