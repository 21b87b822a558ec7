// Supplier queries. Every function is scoped by orgId.
import type { DbOrTrx } from "./types";

export async function countByTier(db: DbOrTrx, orgId: number) {
  const rows = await db
    .selectFrom("suppliers")
    .select((eb) => ["tier", eb.fn.countAll<number>().as("n")])
    .where("org_id", "=", orgId)
    .where("status", "!=", "archived")
    .groupBy("tier")
    .orderBy("tier")
    .execute();
  return rows.map((r) => ({ tier: r.tier, count: Number(r.n) }));
}

export async function countByCountry(db: DbOrTrx, orgId: number, limit = 10) {
  const rows = await db
    .selectFrom("suppliers")
    .select((eb) => ["country", eb.fn.countAll<number>().as("n")])
    .where("org_id", "=", orgId)
    .where("status", "!=", "archived")
    .groupBy("country")
    .orderBy("n", "desc")
    .orderBy("country")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ country: r.country, count: Number(r.n) }));
}
