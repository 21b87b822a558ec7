// Load shedding: under more load than the machine can serve, answer the excess at once with 503 +
// Retry-After instead of letting every request wait until clients time out. At most `maxInflight`
// requests run at a time, started from the event loop one per turn; up to `maxQueue` more wait (FIFO)
// for at most `queueTimeoutMs`. Refused at once: arrivals when the queue is full or their expected
// wait is too long, and, under load, while the event loop lags. Registered after static files and
// /healthz in app.ts, so assets and health checks always answer.
import type { NextFunction, Request, Response } from "express";
import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";
import { log } from "~/lib/logger.server";

export type ShedReason = "full" | "timeout" | "lag";

export interface ShedOptions {
  /** Requests running at once; 0 turns shedding off. */
  maxInflight: number;
  /** Requests waiting for a slot beyond that (every request passes the queue for at least one loop turn). */
  maxQueue: number;
  /**
   * A waiting request is refused after this long; and a new one is refused at once when the wait it
   * would have (its place in the queue × the recent interval between completions) exceeds a quarter of
   * it (a margin for a machine whose speed varies: those admitted should not reach the timeout).
   */
  queueTimeoutMs: number;
  /** Refuse new requests while the mean event-loop delay exceeds this (and half the slots are busy); 0 turns the check off. */
  maxLagMs: number;
  /** Current event-loop delay in ms (tests inject one; default: the process-wide monitor). */
  lagMs?: () => number;
  /** Clock in ms, for the wait estimate and the log throttle (tests). */
  now?: () => number;
  /** Requests started per event-loop turn (default 1). */
  startsPerTurn?: number;
}

export interface ShedStats {
  inflight: number;
  queued: number;
  /** Requests let through (at once or after waiting). */
  admitted: number;
  /** Requests that arrived with every slot taken and waited for one. */
  queuedTotal: number;
  shed: Record<ShedReason, number>;
  /** Queued requests whose client went away before they ran. */
  abandoned: number;
  maxQueued: number;
  /** Recent interval between completions while requests wait (ms); 0 before any. */
  serviceIntervalMs: number;
  lagMs: number;
}

export interface Shedder {
  middleware: (req: Request, res: Response, next: NextFunction) => void;
  /**
   * Keeps an admitted request's slot until `work` settles, even when the client goes away first (the
   * handler is still running then, and its slot must stay taken). Without it the slot is freed when
   * the response finishes or the connection closes.
   */
  track(res: Response, work: Promise<unknown>): void;
  stats(): ShedStats;
}

interface Waiting {
  res: Response;
  next: NextFunction;
  timer: ReturnType<typeof setTimeout>;
  onClose: () => void;
}

/** The wait estimate refuses only once this many requests wait for a slot. */
const ESTIMATE_MIN_QUEUE = 8;

const BUSY_TEXT = "Lantern is busy right now. Please try again in a few seconds.";
const BUSY_HTML =
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Busy — Lantern</title></head>' +
  `<body><main><h1>Lantern is busy</h1><p>${BUSY_TEXT}</p></main></body></html>`;

/** Sends the 503: JSON for Remix data requests (marked as a thrown response), HTML for browsers, else text. */
export function sendBusy(req: Request, res: Response, retryAfterS: number): void {
  if (res.headersSent) return;
  res.status(503);
  res.setHeader("Retry-After", String(retryAfterS));
  res.setHeader("Cache-Control", "no-store");
  const url = req.originalUrl || req.url || "";
  if (/[?&]_data=/.test(url)) {
    // X-Remix-Catch makes Remix's client treat it as a thrown 503 (error boundary) rather than loader data.
    res.setHeader("X-Remix-Catch", "yes");
    res.type("application/json").send(JSON.stringify({ message: BUSY_TEXT }));
  } else if ((req.headers.accept ?? "").includes("text/html")) {
    res.type("text/html").send(BUSY_HTML);
  } else {
    res.type("text/plain").send(BUSY_TEXT);
  }
}

// One event-loop delay monitor per process, shared by every app (mean over the last ~500 ms).
let lagMonitor: { histogram: IntervalHistogram; meanMs: number } | undefined;
function processLagMs(): number {
  if (!lagMonitor) {
    const histogram = monitorEventLoopDelay({ resolution: 20 });
    histogram.enable();
    const m = { histogram, meanMs: 0 };
    setInterval(() => {
      const mean = histogram.mean / 1e6;
      m.meanMs = Number.isFinite(mean) ? mean : 0;
      histogram.reset();
    }, 500).unref();
    lagMonitor = m;
  }
  return lagMonitor.meanMs;
}

/** The interval between completions while requests wait: under saturation, 1 / throughput (0 = not measured). */
function serviceInterval(windowMs: number) {
  let intervalMs = 0;
  let lastReleaseAt = -Infinity;
  return {
    ms: () => intervalMs,
    released(t: number, saturated: boolean): void {
      if (saturated) {
        // Every slot was taken and requests wait: the interval between completions is 1 / throughput.
        if (t - lastReleaseAt < windowMs) {
          const dt = t - lastReleaseAt;
          intervalMs = intervalMs === 0 ? dt : 0.9 * intervalMs + 0.1 * dt;
        }
        lastReleaseAt = t;
      } else {
        // Not saturated: an old estimate must not refuse the next burst; measure afresh when it fills up.
        intervalMs = 0;
        lastReleaseAt = -Infinity;
      }
    },
  };
}

