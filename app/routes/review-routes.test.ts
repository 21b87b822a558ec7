// Four eyes through the routes: the Review settings page (admins only; a change is audited), and an
// approval that lowers a supplier by two bands waiting on the assessment page for a second reviewer.
import { beforeAll, expect, it } from "vitest";
import { seedReferenceData } from "~db/seed/reference";
import { contextFor, cookieFor, describeEachEngine, get, makeOrg, post, responseOf, toastOf } from "~/test/support";
import type { OrgIdentity } from "~/lib/auth.server";
import { ATHENS_V2, allQuestions, type Answers } from "~/domain/questionnaire";
import { BEST } from "~/domain/questionnaire/test-fixtures";
import { SupplierSchema } from "~/schemas/supplier";
import { currentInvite } from "~/models/invite.server";
import { answersOf } from "~/models/assessment.server";
import { saveAnswer, submitAssessment } from "~/services/assessment-answers.server";
import { startAssessments } from "~/services/assessments.server";
import { uploadEvidence } from "~/services/evidence.server";
import { sendAssessmentInvite } from "~/services/invites.server";
import { forgetReferenceData } from "~/services/risk.server";
import { createSupplier } from "~/services/suppliers.server";
import * as settings from "./o.$org.settings.review";
import * as page from "./o.$org.assessments.$id._index";
import * as list from "./o.$org.assessments._index";

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

