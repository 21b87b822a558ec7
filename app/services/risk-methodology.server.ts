// Methodology changes: a preview of the band moves before saving (a dry run, as a background job on
// large tenants), and saving a new audited version, which triggers a recompute.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import { methodologyProblems, type Methodology } from "~/domain/risk";
import { countSuppliers } from "~/models/risk-inputs.server";
import { getPreviewJob, insertJob } from "~/models/risk-jobs.server";
import { insertMethodology } from "~/models/risk.server";
import { recordAudit } from "~/models/audit.server";
import {
  INLINE_LIMIT,
  currentMethodology,
  recompute,
  scoresChanged,
  previewOf,
  type PreviewResult,
  type RecomputeOutcome,
} from "./risk.server";

type DB = Kysely<Database>;

export type MethodologyResult =
  { ok: true; version: number; outcome: RecomputeOutcome | null } | { status: 400; problems: { path: string; message: string }[] };

/** A preview: the problems with the config, the band moves, or the id of the queued dry run. */
export type MethodologyPreview =
  { status: 400; problems: { path: string; message: string }[] } | ({ ok: true } & PreviewResult) | { queued: number };

/**
 * How many suppliers would move between bands under `config` (nothing is written). A large tenant's
 * dry run goes to the job runner (a worker thread), so the request answers at once: poll
 * previewStatus() with the returned job id.
 */
export async function previewMethodology(db: DB, orgId: number, config: Methodology): Promise<MethodologyPreview> {
  const problems = methodologyProblems(config);
  if (problems.length) return { status: 400 as const, problems };
  if ((await countSuppliers(db, orgId)) > INLINE_LIMIT) return { queued: await insertJob(db, orgId, "preview", "all", { config }) };
  const current = await currentMethodology(db, orgId);
  const r = await recompute(db, orgId, "all", { trigger: "preview", dryRun: true, methodology: { ...current, config } });
  return { ok: true as const, ...previewOf(r) };
}

export type PreviewStatus =
  { state: "pending"; since: string } | { state: "done"; preview: PreviewResult } | { state: "failed"; error: string };

export async function previewStatus(db: DB, orgId: number, jobId: number): Promise<PreviewStatus | null> {
  const j = await getPreviewJob(db, orgId, jobId);
  if (!j) return null;
  if (j.status === "done" && j.result) return { state: "done", preview: j.result as PreviewResult };
  if (j.status === "failed") return { state: "failed", error: j.error ?? "The preview failed." };
  return { state: "pending", since: j.created_at };
}

/** Saves a new methodology version (audited with its diff) and recomputes every score. */
export async function saveMethodology(
  db: DB,
  orgId: number,
  actor: { userId: number; email: string },
  config: Methodology,
  note: string | null,
  ip: string,
): Promise<MethodologyResult> {
  const problems = methodologyProblems(config);
  if (problems.length) return { status: 400, problems };
  const version = await db.transaction().execute(async (trx) => {
    const cur = await currentMethodology(trx, orgId);
    const next = cur.version + 1;
    await insertMethodology(trx, orgId, next, config, note, actor.userId);
    await recordAudit(trx, {
      orgId,
      actorUserId: actor.userId,
      actorLabel: actor.email,
      action: "methodology.changed",
      entity: "methodology",
      entityId: next,
      diff: { from: cur.config, to: config, note },
      ip,
    });
    return next;
  });
  const outcome = await scoresChanged(db, orgId, `methodology v${version}`, "all");
  return { ok: true, version, outcome };
}
