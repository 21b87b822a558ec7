// What the background work did, seen from the database while the proof runs: every change of a risk
// job's or an import's status and claim (who held it, from when), and every run of a periodic job
// (job_leases.last_run_at moving, and by whom). Polled every 100 ms: a claim held for less than that
// may be missed, which only ever hides a takeover, never invents one.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";

export interface ClaimEvent {
  at: number;
  what: string;
  status: string;
  holder: string | null;
}

export interface LeaseRun {
  at: number;
  name: string;
  holder: string | null;
  lastRunAt: string;
}

export class Watcher {
  claims: ClaimEvent[] = [];
  leaseRuns: LeaseRun[] = [];
  private last = new Map<string, string>();
  private timer: NodeJS.Timeout | null = null;
  private busy = false;

  constructor(private readonly db: Kysely<Database>) {}

  start(): void {
    this.timer = setInterval(() => void this.poll(), 100);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    while (this.busy) await new Promise((r) => setTimeout(r, 20));
    await this.poll();
  }

  /** Who holds running work right now: the holder of a committing/checking import, else of a running risk job. */
  async runningHolders(): Promise<Array<{ what: string; holder: string }>> {
    const [imports, jobs] = await Promise.all([
      this.db
        .selectFrom("supplier_imports")
        .select(["id", "status", "claimed_by"])
        .where("status", "in", ["checking", "committing"])
        .execute(),
      this.db.selectFrom("risk_jobs").select(["id", "kind", "claimed_by"]).where("status", "=", "running").execute(),
    ]);
    return [
      ...imports.filter((i) => i.claimed_by).map((i) => ({ what: `import ${i.id} (${i.status})`, holder: i.claimed_by! })),
      ...jobs.filter((j) => j.claimed_by).map((j) => ({ what: `risk job ${j.id} (${j.kind})`, holder: j.claimed_by! })),
    ];
  }

  private async poll(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const now = Date.now();
      const [imports, jobs, leases] = await Promise.all([
        this.db.selectFrom("supplier_imports").select(["id", "status", "claimed_by"]).execute(),
        this.db.selectFrom("risk_jobs").select(["id", "kind", "status", "claimed_by"]).execute(),
        this.db.selectFrom("job_leases").select(["name", "holder", "last_run_at"]).execute(),
      ]);
      const seen = (key: string, state: string) => {
        if (this.last.get(key) === state) return false;
        this.last.set(key, state);
        return true;
      };
      for (const i of imports) {
        const what = `import ${i.id}`;
        if (seen(what, `${i.status}|${i.claimed_by}`)) this.claims.push({ at: now, what, status: i.status, holder: i.claimed_by });
      }
      for (const j of jobs) {
        const what = `risk job ${j.id} (${j.kind})`;
        if (seen(what, `${j.status}|${j.claimed_by}`)) this.claims.push({ at: now, what, status: j.status, holder: j.claimed_by });
      }
      for (const l of leases) {
        if (l.last_run_at && seen(`lease ${l.name}`, l.last_run_at))
          this.leaseRuns.push({ at: now, name: l.name, holder: l.holder, lastRunAt: l.last_run_at });
      }
    } catch {
      // the database was busy or the proof is stopping: the next poll catches up
    } finally {
      this.busy = false;
    }
  }

  /** Work a dead server held that another one finished: "<what>: s1 → s2". */
  takeovers(dead: string): string[] {
    const out: string[] = [];
    const byWhat = new Map<string, ClaimEvent[]>();
    for (const e of this.claims) byWhat.set(e.what, [...(byWhat.get(e.what) ?? []), e]);
    for (const [what, events] of byWhat) {
      const held = events.findIndex((e) => e.holder === dead && ["running", "checking", "committing"].includes(e.status));
      if (held < 0) continue;
      const after = events.slice(held + 1).find((e) => e.holder && e.holder !== dead);
      const final = events[events.length - 1]!;
      out.push(
        `${what}: held by ${dead} at the kill → ${after ? `taken over by ${after.holder}` : "not taken over"}, ended ${final.status}`,
      );
    }
    return out;
  }
}
