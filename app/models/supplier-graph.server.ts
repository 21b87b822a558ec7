// The supplier graph in SQL: links, upstream closures (recursive CTEs run on SQLite and PostgreSQL
// alike) and tier writes. Every function is scoped by orgId.
import { PostgresAdapter, sql } from "kysely";
import type { DbOrTrx } from "./types";
import { nowIso } from "~/lib/time";
import { chunks } from "./chunks";

/** The supplier and everyone who supplies it, directly or through others. */
export async function upstreamClosure(db: DbOrTrx, orgId: number, supplierId: number): Promise<number[]> {
  const r = await sql<{ id: number }>`
    with recursive up(id) as (
      select cast(${supplierId} as integer)
      union
      select l.supplier_id from supplier_links l join up on l.buyer_id = up.id where l.org_id = ${orgId}
    )
    select id from up`.execute(db);
  return r.rows.map((x) => Number(x.id));
}

/**
 * The links around a supplier, up to `maxDepth` levels away: "up" = who supplies it, and who supplies
 * them…; "down" = whom it supplies, and whom they supply…. Each link once, at its smallest depth.
 */
async function edgesAround(db: DbOrTrx, orgId: number, supplierId: number, direction: "up" | "down", maxDepth: number, limit: number) {
  // "up" walks from buyer to supplier, "down" from supplier to buyer: the same query with the two columns swapped.
  const start = sql.ref(direction === "up" ? "buyer_id" : "supplier_id");
  const [lFrom, wTo] =
    direction === "up" ? [sql.ref("l.buyer_id"), sql.ref("w.supplier_id")] : [sql.ref("l.supplier_id"), sql.ref("w.buyer_id")];
  const r = await sql<{ supplier_id: number; buyer_id: number; depth: number }>`
    with recursive w(supplier_id, buyer_id, depth) as (
      select supplier_id, buyer_id, 1 from supplier_links where org_id = ${orgId} and ${start} = ${supplierId}
      union
      select l.supplier_id, l.buyer_id, w.depth + 1
      from supplier_links l join w on ${lFrom} = ${wTo}
      where l.org_id = ${orgId} and w.depth < ${maxDepth}
    )
    select supplier_id, buyer_id, min(depth) as depth from w group by supplier_id, buyer_id order by 3 limit ${limit}`.execute(db);
  return r.rows.map((x) => ({ supplierId: Number(x.supplier_id), buyerId: Number(x.buyer_id), depth: Number(x.depth) }));
}

/** Upstream tree edges of a supplier down to `maxDepth` levels (for the supplier page). */
export function upstreamEdges(db: DbOrTrx, orgId: number, supplierId: number, maxDepth: number, limit: number) {
  return edgesAround(db, orgId, supplierId, "up", maxDepth, limit);
}

/** Downstream edges (buyers, their buyers, …) of a supplier. */
export function downstreamEdges(db: DbOrTrx, orgId: number, supplierId: number, maxDepth: number, limit: number) {
  return edgesAround(db, orgId, supplierId, "down", maxDepth, limit);
}

/** Links whose supplier is one of `supplierIds`, with the buyer's current tier. */
export async function linksFrom(db: DbOrTrx, orgId: number, supplierIds: readonly number[]) {
  const out: Array<{ supplierId: number; buyerId: number; buyerTier: number | null }> = [];
  for (const part of chunks(supplierIds)) {
    const rows = await db
      .selectFrom("supplier_links as l")
      .innerJoin("suppliers as b", "b.id", "l.buyer_id")
      .select(["l.supplier_id", "l.buyer_id", "b.tier"])
      .where("l.org_id", "=", orgId)
      .where("l.supplier_id", "in", part)
      .execute();
    for (const r of rows) out.push({ supplierId: r.supplier_id, buyerId: r.buyer_id, buyerTier: r.tier });
  }
  return out;
}

export async function linkExists(db: DbOrTrx, orgId: number, supplierId: number, buyerId: number): Promise<boolean> {
  const r = await db
    .selectFrom("supplier_links")
    .select("supplier_id")
    .where("org_id", "=", orgId)
    .where("supplier_id", "=", supplierId)
    .where("buyer_id", "=", buyerId)
    .executeTakeFirst();
  return Boolean(r);
}

export async function insertLink(db: DbOrTrx, orgId: number, supplierId: number, buyerId: number): Promise<void> {
  await db
    .insertInto("supplier_links")
    .values({ org_id: orgId, supplier_id: supplierId, buyer_id: buyerId, created_at: nowIso() })
    .execute();
}

export async function deleteLink(db: DbOrTrx, orgId: number, supplierId: number, buyerId: number): Promise<number> {
  const r = await db
    .deleteFrom("supplier_links")
    .where("org_id", "=", orgId)
    .where("supplier_id", "=", supplierId)
    .where("buyer_id", "=", buyerId)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Writes tiers, one UPDATE per distinct tier value (tiers take few values, so this is a handful of statements). */
export async function writeTiers(db: DbOrTrx, orgId: number, tiers: ReadonlyMap<number, number | null>): Promise<void> {
  const byTier = new Map<number | null, number[]>();
  for (const [id, t] of tiers) {
    const list = byTier.get(t);
    if (list) list.push(id);
    else byTier.set(t, [id]);
  }
  for (const [tier, ids] of byTier) {
    for (const part of chunks(ids)) {
      await db.updateTable("suppliers").set({ tier }).where("org_id", "=", orgId).where("id", "in", part).execute();
    }
  }
}

export async function currentTiers(db: DbOrTrx, orgId: number, ids: readonly number[]): Promise<Map<number, number | null>> {
  const out = new Map<number, number | null>();
  for (const part of chunks(ids)) {
    const rows = await db.selectFrom("suppliers").select(["id", "tier"]).where("org_id", "=", orgId).where("id", "in", part).execute();
    for (const r of rows) out.set(r.id, r.tier);
  }
  return out;
}

/** Every link of the organization (full recomputation after an import). */
export async function allLinks(db: DbOrTrx, orgId: number) {
  const rows = await db.selectFrom("supplier_links").select(["supplier_id", "buyer_id"]).where("org_id", "=", orgId).execute();
  return rows.map((r) => ({ supplierId: r.supplier_id, buyerId: r.buyer_id }));
}

/**
 * Serialises changes to one organization's supply graph (links, tiers, imports) on PostgreSQL,
 * where several app servers write at once. SQLite has a single writer, so there is nothing to do.
 */
export async function lockOrgGraph(trx: DbOrTrx, orgId: number): Promise<void> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
  await trx.selectFrom("organizations").select("id").where("id", "=", orgId).forUpdate().execute();
}

/** Changes whenever a supplier or a link of the organization is added, changed or removed. */
export async function graphFingerprint(db: DbOrTrx, orgId: number): Promise<string> {
  const [s, l] = await Promise.all([
    db
      .selectFrom("suppliers")
      .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.max("updated_at").as("m")])
      .where("org_id", "=", orgId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("supplier_links")
      .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.max("created_at").as("m")])
      .where("org_id", "=", orgId)
      .executeTakeFirstOrThrow(),
  ]);
  return `${s.n}|${s.m ?? ""}|${l.n}|${l.m ?? ""}`;
}
