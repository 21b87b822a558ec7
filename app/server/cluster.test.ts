// Several app servers on one database: each periodic job kind runs once per cluster and period, and a
// claimed risk job or import step stays with its server while its heartbeat runs, is taken over once
// the heartbeat stops for a lease, and goes back to the queue when its server shuts down.
import { expect, it, vi } from "vitest";
import { describeEachEngine, makeOrg } from "~/test/support";
import { periodicJobs, periodicRunAfter, takePeriodicJob } from "~/models/job-leases.server";
import { claimJob, heartbeatRiskJobs, insertJob, releaseRiskJobs } from "~/models/risk-jobs.server";
import { heartbeatImports, insertImport, nextQueuedImport, releaseImports, transitionImport } from "~/models/import.server";
import { runIfDue, type PeriodicJob } from "./jobs";

const T0 = new Date("2026-12-08T10:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const iso = (ms: number) => at(ms).toISOString();
const LEASE = 60_000;

describeEachEngine("cluster coordination", (h) => {
  it("runs a periodic job kind on one server per period, whichever asks first", async () => {
    const db = h().db;
    // The first ask starts the first period (a fresh start runs nothing at once).
    expect(await takePeriodicJob(db, "mail", "A", T0, 15_000)).toBe(false);
    expect(await takePeriodicJob(db, "mail", "B", at(14_999), 15_000)).toBe(false);
    const both = await Promise.all([
      takePeriodicJob(db, "mail", "A", at(15_000), 15_000),
      takePeriodicJob(db, "mail", "B", at(15_000), 15_000),
    ]);
    expect(both.filter(Boolean)).toHaveLength(1);
    // Within the period nobody runs it again, the holder included.
    expect(await takePeriodicJob(db, "mail", "A", at(29_999), 15_000)).toBe(false);
    expect(await takePeriodicJob(db, "mail", "B", at(29_999), 15_000)).toBe(false);
    // The next period goes to whoever asks first.
    expect(await takePeriodicJob(db, "mail", "B", at(30_000), 15_000)).toBe(true);
    const [lease] = (await periodicJobs(db)).filter((l) => l.name === "mail");
    expect(lease).toMatchObject({ holder: "B", run_after: iso(45_000), last_run_at: iso(30_000) });
    // What a server reads to know it need not ask again before then.
    expect(await periodicRunAfter(db, "mail")).toBe(iso(45_000));
    expect(await periodicRunAfter(db, "never-asked")).toBeUndefined();
  });

  it("does not run a kind on a server that starts while another holds it", async () => {
    const db = h().db;
    const run = vi.fn(async () => undefined);
    const job: PeriodicJob = { name: "staleness", everyMs: 3_600_000, run };
    const HOUR = 3_600_000;
    expect(await runIfDue(db, job, "A", T0)).toBe(false);
    expect(await runIfDue(db, job, "A", at(HOUR))).toBe(true);
    // Server C starts ten minutes later: that hour is A's.
    expect(await runIfDue(db, job, "C", at(HOUR + 600_000))).toBe(false);
    expect(run).toHaveBeenCalledTimes(1);
    expect(await runIfDue(db, job, "C", at(2 * HOUR))).toBe(true);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it("keeps a risk job with its server while the heartbeat runs, then lets another take it over", async () => {
    const db = h().db;
    const { orgId } = await makeOrg(h(), "lease-risk", []);
    const id = await insertJob(db, orgId, "test", "all");
    // claimJob stamps the claim with the real clock; the test's clock starts there.
    const claimed = await claimJob(db, new Date(0).toISOString(), "A");
    expect(claimed?.id).toBe(id);
    const t = Date.now();
    const staleBefore = (ms: number) => new Date(t + ms - LEASE).toISOString();
    // B looks 50 s later: A's claim is younger than the lease.
    expect(await claimJob(db, staleBefore(50_000), "B")).toBeUndefined();
    // A's heartbeat at +50 s keeps it: at +100 s the claim is 50 s old.
    expect(await heartbeatRiskJobs(db, "A", new Date(t + 50_000).toISOString())).toBe(1);
    expect(await claimJob(db, staleBefore(100_000), "B")).toBeUndefined();
    // A dies: no heartbeat after +50 s. At +111 s the claim is older than the lease and B takes it.
    expect((await claimJob(db, staleBefore(111_000), "B"))?.id).toBe(id);
    // A's heartbeat no longer touches a job it lost.
    expect(await heartbeatRiskJobs(db, "A", new Date(t + 112_000).toISOString())).toBe(0);
    // B shuts down: the job is queued again for anyone.
    expect(await releaseRiskJobs(db, "A")).toBe(0);
    expect(await releaseRiskJobs(db, "B")).toBe(1);
    expect((await claimJob(db, staleBefore(0), "C"))?.id).toBe(id);
  });

  it("does the same for import steps, and a released commit is queued as a commit again", async () => {
    const db = h().db;
    const { orgId, users } = await makeOrg(h(), "lease-import", [["o@lease-import.test", "admin"]]);
    const importId = await insertImport(db, orgId, {
      createdBy: users["o@lease-import.test"]!,
      filename: "x.csv",
      sizeBytes: 10,
      content: "name,country\nA,FR\n",
      headers: ["name", "country"],
      mapping: {},
      samples: [],
    });
    expect(await transitionImport(db, orgId, importId, "uploaded", "commit_queued")).toBe(true);
    expect(await transitionImport(db, orgId, importId, ["commit_queued", "committing"], "committing", { claim: "A" })).toBe(true);
    const t = Date.now();
    const staleBefore = (ms: number) => new Date(t + ms - LEASE).toISOString();
    expect(await nextQueuedImport(db, staleBefore(30_000))).toBeUndefined();
    expect(await heartbeatImports(db, "A", new Date(t + 30_000).toISOString())).toBe(1);
    expect(await nextQueuedImport(db, staleBefore(80_000))).toBeUndefined();
    expect((await nextQueuedImport(db, staleBefore(91_000)))?.id).toBe(importId);
    expect(await releaseImports(db, "A")).toBe(1);
    expect((await nextQueuedImport(db, staleBefore(0)))?.status).toBe("commit_queued");
  });
});
