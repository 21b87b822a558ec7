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
import { sql } from "kysely";
import { createDb } from "~db/client";
import { TEST_APP_ROLE } from "~db/testing";

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

/** The server as a process manager runs it: tsx itself, not npm (npm does not wait for its child after a signal). */
async function startServe(port: number, env: NodeJS.ProcessEnv) {
  let log = "";
  const proc = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["app/server/main.ts"], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  proc.stdout?.on("data", (b: Buffer) => (log += b.toString()));
  proc.stderr?.on("data", (b: Buffer) => (log += b.toString()));
  const exited = new Promise<number | null>((r) => proc.once("exit", (code) => r(code)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const r = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null);
    if (r?.ok) break;
    if (Date.now() > deadline || proc.exitCode !== null) throw new Error(`the server did not become ready:\n${log}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    proc,
    exited,
    log: () => log,
    kill: () => proc.exitCode === null && process.kill(-proc.pid!, "SIGKILL"),
  };
}

describe("a second server on the same database (what npm run serve runs)", () => {
  it("stops on SIGTERM: finishes what it was doing, exits 0 and no longer answers", async () => {
    const port = await freePort();
    const serve = await startServe(port, serverEnv(port, { LOG_LEVEL: "info", SHUTDOWN_GRACE_MS: "2000" }));
    try {
      serve.proc.kill("SIGTERM");
      const code = await Promise.race([serve.exited, new Promise<string>((r) => setTimeout(() => r("timeout"), 15_000))]);
      expect(code, serve.log()).toBe(0);
      expect(serve.log()).toMatch(/shutting down/);
      expect(serve.log()).toMatch(/"msg":"stopped"/);
      expect(await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => "refused")).toBe("refused");
    } finally {
      serve.kill();
    }
  }, 90_000);
});

const PG = process.env.TEST_PG_URL;
describe.skipIf(!PG)(
  `the real server on PostgreSQL as the app role (row-level security on)${PG ? "" : " — skipped: TEST_PG_URL is not set"}`,
  () => {
    it("serves a signed-in officer their organisation, and answers 404 for another's", async () => {
      // As docs/deploy.md says: the owner migrates, seeds and grants; the server connects as the app role.
      const schema = `serve_${process.pid}_${Date.now().toString(36)}`;
      const admin = createDb(PG!, { poolSize: 1 });
      await sql`create schema ${sql.id(schema)}`.execute(admin.db);
      const owner = new URL(PG!);
      owner.searchParams.set("schema", schema);
      const app = new URL(owner);
      app.username = TEST_APP_ROLE;
      app.password = "";
      const port = await freePort();
      let serve: Awaited<ReturnType<typeof startServe>> | undefined;
      try {
        const ownerEnv = { ...process.env, DATABASE_URL: owner.toString(), LOG_LEVEL: "warn" };
        await run("npm", ["run", "db:setup", "--silent"], ownerEnv);
        await run("npm", ["run", "db:grant-app-role", "--silent", "--", TEST_APP_ROLE], ownerEnv);
        serve = await startServe(port, serverEnv(port, { DATABASE_URL: app.toString(), COOKIE_SECURE: "false", LOG_LEVEL: "warn" }));
        const url = `http://127.0.0.1:${port}`;
        const login = await fetch(`${url}/login`, {
          method: "POST",
          body: new URLSearchParams({ email: "compliance@acme.test", password: "lantern-demo" }),
          headers: { Origin: url },
          redirect: "manual",
        });
        expect(login.status, serve.log()).toBe(302);
        const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
        const list = await fetch(`${url}/o/acme/suppliers`, { headers: { Cookie: cookie } });
        expect(list.status, serve.log()).toBe(200);
        const html = await list.text();
        expect(new Set(html.match(/href="\/o\/acme\/suppliers\/\d+"/g)).size).toBeGreaterThan(10);
        expect((await fetch(`${url}/o/borealis/suppliers`, { headers: { Cookie: cookie } })).status).toBe(404);
        expect(serve.log()).not.toMatch(/row-level security/);
      } finally {
        serve?.kill();
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin.db);
        await admin.close();
      }
    }, 180_000);
  },
);

/** Runs a command to completion; rejects with its output when it fails. */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = "";
    const p = spawn(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    p.stdout?.on("data", (b: Buffer) => (out += b.toString()));
    p.stderr?.on("data", (b: Buffer) => (out += b.toString()));
    p.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited ${code}:\n${out}`))));
  });
}
