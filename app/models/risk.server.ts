// Risk scores, the tenant's methodology, recompute jobs and daily roll-ups. Scoped by orgId, except
// the reference data (shared by all tenants) and app_meta.
import { sql } from "kysely";
import type { DbOrTrx } from "./types";
import type { RiskBand, RiskJobStatus } from "../../db/types";
import type { Methodology, ReferenceData, TipPlacement, TvpraEntry } from "../domain/risk";
import { nowIso } from "../lib/time";
import type SQLite from "better-sqlite3";
import { refreshDashboardRollup } from "./dashboard.server";

const CHUNK = 900;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reference data

/** The latest TIP placement per country and the whole TVPRA list, with a label of their editions. */
export async function loadReferenceData(db: DbOrTrx): Promise<ReferenceData> {
  const tipRows = await db.selectFrom("tip_tiers").select(["iso2", "tier", "report_year"]).execute();
  const tip = new Map<string, TipPlacement>();
  for (const r of tipRows) {
    const cur = tip.get(r.iso2);
    if (!cur || r.report_year > cur.year) tip.set(r.iso2, { iso2: r.iso2, tier: r.tier, year: r.report_year });
  }
  const goodsRows = await db.selectFrom("tvpra_goods").select(["good", "iso2", "child_labor", "forced_labor", "forced_child_labor", "list_year", "downstream_input_country"]).execute();
  const goods: TvpraEntry[] = goodsRows.map((r) => ({
    good: r.good,
    iso2: r.iso2,
    childLabor: Boolean(r.child_labor),
    forcedLabor: Boolean(r.forced_labor) || Boolean(r.forced_child_labor),
    year: r.list_year,
    inputFrom: r.downstream_input_country,
  }));
  const tipYear = Math.max(0, ...[...tip.values()].map((t) => t.year));
  const goodsYear = Math.max(0, ...goods.map((g) => g.year));
  return { tip, goods, edition: `TIP ${tipYear} · TVPRA ${goodsYear} (${tip.size} countries, ${goods.length} goods entries)` };
}

export async function getMeta(db: DbOrTrx, key: string): Promise<string | undefined> {
  return (await db.selectFrom("app_meta").select("value").where("key", "=", key).executeTakeFirst())?.value;
}

export async function setMeta(db: DbOrTrx, key: string, value: string): Promise<void> {
  await db.insertInto("app_meta").values({ key, value }).onConflict((oc) => oc.column("key").doUpdateSet({ value })).execute();
}

// ---------------------------------------------------------------------------------------------
// Methodology

export interface StoredMethodology {
  version: number;
  config: unknown;
  note: string | null;
  createdAt: string | null;
  createdBy: string | null;
}

/** The newest saved methodology of the tenant, or undefined (the model's defaults apply). */
export async function latestMethodology(db: DbOrTrx, orgId: number): Promise<StoredMethodology | undefined> {
  const r = await db
    .selectFrom("methodology_versions as m")
    .leftJoin("users as u", "u.id", "m.created_by")
    .select(["m.version", "m.config", "m.note", "m.created_at", "u.email"])
    .where("m.org_id", "=", orgId)
    .orderBy("m.version", "desc")
    .limit(1)
    .executeTakeFirst();
  return r && { version: r.version, config: JSON.parse(r.config), note: r.note, createdAt: r.created_at, createdBy: r.email };
}

export async function methodologyHistory(db: DbOrTrx, orgId: number, limit = 20) {
  const rows = await db
    .selectFrom("methodology_versions as m")
    .leftJoin("users as u", "u.id", "m.created_by")
    .select(["m.version", "m.note", "m.created_at", "u.email"])
    .where("m.org_id", "=", orgId)
    .orderBy("m.version", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ version: r.version, note: r.note, createdAt: r.created_at, createdBy: r.email }));
}

