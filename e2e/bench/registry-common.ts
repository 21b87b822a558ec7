// What the registry figures share: the child process that imports suppliers, the 100,000-supplier
// tenant built once per run, and small timing helpers.
import fs from "node:fs";
import path from "node:path";
import { runToCompletion } from "./http";
import { log, round, TSX_BIN, type BenchContext } from "./lib";

/** Suppliers of the big tenant (figures 3–5), also in --quick: the goals are stated at this size. */
export const BIG_N = 100_000;
/** Suppliers imported by registry.import_100k and its floor (--quick: 20,000, said so in the records). */
export const importN = (ctx: BenchContext) => (ctx.quick ? 20_000 : 100_000);
const CHILD = path.join(import.meta.dirname, "registry-child.ts");

export const quickMark = (ctx: BenchContext) => (ctx.quick ? { quick: true } : {});

export function quantile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

export async function timeAsyncMs(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Runs registry-child.ts in its own process group and returns the JSON it wrote. */
export async function runChild<T>(ctx: BenchContext, label: string, mode: "import" | "big", n: number): Promise<T> {
  const dir = ctx.tmpDir(label);
  const out = path.join(dir, "result.json");
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn" };
  await runToCompletion(label, TSX_BIN, [CHILD, mode, path.join(dir, "lantern.db"), String(n), out], env, 420_000);
  return { ...(JSON.parse(fs.readFileSync(out, "utf8")) as T), dbFile: path.join(dir, "lantern.db") };
}
// ---------------------------------------------------------------------------------------------
// The big tenant, built once per run

export interface BigTenant {
  dbFile: string;
  orgId: number;
  userId: number;
  suppliers: number;
  links: number;
  seconds: number;
  /** The full recompute the import queued, run by runRiskJobs in the child. */
  scoreSeconds: number;
  /** The tenant's risk model (new tenants: v2). */
  model: string;
  /** Suppliers with an approved assessment (seedLarge: one in five). */
  assessments: number;
  /** sqlite_stat1 exists after the import (the planner has statistics). */
  plannerStats: boolean;
}

const bigTenants = new WeakMap<BenchContext, Promise<BigTenant>>();

export function bigTenant(ctx: BenchContext): Promise<BigTenant> {
  let p = bigTenants.get(ctx);
  if (!p) {
    p = (async () => {
      log(`building the big tenant (${BIG_N} suppliers via seedLarge) in a child process`);
      const t = await runChild<BigTenant>(ctx, "big-tenant", "big", BIG_N);
      if (t.suppliers !== BIG_N) throw new Error(`the big tenant has ${t.suppliers} suppliers, expected ${BIG_N}`);
      log(
        `big tenant: ${t.suppliers} suppliers, ${t.links} links, imported in ${round(t.seconds)} s, ` +
          `${t.assessments} approved assessments, scored (model ${t.model}) in ${round(t.scoreSeconds)} s; ` +
          `planner statistics: ${t.plannerStats ? "yes" : "none"}`,
      );
      return t;
    })();
    bigTenants.set(ctx, p);
  }
  return p;
}
