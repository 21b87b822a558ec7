// App servers for the crash tests: each its own process (`node --import tsx app/server/main.ts`, the
// production build), its own port and database, killed with SIGKILL — no shutdown handler runs, as
// when the machine loses power under the process or the OOM killer takes it.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { REPO_ROOT } from "./env";

export interface CrashServer {
  url: string;
  pid: number;
  /** SIGKILL, and wait until the process is gone. */
  kill(): Promise<void>;
  /** The last lines the server wrote (for failure messages). */
  log(): string;
  /** How long the server took to answer /healthz. */
  startMs: number;
  /** Imports whose step (commit, then the scores' recompute) this server's runner has finished, from its log. */
  stepsFinished: Set<number>;
}

const live = new Set<ChildProcess>();
/** Kills every server still running (after a failed test). */
export async function killAllServers(): Promise<void> {
  await Promise.all([...live].map((c) => killChild(c)));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function serverEnv(databaseUrl: string, evidenceDir: string, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    EVIDENCE_DIR: evidenceDir,
    APP_URL: `http://127.0.0.1:${port}`,
    // info: the import runner logs each finished step, which the tests wait for.
    LOG_LEVEL: "info",
  };
  delete env.SMTP_URL; // mail stays in the outbox
  return env;
}

/** The server's output: the last lines worth reading (request log lines left out), each line passed to `onLine`. */
class Tail {
  private lines: string[] = [];
  private partial = "";
  constructor(private readonly onLine: (line: string) => void = () => {}) {}
  push(c: Buffer) {
    const lines = (this.partial + c.toString("utf8")).split("\n");
    this.partial = lines.pop() ?? "";
    for (const l of lines) {
      this.onLine(l);
      if (!l.includes('"msg":"request"')) this.lines.push(l.slice(0, 2000));
    }
    if (this.lines.length > 40) this.lines.splice(0, this.lines.length - 40);
  }
  toString() {
    return [...this.lines, this.partial].join("\n");
  }
}

function killChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      live.delete(child);
      resolve();
      return;
    }
    child.once("exit", () => {
      live.delete(child);
      resolve();
    });
    child.kill("SIGKILL");
  });
}

/** Migrates and seeds a database (reference data, demo tenants and questionnaires) with db/cli/seed.ts. */
export async function seedDatabase(databaseUrl: string, evidenceDir: string): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", "db/cli/seed.ts"], {
    cwd: REPO_ROOT,
    env: { ...serverEnv(databaseUrl, evidenceDir, 1), LOG_LEVEL: "error" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const tail = new Tail();
  child.stdout.on("data", (c: Buffer) => tail.push(c));
  child.stderr.on("data", (c: Buffer) => tail.push(c));
  const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
  if (code !== 0) throw new Error(`seeding ${databaseUrl} failed (exit ${code}):\n${tail}`);
}

/** Starts the built app on a free port and waits for /healthz. */
export async function startServer(databaseUrl: string, evidenceDir: string, extraEnv: Record<string, string> = {}): Promise<CrashServer> {
  const t0 = Date.now();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "app/server/main.ts"], {
    cwd: REPO_ROOT,
    env: { ...serverEnv(databaseUrl, evidenceDir, port), ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  live.add(child);
  const stepsFinished = new Set<number>();
  const tail = new Tail((line) => {
    if (!line.includes('"import step finished"')) return;
    const id = /"importId":(\d+)/.exec(line)?.[1];
    if (id) stepsFinished.add(Number(id));
  });
  child.stdout!.on("data", (c: Buffer) => tail.push(c));
  child.stderr!.on("data", (c: Buffer) => tail.push(c));
  const server: CrashServer = { url, pid: child.pid!, kill: () => killChild(child), log: () => tail.toString(), stepsFinished, startMs: 0 };

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the server exited during start-up (${child.exitCode ?? child.signalCode}):\n${tail}`);
    try {
      const r = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (r.ok) {
        server.startMs = Date.now() - t0;
        return server;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.kill();
      throw new Error(`the server did not answer /healthz within 90 s:\n${tail}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
