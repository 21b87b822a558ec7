// Overload (issue 7 item 6): at three times the load the app can serve, it must shed the excess quickly
// with 503 (app/server/shed.ts) instead of letting requests time out, keep serving about its capacity,
// and answer normally again as soon as the load stops.
//   app.http.overload.capacity        the page's req/s with 10 connections (no shedding): the floor of this run
//   app.http.overload                 2xx req/s under 3× that rate; ratio = capacity ÷ served; goal <= 1.25 (≥ 0.8 × capacity)
//   app.http.overload.shed_latency    p99 ms of the 503/429 answers on established connections; goal < 100
//   app.http.overload.failures        timeouts + socket errors under overload; goal < 1 (none)
//   app.http.overload.recovery        ms from the end of the load until a normal request answers 200; goal < 2000
import autocannon, { type AutocannonOptions, type AutocannonResult } from "autocannon";
import type { EventEmitter } from "node:events";
import { withApp } from "./app";
import { CONNECTIONS, loadSettings, MIN_2XX_SHARE } from "./http";
import { withMet } from "./goals";
import { compareWithFloor, log, median, round, type BenchContext, type BenchRecord, type FigureDef } from "./lib";

/** The supplier list of a demo tenant, signed in: a representative page (session, guard, queries, SSR). */
const PAGE = "/o/acme/suppliers";
const USER = { email: "compliance@acme.test", password: "lantern-demo" };
const OVERLOAD_FACTOR = 3;
/**
 * autocannon's overallRate gives each connection a quota per second that refills on one timer for all of
 * them, so the requests of one instance arrive in a burst each second. Several instances started a tenth
 * of a second apart spread the load over the second.
 */
const SLICES = 10;

