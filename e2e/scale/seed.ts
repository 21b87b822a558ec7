// The proof's database: a fresh PostgreSQL schema with the reference data, the demo tenants and the
// "big" tenant of K suppliers (db/seed/large.ts, the CSV import's code path), scored; then the
// questionnaires the load works on: some sent (their invite links are autosaved to), some drafts (the
// officers' loop invites them over HTTP, so mail is queued while a server dies).
import { sql } from "kysely";
import { createDb, type Db } from "~db/client";
import { postgresDatabase } from "../support/crash-db";
import { migrateToLatest } from "~db/migrate";
import { seedReferenceData } from "~db/seed/reference";
import { seedDemo } from "~db/seed/demo";
import { seedDemoAssessments } from "~db/seed/demo-assessments";
import { BIG_SLUG, BIG_USER, seedLarge } from "~db/seed/large";
import { runRiskJobs } from "~/services/risk.server";
import { startAssessments } from "~/services/assessments.server";
import { sendAssessmentInvite } from "~/services/invites.server";
import type { OrgIdentity } from "~/lib/auth.server";
import { addDays } from "~/domain/dates";

export interface Seeded {
  schema: string;
  databaseUrl: string;
  handle: Db;
  orgId: number;
  slug: string;
  officer: string;
  identity: OrgIdentity;
  /** Sent questionnaires and their invite tokens, one per autosaving supplier. */
  portals: Array<{ assessmentId: number; token: string }>;
  /** Draft questionnaires the officers' loop sends over HTTP. */
  drafts: number[];
  /** Suppliers the officers edit, one disjoint set per editing loop. */
  editable: number[][];
  seedMs: number;
}

/** The proof's own schema (scale_<random>), dropped at the end unless --keep. */
export async function createSchema(baseUrl: string): Promise<{ schema: string; databaseUrl: string; drop(): Promise<void> }> {
  const target = await postgresDatabase(baseUrl, "scale");
  return { schema: target.schema!, databaseUrl: target.databaseUrl, drop: () => target.drop() };
}

export async function seed(
  schema: string,
  databaseUrl: string,
  o: { suppliers: number; portals: number; drafts: number; editLoops: number; editsPerLoop: number },
): Promise<Seeded> {
  const t0 = Date.now();
  const handle = createDb(databaseUrl, { poolSize: 4 });
  await migrateToLatest(handle);
  await seedReferenceData(handle.db);
  await seedDemo(handle.db);
  await seedDemoAssessments(handle.db);
  await seedLarge(handle.db, o.suppliers);
  await runRiskJobs(handle.db, 50);
  // Statistics for the planner and the visibility map, as autovacuum writes them after a bulk load (it may be off).
  await sql`vacuum analyze`.execute(handle.db);
  const org = await handle.db.selectFrom("organizations").select(["id", "name"]).where("slug", "=", BIG_SLUG).executeTakeFirstOrThrow();
  const user = await handle.db.selectFrom("users").select(["id", "name"]).where("email", "=", BIG_USER).executeTakeFirstOrThrow();
  const identity: OrgIdentity = {
    user: { sessionId: "", userId: user.id, email: BIG_USER, name: user.name },
    org: { id: org.id, slug: BIG_SLUG, name: org.name },
    role: "compliance",
  };
  // Suppliers without any questionnaire, in a stable order: the first for the portals and drafts,
  // the next for the editing loops (an edit never touches a supplier a questionnaire is about).
  const free = await handle.db
    .selectFrom("suppliers as s")
    .select("s.id")
    .where("s.org_id", "=", org.id)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom("assessments as a").select("a.id").whereRef("a.supplier_id", "=", "s.id"))),
    )
    .orderBy("s.id")
    .limit(o.portals + o.drafts + o.editLoops * o.editsPerLoop)
    .execute();
  const ids = free.map((r) => r.id);
  const started = await startAssessments(
    handle.db,
    identity,
    ids.slice(0, o.portals + o.drafts),
    { dueAt: addDays(new Date(), 30), language: "en" },
    "127.0.0.1",
  );
  const portals: Seeded["portals"] = [];
  for (const assessmentId of started.created.slice(0, o.portals)) {
    const sent = await sendAssessmentInvite(
      handle.db,
      identity,
      assessmentId,
      { email: `portal-${assessmentId}@supplier.test`, language: "en" },
      "127.0.0.1",
    );
    if (!sent.ok || !sent.value.copyLink) throw new Error(`could not invite questionnaire ${assessmentId}: ${JSON.stringify(sent)}`);
    portals.push({ assessmentId, token: sent.value.copyLink.split("/s/")[1]! });
  }
  const rest = ids.slice(o.portals + o.drafts);
  const editable = Array.from({ length: o.editLoops }, (_, i) => rest.slice(i * o.editsPerLoop, (i + 1) * o.editsPerLoop));
  return {
    schema,
    databaseUrl,
    handle,
    orgId: org.id,
    slug: BIG_SLUG,
    officer: BIG_USER,
    identity,
    portals,
    drafts: started.created.slice(o.portals),
    editable,
    seedMs: Date.now() - t0,
  };
}
