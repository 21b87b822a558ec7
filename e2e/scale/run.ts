// `npm run scale:proof [-- --servers N --seconds S --suppliers K --keep]`: proves that several Lantern
// app servers work on one PostgreSQL database behind a real load balancer (HAProxy), and keep working
// when one of them dies. Not part of `npm test`: it takes a few minutes and needs HAProxy and PostgreSQL
// (SCALE_PG_URL, default postgres://postgres@127.0.0.1:5432/test). Prints a report; exits 1 when a
// check fails, 2 when it cannot run.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { REPO_ROOT } from "../support/env";
import { freePort } from "../support/crash-server";
import { officerCookie } from "../support/crash-db";
import { PERIODIC_JOBS } from "~/server/jobs";
import { grantAppRole } from "~db/roles";
import {
  cleanup,
  haproxyInstalled,
  haproxyVersion,
  HAPROXY_BIN,
  installSignalHandlers,
  onCleanup,
  startAppServer,
  startHaproxy,
  waitForState,
} from "./cluster";
import { startSink } from "./smtp-sink";
import { createSchema, seed, type Seeded } from "./seed";
import { Watcher } from "./watch";
import { capacity, mainRun, until, type Cluster } from "./phases";
import { checkEdits, checkImport, checkLeases, checkMail, checkRiskJobs, checkSaves, type Check } from "./checks";
import { checkRateLimitAcrossServers, checkSessionAcrossServers } from "./cross";
import { checkFailures, printReport } from "./report";

const USAGE =
  "Usage: npm run scale:proof -- [--servers N (2)] [--seconds S (60)] [--suppliers K (100000)] [--capacity-seconds C (15)] [--keep]";

