// Periodic housekeeping: mail delivery, expired sessions, old rate-limit rows, reminders, stale dashboard
// roll-ups and score sweeps. With several app servers each kind runs once per cluster and period.
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
import { purgeExpiredGrievances } from "~/services/grievances.server";
import { periodicRunAfter, takePeriodicJob } from "~/models/job-leases.server";
import { env } from "~/lib/env.server";
import { deliverWebhooks } from "~/services/webhook-delivery.server";
import { emitOverdueActions } from "~/services/webhook-events.server";
import { asSystem } from "~db/scope";

/** A periodic job kind: its name (the lease's), how often it runs, and what it does. */
export interface PeriodicJob {
  name: string;
  everyMs: number;
  run(db: Kysely<Database>): Promise<unknown>;
}

export const PERIODIC_JOBS: readonly PeriodicJob[] = [
  { name: "mail", everyMs: 15_000, run: (db) => deliverPendingMail(db) },
  {
    name: "cleanup",
    everyMs: 10 * 60_000,
    run: async (db) => {
      await deleteExpiredSessions(db, nowIso());
      await pruneHits(db, Date.now() - 24 * 3600_000);
      refreshPlannerStats(db);
    },
  },
  { name: "reminders", everyMs: 60 * 60_000, run: (db) => sendDueReminders(db) },
  // Small recomputes (an approval, an edit) mark the dashboard roll-ups stale rather than rewrite
  // them: rewrite those within a minute, so the day's snapshot is there even if nobody looks.
  { name: "stale-rollups", everyMs: 30_000, run: (db) => refreshStaleRollups(db) },
  // Scores of suppliers whose assessment is fading change with time alone: recheck them hourly
  // (a result that did not change adds no row).
  { name: "staleness", everyMs: 60 * 60_000, run: (db) => stalenessSweep(db) },
  // Owners of overdue corrective actions get a mail when one falls due and weekly after.
  { name: "overdue-actions", everyMs: 60 * 60_000, run: (db) => mailOverdueActions(db, new Date()) },
  // Webhook deliveries that are due (new events, retries, test events).
  { name: "webhooks", everyMs: 5_000, run: (db) => deliverWebhooks(db) },
  // action.overdue webhook events for actions that fell due (once per action and due date).
  { name: "webhook-overdue", everyMs: 60 * 60_000, run: (db) => emitOverdueActions(db, new Date()) },
  // Worker-voice cases closed longer ago than their organisation's retention (5 years by default) are deleted.
  { name: "grievance-retention", everyMs: 24 * 60 * 60_000, run: (db) => purgeExpiredGrievances(db, new Date()) },
];

/**
 * Runs `job` if it is due and no other server of the cluster took it for this period (job_leases);
 * returns whether this server ran it. Never throws: a failure is logged and the next period retries.
 */
export async function runIfDue(db: Kysely<Database>, job: PeriodicJob, holder: string, now = new Date()): Promise<boolean> {
  try {
    if (!(await takePeriodicJob(db, job.name, holder, now, job.everyMs))) return false;
    // Housekeeping spans tenants: each kind is a named crossing path of row-level security.
    await asSystem(`periodic job: ${job.name}`, () => job.run(db));
    return true;
  } catch (e) {
    log.error("job failed", { job: job.name, error: String(e) });
    return false;
  }
}

/**
 * Starts the periodic jobs. Each server looks every few seconds whether a kind is due; the lease
 * makes one server of the cluster run it per period, whichever asks first. A server asks the
 * database only once the kind's run_after has passed (it remembers the one it last read), so the
 * timers cost no write between periods. Returns the stop function.
 */
export function startBackgroundJobs(db: Kysely<Database>, holder: string, jobs: readonly PeriodicJob[] = PERIODIC_JOBS): () => void {
  const running = new Set<string>();
  const askAfter = new Map<string, number>();
  const periods = env().JOB_PERIODS;
  const unknown = Object.keys(periods).filter((name) => !jobs.some((j) => j.name === name));
  if (unknown.length > 0) log.warn("JOB_PERIODS names no such job", { unknown });
  const timers = jobs
    .map((job) => ({ ...job, everyMs: periods[job.name] ?? job.everyMs }))
    .map((job) =>
      setInterval(
        () => {
          if (running.has(job.name) || Date.now() < (askAfter.get(job.name) ?? 0)) return;
          running.add(job.name);
          void runIfDue(db, job, holder)
            .then(() => periodicRunAfter(db, job.name))
            .then((at) => at && askAfter.set(job.name, Date.parse(at)))
            .catch((e: unknown) => log.error("job lease read failed", { job: job.name, error: String(e) }))
            .finally(() => running.delete(job.name));
        },
        Math.min(job.everyMs, 5_000),
      ),
    );
  for (const t of timers) t.unref();
  return () => timers.forEach(clearInterval);
}
