// Figures of the "Supplier registry" issue: CSV import at 100,000 suppliers, the supplier list at
// 100,000 suppliers (loader and HTTP page), and the incremental tier update after one new link.
// Each is compared with a floor measured in the same run (see README.md).
//
// The 100,000-supplier tenant ("big", compliance@big.test) is built ONCE per bench run, in a child
// process through the real import path (db/seed/large.ts → commitCsv), in a temp file that the list,
// tier and HTTP figures reuse.
import fs from "node:fs";
import path from "node:path";
import { Kysely, SqliteDialect, type CompiledQuery } from "kysely";
import type Database from "better-sqlite3";
import { createDb } from "~db/client";
import { migrateToLatest } from "~db/migrate";
import { seedReferenceData } from "~db/seed/reference";
import { largeSupplierCsv } from "~db/seed/large-csv";
import { BIG_SLUG, BIG_USER } from "~db/seed/large";
import type { Database as Schema } from "~db/types";
import { parseSupplierCsv } from "~/domain/csv/parse";
import { suggestMapping } from "~/domain/csv/mapping";
import { validateSupplierRows } from "~/domain/csv/validate";
import { createCountryResolver } from "~/domain/csv/countries";
import { normalizeName } from "~/domain/supply-chain/normalize";
import { computeTiers } from "~/domain/supply-chain/tiers";
import { goodsIndexRows, importRowColumns } from "~/models/import-data.server";
import { countByCountry, knownCountries } from "~/models/supplier.server";
import { listSuppliers, supplierCountQuery, supplierPageQuery } from "~/models/supplier-list.server";
import { upstreamClosure } from "~/models/supplier-graph.server";
import { SupplierListQuerySchema, type SupplierListQuery } from "~/schemas/supplier";
import { addLink, removeLink } from "~/services/suppliers.server";
import { startSession } from "~/lib/session.server";
import type { OrgIdentity } from "~/lib/auth.server";
import { withApp, withAppOnDatabase } from "./app";
import { measurePaired } from "./paired";
import { prng } from "./floors";
import { loadSettings, runToCompletion } from "./http";
import { compareWithFloor, log, median, round, timeMs, TSX_BIN, type BenchContext, type BenchRecord, type FigureDef } from "./lib";

/** Suppliers of the big tenant (figures 3–5), also in --quick: the goals are stated at this size. */
const BIG_N = 100_000;
/** Suppliers imported by registry.import_100k and its floor (--quick: 20,000, said so in the records). */
const importN = (ctx: BenchContext) => (ctx.quick ? 20_000 : 100_000);
const CHILD = path.join(import.meta.dirname, "registry-child.ts");

// ---------------------------------------------------------------------------------------------
// Goals

/**
 * Whether `value` meets `goal` ("<= 5", "< 30", ">= 2"). For a record with a floor, `goal` is about
 * `ratio` (times worse than the floor); otherwise about `value`.
 */
export function meets(value: number | undefined, goal: string): boolean | undefined {
  const m = /^\s*(<=|<|>=|>)\s*([\d.]+)/.exec(goal);
  if (!m || value === undefined || !Number.isFinite(value)) return undefined;
  const limit = Number(m[2]);
  switch (m[1]) {
    case "<=":
      return value <= limit;
    case "<":
      return value < limit;
    case ">=":
      return value >= limit;
    default:
      return value > limit;
  }
}

/** Adds `met` (every goal of the record met): `goal` on the ratio (or on the value without a floor), `value_goal` on the value. */
function withMet(r: BenchRecord): BenchRecord {
  if (r.error !== undefined || r.goal === undefined) return r;
  const checks = [meets(r.floor !== undefined ? r.ratio : r.value, r.goal)];
  if (typeof r.value_goal === "string") checks.push(meets(r.value, r.value_goal));
  if (checks.some((c) => c === undefined)) return r;
  return { ...r, met: checks.every(Boolean) };
}

const quickMark = (ctx: BenchContext) => (ctx.quick ? { quick: true } : {});

function quantile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

