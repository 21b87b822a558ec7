// Background risk jobs (recompute and methodology preview) and the lists the periodic sweeps use.
import type { DbOrTrx } from "./types";
import type { RiskJobStatus } from "~db/types";
import { nowIso } from "~/lib/time";

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

/**
 * Claims the oldest queued job for `holder` (or one whose server died: running, and its claim not
 * refreshed since `staleBefore`).
 */
export async function claimJob(db: DbOrTrx, staleBefore: string, holder: string) {
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
    .set({ status: "running", claimed_at: now, claimed_by: holder })
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
  set: {
    status?: RiskJobStatus;
    progressDone?: number;
    progressTotal?: number;
    error?: string | null;
    finished?: boolean;
    result?: unknown;
  },
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

/** The heartbeat of a server's running jobs: their claims stay fresh while it works. */
export async function heartbeatRiskJobs(db: DbOrTrx, holder: string, at: string): Promise<number> {
  const r = await db
    .updateTable("risk_jobs")
    .set({ claimed_at: at })
    .where("status", "=", "running")
    .where("claimed_by", "=", holder)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** A server shutting down hands its running jobs back to the queue (a recompute is safe to repeat). */
export async function releaseRiskJobs(db: DbOrTrx, holder: string): Promise<number> {
  const r = await db
    .updateTable("risk_jobs")
    .set({ status: "queued", claimed_at: null, claimed_by: null })
    .where("status", "=", "running")
    .where("claimed_by", "=", holder)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
