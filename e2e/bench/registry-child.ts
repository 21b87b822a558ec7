// Child process of the supplier-registry figures (registry.ts), started with tsx so that its memory
// is its own: `process.resourceUsage().maxRSS` then measures one import and nothing else.
//
//   tsx e2e/bench/registry-child.ts import <db file> <suppliers> <result.json>
//     Fresh migrated + reference-seeded database, one organization; times commitCsv of
//     largeSupplierCsv(N) (CSV text → committed: parse, validate, analyse, write), then the same
//     file again (must change nothing). Peak RSS is read after the first import and at the end.
//
//   tsx e2e/bench/registry-child.ts big <db file> <suppliers> <result.json>
//     Builds the "big" tenant with seedLarge (the real import path, then one supplier in five given an
//     approved questionnaire) and scores it with the risk job runner, for the list, tier, HTTP and risk figures.
//     <db file> may be a postgres:// URL (the PostgreSQL figures, postgres.ts): the tenant is built there the
//     same way, then vacuumed and analysed, as PostgreSQL's autovacuum does after a bulk load (see postgres.ts).
//
// The result is written as JSON to <result.json> (stdout and stderr are only kept for error messages).
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import { createDb, type Db } from "~db/client";
import { migrateToLatest } from "~db/migrate";
import { seedReferenceData } from "~db/seed/reference";
import { largeSupplierCsv } from "~db/seed/large-csv";
import { ensureBigTenant, seedLarge } from "~db/seed/large";
import { parseSupplierCsv } from "~/domain/csv/parse";
import { suggestMapping } from "~/domain/csv/mapping";
import { commitCsv } from "~/services/import-commit.server";
import { insertOrg } from "~/models/org.server";
import { currentMethodology, runRiskJobs } from "~/services/risk.server";

const [mode, dbFile, nArg, outFile] = process.argv.slice(2);
const n = Number(nArg);
if ((mode !== "import" && mode !== "big") || !dbFile || !outFile || !Number.isInteger(n) || n < 10) {
  console.error("usage: tsx e2e/bench/registry-child.ts import|big <db file> <suppliers> <result.json>");
  process.exit(2);
}

/**
 * PostgreSQL: what autovacuum does shortly after a bulk load: statistics for the planner (analyze) and the
 * visibility map (vacuum), without which an index-only scan still reads every row's heap page.
 */
async function analyzeTables(h: Db): Promise<boolean> {
  await sql`vacuum analyze`.execute(h.db);
  return true;
}

const mb = (kb: number) => Math.round((kb / 1024) * 10) / 10;
const maxRssKb = () => process.resourceUsage().maxRSS;

const onPostgres = dbFile.startsWith("postgres://");
// An operator's build on PostgreSQL crosses tenants (seeding, the job runner): the system scope of db/scope.ts.
const handle = onPostgres ? createDb(dbFile, { defaultScope: "system", systemReason: "bench: big tenant" }) : createDb(`file:${dbFile}`);
try {
  await migrateToLatest(handle);
  await seedReferenceData(handle.db);
  const count = async (table: "suppliers" | "supplier_links" | "supplier_goods", orgId: number) =>
    Number(
      (
        await handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("org_id", "=", orgId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  if (mode === "big") {
    const started = performance.now();
    const result = await seedLarge(handle.db, n);
    const seconds = (performance.now() - started) / 1000;
    const { orgId, userId } = await ensureBigTenant(handle.db);
    // The import queued a full recompute: run it as a server's job runner would (scores, roll-ups).
    const scoring = performance.now();
    await runRiskJobs(handle.db, 10);
    const scoreSeconds = (performance.now() - scoring) / 1000;
    const model = (await currentMethodology(handle.db, orgId)).config.model;
    // Whether SQLite's query planner has statistics (sqlite_stat1, written by ANALYZE / PRAGMA optimize)
    // after the import: without them it may pick an (org_id, …) index over a far narrower one.
    const plannerStats = onPostgres
      ? await analyzeTables(handle)
      : Boolean(handle.sqlite!.prepare("select 1 from sqlite_master where type = 'table' and name = 'sqlite_stat1'").get());
    const out = {
      seconds,
      scoreSeconds,
      model,
      result,
      assessments: result.assessments?.assessments ?? 0,
      orgId,
      userId,
      suppliers: await count("suppliers", orgId),
      links: await count("supplier_links", orgId),
      plannerStats,
    };
    fs.writeFileSync(outFile, JSON.stringify(out));
  } else {
    const orgId = await insertOrg(handle.db, "Bench Import Org", "bench-import");
    const actor = { orgId, userId: null, label: "bench", ip: null };
    // The input: the file's text, as an upload hands it over. Only the header is read before the
    // clock starts (to propose the mapping, as the upload step does); commitCsv parses the whole file.
    const { csv, links } = largeSupplierCsv(n);
    // (The header and the first row: `maxRows` is a limit that fails longer files, not a "read only".)
    const secondBreak = csv.indexOf("\n", csv.indexOf("\n") + 1);
    const head = parseSupplierCsv(csv.slice(0, secondBreak + 1));
    if (!head.ok) throw new Error(head.error);
    const mapping = suggestMapping(head.headers);
    const rssBeforeKb = maxRssKb();

    let started = performance.now();
    const first = await commitCsv(handle.db, actor, csv, mapping);
    const seconds = (performance.now() - started) / 1000;
    const rssImportKb = maxRssKb();
    if (!first.ok) {
      throw new Error(`the import refused the file: ${first.message} ${JSON.stringify(first.detail?.preview.errors.slice(0, 3))}`);
    }
    const written = {
      suppliers: await count("suppliers", orgId),
      links: await count("supplier_links", orgId),
      goods: await count("supplier_goods", orgId),
    };

    started = performance.now();
    const again = await commitCsv(handle.db, actor, csv, mapping);
    const reimportSeconds = (performance.now() - started) / 1000;
    if (!again.ok)
      throw new Error(`the re-import refused the file: ${again.message} ${JSON.stringify(again.detail?.preview.errors.slice(0, 3))}`);
    const after = {
      suppliers: await count("suppliers", orgId),
      links: await count("supplier_links", orgId),
      goods: await count("supplier_goods", orgId),
    };

    fs.writeFileSync(
      outFile,
      JSON.stringify({
        suppliers: n,
        expectedLinks: links,
        csvBytes: Buffer.byteLength(csv),
        seconds,
        result: first.value.result,
        written,
        reimportSeconds,
        reimport: again.value.result,
        after,
        rssBeforeMb: mb(rssBeforeKb),
        peakMb: mb(rssImportKb),
        peakMbAfterReimport: mb(maxRssKb()),
      }),
    );
  }
} finally {
  await handle.close();
}