async function timeAsyncMs(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Runs registry-child.ts in its own process group and returns the JSON it wrote. */
async function runChild<T>(ctx: BenchContext, label: string, mode: "import" | "big", n: number): Promise<T> {
  const dir = ctx.tmpDir(label);
  const out = path.join(dir, "result.json");
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn" };
  await runToCompletion(label, TSX_BIN, [CHILD, mode, path.join(dir, "lantern.db"), String(n), out], env, 240_000);
  return { ...(JSON.parse(fs.readFileSync(out, "utf8")) as T), dbFile: path.join(dir, "lantern.db") };
}

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

const importFloor: FigureDef = {
  figures: ["floor.sqlite.import_rows_100k"],
  description:
    "raw better-sqlite3 into a freshly migrated Lantern DB (real schema + indexes): the rows the import writes for largeSupplierCsv(100000) — suppliers (23 columns), goods, ~150,000 links — prepared statements, one transaction",
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

const importFigure: FigureDef = {
  figures: ["registry.import_100k", "registry.import_100k.peak_rss", "registry.import_100k.reimport"],
  description:
    "commitCsv of largeSupplierCsv(100000) (CSV text → committed) in a fresh migrated DB, in a child process: seconds (ratio vs floor.sqlite.import_rows_100k), peak RSS, and re-importing the same file",
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

// ---------------------------------------------------------------------------------------------
// The big tenant, built once per run

interface BigTenant {
  dbFile: string;
  orgId: number;
  userId: number;
  suppliers: number;
  links: number;
  seconds: number;
  /** sqlite_stat1 exists after the import (the planner has statistics). */
  plannerStats: boolean;
}

const bigTenants = new WeakMap<BenchContext, Promise<BigTenant>>();

function bigTenant(ctx: BenchContext): Promise<BigTenant> {
  let p = bigTenants.get(ctx);
  if (!p) {
    p = (async () => {
      log(`building the big tenant (${BIG_N} suppliers via seedLarge) in a child process`);
      const t = await runChild<BigTenant>(ctx, "big-tenant", "big", BIG_N);
      if (t.suppliers !== BIG_N) throw new Error(`the big tenant has ${t.suppliers} suppliers, expected ${BIG_N}`);
      log(
        `big tenant: ${t.suppliers} suppliers, ${t.links} links, imported in ${round(t.seconds)} s; planner statistics: ${t.plannerStats ? "yes" : "none"}`,
      );
      return t;
    })();
    bigTenants.set(ctx, p);
  }
  return p;
}

// ---------------------------------------------------------------------------------------------
// 3. The supplier list loader vs the same SQL on raw better-sqlite3

/** The two statements listSuppliers runs (rows of the page, total count), compiled by Kysely from the same builders. */
function compileList(db: Kysely<Schema>, orgId: number, q: SupplierListQuery): [CompiledQuery, CompiledQuery] {
  return [supplierPageQuery(db, orgId, q).compile(), supplierCountQuery(db, orgId, q).compile()];
}

/** The statements `fn` really executes (run on a second Kysely over the same handle, with a query log). */
async function capturedQueries(raw: Database.Database, fn: (db: Kysely<Schema>) => Promise<unknown>): Promise<CompiledQuery[]> {
  const captured: CompiledQuery[] = [];
  // Not destroyed: destroying it would close the shared better-sqlite3 handle.
  const logging = new Kysely<Schema>({
    dialect: new SqliteDialect({ database: raw }),
    log: (e) => {
      if (e.level === "query") captured.push(e.query);
    },
  });
  await fn(logging);
  return captured;
}

/** EXPLAIN QUERY PLAN of a compiled query, on one line. */
function explain(raw: Database.Database, q: CompiledQuery): string {
  return (raw.prepare(`explain query plan ${q.sql}`).all(...(q.parameters as unknown[])) as Array<{ detail: string }>)
    .map((r) => r.detail)
    .join(", ");
}

const sameQuery = (a: CompiledQuery, b: CompiledQuery) => a.sql === b.sql && JSON.stringify(a.parameters) === JSON.stringify(b.parameters);

const listFigure: FigureDef = {
  figures: [
    "floor.sqlite.list_queries_100k.first_page",
    "floor.sqlite.list_queries_100k.deep_page",
    "registry.list_loader_100k.first_page",
    "registry.list_loader_100k.deep_page",
  ],
  description:
    "listSuppliers at 100,000 suppliers (country = the most common one, sort by name, page 1 and a deep page, with the total count), median ms, vs the same compiled SQL on raw better-sqlite3",
  async run(ctx) {
    const big = await bigTenant(ctx);
    const iterations = ctx.quick ? 10 : 30;
    const warmup = ctx.quick ? 3 : 5;
    const h = createDb(`file:${big.dbFile}`);
    try {
      const raw = h.sqlite!;
      const [top] = await countByCountry(h.db, big.orgId, 1);
      if (!top) throw new Error("the big tenant has no suppliers");
      const size = 50;
      const lastPage = Math.max(1, Math.ceil(top.count / size));
      const cases = [
        { name: "first_page", page: 1 },
        { name: "deep_page", page: Math.min(40, lastPage) },
      ];
      const records: BenchRecord[] = [];
      const floors: BenchRecord[] = [];
      for (const c of cases) {
        const q = SupplierListQuerySchema.parse({ country: top.country, sort: "name", page: String(c.page), size: String(size) });
        let [rowsQ, countQ] = compileList(h.db, big.orgId, q);
        const captured = await capturedQueries(raw, (db) => listSuppliers(db, big.orgId, q));
        let sqlSource = "compiled";
        if (captured.length !== 2 || !captured.some((x) => sameQuery(x, rowsQ)) || !captured.some((x) => sameQuery(x, countQ))) {
          log(
            `warning: listSuppliers ran other SQL than the compiled builders; the floor uses what it ran:\n  ${captured.map((x) => x.sql).join("\n  ")}`,
          );
          [rowsQ, countQ] = [
            captured.find((x) => /\blimit\b/i.test(x.sql)) ?? captured[0]!,
            captured.find((x) => /count\(/i.test(x.sql)) ?? captured[1]!,
          ];
          sqlSource = "captured";
        }
        const rowsStmt = raw.prepare(rowsQ.sql);
        const countStmt = raw.prepare(countQ.sql);
        const rowsParams = rowsQ.parameters as unknown[];
        const countParams = countQ.parameters as unknown[];
        const plan = [rowsQ, countQ].map((x) => explain(raw, x)).join(" | ");
        log(`list ${c.name} (country ${top.country}, page ${c.page}): plan ${plan}`);

        // Same answer both ways.
        const app = await listSuppliers(h.db, big.orgId, q);
        // Each row comes back as one JSON array of the list's columns (id first): see supplierPageQuery.
        const rawRows = rowsStmt.all(...rowsParams) as Array<{ r: string }>;
        const rawIds = rawRows.map((x) => (JSON.parse(x.r) as [number])[0]);
        const rawTotal = Number((countStmt.get(...countParams) as { n: number }).n);
        if (app.total !== rawTotal || app.rows.map((r) => r.id).join() !== rawIds.join()) {
          throw new Error(`listSuppliers and the raw SQL disagree (${app.total} vs ${rawTotal} total)`);
        }
        if (app.rows.length === 0) throw new Error(`page ${c.page} of country ${top.country} is empty`);

        // Alternate raw and app iterations so that both see the same machine conditions.
        const rawOnce = () => {
          rowsStmt.all(...rowsParams);
          countStmt.get(...countParams);
        };
        for (let i = 0; i < warmup; i++) {
          rawOnce();
          await listSuppliers(h.db, big.orgId, q);
        }
        const rawMs: number[] = [];
        const appMs: number[] = [];
        for (let i = 0; i < iterations; i++) {
          rawMs.push(timeMs(rawOnce));
          appMs.push(await timeAsyncMs(() => listSuppliers(h.db, big.orgId, q)));
        }
        const shape = {
          suppliers: big.suppliers,
          country: top.country,
          page: c.page,
          size,
          total: app.total,
          rows: app.rows.length,
          iterations,
          planner_stats: big.plannerStats,
          ...quickMark(ctx),
        };
        const floor: BenchRecord = {
          figure: `floor.sqlite.list_queries_100k.${c.name}`,
          unit: "ms",
          value: round(median(rawMs)),
          p90_ms: round(quantile(rawMs, 0.9)),
          statements: "the page's rows + its total count, better-sqlite3 prepared once",
          sql_source: sqlSource,
          ...shape,
        };
        floors.push(floor);
        records.push(
          withMet({
            ...compareWithFloor(
              {
                figure: `registry.list_loader_100k.${c.name}`,
                unit: "ms",
                value: round(median(appMs)),
                p90_ms: round(quantile(appMs, 0.9)),
                min_ms: round(Math.min(...appMs)),
                ...shape,
              },
              floor,
              "duration",
              "<= 3",
            ),
            value_goal: "< 30",
            plan,
          }),
        );
      }
      return [...floors, ...records];
    } finally {
      await h.close();
    }
  },
};

// ---------------------------------------------------------------------------------------------
// 4. Tier update after one new link

const tierFigure: FigureDef = {
  figures: ["registry.tier_update_one_link"],
  description:
    "addLink on the 100,000-supplier graph (tier k supplier → new tier k-1 buyer, k = 2..4, not yet linked), median ms over 20 pairs; each link is removed again (not timed)",
  async run(ctx) {
    const big = await bigTenant(ctx);
    const pairsN = ctx.quick ? 8 : 20;
    const warmupN = 3;
    const h = createDb(`file:${big.dbFile}`);
    try {
      const raw = h.sqlite!;
      const byTier = new Map<number, number[]>();
      for (const r of raw
        .prepare("select id, tier from suppliers where org_id = ? and tier is not null order by id")
        .all(big.orgId) as Array<{ id: number; tier: number }>) {
        const list = byTier.get(r.tier);
        if (list) list.push(r.id);
        else byTier.set(r.tier, [r.id]);
      }
      const linked = new Set<string>();
      for (const l of raw.prepare("select supplier_id as s, buyer_id as b from supplier_links where org_id = ?").all(big.orgId) as Array<{
        s: number;
        b: number;
      }>) {
        linked.add(`${l.s}>${l.b}`);
      }
      const tiers = [2, 3, 4].filter((k) => byTier.get(k)?.length && byTier.get(k - 1)?.length);
      if (!tiers.length) throw new Error(`the big tenant has no tiers 1–4 (tiers: ${[...byTier.keys()].join(", ")})`);
      const rnd = prng(42);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
      const pairs: Array<{ tier: number; supplierId: number; buyerId: number }> = [];
      while (pairs.length < warmupN + pairsN) {
        const tier = pick(tiers);
        const supplierId = pick(byTier.get(tier)!);
        const buyerId = pick(byTier.get(tier - 1)!);
        const key = `${supplierId}>${buyerId}`;
        if (linked.has(key)) continue;
        linked.add(key);
        pairs.push({ tier, supplierId, buyerId });
      }

      // The plan of the upstream-closure query addLink runs (twice), for diagnosis.
      const closure = await capturedQueries(raw, (db) => upstreamClosure(db, big.orgId, pairs[0]!.supplierId));
      const closurePlan = closure[0] ? explain(raw, closure[0]) : "(not captured)";
      log(`upstream closure plan: ${closurePlan}`);

      const identity: OrgIdentity = {
        user: { sessionId: "bench", userId: big.userId, email: BIG_USER, name: "Sam Okafor" },
        org: { id: big.orgId, slug: BIG_SLUG, name: "Big Retail Group" },
        role: "compliance",
      };
      const addMs: number[] = [];
      const removeMs: number[] = [];
      const upstream: number[] = [];
      const addMsByTier = new Map<number, number[]>();
      let changedTiers = 0;
      for (const [i, p] of pairs.entries()) {
        let added: Awaited<ReturnType<typeof addLink>> | undefined;
        const ms = await timeAsyncMs(async () => {
          added = await addLink(h.db, identity, p.supplierId, p.buyerId, "127.0.0.1");
        });
        if (!added || !added.ok) throw new Error(`addLink(${p.supplierId} → ${p.buyerId}) refused: ${added ? added.message : "no answer"}`);
        let removed: Awaited<ReturnType<typeof removeLink>> | undefined;
        const rms = await timeAsyncMs(async () => {
          removed = await removeLink(h.db, identity, p.supplierId, p.buyerId, "127.0.0.1");
        });
        if (!removed || !removed.ok)
          throw new Error(`removeLink(${p.supplierId} → ${p.buyerId}) refused: ${removed ? removed.message : "no answer"}`);
        if (i < warmupN) continue;
        addMs.push(ms);
        addMsByTier.set(p.tier, [...(addMsByTier.get(p.tier) ?? []), ms]);
        removeMs.push(rms);
        changedTiers += added.value.changedTiers;
        upstream.push((await upstreamClosure(h.db, big.orgId, p.supplierId)).length);
      }
      return [
        withMet({
          figure: "registry.tier_update_one_link",
          unit: "ms",
          value: round(median(addMs)),
          goal: "< 100",
          p90_ms: round(quantile(addMs, 0.9)),
          max_ms: round(Math.max(...addMs)),
          remove_median_ms: round(median(removeMs)),
          pairs: addMs.length,
          by_tier: Object.fromEntries(tiers.map((k) => [k, pairs.slice(warmupN).filter((p) => p.tier === k).length])),
          median_ms_by_tier: Object.fromEntries([...addMsByTier].sort(([a], [b]) => a - b).map(([k, v]) => [k, round(median(v))])),
          changed_tiers: changedTiers,
          upstream_closure_median: median(upstream),
          upstream_closure_max: Math.max(...upstream),
          closure_plan: closurePlan,
          planner_stats: big.plannerStats,
          suppliers: big.suppliers,
          links: big.links,
          ...quickMark(ctx),
        }),
      ];
    } finally {
      await h.close();
    }
  },
};

// ---------------------------------------------------------------------------------------------
// 5. The supplier list page under load vs the login page

/** Rounds of the paired measurement (one window of each page per round, ABBA…). */
const pairedRounds = (ctx: BenchContext) => (ctx.quick ? 2 : 4);

const listPageFigure: FigureDef = {
  figures: ["app.http.supplier_list_page"],
  description:
    "GET /o/big/suppliers?country=<most common>&sort=name of the real app on the 100,000-supplier DB, signed in as compliance@big.test, " +
    "measured in alternation with GET /login of a second app server (as app.http.login_page) so that both see the same machine; ratio = login req/s ÷ list req/s",
  async run(ctx) {
    const loginPage = await ctx.floor("app.http.login_page");
    const big = await bigTenant(ctx);
    const h = createDb(`file:${big.dbFile}`);
    let cookie: string;
    let country: string;
    try {
      const [top] = await countByCountry(h.db, big.orgId, 1);
      if (!top) throw new Error("the big tenant has no suppliers");
      country = top.country;
      const session = await startSession(h.db, big.userId, { ip: "127.0.0.1", userAgent: "lantern-bench" });
      cookie = session.cookie.split(";")[0]!;
    } finally {
      await h.close();
    }
    const pathname = `/o/${BIG_SLUG}/suppliers?country=${country}&sort=name`;
    const record = await withAppOnDatabase(`file:${big.dbFile}`, async (baseUrl): Promise<BenchRecord> => {
      const probe = await fetch(baseUrl + pathname, { redirect: "manual", headers: { cookie } });
      const text = await probe.text();
      if (probe.status !== 200) {
        const where = probe.headers.get("location");
        return {
          figure: "app.http.supplier_list_page",
          error: `GET ${pathname} answered ${probe.status}${where ? ` → ${where}` : ""} before the load test (the route may not be finished yet): ${text.slice(0, 300)}`,
        };
      }
      log(`supplier list page: ${text.length} bytes of HTML`);
      // The login page of a second server (fresh seeded database, as app.http.login_page), measured
      // in alternating windows with the list page.
      return withApp(ctx, async (loginBase) => {
        const loginProbe = await fetch(`${loginBase}/login`, { redirect: "manual" });
        await loginProbe.arrayBuffer();
        if (loginProbe.status !== 200) throw new Error(`GET /login answered ${loginProbe.status} before the load test`);
        const p = await measurePaired(
          { label: "login page", url: `${loginBase}/login` },
          { label: "supplier list page", url: baseUrl + pathname, headers: { cookie } },
          loadSettings(ctx.quick),
          pairedRounds(ctx),
        );
        const sequential = loginPage.value ? round(loginPage.value / p.b.reqPerS) : undefined;
        return {
          figure: "app.http.supplier_list_page",
          unit: "req/s",
          value: p.b.reqPerS,
          p50_ms: p.b.p50Ms,
          p99_ms: p.b.p99Ms,
          url: pathname,
          connections: 10,
          requests: p.b.requests,
          "2xx": p.b.ok,
          windows: p.b.windows,
          floor: "app.http.login_page",
          floor_paired_req_per_s: p.a.reqPerS,
          floor_paired_windows: p.a.windows,
          ratio: p.ratio,
          round_ratios: p.roundRatios,
          measured: `${p.rounds} rounds of ${p.windowS} s per page, alternating with the login page (ABBA); ratio = login req/s ÷ list req/s over all windows`,
          ...(sequential !== undefined ? { ratio_vs_sequential_login_figure: sequential } : {}),
          html_bytes: text.length,
          suppliers: big.suppliers,
          planner_stats: big.plannerStats,
          goal: "<= 2",
          ...quickMark(ctx),
        };
      });
    });
    if (record.error !== undefined) return [record];
    return [withMet(record)];
  },
};

/** In run order: the import floor first, then the app figures (after app.http.login_page, see run.ts). */
export const registryFloorFigures: FigureDef[] = [importFloor];
export const registryFigures: FigureDef[] = [importFigure, listFigure, tierFigure, listPageFigure];
