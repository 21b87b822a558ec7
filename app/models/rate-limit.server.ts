// Rate-limit counters live in the database, so limits hold across several app servers.
import type { DbOrTrx } from "./types";

export interface Window {
  count: number;
  oldestMs: number | null;
}

export async function countHits(db: DbOrTrx, bucket: string, key: string, sinceMs: number): Promise<Window> {
  const row = await db
    .selectFrom("rate_limit_hits")
    .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.min("at_ms").as("oldest")])
    .where("bucket", "=", bucket)
    .where("key", "=", key)
    .where("at_ms", ">", sinceMs)
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), oldestMs: row.oldest == null ? null : Number(row.oldest) };
}

export async function addHit(db: DbOrTrx, bucket: string, key: string, atMs: number): Promise<void> {
  await db.insertInto("rate_limit_hits").values({ bucket, key, at_ms: atMs }).execute();
}

export async function clearHits(db: DbOrTrx, bucket: string, key: string): Promise<void> {
  await db.deleteFrom("rate_limit_hits").where("bucket", "=", bucket).where("key", "=", key).execute();
}

export async function pruneHits(db: DbOrTrx, olderThanMs: number): Promise<void> {
  await db.deleteFrom("rate_limit_hits").where("at_ms", "<", olderThanMs).execute();
}
