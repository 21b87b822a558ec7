// Loads the lists suppliers are screened against into screening_list_entries (global reference
// data): the partial UFLPA Entity List (uflpa-entities.csv), the partial CBP withhold release orders
// and findings (cbp-orders.csv) and the singled-out regions (singled-out-regions.csv, as typed data in
// app/domain/singled-out-regions.ts). See SOURCES.md §8. Emptied and refilled in one transaction.
import fs from "node:fs";
import type { Kysely } from "kysely";
import Papa from "papaparse";
import { z } from "zod";
import type { ScreeningEntry } from "~/domain/screening/lists";
import { SINGLED_OUT_REGIONS } from "~/domain/singled-out-regions";
import type { Database } from "../types";

const list = (s: string) =>
  s
    .split(";")
    .map((x) => x.trim())
    .filter(Boolean);
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const day = z.union([z.literal(""), z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)]);

const Uflpa = z.object({
  key: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(2),
  aliases: z.string(),
  list_section: z.string().min(1),
  date_added: day,
  source: z.string().min(1),
});
const Cbp = z.object({
  key: z.string().regex(/^[a-z0-9-]+$/),
  date: day,
  iso2: z.string().regex(/^[A-Z]{2}$/),
  type: z.enum(["WRO", "Finding"]),
  status: z.string().min(1),
  merchandise: z.string().min(1),
  goods: z.string(),
  entities: z.string(),
  region: z.string(),
  source: z.string().min(1),
});

function rows<T>(file: string, schema: z.ZodType<T>): T[] {
  const text = fs.readFileSync(new URL(`./${file}`, import.meta.url), "utf8");
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors[0]) throw new Error(`${file}: ${parsed.errors[0].message} (row ${parsed.errors[0].row})`);
  return parsed.data.map((r, i) => {
    const ok = schema.safeParse(r);
    if (!ok.success) throw new Error(`${file} row ${i + 2}: ${ok.error.issues[0]?.path.join(".")} ${ok.error.issues[0]?.message}`);
    return ok.data;
  });
}

/** Goods that Turkmen cotton goes into (the order covers cotton and products made wholly or in part with it). */
const TURKMEN_COTTON_GOODS = ["Cotton", "Thread/Yarn", "Textiles", "Garments"];

export interface SeedEntry extends ScreeningEntry {
  source: string;
}

/** Every entry of the three lists, as the matcher reads them, with each row's source. */
export function readScreeningEntries(): SeedEntry[] {
  const uflpa = rows("uflpa-entities.csv", Uflpa).map((r): SeedEntry => ({
    list: "uflpa",
    key: r.key,
    kind: "entity",
    name: r.name,
    aliases: list(r.aliases),
    country: null,
    goods: [],
    region: null,
    detail: `section ${r.list_section}${r.date_added ? `, listed ${r.date_added}` : ""}`,
    listedOn: r.date_added || null,
    source: r.source,
  }));
  const cbp = rows("cbp-orders.csv", Cbp).map((r): SeedEntry => {
    const entities = list(r.entities);
    return {
      list: "cbp",
      key: r.key,
      kind: entities.length ? "entity" : "merchandise",
      name: entities[0] ?? r.merchandise,
      aliases: entities.slice(1),
      country: r.iso2,
      goods: list(r.goods),
      region: r.region || null,
      detail: `${r.type === "WRO" ? "withhold release order" : "finding"} of ${r.date} on ${lower(r.merchandise)}; status: ${r.status}`,
      listedOn: r.date || null,
      source: r.source,
    };
  });
  const regions = SINGLED_OUT_REGIONS.map((r): SeedEntry => ({
    list: "regions",
    key: r.key,
    kind: "region",
    name: r.region,
    aliases: [],
    country: r.iso2,
    goods: r.key === "turkmenistan_cotton" ? TURKMEN_COTTON_GOODS : [],
    region: r.key,
    detail: `${r.instrument}, in force from ${r.effective}`,
    listedOn: r.effective,
    source: "db/seed/singled-out-regions.csv",
  }));
  return [...uflpa, ...cbp, ...regions];
}

export async function seedScreeningLists(db: Kysely<Database>): Promise<number> {
  const entries = readScreeningEntries();
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("screening_list_entries").execute();
    for (let i = 0; i < entries.length; i += 200) {
      await trx
        .insertInto("screening_list_entries")
        .values(
          entries.slice(i, i + 200).map((e) => ({
            list_key: e.list,
            entry_key: e.key,
            kind: e.kind,
            name: e.name,
            aliases: JSON.stringify(e.aliases),
            country: e.country,
            goods: JSON.stringify(e.goods),
            region: e.region,
            detail: e.detail,
            listed_on: e.listedOn,
            source: e.source,
          })),
        )
        .execute();
    }
  });
  return entries.length;
}
