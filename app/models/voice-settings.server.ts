// The organisation's worker-voice settings: how many years a closed grievance case is kept.
import type { DbOrTrx } from "./types";

export async function retentionYears(db: DbOrTrx, orgId: number): Promise<number> {
  const r = await db.selectFrom("organizations").select("grievance_retention_years").where("id", "=", orgId).executeTakeFirst();
  return r?.grievance_retention_years ?? 5;
}

export async function setRetentionYears(db: DbOrTrx, orgId: number, years: number): Promise<void> {
  await db.updateTable("organizations").set({ grievance_retention_years: years }).where("id", "=", orgId).execute();
}
