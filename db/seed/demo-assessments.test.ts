import { expect, it } from "vitest";
import { describeEachEngine, withTemporaryEvidenceDir } from "~/test/support";

import { seedReferenceData } from "./reference";
import { seedDemo } from "./demo";
import { seedDemoAssessments } from "./demo-assessments";

withTemporaryEvidenceDir("lantern-demo-evidence-");

describeEachEngine("demo questionnaires", (h) => {
  it("gives both demo tenants questionnaires in every state, through the real workflow", async () => {
    await seedReferenceData(h().db);
    expect(await seedDemo(h().db)).toBe(true);
    expect(await seedDemoAssessments(h().db)).toBe(10);
    const rows = await h()
      .db.selectFrom("assessments as a")
      .innerJoin("organizations as o", "o.id", "a.org_id")
      .select(["o.slug", "a.status", "a.valid_until"])
      .execute();
    const acme = rows
      .filter((r) => r.slug === "acme")
      .map((r) => r.status)
      .sort();
    expect(acme).toEqual(["approved", "approved", "approved", "approved", "draft", "in_progress", "submitted"]);
    expect(
      rows
        .filter((r) => r.slug === "borealis")
        .map((r) => r.status)
        .sort(),
    ).toEqual(["approved", "draft", "submitted"]);
    // one acme approval is older than the 12-month validity: it has already lapsed
    expect(rows.filter((r) => r.valid_until && r.valid_until < new Date().toISOString())).toHaveLength(1);
    // each approval scored its supplier on its own date: a history with several days for the trend,
    // and red flags in approved answers opened corrective actions
    const days = await h().db.selectFrom("risk_snapshots").select("day").execute();
    expect(new Set(days.map((d) => d.day)).size).toBeGreaterThanOrEqual(4);
    // Approved on v1 before v2 was published; the open ones are on v2, with v2's answers.
    const versions = await h()
      .db.selectFrom("assessments as a")
      .innerJoin("questionnaire_versions as v", "v.id", "a.version_id")
      .select(["a.status", "v.version"])
      .execute();
    for (const v of versions) expect([v.status, v.version]).toEqual([v.status, v.status === "approved" ? 1 : 2]);
    const v2Answers = await h()
      .db.selectFrom("answers as x")
      .innerJoin("assessments as a", "a.id", "x.assessment_id")
      .innerJoin("questionnaire_versions as v", "v.id", "a.version_id")
      .select(["x.question_key", "v.version"])
      .where("x.question_key", "in", ["p5.weekly_hours", "p5.normal_weekly_hours"])
      .execute();
    expect(v2Answers.every((r) => (r.question_key === "p5.weekly_hours" ? r.version === 1 : r.version === 2))).toBe(true);
    expect(v2Answers.some((r) => r.version === 2)).toBe(true);
    const flagged = await h().db.selectFrom("corrective_actions").select(["source", "indicator"]).execute();
    expect(flagged.map((f) => f.indicator)).toContain("retention_of_documents");
  });
});
