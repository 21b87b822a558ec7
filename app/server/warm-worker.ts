// One long-lived worker thread that runs jobs one after another. Starting a thread for each job
// cost about two seconds of a 500-row import's check (thread start-up, registering tsx, transpiling
// and loading the service's module graph), more than the work itself; a warm thread pays that once.
import { Worker } from "node:worker_threads";
import { log } from "~/lib/logger.server";

export type JobOutcome = Record<string, unknown>;

/** What worker-boot.mjs answers for each job. */
type Reply = { ok: true; outcome: JobOutcome; heapBytes: number } | { ok: false; error: string; heapBytes: number };

export interface WarmWorkerOptions {
  /** The thread's heap limit; a job that needs more kills the thread (its job fails, the next one gets a fresh thread). */
  maxOldGenerationSizeMb?: number;
  /** Retire the thread after this long without a job (undefined: keep it). */
  idleMs?: number;
  /** Retire the thread after a job that left it holding a heap larger than this (memory back to the OS after a huge import). */
  recycleAboveHeapMb?: number;
}

/**
 * Runs `entry` (a TypeScript module exporting `runJob(job)`) in a thread that stays up between jobs.
 * `run` must not be called again before the previous call settled (each runner runs one job at a time).
 */
export class WarmWorker {
  private worker: Worker | null = null;
  private pending: { worker: Worker; resolve(o: JobOutcome): void; reject(e: Error): void } | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly entry: URL,
    private readonly opts: WarmWorkerOptions = {},
  ) {}

  /** Starts the thread now, so that the first job does not wait for it. */
  warm(): void {
    if (!this.stopped) this.thread();
  }

  run(job: unknown): Promise<JobOutcome> {
    if (this.stopped) return Promise.reject(new Error("the worker was stopped"));
    if (this.pending) return Promise.reject(new Error("the worker is busy"));
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const worker = this.thread();
    // A job in progress keeps the process alive; an idle thread does not.
    worker.ref();
    return new Promise<JobOutcome>((resolve, reject) => {
      this.pending = { worker, resolve, reject };
      worker.postMessage(job);
    });
  }

  /**
   * Ends the thread once it is idle. A job in progress is not cut short: on shutdown the process exit
   * ends it, and the step, still claimed, is taken over after the restart (as after a crash).
   */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const w = this.worker;
    if (!w || this.pending) return;
    this.worker = null;
    await w.terminate();
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL("./worker-boot.mjs", import.meta.url), {
      workerData: { entry: this.entry.href },
      resourceLimits: { maxOldGenerationSizeMb: this.opts.maxOldGenerationSizeMb ?? 1024 },
    });
    worker.unref();
    worker.on("message", (reply: Reply) => this.settle(worker, reply));
    worker.on("error", (e) => this.fail(worker, e));
    worker.on("exit", (code) => this.fail(worker, new Error(`worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private settle(worker: Worker, reply: Reply): void {
    const p = this.pending;
    if (p?.worker !== worker) return;
    this.pending = null;
    worker.unref();
    if (this.stopped) {
      this.retire(worker);
    } else if (reply.heapBytes > (this.opts.recycleAboveHeapMb ?? Infinity) * 1024 * 1024) {
      log.info("worker thread retired after a large job", { heapMb: Math.round(reply.heapBytes / 1024 / 1024) });
      this.retire(worker);
      this.warm();
    } else if (this.opts.idleMs !== undefined) {
      this.idleTimer = setTimeout(() => this.retire(worker), this.opts.idleMs);
      this.idleTimer.unref();
    }
    const heapMb = Math.round(reply.heapBytes / 1024 / 1024);
    if (reply.ok) p.resolve({ ...reply.outcome, heapMb });
    else p.resolve({ ok: false, error: reply.error, heapMb });
  }

  /** The thread died (an uncaught error, out of memory, terminated): its job fails, the next job starts a new one. */
  private fail(worker: Worker, e: Error): void {
    if (this.worker === worker) this.worker = null;
    const p = this.pending;
    if (p?.worker !== worker) return;
    this.pending = null;
    p.reject(e);
  }

  private retire(worker: Worker): void {
    if (this.worker !== worker || this.pending) return;
    this.worker = null;
    void worker.terminate();
  }
}
