// Risk scores through the app: what to recompute when something changes, inline when small and in
// a background job when large, one score row per changed result, and the roll-up the dashboard
// reads. Methodology changes: risk-methodology.server.ts; the supplier page: risk-view.server.ts.
// The model itself is pure: app/domain/risk.
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import type { DbOrTrx } from "~/models/types";
import {
  DEFAULT_METHODOLOGY,
  methodologyDefaults,
  assessResidual,
  finalizeBreakdown,
  fixedScoreOf,
  propagate,
  type Breakdown,
  type ExposureStep,
  type FixedScore,
  type Methodology,
  type PropagationNode,
  type ReferenceData,
  type RiskBand,
} from "~/domain/risk";
import { getMeta, latestMethodology, loadReferenceData, setMeta, writeScores, writeSnapshot, type ScoreRow } from "~/models/risk.server";
import { countSuppliers, currentBreakdowns, downstreamClosure, supplierFacts, type ApprovedAssessment } from "~/models/risk-inputs.server";
import { claimJob, insertJob, orgIdsWithSuppliers, queuedFullJob, updateJob } from "~/models/risk-jobs.server";
import { markRollupStale } from "~/models/dashboard-rollup.server";
import { loadRiskInputs } from "./risk-input.server";
import { todayIso } from "~/domain/dates";
import { log } from "~/lib/logger.server";
import { nowIso } from "~/lib/time";
import { sqliteHandleOf } from "~db/client";
import { env } from "~/lib/env.server";
import { serverId } from "~/lib/server-id.server";
import { emitBandChanges, type BandChange } from "./webhook-events.server";

type DB = Kysely<Database>;

/** Up to this many affected suppliers are recomputed inside the request that changed them. */
export const INLINE_LIMIT = 2_000;
/** Suppliers written per transaction by a large recompute (short transactions: SQLite has one writer). */
const WRITE_BATCH = 2_000;

// ---------------------------------------------------------------------------------------------
// Methodology

export interface CurrentMethodology {
  version: number;
  config: Methodology;
  note: string | null;
  createdAt: string | null;
  createdBy: string | null;
}

/**
 * Fills anything a stored config lacks from the defaults of its model. A config saved before model
 * v2 existed names no model: it is v1, and its v2-only settings take v1's (unused) defaults.
 */
export function withDefaults(raw: unknown): Methodology {
  const c = (raw ?? {}) as Partial<Methodology>;
  const d = methodologyDefaults(c.model === "v2" ? "v2" : "v1");
  return {
    model: d.model,
    inherentWeights: { ...d.inherentWeights, ...c.inherentWeights },
    principleWeights: { ...d.principleWeights, ...c.principleWeights },
    bands: { ...d.bands, ...c.bands },
    validityMonths: c.validityMonths ?? d.validityMonths,
    fadeMonths: c.fadeMonths ?? d.fadeMonths,
    countryOverrides: { ...c.countryOverrides },
    declaredCredit: c.declaredCredit ?? d.declaredCredit,
    likelyGoodsFactor: c.likelyGoodsFactor ?? d.likelyGoodsFactor,
    goodsFloor: c.goodsFloor ?? d.goodsFloor,
  };
}

export async function currentMethodology(db: DbOrTrx, orgId: number): Promise<CurrentMethodology> {
  const m = await latestMethodology(db, orgId);
  if (!m) return { version: 0, config: DEFAULT_METHODOLOGY, note: null, createdAt: null, createdBy: null };
  return { ...m, config: withDefaults(m.config) };
}

// ---------------------------------------------------------------------------------------------
// Computing

let refCache: { at: number; data: ReferenceData } | undefined;
/** Reference data changes only when the seed loads a new edition; re-read it at most once a minute. */
async function referenceData(db: DbOrTrx): Promise<ReferenceData> {
  if (!refCache || Date.now() - refCache.at > 60_000) refCache = { at: Date.now(), data: await loadReferenceData(db) };
  return refCache.data;
}
/** For tests and the seed: forget the cached reference data. */
export function forgetReferenceData(): void {
  refCache = undefined;
}

/** The breakdown as stored, and its digest, which ignores the assessment's age in days (that changes daily without changing the result). */
function serialise(b: Breakdown): { json: string; digest: string } {
  const json = JSON.stringify(b);
  const basis = b.controls.assessment
    ? JSON.stringify({ ...b, controls: { ...b.controls, assessment: { ...b.controls.assessment, ageDays: 0 } } })
    : json;
  return { json, digest: createHash("sha256").update(basis).digest("hex").slice(0, 32) };
}

