// REST API figures (decision 0013): listing 100 suppliers through /api/v1 at 100,000 suppliers, and a
// bulk upsert of 10,000 suppliers, both through the real app server.
import path from "node:path";
import { createDb } from "~db/client";
import { countByCountry } from "~/models/supplier.server";
import { createApiKey } from "~/services/api-keys.server";
import { parseSupplierCsv } from "~/domain/csv/parse";
import { largeSupplierCsv } from "~db/seed/large-csv";
import { insertOrg, addMember } from "~/models/org.server";
import { insertUser } from "~/models/user.server";
import type { OrgIdentity } from "~/lib/auth.server";
import { withApp, withAppOnDatabase } from "./app";
import { measurePaired } from "./paired";
import { freePort, loadSettings, runToCompletion } from "./http";
import { log, median, round, TSX_BIN, type BenchContext, type BenchRecord, type FigureDef } from "./lib";
import { withMet } from "./goals";
import { bigTenant, quickMark } from "./registry-common";

// The bench measures speed, not the per-key limit: the servers it starts allow any rate.
process.env.API_RATE_LIMIT = "1000000";

async function keyFor(dbFile: string, orgId: number, userId: number): Promise<string> {
  const h = createDb(`file:${dbFile}`);
  try {
    const org = await h.db.selectFrom("organizations").select(["slug", "name"]).where("id", "=", orgId).executeTakeFirstOrThrow();
    const ident: OrgIdentity = {
      user: { sessionId: "", userId, email: "bench", name: "bench" },
      org: { id: orgId, ...org },
      role: "admin",
    };
    const r = await createApiKey(h.db, ident, { intent: "create", name: "bench", access: "write", expiresOn: null }, "127.0.0.1");
    if (!r.ok) throw new Error(r.message);
    return r.value.secret;
  } finally {
    await h.close();
  }
}

/** Median ms of `n` calls one after another (after 5 warm-ups). */
async function sequentialMedianMs(url: string, headers: Record<string, string>, n: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n + 5; i++) {
    const t = performance.now();
    const r = await fetch(url, { headers });
    await r.arrayBuffer();
    if (r.status !== 200) throw new Error(`GET ${url} answered ${r.status}`);
    if (i >= 5) times.push(performance.now() - t);
  }
  return round(median(times), 3);
}

export const apiListFigure: FigureDef = {
  figures: ["api.list_100k"],
  description:
    "GET /api/v1/suppliers?country=<most common>&sort=name&limit=100 with an API key on the 100,000-supplier DB: median ms of 50 calls " +
    "one after another (goal < 20), and req/s in alternation with GET /login of a second server (ratio = login ÷ API, goal <= 1)",
  async run(ctx) {
    const big = await bigTenant(ctx);
    const key = await keyFor(big.dbFile, big.orgId, big.userId);
    const h = createDb(`file:${big.dbFile}`);
    const [top] = await countByCountry(h.db, big.orgId, 1).finally(() => h.close());
    if (!top) throw new Error("the big tenant has no suppliers");
    const pathname = `/api/v1/suppliers?country=${top.country}&sort=name&limit=100`;
    const headers = { authorization: `Bearer ${key}` };
    const record = await withAppOnDatabase(`file:${big.dbFile}`, async (baseUrl): Promise<BenchRecord> => {
      const probe = await fetch(baseUrl + pathname, { headers });
      const body = (await probe.json()) as { data?: unknown[] };
      if (probe.status !== 200 || body.data?.length !== 100)
        return { figure: "api.list_100k", error: `GET ${pathname} answered ${probe.status} with ${body.data?.length ?? 0} rows` };
      const medianMs = await sequentialMedianMs(baseUrl + pathname, headers, ctx.quick ? 20 : 50);
      return withApp(ctx, async (loginBase) => {
        const p = await measurePaired(
          { label: "login page", url: `${loginBase}/login` },
          { label: "API supplier list", url: baseUrl + pathname, headers },
          loadSettings(ctx.quick),
          ctx.quick ? 2 : 4,
        );
        return {
          figure: "api.list_100k",
          unit: "ms",
          value: medianMs,
          value_goal: "< 20",
          req_per_s: p.b.reqPerS,
          p50_ms_under_load: p.b.p50Ms,
          p99_ms_under_load: p.b.p99Ms,
          requests: p.b.requests,
          "2xx": p.b.ok,
          url: pathname,
          floor: "app.http.login_page",
          floor_paired_req_per_s: p.a.reqPerS,
          ratio: p.ratio,
          round_ratios: p.roundRatios,
          goal: "<= 1",
          goal_note: "ratio = login req/s ÷ API list req/s (paired windows, ABBA); <= 1 means at least the login page's rate",
          suppliers: big.suppliers,
          ...quickMark(ctx),
        };
      });
    });
    return [record.error !== undefined ? record : withMet(record)];
  },
};

