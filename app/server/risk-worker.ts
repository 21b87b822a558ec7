// Runs the queued risk jobs in the risk runner's worker thread with its own database connection (see risk-runner.ts).
import { createDb } from "~db/client";
import { runRiskJobs } from "~/services/risk.server";

export async function runJob(job: { databaseUrl: string; staleBefore?: string; holder: string }): Promise<Record<string, unknown>> {
  const handle = createDb(job.databaseUrl, { poolSize: 2 });
  try {
    return { ok: true, jobs: await runRiskJobs(handle.db, 5, { staleBefore: job.staleBefore, holder: job.holder }) };
  } finally {
    await handle.close();
  }
}
