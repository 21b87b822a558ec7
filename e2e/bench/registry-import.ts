// Registry figures 1 and 2: the import of 100,000 suppliers, and its floor (the same rows written with
// raw better-sqlite3).
import path from "node:path";
import type Database from "better-sqlite3";
import { createDb } from "~db/client";
import { migrateToLatest } from "~db/migrate";
import { seedReferenceData } from "~db/seed/reference";
import { largeSupplierCsv } from "~db/seed/large-csv";
import { parseSupplierCsv } from "~/domain/csv/parse";
import { suggestMapping } from "~/domain/csv/mapping";
import { validateSupplierRows } from "~/domain/csv/validate";
import { createCountryResolver } from "~/domain/csv/countries";
import { normalizeName } from "~/domain/supply-chain/normalize";
import { computeTiers } from "~/domain/supply-chain/tiers";
import { goodsIndexRows, importRowColumns } from "~/models/import-data.server";
import { knownCountries } from "~/models/supplier.server";
import { compareWithFloor, log, median, round, timeMs, type FigureDef } from "./lib";
import { withMet } from "./goals";
import { importN, quickMark, runChild } from "./registry-common";

// ---------------------------------------------------------------------------------------------
// 1. Floor: the import's rows written with raw better-sqlite3

const SUPPLIER_INSERT_COLUMNS = [
  "org_id",
  "external_ref",
  "name",
  "name_norm",
  "country",
  "address",
  "city",
  "sector",
  "annual_spend",
  "currency",
  "workers_count",
  "contact_name",
  "contact_email",
  "os_id",
  "duns",
  "lei",
  "tax_id",
  "notes",
  "status",
  "tier",
  "created_at",
  "updated_at",
  "version",
] as const;

interface PreparedRows {
  suppliers: unknown[][];
  goods: Array<[number, string]>; // [row index, good]
  links: Int32Array; // pairs of row indexes: supplier, buyer
}

/** largeSupplierCsv(n) parsed and validated by the app's own code, with tiers: the values the import writes. */
async function prepareImportRows(n: number, dir: string, orgId: number, now: string): Promise<PreparedRows> {
  const ref = createDb(`file:${path.join(dir, "reference.db")}`);
  let countries: Awaited<ReturnType<typeof knownCountries>>;
  let goodsRows: Awaited<ReturnType<typeof goodsIndexRows>>;
  try {
    await migrateToLatest(ref);
    await seedReferenceData(ref.db);
    [countries, goodsRows] = await Promise.all([knownCountries(ref.db), goodsIndexRows(ref.db)]);
  } finally {
    await ref.close();
  }
  const { csv } = largeSupplierCsv(n);
  const parsed = parseSupplierCsv(csv);
  if (!parsed.ok) throw new Error(parsed.error);
  const goodsIndex = new Map<string, string>();
  for (const g of goodsRows) goodsIndex.set(normalizeName(g.good), g.good);
  const v = validateSupplierRows(parsed.rows, parsed.headers, suggestMapping(parsed.headers), {
    resolveCountry: createCountryResolver(countries),
    goodsIndex,
  });
  if (v.errors.length) throw new Error(`largeSupplierCsv(${n}) does not validate: ${v.errors[0]!.message}`);
  if (v.rows.length !== n) throw new Error(`expected ${n} valid rows, got ${v.rows.length}`);

  const indexOfRef = new Map<string, number>();
  v.rows.forEach((r, i) => indexOfRef.set(r.externalRef!, i));
  const pairs: number[] = [];
  v.rows.forEach((r, i) => {
    for (const buyer of new Set(r.suppliesTo)) pairs.push(i, indexOfRef.get(buyer)!);
  });
  const links = Int32Array.from(pairs);
  const graph: Array<{ supplierId: number; buyerId: number }> = [];
  for (let k = 0; k < links.length; k += 2) graph.push({ supplierId: links[k]!, buyerId: links[k + 1]! });
  const tiers = computeTiers(
    v.rows.map((_, i) => i),
    graph,
  );

  const goods: Array<[number, string]> = [];
  const suppliers = v.rows.map((r, i) => {
    for (const g of r.goods) goods.push([i, g]);
    const c = importRowColumns(r);
    return [
      orgId,
      c.external_ref,
      c.name,
      c.name_norm,
      c.country,
      c.address,
      c.city,
      c.sector,
      c.annual_spend,
      c.currency,
      c.workers_count,
      c.contact_name,
      c.contact_email,
      c.os_id,
      c.duns,
      c.lei,
      c.tax_id,
      c.notes,
      c.status,
      tiers.get(i) ?? null,
      now,
      now,
      1,
    ];
  });
  return { suppliers, goods, links };
}

