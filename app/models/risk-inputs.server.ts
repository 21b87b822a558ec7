// What a risk computation reads: supplier facts, goods, the latest approved assessments, the supply
// links around the changed suppliers and their current scores. Scoped by orgId.
import type { DbOrTrx } from "./types";
import type { RiskBand } from "~db/types";
import { chunks } from "./chunks";

export interface SupplierFacts {
  id: number;
  name: string;
  country: string;
  sector: string | null;
  tier: number | null;
  status: string;
  digest: string | null;
  score: number | null;
  band: RiskBand | null;
}

/** Suppliers by id (or all of the tenant), with what the model and the explanation need. */
export async function supplierFacts(db: DbOrTrx, orgId: number, ids: readonly number[] | "all"): Promise<Map<number, SupplierFacts>> {
  const out = new Map<number, SupplierFacts>();
  const base = db
    .selectFrom("suppliers")
    .select(["id", "name", "country", "sector", "tier", "status", "risk_digest", "risk_score", "risk_band"])
    .where("org_id", "=", orgId);
  const parts = ids === "all" ? [null] : chunks(ids);
  for (const part of parts) {
    const rows = await (part ? base.where("id", "in", part) : base).execute();
    for (const r of rows)
      out.set(r.id, {
        id: r.id,
        name: r.name,
        country: r.country,
        sector: r.sector,
        tier: r.tier,
        status: r.status,
        digest: r.risk_digest,
        score: r.risk_score,
        band: r.risk_band,
      });
  }
  return out;
}

export async function countSuppliers(db: DbOrTrx, orgId: number): Promise<number> {
  const r = await db
    .selectFrom("suppliers")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("org_id", "=", orgId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function goodsOf(db: DbOrTrx, orgId: number, ids: readonly number[] | "all"): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  const base = db.selectFrom("supplier_goods").select(["supplier_id", "good"]).where("org_id", "=", orgId);
  const parts = ids === "all" ? [null] : chunks(ids);
  for (const part of parts) {
    for (const r of await (part ? base.where("supplier_id", "in", part) : base).execute()) {
      const list = out.get(r.supplier_id);
      if (list) list.push(r.good);
      else out.set(r.supplier_id, [r.good]);
    }
  }
  return out;
}

/** Likely goods (from the sector) that an officer rejected, per supplier. */
export async function rejectedLikelyGoods(db: DbOrTrx, orgId: number, ids: readonly number[] | "all"): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  const base = db.selectFrom("supplier_likely_goods").select(["supplier_id", "good"]).where("org_id", "=", orgId);
  const parts = ids === "all" ? [null] : chunks(ids);
  for (const part of parts) {
    for (const r of await (part ? base.where("supplier_id", "in", part) : base).execute()) {
      const list = out.get(r.supplier_id);
      if (list) list.push(r.good);
      else out.set(r.supplier_id, [r.good]);
    }
  }
  return out;
}

export interface ApprovedAssessment {
  id: number;
  supplierId: number;
  versionId: number;
  approvedAt: string;
  answers: Array<{ questionKey: string; value: string | null }>;
}

/** The latest approved assessment of each supplier (ids, or every supplier of the tenant), with its answers. */
export async function latestApproved(db: DbOrTrx, orgId: number, ids: readonly number[] | "all"): Promise<Map<number, ApprovedAssessment>> {
  const out = new Map<number, ApprovedAssessment>();
  const base = db
    .selectFrom("assessments")
    .select(["id", "supplier_id", "version_id", "approved_at"])
    .where("org_id", "=", orgId)
    .where("status", "=", "approved")
    .where("approved_at", "is not", null);
  const parts = ids === "all" ? [null] : chunks(ids);
  for (const part of parts) {
    for (const r of await (part ? base.where("supplier_id", "in", part) : base).execute()) {
      const cur = out.get(r.supplier_id);
      if (!cur || r.approved_at! > cur.approvedAt || (r.approved_at === cur.approvedAt && r.id > cur.id)) {
        out.set(r.supplier_id, { id: r.id, supplierId: r.supplier_id, versionId: r.version_id, approvedAt: r.approved_at!, answers: [] });
      }
    }
  }
  const byAssessment = new Map([...out.values()].map((a) => [a.id, a]));
  for (const part of chunks([...byAssessment.keys()])) {
    const rows = await db
      .selectFrom("answers")
      .select(["assessment_id", "question_key", "value"])
      .where("assessment_id", "in", part)
      .execute();
    for (const r of rows) byAssessment.get(r.assessment_id)?.answers.push({ questionKey: r.question_key, value: r.value });
  }
  return out;
}

/** The buyers of the given suppliers, and theirs, …, including the suppliers themselves. */
export async function downstreamClosure(db: DbOrTrx, orgId: number, ids: readonly number[]): Promise<number[]> {
  const seen = new Set<number>(ids);
  let frontier = [...ids];
  while (frontier.length) {
    const next: number[] = [];
    for (const part of chunks(frontier)) {
      const rows = await db
        .selectFrom("supplier_links")
        .select("buyer_id")
        .where("org_id", "=", orgId)
        .where("supplier_id", "in", part)
        .execute();
      for (const r of rows) {
        if (!seen.has(r.buyer_id)) {
          seen.add(r.buyer_id);
          next.push(r.buyer_id);
        }
      }
    }
    frontier = next;
  }
  return [...seen];
}

/** Links whose buyer is one of `buyerIds` (or every link of the tenant). */
export async function linksOfBuyers(
  db: DbOrTrx,
  orgId: number,
  buyerIds: readonly number[] | "all",
): Promise<Array<{ supplierId: number; buyerId: number }>> {
  const out: Array<{ supplierId: number; buyerId: number }> = [];
  const base = db.selectFrom("supplier_links").select(["supplier_id", "buyer_id"]).where("org_id", "=", orgId);
  const parts = buyerIds === "all" ? [null] : chunks(buyerIds);
  for (const part of parts) {
    for (const r of await (part ? base.where("buyer_id", "in", part) : base).execute())
      out.push({ supplierId: r.supplier_id, buyerId: r.buyer_id });
  }
  return out;
}

/** The breakdown of each supplier's current score (for suppliers outside a partial recompute). */
export async function currentBreakdowns(
  db: DbOrTrx,
  orgId: number,
  ids: readonly number[],
): Promise<Map<number, { score: number; breakdown: unknown }>> {
  const out = new Map<number, { score: number; breakdown: unknown }>();
  for (const part of chunks(ids)) {
    const rows = await db
      .selectFrom("suppliers as s")
      .innerJoin("risk_scores as r", (j) => j.onRef("r.supplier_id", "=", "s.id").onRef("r.digest", "=", "s.risk_digest"))
      .select(["s.id", "r.score", "r.breakdown", "r.id as rid"])
      .where("s.org_id", "=", orgId)
      .where("r.org_id", "=", orgId)
      .where("s.id", "in", part)
      .orderBy("r.id", "asc")
      .execute();
    for (const r of rows) out.set(r.id, { score: r.score, breakdown: JSON.parse(r.breakdown) });
  }
  return out;
}
