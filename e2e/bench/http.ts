// Child-process servers and autocannon measurements for the HTTP figures.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import autocannon, { type AutocannonResult } from "autocannon";
import { log, REPO_ROOT, round, type BenchRecord } from "./lib";

export const CONNECTIONS = 10;
export const HOST = "127.0.0.1";
/** Share of completed responses that must be 2xx for an HTTP figure to count. */
export const MIN_2XX_SHARE = 0.95;

// ---------------------------------------------------------------------------------------------
// Process groups we started. Every child runs detached (its own process group) so that
// process.kill(-pid) also reaches grandchildren (tsx starts node as a child of its own).

const liveGroups = new Set<number>();

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

let handlersInstalled = false;
function installCleanupHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  // Last resort on any exit path (synchronous only): nothing we started may outlive us.
  process.on("exit", () => {
    for (const pid of liveGroups) killGroup(pid, "SIGKILL");
  });
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      // A second signal (tsx relays the one the terminal sent to the group) exits at once;
      // the exit handler SIGKILLs whatever is left.
      if (stopping) process.exit(130);
      stopping = true;
      log(`${signal}: stopping ${liveGroups.size} child process group(s)`);
      for (const pid of liveGroups) killGroup(pid, "SIGTERM");
      setTimeout(() => process.exit(130), 300).unref();
    });
  }
}

/** Keeps the last `max` lines written by a child, for error messages. Always drains the pipe. */
class Tail {
  private lines: string[] = [];
  private partial = "";
  constructor(private readonly max = 40) {}
  push(chunk: Buffer): void {
    const parts = (this.partial + chunk.toString("utf8")).split("\n");
    this.partial = parts.pop() ?? "";
    this.lines.push(...parts);
    if (this.lines.length > this.max) this.lines.splice(0, this.lines.length - this.max);
  }
  text(): string {
    return [...this.lines, this.partial].filter(Boolean).join("\n");
  }
}

function spawnGroup(command: string, args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; tail: Tail } {
  installCleanupHandlers();
  const child = spawn(command, args, { cwd: REPO_ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  liveGroups.add(child.pid);
  const tail = new Tail();
  child.stdout?.on("data", (c: Buffer) => tail.push(c));
  child.stderr?.on("data", (c: Buffer) => tail.push(c));
  return { child, tail };
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  killGroup(pid, "SIGTERM");
  const exited = await waitForExit(child, 5000);
  // Grandchildren may linger after the direct child has gone: give them a moment, then SIGKILL.
  for (let i = 0; i < 20 && groupAlive(pid); i++) await sleep(50);
  if (!exited || groupAlive(pid)) killGroup(pid, "SIGKILL");
  liveGroups.delete(pid);
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Runs a command to completion in its own process group; rejects with its output tail on failure. */
export async function runToCompletion(
  label: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 180_000,
): Promise<void> {
  const { child, tail } = spawnGroup(command, args, env);
  const timer = setTimeout(() => killGroup(child.pid!, "SIGKILL"), timeoutMs);
  try {
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
      child.once("error", reject);
      child.once("exit", (c, s) => resolve([c, s]));
    });
    if (code !== 0) {
      throw new Error(`${label} failed (${signal ?? `exit ${code}`}): ${tail.text().slice(-1500)}`);
    }
    const out = tail.text();
    if (out) log(`${label}: ${out.split("\n").slice(-3).join(" | ")}`);
  } finally {
    clearTimeout(timer);
    await stopGroup(child);
  }
}

/** A free TCP port on 127.0.0.1 (asks the OS, then releases it for the child to bind). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once("error", reject);
    srv.listen(0, HOST, () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error("no port"))));
    });
  });
}

export interface RunningServer {
  baseUrl: string;
  /** Recent output of the server (for error messages). */
  output(): string;
}

/**
 * Starts a server as a detached child process, waits until GET `readyPath` answers 2xx
 * (up to `readyTimeoutMs`), runs `body`, and always stops the whole process group.
 */
export async function withServer<T>(
  opts: {
    label: string;
    command: string;
    args: string[];
    env: NodeJS.ProcessEnv;
    port: number;
    readyPath: string;
    readyTimeoutMs?: number;
  },
  body: (server: RunningServer) => Promise<T>,
): Promise<T> {
  const { child, tail } = spawnGroup(opts.command, opts.args, opts.env);
  const baseUrl = `http://${HOST}:${opts.port}`;
  try {
    const deadline = Date.now() + (opts.readyTimeoutMs ?? 30_000);
    let lastProblem = "no answer yet";
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `${opts.label} exited before it was ready (${child.signalCode ?? `exit ${child.exitCode}`}): ${tail.text().slice(-1500)}`,
        );
      }
      try {
        const res = await fetch(baseUrl + opts.readyPath, { signal: AbortSignal.timeout(2000) });
        await res.arrayBuffer();
        if (res.ok) break;
        lastProblem = `GET ${opts.readyPath} → ${res.status}`;
      } catch (e) {
        lastProblem = e instanceof Error ? `${e.message}${e.cause instanceof Error ? `: ${e.cause.message}` : ""}` : String(e);
      }
      if (Date.now() > deadline) {
        throw new Error(`${opts.label} not ready after ${opts.readyTimeoutMs ?? 30_000} ms (${lastProblem}): ${tail.text().slice(-1500)}`);
      }
      await sleep(100);
    }
    log(`${opts.label} ready on ${baseUrl} (pid ${child.pid})`);
    return await body({ baseUrl, output: () => tail.text() });
  } finally {
    await stopGroup(child);
  }
}

export interface LoadSettings {
  durationS: number;
  warmupS: number;
}

export function loadSettings(quick: boolean): LoadSettings {
  return quick ? { durationS: 1, warmupS: 0.5 } : { durationS: 5, warmupS: 1 };
}

/**
 * Measures `url` with autocannon (10 connections), after a short warm-up run whose numbers are discarded.
 * Returns a record (req/s mean, p50/p99 latency), or an error record if too few responses were 2xx.
 */
export async function measureHttp(
  figure: string,
  url: string,
  settings: LoadSettings,
  /** e.g. { cookie: "…" } for pages behind login. */
  headers?: Record<string, string>,
): Promise<BenchRecord> {
  const base = { url, connections: CONNECTIONS, ...(headers ? { headers } : {}) };
  if (settings.warmupS > 0) await autocannon({ ...base, duration: settings.warmupS });
  const r: AutocannonResult = await autocannon({ ...base, duration: settings.durationS });
  const completed = r.requests.total;
  const ok = r["2xx"];
  const details = {
    url: new URL(url).pathname,
    connections: CONNECTIONS,
    duration_s: settings.durationS,
    requests: completed,
    "2xx": ok,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
  log(
    `${figure}: ${round(r.requests.mean)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ` +
      `${ok}/${completed} 2xx, ${r.errors} errors`,
  );
  if (completed === 0 || ok / completed < MIN_2XX_SHARE) {
    const codes = Object.entries(r.statusCodeStats)
      .map(([code, s]) => `${code}×${s.count}`)
      .join(", ");
    return {
      figure,
      error:
        `only ${ok} of ${completed} responses were 2xx (need ≥ ${MIN_2XX_SHARE * 100}%; ` +
        `status codes: ${codes || "none"}; ${r.errors} socket errors, ${r.timeouts} timeouts)`,
      ...details,
    };
  }
  return {
    figure,
    unit: "req/s",
    value: round(r.requests.mean, 4),
    p50_ms: r.latency.p50,
    p99_ms: r.latency.p99,
    latency_mean_ms: round(r.latency.mean),
    ...details,
  };
}