describeEachEngine("review routes", (h) => {
  const ctx = () => contextFor(h());
  let orgId = 0;
  const cookies: Record<string, string> = {};
  let officer: OrgIdentity;

  beforeAll(async () => {
    await seedReferenceData(h().db);
    forgetReferenceData();
    const org = await makeOrg(h(), "rv", [
      ["admin@rv.test", "admin"],
      ["one@rv.test", "compliance"],
      ["exec@rv.test", "executive"],
    ]);
    orgId = org.orgId;
    for (const [email, id] of Object.entries(org.users)) cookies[email] = await cookieFor(h(), id);
    officer = {
      user: { sessionId: "s", userId: org.users["one@rv.test"]!, email: "one@rv.test", name: "one" },
      org: { id: orgId, slug: "rv", name: "RV" },
      role: "compliance",
    };
  });

  const settingsGet = (who: string) =>
    responseOf(() => settings.loader({ request: get("/o/rv/settings/review", cookies[who]), params: { org: "rv" }, context: ctx() }));
  const settingsPost = (who: string, form: Record<string, string>) =>
    responseOf(() =>
      settings.action({ request: post("/o/rv/settings/review", form, cookies[who]), params: { org: "rv" }, context: ctx() }),
    );

  it("lets an admin turn four eyes off and on (audited), and nobody else", async () => {
    expect(await (await settingsGet("admin@rv.test")).json()).toEqual({ fourEyes: true });
    expect((await settingsGet("one@rv.test")).status).toBe(403);
    expect((await settingsGet("exec@rv.test")).status).toBe(403);
    expect((await settingsPost("one@rv.test", { intent: "save" })).status).toBe(403);
    expect((await settingsPost("admin@rv.test", { intent: "nonsense" })).status).toBe(400);
    const off = await settingsPost("admin@rv.test", { intent: "save" });
    expect(off.status).toBe(302);
    expect(toastOf(off)?.message).toBe("Four eyes is now off.");
    expect(await (await settingsGet("admin@rv.test")).json()).toEqual({ fourEyes: false });
    const on = await settingsPost("admin@rv.test", { intent: "save", fourEyes: "on" });
    expect(toastOf(on)?.message).toBe("Four eyes is now on.");
    const audit = await h()
      .db.selectFrom("audit_log")
      .select(["diff", "actor_label"])
      .where("org_id", "=", orgId)
      .where("action", "=", "org.four_eyes_changed")
      .orderBy("id")
      .execute();
    expect(audit.map((a) => [a.actor_label, JSON.parse(a.diff!)])).toEqual([
      ["admin@rv.test", { fourEyes: { from: true, to: false } }],
      ["admin@rv.test", { fourEyes: { from: false, to: true } }],
    ]);
  });

  /** A questionnaire answered and submitted by the supplier through its link, with the page's loader and action. */
  async function submittedBySupplier(supplierInput: Record<string, unknown>, answers: Answers = BEST) {
    const made = await createSupplier(h().db, officer, SupplierSchema.parse(supplierInput), "ip");
    if (!made.ok) throw new Error(made.message);
    const { created } = await startAssessments(h().db, officer, [made.value.id], { dueAt: null, language: "en" }, "ip");
    const aid = created[0]!;
    const email = `hr-${aid}@supplier.test`;
    await sendAssessmentInvite(h().db, officer, aid, { email, language: "en" }, "ip");
    const invite = (await currentInvite(h().db, orgId, aid))!;
    const supplier = {
      kind: "supplier",
      s: { sessionId: "x", assessmentId: aid, orgId, inviteId: invite.id, email, language: "en" },
    } as const;
    for (const { question } of allQuestions(ATHENS_V2)) {
      const value = answers[question.key];
      if (question.type !== "evidence" && value !== undefined)
        await saveAnswer(h().db, supplier, aid, question.key, { value, comment: null, baseRevision: 0 }, null);
    }
    await uploadEvidence(h().db, supplier, aid, "p1.written_policy", { name: "policy.pdf", bytes: PDF }, null);
    expect(await submitAssessment(h().db, supplier, aid, null)).toEqual({ ok: true });

    const path = `/o/rv/assessments/${aid}`;
    const act = (who: string, form: Record<string, string>) =>
      responseOf(() => page.action({ request: post(path, form, cookies[who]), params: { org: "rv", id: String(aid) }, context: ctx() }));
    const view = async (who: string) =>
      (
        await responseOf(() => page.loader({ request: get(path, cookies[who]), params: { org: "rv", id: String(aid) }, context: ctx() }))
      ).json();
    return { aid, supplier, act, view };
  }

  it("shows an approval that drops the supplier two bands as waiting; its author cannot confirm it, another reviewer does", async () => {
    const { aid, act, view } = await submittedBySupplier({ name: "Coal Works", country: "KP", goods: ["Coal"] });
    const listed = async () => {
      const r = await responseOf(() =>
        list.loader({ request: get("/o/rv/assessments", cookies["exec@rv.test"]), params: { org: "rv" }, context: ctx() }),
      );
      return ((await r.json()).rows as Array<{ id: number; awaitingSecond: boolean }>).find((r) => r.id === aid)?.awaitingSecond;
    };

    expect((await act("exec@rv.test", { intent: "approve", reason: "Looks fine" })).status).toBe(403);
    const first = await act("one@rv.test", { intent: "approve", reason: "The audit confirms the controls" });
    expect(first.status).toBe(302);
    expect(toastOf(first)?.message).toMatch(/^Your approval is recorded\. .*a second reviewer must confirm it\.$/);
    const waiting = await view("one@rv.test");
    expect(waiting.assessment.status).toBe("submitted");
    expect(await listed()).toBe(true); // the assessments list says so too
    // The first approver is not offered the form again: the page says why.
    expect(waiting.approveBlocked).toBe("You gave the first approval, so a different reviewer must confirm it.");
    expect((await view("admin@rv.test")).approveBlocked).toBeNull();
    expect(waiting.awaiting).toMatchObject({ kind: "approve", userLabel: "one", reason: "The audit confirms the controls" });
    const again = await act("one@rv.test", { intent: "approve", reason: "Confirming my own approval" });
    expect(again.status).toBe(403);
    expect((await again.json()).formError).toMatch(/a different reviewer must confirm it/);
    const second = await act("admin@rv.test", { intent: "approve", reason: "Second look: agreed" });
    expect(second.status).toBe(302);
    expect(toastOf(second)?.message).toMatch(/^Approved\. The assessment is valid until/);
    const done = await view("exec@rv.test");
    expect(done.assessment.status).toBe("approved");
    expect(await listed()).toBe(false);
    expect(done.awaiting).toBeNull();
    expect(done.decisions.map((d: { kind: string; userLabel: string }) => [d.kind, d.userLabel])).toEqual([
      ["approve", "one"],
      ["second_approve", "admin"],
    ]);
  });

  it("answers 4xx to bad thread requests and to an approval without the retracted flag's acknowledgement", async () => {
    const { aid, supplier, act, view } = await submittedBySupplier(
      { name: "Deposit Mill", country: "DK" },
      { ...BEST, "p1.deposits": "yes" },
    );
    expect((await act("one@rv.test", { intent: "comment", questionKey: "p1.deposits", body: "Why deposits?" })).status).toBe(200);
    const threadId = String((await view("one@rv.test")).threads[0].id);

    const bad = async (who: string, form: Record<string, string>, status: number) => {
      const r = await act(who, form);
      expect(r.status, JSON.stringify(form)).toBe(status);
      return status === 403 ? null : r.json();
    };
    expect((await bad("one@rv.test", { intent: "reply", threadId, body: "  " }, 400)).fieldErrors.body).toBe("Write a comment");
    expect((await bad("one@rv.test", { intent: "reply", threadId: "abc", body: "x" }, 400)).fieldErrors.threadId).toBe("Say which thread");
    expect((await bad("one@rv.test", { intent: "resolve-thread" }, 400)).fieldErrors.threadId).toBeTruthy();
    expect((await bad("one@rv.test", { intent: "reply", threadId: "999999", body: "x" }, 404)).formError).toBe("No such comment");
    await bad("exec@rv.test", { intent: "resolve-thread", threadId }, 403);
    expect(await bad("admin@rv.test", { intent: "reply", threadId, body: "Receipts for every deposit?" }, 200)).toMatchObject({
      ok: true,
      questionKey: "p1.deposits",
      message: "Reply added.",
    });
    expect(await bad("admin@rv.test", { intent: "resolve-thread", threadId }, 200)).toMatchObject({ message: "Thread resolved." });
    expect((await bad("admin@rv.test", { intent: "resolve-thread", threadId }, 409)).formError).toBe("This thread is already resolved.");
    expect((await bad("one@rv.test", { intent: "reply", threadId, body: "x" }, 409)).formError).toMatch(/reopen it to reply/);
    expect(await bad("one@rv.test", { intent: "reopen-thread", threadId }, 200)).toMatchObject({ message: "Thread reopened." });
    const threads = (await view("exec@rv.test")).threads;
    expect(threads[0].comments.map((c: { authorLabel: string }) => c.authorLabel)).toEqual(["one", "admin"]);
    expect(threads[0]).toMatchObject({ resolvedAt: null, reopenedByLabel: "one" });

    // Sent back; the supplier takes the deposit answer back and resubmits.
    expect((await act("one@rv.test", { intent: "request-changes", reason: "Deposits must go" })).status).toBe(302);
    const deposits = (await answersOf(h().db, orgId, aid)).find((a) => a.questionKey === "p1.deposits")!;
    await saveAnswer(h().db, supplier, aid, "p1.deposits", { value: "no", comment: null, baseRevision: deposits.revision }, null);
    expect(await submitAssessment(h().db, supplier, aid, null)).toEqual({ ok: true });
    const page2 = await view("one@rv.test");
    expect(page2.changes.retracted).toEqual([
      { questionKey: "p1.deposits", indicator: "debt_bondage", severity: expect.any(String), before: "yes", after: "no" },
    ]);
    expect(page2.submissions.map((x: { afterChanges: boolean }) => x.afterChanges)).toEqual([false, true]);
    const missing = await bad("one@rv.test", { intent: "approve", reason: "Deposits returned", ackComments: "on", ackFlags: "on" }, 400);
    expect(missing.fieldErrors.ackRetracted).toMatch(/retracted after review/);
    expect((await view("one@rv.test")).assessment.status).toBe("submitted");
    const ok = await act("one@rv.test", { intent: "approve", reason: "Deposits returned", ackComments: "on", ackRetracted: "on" });
    expect(ok.status).toBe(302);
    expect((await view("one@rv.test")).decisions.at(-1).acknowledged).toEqual(["unresolved_comments", "retracted_flags"]);
  });
});