export interface ComputeResult {
  computed: number;
  changed: number;
  bandMoves: Record<RiskBand | "none", Record<RiskBand, number>>;
  /** Each computed supplier's band (before → after) and name: filled by a dry run only. */
  bands?: Map<number, { before: RiskBand | null; after: RiskBand; name: string }>;
}

function emptyMoves(): ComputeResult["bandMoves"] {
  const row = () => ({ low: 0, medium: 0, high: 0, critical: 0 });
  return { none: row(), low: row(), medium: row(), high: row(), critical: row() };
}

interface ComputeOptions {
  trigger: string;
  now?: Date;
  /** Compute with this methodology instead of the saved one (preview) … */
  methodology?: CurrentMethodology;
  /** … and write nothing. */
  dryRun?: boolean;
  /** Compute as if these were the suppliers' latest approved assessments (a dry run's "what if"). */
  assume?: ReadonlyMap<number, ApprovedAssessment>;
  onProgress?: (done: number, total: number) => Promise<void> | void;
  /** "deferred": mark the dashboard roll-ups stale rather than rewrite them (small inline recomputes). */
  rollup?: "now" | "deferred";
}

/**
 * Recomputes the changed suppliers and everyone downstream of them (or the whole tenant), writes a
 * score row for each result that changed, and refreshes today's roll-up. Suppliers upstream of the
 * changed ones keep their stored scores (they feed the exposure as fixed values).
 */
export async function recompute(db: DB, orgId: number, scope: readonly number[] | "all", opts: ComputeOptions): Promise<ComputeResult> {
  const now = opts.now ?? new Date();
  const method = opts.methodology ?? (await currentMethodology(db, orgId));
  const ref = await referenceData(db);
  const ids = scope === "all" ? "all" : await downstreamClosure(db, orgId, scope);
  const facts = await supplierFacts(db, orgId, ids);
  const { inputs, links } = await loadRiskInputs(db, orgId, facts, ids === "all" ? "all" : "listed", {
    model: method.config.model,
    now,
    assume: opts.assume,
  });

  // Suppliers feeding the set from outside keep their stored effective score and path.
  const outside = [...new Set(links.map((l) => l.supplierId).filter((id) => !facts.has(id)))];
  const fixed = new Map<number, FixedScore>();
  for (const [id, cur] of await currentBreakdowns(db, orgId, outside)) {
    fixed.set(id, fixedScoreOf(cur.breakdown as Breakdown));
  }
  const outsideFacts = await supplierFacts(db, orgId, outside);

  const residuals = new Map<number, ReturnType<typeof assessResidual>>();
  const nodes = new Map<number, PropagationNode & { suppliers: number[] }>();
  for (const f of facts.values()) {
    const r = assessResidual(inputs.get(f.id)!, ref, method.config, now);
    residuals.set(f.id, r);
    nodes.set(f.id, { residual: r.residual, suppliers: [] });
  }
  for (const l of links) nodes.get(l.buyerId)?.suppliers.push(l.supplierId);
  const propagated = propagate(nodes, fixed);

  const describe = (step: ExposureStep): ExposureStep => {
    const f = facts.get(step.supplierId) ?? outsideFacts.get(step.supplierId);
    return f ? { ...step, name: f.name, country: f.country, tier: f.tier } : step;
  };

  const computedAt = nowIso(now);
  const changedRows: ScoreRow[] = [];
  // Suppliers whose band moved (not a first score): each is a supplier.risk_band_changed webhook event.
  const bandChanges = new Map<number, BandChange>();
  const moves = emptyMoves();
  const bands = new Map<number, { before: RiskBand | null; after: RiskBand; name: string }>();
  for (const f of facts.values()) {
    const p = propagated.get(f.id)!;
    const b = finalizeBreakdown(residuals.get(f.id)!, { ...p, via: p.via.map(describe) }, method.config);
    const { json, digest } = serialise(b);
    const before = f.band ?? "none";
    moves[before][b.band]++;
    if (opts.dryRun) bands.set(f.id, { before: f.band, after: b.band, name: f.name });
    // The same result as the stored one adds no row (risk_computed_at keeps saying when it was computed).
    if (digest === f.digest) continue;
    if (f.band && f.band !== b.band)
      bandChanges.set(f.id, { supplierId: f.id, name: f.name, before: f.band, after: b.band, score: b.score });
    changedRows.push({
      supplierId: f.id,
      score: b.score,
      band: b.band,
      inherent: b.inherent.value,
      maturity: b.controls.maturity,
      residual: b.residual,
      exposure: b.exposure.value,
      flags: b.flags.raised.length + (b.flags.independent?.length ?? 0),
      assessed: b.controls.assessment !== null,
      assessmentId: b.controls.assessment?.id ?? null,
      breakdown: json,
      digest,
    });
  }
  const result = { computed: facts.size, changed: changedRows.length, bandMoves: moves };
  if (opts.dryRun) return { ...result, bands };

  const raw = sqliteHandleOf(db);
  const meta = {
    computedAt,
    modelVersion: method.config.model,
    methodologyVersion: method.version,
    referenceEdition: ref.edition,
    trigger: opts.trigger,
  };
  const total = changedRows.length;
  await opts.onProgress?.(0, total);
  for (let i = 0; i < total; i += WRITE_BATCH) {
    const batch = changedRows.slice(i, i + WRITE_BATCH);
    await db.transaction().execute(async (trx) => {
      await writeScores(trx, orgId, batch, meta, raw);
      // The band's webhook events commit with the score rows that moved it.
      const moved = batch.flatMap((r) => bandChanges.get(r.supplierId) ?? []);
      if (moved.length > 0) await emitBandChanges(trx, orgId, moved, { computedAt, trigger: opts.trigger });
    });
    await opts.onProgress?.(Math.min(total, i + WRITE_BATCH), total);
  }
  // The dashboard roll-ups are a pass over the whole tenant (~130 ms at 100,000 suppliers). A small
  // recompute for today (an approval, an edit) marks them stale instead: the next dashboard read or
  // the periodic refresh (refreshStaleRollups) rewrites them. A full, background or backdated
  // recompute, or a tenant without roll-ups yet, rewrites them now.
  if (opts.rollup === "deferred" && todayIso(now) === todayIso()) {
    if (total === 0 || (await markRollupStale(db, orgId))) return result;
  }
  await writeSnapshot(db, orgId, now);
  return result;
}

