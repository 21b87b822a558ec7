// Child process of the dashboard figures (dashboard.ts): builds the 100,000-supplier tenant the
// executive dashboard is measured on, in its own temp database.
//
//   tsx e2e/bench/dashboard-child.ts <db file> <suppliers> <result.json>
//
// The tenant "big" comes from seedLarge (the real import path), then its risk scores are computed
// by the job runner as a server would (which writes the roll-ups), and it gets what a working
// tenant has besides: an executive, questionnaires at every step (some overdue), corrective actions
// (some overdue, some from red flags) and a few weeks of daily roll-ups for the trend.
import { addDays, isoDay, todayIso } from "~/domain/dates";
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import { createDb } from "~db/client";
import { migrateToLatest } from "~db/migrate";
import { seedReferenceData } from "~db/seed/reference";
import { ensureBigTenant, seedLarge } from "~db/seed/large";
import { runRiskJobs } from "~/services/risk.server";
import { startAssessments } from "~/services/assessments.server";
import { refreshDashboardRollup } from "~/models/dashboard-rollup.server";
import { insertAction } from "~/models/action.server";
import { insertUser } from "~/models/user.server";
import { addMember } from "~/models/org.server";
import { hashPassword } from "~/lib/password.server";
import { DEMO_PASSWORD } from "~db/seed/demo";

const EXEC_EMAIL = "exec@big.test";
const DAY = 86_400_000;

const [dbFile, nArg, outFile] = process.argv.slice(2);
const n = Number(nArg);
if (!dbFile || !outFile || !Number.isInteger(n) || n < 10) {
  console.error("usage: tsx e2e/bench/dashboard-child.ts <db file> <suppliers> <result.json>");
  process.exit(2);
}

const handle = createDb(`file:${dbFile}`);
const db = handle.db;
try {
  await migrateToLatest(handle);
  await seedReferenceData(db);
  let t = performance.now();
  // Without the scale seed's 20,000 approved questionnaires: this tenant gets its own below, and the
  // dashboard figures stay comparable with earlier runs.
  await seedLarge(db, n, { assessments: false });
  const importSeconds = (performance.now() - t) / 1000;
  const { orgId, userId } = await ensureBigTenant(db);
  t = performance.now();
  const jobs = await runRiskJobs(db, 10);
  const scoreSeconds = (performance.now() - t) / 1000;

  const execUserId = await insertUser(db, { email: EXEC_EMAIL, name: "Robin Exec", passwordHash: await hashPassword(DEMO_PASSWORD) });
  await addMember(db, orgId, execUserId, "executive");

  // 2,000 questionnaires on tier-1 suppliers, moved along their steps by hand (the bench needs the
  // rows, not the answers): 10% draft, 30% sent, 25% started, 15% submitted, 20% approved; a third
  // of the open ones overdue.
  const ident = {
    user: { sessionId: "bench", userId, email: "compliance@big.test", name: "Bench" },
    org: { id: orgId, slug: "big", name: "Big Retail Group" },
    role: "compliance" as const,
  };
  const targets = (
    await db.selectFrom("suppliers").select("id").where("org_id", "=", orgId).where("tier", "=", 1).orderBy("id").limit(2000).execute()
  ).map((r) => r.id);
  const { created } = await startAssessments(db, ident, targets, { dueAt: addDays(new Date(), 30), language: "en" }, "bench");
  const now = Date.now();
  const iso = (msAgo: number) => new Date(now - msAgo).toISOString();
  await db.transaction().execute(async (trx) => {
    for (const [i, id] of created.entries()) {
      const step = i % 20; // 0-1 draft, 2-7 sent, 8-12 started, 13-15 submitted, 16-19 approved
      const overdue = i % 3 === 0 && step < 13;
      const set: Record<string, string | null> = overdue ? { due_at: iso(10 * DAY).slice(0, 10) } : {};
      if (step >= 2) Object.assign(set, { status: "sent", sent_at: iso(40 * DAY) });
      if (step >= 8) Object.assign(set, { status: "in_progress", started_at: iso(30 * DAY) });
      if (step >= 13) Object.assign(set, { status: "submitted", submitted_at: iso(20 * DAY) });
      if (step >= 16) Object.assign(set, { status: "approved", approved_at: iso(10 * DAY), valid_until: iso(10 * DAY - 365 * DAY) });
      if (Object.keys(set).length) await trx.updateTable("assessments").set(set).where("id", "=", id).execute();
    }
  });
  // 600 corrective actions: a third from red flags, a quarter overdue, a sixth already done.
  for (let i = 0; i < 600; i++) {
    const id = await insertAction(
      db,
      orgId,
      {
        supplierId: targets[i % targets.length]!,
        assessmentId: null,
        source: i % 3 === 0 ? "red_flag" : "manual",
        questionKey: null,
        indicator: null,
        severity: null,
        answer: null,
        title: `Bench action ${i + 1}`,
        details: null,
        ownerUserId: null,
        dueAt: iso((i % 4 === 0 ? 5 : -20) * DAY).slice(0, 10),
        createdBy: userId,
      },
      iso((i % 60) * DAY),
    );
    if (i % 6 === 0)
      await db
        .updateTable("corrective_actions")
        .set({ status: "done", done_at: iso((i % 30) * DAY) })
        .where("id", "=", id)
        .execute();
  }

  // The roll-ups now (the approvals above count).
  await refreshDashboardRollup(db, orgId);
  // Twelve weeks of daily roll-ups behind today's (the trend): today's rows, a little worse each week back.
  const today = todayIso();
  for (let w = 1; w <= 12; w++) {
    const day = isoDay(new Date(now - w * 7 * DAY));
    await sql`insert into risk_snapshots (org_id, day, suppliers, avg_score, low, medium, high, critical, assessed, updated_at)
      select org_id, ${day}, suppliers, avg_score + ${w * 0.4}, low, medium, high + ${w * 40}, critical + ${w * 25}, assessed, updated_at
      from risk_snapshots where org_id = ${orgId} and day = ${today}`.execute(db);
    await sql`insert into dashboard_trend (org_id, day, tier, country, suppliers, scored, score_sum, low, medium, high, critical, assessed)
      select org_id, ${day}, tier, country, suppliers, scored, score_sum + ${w} * scored * 0.4, low, medium, high, critical, assessed
      from dashboard_trend where org_id = ${orgId} and day = ${today}`.execute(db);
  }

  const count = async (table: "suppliers" | "assessments" | "corrective_actions") =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("org_id", "=", orgId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const cube = Number(
    (
      await db
        .selectFrom("dashboard_cube")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("org_id", "=", orgId)
        .executeTakeFirstOrThrow()
    ).n,
  );
  const scored = Number(
    (
      await db
        .selectFrom("suppliers")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("org_id", "=", orgId)
        .where("risk_score", "is not", null)
        .executeTakeFirstOrThrow()
    ).n,
  );
  fs.writeFileSync(
    outFile,
    JSON.stringify({
      orgId,
      execUserId,
      suppliers: await count("suppliers"),
      scored,
      assessments: await count("assessments"),
      actions: await count("corrective_actions"),
      cubeRows: cube,
      riskJobs: jobs,
      importSeconds,
      scoreSeconds,
    }),
  );
} finally {
  await handle.close();
}
