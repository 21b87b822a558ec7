// The 100,000-supplier tenant on PostgreSQL, built once per run for the PostgreSQL figures (postgres.ts):
// the same child and the same seedLarge as the SQLite tenant (registry-common.ts), into a throwaway
// schema of the database named by BENCH_PG_URL (or TEST_PG_URL), dropped when the run ends.
import fs from "node:fs";
import path from "node:path";
import { postgresDatabase, serverDatabaseUrl, type CrashDatabase } from "../support/crash-db";
import { runToCompletion } from "./http";
import { log, round, TSX_BIN, type BenchContext } from "./lib";
import { BIG_N, type BigTenant } from "./registry-common";

/** Where the PostgreSQL figures run, or undefined (they then print a record saying why they did not). */
export const PG_URL = process.env.BENCH_PG_URL ?? process.env.TEST_PG_URL;

export interface PgBigTenant extends Omit<BigTenant, "dbFile"> {
  /** The owner's URL (the schema's creator: seeding, statistics). */
  ownerUrl: string;
  /** What the app servers connect with: the app role, without BYPASSRLS, as in production. */
  appUrl: string;
}

const tenants = new WeakMap<BenchContext, Promise<PgBigTenant>>();
const schemas: CrashDatabase[] = [];

/** Drops the schemas this run made (run.ts calls it when the run ends). */
export async function dropPgTenants(): Promise<void> {
  for (const s of schemas.splice(0)) await s.drop().catch((e) => log(`could not drop schema ${s.schema}: ${String(e)}`));
}

export function pgBigTenant(ctx: BenchContext): Promise<PgBigTenant> {
  if (!PG_URL) return Promise.reject(new Error("set BENCH_PG_URL (or TEST_PG_URL) to a PostgreSQL database to measure PostgreSQL"));
  let p = tenants.get(ctx);
  if (!p) {
    p = (async () => {
      const target = await postgresDatabase(PG_URL, "bench");
      schemas.push(target);
      log(`building the big tenant on PostgreSQL (schema ${target.schema}, ${BIG_N} suppliers via seedLarge) in a child process`);
      const out = path.join(ctx.tmpDir("pg-big-tenant"), "result.json");
      const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn" };
      const child = path.join(import.meta.dirname, "registry-child.ts");
      await runToCompletion("pg big tenant", TSX_BIN, [child, "big", target.databaseUrl, String(BIG_N), out], env, 900_000);
      const t = JSON.parse(fs.readFileSync(out, "utf8")) as Omit<BigTenant, "dbFile">;
      if (t.suppliers !== BIG_N) throw new Error(`the PostgreSQL big tenant has ${t.suppliers} suppliers, expected ${BIG_N}`);
      log(
        `PostgreSQL big tenant: imported in ${round(t.seconds)} s, ${t.assessments} approved assessments, ` +
          `scored (model ${t.model}) in ${round(t.scoreSeconds)} s`,
      );
      return { ...t, ownerUrl: target.databaseUrl, appUrl: await serverDatabaseUrl(target) };
    })();
    tenants.set(ctx, p);
  }
  return p;
}
