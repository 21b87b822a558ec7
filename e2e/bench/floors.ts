// Floors: what the machine does for the same shape of work without the app (raw better-sqlite3, bare node:http).
// App figures report a ratio against these, measured in the same run.
import path from "node:path";
import Database from "better-sqlite3";
import { freePort, HOST, loadSettings, measureHttp, withServer } from "./http";
import { log, median, round, timeMs, TSX_BIN, type FigureDef } from "./lib";

// ---------------------------------------------------------------------------------------------
// Deterministic synthetic data

/** mulberry32: a small seeded PRNG so every run inserts the same rows. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTRIES = (
  "AR AU BD BE BR CA CL CN CO CZ DE DK EG ES ET FI FR GB GH GR HK HU ID IE IL IN IT JP KE KH KR LK MA MM MX MY " +
  "NG NL NO NZ PE PH PK PL PT RO RU SA SE SG TH TR TW UA US UZ VN ZA"
).split(" ");
const SECTORS = [
  "apparel",
  "footwear",
  "electronics",
  "agriculture",
  "seafood",
  "mining",
  "logistics",
  "packaging",
  "chemicals",
  "furniture",
  "toys",
  "solar",
];
const STATUSES = ["active", "active", "active", "active", "inactive", "pending"];
const BANDS = ["low", "medium", "high", "critical"];

export const SUPPLIER_COLUMNS = [
  "org_id",
  "external_ref",
  "name",
  "country",
  "city",
  "sector",
  "annual_spend",
  "workers_count",
  "status",
  "risk_band",
  "created_at",
] as const;

type Row = (string | number)[];

export function supplierRows(n: number, seed = 1): Row[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const base = Date.UTC(2024, 0, 1);
  const rows: Row[] = new Array<Row>(n);
  for (let i = 0; i < n; i++) {
    const country = pick(COUNTRIES);
    rows[i] = [
      1,
      `SUP-${String(i + 1).padStart(6, "0")}`,
      `Supplier ${i + 1} ${pick(SECTORS)} works`,
      country,
      `${country} city ${Math.floor(rnd() * 40)}`,
      pick(SECTORS),
      Math.round(rnd() * 5_000_000) / 100,
      Math.floor(rnd() * 5000),
      pick(STATUSES),
      pick(BANDS),
      new Date(base + i * 1000).toISOString(),
    ];
  }
  return rows;
}

/** 3-column link rows (org_id, supplier_id, buyer_id), distinct pairs over `suppliers` ids, in random order. */
export function linkRows(n: number, suppliers: number, seed = 2): Row[] {
  const rnd = prng(seed);
  const seen = new Set<number>();
  const rows: Row[] = [];
  while (rows.length < n) {
    const s = 1 + Math.floor(rnd() * suppliers);
    const b = 1 + Math.floor(rnd() * suppliers);
    const key = s * (suppliers + 1) + b;
    if (s === b || seen.has(key)) continue;
    seen.add(key);
    rows.push([1, s, b]);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// SQLite helpers (same pragmas as db/client.ts)

function openSqlite(file: string): Database.Database {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  db.pragma("synchronous = NORMAL");
  return db;
}

const SUPPLIERS_DDL = `CREATE TABLE suppliers (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL,
  external_ref TEXT,
  name TEXT NOT NULL,
  country TEXT NOT NULL,
  city TEXT,
  sector TEXT,
  annual_spend REAL,
  workers_count INTEGER,
  status TEXT NOT NULL,
  risk_band TEXT NOT NULL,
  created_at TEXT NOT NULL
)`;

const LINKS_DDL = `CREATE TABLE supplier_links (
  org_id INTEGER NOT NULL,
  supplier_id INTEGER NOT NULL,
  buyer_id INTEGER NOT NULL,
  PRIMARY KEY (supplier_id, buyer_id)
)`;

/** One prepared statement, one transaction; returns milliseconds for prepare + insert + commit. */
function bulkInsert(db: Database.Database, table: string, columns: readonly string[], rows: Row[]): number {
  return timeMs(() => {
    const stmt = db.prepare(`INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
    db.transaction(() => {
      for (const row of rows) stmt.run(row);
    })();
  });
}

function insertFigure(opts: {
  figure: string;
  description: string;
  ddl: string;
  table: string;
  columns: readonly string[];
  makeRows: () => Row[];
}): FigureDef {
  return {
    figures: [opts.figure],
    description: opts.description,
    async run(ctx) {
      const rows = opts.makeRows();
      const runs = ctx.quick ? 1 : 3;
      const dir = ctx.tmpDir(opts.figure);
      const seconds: number[] = [];
      for (let i = 0; i < runs; i++) {
        const db = openSqlite(path.join(dir, `run${i}.db`));
        try {
          db.exec(opts.ddl);
          seconds.push(bulkInsert(db, opts.table, opts.columns, rows) / 1000);
          const count = (db.prepare(`SELECT COUNT(*) AS n FROM ${opts.table}`).get() as { n: number }).n;
          if (count !== rows.length) throw new Error(`inserted ${count} rows, expected ${rows.length}`);
        } finally {
          db.close();
        }
      }
      const s = median(seconds);
      return [
        {
          figure: opts.figure,
          unit: "s",
          value: round(s),
          rows: rows.length,
          rows_per_s: Math.round(rows.length / s),
          runs: seconds.map((x) => round(x)),
          ...(ctx.quick ? { quick: true } : {}),
        },
      ];
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Figures

const SUPPLIERS_N = 100_000;
const LINKS_N = 150_000;

const bulkInsertSuppliers = insertFigure({
  figure: "floor.sqlite.bulk_insert_100k",
  description: "raw better-sqlite3: 100,000 supplier rows (11 columns), one prepared statement, one transaction, WAL",
  ddl: SUPPLIERS_DDL,
  table: "suppliers",
  columns: SUPPLIER_COLUMNS,
  makeRows: () => supplierRows(SUPPLIERS_N),
});

const bulkInsertLinks = insertFigure({
  figure: "floor.sqlite.bulk_insert_links_150k",
  description: "raw better-sqlite3: 150,000 rows into a 3-column link table with a (supplier_id, buyer_id) primary key",
  ddl: LINKS_DDL,
  table: "supplier_links",
  columns: ["org_id", "supplier_id", "buyer_id"],
  makeRows: () => linkRows(LINKS_N, SUPPLIERS_N),
});

const AGGREGATE_SQL = `SELECT country, risk_band, COUNT(*) AS n
  FROM suppliers WHERE org_id = ? GROUP BY country, risk_band`;

const aggregate: FigureDef = {
  figures: ["floor.sqlite.aggregate.no_index", "floor.sqlite.aggregate.indexed"],
  description: "raw better-sqlite3: COUNT(*) GROUP BY country × risk_band over 100,000 suppliers, without / with an index",
  async run(ctx) {
    const runs = ctx.quick ? 3 : 5;
    const db = openSqlite(path.join(ctx.tmpDir("aggregate"), "aggregate.db"));
    try {
      db.exec(SUPPLIERS_DDL);
      bulkInsert(db, "suppliers", SUPPLIER_COLUMNS, supplierRows(SUPPLIERS_N));
      db.pragma("wal_checkpoint(TRUNCATE)");
      const measure = (): { ms: number; groups: number; runs: number[] } => {
        const stmt = db.prepare(AGGREGATE_SQL);
        let groups = 0;
        const times: number[] = [];
        for (let i = 0; i < runs; i++) {
          times.push(timeMs(() => (groups = stmt.all(1).length)));
        }
        return { ms: median(times), groups, runs: times.map((t) => round(t)) };
      };
      const plain = measure();
      db.exec("CREATE INDEX suppliers_country_band_idx ON suppliers (org_id, country, risk_band)");
      db.exec("ANALYZE");
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${AGGREGATE_SQL}`).all(1) as { detail: string }[]).map((r) => r.detail).join("; ");
      log(`aggregate plan with index: ${plan}`);
      const indexed = measure();
      const common = { rows: SUPPLIERS_N, ...(ctx.quick ? { quick: true } : {}) };
      return [
        {
          figure: "floor.sqlite.aggregate.no_index",
          unit: "ms",
          value: round(plain.ms),
          groups: plain.groups,
          runs: plain.runs,
          ...common,
        },
        {
          figure: "floor.sqlite.aggregate.indexed",
          unit: "ms",
          value: round(indexed.ms),
          groups: indexed.groups,
          runs: indexed.runs,
          index: "(org_id, country, risk_band)",
          ...common,
        },
      ];
    } finally {
      db.close();
    }
  },
};

const httpBare: FigureDef = {
  figures: ["floor.http.bare"],
  description: "bare node:http server (child process) answering a small HTML page; autocannon, 10 connections",
  async run(ctx) {
    const port = await freePort();
    const server = path.join(import.meta.dirname, "bare-server.ts");
    return withServer(
      {
        label: "bare server",
        command: TSX_BIN,
        args: [server],
        env: { ...process.env, PORT: String(port), HOST, NODE_ENV: "production" },
        port,
        readyPath: "/healthz",
      },
      async ({ baseUrl }) => [await measureHttp("floor.http.bare", `${baseUrl}/login`, loadSettings(ctx.quick))],
    );
  },
};

export const floorFigures: FigureDef[] = [bulkInsertSuppliers, bulkInsertLinks, aggregate, httpBare];
