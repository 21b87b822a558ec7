// The proof's phases: the capacity comparison (one server in rotation, then all), and the main run —
// mixed load for S seconds, a CSV import, a full recompute and a methodology preview, and halfway a
// SIGKILL of one server (the one holding running work if any) and its restart — then the wait for
// the background work to finish.
import { insertJob } from "~/models/risk-jobs.server";
import { currentMethodology } from "~/services/risk.server";
import type { CrashServer } from "../support/crash-server";
import { crashCsv, queueCheck, queueCommit, uploadCsv } from "../support/crash-flows";
import { startAppServer, waitForState, waitHealthy, type AppServer, type Balancer } from "./cluster";
import { autosaveLoop, browseLoop, editLoop, failed, inviteLoop, Recorder, throughput, type LoadTarget, type Req } from "./load";
import type { Seeded } from "./seed";
import type { Watcher } from "./watch";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Cluster {
  servers: AppServer[];
  balancer: Balancer;
  serverEnv: NodeJS.ProcessEnv;
}

export interface CapacityResult {
  one: number;
  all: number;
  /** Requests of the capacity phase that failed (none should: no server dies then). */
  failures: Req[];
  seconds: number;
  loops: number;
}

/** Read load (list, dashboard, supplier page) from `loops` officers for `seconds`, with one server in rotation, then all. */
export async function capacity(c: Cluster, t: LoadTarget, seconds: number, loops: number): Promise<CapacityResult> {
  const others = c.servers.slice(1).map((s) => s.name);
  const run = async (secs = seconds) => {
    const rec = new Recorder();
    let stop = false;
    const from = Date.now();
    const all = Array.from({ length: loops }, (_, i) => browseLoop(rec, t, t.officerCookies[i % t.officerCookies.length]!, () => stop));
    await sleep(secs * 1000);
    stop = true;
    const to = Date.now();
    await Promise.all(all);
    return { rate: throughput(rec.reqs, from, to), failures: rec.reqs.filter(failed) };
  };
  await run(Math.min(seconds, 5)); // warm-up, all servers in rotation (a cold server's first requests compile routes): not counted
  for (const n of others) await c.balancer.runtime(`set server app/${n} state maint`);
  await waitForState(c.balancer, others, "MAINT");
  const one = await run();
  for (const n of others) await c.balancer.runtime(`set server app/${n} state ready`);
  await waitForState(
    c.balancer,
    c.servers.map((s) => s.name),
    "UP",
  );
  const all = await run();
  return { one: one.rate, all: all.rate, failures: [...one.failures, ...all.failures], seconds, loops };
}

export interface MainResult {
  rec: Recorder;
  from: number;
  to: number;
  killAt: number;
  restartAt: number;
  /** When HAProxy saw the restarted server UP again. */
  upAt: number;
  /** When HAProxy first saw the killed server DOWN. */
  downAt: number | null;
  victim: { name: string; id: string; newId: string; held: string[] };
  importId: number;
  importRows: number;
  importPrefix: string;
  jobs: { recompute: number; preview: number };
}

export interface MainOptions {
  seconds: number;
  browseLoops: number;
  importRows: number;
}

/** Upload and check the CSV (through the balancer); the import id once checked. */
async function prepareImport(base: string, cookie: string, s: Seeded, prefix: string, rows: number, w: Watcher): Promise<number> {
  const via = { url: base } as CrashServer;
  const id = await uploadCsv(via, cookie, s.slug, "scale-proof.csv", crashCsv(prefix, rows));
  await queueCheck(via, cookie, s.slug, id);
  const deadline = Date.now() + 120_000;
  for (;;) {
    const status = w.claims.filter((e) => e.what === `import ${id}`).at(-1)?.status;
    if (status === "checked") return id;
    if (status === "failed" || Date.now() > deadline) throw new Error(`the import's check ended ${status ?? "nowhere"}`);
    await sleep(100);
  }
}

