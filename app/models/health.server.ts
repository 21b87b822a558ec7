// The readiness check's one question to the database (app/server/health.ts).
import { sql } from "kysely";
import type { DbOrTrx } from "./types";

/** Resolves when the database answers a trivial query; rejects when it does not. */
export async function pingDatabase(db: DbOrTrx): Promise<void> {
  await sql`select 1`.execute(db);
}