/**
 * The supplier's stored band and the band it would have if `assessment` were its latest approved
 * one, with the current methodology; nothing is written.
 */
export async function prospectiveBand(
  db: DbOrTrx,
  orgId: number,
  supplierId: number,
  assessment: ApprovedAssessment,
  now = new Date(),
): Promise<{ before: RiskBand | null; after: RiskBand; name: string } | null> {
  const r = await recompute(db as DB, orgId, [supplierId], {
    trigger: "prospective",
    now,
    dryRun: true,
    assume: new Map([[supplierId, assessment]]),
  });
  return r.bands?.get(supplierId) ?? null;
}

// ---------------------------------------------------------------------------------------------
// When scores change

export type RecomputeOutcome = { inline: ComputeResult } | { queued: number };

/**
 * Call after the commit of anything that changes a supplier's inputs (country, goods, links, an
 * approved assessment) or the tenant's methodology. Small sets are recomputed now; large ones (and
 * "all") go to the job runner so the request stays fast. A failure here never undoes the change:
 * the job runner and the daily sweep catch up.
 */
export async function scoresChanged(
  db: DB,
  orgId: number,
  trigger: string,
  supplierIds: readonly number[] | "all",
  now?: Date,
): Promise<RecomputeOutcome | null> {
  try {
    if (supplierIds !== "all" && supplierIds.length === 0) return null;
    const affected = supplierIds === "all" ? await countSuppliers(db, orgId) : (await downstreamClosure(db, orgId, supplierIds)).length;
    if (affected <= INLINE_LIMIT) {
      const rollup = supplierIds === "all" ? "now" : "deferred";
      return { inline: await recompute(db, orgId, supplierIds, { trigger, now, rollup }) };
    }
    const existing = await queuedFullJob(db, orgId);
    return { queued: existing ?? (await insertJob(db, orgId, trigger, supplierIds)) };
  } catch (e) {
    log.error("risk recompute failed; queued for the job runner", { orgId, trigger, error: e instanceof Error ? e.message : String(e) });
    try {
      return { queued: await insertJob(db, orgId, trigger, supplierIds) };
    } catch {
      return null; // the hourly sweep and the next change catch up
    }
  }
}

