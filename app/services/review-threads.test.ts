// Review threads and what changed since the review, against a real database (SQLite and PostgreSQL):
// replies, resolving and reopening a thread (who and when, audited), names instead of addresses,
// another organisation's assessment or thread not found; the approval's acknowledgement counts open
// threads, not their replies; a red flag that a revision retracted after a request for changes is
// shown and must be acknowledged; every submission is recorded, resubmissions marked.
import { beforeAll, expect, it } from "vitest";
import { seedReferenceData } from "~db/seed/reference";
import { describeEachEngine, makeOrg, withTemporaryEvidenceDir } from "~/test/support";
import type { OrgIdentity } from "~/lib/auth.server";

import { ATHENS_V2, allQuestions, type Answers } from "~/domain/questionnaire";
import { BEST } from "~/domain/questionnaire/test-fixtures";
import { SupplierSchema } from "~/schemas/supplier";
import { answersOf } from "~/models/assessment.server";
import { decisionsOf, submissionsOf } from "~/models/decision.server";
import { currentInvite } from "~/models/invite.server";
import { addReviewComment, approveAssessment, requestChanges } from "./assessment-review.server";
import { saveAnswer, submitAssessment } from "./assessment-answers.server";
import type { Actor } from "./assessment-core.server";
import { assessmentView, startAssessments } from "./assessments.server";
import { uploadEvidence } from "./evidence.server";
import { sendAssessmentInvite } from "./invites.server";
import { reviewOf } from "./review-page.server";
import { changeThread, reviewThreads } from "./review-threads.server";
import { forgetReferenceData } from "./risk.server";
import { createSupplier } from "./suppliers.server";

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
/** BEST, except that workers pay a deposit: a red flag (debt bondage). */
const DEPOSIT: Answers = { ...BEST, "p1.deposits": "yes" };
withTemporaryEvidenceDir("lantern-threads-");

