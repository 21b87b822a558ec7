// PostgreSQL figures: the supplier list (loader and page), the dashboard page and the full recompute on the
// 100,000-supplier tenant built on PostgreSQL (postgres-tenant.ts), each compared with the same measure on
// SQLite in this run. Goal: PostgreSQL within 2× of SQLite on each; list pages and the dashboard under
// 100 ms p50 at 10 connections; the full recompute under 10 s. The app servers connect as the app role, so
// row-level security is on, as in production. Without BENCH_PG_URL / TEST_PG_URL each figure is an error
// record saying so (the run's exit status then says something was not measured).
import { createDb } from "~db/client";
import { runAsOrg } from "~db/scope";
import { BIG_SLUG } from "~db/seed/large";
import { countByCountry } from "~/models/supplier.server";
import { listSuppliers, supplierListPage } from "~/models/supplier-list.server";
import { startSession } from "~/lib/session.server";
import { recompute } from "~/services/risk.server";
import { SupplierListQuerySchema } from "~/schemas/supplier";
import { withAppOnDatabase } from "./app";
import { loadSettings, measureHttp } from "./http";
import { log, median, round, type BenchRecord, type FigureDef } from "./lib";
import { withMet } from "./goals";
import { bigTenant, quickMark, timeAsyncMs } from "./registry-common";
import { pgBigTenant } from "./postgres-tenant";

const PAGE_SIZE = 50;
/** The deep page the issue measured (page 50 of the most common country, by name). */
const DEEP_PAGE = 50;

/** The most common country of the tenant and the list queries of its first and deep page. */
async function listCases(databaseUrl: string, orgId: number) {
  const h = createDb(databaseUrl, { defaultScope: "system", systemReason: "bench: list cases" });
  try {
    const [top] = await countByCountry(h.db, orgId, 1);
    if (!top) throw new Error("the big tenant has no suppliers");
    const deep = Math.min(DEEP_PAGE, Math.max(1, Math.ceil(top.count / PAGE_SIZE)));
    const params = (page: number) => ({ country: top.country, sort: "name", page: String(page), size: String(PAGE_SIZE) });
    // The "next" link of the page before the deep one: the same page, reached by keyset.
    const before = await supplierListPage(h.db, orgId, SupplierListQuerySchema.parse(params(deep - 1)));
    return {
      country: top.country,
      deep,
      first: params(1),
      deepPage: params(deep),
      keysetPage: { ...params(deep), after: before.cursors.after ?? "" },
    };
  } finally {
    await h.close();
  }
}

export const pgListFigure: FigureDef = {
  figures: ["pg.list_loader_100k.first_page", "pg.list_loader_100k.deep_page", "pg.list_loader_100k.keyset_page"],
  description:
    "listSuppliers on PostgreSQL (app role, row-level security on) at 100,000 suppliers: country = the most common one, by name, " +
    "page 1, page 50 by number (OFFSET) and page 50 by its next link (keyset); median ms of 30; ratio vs the SQLite loader figure",
  async run(ctx) {
    const sqliteFirst = await ctx.floor("registry.list_loader_100k.first_page");
    const sqliteDeep = await ctx.floor("registry.list_loader_100k.deep_page");
    const t = await pgBigTenant(ctx);
    const cases = await listCases(t.ownerUrl, t.orgId);
    const h = createDb(t.appUrl);
    const iterations = ctx.quick ? 10 : 30;
    try {
      const records: BenchRecord[] = [];
      for (const [name, params, floor] of [
        ["first_page", cases.first, sqliteFirst],
        ["deep_page", cases.deepPage, sqliteDeep],
        ["keyset_page", cases.keysetPage, sqliteDeep],
      ] as const) {
        const q = SupplierListQuerySchema.parse(params);
        const once = () => runAsOrg(t.orgId, () => listSuppliers(h.db, t.orgId, q));
        const check = await once();
        if (check.rows.length === 0) throw new Error(`${name}: the page is empty`);
        for (let i = 0; i < 5; i++) await once();
        const runs: number[] = [];
        for (let i = 0; i < iterations; i++) runs.push(await timeAsyncMs(once));
        const value = round(median(runs));
        log(`pg list ${name}: ${value} ms (SQLite ${floor.value} ms)`);
        records.push(
          withMet({
            figure: `pg.list_loader_100k.${name}`,
            unit: "ms",
            value,
            floor: floor.figure,
            ratio: round(value / floor.value!, 2),
            goal: "<= 2",
            country: cases.country,
            page: name === "first_page" ? 1 : cases.deep,
            paging: name === "keyset_page" ? "keyset (after the previous page's last row)" : "page number (OFFSET)",
            total: check.total,
            suppliers: t.suppliers,
            ...quickMark(ctx),
          }),
        );
      }
      return records;
    } finally {
      await h.close();
    }
  },
};

