import { beforeAll, expect, it } from "vitest";
import { describeEachEngine, makeOrg } from "~/test/support";
import { setFourEyes } from "~/models/decision.server";
import type { OrgIdentity } from "~/lib/auth.server";
import type { Db } from "~db/client";
import { SupplierSchema } from "~/schemas/supplier";
import { addLink, createSupplier, removeLink, updateSupplier } from "./suppliers.server";
import { approveAssessment } from "./assessment-review.server";
import { saveAnswer, submitAssessment } from "./assessment-answers.server";
import { startAssessments } from "./assessments.server";
import type { Actor } from "./assessment-core.server";
import { INLINE_LIMIT, currentMethodology, recompute, referenceDataLoaded, runRiskJobs, scoresChanged } from "./risk.server";
import { previewMethodology, previewStatus, saveMethodology } from "./risk-methodology.server";
import { supplierRiskView } from "./risk-view.server";
import { DEFAULT_METHODOLOGY, type Breakdown } from "~/domain/risk";
import { BEST } from "~/domain/questionnaire/test-fixtures";
import { setMeta } from "~/models/risk.server";
import { uploadEvidence } from "./evidence.server";
import { seedReferenceData } from "~db/seed/reference";
import { forgetReferenceData } from "./risk.server";

const POLICY_PDF = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
const input = (name: string, extra: Record<string, unknown> = {}) => SupplierSchema.parse({ name, country: "DK", ...extra });

