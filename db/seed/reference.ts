// Loads the public reference data shipped in this folder (see SOURCES.md) into countries, tip_tiers,
// tip_proxies and tvpra_goods. Idempotent: the tables are emptied and refilled in one transaction, so
// a reload after a data update never leaves a half-old, half-new set behind.
import fs from "node:fs";
import type { Kysely } from "kysely";
import Papa from "papaparse";
import { z } from "zod";
import type { Database } from "../types";
import { seedScreeningLists } from "./screening-lists";

const BATCH = 500;

const iso2 = z.string().regex(/^[A-Z]{2}$/, "must be two capital letters");
const yesNo = z
  .string()
  .toLowerCase()
  .pipe(z.enum(["yes", "no"]))
  .transform((v) => (v === "yes" ? 1 : 0));
const year = z.coerce.number().int().min(1990).max(2100);
const text = z.string().min(1);

export const TIP_TIERS = ["Tier 1", "Tier 2", "Tier 2 Watch List", "Tier 3", "Special Case"] as const;

const schemas = {
  countries: z.object({ iso2, name: text }),
  // `country` is only a label copied from the TIP report; iso2 is the key.
  "tip-tiers": z.object({ iso2, country: z.string(), tier: z.enum(TIP_TIERS), report_year: year }),
  // Used only where the territory has no placement of its own (Aruba, Curaçao and Sint Maarten do).
  "territory-proxies": z.object({
    iso2,
    name: text,
    proxy_iso2: iso2,
    kind: z.enum(["sovereign", "neighbour"]),
    rationale: text,
    source: text,
  }),
  // downstream_input_country is set on the 10 "downstream" rows (e.g. Chinese solar modules made with
  // Chinese polysilicon): listed for their inputs, with no labour flag of their own.
  "tvpra-goods": z.object({
    good: text,
    country: z.string(),
    iso2,
    child_labor: yesNo,
    forced_labor: yesNo,
    forced_child_labor: yesNo,
    list_year: year,
    downstream_input_country: z.string().optional(),
  }),
  // Regions that regulators single out under forced-labour laws. Not loaded into a table: the
  // questionnaire offers them as data (app/domain/singled-out-regions.ts, checked against this file).
  "singled-out-regions": z.object({
    key: z.string().regex(/^[a-z0-9_]+$/),
    region: text,
    iso2,
    subdivision: z.string(),
    materials: text,
    instrument: text,
    effective: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    source: z.string().regex(/^https:\/\//),
  }),
};

export type ReferenceFile = keyof typeof schemas;
export type ReferenceRow<F extends ReferenceFile> = z.output<(typeof schemas)[F]>;

export interface ParsedReference<F extends ReferenceFile> {
  rows: ReferenceRow<F>[];
  /** Rows skipped because their iso2 is blank. */
  skipped: number;
}

/**
 * Parses and validates one reference CSV. A row with a blank iso2 is skipped and counted: without
 * a code it can be joined to nothing (SOURCES.md lists no such rows today, but a refreshed file might
 * have a country the compiler could not map). Any other invalid row is a defect in the shipped data,
 * so it throws naming the file and line rather than loading a silently wrong table.
 *
 * Kosovo's TIP rows use the user-assigned code XK, which is not in countries.csv (ISO 3166-1 has no
 * Kosovo). They are loaded anyway: tip_tiers has no foreign key to countries, and they are real TIP
 * placements for anyone who records a supplier under XK.
 */
export function parseReferenceCsv<F extends ReferenceFile>(file: F, csv: string): ParsedReference<F> {
  const schema = schemas[file];
  const rows: ReferenceRow<F>[] = [];
  let skipped = 0;
  for (const { line, record } of readRecords(file, csv)) {
    if (!record.iso2) {
      skipped++;
      continue;
    }
    const result = schema.safeParse({ ...record, iso2: record.iso2.toUpperCase() });
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new Error(`${file}.csv line ${line}: ${issue?.path.join(".") || "row"} ${issue?.message ?? "is invalid"}`);
    }
    rows.push(result.data as ReferenceRow<F>);
  }
  return { rows, skipped };
}

/**
 * The rows of a comma-separated file with a header row, as header → trimmed cell, each with the
 * line it starts on (Papa's step cursor is the offset after each record). Blank lines are skipped;
 * a quote error or a row whose width differs from the header's throws naming file and line.
 */