/** Halfway: queue the commit and the jobs, kill the server holding running work (or the first), restart it 5 s later. */
async function killAndRestart(c: Cluster, s: Seeded, base: string, cookie: string, importId: number, w: Watcher) {
  await queueCommit({ url: base } as CrashServer, cookie, s.slug, importId);
  const recompute = await insertJob(s.handle.db, s.orgId, "scale-proof full recompute", "all");
  const { config } = await currentMethodology(s.handle.db, s.orgId);
  const preview = await insertJob(s.handle.db, s.orgId, "preview", "all", { config });
  // Wait (up to 12 s: a server claims risk jobs once its worker thread has started) for a server to claim
  // the work, and pick it as the victim: the holder of the full recompute when one holds it by then (the
  // takeover of a risk job is then proven, not only the import's).
  let held: Array<{ what: string; holder: string }> = [];
  for (const deadline = Date.now() + 12_000; Date.now() < deadline; await sleep(25)) {
    held = (await w.runningHolders()).filter((h) => c.servers.some((sv) => sv.id === h.holder && sv.alive()));
    if (held.some((h) => h.what.includes("(recompute)"))) break;
  }
  const victimId = (held.find((h) => h.what.includes("(recompute)")) ?? held[0])?.holder ?? c.servers[0]!.id;
  const index = c.servers.findIndex((sv) => sv.id === victimId);
  const victim = c.servers[index]!;
  const killAt = Date.now();
  await victim.kill("SIGKILL");
  let downAt: number | null = null;
  void waitForState(c.balancer, [victim.name], "DOWN", 10_000)
    .then((at) => (downAt = at))
    .catch(() => undefined);
  await sleep(5_000);
  const newId = `${victim.name}-r1`;
  const restartAt = Date.now();
  const restarted = await startAppServer(victim.name, newId, victim.port, c.serverEnv, { wait: false });
  c.servers[index] = restarted;
  await waitHealthy(restarted);
  const upAt = await waitForState(c.balancer, [victim.name], "UP");
  return {
    killAt,
    restartAt,
    upAt,
    downAt: downAt as number | null,
    victim: { name: victim.name, id: victim.id, newId, held: held.filter((h) => h.holder === victimId).map((h) => h.what) },
    jobs: { recompute, preview },
  };
}

export async function mainRun(c: Cluster, s: Seeded, t: LoadTarget, w: Watcher, o: MainOptions): Promise<MainResult> {
  const rec = new Recorder();
  let stop = false;
  const stopped = () => stop;
  const cookies = t.officerCookies;
  const from = Date.now();
  const loops: Array<Promise<unknown>> = [
    ...Array.from({ length: o.browseLoops }, (_, i) => browseLoop(rec, t, cookies[i % cookies.length]!, stopped)),
    ...s.editable.map((ids, i) => editLoop(rec, t, cookies[(i + 1) % cookies.length]!, ids, `e${i + 1}`, stopped)),
    inviteLoop(rec, t, cookies[0]!, s.drafts, Math.max(300, (o.seconds * 1000) / (s.drafts.length + 1)), stopped),
    ...s.portals.map((p) => autosaveLoop(rec, t, p, stopped)),
  ];
  const importPrefix = `SP${Date.now().toString(36).toUpperCase()}`;
  const importId = await prepareImport(t.base, cookies[0]!, s, importPrefix, o.importRows, w);
  const half = from + (o.seconds * 1000) / 2;
  if (Date.now() < half) await sleep(half - Date.now());
  const k = await killAndRestart(c, s, t.base, cookies[0]!, importId, w);
  const end = from + o.seconds * 1000;
  if (Date.now() < end) await sleep(end - Date.now());
  stop = true;
  const to = Date.now();
  await Promise.all(loops);
  return { rec, from, to, ...k, importId, importRows: o.importRows, importPrefix };
}

/** Waits until `done` says so (polling every 250 ms); false after `timeoutMs`. */
export async function until(done: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await done()) return true;
    if (Date.now() > deadline) return false;
    await sleep(250);
  }
}
