// Picks queued import steps from the database and runs them, one at a time per server, in a warm
// worker thread. Any app server can take any queued step (the claim is an atomic status change that
// names the server), and a step whose server died is taken over once its claim has gone without a
// heartbeat (claims.ts) for JOB_LEASE_MS. A step queued by this server starts at once
// (signalJobQueued); the poll finds steps queued on other servers.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import { nextQueuedImport, transitionImport } from "~/models/import.server";
import { onJobQueued } from "~/lib/job-signal.server";
import { log } from "~/lib/logger.server";
import { env } from "~/lib/env.server";
import { serverId } from "~/lib/server-id.server";
import { WarmWorker } from "./warm-worker";
import type { ImportJob } from "./import-worker";
import { asSystem, runAsOrg } from "~db/scope";

const POLL_MS = 1_000;

export interface RunnerOptions {
  /**
   * This process is the only app server (SQLite), so a step still claimed when it starts was claimed
   * by a process that died: take it over at once instead of after JOB_LEASE_MS.
   */
  singleServer?: boolean;
  /** How often to look for steps queued elsewhere (tests set it long to show the wake-up does not wait for it). */
  pollMs?: number;
}

/** Starts the runner; the returned function stops it (and its worker thread). */
export function startImportRunner(db: Kysely<Database>, databaseUrl: string, opts: RunnerOptions = {}): () => Promise<void> {
  let stopped = false;
  let running = false;
  let again = false;
  let startedAt: number | null = opts.singleServer ? Date.now() : null;
  // Warm from the start: the first import after a restart should not wait for the thread either.
  // After a job that left a big heap (a 100,000-row file) the thread is replaced, returning the memory.
  const worker = new WarmWorker(new URL("./import-worker.ts", import.meta.url), { recycleAboveHeapMb: 128 });
  worker.warm();

  async function runNext(): Promise<boolean> {
    const staleBefore = startedAt ?? Date.now() - env().JOB_LEASE_MS;
    const next = await asSystem("import runner: the next queued step of any tenant", () =>
      nextQueuedImport(db, new Date(staleBefore).toISOString()),
    );
    startedAt = null;
    if (!next || stopped) return false;
    const step = next.status === "check_queued" || next.status === "checking" ? "check" : "commit";
    const started = Date.now();
    try {
      const job: ImportJob = { databaseUrl, orgId: next.org_id, importId: next.id, step, holder: serverId() };
      const outcome = await worker.run(job);
      log.info("import step finished", { importId: next.id, step, ms: Date.now() - started, ...outcome });
      // A step that failed before its claim (e.g. the database was busy) is still queued: leave it to the next poll, not a tight loop.
      return outcome.ok === true;
    } catch (e) {
      log.error("import worker crashed", { importId: next.id, step, error: String(e) });
      await runAsOrg(next.org_id, () =>
        transitionImport(db, next.org_id, next.id, ["checking", "committing", "check_queued", "commit_queued"], "failed", {
          result: { error: "The import stopped unexpectedly; nothing was imported. Please try again." },
          finished: true,
        }),
      );
    }
    return true;
  }

  /** Runs queued steps until none is left. Never two at once: a wake-up during a run asks for another look after it. */
  async function drain(): Promise<void> {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        while (!stopped && (await runNext()));
      } while (again && !stopped);
    } finally {
      running = false;
    }
  }

  const wake = () => {
    if (!stopped) drain().catch((e: unknown) => log.error("import runner failed", { error: String(e) }));
  };
  const timer = setInterval(wake, opts.pollMs ?? POLL_MS);
  timer.unref();
  const unsubscribe = onJobQueued("import", wake);
  wake();
  return async () => {
    stopped = true;
    clearInterval(timer);
    unsubscribe();
    await worker.stop();
  };
}
