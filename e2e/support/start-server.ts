// Playwright's webServer: a fresh SQLite database (migrated and seeded with the demo tenants), then
// the built app (run `remix build` first) on 127.0.0.1:E2E_PORT in production mode.
// Run as `node --import tsx e2e/support/start-server.ts` from the repo root.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { BASE_URL, E2E_DB_FILE, E2E_DB_RELATIVE, E2E_PORT, REPO_ROOT, WEBHOOK_RECEIVER_ORIGIN } from "./env";

process.chdir(REPO_ROOT);
if (!fs.existsSync(path.join(REPO_ROOT, "build/index.js"))) {
  console.error("build/index.js is missing: run `npx remix build` before the e2e tests.");
  process.exit(1);
}

for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(E2E_DB_FILE + suffix, { force: true });

Object.assign(process.env, {
  NODE_ENV: "production",
  HOST: "127.0.0.1",
  PORT: String(E2E_PORT),
  DATABASE_URL: `file:${E2E_DB_RELATIVE}`,
  APP_URL: BASE_URL,
  LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "error",
  // TEST ONLY: webhooks.spec.ts's receiver on loopback (webhooks otherwise go to public https addresses only).
  WEBHOOK_TEST_ALLOW_ORIGINS: WEBHOOK_RECEIVER_ORIGIN,
  // Single sign-on (e2e/sso.spec.ts): the spec's OpenID Connect provider runs on plain http on loopback.
  SSO_ALLOW_HTTP_LOOPBACK: "1",
  SECRET_KEY: "e2e-only-secret-key-not-for-production-0123456789",
});
// Mail must stay in the outbox, where the tests read it.
delete process.env.SMTP_URL;

// db/cli/seed.ts migrates, loads the reference data and creates the demo tenants.
const seed = spawnSync(process.execPath, ["--import", "tsx", "db/cli/seed.ts"], { stdio: "inherit", env: process.env });
if (seed.status !== 0) {
  console.error(`Seeding ${E2E_DB_RELATIVE} failed (exit ${seed.status ?? seed.signal})`);
  process.exit(1);
}

// Same process from here on, so Playwright's SIGTERM reaches the server and its shutdown handler.
await import("~/server/main");
