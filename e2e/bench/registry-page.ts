// Registry figure 5: the supplier list page under load vs the login page.
import { createDb } from "~db/client";
import { BIG_SLUG } from "~db/seed/large";
import { countByCountry } from "~/models/supplier.server";
import { startSession } from "~/lib/session.server";
import { withApp, withAppOnDatabase } from "./app";
import { measurePaired } from "./paired";
import { loadSettings } from "./http";
import { log, round, type BenchContext, type BenchRecord, type FigureDef } from "./lib";
import { withMet } from "./goals";
import { bigTenant, quickMark } from "./registry-common";

// ---------------------------------------------------------------------------------------------
// 5. The supplier list page under load vs the login page

/** Rounds of the paired measurement (one window of each page per round, ABBA…). */
const pairedRounds = (ctx: BenchContext) => (ctx.quick ? 2 : 4);

export const listPageFigure: FigureDef = {
  figures: ["app.http.supplier_list_page"],
  description:
    "GET /o/big/suppliers?country=<most common>&sort=name of the real app on the 100,000-supplier DB, signed in as compliance@big.test, " +
    "measured in alternation with GET /login of a second app server (as app.http.login_page) " +
    "so that both see the same machine; ratio = login req/s ÷ list req/s",
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
          error:
            `GET ${pathname} answered ${probe.status}${where ? ` → ${where}` : ""} ` +
            `before the load test (the route may not be finished yet): ${text.slice(0, 300)}`,
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
          measured:
            `${p.rounds} rounds of ${p.windowS} s per page, alternating with the login page (ABBA); ` +
            `ratio = login req/s ÷ list req/s over all windows`,
          ...(sequential !== undefined ? { ratio_vs_sequential_login_figure: sequential } : {}),
          html_bytes: text.length,
          suppliers: big.suppliers,
          planner_stats: big.plannerStats,
          goal: "<= 4",
          goal_note: "ratio = login req/s ÷ list req/s; <= 4 means at least a quarter of the login page's req/s",
          ...quickMark(ctx),
        };
      });
    });
    if (record.error !== undefined) return [record];
    return [withMet(record)];
  },
};
