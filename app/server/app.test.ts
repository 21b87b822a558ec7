// The HTTP layer's headers, without the Remix build: HSTS only when the app is served over HTTPS,
// and the security headers on every response (even the health check).
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { ServerBuild } from "@remix-run/node";
import { afterEach, expect, it } from "vitest";
import type { Db } from "~db/client";
import { resetEnvCache } from "~/lib/env.server";
import { createApp } from "./app";

let server: Server | undefined;
const saved = process.env.APP_URL;

afterEach(() => {
  server?.close();
  server = undefined;
  if (saved === undefined) delete process.env.APP_URL;
  else process.env.APP_URL = saved;
  resetEnvCache();
});

async function headersWith(appUrl: string): Promise<Headers> {
  process.env.APP_URL = appUrl;
  resetEnvCache();
  // /healthz answers before the Remix handler, so neither a build nor a database is touched.
  const app = createApp({ build: {} as ServerBuild, db: {} as Db, publicDir: "/nonexistent" });
  server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server!.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  const r = await fetch(`http://127.0.0.1:${port}/healthz`);
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
