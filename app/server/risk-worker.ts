// Runs the queued risk jobs in the risk runner's worker thread with its own database connection (see risk-runner.ts).
import { createDb } from "~db/client";
import { runRiskJobs } from "~/services/risk.server";
import { asSystem } from "~db/scope";

export async function runJob(job: { databaseUrl: string; staleBefore?: string; holder: string }): Promise<Record<string, unknown>> {
  const handle = createDb(job.databaseUrl, { poolSize: 2 });
  try {
    const opts = { staleBefore: job.staleBefore, holder: job.holder };
    return { ok: true, jobs: await asSystem("risk jobs: queued recomputations of every tenant", () => runRiskJobs(handle.db, 5, opts)) };
  } finally {
    await handle.close();
  }
}