describeEachEngine("review threads and changes since the review", (h) => {
  let n = 0;

  /** A fresh organisation with two officers (named "Ada Lovelace" and "Grace Hopper") and an admin. */
  async function world() {
    const slug = `thr-${++n}-${Math.random().toString(36).slice(2, 6)}`;
    const { orgId, users } = await makeOrg(h(), slug, [
      [`ada@${slug}.test`, "compliance"],
      [`grace@${slug}.test`, "compliance"],
      [`admin@${slug}.test`, "admin"],
    ]);
    const named = { ada: "Ada Lovelace", grace: "Grace Hopper", admin: "Alex Admin" };
    for (const [login, name] of Object.entries(named)) {
      await h().db.updateTable("users").set({ name }).where("email", "=", `${login}@${slug}.test`).execute();
    }
    const ident = (login: keyof typeof named): OrgIdentity => ({
      user: { sessionId: "s", userId: users[`${login}@${slug}.test`]!, email: `${login}@${slug}.test`, name: named[login] },
      org: { id: orgId, slug, name: slug.toUpperCase() },
      role: login === "admin" ? "admin" : "compliance",
    });
    return { orgId, ada: ident("ada"), grace: ident("grace"), admin: ident("admin") };
  }
  type World = Awaited<ReturnType<typeof world>>;

  /** A questionnaire answered and submitted by the supplier through its link; returns its id and the supplier's actor. */
  async function submitted(w: World, name: string, answers: Answers = BEST) {
    const made = await createSupplier(h().db, w.admin, SupplierSchema.parse({ name, country: "DK" }), "ip");
    if (!made.ok) throw new Error(made.message);
    const { created } = await startAssessments(h().db, w.ada, [made.value.id], { dueAt: null, language: "en" }, "ip");
    const assessmentId = created[0]!;
    await sendAssessmentInvite(h().db, w.ada, assessmentId, { email: `hr-${assessmentId}@supplier.test`, language: "en" }, "ip");
    const invite = (await currentInvite(h().db, w.orgId, assessmentId))!;
    const supplier: Actor = {
      kind: "supplier",
      s: { sessionId: "x", assessmentId, orgId: w.orgId, inviteId: invite.id, email: invite.email, language: "en" },
    };
    for (const { question } of allQuestions(ATHENS_V2)) {
      const value = answers[question.key];
      if (question.type === "evidence" || value === undefined) continue;
      await saveAnswer(h().db, supplier, assessmentId, question.key, { value, comment: null, baseRevision: 0 }, null);
    }
    await uploadEvidence(h().db, supplier, assessmentId, "p1.written_policy", { name: "policy.pdf", bytes: PDF }, null);
    expect(await submitAssessment(h().db, supplier, assessmentId, null)).toEqual({ ok: true });
    return { assessmentId, supplier, email: invite.email };
  }

  /** The supplier changes one answer (on its current revision). */
  async function revise(w: World, who: Actor, assessmentId: number, questionKey: string, value: unknown) {
    const current = (await answersOf(h().db, w.orgId, assessmentId)).find((a) => a.questionKey === questionKey);
    const r = await saveAnswer(
      h().db,
      who,
      assessmentId,
      questionKey,
      { value, comment: null, baseRevision: current?.revision ?? 0 },
      null,
    );
    expect(r).toHaveProperty("ok", true);
  }

  const threadAudits = (w: World, id: number) =>
    h()
      .db.selectFrom("audit_log")
      .select(["action", "actor_label", "diff"])
      .where("org_id", "=", w.orgId)
      .where("entity_id", "=", String(id))
      .where("action", "in", ["assessment.comment_replied", "assessment.thread_resolved", "assessment.thread_reopened"])
      .orderBy("id")
      .execute();

  beforeAll(async () => {
    await seedReferenceData(h().db);
    forgetReferenceData();
  });

  it("keeps a comment and its replies as one thread, signed with names; resolves and reopens it with who and when, audited", async () => {
    const w = await world();
    const { assessmentId: aid } = await submitted(w, "Thread Mill");
    const c = await addReviewComment(h().db, w.ada, aid, "profile.workers", "Count the seasonal staff too.", "ip");
    if (!c.ok) throw new Error(c.message);
    const threadId = c.value.commentId;
    expect(await changeThread(h().db, w.grace, aid, { intent: "reply", threadId, body: "  The audit says 180.  " }, "ip")).toEqual({
      ok: true,
      value: { questionKey: "profile.workers", message: "Reply added." },
    });
    // A reply to a reply joins the same thread.
    const [first] = await reviewThreads(h().db, w.orgId, aid);
    const replyId = first!.comments[1]!.id;
    expect(await changeThread(h().db, w.ada, aid, { intent: "reply", threadId: replyId, body: "Agreed." }, "ip")).toMatchObject({
      ok: true,
    });

    let threads = await reviewThreads(h().db, w.orgId, aid);
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({ id: threadId, questionKey: "profile.workers", resolvedAt: null, releasedAt: null });
    expect(threads[0]!.comments.map((x) => [x.authorLabel, x.body])).toEqual([
      ["Ada Lovelace", "Count the seasonal staff too."],
      ["Grace Hopper", "The audit says 180."],
      ["Ada Lovelace", "Agreed."],
    ]);
    expect(JSON.stringify(threads)).not.toContain("@"); // no e-mail address anywhere in the threads

    expect(await changeThread(h().db, w.grace, aid, { intent: "resolve-thread", threadId }, "ip")).toMatchObject({
      ok: true,
      value: { message: "Thread resolved." },
    });
    threads = await reviewThreads(h().db, w.orgId, aid);
    expect(threads[0]).toMatchObject({ resolvedAt: expect.any(String), resolvedByLabel: "Grace Hopper", reopenedAt: null });
    // Resolved: no reply until reopened; resolving twice is a conflict.
    expect(await changeThread(h().db, w.ada, aid, { intent: "reply", threadId, body: "One more thing" }, "ip")).toMatchObject({
      ok: false,
      kind: "conflict",
      message: "This thread is resolved: reopen it to reply.",
    });
    expect(await changeThread(h().db, w.ada, aid, { intent: "resolve-thread", threadId }, "ip")).toMatchObject({
      ok: false,
      kind: "conflict",
    });
    expect(await changeThread(h().db, w.ada, aid, { intent: "reopen-thread", threadId: replyId }, "ip")).toMatchObject({ ok: true });
    threads = await reviewThreads(h().db, w.orgId, aid);
    expect(threads[0]).toMatchObject({
      resolvedAt: null,
      resolvedByLabel: null,
      reopenedAt: expect.any(String),
      reopenedByLabel: "Ada Lovelace",
    });
    expect(await changeThread(h().db, w.ada, aid, { intent: "reopen-thread", threadId }, "ip")).toMatchObject({
      ok: false,
      kind: "conflict",
    });

    expect((await threadAudits(w, aid)).map((a) => [a.action, a.actor_label, JSON.parse(a.diff!).threadId])).toEqual([
      ["assessment.comment_replied", w.grace.user.email, threadId],
      ["assessment.comment_replied", w.ada.user.email, threadId],
      ["assessment.thread_resolved", w.grace.user.email, threadId],
      ["assessment.thread_reopened", w.ada.user.email, threadId],
    ]);
  });

  it("answers not found for another organisation's assessment or thread, and changes nothing", async () => {
    const w = await world();
    const other = await world();
    const { assessmentId: aid } = await submitted(w, "Own Mill");
    const { assessmentId: theirs } = await submitted(other, "Their Mill");
    const mine = await addReviewComment(h().db, w.ada, aid, "profile.workers", "Mine", "ip");
    const them = await addReviewComment(h().db, other.ada, theirs, "profile.workers", "Theirs", "ip");
    if (!mine.ok || !them.ok) throw new Error("comment not added");
    // Their assessment through my organisation, my assessment with their thread, their thread through mine.
    expect(await changeThread(h().db, w.ada, theirs, { intent: "reply", threadId: them.value.commentId, body: "x" }, "ip")).toMatchObject({
      ok: false,
      kind: "not_found",
    });
    expect(await changeThread(h().db, w.ada, aid, { intent: "resolve-thread", threadId: them.value.commentId }, "ip")).toMatchObject({
      ok: false,
      kind: "not_found",
      message: "No such comment",
    });
    expect(await changeThread(h().db, other.ada, theirs, { intent: "resolve-thread", threadId: mine.value.commentId }, "ip")).toMatchObject(
      {
        ok: false,
        kind: "not_found",
      },
    );
    const theirThreads = await reviewThreads(h().db, other.orgId, theirs);
    expect(theirThreads).toEqual([expect.objectContaining({ resolvedAt: null, comments: [expect.objectContaining({ body: "Theirs" })] })]);
    expect(await threadAudits(other, theirs)).toEqual([]);
  });

  it("counts open threads at approval (replies follow their thread); the supplier sees what a request for changes released", async () => {
    const w = await world();
    const { assessmentId: aid, supplier } = await submitted(w, "Counted Mill");
    const c = await addReviewComment(h().db, w.ada, aid, "profile.workers", "Which sites?", "ip");
    if (!c.ok) throw new Error(c.message);
    await changeThread(h().db, w.grace, aid, { intent: "reply", threadId: c.value.commentId, body: "Both sites, please." }, "ip");
    expect(await requestChanges(h().db, w.ada, aid, { reason: "Sites unclear" }, "ip")).toEqual({ ok: true });
    // The supplier sees the released thread's comments, signed by the organisation (the portal route), never resolved by anyone.
    const seen = await assessmentView(h().db, supplier, aid);
    expect(seen!.comments.map((x) => x.body)).toEqual(["Which sites?", "Both sites, please."]);
    // A reply written now waits, internal, for the next request for changes.
    await changeThread(h().db, w.ada, aid, { intent: "reply", threadId: c.value.commentId, body: "Internal: check the map." }, "ip");
    expect((await reviewThreads(h().db, w.orgId, aid))[0]!.comments.map((x) => x.releasedAt !== null)).toEqual([true, true, false]);
    expect((await assessmentView(h().db, supplier, aid))!.comments.map((x) => x.body)).toEqual(["Which sites?", "Both sites, please."]);
    await revise(w, supplier, aid, "profile.workers", 260);
    expect(await submitAssessment(h().db, supplier, aid, null)).toEqual({ ok: true });

    // One open thread of two comments: one acknowledgement.
    expect(await approveAssessment(h().db, w.ada, aid, { reason: "Checked" }, "ip")).toMatchObject({ ok: false, field: "ackComments" });
    // Resolved: the replies do not keep it open.
    await changeThread(h().db, w.grace, aid, { intent: "resolve-thread", threadId: c.value.commentId }, "ip");
    expect(await approveAssessment(h().db, w.ada, aid, { reason: "Sites now given" }, "ip")).toMatchObject({
      ok: true,
      value: { approved: true },
    });
    expect((await decisionsOf(h().db, w.orgId, aid)).at(-1)).toMatchObject({ acknowledged: [], userLabel: "Ada Lovelace" });
    // An approved questionnaire's threads are closed.
    expect(await changeThread(h().db, w.ada, aid, { intent: "reopen-thread", threadId: c.value.commentId }, "ip")).toMatchObject({
      ok: false,
      kind: "conflict",
    });
  });

  it("shows a red flag that a revision retracted after review, refuses the approval until it is acknowledged, and records it", async () => {
    const w = await world();
    const { assessmentId: aid, supplier, email } = await submitted(w, "Deposit Mill", DEPOSIT);
    const view = async () => {
      const a = await assessmentView(h().db, { kind: "officer", id: w.grace }, aid);
      return reviewOf(h().db, w.grace, a!.assessment, a!.template);
    };
    // Before any request for changes nothing is "since the review".
    expect((await view()).changes).toEqual({ since: null, revised: [], retracted: [] });
    const c = await addReviewComment(h().db, w.ada, aid, "p1.deposits", "Why are deposits taken?", "ip");
    if (!c.ok) throw new Error(c.message);
    expect(await requestChanges(h().db, w.ada, aid, { reason: "Deposits are a debt-bondage sign" }, "ip")).toEqual({ ok: true });
    await revise(w, supplier, aid, "p1.deposits", "no");
    await revise(w, supplier, aid, "profile.workers", 300);
    await revise(w, supplier, aid, "profile.workers", BEST["profile.workers"]); // back to what it was: not a revision
    expect(await submitAssessment(h().db, supplier, aid, null)).toEqual({ ok: true });

    const page = await view();
    expect(page.changes).toMatchObject({
      since: expect.any(String),
      revised: [{ questionKey: "p1.deposits", before: "yes", after: "no" }],
      retracted: [{ questionKey: "p1.deposits", indicator: "debt_bondage", before: "yes", after: "no" }],
    });
    // The timeline: the first submission and the resubmission, both by the supplier's contact.
    expect(page.submissions.map((s) => [s.bySupplier, s.afterChanges, s.byLabel])).toEqual([
      [true, false, email],
      [true, true, email],
    ]);
    expect(await submissionsOf(h().db, w.orgId + 1000, aid)).toEqual([]); // scoped by organisation

    const base = { reason: "Deposits returned, receipts seen", acknowledged: ["unresolved_comments"] as const };
    const refused = await approveAssessment(h().db, w.grace, aid, base, "ip");
    expect(refused).toMatchObject({
      ok: false,
      kind: "invalid",
      field: "ackRetracted",
      message: expect.stringMatching(/retracted after review/),
    });
    expect((await decisionsOf(h().db, w.orgId, aid)).map((d) => d.kind)).toEqual(["request_changes"]);
    const approved = await approveAssessment(
      h().db,
      w.grace,
      aid,
      { ...base, acknowledged: ["unresolved_comments", "retracted_flags"] },
      "ip",
    );
    expect(approved).toMatchObject({ ok: true, value: { approved: true } });
    expect((await decisionsOf(h().db, w.orgId, aid)).at(-1)).toMatchObject({
      kind: "approve",
      acknowledged: ["unresolved_comments", "retracted_flags"],
    });
    const audit = await h()
      .db.selectFrom("audit_log")
      .select("diff")
      .where("org_id", "=", w.orgId)
      .where("action", "=", "assessment.approved")
      .where("entity_id", "=", String(aid))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.diff!).acknowledged).toEqual(["unresolved_comments", "retracted_flags"]);
    // The approval resolved the open thread, in the approver's name.
    expect((await reviewThreads(h().db, w.orgId, aid))[0]).toMatchObject({ resolvedByLabel: "Grace Hopper" });
  });

  it("records an officer's resubmission on the supplier's behalf, and keeps them from approving it", async () => {
    const w = await world();
    const { assessmentId: aid } = await submitted(w, "Helped Mill");
    await addReviewComment(h().db, w.ada, aid, "profile.workers", "Count again.", "ip");
    await requestChanges(h().db, w.ada, aid, { reason: "Numbers" }, "ip");
    const officer: Actor = { kind: "officer", id: w.grace };
    await revise(w, officer, aid, "profile.workers", 275);
    expect(await submitAssessment(h().db, officer, aid, null)).toEqual({ ok: true });
    const a = await assessmentView(h().db, officer, aid);
    const page = await reviewOf(h().db, w.grace, a!.assessment, a!.template);
    expect(page.submissions.at(-1)).toMatchObject({ bySupplier: false, afterChanges: true, byLabel: "Grace Hopper" });
    expect(page.approveBlocked).toBe("You filled in answers for the supplier, so someone else must approve it.");
    const other = await reviewOf(h().db, w.ada, a!.assessment, a!.template);
    expect(other.approveBlocked).toBeNull();
    expect(other.changes.revised).toEqual([{ questionKey: "profile.workers", before: 250, after: 275 }]);
  });
});