describeEachEngine("risk service", (h) => {
  let ident: OrgIdentity;
  beforeAll(async () => {
    await seedReferenceData(h().db);
    forgetReferenceData();
  });
  async function org(db: Db) {
    if (ident) return ident;
    const { orgId, users } = await makeOrg(db, "risk", [["o@risk.test", "admin"]]);
    // One officer fills in and approves: these tests are about scores (four eyes: assessment-decisions.test.ts).
    await setFourEyes(db.db, orgId, false);
    ident = {
      user: { sessionId: "x", userId: users["o@risk.test"]!, email: "o@risk.test", name: "O" },
      org: { id: orgId, slug: "risk", name: "RISK" },
      role: "admin",
    };
    return ident;
  }
  async function make(name: string, extra: Record<string, unknown> = {}) {
    const r = await createSupplier(h().db, await org(h()), input(name, extra), "192.0.2.1");
    if (!r.ok) throw new Error(r.message);
    return r.value.id;
  }
  const supplierRow = (id: number) =>
    h().db.selectFrom("suppliers").select(["risk_score", "risk_band", "risk_digest"]).where("id", "=", id).executeTakeFirstOrThrow();
  const rows = async (id: number) =>
    (
      await h().db.selectFrom("risk_scores").select(["score", "trigger", "breakdown"]).where("supplier_id", "=", id).orderBy("id").execute()
    ).map((r) => ({ ...r, breakdown: JSON.parse(r.breakdown) as Breakdown }));

  async function approvedWith(supplierId: number, answers: Record<string, unknown>) {
    const actor: Actor = { kind: "officer", id: ident };
    const { created } = await startAssessments(h().db, ident, [supplierId], { dueAt: null, language: "en" }, "ip");
    const aid = created[0]!;
    for (const [key, value] of Object.entries(answers))
      await saveAnswer(h().db, actor, aid, key, { value, comment: null, baseRevision: 0 }, "ip");
    await uploadEvidence(h().db, actor, aid, "p1.written_policy", { name: "policy.pdf", bytes: POLICY_PDF }, "ip");
    const sub = await submitAssessment(h().db, actor, aid, "ip");
    expect(sub).toHaveProperty("ok", true);
    expect(
      await approveAssessment(h().db, ident, aid, { reason: "Reviewed", acknowledged: ["unresolved_comments", "severe_flags"] }, "ip"),
    ).toHaveProperty("ok", true);
    return aid;
  }

  it("scores a new supplier at once, from its country and goods, and explains it", async () => {
    const id = await make("Kuala Gloves", { country: "MY", goods: ["Rubber Gloves"] });
    const s = await supplierRow(id);
    expect(s.risk_score).toBeGreaterThan(30);
    expect(s.risk_band).not.toBeNull();
    const [row] = await rows(id);
    expect(row!.trigger).toBe("supplier created");
    expect(row!.breakdown.inherent.country.iso2).toBe("MY");
    expect(row!.breakdown.controls.assessment).toBeNull();
    const view = await supplierRiskView(h().db, ident.org.id, id, { caseNumbers: true });
    expect(view.score?.value).toBe(s.risk_score);
    expect(view.score?.lines.some((l) => l.startsWith("Country: Malaysia"))).toBe(true);
  });

  it("adds a row only when the result changes, and keeps the history", async () => {
    const id = await make("Steady Mill", { country: "DK", externalRef: "SM-1" });
    await recompute(h().db, ident.org.id, [id], { trigger: "again" });
    expect(await rows(id)).toHaveLength(1);
    // A name change does not feed the score: no recompute, no row.
    await updateSupplier(h().db, ident, id, 1, input("Steady Mill Ltd", { country: "DK", externalRef: "SM-1" }), "ip");
    expect(await rows(id)).toHaveLength(1);
    // A country change does.
    const before = (await supplierRow(id)).risk_score!;
    await updateSupplier(h().db, ident, id, 2, input("Steady Mill Ltd", { country: "KP", externalRef: "SM-1" }), "ip");
    const after = await rows(id);
    expect(after).toHaveLength(2);
    expect(after[1]!.trigger).toBe("supplier updated");
    expect((await supplierRow(id)).risk_score!).toBeGreaterThan(before);
  });

  it("carries risk to buyers through links, and takes it away when the link goes", async () => {
    const buyer = await make("Brand Factory", { country: "DK" });
    const mill = await make("Risky Mill", { country: "KP" });
    const low = (await supplierRow(buyer)).risk_score!;
    await addLink(h().db, ident, mill, buyer, "ip");
    const millScore = (await supplierRow(mill)).risk_score!;
    const exposed = (await supplierRow(buyer)).risk_score!;
    expect(exposed).toBeCloseTo(Math.round(0.85 * millScore * 10) / 10, 1);
    expect(exposed).toBeGreaterThan(low);
    const [, last] = await rows(buyer);
    expect(last!.breakdown.exposure.via[0]).toMatchObject({ supplierId: mill, name: "Risky Mill", country: "KP" });
    await removeLink(h().db, ident, mill, buyer, "ip");
    expect((await supplierRow(buyer)).risk_score).toBe(low);
  });

  it("lowers the score when a good assessment is approved, and floors it on a red flag", async () => {
    const good = await make("Good Practice Co", { country: "MY", contactEmail: "g@example.com" });
    const before = (await supplierRow(good)).risk_score!;
    await approvedWith(good, BEST);
    const after = (await supplierRow(good)).risk_score!;
    expect(after).toBeLessThan(before);

    const flagged = await make("Passport Keeper", { country: "DK" });
    await approvedWith(flagged, { ...BEST, "p1.documents_holder": "employer_keeps" });
    const s = await supplierRow(flagged);
    expect(s.risk_score).toBeGreaterThanOrEqual(80);
    expect(s.risk_band).toBe("critical");
    const view = await supplierRiskView(h().db, ident.org.id, flagged, { caseNumbers: true });
    expect(view.score?.flags[0]).toMatchObject({ indicator: "retention_of_documents", severity: "severe" });
    expect(view.score?.flags[0]?.answer).not.toBe("");
  });

  it("previews a methodology without writing, then saves it as a new version and recomputes", async () => {
    const dk = await make("Danish Dairy", { country: "DK" });
    const n = Number(
      (
        await h()
          .db.selectFrom("suppliers")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("org_id", "=", ident.org.id)
          .executeTakeFirstOrThrow()
      ).n,
    );
    const scoreRows = async () =>
      Number(
        (
          await h()
            .db.selectFrom("risk_scores")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const rowsBefore = await scoreRows();
    const config = { ...DEFAULT_METHODOLOGY, countryOverrides: { DK: { score: 95, reason: "Audit found agency abuse in 2026" } } };
    const preview = await previewMethodology(h().db, ident.org.id, config);
    expect(preview).toMatchObject({ ok: true, value: { kind: "done" } });
    if (preview.ok && preview.value.kind === "done") {
      const total = Object.values(preview.value.moves).reduce((s, row) => s + Object.values(row).reduce((a, b) => a + b, 0), 0);
      expect(total).toBe(n);
      expect(preview.value.moved).toBeGreaterThan(0);
    }
    expect(await scoreRows()).toBe(rowsBefore);
    expect((await currentMethodology(h().db, ident.org.id)).version).toBe(0);

    const bad = await saveMethodology(
      h().db,
      ident.org.id,
      { userId: ident.user.userId, email: ident.user.email },
      { config: { ...config, bands: { medium: 50, high: 40, critical: 70 } }, note: "x", baseVersion: 0 },
      "ip",
    );
    expect(bad).toMatchObject({ ok: false, kind: "invalid" });

    const saved = await saveMethodology(
      h().db,
      ident.org.id,
      { userId: ident.user.userId, email: ident.user.email },
      { config, note: "Agency audit", baseVersion: 0 },
      "ip",
    );
    expect(saved).toMatchObject({ ok: true, value: { version: 1 } });
    // A form filled from version 0 no longer saves: version 1 was saved since.
    const stale = await saveMethodology(
      h().db,
      ident.org.id,
      { userId: ident.user.userId, email: ident.user.email },
      { config, note: "From an old form", baseVersion: 0 },
      "ip",
    );
    expect(stale).toMatchObject({ ok: false, kind: "conflict", detail: { newer: { version: 1, note: "Agency audit" } } });
    expect((await currentMethodology(h().db, ident.org.id)).version).toBe(1);
    expect((await currentMethodology(h().db, ident.org.id)).config.countryOverrides.DK?.score).toBe(95);
    const last = (await rows(dk)).at(-1)!;
    expect(last.trigger).toBe("methodology v1");
    expect(last.breakdown.inherent.country.override?.reason).toBe("Audit found agency abuse in 2026");
    const audit = await h()
      .db.selectFrom("audit_log")
      .select("action")
      .where("org_id", "=", ident.org.id)
      .where("action", "=", "methodology.changed")
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("queues large recomputations as a job with progress, and runs them", async () => {
    const { orgId } = await makeOrg(h(), "bigrisk", []);
    const values = Array.from({ length: INLINE_LIMIT + 5 }, (_, i) => ({
      org_id: orgId,
      name: `S${i}`,
      name_norm: `s${i}`,
      country: i % 2 ? "BD" : "DK",
      status: "active" as const,
      tier: 1,
      created_at: "2026-01-01T00:00:00.000Z",
      updated_at: "2026-01-01T00:00:00.000Z",
    }));
    for (let i = 0; i < values.length; i += 500)
      await h()
        .db.insertInto("suppliers")
        .values(values.slice(i, i + 500))
        .execute();
    const outcome = await scoresChanged(h().db, orgId, "test", "all");
    expect(outcome).toHaveProperty("queued");
    // A second request while one is queued joins it.
    expect(await scoresChanged(h().db, orgId, "test again", "all")).toEqual(outcome);
    expect(await runRiskJobs(h().db)).toBe(1);
    const job = await h().db.selectFrom("risk_jobs").selectAll().where("org_id", "=", orgId).executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: "done", progress_done: INLINE_LIMIT + 5, progress_total: INLINE_LIMIT + 5 });
    const unscored = await h()
      .db.selectFrom("suppliers")
      .select("id")
      .where("org_id", "=", orgId)
      .where("risk_score", "is", null)
      .execute();
    expect(unscored).toHaveLength(0);
    const snap = await h().db.selectFrom("risk_snapshots").selectAll().where("org_id", "=", orgId).executeTakeFirstOrThrow();
    expect(snap.suppliers).toBe(INLINE_LIMIT + 5);
    expect(snap.low + snap.medium + snap.high + snap.critical).toBe(INLINE_LIMIT + 5);

    // A preview of a large tenant is a background dry run too: it answers with a job to poll.
    const rowsBefore = Number(
      (
        await h()
          .db.selectFrom("risk_scores")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("org_id", "=", orgId)
          .executeTakeFirstOrThrow()
      ).n,
    );
    const queued = await previewMethodology(h().db, orgId, {
      ...DEFAULT_METHODOLOGY,
      countryOverrides: { DK: { score: 99, reason: "test" } },
    });
    if (!queued.ok || queued.value.kind !== "queued") throw new Error("expected a queued preview");
    const jobId = queued.value.jobId;
    expect(await previewStatus(h().db, orgId, jobId)).toMatchObject({ state: "pending" });
    expect(await previewStatus(h().db, ident.org.id, jobId)).toBeNull(); // another tenant's job is not found
    expect(await runRiskJobs(h().db)).toBe(1);
    const done = await previewStatus(h().db, orgId, jobId);
    expect(done).toMatchObject({ state: "done", preview: { computed: INLINE_LIMIT + 5 } });
    if (done?.state === "done") expect(done.preview.moved).toBeGreaterThan(0);
    const rowsAfter = Number(
      (
        await h()
          .db.selectFrom("risk_scores")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("org_id", "=", orgId)
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(rowsAfter).toBe(rowsBefore);
  });

  it("queues every tenant when the reference data edition changes", async () => {
    await org(h());
    await referenceDataLoaded(h().db);
    expect(await h().db.selectFrom("risk_jobs").select("id").where("trigger", "=", "reference-data").execute()).toHaveLength(0);
    await setMeta(h().db, "reference_edition", "TIP 1999");
    const r = await referenceDataLoaded(h().db);
    expect(r.queued).toBeGreaterThan(0);
    expect((await h().db.selectFrom("risk_jobs").select("id").where("trigger", "=", "reference-data").execute()).length).toBe(r.queued);
  });
});
