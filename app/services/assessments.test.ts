// The questionnaire workflow against a real database: start, answer, evidence, submit, review,
// request changes, approve; reminders.
import { beforeAll, expect, it } from "vitest";
import { describeEachEngine, makeOrg, withTemporaryEvidenceDir } from "~/test/support";
import { setFourEyes } from "~/models/decision.server";
import type { OrgIdentity } from "~/lib/auth.server";

import { SupplierSchema } from "~/schemas/supplier";
import { insertSupplier } from "~/models/supplier.server";
import { getAssessment } from "~/models/assessment.server";
import { ATHENS_V2, allQuestions } from "~/domain/questionnaire";
import { BEST } from "~/domain/questionnaire/test-fixtures";
import { addReviewComment, approveAssessment, requestChanges } from "./assessment-review.server";
import { assessmentView, historyOf, startAssessments } from "./assessments.server";
import { saveAnswer, submitAssessment } from "./assessment-answers.server";
import type { Actor } from "./assessment-core.server";
import { getSupplierIdentity } from "~/lib/supplier-session.server";
import { openSupplierSession, sendAssessmentInvite } from "./invites.server";
import { downloadEvidence, uploadEvidence } from "./evidence.server";
import { reminderKind, sendDueReminders } from "./reminders.server";

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
withTemporaryEvidenceDir("lantern-evidence-");

