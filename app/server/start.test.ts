// `npm start` exactly as the README says to run it (NODE_ENV unset): it must serve production — no
// stack trace in a failing data request or an error page, and a Secure session cookie. Runs the real
// script (build, migrate, seed, serve) on a free port with its own SQLite file, in its own process
// group so the whole tree is stopped afterwards.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
// Signs that a response carries a stack trace or server internals.
const STACK = /"stack"|\n\s+at |node_modules|\.tsx?:\d+:\d+/;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const addr = s.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** A server's environment on this test's database and evidence folder. */
function serverEnv(port: number, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_URL: `file:${path.join(dir, "lantern.db")}`,
    EVIDENCE_DIR: path.join(dir, "evidence"),
    ...extra,
  };
}

let child: ChildProcess | undefined;
let dir = "";
let base = "";
let output = "";

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lantern-start-"));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const env = serverEnv(port, { LOG_LEVEL: "warn" });
  // What a fresh shell has: no NODE_ENV, and none of the settings that would turn production on.
  for (const k of ["NODE_ENV", "COOKIE_SECURE", "APP_URL", "SMTP_URL"]) delete env[k];
  child = spawn("npm", ["start", "--silent"], { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (b: Buffer) => (output += b.toString()));
  child.stderr?.on("data", (b: Buffer) => (output += b.toString()));
  const deadline = Date.now() + 170_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`npm start did not answer in time:\n${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}, 180_000);

afterAll(async () => {
  if (child?.pid && child.exitCode === null) {
    const exited = new Promise((r) => child!.once("exit", r));
    process.kill(-child.pid, "SIGTERM"); // the npm parent, tsx and the node server: the whole group
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  }
  await rm(dir, { recursive: true, force: true });
});

describe("npm start (NODE_ENV unset)", () => {
  it("answers a failing data request without a stack trace", async () => {
    for (const url of ["/login?_data=routes%2Fnope", "/login?_data=%ff", "/o/acme?_data=routes%2Fno-such-route"]) {
      const r = await fetch(base + url);
      expect(r.status, url).toBeGreaterThanOrEqual(400);
      const body = await r.text();
      expect(body, url).not.toMatch(STACK);
      expect(body, url).not.toContain(ROOT);
    }
  });

  it("shows error pages without a stack trace", async () => {
    for (const url of ["/no-such-page", "/o/%ff", "/%E0%A4%A"]) {
      const r = await fetch(base + url);
      expect(r.status, url).toBeGreaterThanOrEqual(400);
      const body = await r.text();
      expect(body, url).not.toMatch(STACK);
      expect(body, url).not.toContain(ROOT);
    }
  });

  it("marks the session cookie Secure", async () => {
    const r = await fetch(`${base}/login`, {
      method: "POST",
      body: new URLSearchParams({ email: "compliance@acme.test", password: "lantern-demo" }),
      redirect: "manual",
    });
    expect(r.status).toBe(302);
    const cookie = r.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^lantern_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
  });
});

describe("a second server on the same database (what npm run serve runs)", () => {
  it("stops on SIGTERM: finishes what it was doing, exits 0 and no longer answers", async () => {
    const port = await freePort();
    let log = "";
    const env = serverEnv(port, { LOG_LEVEL: "info", SHUTDOWN_GRACE_MS: "2000" });
    // tsx itself, not npm: npm does not wait for its child after a signal, and a process manager
    // (systemd, a container runtime) signals the server's own process.
    const serve = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["app/server/main.ts"], {
      cwd: ROOT,
      env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    serve.stdout?.on("data", (b: Buffer) => (log += b.toString()));
    serve.stderr?.on("data", (b: Buffer) => (log += b.toString()));
    const exited = new Promise<number | null>((r) => serve.once("exit", (code) => r(code)));
    try {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const r = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null);
        if (r?.ok) break;
        if (Date.now() > deadline) throw new Error(`the server did not become ready:\n${log}`);
        await new Promise((r) => setTimeout(r, 300));
      }
      serve.kill("SIGTERM");
      const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r("timeout"), 15_000))]);
      expect(code, log).toBe(0);
      expect(log).toMatch(/shutting down/);
      expect(log).toMatch(/"msg":"stopped"/);
      expect(await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => "refused")).toBe("refused");
    } finally {
      if (serve.exitCode === null) process.kill(-serve.pid!, "SIGKILL");
    }
  }, 90_000);
});
