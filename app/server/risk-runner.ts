// Runs queued risk recomputations (methodology or reference-data changes, large imports) in a worker
// thread, one batch at a time per server, so scoring 100,000 suppliers never blocks the event loop. The
// claim is an atomic status change in the database that names the server, so any app server may take
// any job; one whose server died is taken over once its claim has gone without a heartbeat
// (claims.ts) for JOB_LEASE_MS.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import { log } from "~/lib/logger.server";
import { env } from "~/lib/env.server";
import { serverId } from "~/lib/server-id.server";
import { hasRunnableJob } from "~/models/risk-jobs.server";
import { WarmWorker } from "./warm-worker";
import { asSystem } from "~db/scope";

const POLL_MS = 1_000;

/** `singleServer`: as for the import runner, jobs still claimed at start-up belong to a dead process. */
export function startRiskRunner(db: Kysely<Database>, databaseUrl: string, opts: { singleServer?: boolean } = {}): () => Promise<void> {
  let busy = false;
  let stopped = false;
  let startedAt: number | null = opts.singleServer ? Date.now() : null;
  // Started on the first job and kept for a while after it (jobs come in bursts: a methodology
  // change, then its previews), so a burst pays the thread's start-up once without holding it forever.
  const worker = new WarmWorker(new URL("./risk-worker.ts", import.meta.url), { idleMs: 5 * 60_000, recycleAboveHeapMb: 128 });

  async function tick() {
    if (busy || stopped) return;
    busy = true;
    try {
      const staleBefore = startedAt ?? Date.now() - env().JOB_LEASE_MS;
      startedAt = null;
      const runnable = await asSystem("risk runner: is any tenant's job runnable", () =>
        hasRunnableJob(db, new Date(staleBefore).toISOString()),
      );
      if (!runnable) return;
      const started = Date.now();
      try {
        const outcome = await worker.run({ databaseUrl, staleBefore: new Date(staleBefore).toISOString(), holder: serverId() });
        log.info("risk jobs finished", { ms: Date.now() - started, ...outcome });
      } catch (e) {
        log.error("risk worker crashed", { error: String(e) });
      }
    } finally {
      busy = false;
    }
  }

  const timer = setInterval(() => {
    tick().catch((e: unknown) => log.error("risk runner failed", { error: String(e) }));
  }, POLL_MS);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await worker.stop();
  };
}
