// Registry figure 3: the supplier list loader vs the same SQL on raw better-sqlite3.
import { Kysely, SqliteDialect, type CompiledQuery } from "kysely";
import type Database from "better-sqlite3";
import { createDb } from "~db/client";
import type { Database as Schema } from "~db/types";
import { countByCountry } from "~/models/supplier.server";
import { listSuppliers, supplierCountQuery, supplierPageQuery } from "~/models/supplier-list.server";
import { SupplierListQuerySchema, type SupplierListQuery } from "~/schemas/supplier";
import { compareWithFloor, log, median, round, timeMs, type BenchRecord, type FigureDef } from "./lib";
import { withMet } from "./goals";
import { bigTenant, quantile, quickMark, timeAsyncMs } from "./registry-common";

// ---------------------------------------------------------------------------------------------
// 3. The supplier list loader vs the same SQL on raw better-sqlite3

/** The two statements listSuppliers runs (rows of the page, total count), compiled by Kysely from the same builders. */
function compileList(db: Kysely<Schema>, orgId: number, q: SupplierListQuery): [CompiledQuery, CompiledQuery] {
  return [supplierPageQuery(db, orgId, q).compile(), supplierCountQuery(db, orgId, q).compile()];
}

/** The statements `fn` really executes (run on a second Kysely over the same handle, with a query log). */
export async function capturedQueries(raw: Database.Database, fn: (db: Kysely<Schema>) => Promise<unknown>): Promise<CompiledQuery[]> {
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
export function explain(raw: Database.Database, q: CompiledQuery): string {
  return (raw.prepare(`explain query plan ${q.sql}`).all(...(q.parameters as unknown[])) as Array<{ detail: string }>)
    .map((r) => r.detail)
    .join(", ");
}

const sameQuery = (a: CompiledQuery, b: CompiledQuery) => a.sql === b.sql && JSON.stringify(a.parameters) === JSON.stringify(b.parameters);

export const listFigure: FigureDef = {
  figures: [
    "floor.sqlite.list_queries_100k.first_page",
    "floor.sqlite.list_queries_100k.deep_page",
    "registry.list_loader_100k.first_page",
    "registry.list_loader_100k.deep_page",
  ],
  description:
    "listSuppliers at 100,000 suppliers (country = the most common one, sort by name, page 1 and a deep page, with the total count), " +
    "median ms, vs the same compiled SQL on raw better-sqlite3",
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
            `warning: listSuppliers ran other SQL than the compiled builders; ` +
              `the floor uses what it ran:\n  ${captured.map((x) => x.sql).join("\n  ")}`,
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
        const rawIds = (rowsStmt.all(...rowsParams) as Array<{ id: number }>).map((x) => x.id);
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
