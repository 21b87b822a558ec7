// This server's claims on shared work: a heartbeat that keeps its running import steps and risk jobs
// claimed while it works (another server takes over a claim only after JOB_LEASE_MS without one), and
// the release at shutdown that queues them again at once.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import { heartbeatImports, releaseImports } from "~/models/import.server";
import { heartbeatRiskJobs, releaseRiskJobs } from "~/models/risk-jobs.server";
import { log } from "~/lib/logger.server";
import { nowIso } from "~/lib/time";
import { systemPath } from "~db/scope";

/** Refreshes `holder`'s claims every `everyMs`; returns the stop function. */
export function startHeartbeat(db: Kysely<Database>, holder: string, everyMs: number): () => void {
  const beat = systemPath("claims: heartbeat of this server's import steps and risk jobs, any tenant", async () => {
    const at = nowIso();
    await heartbeatImports(db, holder, at);
    await heartbeatRiskJobs(db, holder, at);
  });
  const timer = setInterval(() => {
    beat().catch((e: unknown) => log.error("heartbeat failed", { error: String(e) }));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Queues `holder`'s running import steps and risk jobs again (at shutdown, after its workers stopped). */
export const releaseClaims = systemPath("claims: this server hands its claims back at shutdown, any tenant", releaseClaimsAsSystem);

async function releaseClaimsAsSystem(db: Kysely<Database>, holder: string): Promise<{ imports: number; riskJobs: number }> {
  const imports = await releaseImports(db, holder);
  const riskJobs = await releaseRiskJobs(db, holder);
  if (imports + riskJobs > 0) log.info("claims released", { imports, riskJobs });
  return { imports, riskJobs };
}
