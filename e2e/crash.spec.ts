// Durability: the real server (the production build, `node --import tsx app/server/main.ts`) on its
// own database and port is killed with SIGKILL — no shutdown handler runs — in the middle of a CSV
// import's commit and in the middle of a stream of answer autosaves, three times each. After every
// kill the database is opened directly and checked:
//  - SQLite: PRAGMA integrity_check is "ok" and foreign_key_check finds nothing;
//  - the import is all or nothing: none of its suppliers and links, or all of them;
//  - after a restart the import is retried to completion (or failed with a message), exactly once;
//  - every save the server confirmed (200 with a revision) is there with that revision, and an
//    unconfirmed save that was on the wire either landed whole as the next revision or not at all.
// The same runs go against a fresh PostgreSQL schema when TEST_PG_URL is set (integrity_check has no
// PostgreSQL counterpart: the database server itself does not crash here, only the app does).
// Each run has a database of its own, seeded afresh (the demo tenants: OFFICER is that database's
// compliance officer), never the e2e server's: it takes no tenant fixture, and passes alone and beside
// any other spec.
import { test, expect } from "@playwright/test";
import { createDb, type Db } from "~db/client";
import {
  ageImportClaim,
  answerRevisions,
  editableInvite,
  importCommitEntries,
  importRow,
  linksFromPrefix,
  officerCookie,
  postgresDatabase,
  serverDatabaseUrl,
  sqliteChecks,
  sqliteDatabase,
  storedAnswers,
  suppliersWithPrefix,
  writerActive,
  type CrashDatabase,
} from "./support/crash-db";
import { killAllServers, seedDatabase, startServer, type CrashServer } from "./support/crash-server";
import {
  CSV_HEADERS,
  autosaveUntilKilled,
  crashCsv,
  queueCheck,
  queueCommit,
  supplierCookie,
  uploadCsv,
  type AutosaveQuestion,
} from "./support/crash-flows";

const PG = process.env.TEST_PG_URL;
const RUNS = 3;
/** Rows per import: enough for a commit transaction of tens of milliseconds, few enough for scores to be recomputed inline. */
const ROWS = 1500;
/** The import runner takes over a step whose claim had no heartbeat for JOB_LEASE_MS (60 s by default). */
const PAST_STALE_MS = 2 * 60_000;
/** The demo officer of the crash test's own database (not of the e2e server's). */
const OFFICER = "compliance@acme.test";

const QUESTIONS: AutosaveQuestion[] = [
  { key: "profile.workers", value: (n) => 1000 + n },
  { key: "profile.nationalities", value: (n) => `Crash test, save ${n}` },
  { key: "profile.temporary_share", value: (n) => n % 101 },
  { key: "profile.uses_agencies", value: (n) => (n % 2 ? "yes" : "no") },
];
const KEYS = QUESTIONS.map((q) => q.key);

test.describe.configure({ mode: "parallel" });

async function until<T>(what: string, fn: () => Promise<T | undefined | null | false>, timeoutMs = 60_000, everyMs = 20): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/**
 * After a kill: on SQLite, closes the test's own connection first, so that the check's connection is
 * the first to open the file and replays the WAL the killed server left (as the next server would),
 * then runs integrity_check and foreign_key_check; returns a fresh connection for the other checks.
 */
async function reopenAfterKill(target: CrashDatabase, h: Db): Promise<Db> {
  if (target.engine !== "sqlite") return h;
  await h.close();
  const c = sqliteChecks(target.file!);
  expect(c.integrity, "PRAGMA integrity_check after the kill").toBe("ok");
  expect(c.foreignKeyProblems, "PRAGMA foreign_key_check after the kill").toBe(0);
  return createDb(target.databaseUrl);
}

