// The processes of the scale-out proof: app servers (each ONE node process, `node --import tsx
// app/server/main.ts`, so SIGKILL leaves no child behind), HAProxy in front of them, and the cleanup
// that stops everything the proof started — after a failure and on Ctrl-C too.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { REPO_ROOT } from "../support/env";

export const HAPROXY_BIN = process.env.HAPROXY_BIN ?? "/usr/sbin/haproxy";
const TEMPLATE = path.join(REPO_ROOT, "e2e/scale/haproxy.cfg.template");

// ---- Cleanup, in reverse order of registration, once ----

const live = new Set<ChildProcess>();
const cleanups: Array<{ what: string; fn: () => Promise<void> | void }> = [];
let cleaning: Promise<void> | null = null;

export function onCleanup(what: string, fn: () => Promise<void> | void): void {
  cleanups.push({ what, fn });
}

/** Stops every process the proof started (app servers, HAProxy), then runs the registered cleanups. */
export function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await Promise.all([...live].map((c) => killChild(c, "SIGKILL")));
    for (const c of cleanups.reverse()) {
      try {
        await c.fn();
      } catch (e) {
        console.error(`cleanup (${c.what}) failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  })();
  return cleaning;
}

/** Ctrl-C / SIGTERM: clean up, then exit 130. A second signal exits at once (children are SIGKILLed on exit). */
export function installSignalHandlers(): void {
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      if (stopping) process.exit(130);
      stopping = true;
      console.error(`\n${signal}: stopping everything the proof started…`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  // Last resort on any exit path (synchronous only): nothing we started may outlive us.
  process.on("exit", () => {
    for (const c of live) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  });
}

function killChild(child: ChildProcess, signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}

/** The last lines a process wrote (request log lines left out), for failure messages. */
class Tail {
  private lines: string[] = [];
  private partial = "";
  push(c: Buffer) {
    const lines = (this.partial + c.toString("utf8")).split("\n");
    this.partial = lines.pop() ?? "";
    for (const l of lines) if (!l.includes('"msg":"request"')) this.lines.push(l.slice(0, 1000));
    if (this.lines.length > 30) this.lines.splice(0, this.lines.length - 30);
  }
  toString() {
    return [...this.lines, this.partial].join("\n");
  }
}

// ---- App servers ----

export interface AppServer {
  /** LANTERN_SERVER_ID: s1…sN; a restarted server gets a new one (s1-r), never the dead one's. */
  id: string;
  /** The HAProxy server name (stays the same across a restart). */
  name: string;
  port: number;
  url: string;
  child: ChildProcess;
  tail: Tail;
  alive(): boolean;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function startAppServer(
  name: string,
  id: string,
  port: number,
  env: NodeJS.ProcessEnv,
  opts: { wait?: boolean } = {},
): Promise<AppServer> {
  const child = spawn(process.execPath, ["--import", "tsx", "app/server/main.ts"], {
    cwd: REPO_ROOT,
    env: { ...env, PORT: String(port), LANTERN_SERVER_ID: id },
    stdio: ["ignore", "pipe", "pipe"],
  });
  live.add(child);
  child.once("exit", () => live.delete(child));
  const tail = new Tail();
  child.stdout!.on("data", (c: Buffer) => tail.push(c));
  child.stderr!.on("data", (c: Buffer) => tail.push(c));
  const url = `http://127.0.0.1:${port}`;
  const server: AppServer = {
    id,
    name,
    port,
    url,
    child,
    tail,
    alive: () => child.exitCode === null && child.signalCode === null,
    kill: (signal) => killChild(child, signal),
  };
  if (opts.wait !== false) await waitHealthy(server);
  return server;
}

export async function waitHealthy(server: AppServer, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!server.alive()) throw new Error(`server ${server.id} exited during start-up:\n${server.tail}`);
    try {
      const r = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server ${server.id} did not answer /healthz within ${timeoutMs / 1000} s:\n${server.tail}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// ---- HAProxy ----

export function haproxyInstalled(): boolean {
  return fs.existsSync(HAPROXY_BIN) && spawnSync(HAPROXY_BIN, ["-v"]).status === 0;
}

export function haproxyVersion(): string {
  return /version (\S+)/.exec(spawnSync(HAPROXY_BIN, ["-v"]).stdout.toString())?.[1] ?? "?";
}

export interface Balancer {
  url: string;
  config: string;
  /** A command of the runtime API (e.g. "show stat", "set server app/s2 state maint"); its answer. */
  runtime(command: string): Promise<string>;
  /** Each server's state as HAProxy sees it (UP, DOWN, MAINT, …), by name. */
  states(): Promise<Record<string, string>>;
}

export function renderConfig(vars: { runtimeSocket: string; frontend: string; servers: Array<{ name: string; port: number }> }): string {
  const servers = vars.servers.map((s) => `    server ${s.name} 127.0.0.1:${s.port} check`).join("\n");
  return fs
    .readFileSync(TEMPLATE, "utf8")
    .replaceAll("{{RUNTIME_SOCKET}}", vars.runtimeSocket)
    .replaceAll("{{FRONTEND_ADDRESS}}", vars.frontend)
    .replaceAll("{{SERVERS}}", servers);
}

function runtimeCommand(socket: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const c = net.connect(socket);
    let out = "";
    c.on("connect", () => c.write(`${command}\n`));
    c.on("data", (d) => (out += d.toString()));
    c.on("end", () => resolve(out));
    c.on("error", reject);
    c.setTimeout(5_000, () => c.destroy(new Error(`runtime API: no answer to ${command}`)));
  });
}

export async function startHaproxy(dir: string, servers: Array<{ name: string; port: number }>, port: number): Promise<Balancer> {
  const runtimeSocket = path.join(dir, "haproxy.sock");
  const config = renderConfig({ runtimeSocket, frontend: `127.0.0.1:${port}`, servers });
  const file = path.join(dir, "haproxy.cfg");
  fs.writeFileSync(file, config);
  const check = spawnSync(HAPROXY_BIN, ["-c", "-q", "-f", file]);
  if (check.status !== 0) throw new Error(`HAProxy refused the configuration:\n${check.stderr.toString()}${check.stdout.toString()}`);
  // -db: stay in the foreground (one process to kill), no daemon.
  const child = spawn(HAPROXY_BIN, ["-db", "-f", file], { stdio: ["ignore", "pipe", "pipe"] });
  live.add(child);
  const tail = new Tail();
  child.stdout.on("data", (c: Buffer) => tail.push(c));
  child.stderr.on("data", (c: Buffer) => tail.push(c));
  child.once("exit", () => live.delete(child));
  const runtime = (command: string) => runtimeCommand(runtimeSocket, command);
  const states = async () => {
    const out: Record<string, string> = {};
    for (const line of (await runtime("show stat")).split("\n")) {
      const f = line.split(",");
      if (f[0] === "app" && f[1] && f[1] !== "BACKEND") out[f[1]] = f[17] ?? "?";
    }
    return out;
  };
  const deadline = Date.now() + 10_000;
  while (!fs.existsSync(runtimeSocket)) {
    if (child.exitCode !== null) throw new Error(`HAProxy exited:\n${tail}`);
    if (Date.now() > deadline) throw new Error(`HAProxy did not start:\n${tail}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url: `http://127.0.0.1:${port}`, config, runtime, states };
}

/** Waits until HAProxy sees every named server in `state` (UP after a start, DOWN after a kill); the time it did. */
export async function waitForState(b: Balancer, names: readonly string[], state: string, timeoutMs = 30_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await b.states();
    if (names.every((n) => s[n]?.startsWith(state))) return Date.now();
    if (Date.now() > deadline)
      throw new Error(`HAProxy did not see ${names.join(", ")} ${state} within ${timeoutMs / 1000} s: ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
