// What the supplier portal reads besides the assessment itself: the name of the organization asking.
import type { DbOrTrx } from "./types";

export async function orgNameById(db: DbOrTrx, orgId: number): Promise<string | undefined> {
  const r = await db.selectFrom("organizations").select("name").where("id", "=", orgId).executeTakeFirst();
  return r?.name;
}