export async function insertMethodology(db: DbOrTrx, orgId: number, version: number, config: Methodology, note: string | null, userId: number | null): Promise<void> {
  await db
    .insertInto("methodology_versions")
    .values({ org_id: orgId, version, config: JSON.stringify(config), note, created_by: userId, created_at: nowIso() })
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Inputs of a computation

export interface SupplierFacts {
  id: number;
  name: string;
  country: string;
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
    .select(["id", "name", "country", "tier", "status", "risk_digest", "risk_score", "risk_band"])
    .where("org_id", "=", orgId);
  const parts = ids === "all" ? [null] : chunks(ids);
  for (const part of parts) {
    const rows = await (part ? base.where("id", "in", part) : base).execute();
    for (const r of rows) out.set(r.id, { id: r.id, name: r.name, country: r.country, tier: r.tier, status: r.status, digest: r.risk_digest, score: r.risk_score, band: r.risk_band });
  }
  return out;
}

export async function countSuppliers(db: DbOrTrx, orgId: number): Promise<number> {
  const r = await db.selectFrom("suppliers").select((eb) => eb.fn.countAll<number>().as("n")).where("org_id", "=", orgId).executeTakeFirstOrThrow();
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
    const rows = await db.selectFrom("answers").select(["assessment_id", "question_key", "value"]).where("assessment_id", "in", part).execute();
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
      const rows = await db.selectFrom("supplier_links").select("buyer_id").where("org_id", "=", orgId).where("supplier_id", "in", part).execute();
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
export async function linksOfBuyers(db: DbOrTrx, orgId: number, buyerIds: readonly number[] | "all"): Promise<Array<{ supplierId: number; buyerId: number }>> {
  const out: Array<{ supplierId: number; buyerId: number }> = [];
  const base = db.selectFrom("supplier_links").select(["supplier_id", "buyer_id"]).where("org_id", "=", orgId);
  const parts = buyerIds === "all" ? [null] : chunks(buyerIds);
  for (const part of parts) {
    for (const r of await (part ? base.where("buyer_id", "in", part) : base).execute()) out.push({ supplierId: r.supplier_id, buyerId: r.buyer_id });
  }
  return out;
}

/** The breakdown of each supplier's current score (for suppliers outside a partial recompute). */
export async function currentBreakdowns(db: DbOrTrx, orgId: number, ids: readonly number[]): Promise<Map<number, { score: number; breakdown: unknown }>> {
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

// ---------------------------------------------------------------------------------------------
// Writing scores

export interface ScoreRow {
  supplierId: number;
  score: number;
  band: RiskBand;
  inherent: number;
  maturity: number;
  residual: number;
  exposure: number;
  flags: number;
  assessed: boolean;
  assessmentId: number | null;
  breakdown: string;
  digest: string;
}

/**
 * Appends score rows and points each supplier at its new current score. Inside a transaction; on
 * SQLite pass the raw handle of the same connection and the rows go in through prepared statements
 * (a full recompute of 100,000 suppliers writes 100,000 rows), elsewhere one statement per chunk.
 */
export async function writeScores(
  db: DbOrTrx,
  orgId: number,
  rows: readonly ScoreRow[],
  meta: { computedAt: string; modelVersion: string; methodologyVersion: number; referenceEdition: string; trigger: string },
  raw?: SQLite.Database,
): Promise<void> {
  if (raw) {
    const insert = raw.prepare(
      `insert into risk_scores (org_id, supplier_id, computed_at, model_version, methodology_version, reference_edition, trigger, score, band,
        inherent, maturity, residual, exposure, flags, assessed, assessment_id, breakdown, digest) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const update = raw.prepare("update suppliers set risk_score = ?, risk_band = ?, risk_digest = ?, risk_computed_at = ? where id = ? and org_id = ?");
    for (const r of rows) {
      insert.run(orgId, r.supplierId, meta.computedAt, meta.modelVersion, meta.methodologyVersion, meta.referenceEdition, meta.trigger, r.score, r.band,
        r.inherent, r.maturity, r.residual, r.exposure, r.flags, r.assessed ? 1 : 0, r.assessmentId, r.breakdown, r.digest);
      update.run(r.score, r.band, r.digest, meta.computedAt, r.supplierId, orgId);
    }
    return;
  }
  for (const part of chunks(rows, 200)) {
    await db
      .insertInto("risk_scores")
      .values(
        part.map((r) => ({
          org_id: orgId,
          supplier_id: r.supplierId,
          computed_at: meta.computedAt,
          model_version: meta.modelVersion,
          methodology_version: meta.methodologyVersion,
          reference_edition: meta.referenceEdition,
          trigger: meta.trigger,
          score: r.score,
          band: r.band,
          inherent: r.inherent,
          maturity: r.maturity,
          residual: r.residual,
          exposure: r.exposure,
          flags: r.flags,
          assessed: r.assessed ? 1 : 0,
          assessment_id: r.assessmentId,
          breakdown: r.breakdown,
          digest: r.digest,
        })),
      )
      .execute();
  }
  // UPDATE … FROM (VALUES …) runs on both engines; VALUES columns are column1.. on both.
  for (const part of chunks(rows, 200)) {
    const values = sql.join(
      part.map((r) => sql`(cast(${r.supplierId} as integer), cast(${r.score} as real), cast(${r.band} as text), cast(${r.digest} as text))`),
    );
    await sql`
      update suppliers set risk_score = v.column2, risk_band = v.column3, risk_digest = v.column4, risk_computed_at = ${meta.computedAt}
      from (values ${values}) as v
      where suppliers.id = v.column1 and suppliers.org_id = ${orgId}`.execute(db);
  }
}

/** The score history of one supplier, newest first. */
export async function scoreHistory(db: DbOrTrx, orgId: number, supplierId: number, limit = 50) {
  return db
    .selectFrom("risk_scores")
    .select(["id", "computed_at", "score", "band", "trigger", "methodology_version", "reference_edition", "model_version", "assessed", "flags"])
    .where("org_id", "=", orgId)
    .where("supplier_id", "=", supplierId)
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

/** The current score row of one supplier (the one its digest points at). */
export async function currentScore(db: DbOrTrx, orgId: number, supplierId: number) {
  const r = await db
    .selectFrom("suppliers as s")
    .innerJoin("risk_scores as r", (j) => j.onRef("r.supplier_id", "=", "s.id").onRef("r.digest", "=", "s.risk_digest"))
    .select(["r.id", "r.computed_at", "r.score", "r.band", "r.breakdown", "r.methodology_version", "r.reference_edition", "r.model_version", "r.trigger", "s.risk_computed_at"])
    .where("s.org_id", "=", orgId)
    .where("r.org_id", "=", orgId)
    .where("s.id", "=", supplierId)
    .orderBy("r.id", "desc")
    .limit(1)
    .executeTakeFirst();
  return r && { ...r, breakdown: JSON.parse(r.breakdown) as unknown };
}

// ---------------------------------------------------------------------------------------------
// Roll-ups

/**
 * Rewrites today's roll-up of the tenant from the supplier rows (active and inactive; archived left
 * out). The dashboard's roll-ups (app/models/dashboard.server.ts) are rewritten first, in one pass
 * over the suppliers, and today's totals are summed from them rather than scanning the tenant twice.
 */
export async function writeSnapshot(db: DbOrTrx, orgId: number, now = new Date()): Promise<void> {
  const t = await refreshDashboardRollup(db, orgId, now);
  const row = {
    suppliers: t.suppliers,
    avg_score: t.scored ? Math.round((t.scoreSum / t.scored) * 100) / 100 : 0,
    low: t.low,
    medium: t.medium,
    high: t.high,
    critical: t.critical,
    assessed: t.assessed,
    updated_at: nowIso(now),
  };
  await db
    .insertInto("risk_snapshots")
    .values({ org_id: orgId, day: nowIso(now).slice(0, 10), ...row })
    .onConflict((oc) => oc.columns(["org_id", "day"]).doUpdateSet(row))
    .execute();
}

export async function snapshots(db: DbOrTrx, orgId: number, fromDay: string, toDay: string) {
  return db.selectFrom("risk_snapshots").selectAll().where("org_id", "=", orgId).where("day", ">=", fromDay).where("day", "<=", toDay).orderBy("day").execute();
}

// ---------------------------------------------------------------------------------------------
// Jobs

export async function insertJob(
  db: DbOrTrx,
  orgId: number,
  trigger: string,
  supplierIds: readonly number[] | "all",
  preview?: { config: unknown },
): Promise<number> {
  const r = await db
    .insertInto("risk_jobs")
    .values({
      org_id: orgId,
      trigger,
      supplier_ids: supplierIds === "all" ? null : JSON.stringify(supplierIds),
      status: "queued",
      created_at: nowIso(),
      ...(preview ? { kind: "preview" as const, payload: JSON.stringify(preview.config) } : {}),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return r.id;
}

/** A queued whole-tenant job already covers any new request: no need to queue another. */
export async function queuedFullJob(db: DbOrTrx, orgId: number): Promise<number | undefined> {
  const r = await db
    .selectFrom("risk_jobs")
    .select("id")
    .where("org_id", "=", orgId)
    .where("status", "=", "queued")
    .where("kind", "=", "recompute")
    .where("supplier_ids", "is", null)
    .executeTakeFirst();
  return r?.id;
}

export async function hasRunnableJob(db: DbOrTrx, staleBefore: string): Promise<boolean> {
  const r = await db
    .selectFrom("risk_jobs")
    .select("id")
    .where((eb) => eb.or([eb("status", "=", "queued"), eb.and([eb("status", "=", "running"), eb("claimed_at", "<", staleBefore)])]))
    .limit(1)
    .executeTakeFirst();
  return Boolean(r);
}

/** Claims the oldest queued job (or one whose worker died: running and claimed long ago). */
export async function claimJob(db: DbOrTrx, staleBefore: string) {
  const candidate = await db
    .selectFrom("risk_jobs")
    .select(["id", "status", "claimed_at"])
    .where((eb) => eb.or([eb("status", "=", "queued"), eb.and([eb("status", "=", "running"), eb("claimed_at", "<", staleBefore)])]))
    .orderBy("id")
    .limit(1)
    .executeTakeFirst();
  if (!candidate) return undefined;
  const now = nowIso();
  const upd = await db
    .updateTable("risk_jobs")
    .set({ status: "running", claimed_at: now })
    .where("id", "=", candidate.id)
    .where("status", "=", candidate.status)
    .where((eb) => (candidate.claimed_at === null ? eb("claimed_at", "is", null) : eb("claimed_at", "=", candidate.claimed_at)))
    .executeTakeFirst();
  if (Number(upd.numUpdatedRows) !== 1) return undefined;
  const job = await db.selectFrom("risk_jobs").selectAll().where("id", "=", candidate.id).executeTakeFirstOrThrow();
  return {
    id: job.id,
    orgId: job.org_id,
    kind: job.kind,
    trigger: job.trigger,
    payload: job.payload === null ? null : (JSON.parse(job.payload) as unknown),
    supplierIds: job.supplier_ids === null ? ("all" as const) : (JSON.parse(job.supplier_ids) as number[]),
  };
}

export async function updateJob(
  db: DbOrTrx,
  id: number,
  set: { status?: RiskJobStatus; progressDone?: number; progressTotal?: number; error?: string | null; finished?: boolean; result?: unknown },
): Promise<void> {
  await db
    .updateTable("risk_jobs")
    .set({
      ...(set.status ? { status: set.status } : {}),
      ...(set.progressDone !== undefined ? { progress_done: set.progressDone } : {}),
      ...(set.progressTotal !== undefined ? { progress_total: set.progressTotal } : {}),
      ...(set.error !== undefined ? { error: set.error } : {}),
      ...(set.finished ? { finished_at: nowIso() } : {}),
      ...(set.result !== undefined ? { result: JSON.stringify(set.result) } : {}),
    })
    .where("id", "=", id)
    .execute();
}

/** A preview job of the tenant, with its result once done. */
export async function getPreviewJob(db: DbOrTrx, orgId: number, id: number) {
  const r = await db
    .selectFrom("risk_jobs")
    .select(["id", "status", "created_at", "claimed_at", "result", "error"])
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .where("kind", "=", "preview")
    .executeTakeFirst();
  return r && { ...r, result: r.result === null ? null : (JSON.parse(r.result) as unknown) };
}

/** Recompute jobs of the tenant still queued or running (for progress on the pages). */
export async function activeJobs(db: DbOrTrx, orgId: number) {
  return db
    .selectFrom("risk_jobs")
    .select(["id", "trigger", "status", "progress_done", "progress_total", "created_at"])
    .where("org_id", "=", orgId)
    .where("kind", "=", "recompute")
    .where("status", "in", ["queued", "running"])
    .orderBy("id")
    .execute();
}

export async function orgIdsWithSuppliers(db: DbOrTrx): Promise<number[]> {
  const rows = await db.selectFrom("organizations").select("id").execute();
  return rows.map((r) => r.id);
}

/** Suppliers whose approved assessment is fading or just expired around `now` (the daily staleness sweep). */
export async function suppliersInFadeWindow(db: DbOrTrx, orgId: number, fromIso: string, toIso: string): Promise<number[]> {
  const rows = await db
    .selectFrom("assessments")
    .select("supplier_id")
    .distinct()
    .where("org_id", "=", orgId)
    .where("status", "=", "approved")
    .where("approved_at", ">=", fromIso)
    .where("approved_at", "<=", toIso)
    .execute();
  return rows.map((r) => r.supplier_id);
}
