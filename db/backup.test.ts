// Restore drill: a database with the demo data is backed up while a writer keeps inserting, restored
// into a fresh place, and compared table by table (row count and content hash) with the source; the
// restored copy passes integrity_check, takes new rows, and has the evidence files. On SQLite always;
// on PostgreSQL (pg_dump → pg_restore into a new schema) when TEST_PG_URL is set and the client tools
// are installed. The CLIs are run once each for their exit codes and messages.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { randomBytes } from "node:crypto";
import { Worker } from "node:worker_threads";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "~/lib/env.server";
import { createDb, type Db } from "./client";
import { migrateToLatest } from "./migrate";
import { seedDemo } from "./seed/demo";
import { seedReferenceData } from "./seed/reference";
import { seedDemoAssessments } from "./seed/demo-assessments";
import { backupDatabase, restoreDatabase } from "./backup";
import { evidenceDirFor, type BackupResult, type RestoreResult } from "./backup/common";
import { digestRows, tableDigests, tableRows } from "./backup/digest";

const PG = process.env.TEST_PG_URL;
const REPO = fileURLToPath(new URL("..", import.meta.url));
const hasTool = (t: string) => !spawnSync(t, ["--version"]).error;
const PG_SKIP = !PG
  ? "TEST_PG_URL is not set, so the PostgreSQL half is skipped (CI sets it)"
  : !["pg_dump", "pg_restore", "psql"].every(hasTool)
    ? "pg_dump, pg_restore or psql is not on PATH (install postgresql-client)"
    : null;

/** The table the concurrent writer appends to (the app's own append-only table). */
const WRITTEN = "audit_log";

interface Writer {
  /** Rows inserted so far. */
  count(): number;
  stop(): Promise<number>;
}

/** Another connection, in a worker thread, inserting audit rows as fast as SQLite lets it (≈1 per ms). */
function sqliteWriter(file: string): Writer {
  const shared = new SharedArrayBuffer(8);
  const flags = new Int32Array(shared); // [stop, count]
  const code = `
    const { workerData } = require("node:worker_threads");
    const Database = require(workerData.driver);
    const db = new Database(workerData.file);
    db.pragma("busy_timeout = 5000");
    const ins = db.prepare("INSERT INTO audit_log (org_id, actor_user_id, actor_label, action, entity, entity_id, diff, ip, at) " +
      "VALUES (NULL, NULL, 'drill', 'drill.write', 'drill', ?, NULL, NULL, ?)");
    const flags = new Int32Array(workerData.shared);
    let n = 0;
    while (Atomics.load(flags, 0) === 0) {
      n++;
      ins.run(String(n), new Date().toISOString());
      Atomics.store(flags, 1, n);
      Atomics.wait(flags, 0, 0, 1);
    }
    db.close();
  `;
  const worker = new Worker(code, {
    eval: true,
    workerData: { file, shared, driver: createRequire(import.meta.url).resolve("better-sqlite3") },
  });
  const exited = new Promise<void>((resolve, reject) => {
    worker.on("error", reject);
    worker.on("exit", () => resolve());
  });
  return {
    count: () => Atomics.load(flags, 1),
    async stop() {
      Atomics.store(flags, 0, 1);
      Atomics.notify(flags, 0);
      await exited;
      return Atomics.load(flags, 1);
    },
  };
}

/** A loop of single-row inserts on its own PostgreSQL connection. */
function postgresWriter(url: string): Writer {
  const client = new pg.Client({ connectionString: url.replace(/\?.*$/, "") });
  const schema = new URL(url).searchParams.get("schema")!;
  let n = 0;
  let stopped = false;
  const done = (async () => {
    await client.connect();
    while (!stopped) {
      await client.query(
        `INSERT INTO "${schema}".audit_log (org_id, actor_user_id, actor_label, action, entity, entity_id, diff, ip, at) ` +
          "VALUES (NULL, NULL, 'drill', 'drill.write', 'drill', $1, NULL, NULL, $2)",
        [String(n + 1), new Date().toISOString()],
      );
      n++;
    }
    await client.end();
  })();
  return {
    count: () => n,
    async stop() {
      stopped = true;
      await done;
      return n;
    },
  };
}

