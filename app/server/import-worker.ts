// Runs one queued import step (check or commit) in a worker thread with its own database
// connection, so parsing and validating 100,000 rows never blocks the server's event loop. On SQLite
// the server keeps reading while the import writes (WAL); other writers wait for its one transaction.
import { parentPort, workerData } from "node:worker_threads";
import { createDb } from "../../db/client";
import { runQueuedCheck, runQueuedCommit } from "../services/import.server";

interface Job {
  databaseUrl: string;
  orgId: number;
  importId: number;
  step: "check" | "commit";
}

const job = workerData.job as Job;
const handle = createDb(job.databaseUrl, { poolSize: 2 });
try {
  if (job.step === "check") await runQueuedCheck(handle.db, job.orgId, job.importId);
  else await runQueuedCommit(handle.db, job.orgId, job.importId);
  parentPort?.postMessage({ ok: true });
} catch (e) {
  parentPort?.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
} finally {
  await handle.close();
}