/** At most one log line a second: under overload, a line per refused request would add to the load. */
function refusalLog(now: () => number) {
  let lastLogAt = -Infinity;
  let refused = 0;
  return (fields: () => Record<string, unknown>): void => {
    refused++;
    const t = now();
    if (t - lastLogAt < 1000) return;
    log.warn("shedding load", { ...fields(), refused });
    lastLogAt = t;
    refused = 0;
  };
}

export function createShedder(opts: ShedOptions): Shedder {
  const now = opts.now ?? (() => performance.now());
  const lagMs = opts.lagMs ?? (opts.maxLagMs > 0 ? processLagMs : () => 0);
  const startsPerTurn = opts.startsPerTurn ?? 1;
  const retryAfterS = Math.max(1, Math.ceil(opts.queueTimeoutMs / 1000));
  const queue = new Set<Waiting>(); // insertion order = FIFO
  let inflight = 0;
  const counts = { admitted: 0, queuedTotal: 0, abandoned: 0, maxQueued: 0 };
  const shed: Record<ShedReason, number> = { full: 0, timeout: 0, lag: 0 };
  const service = serviceInterval(opts.queueTimeoutMs);
  const warn = refusalLog(now);

  function refuse(req: Request, res: Response, reason: ShedReason): void {
    shed[reason]++;
    warn(() => ({ reason, inflight, queued: queue.size, lagMs: Math.round(lagMs()) }));
    sendBusy(req, res, retryAfterS);
  }

  const trackers = new WeakMap<Response, (work: Promise<unknown>) => void>();

  function admit(res: Response, next: NextFunction): void {
    inflight++;
    counts.admitted++;
    let released = false;
    let tracked = false;
    const release = () => {
      if (released) return;
      released = true;
      const saturated = inflight >= opts.maxInflight;
      inflight--;
      service.released(now(), saturated && queue.size > 0);
      schedulePump();
    };
    trackers.set(res, (work) => {
      tracked = true;
      work.then(release, release);
    });
    res.once("finish", release);
    // "close" also fires when the client goes away before the answer is complete: the slot is freed
    // then only if no handler is tracked (a tracked one frees it when it is done).
    res.once("close", () => {
      if (!tracked) release();
    });
    next();
  }

  // Requests start from a setImmediate turn, one per turn, never inside the middleware call. With
  // better-sqlite3 a loader runs synchronously; started from the socket's data callback, every request
  // that arrived in one poll would run before the next one is even read, so refusals would wait behind
  // them and the backlog would build up unseen in the kernel. Started here, each loop turn reads (and
  // queues or refuses) everything that arrived before more work begins.
  let pumpScheduled = false;
  function schedulePump(): void {
    if (pumpScheduled || queue.size === 0) return;
    pumpScheduled = true;
    setImmediate(pump);
  }
  function pump(): void {
    pumpScheduled = false;
    for (let started = 0; started < startsPerTurn && inflight < opts.maxInflight && queue.size > 0; started++) {
      const w = queue.values().next().value as Waiting;
      queue.delete(w);
      clearTimeout(w.timer);
      w.res.off("close", w.onClose);
      admit(w.res, w.next);
    }
    if (inflight < opts.maxInflight) schedulePump();
  }

  function middleware(req: Request, res: Response, next: NextFunction): void {
    if (opts.maxInflight <= 0) return next();
    const busy = inflight + queue.size;
    // Lag counts only under load (half the slots taken): with few requests running, the delay comes
    // from elsewhere (other processes on the machine, a background job), and refusing would not help.
    if (opts.maxLagMs > 0 && busy * 2 >= opts.maxInflight && lagMs() > opts.maxLagMs) return refuse(req, res, "lag");
    if (busy >= opts.maxInflight + opts.maxQueue) return refuse(req, res, "full");
    // Refuse now rather than after a long wait: with a slow page the count limit alone lets the
    // queue grow longer than anyone should wait. Not for a short queue: a few requests arriving
    // together (a page's parallel data requests) must not be refused because a page is slow.
    // Only requests that wait for a slot count (every request passes the queue for one loop turn).
    const waiting = Math.max(0, busy - opts.maxInflight);
    if (waiting >= ESTIMATE_MIN_QUEUE && (waiting + 1) * service.ms() > opts.queueTimeoutMs / 4) return refuse(req, res, "full");
    if (busy >= opts.maxInflight) counts.queuedTotal++;
    const w: Waiting = {
      res,
      next,
      timer: setTimeout(() => {
        queue.delete(w);
        res.off("close", w.onClose);
        refuse(req, res, "timeout");
      }, opts.queueTimeoutMs),
      onClose: () => {
        if (!queue.delete(w)) return;
        clearTimeout(w.timer);
        counts.abandoned++;
      },
    };
    res.once("close", w.onClose);
    queue.add(w);
    counts.maxQueued = Math.max(counts.maxQueued, queue.size);
    schedulePump();
  }

  return {
    middleware,
    track: (res, work) => trackers.get(res)?.(work),
    stats: () => ({
      inflight,
      queued: queue.size,
      ...counts,
      shed: { ...shed },
      serviceIntervalMs: Math.round(service.ms() * 10) / 10,
      lagMs: Math.round(lagMs() * 10) / 10,
    }),
  };
}
