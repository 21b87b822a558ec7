// Periodic housekeeping inside the server process: mail delivery, expired sessions, old rate-limit rows,
// stale dashboard roll-ups.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import { deliverPendingMail } from "~/lib/mail.server";
import { log } from "~/lib/logger.server";
import { deleteExpiredSessions } from "~/models/session.server";
import { pruneHits } from "~/models/rate-limit.server";
import { nowIso } from "~/lib/time";
import { refreshPlannerStats } from "~db/client";
import { sendDueReminders } from "~/services/reminders.server";
import { refreshStaleRollups, stalenessSweep } from "~/services/risk-sweeps.server";
import { mailOverdueActions } from "~/services/action-followup.server";

export function startBackgroundJobs(db: Kysely<Database>): () => void {
  const run = (name: string, fn: () => Promise<unknown>) => () => {
    fn().catch((e: unknown) => log.error("job failed", { job: name, error: String(e) }));
  };
  const timers = [
    setInterval(
      run("mail", () => deliverPendingMail(db)),
      15_000,
    ),
    setInterval(
      run("cleanup", async () => {
        await deleteExpiredSessions(db, nowIso());
        await pruneHits(db, Date.now() - 24 * 3600_000);
        refreshPlannerStats(db);
      }),
      10 * 60_000,
    ),
    setInterval(
      run("reminders", () => sendDueReminders(db)),
      60 * 60_000,
    ),
    // Small recomputes (an approval, an edit) mark the dashboard roll-ups stale rather than rewrite
    // them: rewrite those within a minute, so the day's snapshot is there even if nobody looks.
    setInterval(
      run("stale-rollups", () => refreshStaleRollups(db)),
      30_000,
    ),
    // Scores of suppliers whose assessment is fading change with time alone: recheck them hourly
    // (a result that did not change adds no row).
    setInterval(
      run("staleness", () => stalenessSweep(db)),
      60 * 60_000,
    ),
    // Owners of overdue corrective actions get a mail when one falls due and weekly after.
    setInterval(
      run("overdue-actions", () => mailOverdueActions(db, new Date())),
      60 * 60_000,
    ),
  ];
  for (const t of timers) t.unref();
  return () => timers.forEach(clearInterval);
}
