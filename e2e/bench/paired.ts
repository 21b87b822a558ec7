// Two pages measured in alternation (ABBA…), so that their ratio is taken under the same machine
// conditions. On a shared, noisy machine two figures measured one after the other (e.g. the login
// page, then the supplier list a minute later) can differ by a factor of two for reasons that have
// nothing to do with the pages; windows of a couple of seconds, alternating, cancel that out.
import autocannon, { type AutocannonResult } from "autocannon";
import { CONNECTIONS, MIN_2XX_SHARE, type LoadSettings } from "./http";
import { log, median, round } from "./lib";

export interface PairedSide {
  label: string;
  url: string;
  headers?: Record<string, string>;
}

export interface PairedSideResult {
  /** Requests per second over all of this side's windows. */
  reqPerS: number;
  windows: number[];
  requests: number;
  ok: number;
  p50Ms: number;
  p99Ms: number;
}

export interface PairedResult {
  a: PairedSideResult;
  b: PairedSideResult;
  /** a's req/s ÷ b's req/s over all windows, and per round (for the spread). */
  ratio: number;
  roundRatios: number[];
  windowS: number;
  rounds: number;
}

function run(side: PairedSide, durationS: number): Promise<AutocannonResult> {
  return autocannon({ url: side.url, connections: CONNECTIONS, duration: durationS, ...(side.headers ? { headers: side.headers } : {}) });
}

/**
 * `rounds` rounds of one window per side (a then b, then b then a, …) after a warm-up of each.
 * Throws if fewer than 95 % of either side's responses were 2xx.
 */
export async function measurePaired(a: PairedSide, b: PairedSide, settings: LoadSettings, rounds: number): Promise<PairedResult> {
  if (settings.warmupS > 0) {
    await run(a, settings.warmupS);
    await run(b, settings.warmupS);
  }
  const windowS = Math.max(1, Math.round(settings.durationS / 2));
  const results = { a: [] as AutocannonResult[], b: [] as AutocannonResult[] };
  const roundRatios: number[] = [];
  const rate = (r: AutocannonResult) => r.requests.total / Math.max(r.duration, 1e-9);
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 === 0 ? (["a", "b"] as const) : (["b", "a"] as const);
    for (const k of order) results[k].push(await run(k === "a" ? a : b, windowS));
    roundRatios.push(round(rate(results.a[i]!) / rate(results.b[i]!)));
  }
  const side = (label: string, rs: AutocannonResult[]): PairedSideResult => {
    const requests = rs.reduce((s, r) => s + r.requests.total, 0);
    const ok = rs.reduce((s, r) => s + r["2xx"], 0);
    const seconds = rs.reduce((s, r) => s + r.duration, 0);
    if (requests === 0 || ok / requests < MIN_2XX_SHARE) throw new Error(`${label}: only ${ok} of ${requests} responses were 2xx`);
    return {
      reqPerS: round(requests / seconds, 4),
      windows: rs.map((r) => round(rate(r), 4)),
      requests,
      ok,
      p50Ms: median(rs.map((r) => r.latency.p50)),
      p99Ms: Math.max(...rs.map((r) => r.latency.p99)),
    };
  };
  const ra = side(a.label, results.a);
  const rb = side(b.label, results.b);
  const ratio = round(ra.reqPerS / rb.reqPerS);
  log(`paired ${a.label} ${ra.reqPerS} req/s vs ${b.label} ${rb.reqPerS} req/s: ratio ${ratio} (rounds ${roundRatios.join(", ")})`);
  return { a: ra, b: rb, ratio, roundRatios, windowS, rounds };
}
