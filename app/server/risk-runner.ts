// Runs queued risk recomputations (methodology or reference-data changes, large imports) in a worker
// thread, one at a time per server, so scoring 100,000 suppliers never blocks the event loop. The
// claim is an atomic status change in the database, so any app server may take any job.
import type { Kysely } from "kysely";
import type { Database } from "../../db/types";
import { log } from "../lib/logger.server";
import { hasRunnableJob } from "../models/risk.server";
import { runWorkerScript } from "./import-runner";

const POLL_MS = 1_000;
export const RISK_JOB_STALE_MS = 15 * 60_000;

export function startRiskRunner(db: Kysely<Database>, databaseUrl: string): () => void {
  let busy = false;
  let stopped = false;

  async function tick() {
    if (busy || stopped) return;
    if (!(await hasRunnableJob(db, new Date(Date.now() - RISK_JOB_STALE_MS).toISOString()))) return;
    busy = true;
    const started = Date.now();
    try {
      const outcome = await runWorkerScript(new URL("./risk-worker.ts", import.meta.url), { databaseUrl });
      log.info("risk jobs finished", { ms: Date.now() - started, ...outcome });
    } catch (e) {
      log.error("risk worker crashed", { error: String(e) });
    } finally {
      busy = false;
    }
  }

  const timer = setInterval(() => {
    tick().catch((e: unknown) => log.error("risk runner failed", { error: String(e) }));
  }, POLL_MS);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
