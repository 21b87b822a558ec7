// Risk model v2 through the app: new organisations start on it, an organisation on v1 moves to it
// through the methodology preview (which names the suppliers that change band), officers confirm or
// reject likely goods, and a document a reviewer accepted lifts an answer's credit.
import { beforeAll, expect, it } from "vitest";
import { describeEachEngine, makeOrg } from "~/test/support";
import { setFourEyes } from "~/models/decision.server";
import type { OrgIdentity } from "~/lib/auth.server";
import type { Db } from "~db/client";
import { SupplierSchema } from "~/schemas/supplier";
import { METHODOLOGY_V1, METHODOLOGY_V2, type Breakdown } from "~/domain/risk";
import { seedReferenceData } from "~db/seed/reference";
import { BEST } from "~/domain/questionnaire/test-fixtures";
import { createSupplier } from "./suppliers.server";
import { approveAssessment } from "./assessment-review.server";
import { saveAnswer, submitAssessment } from "./assessment-answers.server";
import { startAssessments } from "./assessments.server";
import { uploadEvidence } from "./evidence.server";
import { currentMethodology, forgetReferenceData, scoresChanged, withDefaults } from "./risk.server";
import { stalenessSweep } from "./risk-sweeps.server";
import { previewMethodology, saveMethodology } from "./risk-methodology.server";
import { decideLikelyGood } from "./likely-goods.server";
import { supplierRiskView } from "./risk-view.server";

const IP = "192.0.2.9";
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

