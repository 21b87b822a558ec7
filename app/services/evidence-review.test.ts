// Documents behind answers, against a real database (SQLite and PostgreSQL): an upload's kind and
// validity, every control question takes documents, the reviewer accepts or rejects each one with a
// reason, whoever uploaded a document or filled in its answer is refused, an expired document cannot
// be accepted, another tenant's document is not found, every decision is audited, a decision on an
// approved assessment asks for the supplier's recompute, and the accepted documents the risk model reads.
import { beforeAll, expect, it, vi } from "vitest";
import { seedReferenceData } from "~db/seed/reference";
import { describeEachEngine, makeOrg, withTemporaryEvidenceDir } from "~/test/support";
import type { OrgIdentity } from "~/lib/auth.server";

import type { Role } from "~/domain/permissions";
import { ATHENS_V2, allQuestions } from "~/domain/questionnaire";
import { BEST } from "~/domain/questionnaire/test-fixtures";
import { addDays, todayIso } from "~/domain/dates";
import { SupplierSchema } from "~/schemas/supplier";
import { currentInvite } from "~/models/invite.server";
import { listAcceptedEvidence, listEvidence } from "~/models/evidence.server";
import { approveAssessment } from "./assessment-review.server";
import { saveAnswer, submitAssessment } from "./assessment-answers.server";
import type { Actor } from "./assessment-core.server";
import { startAssessments } from "./assessments.server";
import { removeEvidence, uploadEvidence } from "./evidence.server";
import { FILLER_MESSAGE, UPLOADER_MESSAGE, evidenceReviewOf, reviewEvidence } from "./evidence-review.server";
import { sendAssessmentInvite } from "./invites.server";
import { forgetReferenceData } from "./risk.server";
import { createSupplier } from "./suppliers.server";

const recomputes = vi.hoisted(() => [] as Array<{ trigger: string; ids: unknown }>);
vi.mock("./risk.server", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./risk.server")>();
  return {
    ...actual,
    scoresChanged: (...args: Parameters<typeof actual.scoresChanged>) => {
      recomputes.push({ trigger: args[2], ids: args[3] });
      return actual.scoresChanged(...args);
    },
  };
});

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
withTemporaryEvidenceDir("lantern-evidence-review-");

