// The app's own database code, opened on the e2e server's SQLite file (one handle per Playwright
// worker process): the fixtures seed tenants (db/seed) and start sessions (app/lib/session.server.ts)
// through it, so the tests do not keep copies of how the app writes them.
import type { Kysely } from "kysely";
import { createDb, type Db } from "~db/client";
import type { Database } from "~db/types";
import { E2E_DB_FILE } from "./env";

let handle: Db | undefined;

export function appDb(): Kysely<Database> {
  handle ??= createDb(`file:${E2E_DB_FILE}`);
  return handle.db;
}
