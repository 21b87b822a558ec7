// Where the e2e server listens and which SQLite file it uses. Shared by playwright.config.ts, the
// server start script and the fixtures (which write sessions and read mail straight from the file).
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
/** Relative to the repo root, as DATABASE_URL gives it to the app. */
export const E2E_DB_RELATIVE = "./data/e2e.db";
export const E2E_DB_FILE = path.join(REPO_ROOT, E2E_DB_RELATIVE);
export const DEMO_PASSWORD = "lantern-demo";
/**
 * The webhook receiver of e2e/webhooks.spec.ts listens here (loopback). The e2e server lets webhooks go to
 * exactly this origin over plain http through the test-only WEBHOOK_TEST_ALLOW_ORIGINS.
 */
export const WEBHOOK_RECEIVER_PORT = Number(process.env.E2E_WEBHOOK_PORT ?? 3431);
export const WEBHOOK_RECEIVER_ORIGIN = `http://127.0.0.1:${WEBHOOK_RECEIVER_PORT}`;