/** Open sockets the load generator may use (each one a file descriptor in both processes). */
const MAX_CONNECTIONS = 1000;
/** Requests a second each connection may send. */
const PER_CONNECTION_RATE = 2;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function percentile(sorted: number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function logIn(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/login`, {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams({ email: USER.email, password: USER.password }),
  });
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  if (res.status !== 302 || !cookie) throw new Error(`POST /login as ${USER.email} answered ${res.status} without a session cookie`);
  return cookie;
}

interface ShedCounters {
  admitted: number;
  shed: { full: number; timeout: number; lag: number };
  maxQueued: number;
}

async function serverCounters(baseUrl: string): Promise<ShedCounters> {
  const res = await fetch(`${baseUrl}/healthz?detail`);
  const body = (await res.json()) as { shed?: ShedCounters };
  if (!body.shed) throw new Error("GET /healthz?detail has no load-shedding counters");
  return body.shed;
}

/** One GET of the page; status and milliseconds. */
async function timedGet(url: string, cookie: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  try {
    const res = await fetch(url, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(5000) });
    await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - started };
  } catch {
    return { status: 0, ms: performance.now() - started };
  }
}

interface Sample {
  /** Completion time, ms since the load started. */
  t: number;
  status: number;
  ms: number;
  /** The first response on its connection: its latency includes the TCP accept. */
  first: boolean;
}

/** `rate` req/s offered by SLICES staggered autocannon instances for `durationS`; every response is kept. */
async function offerLoad(url: string, cookie: string, rate: number, connections: number, durationS: number) {
  const samples: Sample[] = [];
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: SLICES }, async (_, i): Promise<AutocannonResult> => {
      await sleep((i * 1000) / SLICES);
      const opts: AutocannonOptions & { overallRate: number } = {
        url,
        headers: { cookie },
        connections: Math.max(1, Math.round(connections / SLICES)),
        // Not below the connections: each connection gets a quota of at least one request a second.
        overallRate: Math.max(1, Math.round(connections / SLICES), Math.round(rate / SLICES)),
        duration: durationS,
      };
      const run = autocannon(opts) as Promise<AutocannonResult> & EventEmitter;
      const seen = new Set<unknown>();
      run.on("response", (client: unknown, status: number, _bytes: number, ms: number) => {
        samples.push({ t: performance.now() - started, status, ms, first: !seen.has(client) });
        seen.add(client);
      });
      return run;
    }),
  );
  const stoppedAt = performance.now();
  return { samples, results, stoppedAt, elapsedS: (stoppedAt - started) / 1000 };
}

/** Capacity: closed loop with 10 connections keeps the server busy without queueing (< SHED_MAX_INFLIGHT). */
async function measureCapacity(ctx: BenchContext, baseUrl: string, url: string, cookie: string) {
  const quick = ctx.quick ? { quick: true } : {};
  const settings = loadSettings(ctx.quick);
  if (settings.warmupS > 0) await autocannon({ url, headers: { cookie }, connections: CONNECTIONS, duration: settings.warmupS });
  const idle: number[] = [];
  for (let i = 0; i < 10; i++) idle.push((await timedGet(url, cookie)).ms);
  const before = await serverCounters(baseUrl);
  const cap = await autocannon({ url, headers: { cookie }, connections: CONNECTIONS, duration: settings.durationS });
  const capacity = cap["2xx"] / cap.duration;
  if (cap.requests.total === 0 || cap["2xx"] / cap.requests.total < MIN_2XX_SHARE) {
    const codes = Object.entries(cap.statusCodeStats)
      .map(([code, st]) => `${code}×${st.count}`)
      .join(", ");
    throw new Error(`capacity run: only ${cap["2xx"]} of ${cap.requests.total} responses were 2xx (${codes}; ${cap.errors} errors)`);
  }
  const afterCapacity = await serverCounters(baseUrl);
  const shedDuringCapacity =
    afterCapacity.shed.full +
    afterCapacity.shed.timeout +
    afterCapacity.shed.lag -
    (before.shed.full + before.shed.timeout + before.shed.lag);
  log(`overload: capacity ${round(capacity)} req/s (p50 ${cap.latency.p50} ms, p99 ${cap.latency.p99} ms), ${shedDuringCapacity} shed`);
  const capacityRecord: BenchRecord = {
    figure: "app.http.overload.capacity",
    unit: "req/s",
    value: round(capacity, 4),
    url: PAGE,
    connections: CONNECTIONS,
    duration_s: settings.durationS,
    requests: cap.requests.total,
    "2xx": cap["2xx"],
    p50_ms: cap.latency.p50,
    p99_ms: cap.latency.p99,
    shed_during_capacity: shedDuringCapacity,
    ...quick,
  };
  return { capacity, capacityRecord, afterCapacity, idle };
}

interface Recovery {
  ms: number;
  requestMs: number;
  polls: number;
}

/** Recovery: polls every 50 ms from the moment the load stopped until the page answers 200 (at most 10 s). */
async function waitForRecovery(url: string, cookie: string, stoppedAt: number): Promise<Recovery | undefined> {
  let recovery: Recovery | undefined;
  for (let polls = 1; performance.now() - stoppedAt < 10_000; polls++) {
    const pollStarted = performance.now();
    const r = await timedGet(url, cookie);
    if (r.status === 200) {
      recovery = { ms: performance.now() - stoppedAt, requestMs: r.ms, polls };
      break;
    }
    await sleep(Math.max(0, 50 - (performance.now() - pollStarted)));
  }
  return recovery;
}

/** What the overload run measured, turned into records by overloadRecords. */
interface Measured {
  load: Awaited<ReturnType<typeof offerLoad>>;
  capacity: number;
  capacityRecord: BenchRecord;
  afterCapacity: ShedCounters;
  counters: ShedCounters;
  recovery: Recovery | undefined;
  idle: number[];
  after: number[];
  offered: number;
  connections: number;
  durationS: number;
  quick: { quick?: boolean };
}

/** Figures from every response of the overload run. */
function overloadRecords(m: Measured): BenchRecord[] {
  const { load, capacity, capacityRecord, afterCapacity, counters, recovery, idle, after, offered, connections, durationS, quick } = m;
  // Figures from every response of the overload run.
  const { samples, results } = load;
  const shed = samples.filter((s) => s.status === 503 || s.status === 429);
  const served = samples.filter((s) => s.status >= 200 && s.status < 300);
  const other = samples.length - shed.length - served.length;
  const timeouts = results.reduce((n, r) => n + r.timeouts, 0);
  const socketErrors = results.reduce((n, r) => n + r.errors, 0) - timeouts;
  // Served throughput over the window in which every slice was running.
  const windowStart = ((SLICES - 1) * 1000) / SLICES;
  const windowEnd = durationS * 1000;
  const servedInWindow = served.filter((s) => s.t >= windowStart && s.t < windowEnd).length;
  const servedRate = servedInWindow / ((windowEnd - windowStart) / 1000);
  const achieved = (samples.length + timeouts + socketErrors) / load.elapsedS;
  const lat = (xs: Sample[]) => xs.map((s) => s.ms).sort((a, b) => a - b);
  const shedLat = lat(shed);
  const servedLat = lat(served);
  // Without each connection's first response, whose latency includes the TCP accept: while its event
  // loop is saturated Node accepts queued connections late (seconds, see README), before any app code
  // sees them. That is the kernel's queue, not the app's answer time.
  const established = (xs: Sample[]) => lat(xs.filter((x) => !x.first));
  const firsts = lat(samples.filter((x) => x.first));
  const codes: Record<string, number> = {};
  for (const s of samples) codes[s.status] = (codes[s.status] ?? 0) + 1;
  const n = Math.max(1, samples.length);
  const serverShed = {
    full: counters.shed.full - afterCapacity.shed.full,
    timeout: counters.shed.timeout - afterCapacity.shed.timeout,
    lag: counters.shed.lag - afterCapacity.shed.lag,
  };
  log(
    `overload: ${samples.length} responses (${JSON.stringify(codes)}), served ${round(servedRate)} req/s, ` +
      `shed p50/p99 ${percentile(shedLat, 50)}/${percentile(shedLat, 99)} ms, ` +
      `served p50/p99 ${percentile(servedLat, 50)}/${percentile(servedLat, 99)} ms, ` +
      `${timeouts} timeouts, ${socketErrors} socket errors, recovery ${recovery ? round(recovery.ms) : "none"} ms`,
  );
  const common = { url: PAGE, offered_req_s: round(offered, 4), connections, duration_s: durationS, ...quick };

  const main = compareWithFloor(
    {
      figure: "app.http.overload",
      unit: "req/s",
      value: round(servedRate, 4),
      ...common,
      achieved_req_s: round(achieved, 4),
      responses: samples.length,
      ok_share: round(served.length / n),
      shed_share: round(shed.length / n),
      other_share: round(other / n),
      status_codes: codes,
      served_vs_capacity: round(servedRate / capacity),
      served_p50_ms: percentile(servedLat, 50),
      served_p99_ms: percentile(servedLat, 99),
      shed_p50_ms: percentile(shedLat, 50),
      shed_p99_ms: percentile(shedLat, 99),
      shed_p99_established_ms: percentile(established(shed), 99),
      served_p99_established_ms: percentile(established(served), 99),
      first_on_connection_p50_ms: percentile(firsts, 50),
      first_on_connection_p99_ms: percentile(firsts, 99),
      timeouts,
      socket_errors: socketErrors,
      server_shed: serverShed,
      server_max_queued: counters.maxQueued,
    },
    capacityRecord,
    "rate",
    "<= 1.25",
  );
  const shedP99 = percentile(established(shed), 99);
  const shedRecord: BenchRecord =
    shedP99 === undefined
      ? {
          figure: "app.http.overload.shed_latency",
          error: `no 503/429 among ${samples.length} responses at ${OVERLOAD_FACTOR}× capacity: nothing was shed`,
        }
      : {
          figure: "app.http.overload.shed_latency",
          unit: "ms",
          value: shedP99,
          p50_ms: percentile(established(shed), 50),
          all_p99_ms: percentile(shedLat, 99),
          max_ms: shedLat[shedLat.length - 1],
          shed: shed.length,
          first_on_connection: shed.filter((x) => x.first).length,
          goal: "< 100",
          ...common,
        };
  const failures: BenchRecord = {
    figure: "app.http.overload.failures",
    unit: "count",
    value: timeouts + socketErrors,
    timeouts,
    socket_errors: socketErrors,
    other_status: other,
    goal: "< 1",
    ...common,
  };
  const recoveryRecord: BenchRecord = recovery
    ? {
        figure: "app.http.overload.recovery",
        unit: "ms",
        value: round(recovery.ms),
        request_ms: round(recovery.requestMs),
        polls: recovery.polls,
        idle_request_median_ms: round(median(idle)),
        after_request_median_ms: round(median(after)),
        goal: "< 2000",
        ...quick,
      }
    : { figure: "app.http.overload.recovery", error: `GET ${PAGE} did not answer 200 within 10 s after the load stopped` };
  return [capacityRecord, withMet(main), withMet(shedRecord), withMet(failures), withMet(recoveryRecord)];
}

async function run(ctx: BenchContext): Promise<BenchRecord[]> {
  const quick = ctx.quick ? { quick: true } : {};
  return withApp(ctx, async (baseUrl) => {
    const url = baseUrl + PAGE;
    const cookie = await logIn(baseUrl);
    const probe = await timedGet(url, cookie);
    if (probe.status !== 200) throw new Error(`GET ${PAGE} answered ${probe.status} before the load test`);
    const { capacity, capacityRecord, afterCapacity, idle } = await measureCapacity(ctx, baseUrl, url, cookie);

    // Three times that rate. An autocannon connection has one request out at a time: there must be
    // more connections than the server will queue, or the clients would just wait; but not one per
    // request (under load Node accepts new connections late, which would measure the accept queue).
    const offered = OVERLOAD_FACTOR * capacity;
    const connections = Math.min(MAX_CONNECTIONS, Math.max(4 * SLICES, Math.round(offered / PER_CONNECTION_RATE)));
    const durationS = ctx.quick ? 3 : 10;
    log(`overload: offering ${round(offered)} req/s over ${connections} connections for ${durationS} s`);
    const load = await offerLoad(url, cookie, offered, connections, durationS);

    const recovery = await waitForRecovery(url, cookie, load.stoppedAt);
    const after: number[] = [];
    for (let i = 0; i < 10; i++) after.push((await timedGet(url, cookie)).ms);
    const counters = await serverCounters(baseUrl);
    return overloadRecords({
      load,
      capacity,
      capacityRecord,
      afterCapacity,
      counters,
      recovery,
      idle,
      after,
      offered,
      connections,
      durationS,
      quick,
    });
  });
}

export const overloadFigures: FigureDef[] = [
  {
    figures: [
      "app.http.overload.capacity",
      "app.http.overload",
      "app.http.overload.shed_latency",
      "app.http.overload.failures",
      "app.http.overload.recovery",
    ],
    description:
      `GET ${PAGE} signed in: capacity with ${CONNECTIONS} connections, ` +
      `then ${OVERLOAD_FACTOR}× that rate (autocannon overallRate, ${SLICES} staggered instances); ` +
      `shed share and latency, served req/s, timeouts, recovery`,
    run,
  },
];