/** 10,000 supplier rows as the API's JSON: the CSV generator's columns and values. */
function bulkRows(n: number): Array<Record<string, string>> {
  const parsed = parseSupplierCsv(largeSupplierCsv(n).csv);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.rows.map((r) => {
    const row: Record<string, string> = {};
    parsed.headers.forEach((h, i) => {
      if (h !== "supplies_to" && r.cells[i] !== "") row[h] = r.cells[i]!;
    });
    return row;
  });
}

async function freshTenant(ctx: BenchContext): Promise<{ dbFile: string; key: string }> {
  const dbFile = path.join(ctx.tmpDir("api-bulk"), "bulk.db");
  const env = { ...process.env, DATABASE_URL: `file:${dbFile}`, PORT: String(await freePort()) };
  await runToCompletion("migrate", TSX_BIN, ["db/cli/migrate.ts"], env);
  await runToCompletion("seed", TSX_BIN, ["db/cli/seed.ts"], env);
  const h = createDb(`file:${dbFile}`);
  let orgId: number;
  let userId: number;
  try {
    orgId = await insertOrg(h.db, "Bulk Bench", "bulk-bench");
    userId = await insertUser(h.db, { email: "bulk@bench.test", name: "bulk", passwordHash: "x" });
    await addMember(h.db, orgId, userId, "admin");
  } finally {
    await h.close();
  }
  return { dbFile, key: await keyFor(dbFile, orgId, userId) };
}

export const apiBulkFigure: FigureDef = {
  figures: ["api.bulk_upsert_10k"],
  description:
    "POST /api/v1/suppliers/bulk with 10,000 new suppliers (the import generator's columns, as JSON) into a fresh tenant, " +
    "seconds from sending to the answer; then the same rows again under overwrite (nothing changes)",
  async run(ctx) {
    const n = 10_000;
    const { dbFile, key } = await freshTenant(ctx);
    const rows = bulkRows(n);
    const body = JSON.stringify({ policy: "new_only", rows });
    const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
    return withAppOnDatabase(`file:${dbFile}`, async (baseUrl) => {
      let t = performance.now();
      const first = await fetch(`${baseUrl}/api/v1/suppliers/bulk`, { method: "POST", headers, body });
      const firstBody = (await first.json()) as { created?: number };
      const seconds = (performance.now() - t) / 1000;
      if (first.status !== 200 || firstBody.created !== n)
        return [{ figure: "api.bulk_upsert_10k", error: `answered ${first.status}: ${JSON.stringify(firstBody).slice(0, 300)}` }];
      t = performance.now();
      const again = await fetch(`${baseUrl}/api/v1/suppliers/bulk`, {
        method: "POST",
        headers,
        body: body.replace('"new_only"', '"overwrite"'),
      });
      const againBody = (await again.json()) as { created?: number; updated?: number };
      const againS = (performance.now() - t) / 1000;
      log(`bulk upsert: ${round(seconds, 3)} s for ${n} new, ${round(againS, 3)} s for the same again (${JSON.stringify(againBody)})`);
      return [
        withMet({
          figure: "api.bulk_upsert_10k",
          unit: "s",
          value: round(seconds, 3),
          goal: "< 5",
          rows: n,
          body_mb: round(body.length / 1e6, 2),
          again_overwrite_s: round(againS, 3),
          again_changed: (againBody.created ?? 0) + (againBody.updated ?? 0),
          ...quickMark(ctx),
        }),
      ];
    });
  },
};

export const apiFigures: FigureDef[] = [apiListFigure, apiBulkFigure];