function readRecords(file: string, csv: string): Array<{ line: number; record: Record<string, string> }> {
  const text = csv.charCodeAt(0) === 0xfeff ? csv.slice(1) : csv;
  const out: Array<{ line: number; record: Record<string, string> }> = [];
  let headers: string[] | undefined;
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter: ",",
    header: false,
    skipEmptyLines: false,
    step({ data, errors, meta }) {
      const at = line;
      for (let i = text.indexOf("\n", start); i !== -1 && i < meta.cursor; i = text.indexOf("\n", i + 1)) line++;
      start = meta.cursor;
      const error = errors[0];
      if (error !== undefined) throw new Error(`${file}.csv line ${at}: ${error.message}`);
      const cells = data.map((c) => c.trim());
      if (cells.every((c) => c === "")) return;
      if (headers === undefined) {
        headers = cells;
        return;
      }
      if (cells.length !== headers.length) {
        throw new Error(`${file}.csv line ${at}: ${cells.length} columns, the header has ${headers.length}`);
      }
      const record: Record<string, string> = {};
      headers.forEach((h, i) => (record[h] = cells[i] as string));
      out.push({ line: at, record });
    },
  });
  return out;
}

export function readReferenceCsv<F extends ReferenceFile>(file: F): ParsedReference<F> {
  const csv = fs.readFileSync(new URL(`./${file}.csv`, import.meta.url), "utf8");
  return parseReferenceCsv(file, csv);
}

function assertUnique<T>(file: string, rows: T[], key: (row: T) => string): void {
  const seen = new Set<string>();
  for (const row of rows) {
    const k = key(row);
    if (seen.has(k)) throw new Error(`${file}.csv: duplicate row for ${k}`);
    seen.add(k);
  }
}

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) out.push(rows.slice(i, i + BATCH));
  return out;
}

export interface ReferenceCounts {
  countries: number;
  tipTiers: number;
  goods: number;
  proxies: number;
  /** Rows skipped across the files because their iso2 was blank. */
  skipped: number;
}

/**
 * Replaces countries, tip_tiers and tvpra_goods with the shipped CSVs. Every TIP report year is
 * kept (the app shows the latest year per country and can show history). Parsing happens before
 * the transaction opens, so a bad file changes nothing and the write lock is held only for inserts.
 */
export async function seedReferenceData(db: Kysely<Database>): Promise<ReferenceCounts> {
  const countries = readReferenceCsv("countries");
  const tips = readReferenceCsv("tip-tiers");
  const goods = readReferenceCsv("tvpra-goods");
  const proxies = readReferenceCsv("territory-proxies");
  assertUnique("countries", countries.rows, (r) => r.iso2);
  assertUnique("territory-proxies", proxies.rows, (r) => r.iso2);
  assertUnique("tip-tiers", tips.rows, (r) => `${r.iso2} ${r.report_year}`);

  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("tvpra_goods").execute();
    await trx.deleteFrom("tip_proxies").execute();
    await trx.deleteFrom("tip_tiers").execute();
    await trx.deleteFrom("countries").execute();

    for (const batch of chunks(countries.rows)) {
      await trx
        .insertInto("countries")
        .values(batch.map((r) => ({ iso2: r.iso2, name: r.name })))
        .execute();
    }
    for (const batch of chunks(tips.rows)) {
      await trx
        .insertInto("tip_tiers")
        .values(batch.map((r) => ({ iso2: r.iso2, tier: r.tier, report_year: r.report_year })))
        .execute();
    }
    for (const batch of chunks(proxies.rows)) {
      await trx
        .insertInto("tip_proxies")
        .values(batch.map((r) => ({ iso2: r.iso2, proxy_iso2: r.proxy_iso2, kind: r.kind, rationale: r.rationale, source: r.source })))
        .execute();
    }
    for (const batch of chunks(goods.rows)) {
      await trx
        .insertInto("tvpra_goods")
        .values(
          batch.map((r) => ({
            good: r.good,
            iso2: r.iso2,
            child_labor: r.child_labor,
            forced_labor: r.forced_labor,
            forced_child_labor: r.forced_child_labor,
            list_year: r.list_year,
            downstream_input_country: r.downstream_input_country?.trim() || null,
          })),
        )
        .execute();
    }
  });

  // The lists suppliers are screened against are reference data too (screening-lists.ts).
  await seedScreeningLists(db);
  return {
    countries: countries.rows.length,
    tipTiers: tips.rows.length,
    goods: goods.rows.length,
    proxies: proxies.rows.length,
    skipped: countries.skipped + tips.skipped + goods.skipped + proxies.skipped,
  };
}
