// Periodic job kinds (mail delivery, reminders, sweeps) run by one app server of the cluster per
// period. Cluster housekeeping: the table holds no tenant data, so nothing here is scoped by organization.
import type { DbOrTrx } from "./types";

/**
 * True when this server (`holder`) takes the kind `name` for the period starting `now`: the kind
 * was due and no other server moved it forward first (one atomic update; on PostgreSQL a second
 * server's update waits for the first and then finds the kind no longer due). A kind's first period
 * starts when a server first asks, as a lone server's timer did: a fresh start does not, say, send
 * every reminder at once.
 */
export async function takePeriodicJob(db: DbOrTrx, name: string, holder: string, now: Date, periodMs: number): Promise<boolean> {
  const at = now.toISOString();
  await db
    .insertInto("job_leases")
    .values({ name, holder: null, run_after: new Date(now.getTime() + periodMs).toISOString(), last_run_at: null })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const r = await db
    .updateTable("job_leases")
    .set({ holder, run_after: new Date(now.getTime() + periodMs).toISOString(), last_run_at: at })
    .where("name", "=", name)
    .where("run_after", "<=", at)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** When the kind `name` is next due (ISO), or undefined before any server asked for it. */
export async function periodicRunAfter(db: DbOrTrx, name: string): Promise<string | undefined> {
  const r = await db.selectFrom("job_leases").select("run_after").where("name", "=", name).executeTakeFirst();
  return r?.run_after;
}

export async function periodicJobs(db: DbOrTrx) {
  return db.selectFrom("job_leases").selectAll().orderBy("name").execute();
}