describeEachEngine("risk model v2 in the app", (h) => {
  beforeAll(async () => {
    await seedReferenceData(h().db);
    forgetReferenceData();
  });

  let n = 0;
  async function org(): Promise<OrgIdentity> {
    const slug = `v2org${++n}`;
    const email = `admin@${slug}.test`;
    const { orgId, users } = await makeOrg(h(), slug, [[email, "admin"]]);
    await setFourEyes(h().db, orgId, false);
    return {
      user: { sessionId: "x", userId: users[email]!, email, name: "Ada Admin" },
      org: { id: orgId, slug, name: slug },
      role: "admin",
    };
  }
  async function make(id: OrgIdentity, name: string, extra: Record<string, unknown>) {
    const r = await createSupplier(h().db, id, SupplierSchema.parse({ name, ...extra }), IP);
    if (!r.ok) throw new Error(r.message);
    return r.value.id;
  }
  const stored = async (db: Db, id: number) => {
    const s = await db.db.selectFrom("suppliers").select(["risk_score", "risk_band"]).where("id", "=", id).executeTakeFirstOrThrow();
    const r = await db.db
      .selectFrom("risk_scores")
      .select(["model_version", "breakdown"])
      .where("supplier_id", "=", id)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    return { score: s.risk_score, band: s.risk_band, model: r.model_version, b: JSON.parse(r.breakdown) as Breakdown };
  };

  it("a new organisation scores with v2: a garment factory known only by its sector is high, with garments as a likely good", async () => {
    const id = await org();
    expect((await currentMethodology(h().db, id.org.id)).config.model).toBe("v2");
    const sid = await make(id, "Dhaka Stitch", { country: "BD", sector: "Apparel" });
    const s = await stored(h(), sid);
    expect(s).toMatchObject({ band: "high", model: "v2" });
    expect(s.b.inherent.goods.likely?.goods.map((g) => g.good)).toEqual(["Garments"]);
    const view = await supplierRiskView(h().db, id.org.id, sid, { caseNumbers: true });
    expect(view.score?.summary.join(" ")).toContain("No goods recorded; likely goods from its sector “Apparel”: Garments");
    expect(view.score?.summary.join(" ")).not.toMatch(/p\d\.[a-z_]+|profile\./);
  });

  it("a saved methodology from before v2 is v1; moving to v2 is previewed supplier by supplier, then saved", async () => {
    expect(withDefaults({ bands: { medium: 30, high: 50, critical: 70 } })).toMatchObject({
      model: "v1",
      inherentWeights: { childGoods: 0 },
    });
    const id = await org();
    const v1 = await saveMethodology(
      h().db,
      id.org.id,
      { userId: id.user.userId, email: id.user.email },
      {
        config: METHODOLOGY_V1,
        note: "Stay on v1 for now",
        baseVersion: 0,
      },
      IP,
    );
    expect(v1.ok).toBe(true);
    const sid = await make(id, "Chittagong Knits", { country: "BD", sector: "Knitwear" });
    expect(await stored(h(), sid)).toMatchObject({ band: "low", model: "v1" });

    const preview = await previewMethodology(h().db, id.org.id, METHODOLOGY_V2);
    if (!preview.ok || preview.value.kind !== "done") throw new Error("expected an inline preview");
    expect(preview.value.moved).toBe(1);
    expect(preview.value.changes).toEqual([{ supplierId: sid, name: "Chittagong Knits", before: "low", after: "high" }]);
    expect(await stored(h(), sid)).toMatchObject({ band: "low", model: "v1" }); // a preview writes nothing

    const saved = await saveMethodology(
      h().db,
      id.org.id,
      { userId: id.user.userId, email: id.user.email },
      {
        config: METHODOLOGY_V2,
        note: "Move to risk model v2",
        baseVersion: 1,
      },
      IP,
    );
    expect(saved.ok).toBe(true);
    expect(await stored(h(), sid)).toMatchObject({ band: "high", model: "v2" });
  });

  it("an officer rejects a likely good with a reason, counts it again, or confirms it as a recorded good; each is audited", async () => {
    const id = await org();
    const sid = await make(id, "Gazipur Garments", { country: "BD", sector: "Apparel" });
    const high = (await stored(h(), sid)).score!;

    const rejected = await decideLikelyGood(h().db, id, sid, { kind: "reject", good: "garments", reason: "It only dyes fabric" }, IP);
    expect(rejected).toMatchObject({ ok: true });
    const after = await stored(h(), sid);
    expect(after.b.inherent.goods.likely?.goods).toEqual([expect.objectContaining({ good: "Garments", rejected: true })]);
    expect(after.score!).toBeLessThan(high);

    expect(await decideLikelyGood(h().db, id, sid, { kind: "restore", good: "Garments" }, IP)).toMatchObject({ ok: true });
    expect((await stored(h(), sid)).score).toBe(high);

    expect(await decideLikelyGood(h().db, id, sid, { kind: "confirm", good: "Garments" }, IP)).toMatchObject({ ok: true });
    const goods = await h().db.selectFrom("supplier_goods").select("good").where("supplier_id", "=", sid).execute();
    expect(goods).toEqual([{ good: "Garments" }]);
    const confirmed = await stored(h(), sid);
    expect(confirmed.score!).toBeGreaterThan(high);
    expect(confirmed.b.inherent.goods.driver).toMatchObject({ good: "Garments", kind: "forced_here" });
    expect(confirmed.b.inherent.goods.driver?.likely).toBeUndefined();

    const audit = await h()
      .db.selectFrom("audit_log")
      .select(["action", "diff"])
      .where("org_id", "=", id.org.id)
      .where("action", "like", "supplier.likely_good_%")
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      "supplier.likely_good_rejected",
      "supplier.likely_good_restored",
      "supplier.likely_good_confirmed",
    ]);
    expect(audit[0]!.diff).toContain("It only dyes fabric");

    expect(await decideLikelyGood(h().db, id, sid, { kind: "confirm", good: "Cocoa" }, IP)).toMatchObject({ ok: false, kind: "invalid" });
    const other = await org();
    expect(await decideLikelyGood(h().db, other, sid, { kind: "confirm", good: "Garments" }, IP)).toMatchObject({
      ok: false,
      kind: "not_found",
    });
  });

  it("a document a reviewer accepted turns a declared answer into an evidenced one, until its validity date", async () => {
    const id = await org();
    const sid = await make(id, "Abidjan Cocoa Coop", { country: "CI", goods: ["Cocoa"] });
    const actor = { kind: "officer" as const, id };
    const { created } = await startAssessments(h().db, id, [sid], { dueAt: null, language: "en" }, IP);
    const aid = created[0]!;
    // Evidence questions are answered by uploads, not by a value: saving one is refused and changes nothing.
    for (const [key, value] of Object.entries(BEST))
      await saveAnswer(h().db, actor, aid, key, { value, comment: null, baseRevision: 0 }, IP);
    await uploadEvidence(h().db, actor, aid, "p1.written_policy", { name: "policy.pdf", bytes: PDF }, IP);
    expect(await submitAssessment(h().db, actor, aid, IP)).toMatchObject({ ok: true });
    const approved = await approveAssessment(
      h().db,
      id,
      aid,
      { reason: "Reviewed", acknowledged: ["unresolved_comments", "severe_flags"] },
      IP,
    );
    expect(approved).toMatchObject({ ok: true });

    const p1 = async () => (await stored(h(), sid)).b.controls.principles.find((p) => p.principle === "P1")!;
    const declared = await p1();
    expect(declared.proof).toMatchObject({ declared: 1, evidenced: 0 });
    const before = (await stored(h(), sid)).score!;

    const accept = (validUntil: string | null) =>
      h()
        .db.updateTable("evidence_files")
        .set({
          review_status: "accepted",
          reviewed_by_label: "Rita Reviewer",
          reviewed_at: new Date().toISOString(),
          valid_until: validUntil,
        })
        .where("assessment_id", "=", aid)
        .execute();
    await accept("2000-01-01");
    await scoresChanged(h().db, id.org.id, "evidence reviewed", [sid]);
    expect((await p1()).proof).toMatchObject({ declared: 1, evidenced: 0 }); // expired: it does not count

    await accept(null);
    await scoresChanged(h().db, id.org.id, "evidence reviewed", [sid]);
    const evidenced = await p1();
    expect(evidenced.proof).toMatchObject({ evidenced: expect.any(Number) });
    expect(evidenced.proof!.evidenced).toBeGreaterThan(0);
    expect(evidenced.score).toBeGreaterThan(declared.score);
    const after = await stored(h(), sid);
    expect(after.score!).toBeLessThanOrEqual(before);
    // Cocoa is listed for forced and child labour in Côte d'Ivoire: whatever the answers, the floor holds.
    expect(after.score!).toBeGreaterThanOrEqual(30);
    expect(after.b.floors?.goods).toMatchObject({ good: "Cocoa", value: 30, liftedBy: null });

    // The document's validity ends yesterday: the hourly sweep takes the proof away without any other change.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await accept(yesterday);
    await stalenessSweep(h().db);
    expect((await p1()).proof).toMatchObject({ declared: 1, evidenced: 0 });
  });
});
