// Runs one queued import step (check or commit) in the import runner's worker thread with its own
// database connection, so parsing and validating 100,000 rows never blocks the server's event loop. On
// SQLite the server keeps reading while the import writes (WAL); other writers wait for its one transaction.
import { createDb } from "~db/client";
import { runQueuedCheck, runQueuedCommit } from "~/services/import.server";
import { runAsOrg } from "~db/scope";

export interface ImportJob {
  databaseUrl: string;
  orgId: number;
  importId: number;
  step: "check" | "commit";
  /** The server the step runs for (serverId()). */
  holder: string;
}

export async function runJob(job: ImportJob): Promise<Record<string, unknown>> {
  const handle = createDb(job.databaseUrl, { poolSize: 2 });
  try {
    // One tenant's import: it runs as that organisation, not as system.
    await runAsOrg(job.orgId, () =>
      job.step === "check"
        ? runQueuedCheck(handle.db, job.orgId, job.importId, job.holder)
        : runQueuedCommit(handle.db, job.orgId, job.importId, job.holder),
    );
    return { ok: true };
  } finally {
    await handle.close();
  }
}
