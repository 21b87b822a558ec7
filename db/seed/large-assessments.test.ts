import { expect, it } from "vitest";
import { describeEachEngine } from "~/test/support";
import { currentTemplateVersionId } from "~/services/assessment-core.server";
import { currentMethodology, forgetReferenceData, recompute } from "~/services/risk.server";
import { seedReferenceData } from "./reference";
import { ensureBigTenant, seedLarge } from "./large";
import { ASSESSED_EVERY, seedLargeAssessments } from "./large-assessments";

const N = 200;

describeEachEngine("scale seed: approved questionnaires", (h) => {
  it("gives one supplier in five, over every tier, an approved assessment on the current template, and scores them (v2)", async () => {
    await seedReferenceData(h().db);
    forgetReferenceData();
    const r = await seedLarge(h().db, N);
    expect(r.assessments).toMatchObject({ assessments: Math.ceil(N / ASSESSED_EVERY) });
    const { orgId, userId } = await ensureBigTenant(h().db);

    const rows = await h()
      .db.selectFrom("assessments as a")
      .innerJoin("suppliers as s", "s.id", "a.supplier_id")
      .select(["a.id", "a.supplier_id", "a.status", "a.approved_at", "a.version_id", "s.tier", "s.org_id"])
      .where("a.org_id", "=", orgId)
      .execute();
    expect(rows).toHaveLength(N / ASSESSED_EVERY);
    expect(new Set(rows.map((a) => a.supplier_id)).size).toBe(rows.length);
    expect(rows.every((a) => a.status === "approved" && a.approved_at !== null && a.org_id === orgId)).toBe(true);
    expect(rows.every((a) => a.approved_at! < new Date().toISOString())).toBe(true);
    const versionId = await currentTemplateVersionId(h().db);
    expect(new Set(rows.map((a) => a.version_id))).toEqual(new Set([versionId]));
    expect(await h().db.selectFrom("questionnaire_versions").select("id").where("id", "=", versionId).executeTakeFirst()).toBeDefined();
    expect(new Set(rows.map((a) => a.tier))).toEqual(new Set([1, 2, 3, 4]));

    // Varied answers: some with a deposit red flag, most without; some accepted evidence.
    const deposits = await h()
      .db.selectFrom("answers")
      .select("value")
      .where("question_key", "=", "p1.deposits")
      .where(
        "assessment_id",
        "in",
        rows.map((a) => a.id),
      )
      .execute();
    expect(deposits).toHaveLength(rows.length);
    const flagged = deposits.filter((d) => d.value === JSON.stringify("yes")).length;
    expect(flagged).toBeGreaterThan(0);
    expect(flagged).toBeLessThan(rows.length / 2);
    const evidence = await h()
      .db.selectFrom("evidence_files")
      .select(["assessment_id", "review_status", "reviewed_by_user_id"])
      .where("org_id", "=", orgId)
      .execute();
    expect(evidence.length).toBeGreaterThan(0);
    expect(evidence.every((e) => e.review_status === "accepted" && e.reviewed_by_user_id === userId)).toBe(true);
    const ids = new Set(rows.map((a) => a.id));
    expect(evidence.every((e) => ids.has(e.assessment_id))).toBe(true);

    // Again: nothing changes.
    expect(await seedLargeAssessments(h().db, orgId, { userId, label: "again" })).toMatchObject({ assessments: 0 });

    // The tenant scores with model v2, and every assessed supplier's score counts its assessment.
    expect((await currentMethodology(h().db, orgId)).config.model).toBe("v2");
    await recompute(h().db, orgId, "all", { trigger: "test" });
    const assessed = await h()
      .db.selectFrom("suppliers as s")
      .innerJoin("risk_scores as r", (j) => j.onRef("r.supplier_id", "=", "s.id").onRef("r.digest", "=", "s.risk_digest"))
      .select(["s.id", "r.assessment_id", "r.model_version"])
      .where("s.org_id", "=", orgId)
      .where("r.assessed", "=", 1)
      .execute();
    expect(new Set(assessed.map((a) => a.id))).toEqual(new Set(rows.map((a) => a.supplier_id)));
    expect(new Set(assessed.map((a) => a.model_version))).toEqual(new Set(["v2"]));
  });
});
