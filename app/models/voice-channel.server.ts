// Worker-voice channels (one per supplier site) and the daily key that hashes a reporter's source for
// rate limits. channelByCode is the one look-up without an organisation: the public report path knows
// only the code printed on the poster (a crossing path, see docs/architecture.md).
import type { DbOrTrx } from "./types";

export interface ChannelRow {
  id: number;
  orgId: number;
  orgName: string;
  supplierId: number;
  supplierName: string;
  code: string;
  languages: string;
  active: number;
  createdAt: string;
}

function channels(db: DbOrTrx) {
  return db
    .selectFrom("voice_channels as vc")
    .innerJoin("suppliers as s", (j) => j.onRef("s.id", "=", "vc.supplier_id").onRef("s.org_id", "=", "vc.org_id"))
    .innerJoin("organizations as o", "o.id", "vc.org_id")
    .select([
      "vc.id",
      "vc.org_id as orgId",
      "o.name as orgName",
      "vc.supplier_id as supplierId",
      "s.name as supplierName",
      "vc.code",
      "vc.languages",
      "vc.active",
      "vc.created_at as createdAt",
    ]);
}

/** The active channel behind a public code, of any organisation (run as a named crossing path). */
export async function channelByCode(db: DbOrTrx, code: string): Promise<ChannelRow | undefined> {
  return channels(db).where("vc.code", "=", code).where("vc.active", "=", 1).executeTakeFirst();
}

export async function channelById(db: DbOrTrx, orgId: number, id: number): Promise<ChannelRow | undefined> {
  return channels(db).where("vc.org_id", "=", orgId).where("vc.id", "=", id).executeTakeFirst();
}

export async function channelsOfSupplier(db: DbOrTrx, orgId: number, supplierId: number): Promise<ChannelRow[]> {
  return channels(db).where("vc.org_id", "=", orgId).where("vc.supplier_id", "=", supplierId).orderBy("vc.id").execute();
}

export async function insertChannel(
  db: DbOrTrx,
  orgId: number,
  c: { supplierId: number; code: string; languages: string; createdBy: number | null; at: string },
): Promise<number> {
  const r = await db
    .insertInto("voice_channels")
    .values({ org_id: orgId, supplier_id: c.supplierId, code: c.code, languages: c.languages, created_by: c.createdBy, created_at: c.at })
    .returning("id")
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function codeTaken(db: DbOrTrx, code: string): Promise<boolean> {
  return (await db.selectFrom("voice_channels").select("id").where("code", "=", code).executeTakeFirst()) !== undefined;
}

const KEY_PREFIX = "voice-source-key:";

/**
 * The key of one UTC day for hashing reporters' sources: made at random on first use, shared by all
 * app servers, and deleted once the day is over, so a stored hash cannot be traced back to an
 * address afterwards (not even by trying every address).
 */
export async function dailySourceKey(db: DbOrTrx, day: string, fresh: string): Promise<string> {
  const key = KEY_PREFIX + day;
  await db
    .insertInto("app_meta")
    .values({ key, value: fresh })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  await db.deleteFrom("app_meta").where("key", "like", `${KEY_PREFIX}%`).where("key", "<", key).execute();
  const row = await db.selectFrom("app_meta").select("value").where("key", "=", key).executeTakeFirstOrThrow();
  return row.value;
}