describeEachEngine("assessment workflow", (h) => {
  let ident: OrgIdentity;
  let officer: Actor;
  let supplierId = 0;

  beforeAll(async () => {
    const { orgId, users } = await makeOrg(h(), "wf", [["o@wf.test", "compliance"]]);
    // One officer fills in and approves here (four eyes has its own tests: assessment-decisions.test.ts).
    await setFourEyes(h().db, orgId, false);
    ident = {
      user: { sessionId: "s", userId: users["o@wf.test"]!, email: "o@wf.test", name: "O" },
      org: { id: orgId, slug: "wf", name: "WF" },
      role: "compliance",
    };
    officer = { kind: "officer", id: ident };
    supplierId = await insertSupplier(h().db, orgId, SupplierSchema.parse({ name: "Weaving Co", country: "VN" }));
  });

  async function answerAll(actor: Actor, assessmentId: number) {
    const view = (await assessmentView(h().db, actor, assessmentId))!;
    const rev = new Map(view.answers.map((a) => [a.questionKey, a.revision]));
    for (const { question } of allQuestions(ATHENS_V2)) {
      if (question.type === "evidence" || BEST[question.key] === undefined) continue;
      const r = await saveAnswer(
        h().db,
        actor,
        assessmentId,
        question.key,
        { value: BEST[question.key], comment: null, baseRevision: rev.get(question.key) ?? 0 },
        null,
      );
      expect(r, question.key).toHaveProperty("value.revision");
    }
  }

  it("starts one assessment per supplier and skips suppliers that already have an open one", async () => {
    const first = await startAssessments(h().db, ident, [supplierId], { dueAt: "2027-03-31", language: "es" }, "ip");
    expect(first.created).toHaveLength(1);
    const again = await startAssessments(h().db, ident, [supplierId, 999999], { dueAt: null, language: "en" }, "ip");
    expect(again).toEqual({
      created: [],
      skipped: [
        { supplierId, reason: "already has an open assessment" },
        { supplierId: 999999, reason: "not found" },
      ],
    });
    const a = await getAssessment(h().db, ident.org.id, first.created[0]!);
    expect(a).toMatchObject({ status: "draft", language: "es", dueAt: "2027-03-31" });
  });

  it("starts new assessments on the newest version; one started on v1 keeps v1 and its answers", async () => {
    const [older, newer] = await Promise.all(
      ["Old Mill", "New Mill"].map((name) => insertSupplier(h().db, ident.org.id, SupplierSchema.parse({ name, country: "VN" }))),
    );
    const v1 = (await startAssessments(h().db, ident, [older!], { dueAt: null, language: "en", templateVersion: 1 }, "ip")).created[0]!;
    const save = (id: number, key: string, value: unknown) =>
      saveAnswer(h().db, officer, id, key, { value: value as never, comment: null, baseRevision: 0 }, null);
    // v1 asks the busiest week; v2 does not know it.
    expect(await save(v1, "p5.weekly_hours", 64)).toEqual({ ok: true, value: { revision: 1 } });
    expect(await save(v1, "p5.normal_weekly_hours", 40)).toMatchObject({ ok: false });

    // A version published later does not move it: new assessments start on v2, the open v1 one stays.
    const v2 = (await startAssessments(h().db, ident, [newer!], { dueAt: null, language: "en" }, "ip")).created[0]!;
    expect((await assessmentView(h().db, officer, v2))!.template.version).toBe(ATHENS_V2.version);
    expect(await save(v2, "p5.normal_weekly_hours", 40)).toEqual({ ok: true, value: { revision: 1 } });
    expect(await save(v2, "p5.weekly_hours", 64)).toMatchObject({ ok: false });
    const kept = (await assessmentView(h().db, officer, v1))!;
    expect(kept.template.version).toBe(1);
    expect(kept.answers.find((a) => a.questionKey === "p5.weekly_hours")).toMatchObject({ value: 64, revision: 1 });
    // v1's rule still reads v1's answer: one peak week above 60 hours is its overtime flag.
    expect(kept.redFlags.map((f) => [f.questionKey, f.indicator])).toEqual([["p5.weekly_hours", "excessive_overtime"]]);
    const audit = await h()
      .db.selectFrom("audit_log")
      .select(["entity_id", "diff"])
      .where("action", "=", "assessment.started")
      .where("entity_id", "in", [String(v1), String(v2)])
      .orderBy("entity_id")
      .execute();
    expect(audit.map((a) => JSON.parse(a.diff!).template)).toEqual(["athens-fl@1", "athens-fl@2"]);
  });

  it("validates answers by type and range, refuses stale saves, and keeps the history", async () => {
    const [id] = (await h().db.selectFrom("assessments").select("id").where("org_id", "=", ident.org.id).execute()).map((r) => r.id);
    const bad = await saveAnswer(h().db, officer, id!, "profile.migrant_share", { value: 150, comment: null, baseRevision: 0 }, null);
    expect(bad).toMatchObject({ ok: false, kind: "invalid" });
    expect(
      await saveAnswer(h().db, officer, id!, "no.such.question", { value: "yes", comment: null, baseRevision: 0 }, null),
    ).toMatchObject({ ok: false, kind: "not_found" });
    expect(await saveAnswer(h().db, officer, id!, "profile.migrant_share", { value: 20, comment: null, baseRevision: 0 }, null)).toEqual({
      ok: true,
      value: { revision: 1 },
    });
    expect(
      await saveAnswer(h().db, officer, id!, "profile.migrant_share", { value: 25, comment: "payroll of May", baseRevision: 1 }, null),
    ).toEqual({ ok: true, value: { revision: 2 } });
    const stale = await saveAnswer(h().db, officer, id!, "profile.migrant_share", { value: 40, comment: null, baseRevision: 1 }, null);
    expect(stale).toMatchObject({ ok: false, kind: "conflict", detail: { value: 25, revision: 2 } });
    const hist = await historyOf(h().db, officer, id!, "profile.migrant_share");
    expect(hist?.map((x) => x.value)).toEqual([25, 20]);
  });

  it("runs the whole review: submit needs every required answer and document; changes requested; approved for 12 months", async () => {
    const [id] = (await h().db.selectFrom("assessments").select("id").where("org_id", "=", ident.org.id).execute()).map((r) => r.id);
    const assessmentId = id!;
    await sendAssessmentInvite(h().db, ident, assessmentId, { email: "hr@weaving.test", language: "es" }, "ip");
    const mail = await h()
      .db.selectFrom("mail_outbox")
      .select("body_text")
      .where("to_address", "=", "hr@weaving.test")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    const token = /\/s\/([A-Za-z0-9_-]{43})/.exec(mail.body_text)![1]!;
    const opened = await openSupplierSession(h().db, token);
    if (!("cookie" in opened)) throw new Error("link not open");
    const s = (await getSupplierIdentity(h().db, new Request("http://x/s/portal", { headers: { Cookie: opened.cookie.split(";")[0]! } })))!;
    const supplier: Actor = { kind: "supplier", s };

    const early = await submitAssessment(h().db, supplier, assessmentId, null);
    expect(early).toMatchObject({ ok: false, kind: "invalid" });
    await answerAll(supplier, assessmentId);
    const noDoc = await submitAssessment(h().db, supplier, assessmentId, null);
    expect(noDoc).toMatchObject({ ok: false, kind: "invalid", detail: [{ questionKey: "p1.written_policy", reason: "evidence" }] });

    expect(
      await uploadEvidence(
        h().db,
        supplier,
        assessmentId,
        "p1.written_policy",
        { name: "<b>policy</b>.exe", bytes: new TextEncoder().encode("<html>not a pdf</html>") },
        null,
      ),
    ).toMatchObject({ ok: false, kind: "unsupported_type" });
    expect(
      await uploadEvidence(
        h().db,
        supplier,
        assessmentId,
        "p1.written_policy",
        { name: "big.pdf", bytes: new Uint8Array(10 * 1024 * 1024 + 1) },
        null,
      ),
    ).toMatchObject({ ok: false, kind: "too_large" });
    const up = await uploadEvidence(h().db, supplier, assessmentId, "p1.written_policy", { name: "../../política.pdf", bytes: PDF }, null);
    expect(up).toMatchObject({ ok: true, value: { filename: "política.pdf" } });
    if (!up.ok) throw new Error("upload failed");
    const dl = await downloadEvidence(h().db, officer, assessmentId, up.value.fileId);
    expect(dl?.headers["Content-Disposition"]).toMatch(/^attachment; /);
    expect(dl?.headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(dl?.headers["Content-Type"]).toBe("application/pdf");
    expect(Buffer.compare(dl!.body, Buffer.from(PDF))).toBe(0);

    expect(await submitAssessment(h().db, supplier, assessmentId, null)).toEqual({ ok: true });
    expect((await getAssessment(h().db, ident.org.id, assessmentId))?.status).toBe("submitted");
    const locked = await saveAnswer(
      h().db,
      supplier,
      assessmentId,
      "profile.workers",
      { value: 300, comment: null, baseRevision: 1 },
      null,
    );
    expect(locked).toMatchObject({ ok: false, kind: "conflict" });

    expect(await requestChanges(h().db, ident, assessmentId, { reason: "Needs another look" }, "ip")).toMatchObject({
      ok: false,
      kind: "invalid",
    }); // no comment yet
    await addReviewComment(h().db, ident, assessmentId, "p5.usual_total_hours", "Please give the peak-season hours.", "ip");
    expect(await requestChanges(h().db, ident, assessmentId, { reason: "Needs another look" }, "ip")).toEqual({ ok: true });
    const back = await h()
      .db.selectFrom("mail_outbox")
      .select("kind")
      .where("to_address", "=", "hr@weaving.test")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(back.kind).toBe("assessment-changes-requested");
    const view = (await assessmentView(h().db, supplier, assessmentId))!;
    expect(view.comments.map((c) => c.body)).toEqual(["Please give the peak-season hours."]);
    const rev = view.answers.find((a) => a.questionKey === "p5.usual_total_hours")!.revision;
    expect(
      await saveAnswer(
        h().db,
        supplier,
        assessmentId,
        "p5.usual_total_hours",
        { value: 58, comment: "peak season", baseRevision: rev },
        null,
      ),
    ).toEqual({ ok: true, value: { revision: rev + 1 } });
    expect(await submitAssessment(h().db, supplier, assessmentId, null)).toEqual({ ok: true });

    const approved = await approveAssessment(
      h().db,
      ident,
      assessmentId,
      { reason: "Reviewed", acknowledged: ["unresolved_comments", "severe_flags"] },
      "ip",
      new Date("2026-12-01T10:00:00.000Z"),
    );
    expect(approved).toEqual({ ok: true, value: { approved: true, validUntil: "2027-12-01T10:00:00.000Z" } });
    expect(
      await approveAssessment(
        h().db,
        ident,
        assessmentId,
        { reason: "Reviewed", acknowledged: ["unresolved_comments", "severe_flags"] },
        "ip",
      ),
    ).toMatchObject({ ok: false, kind: "conflict" });
    const actions = (
      await h()
        .db.selectFrom("audit_log")
        .select("action")
        .where("entity", "=", "assessment")
        .where("entity_id", "=", String(assessmentId))
        .execute()
    ).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "assessment.started",
        "assessment.invite_sent",
        "evidence.uploaded",
        "assessment.submitted",
        "assessment.changes_requested",
        "assessment.approved",
      ]),
    );
  });

  it("keeps review comments internal until a request for changes releases them; later comments wait for the next request", async () => {
    const sid = await insertSupplier(h().db, ident.org.id, SupplierSchema.parse({ name: "Comment Co", country: "VN" }));
    const [assessmentId] = (await startAssessments(h().db, ident, [sid], { dueAt: null, language: "en" }, "ip")).created as [number];
    await sendAssessmentInvite(h().db, ident, assessmentId, { email: "c@comment.test", language: "en" }, "ip");
    const mail = await h()
      .db.selectFrom("mail_outbox")
      .select("body_text")
      .where("to_address", "=", "c@comment.test")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    const opened = await openSupplierSession(h().db, /\/s\/([A-Za-z0-9_-]{43})/.exec(mail.body_text)![1]!);
    if (!("cookie" in opened)) throw new Error("link not open");
    const s = (await getSupplierIdentity(h().db, new Request("http://x/s/portal", { headers: { Cookie: opened.cookie.split(";")[0]! } })))!;
    const supplier: Actor = { kind: "supplier", s };
    const seen = async (actor: Actor) => (await assessmentView(h().db, actor, assessmentId))!.comments.map((c) => c.body);

    // A note written while the supplier is still answering, and one on the submitted answers.
    await addReviewComment(h().db, ident, assessmentId, "p5.usual_total_hours", "Internal: check against the audit first.", "ip");
    await answerAll(supplier, assessmentId);
    expect(await uploadEvidence(h().db, supplier, assessmentId, "p1.written_policy", { name: "p.pdf", bytes: PDF }, null)).toHaveProperty(
      "value.fileId",
    );
    expect(await submitAssessment(h().db, supplier, assessmentId, null)).toEqual({ ok: true });
    await addReviewComment(h().db, ident, assessmentId, "p5.usual_total_hours", "Please give the peak-season hours.", "ip");
    expect(await seen(supplier)).toEqual([]);
    expect(await seen(officer)).toEqual(["Internal: check against the audit first.", "Please give the peak-season hours."]);

    expect(await requestChanges(h().db, ident, assessmentId, { reason: "Needs another look" }, "ip")).toEqual({ ok: true });
    expect(await seen(supplier)).toEqual(["Internal: check against the audit first.", "Please give the peak-season hours."]);
    const released = await h().db.selectFrom("review_comments").select(["released_at"]).where("assessment_id", "=", assessmentId).execute();
    expect(released.every((c) => c.released_at !== null)).toBe(true);

    // Written after the request: internal again until the next request for changes.
    await addReviewComment(h().db, ident, assessmentId, "p4.grievance_channel", "Note to self: ask the auditor.", "ip");
    expect(await seen(supplier)).toEqual(["Internal: check against the audit first.", "Please give the peak-season hours."]);
    expect(await seen(officer)).toContain("Note to self: ask the auditor.");
    expect(await submitAssessment(h().db, supplier, assessmentId, null)).toEqual({ ok: true });
    expect(await seen(supplier)).not.toContain("Note to self: ask the auditor.");
    expect(await requestChanges(h().db, ident, assessmentId, { reason: "Needs another look" }, "ip")).toEqual({ ok: true });
    expect(await seen(supplier)).toContain("Note to self: ask the auditor.");
  });

  it("lets the officer's fill path reference only this assessment's own files in an evidence answer", async () => {
    const other = await makeOrg(h(), "wf-other", [["o@wf-other.test", "compliance"]]);
    const otherSupplier = await insertSupplier(h().db, other.orgId, SupplierSchema.parse({ name: "Elsewhere", country: "VN" }));
    const s2 = await insertSupplier(h().db, ident.org.id, SupplierSchema.parse({ name: "Evidence Two", country: "VN" }));
    const s3 = await insertSupplier(h().db, ident.org.id, SupplierSchema.parse({ name: "Evidence Three", country: "VN" }));
    const { created } = await startAssessments(h().db, ident, [s2, s3], { dueAt: null, language: "en" }, "ip");
    const [mine, sibling] = created as [number, number];
    const otherIdent: OrgIdentity = {
      ...ident,
      org: { id: other.orgId, slug: "wf-other", name: "Other" },
      user: { ...ident.user, userId: other.users["o@wf-other.test"]! },
    };
    const [foreign] = (await startAssessments(h().db, otherIdent, [otherSupplier], { dueAt: null, language: "en" }, "ip")).created as [
      number,
    ];
    const file = async (who: Actor, assessmentId: number) => {
      const r = await uploadEvidence(h().db, who, assessmentId, "p5.sample_contract", { name: "c.pdf", bytes: PDF }, "ip");
      if (!r.ok) throw new Error(JSON.stringify(r));
      return String(r.value.fileId);
    };
    const own = await file(officer, mine);
    const siblings = await file(officer, sibling);
    const foreigners = await file({ kind: "officer", id: otherIdent }, foreign);
    for (const ids of [[foreigners], [siblings], [own, siblings]]) {
      // The upload saved revision 1.
      const r = await saveAnswer(h().db, officer, mine, "p5.sample_contract", { value: ids, comment: null, baseRevision: 1 }, null);
      expect(r, ids.join()).toMatchObject({ ok: false, kind: "invalid", messageKey: "ui.validation.files_invalid" });
    }
    expect(await saveAnswer(h().db, officer, mine, "p5.sample_contract", { value: [own], comment: null, baseRevision: 1 }, null)).toEqual({
      ok: true,
      value: { revision: 2 },
    });
  });

  it("keeps a supplier session to its own assessment", async () => {
    const other = await insertSupplier(h().db, ident.org.id, SupplierSchema.parse({ name: "Other Mill", country: "VN" }));
    const { created } = await startAssessments(h().db, ident, [other], { dueAt: null, language: "en" }, "ip");
    const [mine] = (await h().db.selectFrom("assessments").select("id").where("supplier_id", "=", supplierId).execute()).map((r) => r.id);
    const foreign: Actor = {
      kind: "supplier",
      s: { sessionId: "x", assessmentId: mine!, orgId: ident.org.id, inviteId: 1, email: "hr@weaving.test", language: "es" },
    };
    expect(await assessmentView(h().db, foreign, created[0]!)).toBeNull();
    expect(
      await saveAnswer(h().db, foreign, created[0]!, "profile.workers", { value: 1, comment: null, baseRevision: 0 }, null),
    ).toMatchObject({ ok: false, kind: "not_found" });
    expect(await uploadEvidence(h().db, foreign, created[0]!, "p1.written_policy", { name: "x.pdf", bytes: PDF }, null)).toMatchObject({
      ok: false,
      kind: "not_found",
    });
  });

  it("sends each reminder once: 7 days before, 1 day before, and when overdue, with a fresh link", async () => {
    expect(reminderKind("2027-01-10", new Date("2027-01-01T00:00:00Z"))).toBeNull();
    expect(reminderKind("2027-01-10", new Date("2027-01-05T00:00:00Z"))).toBe("due-7d");
    expect(reminderKind("2027-01-10", new Date("2027-01-10T12:00:00Z"))).toBe("due-1d");
    expect(reminderKind("2027-01-10", new Date("2027-01-11T00:00:01Z"))).toBe("overdue");

    const s = await insertSupplier(h().db, ident.org.id, SupplierSchema.parse({ name: "Late Dyehouse", country: "VN" }));
    const { created } = await startAssessments(h().db, ident, [s], { dueAt: "2027-02-10", language: "fr" }, "ip");
    await sendAssessmentInvite(h().db, ident, created[0]!, { email: "late@dye.test", language: "fr" }, "ip");
    const count = async () =>
      (await h().db.selectFrom("mail_outbox").select("kind").where("to_address", "=", "late@dye.test").execute()).map((m) => m.kind);
    await sendDueReminders(h().db, new Date("2027-01-20T00:00:00Z"));
    expect(await count()).toEqual(["supplier-invite"]);
    await sendDueReminders(h().db, new Date("2027-02-05T00:00:00Z"));
    await sendDueReminders(h().db, new Date("2027-02-05T06:00:00Z"));
    expect(await count()).toEqual(["supplier-invite", "supplier-reminder-due-7d"]);
    await sendDueReminders(h().db, new Date("2027-02-12T00:00:00Z"));
    expect(await count()).toEqual(["supplier-invite", "supplier-reminder-due-7d", "supplier-reminder-overdue"]);
  });
});