/** An organization of its own per import (its score recompute stays small), with the officer as a member. */
async function makeImportOrg(h: Db, slug: string): Promise<number> {
  const now = new Date().toISOString();
  const org = await h.db
    .insertInto("organizations")
    .values({ slug, name: `Crash ${slug}`, created_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  const user = await h.db.selectFrom("users").select("id").where("email", "=", OFFICER).executeTakeFirstOrThrow();
  await h.db.insertInto("memberships").values({ org_id: org.id, user_id: user.id, role: "compliance", created_at: now }).execute();
  return org.id;
}

/** Queues a commit the way the import page leaves it for the runner (uploaded, columns mapped, checked, "Import" pressed). */
async function queueImportDirectly(h: Db, orgId: number, prefix: string): Promise<number> {
  const csv = crashCsv(prefix, ROWS);
  const user = await h.db.selectFrom("users").select("id").where("email", "=", OFFICER).executeTakeFirstOrThrow();
  const row = await h.db
    .insertInto("supplier_imports")
    .values({
      org_id: orgId,
      created_by: user.id,
      created_at: new Date().toISOString(),
      filename: `${prefix}.csv`,
      size_bytes: Buffer.byteLength(csv),
      status: "commit_queued",
      content: csv,
      headers: JSON.stringify(CSV_HEADERS),
      mapping: JSON.stringify(CSV_HEADERS),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

interface ImportRun {
  run: number;
  lockSeen: boolean | null;
  rowsAfterKill: number;
  statusAfterKill: string;
  statusAfterRestart: string;
}

interface AutosaveRun {
  run: number;
  confirmed: number;
  inFlight: number;
  landedUnconfirmed: number;
  other: Record<string, number>;
}

/**
 * Waits for the import's commit transaction to be open (or, where that cannot be seen, for the step to
 * start), then SIGKILLs the server.
 */
async function killDuringCommit(
  target: CrashDatabase,
  h: Db,
  server: CrashServer,
  importId: number,
  delayMs: number,
): Promise<boolean | null> {
  let lockSeen: boolean | null = false;
  await until(
    "the import's commit to start",
    async () => {
      const status = (await importRow(h, importId)).status;
      if (status === "committed" || status === "failed") return true; // missed it; the checks still apply
      if (status !== "committing") return false;
      const w = await writerActive(target, h, server.pid);
      if (w === null) {
        lockSeen = null;
        return true;
      }
      if (w) lockSeen = true;
      return w;
    },
    60_000,
    2,
  );
  if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
  await server.kill();
  return lockSeen;
}

/** All or nothing: the import's suppliers, links and audit entry are all there, or none is. */
async function expectWholeOrNothing(h: Db, orgId: number, importId: number, prefix: string): Promise<{ rows: number; status: string }> {
  const rows = await suppliersWithPrefix(h, orgId, prefix);
  const links = await linksFromPrefix(h, orgId, prefix);
  const { status } = await importRow(h, importId);
  const entries = await importCommitEntries(h.db, orgId, importId);
  if (rows === 0) {
    expect({ links, entries, status }, "nothing of the import is there").toEqual({
      links: 0,
      entries: 0,
      status: expect.stringMatching(/^(commit_queued|committing|failed)$/),
    });
  } else {
    expect({ rows, links, entries, status }, "the whole import is there").toEqual({
      rows: ROWS,
      links: ROWS - 1,
      entries: 1,
      status: "committed",
    });
  }
  return { rows, status };
}

async function checkAutosaves(
  h: Db,
  assessmentId: number,
  start: Record<string, number>,
  out: Awaited<ReturnType<typeof autosaveUntilKilled>>,
): Promise<number> {
  const revisions = await answerRevisions(h, assessmentId, KEYS);
  for (const s of out.confirmed) {
    expect(revisions.get(`${s.key}#${s.revision}`), `confirmed save ${s.key} revision ${s.revision}`).toEqual({
      value: s.value,
      comment: s.comment,
    });
  }
  const now = await storedAnswers(h, assessmentId, KEYS);
  let landed = 0;
  for (const key of KEYS) {
    const mine = out.confirmed.filter((s) => s.key === key);
    const last = mine[mine.length - 1];
    const confirmedRevision = last?.revision ?? start[key] ?? 0;
    const stored = now[key];
    const pending = out.inFlight.get(key);
    expect(stored?.revision ?? 0, `${key}: the stored revision is the confirmed one or the one in flight`).toBeGreaterThanOrEqual(
      confirmedRevision,
    );
    if ((stored?.revision ?? 0) === confirmedRevision) {
      if (last)
        expect({ value: stored?.value, comment: stored?.comment }, `${key}: the last confirmed value`).toEqual({
          value: last.value,
          comment: last.comment,
        });
    } else {
      // Only the save that was on the wire may have landed, whole, as the next revision.
      expect(pending, `${key}: revision ${stored?.revision} without a save in flight`).toBeDefined();
      expect(stored, `${key}: the unconfirmed save landed whole`).toEqual({
        value: pending!.value,
        comment: pending!.comment,
        revision: pending!.baseRevision + 1,
      });
      landed++;
    }
  }
  return landed;
}

for (const engine of ["sqlite", "postgres"] as const) {
  test(`SIGKILL during imports and autosaves loses nothing confirmed [${engine}]`, async () => {
    test.skip(engine === "postgres" && !PG, "TEST_PG_URL is not set, so the PostgreSQL half is skipped (CI sets it)");
    test.setTimeout(300_000);
    const target = engine === "sqlite" ? sqliteDatabase() : await postgresDatabase(PG!);
    let h: Db | undefined;
    const imports: ImportRun[] = [];
    const autosaves: AutosaveRun[] = [];
    const startsMs: number[] = [];
    const t0 = Date.now();
    try {
      await seedDatabase(target.databaseUrl, target.evidenceDir);
      // The servers run as the app role on PostgreSQL (row-level security on); the checks read as the owner.
      const serverUrl = await serverDatabaseUrl(target);
      let db = createDb(target.databaseUrl, { poolSize: 4 });
      h = db;
      const cookie = await officerCookie(db, OFFICER);
      const orgs: number[] = [];
      for (let run = 1; run <= RUNS; run++) orgs.push(await makeImportOrg(db, `crash${run}`));
      const invite = await editableInvite(db);
      let supplier: string | undefined;

      const seededMs = Date.now() - t0;
      let server = await startServer(serverUrl, target.evidenceDir);
      startsMs.push(server.startMs);
      // The first import goes through the pages (upload, map and check, import); later ones are
      // queued straight into the table before a restart, where the runner finds them the same way.
      let importId = await uploadCsv(server, cookie, "crash1", "crash-1.csv", crashCsv("CR1-", ROWS));
      await queueCheck(server, cookie, "crash1", importId);
      const checked = await until("the check", async () => {
        const r = await importRow(db, importId);
        return r.status === "checked" || r.status === "failed" ? r : null;
      });
      expect(checked.status).toBe("checked");
      await queueCommit(server, cookie, "crash1", importId);

      for (let run = 1; run <= RUNS; run++) {
        const orgId = orgs[run - 1]!;
        const prefix = `CR${run}-`;

        // (a) Kill while the import's transaction is open.
        const lockSeen = await killDuringCommit(target, db, server, importId, [0, 10, 25][run - 1]!);
        h = db = await reopenAfterKill(target, db);
        const afterKill = await expectWholeOrNothing(db, orgId, importId, prefix);

        // The next server retries the step once the dead server's claim is stale.
        await ageImportClaim(db, importId, PAST_STALE_MS);
        server = await startServer(serverUrl, target.evidenceDir);
        startsMs.push(server.startMs);
        const settled = await until("the import to be retried", async () => {
          const r = await importRow(db, importId);
          return r.status === "committed" || r.status === "failed" ? r : null;
        });
        expect(settled.status, `import ${run} after the restart: ${settled.result}`).toBe("committed");
        await expectWholeOrNothing(db, orgId, importId, prefix);
        imports.push({
          run,
          lockSeen,
          rowsAfterKill: afterKill.rows,
          statusAfterKill: afterKill.status,
          statusAfterRestart: settled.status,
        });
        // The retried step goes on with the scores' recompute in its worker thread. Let it finish
        // first: on SQLite, transactions of the server's connection that read before they write fail
        // at once with "database is locked" while another connection writes (not a durability
        // matter, but it would make the autosave runs below mostly 500s).
        if (afterKill.status !== "committed") await until("the import step to finish", async () => server.stepsFinished.has(importId));

        // (b) Kill in the middle of a stream of autosaves.
        supplier ??= await supplierCookie(server, invite.token);
        const start = Object.fromEntries(
          Object.entries(await storedAnswers(db, invite.assessmentId, KEYS)).map(([k, v]) => [k, v?.revision ?? 0]),
        );
        const out = await autosaveUntilKilled({
          server,
          cookie: supplier,
          assessmentId: invite.assessmentId,
          questions: QUESTIONS,
          startRevisions: start,
          killAfter: 20 + 15 * run,
          stamp: `${engine} run ${run}`,
        });
        if (Object.keys(out.otherStatuses).some((s) => Number(s) >= 500))
          console.log(`server log of ${engine} run ${run}:\n${server.log()}`);
        expect(out.confirmed.length).toBeGreaterThanOrEqual(20 + 15 * run);
        h = db = await reopenAfterKill(target, db);
        const landed = await checkAutosaves(db, invite.assessmentId, start, out);
        autosaves.push({
          run,
          confirmed: out.confirmed.length,
          inFlight: out.inFlight.size,
          landedUnconfirmed: landed,
          other: out.otherStatuses,
        });

        if (run < RUNS) {
          importId = await queueImportDirectly(db, orgs[run]!, `CR${run + 1}-`);
          server = await startServer(serverUrl, target.evidenceDir);
          startsMs.push(server.startMs);
        }
      }

      const timing = `seed ${seededMs} ms, ${startsMs.length} server starts ${startsMs.join("/")} ms, ${Date.now() - t0} ms in all`;
      const summary =
        `${engine}: import crash runs ${JSON.stringify(imports)}; ` + `autosave crash runs ${JSON.stringify(autosaves)}; ${timing}`;
      console.log(summary);
      test.info().annotations.push({ type: "crash runs", description: summary });
      expect(imports).toHaveLength(RUNS);
      expect(autosaves).toHaveLength(RUNS);
      // At least one kill must have hit an open commit transaction (seen holding the write lock,
      // nothing of it visible afterwards), or these runs proved nothing about half imports.
      if (imports.every((r) => r.lockSeen !== null)) {
        expect(
          imports.filter((r) => r.lockSeen && r.rowsAfterKill === 0).length,
          "kills inside the commit transaction",
        ).toBeGreaterThanOrEqual(1);
      }
      expect(
        autosaves.reduce((n, r) => n + r.inFlight, 0),
        "saves in flight at the kills",
      ).toBeGreaterThanOrEqual(1);
    } finally {
      await killAllServers();
      await h?.close();
      await target.drop();
    }
  });
}