/** Suppliers, then their goods, then the links (ids from lastInsertRowid): prepared statements, one transaction. */
function insertImportRows(raw: Database.Database, orgId: number, now: string, rows: PreparedRows): number {
  return timeMs(() => {
    const cols = SUPPLIER_INSERT_COLUMNS;
    const supplier = raw.prepare(`insert into suppliers (${cols.join(", ")}) values (${cols.map(() => "?").join(", ")})`);
    const good = raw.prepare("insert into supplier_goods (org_id, supplier_id, good) values (?, ?, ?)");
    const link = raw.prepare("insert into supplier_links (org_id, supplier_id, buyer_id, created_at) values (?, ?, ?, ?)");
    raw.transaction(() => {
      const ids = new Float64Array(rows.suppliers.length);
      for (let i = 0; i < rows.suppliers.length; i++) ids[i] = Number(supplier.run(rows.suppliers[i]!).lastInsertRowid);
      for (const [i, g] of rows.goods) good.run(orgId, ids[i], g);
      for (let k = 0; k < rows.links.length; k += 2) link.run(orgId, ids[rows.links[k]!], ids[rows.links[k + 1]!], now);
    })();
  });
}

export const importFloor: FigureDef = {
  figures: ["floor.sqlite.import_rows_100k"],
  description:
    "raw better-sqlite3 into a freshly migrated Lantern DB (real schema + indexes): " +
    "the rows the import writes for largeSupplierCsv(100000) — suppliers (23 columns), goods, ~150,000 links — " +
    "prepared statements, one transaction",
  async run(ctx) {
    const n = importN(ctx);
    const runs = ctx.quick ? 1 : 3;
    const dir = ctx.tmpDir("import-floor");
    const now = new Date().toISOString();
    const ORG_ID = 1;
    const rows = await prepareImportRows(n, dir, ORG_ID, now);
    const seconds: number[] = [];
    for (let i = 0; i < runs; i++) {
      const h = createDb(`file:${path.join(dir, `run${i}.db`)}`);
      try {
        await migrateToLatest(h);
        const raw = h.sqlite!;
        const org = raw.prepare("insert into organizations (name, slug, created_at) values (?, ?, ?)").run("Floor Org", "floor", now);
        if (Number(org.lastInsertRowid) !== ORG_ID) throw new Error(`organization id ${org.lastInsertRowid}, expected ${ORG_ID}`);
        seconds.push(insertImportRows(raw, ORG_ID, now, rows) / 1000);
        const count = (table: string) => (raw.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
        const got = [count("suppliers"), count("supplier_goods"), count("supplier_links")];
        const want = [rows.suppliers.length, rows.goods.length, rows.links.length / 2];
        if (got.join() !== want.join()) throw new Error(`wrote ${got.join("/")} rows, expected ${want.join("/")}`);
      } finally {
        await h.close();
      }
    }
    const s = median(seconds);
    const total = rows.suppliers.length + rows.goods.length + rows.links.length / 2;
    return [
      {
        figure: "floor.sqlite.import_rows_100k",
        unit: "s",
        value: round(s),
        suppliers: rows.suppliers.length,
        goods: rows.goods.length,
        links: rows.links.length / 2,
        rows: total,
        rows_per_s: Math.round(total / s),
        runs: seconds.map((x) => round(x)),
        ...quickMark(ctx),
      },
    ];
  },
};

// ---------------------------------------------------------------------------------------------
// 2. The real import, in a child process

interface ImportChildResult {
  suppliers: number;
  expectedLinks: number;
  csvBytes: number;
  seconds: number;
  result: { created: number; updated: number; unchanged: number; links: number; tiersChanged: number; ms: number };
  written: { suppliers: number; links: number; goods: number };
  reimportSeconds: number;
  reimport: { created: number; updated: number; unchanged: number; links: number; tiersChanged: number; ms: number };
  after: { suppliers: number; links: number; goods: number };
  rssBeforeMb: number;
  peakMb: number;
  peakMbAfterReimport: number;
}

export const importFigure: FigureDef = {
  figures: ["registry.import_100k", "registry.import_100k.peak_rss", "registry.import_100k.reimport"],
  description:
    "commitCsv of largeSupplierCsv(100000) (CSV text → committed) in a fresh migrated DB, " +
    "in a child process: seconds (ratio vs floor.sqlite.import_rows_100k), peak RSS, and re-importing the same file",
  async run(ctx) {
    const floor = await ctx.floor("floor.sqlite.import_rows_100k");
    const n = importN(ctx);
    const runs = ctx.quick ? 1 : 3;
    const results: ImportChildResult[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await runChild<ImportChildResult>(ctx, `import-${i}`, "import", n);
      log(`import run ${i + 1}/${runs}: ${round(r.seconds)} s, peak ${r.peakMb} MB; re-import ${round(r.reimportSeconds)} s`);
      results.push(r);
    }
    const last = results[results.length - 1]!;
    if (last.written.suppliers !== n || last.written.links !== last.expectedLinks) {
      throw new Error(
        `the import wrote ${last.written.suppliers} suppliers and ${last.written.links} links, expected ${n} and ${last.expectedLinks}`,
      );
    }
    const seconds = median(results.map((r) => r.seconds));
    const common = {
      suppliers: n,
      links: last.written.links,
      goods: last.written.goods,
      csv_mb: round(last.csvBytes / 2 ** 20),
      ...quickMark(ctx),
    };
    const main = compareWithFloor(
      {
        figure: "registry.import_100k",
        unit: "s",
        value: round(seconds),
        rows_per_s: Math.round(n / seconds),
        peak_mb: median(results.map((r) => r.peakMb)),
        runs: results.map((r) => round(r.seconds)),
        result: last.result,
        ...common,
      },
      floor,
      "duration",
      "<= 5",
    );
    const peak = {
      figure: "registry.import_100k.peak_rss",
      unit: "MB",
      value: Math.max(...results.map((r) => r.peakMb)),
      goal: "< 1024",
      measured: "process.resourceUsage().maxRSS of the child right after commitCsv (the max over runs)",
      rss_before_import_mb: median(results.map((r) => r.rssBeforeMb)),
      runs: results.map((r) => r.peakMb),
      peak_mb_after_reimport: Math.max(...results.map((r) => r.peakMbAfterReimport)),
      ...common,
    };
    const changedNothing = results.every(
      (r) =>
        r.reimport.created === 0 &&
        r.reimport.updated === 0 &&
        r.reimport.links === 0 &&
        r.reimport.tiersChanged === 0 &&
        r.after.suppliers === r.written.suppliers &&
        r.after.links === r.written.links &&
        r.after.goods === r.written.goods,
    );
    const reimportSeconds = median(results.map((r) => r.reimportSeconds));
    const reimport = compareWithFloor(
      {
        figure: "registry.import_100k.reimport",
        unit: "s",
        value: round(reimportSeconds),
        rows_per_s: Math.round(n / reimportSeconds),
        runs: results.map((r) => round(r.reimportSeconds)),
        result: last.reimport,
        changed_nothing: changedNothing,
        ...common,
      },
      floor,
      "duration",
    );
    return [
      withMet(main),
      withMet(peak),
      changedNothing ? reimport : { ...reimport, error: `re-importing the same file changed something: ${JSON.stringify(last.reimport)}` },
    ];
  },
};
