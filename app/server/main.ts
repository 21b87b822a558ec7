// `npm start` runs this (after build, migrate and seed): one process, one database client.
import { DEV } from "./mode";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createApp } from "./app";
import { env } from "~/lib/env.server";
import { getDb } from "~/lib/db.server";
import { log } from "~/lib/logger.server";
import { startBackgroundJobs } from "./jobs";
import { startImportRunner } from "./import-runner";
import { startRiskRunner } from "./risk-runner";
import { redactUrl } from "~db/client";
import { serverId } from "~/lib/server-id.server";
import { createHealthCheck } from "./health";
import { releaseClaims, startHeartbeat } from "./claims";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const e = env();
const build = (await import(pathToFileURL(path.join(root, "build/index.js")).href)) as ServerBuild;
const db = getDb();
const health = createHealthCheck(db);
const app = createApp({ build, db, publicDir: path.join(root, "public"), health });
const holder = serverId();

const server = app.listen(e.PORT, e.HOST, () => {
  log.info("Lantern listening", {
    url: `http://${e.HOST}:${e.PORT}`,
    mode: e.NODE_ENV,
    database: redactUrl(e.DATABASE_URL),
    server: holder,
  });
  if (DEV) log.warn("development mode: error responses include stack traces; never expose this server");
  if (e.WEBHOOK_TEST_ALLOW_ORIGINS.length > 0) {
    log.warn("WEBHOOK_TEST_ALLOW_ORIGINS is set (test only): webhooks may go to these origins over plain http and to private addresses", {
      origins: e.WEBHOOK_TEST_ALLOW_ORIGINS,
    });
  }
  if (e.SSO_ALLOW_HTTP_LOOPBACK) log.warn("SSO_ALLOW_HTTP_LOOPBACK is on: single sign-on accepts plain-http loopback issuers (tests only)");
  if (!e.SECRET_KEY) log.warn("SECRET_KEY is not set: single sign-on client secrets are stored unencrypted (docs/decisions/0015)");
});
// Fail loudly on a busy port instead of wandering off to another one.
server.on("error", (err) => {
  log.error("server failed to start", { error: err.message });
  process.exit(1);
});
const stopJobs = startBackgroundJobs(db.db, holder);
const stopHeartbeat = startHeartbeat(db.db, holder, e.JOB_HEARTBEAT_MS);
// With SQLite this is the only app server: steps still claimed at start-up were left by a crash.
const singleServer = db.engine === "sqlite";
const stopImports = startImportRunner(db.db, e.DATABASE_URL, { singleServer });
const stopRisk = startRiskRunner(db.db, e.DATABASE_URL, { singleServer });

/**
 * SIGTERM / SIGINT: say "not ready" (the load balancer stops sending requests), stop accepting
 * connections, let the requests in flight finish (at most SHUTDOWN_GRACE_MS), stop the periodic jobs
 * and the runners, hand this server's claimed work back to the queue, and exit.
 */
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info("shutting down", { signal, graceMs: e.SHUTDOWN_GRACE_MS });
  health.drain();
  stopJobs();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const inTime = await Promise.race([
    closed.then(() => true),
    new Promise<boolean>((r) => setTimeout(() => r(false), e.SHUTDOWN_GRACE_MS)),
  ]);
  if (!inTime) {
    log.warn("requests still running at the end of the grace period: closing their connections");
    server.closeAllConnections();
  }
  await Promise.all([stopImports(), stopRisk()]);
  stopHeartbeat();
  try {
    await releaseClaims(db.db, holder);
  } catch (err) {
    log.error("could not release claims; other servers take them over after JOB_LEASE_MS", { error: String(err) });
  }
  await db.close();
  log.info("stopped", { signal });
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
