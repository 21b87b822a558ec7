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

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const e = env();
const build = (await import(pathToFileURL(path.join(root, "build/index.js")).href)) as ServerBuild;
const db = getDb();
const app = createApp({ build, db, publicDir: path.join(root, "public") });

const server = app.listen(e.PORT, e.HOST, () => {
  log.info("Lantern listening", { url: `http://${e.HOST}:${e.PORT}`, mode: e.NODE_ENV, database: redactUrl(e.DATABASE_URL) });
  if (DEV) log.warn("development mode: error responses include stack traces; never expose this server");
});
// Fail loudly on a busy port instead of wandering off to another one.
server.on("error", (err) => {
  log.error("server failed to start", { error: err.message });
  process.exit(1);
});
const stopJobs = startBackgroundJobs(db.db);
// With SQLite this is the only app server: steps still claimed at start-up were left by a crash.
const singleServer = db.engine === "sqlite";
const stopImports = startImportRunner(db.db, e.DATABASE_URL, { singleServer });
const stopRisk = startRiskRunner(db.db, e.DATABASE_URL, { singleServer });

async function shutdown(signal: string) {
  log.info("shutting down", { signal });
  stopJobs();
  await Promise.all([stopImports(), stopRisk()]);
  server.close();
  await db.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
