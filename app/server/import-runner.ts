// Picks queued import steps from the database and runs them, one at a time per server, in a worker
// thread. Any app server can take any queued step (the claim is an atomic status change), and a step
// whose server died is retried once its claim is older than STALE_MS.
import { Worker } from "node:worker_threads";
import type { Kysely } from "kysely";
import type { Database } from "../../db/types";
import { nextQueuedImport, transitionImport } from "../models/import.server";
import { log } from "../lib/logger.server";

const POLL_MS = 300;
const STALE_MS = 10 * 60_000;

/**
 * `singleServer`: this process is the only app server (SQLite), so a step still claimed when it
 * starts was claimed by a process that died: take it over at once instead of after STALE_MS.
 */
export function startImportRunner(db: Kysely<Database>, databaseUrl: string, opts: { singleServer?: boolean } = {}): () => void {
  let busy = false;
  let stopped = false;
  let startedAt: number | null = opts.singleServer ? Date.now() : null;

  async function tick() {
    if (busy || stopped) return;
    const staleBefore = startedAt ?? Date.now() - STALE_MS;
    const next = await nextQueuedImport(db, new Date(staleBefore).toISOString());
    startedAt = null;
    if (!next) return;
    busy = true;
    const step = next.status === "check_queued" || next.status === "checking" ? "check" : "commit";
    const started = Date.now();
    try {
      const outcome = await runInWorker({ databaseUrl, orgId: next.org_id, importId: next.id, step });
      log.info("import step finished", { importId: next.id, step, ms: Date.now() - started, ...outcome });
    } catch (e) {
      log.error("import worker crashed", { importId: next.id, step, error: String(e) });
      await transitionImport(db, next.org_id, next.id, ["checking", "committing", "check_queued", "commit_queued"], "failed", {
        result: { error: "The import stopped unexpectedly; nothing was imported. Please try again." },
        finished: true,
      });
    } finally {
      busy = false;
    }
  }

  const timer = setInterval(() => {
    tick().catch((e: unknown) => log.error("import runner failed", { error: String(e) }));
  }, POLL_MS);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}

function runInWorker(job: { databaseUrl: string; orgId: number; importId: number; step: "check" | "commit" }) {
  return runWorkerScript(new URL("./import-worker.ts", import.meta.url), job);
}

/** Runs a TypeScript worker script (through worker-boot.mjs, which registers tsx) with `job` as its data. */
export function runWorkerScript(entry: URL, job: unknown) {
  return new Promise<Record<string, unknown>>((resolve, reject) => {
    const worker = new Worker(new URL("./worker-boot.mjs", import.meta.url), {
      workerData: { entry: entry.href, job },
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
    let message: Record<string, unknown> = {};
    worker.on("message", (m: Record<string, unknown>) => (message = m));
    worker.on("error", reject);
    worker.on("exit", (code) => (code === 0 ? resolve(message) : reject(new Error(`worker exited with code ${code}`))));
  });
}