/**
 * Runs queued recompute jobs until none is left; returns how many ran. Called by the job loop as
 * `holder` (serverId()), whose heartbeat keeps its claims fresh; a running job whose claim was last
 * refreshed before `staleBefore` belongs to a server that died, and is taken over.
 */
export async function runRiskJobs(db: DB, maxJobs = 5, claim: { staleBefore?: string; holder?: string } = {}): Promise<number> {
  const holder = claim.holder ?? serverId();
  const staleBefore = claim.staleBefore ?? nowIso(new Date(Date.now() - env().JOB_LEASE_MS));
  let ran = 0;
  while (ran < maxJobs) {
    const job = await claimJob(db, staleBefore, holder);
    if (!job) break;
    ran++;
    try {
      if (job.kind === "preview") {
        const current = await currentMethodology(db, job.orgId);
        const r = await recompute(db, job.orgId, "all", {
          trigger: "preview",
          dryRun: true,
          methodology: { ...current, config: withDefaults(job.payload) },
        });
        await updateJob(db, job.id, { status: "done", finished: true, result: previewOf(r) });
        continue;
      }
      await recompute(db, job.orgId, job.supplierIds, {
        trigger: job.trigger,
        onProgress: (done, total) => updateJob(db, job.id, { progressDone: done, progressTotal: total }),
      });
      await updateJob(db, job.id, { status: "done", finished: true });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      log.error("risk job failed", { jobId: job.id, error: message });
      await updateJob(db, job.id, { status: "failed", error: message.slice(0, 500), finished: true });
    }
  }
  return ran;
}

/** Rewrites today's roll-up after a change that moves no score (e.g. archiving). Never throws. */
export async function refreshRollup(db: DB, orgId: number): Promise<void> {
  try {
    await writeSnapshot(db, orgId);
  } catch (e) {
    log.error("risk roll-up failed", { orgId, error: e instanceof Error ? e.message : String(e) });
  }
}

/**
 * After the seed loads reference data: when its edition differs from the one the stored scores were
 * computed with, every tenant is queued for a full recompute (history stays: new rows are added).
 */
export async function referenceDataLoaded(db: DB): Promise<{ edition: string; queued: number }> {
  forgetReferenceData();
  const ref = await referenceData(db);
  const previous = await getMeta(db, "reference_edition");
  let queued = 0;
  if (previous !== undefined && previous !== ref.edition) {
    for (const orgId of await orgIdsWithSuppliers(db)) {
      if (!(await queuedFullJob(db, orgId))) await insertJob(db, orgId, "reference-data", "all");
      queued++;
    }
  }
  await setMeta(db, "reference_edition", ref.edition);
  return { edition: ref.edition, queued };
}

export interface PreviewResult {
  computed: number;
  moved: number;
  moves: ComputeResult["bandMoves"];
  /** Which suppliers change band, the biggest moves first (at most PREVIEW_LIST). */
  changes: Array<{ supplierId: number; name: string; before: RiskBand | null; after: RiskBand }>;
}

/** How many of the suppliers that change band a preview names. */
export const PREVIEW_LIST = 100;
const BAND_RANK: Record<RiskBand, number> = { low: 0, medium: 1, high: 2, critical: 3 };

/** How many suppliers a dry run moves between bands (a methodology preview), and which. */
export function previewOf(r: ComputeResult): PreviewResult {
  let moved = 0;
  for (const [from, row] of Object.entries(r.bandMoves)) for (const [to, n] of Object.entries(row)) if (from !== to) moved += n;
  const distance = (c: { before: RiskBand | null; after: RiskBand }) =>
    Math.abs(BAND_RANK[c.after] - (c.before ? BAND_RANK[c.before] : -1));
  const changes = [...(r.bands ?? [])]
    .filter(([, c]) => c.before !== c.after)
    .map(([supplierId, c]) => ({ supplierId, ...c }))
    .sort((a, b) => distance(b) - distance(a) || a.name.localeCompare(b.name) || a.supplierId - b.supplierId)
    .slice(0, PREVIEW_LIST);
  return { computed: r.computed, moved, moves: r.bandMoves, changes };
}