async function seed(handle: Db): Promise<void> {
  await migrateToLatest(handle);
  await seedReferenceData(handle.db);
  expect(await seedDemo(handle.db)).toBe(true);
  expect(await seedDemoAssessments(handle.db)).toBeGreaterThan(0);
  // A non-default setting must survive the drill too (four eyes is on by default).
  await handle.db.updateTable("organizations").set({ four_eyes: 0 }).where("slug", "=", "borealis").execute();
}

function filesUnder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) walk(r);
      else out[r] = fs.readFileSync(path.join(dir, r)).toString("base64");
    }
  };
  if (fs.existsSync(dir)) walk("");
  return out;
}

/** Runs a CLI of db/cli like `npm run` does; its exit code and output. */
function cli(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
      cwd: REPO,
      env: { ...process.env, LOG_LEVEL: "silent", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out, err }));
  });
}

interface Drill {
  source: Db;
  sourceUrl: string;
  restored: Db;
  backup: BackupResult;
  restore: RestoreResult;
  /** Writer rows committed before the backup started, during it, and in all. */
  before: number;
  during: number;
  total: number;
  evidenceDir: string;
  restoredEvidenceDir: string;
}

/** The comparison both engines share. */
function compareSuite(drill: () => Drill) {
  it("backed up while the writer kept inserting", () => {
    const d = drill();
    expect(d.during, "rows the writer committed while the backup ran").toBeGreaterThan(0);
    expect(d.backup.bytes).toBeGreaterThan(0);
  });

  it("restores every table with the same rows and content as the source", async () => {
    const d = drill();
    const src = await tableDigests(d.source);
    const dst = await tableDigests(d.restored);
    expect(Object.keys(dst)).toEqual(Object.keys(src));
    expect(Object.keys(src).length).toBeGreaterThan(30);
    for (const table of Object.keys(src)) {
      if (table === WRITTEN) continue;
      expect(dst[table], `table ${table}`).toEqual(src[table]);
    }
    // The written table: exactly the source's rows up to the last one in the backup (a consistent
    // snapshot), including every row committed before the backup began.
    const restoredRows = await tableRows(d.restored, WRITTEN);
    const maxId = Math.max(...restoredRows.map((r) => Number(r.id)));
    const prefix = (await tableRows(d.source, WRITTEN)).filter((r) => Number(r.id) <= maxId);
    expect(digestRows(restoredRows)).toEqual(digestRows(prefix));
    const drillRows = restoredRows.filter((r) => r.action === "drill.write").length;
    expect(drillRows).toBeGreaterThanOrEqual(d.before);
    expect(drillRows).toBeLessThanOrEqual(d.total);
    // The demo data is there (not two empty databases compared).
    expect(dst.suppliers!.rows).toBeGreaterThan(50);
    expect(dst.answers!.rows).toBeGreaterThan(0);
    expect(dst.assessment_decisions!.rows).toBeGreaterThan(0); // the demo's approvals, with their reasons
    const orgs = await tableRows(d.restored, "organizations");
    expect(orgs.find((o) => o.slug === "borealis")?.four_eyes).toBe(0);
    expect(orgs.find((o) => o.slug === "acme")?.four_eyes).toBe(1);
  });

  it("the restored database is current and takes new rows", async () => {
    const d = drill();
    expect(await migrateToLatest(d.restored)).toEqual([]);
    const before = Math.max(...(await tableRows(d.restored, WRITTEN)).map((r) => Number(r.id)));
    const row = await d.restored.db
      .insertInto("audit_log")
      .values({
        org_id: null,
        actor_user_id: null,
        actor_label: "drill",
        action: "drill.after_restore",
        entity: "drill",
        entity_id: null,
        diff: null,
        ip: null,
        at: new Date().toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(row.id).toBeGreaterThan(before);
  });

  it("brings the evidence files along", () => {
    const d = drill();
    const original = filesUnder(d.evidenceDir);
    expect(Object.keys(original).length).toBeGreaterThan(0);
    expect(filesUnder(evidenceDirFor(d.backup.file))).toEqual(original);
    expect(filesUnder(d.restoredEvidenceDir)).toEqual(original);
    expect(d.backup.evidence).toMatchObject({ files: Object.keys(original).length, damaged: [] });
    expect(d.restore.evidence).toMatchObject({ files: Object.keys(original).length });
  });
}

async function runDrill(o: {
  tmp: string;
  sourceUrl: string;
  restoreUrl: string;
  writer: () => Writer;
  pagesPerStep?: number;
  opened: Db[];
}): Promise<Drill> {
  const evidenceDir = path.join(o.tmp, "evidence");
  process.env.EVIDENCE_DIR = evidenceDir;
  resetEnvCache();
  const source = createDb(o.sourceUrl);
  o.opened.push(source);
  await seed(source);

  const writer = o.writer();
  let backup: BackupResult;
  let before: number;
  let during: number;
  let total: number;
  try {
    for (const until = Date.now() + 10_000; writer.count() < 20;) {
      if (Date.now() > until) throw new Error(`the writer inserted only ${writer.count()} rows in 10 s`);
      await new Promise((r) => setTimeout(r, 10));
    }
    before = writer.count();
    backup = await backupDatabase({
      databaseUrl: o.sourceUrl,
      backupDir: path.join(o.tmp, "backups"),
      evidenceDir,
      pagesPerStep: o.pagesPerStep,
    });
    during = writer.count() - before;
  } finally {
    total = await writer.stop();
  }

  const restoredEvidenceDir = path.join(o.tmp, "restored-evidence");
  const restore = await restoreDatabase({ databaseUrl: o.restoreUrl, file: backup.file, evidenceDir: restoredEvidenceDir });
  const restored = createDb(o.restoreUrl);
  o.opened.push(restored);
  return { source, sourceUrl: o.sourceUrl, restored, backup, restore, before, during, total, evidenceDir, restoredEvidenceDir };
}

const tmpRoots: string[] = [];
afterAll(() => {
  delete process.env.EVIDENCE_DIR;
  resetEnvCache();
  for (const d of tmpRoots) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-backup-"));
  tmpRoots.push(d);
  return d;
}

describe("restore drill [sqlite]", () => {
  let drill: Drill | undefined;
  let tmp: string;
  const opened: Db[] = [];
  beforeAll(async () => {
    tmp = tempDir();
    const file = path.join(tmp, "live.db");
    // Small steps, so the writer's commits land between steps and the copy has to start over.
    drill = await runDrill({
      tmp,
      sourceUrl: `file:${file}`,
      restoreUrl: `file:${path.join(tmp, "restored", "lantern.db")}`,
      writer: () => sqliteWriter(file),
      pagesPerStep: 16,
      opened,
    });
  }, 120_000);
  afterAll(async () => {
    for (const h of opened) await h.close().catch(() => {});
  });
  const d = () => drill!;

  compareSuite(d);

  it("checks the copy (integrity_check ok, no foreign key problem) and survives concurrent commits", () => {
    expect(d().backup).toMatchObject({ engine: "sqlite", check: "ok", foreignKeyProblems: 0 });
    expect(d().backup.restarts, "restarts caused by the writer's commits").toBeGreaterThanOrEqual(1);
    expect(path.basename(d().backup.file)).toMatch(/^lantern-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.db$/);
    expect(d().restore).toMatchObject({ engine: "sqlite", check: "ok" });
  });

  it("the restored file passes integrity_check and foreign_key_check on its own", () => {
    const raw = new SQLite(path.join(tmp, "restored", "lantern.db"), { readonly: true });
    try {
      expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(raw.pragma("foreign_key_check")).toEqual([]);
    } finally {
      raw.close();
    }
  });

  it("refuses to overwrite a database that holds data, or one in use", async () => {
    const target = { databaseUrl: `file:${path.join(tmp, "restored", "lantern.db")}`, file: d().backup.file };
    // d().restored keeps the file open, as a running app server would.
    await expect(restoreDatabase(target)).rejects.toThrow(/in use.*stop the app server/);
    await expect(restoreDatabase({ ...target, force: true })).rejects.toThrow(/in use/);
    await d().restored.close();
    await expect(restoreDatabase(target)).rejects.toThrow(/already holds a database.*--force/);
    const again = await restoreDatabase({ ...target, force: true });
    expect(again).toMatchObject({ check: "ok" });
    drill!.restored = createDb(target.databaseUrl);
    opened.push(drill!.restored);
  });

  it("npm run db:backup and db:restore: messages and exit codes", async () => {
    const out = path.join(tmp, "cli", "copy.db");
    const [backup, refused, noPgDump] = await Promise.all([
      cli("db/cli/backup.ts", ["--out", out], { DATABASE_URL: d().sourceUrl, EVIDENCE_DIR: d().evidenceDir }),
      cli("db/cli/restore.ts", [d().backup.file], { DATABASE_URL: d().sourceUrl }),
      // An empty PATH: no pg_dump.
      cli("db/cli/backup.ts", [], {
        DATABASE_URL: "postgres://nobody@127.0.0.1:1/none",
        PATH: fs.mkdtempSync(path.join(tmp, "empty-path-")),
      }),
    ]);
    expect(backup.code, backup.err).toBe(0);
    expect(backup.out).toContain(`Backup written: ${out}`);
    expect(backup.out).toContain("integrity_check on the copy: ok");
    expect(backup.out).toMatch(/Evidence files: \d+/);
    expect(fs.existsSync(path.join(tmp, "cli", "copy.evidence"))).toBe(true);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/in use|already holds a database/);
    expect(noPgDump.code).toBe(1);
    expect(noPgDump.err).toContain("pg_dump was not found on PATH");
  }, 60_000);
});

describe.skipIf(Boolean(PG_SKIP))(`restore drill [postgres]${PG_SKIP ? ` — skipped: ${PG_SKIP}` : ""}`, () => {
  let drill: Drill | undefined;
  const schemas = [`bk_src_${randomBytes(5).toString("hex")}`, `bk_dst_${randomBytes(5).toString("hex")}`];
  const urlOf = (schema: string) => {
    const u = new URL(PG!);
    u.searchParams.set("schema", schema);
    return u.toString();
  };
  let admin: Db | undefined;
  const opened: Db[] = [];
  beforeAll(async () => {
    admin = createDb(PG!, { poolSize: 1 });
    await sql`create schema ${sql.id(schemas[0]!)}`.execute(admin.db);
    drill = await runDrill({
      tmp: tempDir(),
      sourceUrl: urlOf(schemas[0]!),
      restoreUrl: urlOf(schemas[1]!),
      writer: () => postgresWriter(urlOf(schemas[0]!)),
      opened,
    });
  }, 120_000);
  afterAll(async () => {
    for (const h of opened) await h.close().catch(() => {});
    for (const s of schemas) await sql`drop schema if exists ${sql.id(s)} cascade`.execute(admin!.db);
    await admin?.close();
  });
  const d = () => drill!;

  compareSuite(d);

  it("writes a custom-format dump of the schema and restores it into the new schema", () => {
    expect(d().backup.engine).toBe("postgres");
    expect(path.basename(d().backup.file)).toMatch(/^lantern-.*\.dump$/);
    expect(fs.readFileSync(d().backup.file).subarray(0, 5).toString()).toBe("PGDMP");
    expect(d().restore.check).toMatch(/^(\d+) of \1 tables restored$/);
    expect(d().restore.target).toContain(schemas[1]);
  });

  it("refuses to restore into a schema that holds tables unless forced, then replaces it in one transaction", async () => {
    const target = { databaseUrl: urlOf(schemas[1]!), file: d().backup.file };
    await expect(restoreDatabase(target)).rejects.toThrow(/already holds \d+ tables.*--force/);
    await d().restored.close();
    const again = await restoreDatabase({ ...target, force: true });
    expect(again.tables).toBe(d().restore.tables);
    drill!.restored = createDb(target.databaseUrl);
    opened.push(drill!.restored);
    // The row added by the earlier test is gone again: the schema is exactly the backup.
    const after = await d().restored.db.selectFrom("audit_log").select("id").where("action", "=", "drill.after_restore").execute();
    expect(after).toEqual([]);
  });
});
