// The HTTP layer without the Remix build: HSTS only when the app is served over HTTPS, the security
// headers on every response (even the health check), and readiness (/healthz) for a load balancer.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { ServerBuild } from "@remix-run/node";
import { afterEach, expect, it } from "vitest";
import { createDb, type Db } from "~db/client";
import { migrateToLatest } from "~db/migrate";
import { resetEnvCache } from "~/lib/env.server";
import { setLogLevel } from "~/lib/logger.server";
import { createApp } from "./app";
import { createHealthCheck, type HealthCheck } from "./health";

let server: Server | undefined;
const saved = process.env.APP_URL;

afterEach(() => {
  server?.close();
  server = undefined;
  if (saved === undefined) delete process.env.APP_URL;
  else process.env.APP_URL = saved;
  resetEnvCache();
});

let migrated: Db | undefined;
async function migratedDb(): Promise<Db> {
  if (!migrated) {
    migrated = createDb(":memory:");
    await migrateToLatest(migrated);
  }
  return migrated;
}

/** /healthz of an app without a Remix build (it answers before the Remix handler). */
async function healthz(db: Db, health?: HealthCheck): Promise<Response> {
  const app = createApp({ build: {} as ServerBuild, db, publicDir: "/nonexistent", ...(health ? { health } : {}) });
  server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server!.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return fetch(`http://127.0.0.1:${port}/healthz`);
}

async function headersWith(appUrl: string): Promise<Headers> {
  process.env.APP_URL = appUrl;
  resetEnvCache();
  const r = await healthz(await migratedDb());
  expect(await r.text()).toBe("ok");
  return r.headers;
}

it("sends HSTS when the app is served over HTTPS (production), and not over plain HTTP", async () => {
  const https = await headersWith("https://lantern.example");
  expect(https.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  server?.close();
  const http = await headersWith("http://localhost:3000");
  expect(http.get("strict-transport-security")).toBeNull();
});

it("sends the security headers on every response", async () => {
  const h = await headersWith("https://lantern.example");
  expect(h.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(h.get("content-security-policy")).toContain("frame-ancestors 'none'");
  expect(h.get("x-content-type-options")).toBe("nosniff");
  expect(h.get("x-frame-options")).toBe("DENY");
  expect(h.get("x-powered-by")).toBeNull();
});

it("says ready only when the database answers and every migration has run, and not while shutting down", async () => {
  const fresh = createDb(":memory:");
  try {
    const r = await healthz(fresh);
    expect(r.status).toBe(503);
    expect(await r.text()).toMatch(/^not ready: \d+ database migration\(s\) not run yet$/);
  } finally {
    server?.close();
    await fresh.close();
  }

  const db = await migratedDb();
  const health = createHealthCheck(db);
  const ready = await healthz(db, health);
  expect([ready.status, await ready.text()]).toEqual([200, "ok"]);
  health.drain();
  const draining = await fetch(`http://127.0.0.1:${(server!.address() as AddressInfo).port}/healthz`);
  expect([draining.status, await draining.text()]).toEqual([503, "not ready: shutting down"]);
});

it("says not ready when the database stops answering", async () => {
  const db = createDb(":memory:");
  await migrateToLatest(db);
  const health = createHealthCheck(db);
  expect(await health.check()).toEqual({ ready: true });
  await db.close();
  expect(await health.check()).toEqual({ ready: false, reason: "the database does not answer" });
});

it("believes X-Forwarded-For only from the configured load balancer", async () => {
  const db = await migratedDb();
  const trusts = (setting: string) => {
    process.env.TRUST_PROXY = setting;
    resetEnvCache();
    const app = createApp({ build: {} as ServerBuild, db, publicDir: "/nonexistent" });
    const fn = app.get("trust proxy fn") as (addr: string, i: number) => boolean;
    return (peer: string) => fn(peer, 0);
  };
  const saved = process.env.TRUST_PROXY;
  try {
    // Not behind a balancer: a client's own X-Forwarded-For is never believed.
    expect(trusts("false")("127.0.0.1")).toBe(false);
    // A balancer on this machine: only loopback peers may forward an address.
    const local = trusts("loopback");
    expect([local("127.0.0.1"), local("::1"), local("203.0.113.9")]).toEqual([true, true, false]);
    const named = trusts("10.0.0.5");
    expect([named("10.0.0.5"), named("10.0.0.6"), named("127.0.0.1")]).toEqual([true, false, false]);
  } finally {
    if (saved === undefined) delete process.env.TRUST_PROXY;
    else process.env.TRUST_PROXY = saved;
    resetEnvCache();
  }
});

it("writes no request-log line for the worker-voice paths, and none with the reporter's address", async () => {
  const lines: string[] = [];
  setLogLevel("info"); // the tests run silent
  const write = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  // Both streams: without a Remix build the handler fails, and its error lines must not carry the address either.
  process.stdout.write = process.stderr.write = ((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    const db = await migratedDb();
    const app = createApp({ build: {} as ServerBuild, db, publicDir: "/nonexistent" });
    server = app.listen(0, "127.0.0.1");
    await new Promise<void>((resolve) => server!.once("listening", () => resolve()));
    const { port } = server.address() as AddressInfo;
    const headers = { "X-Forwarded-For": "203.0.113.99" };
    for (const p of ["/v/abcd2345", "/V/abcd2345/case?lang=bn", "/healthz"])
      await (await fetch(`http://127.0.0.1:${port}${p}`, { headers })).text();
    await new Promise((r) => setTimeout(r, 50));
  } finally {
    process.stdout.write = write;
    process.stderr.write = writeErr;
    setLogLevel("silent");
  }
  const requests = lines.filter((l) => l.includes('"msg":"request"'));
  expect(requests.some((l) => l.includes("/healthz"))).toBe(true);
  expect(requests.filter((l) => /\/v\//i.test(l))).toEqual([]);
  expect(lines.filter((l) => l.includes("203.0.113.99") || l.includes("127.0.0.1"))).toEqual([]);
});
