// `npm run seed:large -- --suppliers 100000`: the tenant `big` (compliance@big.test / lantern-demo)
// with N suppliers in 4 tiers and ~1.5 links each, through the CSV import's code path.
import { sql } from "kysely";
import { createDb, redactUrl } from "../client";
import { migrateToLatest } from "../migrate";
import { seedReferenceData } from "../seed/reference";
import { seedLarge, BIG_USER } from "../seed/large";
import { runRiskJobs } from "~/services/risk.server";

const args = process.argv.slice(2);
const at = args.indexOf("--suppliers");
const n = at >= 0 ? Number(args[at + 1]) : 100_000;
if (!Number.isInteger(n) || n < 10 || n > 200_000) {
  console.error("Usage: npm run seed:large -- --suppliers <10..200000>   (default 100000)");
  process.exit(2);
}
const url = process.env.DATABASE_URL ?? "file:./data/lantern.db";
// An operator's script: it works across tenants (a named crossing path of row-level security, db/scope.ts).
const handle = createDb(url, { defaultScope: "system", systemReason: "script: seed:large" });
try {
  await migrateToLatest(handle);
  const { n: countries } = await handle.db
    .selectFrom("countries")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  if (Number(countries) === 0) await seedReferenceData(handle.db);
  const started = Date.now();
  const r = await seedLarge(handle.db, n);
  // The import queued a recompute of the tenant's scores; run it here rather than leave it to a server.
  const scoring = Date.now();
  await runRiskJobs(handle.db);
  console.log(`Risk scores computed (${((Date.now() - scoring) / 1000).toFixed(1)} s)`);
  // PostgreSQL plans from statistics that autovacuum writes some time after a bulk load (never, where it is
  // off), and its index-only scans need the visibility map that vacuum writes: do both now, so the first
  // pages are planned for 100,000 rows, not for none.
  if (handle.engine === "postgres") await sql`vacuum analyze`.execute(handle.db);
  console.log(
    `Tenant "big" in ${redactUrl(url)}: ${r.created} suppliers created, ${r.updated} updated, ${r.unchanged} unchanged, ` +
      `${r.links} links (${((Date.now() - started) / 1000).toFixed(1)} s). Log in as ${BIG_USER} / lantern-demo.`,
  );
} catch (e) {
  console.error(`seed:large failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