export const pgRecomputeFigure: FigureDef = {
  figures: ["pg.risk.full_recompute_100k"],
  description:
    "recompute(all) of the 100,000-supplier tenant on PostgreSQL (model v2, a fifth assessed), median s of 3 after a warm-up; " +
    "ratio vs risk.full_recompute_100k (SQLite, this run)",
  async run(ctx) {
    const sqlite = await ctx.floor("risk.full_recompute_100k");
    const t = await pgBigTenant(ctx);
    const h = createDb(t.appUrl);
    try {
      const runsN = ctx.quick ? 1 : 3;
      await runAsOrg(t.orgId, () => recompute(h.db, t.orgId, "all", { trigger: "bench warm-up" }));
      const runs: number[] = [];
      let changed = 0;
      for (let i = 0; i < runsN; i++) {
        const ms = await timeAsyncMs(async () => {
          changed = (await runAsOrg(t.orgId, () => recompute(h.db, t.orgId, "all", { trigger: "bench" }))).changed;
        });
        runs.push(ms / 1000);
      }
      const value = round(median(runs));
      const sqliteFirst = (await bigTenant(ctx)).scoreSeconds;
      log(
        `pg full recompute: ${value} s (SQLite ${sqlite.value} s); ` +
          `first scoring ${round(t.scoreSeconds)} s (SQLite ${round(sqliteFirst)} s)`,
      );
      return [
        withMet({
          figure: "pg.risk.full_recompute_100k",
          unit: "s",
          value,
          floor: sqlite.figure,
          ratio: round(value / sqlite.value!, 2),
          goal: "<= 2",
          value_goal: "< 10",
          runs: runs.map((r) => round(r)),
          changed,
          first_scoring_s: round(t.scoreSeconds, 1),
          sqlite_first_scoring_s: round(sqliteFirst, 1),
          first_scoring_ratio: round(t.scoreSeconds / sqliteFirst, 2),
          import_s: round(t.seconds, 1),
          suppliers: t.suppliers,
          ...quickMark(ctx),
        }),
      ];
    } finally {
      await h.close();
    }
  },
};

/** A signed-in officer's session cookie in the given database. */
async function officerCookie(databaseUrl: string, userId: number): Promise<string> {
  const h = createDb(databaseUrl, { defaultScope: "system", systemReason: "bench: session" });
  try {
    return (await startSession(h.db, userId, { ip: "127.0.0.1", userAgent: "lantern-bench" })).cookie.split(";")[0]!;
  } finally {
    await h.close();
  }
}

const HTTP_PAGES = ["supplier_list.first_page", "supplier_list.deep_page", "supplier_list.keyset_page", "dashboard"] as const;

/** The pages' paths on a tenant: the list's first page, page 50 by number and by its next link, and the dashboard. */
async function httpPaths(ownerUrl: string, orgId: number): Promise<Record<(typeof HTTP_PAGES)[number], string>> {
  const c = await listCases(ownerUrl, orgId);
  const list = (p: Record<string, string>) => `/o/${BIG_SLUG}/suppliers?${new URLSearchParams(p)}`;
  return {
    "supplier_list.first_page": list(c.first),
    "supplier_list.deep_page": list(c.deepPage),
    "supplier_list.keyset_page": list(c.keysetPage),
    dashboard: `/o/${BIG_SLUG}`,
  };
}

/** Each page under load (autocannon, 10 connections) on one app server. */
async function measurePages(databaseUrl: string, paths: Record<string, string>, cookie: string, quick: boolean) {
  return withAppOnDatabase(databaseUrl, async (baseUrl) => {
    const out: Record<string, BenchRecord> = {};
    for (const [name, pathname] of Object.entries(paths)) {
      const probe = await fetch(baseUrl + pathname, { redirect: "manual", headers: { cookie } });
      const body = await probe.text();
      if (probe.status !== 200) throw new Error(`GET ${pathname} answered ${probe.status} before the load test: ${body.slice(0, 200)}`);
      out[name] = await measureHttp(name, baseUrl + pathname, loadSettings(quick), { cookie });
    }
    return out;
  });
}

export const pgHttpFigure: FigureDef = {
  figures: HTTP_PAGES.map((p) => `pg.http.${p}`),
  description:
    "GET of the supplier list (page 1, page 50 by number, page 50 by its next link) and the dashboard of the 100,000-supplier tenant, " +
    "autocannon 10 connections, on an app server on PostgreSQL (app role) and, just before, on SQLite; value = p50 ms on PostgreSQL, " +
    "ratio = SQLite req/s ÷ PostgreSQL req/s",
  async run(ctx) {
    const sqliteTenant = await bigTenant(ctx);
    const t = await pgBigTenant(ctx);
    const sqliteUrl = `file:${sqliteTenant.dbFile}`;
    const [sqlitePaths, pgPaths] = [await httpPaths(sqliteUrl, sqliteTenant.orgId), await httpPaths(t.ownerUrl, t.orgId)];
    const sqlite = await measurePages(sqliteUrl, sqlitePaths, await officerCookie(sqliteUrl, sqliteTenant.userId), ctx.quick);
    const pg = await measurePages(t.appUrl, pgPaths, await officerCookie(t.ownerUrl, t.userId), ctx.quick);
    return HTTP_PAGES.map((name) => {
      const a = sqlite[name]!;
      const b = pg[name]!;
      const figure = `pg.http.${name}`;
      if (a.error !== undefined || b.error !== undefined) return { figure, error: b.error ?? `SQLite: ${a.error}` };
      return withMet({
        figure,
        unit: "ms",
        value: b.p50_ms as number,
        value_goal: "< 100",
        req_per_s: b.value,
        p99_ms: b.p99_ms,
        floor: `the same page on SQLite (${round(a.value!)} req/s, p50 ${String(a.p50_ms)} ms, measured just before)`,
        ratio: round(a.value! / b.value!, 2),
        goal: "<= 2",
        url: pgPaths[name],
        connections: 10,
        requests: b.requests,
        ...quickMark(ctx),
      });
    });
  },
};

export const postgresFigures: FigureDef[] = [pgListFigure, pgRecomputeFigure, pgHttpFigure];
