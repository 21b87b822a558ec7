// The shipped lists load, and screening the demo tenants' suppliers with them finds only what it should:
// the sites the demo places in Xinjiang (by coordinates), and nothing by name among ordinary suppliers.
import { expect, it } from "vitest";
import { buildScreeningIndex, screenSupplier } from "~/domain/screening/match";
import { ACME } from "./demo-data/acme";
import { BOREALIS } from "./demo-data/borealis";
import { demoSite } from "./demo";
import { readScreeningEntries } from "./screening-lists";
import { DEMO_SCREENING_SUPPLIER } from "./demo-screening";

const entries = readScreeningEntries();
const index = buildScreeningIndex(entries);

it("reads every list with unique keys", () => {
  expect(entries.filter((e) => e.list === "uflpa")).toHaveLength(69);
  expect(entries.filter((e) => e.list === "cbp")).toHaveLength(34);
  expect(entries.filter((e) => e.list === "regions")).toHaveLength(3);
  expect(new Set(entries.map((e) => `${e.list}:${e.key}`)).size).toBe(entries.length);
});

it("flags the demo's Xinjiang sites and nothing else by name (precision on the demo suppliers)", () => {
  const found: string[] = [];
  for (const org of [ACME, BOREALIS])
    for (const s of org.suppliers) {
      for (const c of screenSupplier(index, { ...s, ...demoSite(org.slug, s) }))
        found.push(`${s.name} → ${c.list}:${c.entryKey} (${c.matchedOn})`);
    }
  const byName = found.filter((f) => !f.includes("(site location)") && !f.includes("(country and goods)"));
  expect(byName).toEqual([]);
  // Every place match is a site the demo data puts in Xinjiang (an officer confirms or dismisses each).
  for (const f of found) expect(f).toMatch(/xinjiang/);
  expect(found.some((f) => f.startsWith("Aksu Cotton Yarn Co., Ltd. → regions:xinjiang"))).toBe(true);
});

it("matches the one demo supplier added for screening by a UFLPA alias", () => {
  const [c] = screenSupplier(index, { ...DEMO_SCREENING_SUPPLIER, latitude: null, longitude: null });
  expect(c).toMatchObject({ list: "uflpa", entryKey: "hetian-haolin-hair-accessories-co-ltd", matchedOn: "Hotan Haolin Hair Accessories" });
});
