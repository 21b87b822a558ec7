// Methodology changes: a preview of the band moves before saving (a dry run, as a background job on
// large tenants), and saving a new audited version, which triggers a recompute.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import { methodologyProblems, type Methodology, type MethodologyProblem } from "~/domain/risk";
import { countSuppliers } from "~/models/risk-inputs.server";
import { getPreviewJob, insertJob } from "~/models/risk-jobs.server";
import { insertMethodology } from "~/models/risk.server";
import { recordAudit } from "~/models/audit.server";
import { fail, ok, type Result } from "~/domain/result";
import {
  INLINE_LIMIT,
  currentMethodology,
  type CurrentMethodology,
  recompute,
  scoresChanged,
  previewOf,
  type PreviewResult,
  type RecomputeOutcome,
} from "./risk.server";

type DB = Kysely<Database>;

type Problems = MethodologyProblem[];

/** A saved version and what happened to the scores; refused when the config is invalid or stale. */
export type MethodologyResult = Result<
  { version: number; outcome: RecomputeOutcome | null },
  { problems: Problems } | { newer: CurrentMethodology }
>;

/** A preview: the band moves, or the id of the queued dry run; refused when the config is invalid. */
export type MethodologyPreview = Result<({ kind: "done" } & PreviewResult) | { kind: "queued"; jobId: number }, { problems: Problems }>;

const INVALID = "Some settings are not valid: see the fields marked.";

/**
 * How many suppliers would move between bands under `config` (nothing is written). A large tenant's
 * dry run goes to the job runner (a worker thread), so the request answers at once: poll
 * previewStatus() with the returned job id.
 */
export async function previewMethodology(db: DB, orgId: number, config: Methodology): Promise<MethodologyPreview> {
  const problems = methodologyProblems(config);
  if (problems.length) return fail("invalid", INVALID, { detail: { problems } });
  if ((await countSuppliers(db, orgId)) > INLINE_LIMIT) {
    return ok({ kind: "queued" as const, jobId: await insertJob(db, orgId, "preview", "all", { config }) });
  }
  const current = await currentMethodology(db, orgId);
  const r = await recompute(db, orgId, "all", { trigger: "preview", dryRun: true, methodology: { ...current, config } });
  return ok({ kind: "done" as const, ...previewOf(r) });
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

const STALE = "Another admin saved a newer version since this form was loaded.";

/**
 * Saves a new methodology version (audited with its diff) and recomputes every score. `baseVersion`
 * is the version the form was filled from: when another admin has saved since, the save is refused
 * (a conflict carrying their version) rather than overwriting it with values that never saw it. The
 * unique (org, version) index catches a save that races this check.
 */
export async function saveMethodology(
  db: DB,
  orgId: number,
  actor: { userId: number; email: string },
  change: { config: Methodology; note: string | null; baseVersion: number },
  ip: string,
): Promise<MethodologyResult> {
  const { config, note, baseVersion } = change;
  const problems = methodologyProblems(config);
  if (problems.length) return fail("invalid", INVALID, { detail: { problems } });
  const newer = async () => {
    const cur = await currentMethodology(db, orgId);
    return cur.version !== baseVersion ? cur : null;
  };
  const stale = await newer();
  if (stale) return fail("conflict", STALE, { detail: { newer: stale } });
  let version: number;
  try {
    version = await insertVersion(db, orgId, actor, config, note, ip);
  } catch (e) {
    const raced = await newer();
    if (raced) return fail("conflict", STALE, { detail: { newer: raced } });
    throw e;
  }
  const outcome = await scoresChanged(db, orgId, `methodology v${version}`, "all");
  return ok({ version, outcome });
}

async function insertVersion(
  db: DB,
  orgId: number,
  actor: { userId: number; email: string },
  config: Methodology,
  note: string | null,
  ip: string,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
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
}
