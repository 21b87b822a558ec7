// The proof's report: the run's timeline, each check PASS/FAIL with its numbers, and the figures
// (throughput and latency of the main run; one server against all of them for the capacity phase).
import os from "node:os";
import { failed, latency, throughput, type Req } from "./load";
import type { Check } from "./checks";
import type { CapacityResult, MainResult } from "./phases";

/** Grace after HAProxy saw the restarted server UP, for the last requests that were already failing. */
const AFTER_UP_MS = 3_000;
const BEFORE_KILL_MS = 1_000;

/** Failed requests (no answer, 5xx) are allowed only from just before the kill until shortly after the restart is back. */
export function checkFailures(run: MainResult, capacityFailures: readonly Req[]): Check {
  const from = run.killAt - BEFORE_KILL_MS;
  const to = run.upAt + AFTER_UP_MS;
  const bad = run.rec.reqs.filter(failed);
  const outside = bad.filter((r) => r.end < from || r.start > to);
  const byStatus = (rs: Req[]) =>
    Object.entries(
      rs.reduce<Record<string, number>>((m, r) => {
        const k = `${r.kind} ${r.status || "no answer"}`;
        m[k] = (m[k] ?? 0) + 1;
        return m;
      }, {}),
    )
      .map(([k, n]) => `${k} ×${n}`)
      .join(", ");
  const rel = (t: number) => `+${((t - run.from) / 1000).toFixed(1)} s`;
  return {
    name: "failed requests only around the kill",
    pass: outside.length === 0 && capacityFailures.length === 0,
    lines: [
      `${run.rec.reqs.length} requests, ${bad.length} failed (${((100 * bad.length) / Math.max(1, run.rec.reqs.length)).toFixed(2)} %): ` +
        (byStatus(bad) || "none"),
      `allowed window ${rel(from)} … ${rel(to)} (kill − ${BEFORE_KILL_MS / 1000} s … back UP + ${AFTER_UP_MS / 1000} s); ` +
        `outside it: ${outside.length}` +
        (outside.length ? ` (${byStatus(outside)}, first at ${rel(outside[0]!.start)})` : ""),
      `capacity phase (no kill): ${capacityFailures.length} failed requests` +
        (capacityFailures.length ? ` (${byStatus([...capacityFailures])})` : ""),
      ...notes([...bad, ...capacityFailures]),
    ],
  };
}

/** The distinct answers of failed requests (e.g. the balancer's "No server is available" or the app's shedding page). */
function notes(rs: readonly Req[]): string[] {
  const n = new Map<string, number>();
  for (const r of rs) {
    const k = r.status ? `${r.status} "${r.note ?? ""}"` : "no answer (connection refused or reset)";
    n.set(k, (n.get(k) ?? 0) + 1);
  }
  return [...n].slice(0, 4).map(([k, c]) => `  ×${c}: ${k}`);
}

export interface ReportInput {
  o: { servers: number; seconds: number; suppliers: number; capacitySeconds: number };
  run: MainResult;
  cap: CapacityResult;
  checks: Check[];
  invites: number;
}

const ms = (n: number) => (Number.isFinite(n) ? `${Math.round(n)} ms` : "-");

export function printReport(r: ReportInput): void {
  const { run, cap } = r;
  const rel = (t: number | null) => (t === null ? "-" : `+${((t - run.from) / 1000).toFixed(1)} s`);
  const out: string[] = [];
  out.push("", "=== Lantern scale-out proof ===");
  out.push(
    `${r.o.servers} app servers behind HAProxy, one PostgreSQL schema; ${r.o.suppliers} suppliers in the big tenant; ` +
      `${r.o.seconds} s of mixed load; JOB_LEASE_MS 4000, JOB_HEARTBEAT_MS 1000`,
  );
  out.push("", "Timeline (from the start of the mixed load):");
  out.push(
    `  kill      ${rel(run.killAt)}  SIGKILL ${run.victim.id} ` +
      `(${run.victim.held.length ? `held ${run.victim.held.join(", ")}` : "held no running work"})`,
  );
  out.push(`  down      ${rel(run.downAt)}  HAProxy marks ${run.victim.name} DOWN`);
  out.push(`  restart   ${rel(run.restartAt)}  ${run.victim.name} started again as ${run.victim.newId}`);
  out.push(`  up        ${rel(run.upAt)}  HAProxy marks ${run.victim.name} UP`);
  out.push(`  load end  ${rel(run.to)}`);
  out.push(
    `  writes confirmed: ${run.rec.saves.length} autosaves, ${run.rec.edits.length} supplier edits, ${r.invites} invites sent; ` +
      `import #${run.importId} (${run.importRows} rows); risk jobs #${run.jobs.recompute} (recompute), #${run.jobs.preview} (preview)`,
  );
  if (Object.keys(run.rec.other).length)
    out.push(
      `  other answers to writes: ${Object.entries(run.rec.other)
        .map(([k, n]) => `${k} ×${n}`)
        .join(", ")}`,
    );
  out.push("", "Checks:");
  for (const c of r.checks) {
    out.push(`  ${c.pass ? "PASS" : "FAIL"}  ${c.name}`);
    for (const l of c.lines) out.push(`        ${l}`);
  }
  out.push("", "Figures (main run, through HAProxy, all request kinds together):");
  out.push(
    `  throughput ${throughput(run.rec.reqs, run.from, run.to).toFixed(1)} requests/s over ${((run.to - run.from) / 1000).toFixed(0)} s`,
  );
  for (const kind of ["list", "dashboard", "supplier", "autosave", "edit"]) {
    const l = latency(run.rec.reqs, kind);
    out.push(`  ${kind.padEnd(10)} n=${String(l.n).padStart(5)}  p50 ${ms(l.p50).padStart(7)}  p95 ${ms(l.p95).padStart(7)}`);
  }
  out.push(
    "",
    `Capacity (read load: list, dashboard, supplier page; ${cap.loops} concurrent clients, ${cap.seconds} s each, ` +
      `${os.availableParallelism()} CPU cores shared by the servers, PostgreSQL, HAProxy and the load):`,
  );
  out.push(`  1 server in rotation:  ${cap.one.toFixed(1)} requests/s`);
  out.push(`  ${r.o.servers} servers in rotation: ${cap.all.toFixed(1)} requests/s  (×${(cap.all / cap.one).toFixed(2)})`);
  const failedChecks = r.checks.filter((c) => !c.pass).length;
  out.push(
    "",
    failedChecks ? `RESULT: FAIL (${failedChecks} of ${r.checks.length} checks failed)` : `RESULT: PASS (${r.checks.length} checks)`,
  );
  console.log(out.join("\n"));
}
