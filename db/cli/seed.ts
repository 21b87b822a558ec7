// `npm run db:seed` (tsx db/cli/seed.ts [--reference]): migrates, loads reference data when the
// countries table is empty (or always with --reference), then creates the demo tenants if absent.
import { createDb, redactUrl } from "../client";
import { migrateToLatest } from "../migrate";
import { DEMO_PASSWORD, seedDemo } from "../seed/demo";
import { seedReferenceData } from "../seed/reference";
import { seedScreeningLists } from "../seed/screening-lists";
import { seedDemoAssessments } from "../seed/demo-assessments";
import { recompute, referenceDataLoaded } from "~/services/risk.server";

const USAGE = "Usage: tsx db/cli/seed.ts [--reference]   (--reference reloads countries, TIP tiers and TVPRA goods)";

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== "--reference");
if (args.includes("--help") || args.includes("-h")) {
  console.log(USAGE);
} else if (unknown.length > 0) {
  console.error(`Unknown argument ${unknown.join(" ")}\n${USAGE}`);
  process.exitCode = 2;
} else {
  const url = process.env.DATABASE_URL ?? "file:./data/lantern.db";
  // An operator's script: it works across tenants (a named crossing path of row-level security, db/scope.ts).
  const handle = createDb(url, { defaultScope: "system", systemReason: "script: db:seed (reference data and demo tenants)" });
  try {
    const applied = await migrateToLatest(handle);
    console.log(applied.length ? `Migrated ${redactUrl(url)}: ${applied.join(", ")}` : `Schema up to date (${redactUrl(url)})`);

    const { n } = await handle.db
      .selectFrom("countries")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    if (Number(n) === 0 || args.includes("--reference")) {
      const c = await seedReferenceData(handle.db);
      const skipped = c.skipped ? `, skipped ${c.skipped} rows without iso2` : "";
      const loaded = `${c.countries} countries, ${c.tipTiers} TIP tier rows, ${c.goods} TVPRA goods, ${c.proxies} territory stand-ins`;
      console.log(`Reference data loaded: ${loaded}${skipped}`);
      const r = await referenceDataLoaded(handle.db);
      if (r.queued)
        console.log(`Reference data edition changed to ${r.edition}: risk scores of ${r.queued} tenants will be recomputed by the server`);
    } else {
      console.log(`Reference data present (${n} countries); pass --reference to reload`);
      // A database seeded before screening existed has no list entries yet: load them on their own.
      const lists = await handle.db.selectFrom("screening_list_entries").select("id").limit(1).executeTakeFirst();
      if (!lists) console.log(`Screening lists loaded: ${await seedScreeningLists(handle.db)} entries`);
    }

    if (await seedDemo(handle.db)) {
      console.log(`Demo tenants created: acme, borealis (admin|compliance|exec@<slug>.test, password ${DEMO_PASSWORD})`);
      console.log(`Demo questionnaires: ${await seedDemoAssessments(handle.db)}`);
      for (const slug of ["acme", "borealis"]) {
        const org = await handle.db.selectFrom("organizations").select("id").where("slug", "=", slug).executeTakeFirstOrThrow();
        const r = await recompute(handle.db, org.id, "all", { trigger: "seed" });
        console.log(`Risk scores for ${slug}: ${r.computed} suppliers`);
      }
    } else {
      console.log("Demo tenants already present; left unchanged");
    }
  } catch (e) {
    console.error(`Seeding failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  } finally {
    await handle.close();
  }
}
