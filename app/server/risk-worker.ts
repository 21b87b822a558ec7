// Runs the queued risk jobs in a worker thread with its own database connection (see risk-runner.ts).
import { parentPort, workerData } from "node:worker_threads";
import { createDb } from "../../db/client";
import { runRiskJobs } from "../services/risk.server";

const job = workerData.job as { databaseUrl: string; staleBefore?: string };
const handle = createDb(job.databaseUrl, { poolSize: 2 });
try {
  const ran = await runRiskJobs(handle.db, 5, job.staleBefore);
  parentPort?.postMessage({ ok: true, jobs: ran });
} catch (e) {
  parentPort?.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
} finally {
  await handle.close();
}