function parseArgs(argv: string[]) {
  const o = { servers: 2, seconds: 60, suppliers: 100_000, capacitySeconds: 15, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const num = () => {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${a} takes a whole number`);
      return n;
    };
    if (a === "--servers") o.servers = num();
    else if (a === "--seconds") o.seconds = num();
    else if (a === "--suppliers") o.suppliers = num();
    else if (a === "--capacity-seconds") o.capacitySeconds = num();
    else if (a === "--keep") o.keep = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (o.servers < 2 || o.servers > 8) throw new Error("--servers must be 2 to 8");
  if (o.seconds < 20) throw new Error("--seconds must be at least 20 (the kill comes halfway, the restart 5 s later)");
  if (o.suppliers < 100 || o.suppliers > 200_000) throw new Error("--suppliers must be 100 to 200000");
  return o;
}

/** Builds the app when build/index.js is missing or older than a source file. */
function buildIfNeeded(): void {
  const out = path.join(REPO_ROOT, "build/index.js");
  const built = fs.existsSync(out) ? fs.statSync(out).mtimeMs : 0;
  const newest = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
      const p = path.join(dir, e.name);
      return Math.max(m, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }, 0);
  if (built > newest(path.join(REPO_ROOT, "app"))) return;
  console.log("Building the app (remix build)…");
  const r = spawnSync("npx", ["remix", "build"], { cwd: REPO_ROOT, stdio: "inherit" });
  if (r.status !== 0) throw new Error("remix build failed");
}

/** The app role the servers connect as (created in the test database if missing, granted the proof's schema). */
const APP_ROLE = "lantern_scale_app";
/** Periodic jobs whose own period is longer than the load: shortened (JOB_PERIODS) so each runs during it. */
const SHORT_PERIODS: Record<string, number> = { reminders: 20_000, staleness: 20_000, "overdue-actions": 20_000, cleanup: 20_000 };

const step = (msg: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${msg}`);

/**
 * What every app server of the proof runs with. The servers connect as the app role, as in
 * production: neither superuser nor BYPASSRLS, so the row-level security policies hold for every
 * request they serve (the proof's own checks read as the owner).
 */
async function appServerEnv(
  s: Pick<Seeded, "handle" | "schema" | "databaseUrl">,
  o: { smtpUrl: string; evidenceDir: string; frontendPort: number },
): Promise<NodeJS.ProcessEnv> {
  await grantAppRole(s.handle.db, APP_ROLE, s.schema);
  const appUrl = new URL(s.databaseUrl);
  appUrl.username = APP_ROLE;
  appUrl.password = "";
  return {
    ...process.env,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    DATABASE_URL: appUrl.toString(),
    SMTP_URL: o.smtpUrl,
    EVIDENCE_DIR: o.evidenceDir,
    APP_URL: `http://127.0.0.1:${o.frontendPort}`,
    TRUST_PROXY: "loopback",
    COOKIE_SECURE: "false",
    LOG_LEVEL: "warn",
    JOB_LEASE_MS: "4000",
    JOB_HEARTBEAT_MS: "1000",
    // The hourly and ten-minute kinds run within the load too, so the proof sees each run once per period.
    JOB_PERIODS: Object.entries(SHORT_PERIODS)
      .map(([name, ms]) => `${name}=${ms}`)
      .join(","),
    SHUTDOWN_GRACE_MS: "2000",
  };
}

async function main(): Promise<number> {
  let o: ReturnType<typeof parseArgs>;
  try {
    o = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  if (!haproxyInstalled()) {
    console.error(`HAProxy is not installed (looked for ${HAPROXY_BIN}). Install it: apt-get install -y haproxy`);
    return 2;
  }
  installSignalHandlers();
  process.env.LOG_LEVEL ??= "warn"; // the app code this process calls directly (seeding, invites)
  buildIfNeeded();
  const pgUrl = process.env.SCALE_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-scale-"));
  onCleanup("temp dir", () => fs.rmSync(dir, { recursive: true, force: true }));

  step(`Fresh schema on ${pgUrl.replace(/\/\/[^@]*@/, "//")}, seeding ${o.suppliers} suppliers…`);
  const schema = await createSchema(pgUrl);
  onCleanup("schema", () => (o.keep ? console.log(`Kept schema ${schema.schema}: ${schema.databaseUrl}`) : schema.drop()));
  const s = await seed(schema.schema, schema.databaseUrl, {
    suppliers: o.suppliers,
    portals: 4,
    drafts: 30,
    editLoops: 2,
    editsPerLoop: 10,
  });
  onCleanup("database handle", () => s.handle.close());
  step(`Seeded in ${(s.seedMs / 1000).toFixed(1)} s (schema ${s.schema})`);
  const sink = await startSink();
  onCleanup("smtp sink", () => sink.close());
  const frontendPort = await freePort();
  const serverEnv = await appServerEnv(s, { smtpUrl: sink.url, evidenceDir: path.join(dir, "evidence"), frontendPort });
  step(`Starting ${o.servers} app servers and HAProxy ${haproxyVersion()}…`);
  const ports = await Promise.all(Array.from({ length: o.servers }, () => freePort()));
  const servers = await Promise.all(ports.map((p, i) => startAppServer(`s${i + 1}`, `s${i + 1}`, p, serverEnv)));
  const balancer = await startHaproxy(
    dir,
    servers.map((sv) => ({ name: sv.name, port: sv.port })),
    frontendPort,
  );
  const cluster: Cluster = { servers, balancer, serverEnv };
  await waitForState(
    balancer,
    servers.map((sv) => sv.name),
    "UP",
  );
  step(`HAProxy on ${balancer.url} sees ${servers.map((sv) => `${sv.name}:${sv.port}`).join(", ")} UP`);

  const officerCookies = await Promise.all([0, 1, 2].map(() => officerCookie(s.handle, s.officer)));
  const supplierIds = (await s.handle.db.selectFrom("suppliers").select("id").where("org_id", "=", s.orgId).limit(500).execute()).map(
    (r) => r.id,
  );
  const target = { base: balancer.url, slug: s.slug, officerCookies, supplierIds };

  step(`Capacity: ${o.capacitySeconds} s with 1 server in rotation, then ${o.capacitySeconds} s with ${o.servers}…`);
  const cap = await capacity(cluster, target, o.capacitySeconds, 6);

  const watcher = new Watcher(s.handle.db);
  watcher.start();
  const runSince = new Date().toISOString();
  step(`Mixed load for ${o.seconds} s through HAProxy (kill halfway)…`);
  const run = await mainRun(cluster, s, target, watcher, { seconds: o.seconds, browseLoops: 3, importRows: 400 });
  step(`Load done. Killed ${run.victim.id} at +${((run.killAt - run.from) / 1000).toFixed(1)} s; waiting for background work and mail…`);

  const db = s.handle.db;
  await until(async () => {
    const open = await db.selectFrom("risk_jobs").select("id").where("status", "in", ["queued", "running"]).execute();
    const imp = await db.selectFrom("supplier_imports").select("status").where("id", "=", run.importId).executeTakeFirst();
    return open.length === 0 && ["committed", "failed"].includes(imp?.status ?? "");
  }, 180_000);
  await until(async () => {
    const unsent = await db.selectFrom("mail_outbox").select("id").where("sent_at", "is", null).where("attempts", "<", 5).execute();
    return unsent.length === 0;
  }, 60_000);
  await new Promise((r) => setTimeout(r, 1000));
  await watcher.stop();

  step("Checking…");
  const periods = Object.fromEntries(PERIODIC_JOBS.map((j) => [j.name, SHORT_PERIODS[j.name] ?? j.everyMs]));
  const a = cluster.servers[0]!.url;
  const b = cluster.servers[1]!.url;
  const checks: Check[] = [
    await checkSaves(db, run.rec.saves, run.rec),
    await checkEdits(db, s.orgId, run.rec.edits, run.rec),
    await checkImport(db, s.orgId, run.importId, run.importPrefix, run.importRows),
    await checkRiskJobs(db, runSince),
    checkTakeover(watcher, run.victim),
    checkLeases(watcher, periods, run.from),
    await checkMail(
      db,
      sink.mails,
      run.rec.invites.map((i) => i.email),
    ),
    await checkSessionAcrossServers(a, b, s.slug, s.officer),
    await checkRateLimitAcrossServers(a, b, "compliance@acme.test"),
    checkFailures(run, cap.failures),
  ];
  printReport({ o, run, cap, checks, invites: run.rec.invites.length });
  return checks.every((c) => c.pass) ? 0 : 1;
}

function checkTakeover(w: Watcher, v: { id: string; held: string[] }): Check {
  const lines = w.takeovers(v.id);
  if (v.held.length === 0)
    return {
      name: "takeover: work the killed server held was finished by another",
      pass: false,
      lines: ["nothing was running on the killed server: takeover not exercised"],
    };
  const pass = lines.length > 0 && lines.every((l) => l.includes("taken over by") && /ended (done|committed)$/.test(l));
  return {
    name: "takeover: work the killed server held was finished by another",
    pass,
    lines: [`held at the kill: ${v.held.join(", ")}`, ...lines],
  };
}

let code = 1;
try {
  code = await main();
} catch (e) {
  console.error(`\nscale proof failed to run: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  code = 1;
} finally {
  await cleanup();
}
process.exit(code);
