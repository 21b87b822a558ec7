import { createDb, type Db } from "~db/client";
import { env } from "./env.server";

// One Kysely client per process. The server passes it to loaders/actions through the Remix load
// context (context.db); scripts use getDb() directly.
const g = globalThis as typeof globalThis & { __lanternDb?: Db };

export function getDb(): Db {
  g.__lanternDb ??= createDb(env().DATABASE_URL);
  return g.__lanternDb;
}
