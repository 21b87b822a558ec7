// The periodic risk work of the job loop (app/server/jobs.ts): scores that change with time alone
// (fading assessments, documents whose validity ended) and dashboard roll-ups left stale by small
// recomputes.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import { orgIdsWithStaleRollup } from "~/models/dashboard-rollup.server";
import { orgIdsWithSuppliers, suppliersInFadeWindow } from "~/models/risk-jobs.server";
import { suppliersWithEvidenceExpired } from "~/models/evidence.server";
import { addDays, todayIso } from "~/domain/dates";
import { nowIso } from "~/lib/time";
import { currentMethodology, refreshRollup, scoresChanged } from "./risk.server";

type DB = Kysely<Database>;

/**
 * Rewrites the roll-ups that small recomputes and supplier edits marked stale, so that the day's
 * snapshot is written even when nobody opens the dashboard. Called every 30 s by the job loop.
 */
export async function refreshStaleRollups(db: DB): Promise<number> {
  const orgIds = await orgIdsWithStaleRollup(db);
  for (const orgId of orgIds) await refreshRollup(db, orgId);
  return orgIds.length;
}

/**
 * Hourly: suppliers whose approved assessment is past its validity (fading or just expired), or
 * whose accepted documents just stopped being valid, get recomputed: their scores change with time
 * alone. A result that did not change adds no row.
 */
export async function stalenessSweep(db: DB, now = new Date()): Promise<number> {
  let n = 0;
  for (const orgId of await orgIdsWithSuppliers(db)) {
    const m = (await currentMethodology(db, orgId)).config;
    const from = new Date(now);
    from.setUTCMonth(from.getUTCMonth() - m.validityMonths - m.fadeMonths - 1);
    const to = new Date(now);
    to.setUTCMonth(to.getUTCMonth() - m.validityMonths);
    const fading = await suppliersInFadeWindow(db, orgId, nowIso(from), nowIso(to));
    // Documents that stopped being valid yesterday or today no longer count as proof (model v2).
    const expired = await suppliersWithEvidenceExpired(db, orgId, addDays(now, -2), todayIso(now));
    const ids = [...new Set([...fading, ...expired])];
    if (ids.length) {
      const r = await scoresChanged(db, orgId, "staleness", ids);
      if (r && "inline" in r) n += r.inline.changed;
    }
  }
  return n;
}