describeEachEngine("evidence review", (h) => {
  let n = 0;
  const REASON = { decision: "accept" as const, reason: "Signed policy, dated this year" };

  async function world() {
    const slug = `evr-${++n}-${Math.random().toString(36).slice(2, 6)}`;
    const people: Array<[string, Role]> = [
      [`one@${slug}.test`, "compliance"],
      [`two@${slug}.test`, "compliance"],
      [`admin@${slug}.test`, "admin"],
    ];
    const { orgId, users } = await makeOrg(h(), slug, people);
    const ident = (email: string, role: Role): OrgIdentity => ({
      user: { sessionId: "s", userId: users[email]!, email, name: `Name ${email.split("@")[0]!}` },
      org: { id: orgId, slug, name: slug.toUpperCase() },
      role,
    });
    const one = ident(`one@${slug}.test`, "compliance");
    const two = ident(`two@${slug}.test`, "compliance");
    const admin = ident(`admin@${slug}.test`, "admin");
    const s = await createSupplier(h().db, admin, SupplierSchema.parse({ name: `Mill ${slug}`, country: "DK" }), "ip");
    if (!s.ok) throw new Error(s.message);
    const { created } = await startAssessments(h().db, one, [s.value.id], { dueAt: null, language: "en" }, "ip");
    const assessmentId = created[0]!;
    await sendAssessmentInvite(h().db, one, assessmentId, { email: `hr-${slug}@supplier.test`, language: "en" }, "ip");
    const invite = (await currentInvite(h().db, orgId, assessmentId))!;
    const supplier: Actor = {
      kind: "supplier",
      s: { sessionId: "x", assessmentId, orgId, inviteId: invite.id, email: invite.email, language: "en" },
    };
    return { orgId, one, two, admin, supplier, assessmentId, supplierId: s.value.id };
  }
  type World = Awaited<ReturnType<typeof world>>;

  async function upload(w: World, actor: Actor, questionKey = "p1.written_policy", meta = {}, now = new Date()): Promise<number> {
    const r = await uploadEvidence(h().db, actor, w.assessmentId, questionKey, { name: "policy.pdf", bytes: PDF }, "ip", meta, now);
    if (!r.ok) throw new Error(r.message);
    return r.value.fileId;
  }
  const fileRow = (id: number) => h().db.selectFrom("evidence_files").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const audits = (w: World, action: string) =>
    h()
      .db.selectFrom("audit_log")
      .select(["action", "actor_label", "diff"])
      .where("org_id", "=", w.orgId)
      .where("action", "=", action)
      .orderBy("id")
      .execute();

  beforeAll(async () => {
    await seedReferenceData(h().db);
    forgetReferenceData();
  });

  it("stores the kind and validity an uploader gives, else the kind the question asks for; refuses a date in the past", async () => {
    const w = await world();
    const until = addDays(todayIso(), 90);
    const given = await upload(w, w.supplier, "p1.written_policy", { kind: "audit_report", validUntil: until });
    expect(await fileRow(given)).toMatchObject({ kind: "audit_report", valid_until: until, review_status: "pending" });
    const defaulted = await upload(w, w.supplier);
    expect(await fileRow(defaulted)).toMatchObject({ kind: "policy_document", valid_until: null });
    const past = await uploadEvidence(h().db, w.supplier, w.assessmentId, "p1.written_policy", { name: "old.pdf", bytes: PDF }, "ip", {
      validUntil: addDays(todayIso(), -1),
    });
    expect(past).toMatchObject({ ok: false, kind: "invalid", messageKey: "ui.evidence.valid_until_past" });
    const badKind = await uploadEvidence(h().db, w.supplier, w.assessmentId, "p1.written_policy", { name: "x.pdf", bytes: PDF }, "ip", {
      kind: "selfie" as never,
    });
    expect(badKind).toMatchObject({ ok: false, kind: "invalid", messageKey: "ui.evidence.kind_invalid" });
    const audit = await audits(w, "evidence.uploaded");
    expect(JSON.parse(audit[0]!.diff!)).toMatchObject({ fileId: given, kind: "audit_report", validUntil: until });
  });

  it("lets every scored control question carry a document, not the workforce profile", async () => {
    const w = await world();
    const control = allQuestions(ATHENS_V2).find((e) => e.section.principle && e.question.weight > 0 && !e.question.evidence)!;
    const id = await upload(w, w.supplier, control.question.key);
    expect(await fileRow(id)).toMatchObject({ question_key: control.question.key, kind: "other" });
    const profile = await uploadEvidence(h().db, w.supplier, w.assessmentId, "profile.workers", { name: "p.pdf", bytes: PDF }, "ip");
    expect(profile).toMatchObject({ ok: false, kind: "not_found" });
  });

  it("accepts and rejects with a reason, signed and audited; the supplier's new upload after a rejection is pending", async () => {
    const w = await world();
    const fileId = await upload(w, w.supplier);
    expect(await reviewEvidence(h().db, w.one, w.assessmentId, fileId, REASON, "ip")).toEqual({ ok: true, value: { status: "accepted" } });
    expect(await fileRow(fileId)).toMatchObject({
      review_status: "accepted",
      reviewed_by_user_id: w.one.user.userId,
      reviewed_by_label: w.one.user.name,
      review_reason: REASON.reason,
    });
    const rejected = await reviewEvidence(h().db, w.two, w.assessmentId, fileId, { decision: "reject", reason: "  Not signed  " }, "ip");
    expect(rejected).toEqual({ ok: true, value: { status: "rejected" } });
    expect(await fileRow(fileId)).toMatchObject({
      review_status: "rejected",
      reviewed_by_label: w.two.user.name,
      review_reason: "Not signed",
    });
    const accepted = await audits(w, "evidence.accepted");
    expect(accepted).toHaveLength(1);
    expect(accepted[0]!.actor_label).toBe(w.one.user.email);
    expect(JSON.parse(accepted[0]!.diff!)).toMatchObject({
      fileId,
      questionKey: "p1.written_policy",
      reason: REASON.reason,
      previous: "pending",
    });
    const rejectedAudit = await audits(w, "evidence.rejected");
    expect(JSON.parse(rejectedAudit[0]!.diff!)).toMatchObject({ fileId, reason: "Not signed", previous: "accepted" });
    const again = await upload(w, w.supplier);
    expect(await fileRow(again)).toMatchObject({ review_status: "pending", reviewed_by_user_id: null, review_reason: null });
    const view = await evidenceReviewOf(h().db, w.one, w.assessmentId);
    expect(view.map((f) => [f.id, f.status, f.notYours])).toEqual([
      [fileId, "rejected", null],
      [again, "pending", null],
    ]);
  });

  it("requires a reason of 3 to 1000 characters", async () => {
    const w = await world();
    const fileId = await upload(w, w.supplier);
    for (const reason of ["", "  ok ", "x".repeat(1001)]) {
      expect(await reviewEvidence(h().db, w.one, w.assessmentId, fileId, { decision: "accept", reason }, "ip")).toMatchObject({
        ok: false,
        kind: "invalid",
        field: "reason",
      });
    }
    expect((await fileRow(fileId)).review_status).toBe("pending");
    expect(await audits(w, "evidence.accepted")).toEqual([]);
  });

  it("refuses whoever uploaded the document", async () => {
    const w = await world();
    const fileId = await upload(w, { kind: "officer", id: w.one });
    for (const decision of ["accept", "reject"] as const) {
      expect(await reviewEvidence(h().db, w.one, w.assessmentId, fileId, { decision, reason: "My own upload" }, "ip")).toEqual({
        ok: false,
        kind: "forbidden",
        message: UPLOADER_MESSAGE,
      });
    }
    expect((await evidenceReviewOf(h().db, w.one, w.assessmentId))[0]!.notYours).toBe(UPLOADER_MESSAGE);
    // Under another e-mail address the audit log still names the uploader by user id.
    const renamed = { ...w.one, user: { ...w.one.user, email: `renamed-${w.one.user.email}` } };
    expect(await reviewEvidence(h().db, renamed, w.assessmentId, fileId, REASON, "ip")).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await reviewEvidence(h().db, w.two, w.assessmentId, fileId, REASON, "ip")).toMatchObject({ ok: true });
  });

  it("refuses whoever filled in that question's answer for the supplier, not a filler of another question", async () => {
    const w = await world();
    const officer: Actor = { kind: "officer", id: w.one };
    const saved = await saveAnswer(
      h().db,
      officer,
      w.assessmentId,
      "p1.written_policy",
      { value: BEST["p1.written_policy"]!, comment: null, baseRevision: 0 },
      "ip",
    );
    expect(saved).toMatchObject({ ok: true });
    await saveAnswer(
      h().db,
      { kind: "officer", id: w.two },
      w.assessmentId,
      "p2.awareness_activities",
      { value: "yes", comment: null, baseRevision: 0 },
      "ip",
    );
    const policy = await upload(w, w.supplier);
    const awareness = await upload(w, w.supplier, "p2.awareness_activities");
    expect(await reviewEvidence(h().db, w.one, w.assessmentId, policy, REASON, "ip")).toEqual({
      ok: false,
      kind: "forbidden",
      message: FILLER_MESSAGE,
    });
    // The audit entry of the save counts too, whatever the e-mail address is now.
    const renamed = { ...w.one, user: { ...w.one.user, email: `renamed-${w.one.user.email}` } };
    expect(await reviewEvidence(h().db, renamed, w.assessmentId, policy, REASON, "ip")).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await reviewEvidence(h().db, w.one, w.assessmentId, awareness, REASON, "ip")).toMatchObject({ ok: true });
    expect(await reviewEvidence(h().db, w.two, w.assessmentId, policy, REASON, "ip")).toMatchObject({ ok: true });
    expect(await reviewEvidence(h().db, w.two, w.assessmentId, awareness, REASON, "ip")).toMatchObject({ ok: false, kind: "forbidden" });
  });

  it("cannot accept an expired document, but can reject it", async () => {
    const w = await world();
    const uploadedOn = new Date("2026-01-15T09:00:00Z");
    const fileId = await upload(w, w.supplier, "p1.written_policy", { validUntil: "2026-01-31" }, uploadedOn);
    const later = new Date("2026-02-01T09:00:00Z");
    const refused = await reviewEvidence(h().db, w.one, w.assessmentId, fileId, REASON, "ip", later);
    expect(refused).toMatchObject({ ok: false, kind: "invalid" });
    expect(refused.ok ? "" : refused.message).toContain("expired");
    expect(
      await reviewEvidence(h().db, w.one, w.assessmentId, fileId, { decision: "reject", reason: "Expired" }, "ip", later),
    ).toMatchObject({
      ok: true,
    });
    const onTheDay = await upload(w, w.supplier, "p1.written_policy", { validUntil: "2026-02-01" }, uploadedOn);
    expect(await reviewEvidence(h().db, w.one, w.assessmentId, onTheDay, REASON, "ip", later)).toMatchObject({ ok: true });
  });

  it("does not find another tenant's document, another assessment's or a removed one", async () => {
    const w = await world();
    const other = await world();
    const fileId = await upload(w, w.supplier);
    expect(await reviewEvidence(h().db, other.one, w.assessmentId, fileId, REASON, "ip")).toMatchObject({ ok: false, kind: "not_found" });
    expect(await reviewEvidence(h().db, other.one, other.assessmentId, fileId, REASON, "ip")).toMatchObject({
      ok: false,
      kind: "not_found",
    });
    expect((await fileRow(fileId)).review_status).toBe("pending");
    const otherFile = await upload(other, other.supplier);
    expect(await reviewEvidence(h().db, w.one, w.assessmentId, otherFile, REASON, "ip")).toMatchObject({ ok: false, kind: "not_found" });
    expect(await removeEvidence(h().db, w.supplier, w.assessmentId, fileId, "ip")).toEqual({ ok: true });
    expect(await reviewEvidence(h().db, w.one, w.assessmentId, fileId, REASON, "ip")).toMatchObject({ ok: false, kind: "not_found" });
    expect(await audits(w, "evidence.accepted")).toEqual([]);
  });

  it("asks for the supplier's recompute after a decision on an approved assessment, not before approval", async () => {
    const w = await world();
    for (const { question } of allQuestions(ATHENS_V2)) {
      const value = BEST[question.key];
      if (question.type === "evidence" || value === undefined) continue;
      await saveAnswer(h().db, w.supplier, w.assessmentId, question.key, { value, comment: null, baseRevision: 0 }, null);
    }
    const fileId = await upload(w, w.supplier);
    recomputes.length = 0;
    expect(await reviewEvidence(h().db, w.one, w.assessmentId, fileId, { decision: "reject", reason: "Unsigned" }, "ip")).toMatchObject({
      ok: true,
    });
    expect(recomputes.filter((r) => r.trigger.startsWith("evidence"))).toEqual([]);
    expect(await submitAssessment(h().db, w.supplier, w.assessmentId, null)).toEqual({ ok: true });
    expect(await approveAssessment(h().db, w.one, w.assessmentId, { reason: "All checked", acknowledged: [] }, "ip")).toMatchObject({
      ok: true,
    });
    expect(await reviewEvidence(h().db, w.two, w.assessmentId, fileId, REASON, "ip")).toMatchObject({ ok: true });
    expect(recomputes.filter((r) => r.trigger.startsWith("evidence"))).toEqual([
      { trigger: `evidence #${fileId} accepted`, ids: [w.supplierId] },
    ]);
  });

  it("lists the accepted, live documents of the tenant's assessments for the risk model, in chunks", async () => {
    const w = await world();
    const other = await world();
    const until = addDays(todayIso(), 30);
    const accepted = await upload(w, w.supplier, "p1.written_policy", { validUntil: until });
    const control = await upload(w, w.supplier, "p2.awareness_activities");
    const rejected = await upload(w, w.supplier);
    const removed = await upload(w, w.supplier);
    await upload(w, w.supplier); // pending
    const foreign = await upload(other, other.supplier);
    for (const id of [accepted, control, removed]) await reviewEvidence(h().db, w.one, w.assessmentId, id, REASON, "ip");
    await reviewEvidence(h().db, w.one, w.assessmentId, rejected, { decision: "reject", reason: "Unsigned" }, "ip");
    await reviewEvidence(h().db, other.one, other.assessmentId, foreign, REASON, "ip");
    await removeEvidence(h().db, w.supplier, w.assessmentId, removed, "ip");
    // More ids than one statement may bind on SQLite: the list goes in chunks.
    const many = [...Array.from({ length: 2500 }, (_, i) => 1_000_000 + i), w.assessmentId, other.assessmentId];
    expect(await listAcceptedEvidence(h().db, w.orgId, many)).toEqual([
      { assessmentId: w.assessmentId, questionKey: "p1.written_policy", validUntil: until },
      { assessmentId: w.assessmentId, questionKey: "p2.awareness_activities", validUntil: null },
    ]);
    expect(await listAcceptedEvidence(h().db, w.orgId, [])).toEqual([]);
    expect(await listAcceptedEvidence(h().db, other.orgId, [w.assessmentId])).toEqual([]);
    expect((await listEvidence(h().db, w.orgId, w.assessmentId)).map((f) => f.review_status)).toEqual([
      "accepted",
      "accepted",
      "rejected",
      "pending",
    ]);
  });
});
