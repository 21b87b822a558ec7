// A review that cannot be waved through, against a real database (SQLite and PostgreSQL): four eyes
// (the filler cannot approve; a drop of two bands or more waits for a second, different approver),
// a reason for every decision, acknowledgements of open comments and severe red flags, reopening,
// and the audit trail of each decision and of the setting.
import { beforeAll, expect, it } from "vitest";
import { seedReferenceData } from "~db/seed/reference";
import { describeEachEngine, makeOrg, withTemporaryEvidenceDir } from "~/test/support";
import type { OrgIdentity } from "~/lib/auth.server";

import type { Role } from "~/domain/permissions";
import { ATHENS_V2, allQuestions, type Answers } from "~/domain/questionnaire";
import { BEST } from "~/domain/questionnaire/test-fixtures";
import { SupplierSchema } from "~/schemas/supplier";
import { getAssessment } from "~/models/assessment.server";
import { decisionsOf, fourEyesOf, setFourEyes } from "~/models/decision.server";
import { currentInvite } from "~/models/invite.server";
import { FILLER_MESSAGE, addReviewComment, approveAssessment, reopenAssessment, requestChanges } from "./assessment-review.server";
import { saveAnswer, submitAssessment } from "./assessment-answers.server";
import type { Actor } from "./assessment-core.server";
import { startAssessments } from "./assessments.server";
import { uploadEvidence } from "./evidence.server";
import { sendAssessmentInvite } from "./invites.server";
import { saveReviewSettings } from "./review-settings.server";
import { forgetReferenceData } from "./risk.server";
import { createSupplier } from "./suppliers.server";

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
/** BEST with a severe red flag: the employer keeps workers' documents. */
const SEVERE: Answers = { ...BEST, "p1.documents_holder": "employer_keeps" };
withTemporaryEvidenceDir("lantern-decisions-");

describeEachEngine("review decisions", (h) => {
  const R = (reason = "Answers and evidence checked") => ({ reason, acknowledged: [] as const });
  let n = 0;

  /** A fresh organisation (four eyes on, the default) with two officers, an admin and an executive. */
  async function world() {
    const slug = `rev-${++n}-${Math.random().toString(36).slice(2, 6)}`;
    const people: Array<[string, Role]> = [
      [`one@${slug}.test`, "compliance"],
      [`two@${slug}.test`, "compliance"],
      [`admin@${slug}.test`, "admin"],
    ];
    const { orgId, users } = await makeOrg(h(), slug, people);
    const ident = (email: string, role: Role): OrgIdentity => ({
      user: { sessionId: "s", userId: users[email]!, email, name: email.split("@")[0]! },
      org: { id: orgId, slug, name: slug.toUpperCase() },
      role,
    });
    return {
      orgId,
      one: ident(`one@${slug}.test`, "compliance"),
      two: ident(`two@${slug}.test`, "compliance"),
      admin: ident(`admin@${slug}.test`, "admin"),
    };
  }
  type World = Awaited<ReturnType<typeof world>>;

  async function supplier(w: World, name: string, extra: Record<string, unknown> = {}): Promise<number> {
    const r = await createSupplier(h().db, w.admin, SupplierSchema.parse({ name, country: "DK", ...extra }), "ip");
    if (!r.ok) throw new Error(r.message);
    return r.value.id;
  }

  /** A submitted assessment with these answers, filled in by `by` (an officer) or by the supplier through its link. */
  async function submitted(w: World, supplierId: number, by: OrgIdentity | "supplier", answers: Answers = BEST): Promise<number> {
    const { created } = await startAssessments(h().db, w.one, [supplierId], { dueAt: null, language: "en" }, "ip");
    const assessmentId = created[0]!;
    let actor: Actor;
    if (by === "supplier") {
      await sendAssessmentInvite(h().db, w.one, assessmentId, { email: `hr-${assessmentId}@supplier.test`, language: "en" }, "ip");
      const invite = (await currentInvite(h().db, w.orgId, assessmentId))!;
      actor = {
        kind: "supplier",
        s: { sessionId: "x", assessmentId, orgId: w.orgId, inviteId: invite.id, email: invite.email, language: "en" },
      };
    } else {
      actor = { kind: "officer", id: by };
    }
    for (const { question } of allQuestions(ATHENS_V2)) {
      const value = answers[question.key];
      if (question.type === "evidence" || value === undefined) continue;
      expect(await saveAnswer(h().db, actor, assessmentId, question.key, { value, comment: null, baseRevision: 0 }, null)).toHaveProperty(
        "ok",
        true,
      );
    }
    await uploadEvidence(h().db, actor, assessmentId, "p1.written_policy", { name: "policy.pdf", bytes: PDF }, null);
    expect(await submitAssessment(h().db, actor, assessmentId, null)).toEqual({ ok: true });
    return assessmentId;
  }

  const statusOf = async (w: World, id: number) => (await getAssessment(h().db, w.orgId, id))?.status;
  const bandOf = async (supplierId: number) =>
    (await h().db.selectFrom("suppliers").select(["risk_band"]).where("id", "=", supplierId).executeTakeFirstOrThrow()).risk_band;
  const audits = (w: World, id: number) =>
    h()
      .db.selectFrom("audit_log")
      .select(["action", "actor_label", "diff"])
      .where("org_id", "=", w.orgId)
      .where("entity", "=", "assessment")
      .where("entity_id", "=", String(id))
      .where("action", "in", [
        "assessment.first_approval",
        "assessment.approved",
        "assessment.changes_requested",
        "assessment.reopened",
        "assessment.commented",
      ])
      .orderBy("id")
      .execute();

  beforeAll(async () => {
    await seedReferenceData(h().db);
    forgetReferenceData();
  });

  it("refuses the officer who filled in answers (four eyes on); another reviewer approves; with it off, the filler may", async () => {
    const w = await world();
    const aid = await submitted(w, await supplier(w, "Filled Mill"), w.one);
    const refused = await approveAssessment(h().db, w.one, aid, R(), "ip");
    expect(refused).toEqual({ ok: false, kind: "forbidden", message: FILLER_MESSAGE });
    expect(await statusOf(w, aid)).toBe("submitted");
    expect(await decisionsOf(h().db, w.orgId, aid)).toEqual([]);
    expect(await approveAssessment(h().db, w.two, aid, R("Checked by a second pair of eyes"), "ip")).toMatchObject({
      ok: true,
      value: { approved: true },
    });
    expect(await statusOf(w, aid)).toBe("approved");
    expect(await decisionsOf(h().db, w.orgId, aid)).toEqual([
      expect.objectContaining({
        kind: "approve",
        userLabel: w.two.user.name, // signed with the name, not the e-mail address
        reason: "Checked by a second pair of eyes",
        acknowledged: [],
      }),
    ]);

    // Four eyes off: the filler approves alone.
    expect(await saveReviewSettings(h().db, w.admin, { fourEyes: false }, "ip")).toEqual({ ok: true, value: { changed: true } });
    const own = await submitted(w, await supplier(w, "Own Mill"), w.one);
    expect(await approveAssessment(h().db, w.one, own, R(), "ip")).toMatchObject({ ok: true, value: { approved: true } });
  });

  it("requires a reason (3 to 1000 characters) for every decision, and changes nothing without one", async () => {
    const w = await world();
    const aid = await submitted(w, await supplier(w, "Reasonless Mill"), "supplier");
    for (const reason of ["", "  ", "ok", "x".repeat(1001)]) {
      expect(await approveAssessment(h().db, w.one, aid, { reason }, "ip"), reason).toMatchObject({
        ok: false,
        kind: "invalid",
        field: "reason",
      });
      expect(await requestChanges(h().db, w.one, aid, { reason }, "ip"), reason).toMatchObject({
        ok: false,
        kind: "invalid",
        field: "reason",
      });
    }
    expect(await statusOf(w, aid)).toBe("submitted");
    expect(await decisionsOf(h().db, w.orgId, aid)).toEqual([]);
    expect(await approveAssessment(h().db, w.one, aid, R("  Fine.  "), "ip")).toMatchObject({ ok: true });
    expect((await decisionsOf(h().db, w.orgId, aid))[0]?.reason).toBe("Fine.");
    expect(await reopenAssessment(h().db, w.one, aid, { reason: " " }, "ip")).toMatchObject({
      ok: false,
      kind: "invalid",
      field: "reason",
    });
    expect(await statusOf(w, aid)).toBe("approved");
  });

  it("asks for an explicit acknowledgement of open comments and of severe red flags, and records it", async () => {
    const w = await world();
    const aid = await submitted(w, await supplier(w, "Passport Keeper"), "supplier", SEVERE);
    await addReviewComment(h().db, w.one, aid, "profile.workers", "Count the seasonal staff too.", "ip");
    expect(await approveAssessment(h().db, w.one, aid, R(), "ip")).toMatchObject({ ok: false, kind: "invalid", field: "ackComments" });
    expect(await approveAssessment(h().db, w.one, aid, { reason: "Checked", acknowledged: ["unresolved_comments"] }, "ip")).toMatchObject({
      ok: false,
      kind: "invalid",
      field: "ackFlags",
    });
    expect(await approveAssessment(h().db, w.one, aid, { reason: "Checked", acknowledged: ["severe_flags"] }, "ip")).toMatchObject({
      field: "ackComments",
    });
    expect(await statusOf(w, aid)).toBe("submitted");
    const ok = await approveAssessment(
      h().db,
      w.one,
      aid,
      { reason: "Actions open for the documents", acknowledged: ["severe_flags", "unresolved_comments"] },
      "ip",
    );
    expect(ok).toMatchObject({ ok: true, value: { approved: true } });
    const [d] = await decisionsOf(h().db, w.orgId, aid);
    expect(d).toMatchObject({ kind: "approve", acknowledged: ["unresolved_comments", "severe_flags"] });
    const audit = (await audits(w, aid)).find((a) => a.action === "assessment.approved")!;
    expect(JSON.parse(audit.diff!)).toMatchObject({
      reason: "Actions open for the documents",
      acknowledged: ["unresolved_comments", "severe_flags"],
    });

    // Without open comments or severe flags, nothing needs acknowledging and nothing is recorded as acknowledged.
    const clean = await submitted(w, await supplier(w, "Clean Mill"), "supplier");
    await approveAssessment(h().db, w.one, clean, { reason: "Fine", acknowledged: ["severe_flags"] }, "ip");
    expect((await decisionsOf(h().db, w.orgId, clean))[0]?.acknowledged).toEqual([]);
  });

  it("holds an approval that lowers the supplier by two bands until a different reviewer confirms it", async () => {
    const w = await world();
    const risky = await supplier(w, "Coal Works", { country: "KP", goods: ["Coal"] });
    const before = await bandOf(risky);
    expect(["high", "critical"]).toContain(before);
    const aid = await submitted(w, risky, "supplier");
    const first = await approveAssessment(h().db, w.one, aid, R("The audit confirms the controls"), "ip");
    expect(first).toMatchObject({ ok: true, value: { approved: false, awaitingSecond: true, from: before } });
    if (!first.ok || first.value.approved) throw new Error("expected a first approval");
    expect(["low", "medium"]).toContain(first.value.to);
    expect(await statusOf(w, aid)).toBe("submitted");
    expect(await bandOf(risky)).toBe(before); // not approved yet: the score stands
    // The first approver cannot be the second.
    expect(await approveAssessment(h().db, w.one, aid, R("Confirming my own"), "ip")).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await statusOf(w, aid)).toBe("submitted");
    const second = await approveAssessment(h().db, w.two, aid, R("Second look: agreed"), "ip");
    expect(second).toMatchObject({ ok: true, value: { approved: true } });
    expect(await statusOf(w, aid)).toBe("approved");
    expect(await bandOf(risky)).toBe(first.value.to);
    expect((await decisionsOf(h().db, w.orgId, aid)).map((d) => [d.kind, d.userLabel, d.reason])).toEqual([
      ["approve", w.one.user.name, "The audit confirms the controls"],
      ["second_approve", w.two.user.name, "Second look: agreed"],
    ]);
    expect((await audits(w, aid)).map((a) => [a.action, a.actor_label])).toEqual([
      ["assessment.first_approval", w.one.user.email],
      ["assessment.approved", w.two.user.email],
    ]);

    // A request for changes ends a waiting approval: after resubmission it starts over.
    const other = await supplier(w, "Coal Two", { country: "KP", goods: ["Coal"] });
    const aid2 = await submitted(w, other, "supplier");
    expect(await approveAssessment(h().db, w.one, aid2, R(), "ip")).toMatchObject({ ok: true, value: { approved: false } });
    await addReviewComment(h().db, w.two, aid2, "profile.workers", "Which sites?", "ip");
    expect(await requestChanges(h().db, w.two, aid2, { reason: "Not convinced yet" }, "ip")).toEqual({ ok: true });
    expect((await decisionsOf(h().db, w.orgId, aid2)).map((d) => d.kind)).toEqual(["approve", "request_changes"]);

    // Four eyes off: one approval is enough, whatever the drop.
    await setFourEyes(h().db, w.orgId, false);
    const third = await submitted(w, await supplier(w, "Coal Three", { country: "KP", goods: ["Coal"] }), "supplier");
    expect(await approveAssessment(h().db, w.one, third, R(), "ip")).toMatchObject({ ok: true, value: { approved: true } });
  });

  it("reopens an approved assessment with a reason: submitted again, its approval out of the score, audited", async () => {
    const w = await world();
    const risky = await supplier(w, "Reopened Works", { country: "KP", goods: ["Coal"] });
    const unassessed = await bandOf(risky);
    await setFourEyes(h().db, w.orgId, false);
    const aid = await submitted(w, risky, "supplier");
    expect(await reopenAssessment(h().db, w.one, aid, { reason: "Too early" }, "ip")).toMatchObject({ ok: false, kind: "conflict" });
    expect(await approveAssessment(h().db, w.one, aid, R(), "ip")).toMatchObject({ ok: true, value: { approved: true } });
    expect(await bandOf(risky)).not.toBe(unassessed);
    expect(await reopenAssessment(h().db, w.two, aid, { reason: "The audit found withheld passports" }, "ip")).toEqual({ ok: true });
    const a = (await getAssessment(h().db, w.orgId, aid))!;
    expect(a).toMatchObject({ status: "submitted", approvedAt: null, validUntil: null });
    expect(await bandOf(risky)).toBe(unassessed); // recomputed without the approval
    expect((await decisionsOf(h().db, w.orgId, aid)).map((d) => [d.kind, d.reason])).toEqual([
      ["approve", "Answers and evidence checked"],
      ["reopen", "The audit found withheld passports"],
    ]);
    const audit = (await audits(w, aid)).at(-1)!;
    expect(audit.action).toBe("assessment.reopened");
    expect(JSON.parse(audit.diff!)).toMatchObject({ decision: "reopen", reason: "The audit found withheld passports" });
    // Reviewed anew: it may be approved again.
    expect(await approveAssessment(h().db, w.one, aid, R("Passports returned"), "ip")).toMatchObject({
      ok: true,
      value: { approved: true },
    });
  });

  it("records a request for changes with its reason (kept internal) and audits it", async () => {
    const w = await world();
    const aid = await submitted(w, await supplier(w, "Sent Back Mill"), "supplier");
    await addReviewComment(h().db, w.one, aid, "profile.workers", "How many are agency workers?", "ip");
    expect(await requestChanges(h().db, w.one, aid, { reason: "Agency numbers missing" }, "ip")).toEqual({ ok: true });
    expect(await decisionsOf(h().db, w.orgId, aid)).toEqual([
      expect.objectContaining({ kind: "request_changes", reason: "Agency numbers missing" }),
    ]);
    const mail = await h()
      .db.selectFrom("mail_outbox")
      .select(["body_text"])
      .where("kind", "=", "assessment-changes-requested")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(mail.body_text).not.toContain("Agency numbers missing");
    expect((await audits(w, aid)).map((a) => a.action)).toEqual(["assessment.commented", "assessment.changes_requested"]);
  });

  it("turns four eyes off and on (on by default), audited old → new", async () => {
    const w = await world();
    expect(await fourEyesOf(h().db, w.orgId)).toBe(true);
    expect(await saveReviewSettings(h().db, w.admin, { fourEyes: true }, "ip")).toEqual({ ok: true, value: { changed: false } });
    expect(await saveReviewSettings(h().db, w.admin, { fourEyes: false }, "ip")).toEqual({ ok: true, value: { changed: true } });
    expect(await fourEyesOf(h().db, w.orgId)).toBe(false);
    expect(await saveReviewSettings(h().db, w.admin, { fourEyes: true }, "ip")).toEqual({ ok: true, value: { changed: true } });
    const rows = await h()
      .db.selectFrom("audit_log")
      .select(["action", "diff", "actor_label"])
      .where("org_id", "=", w.orgId)
      .where("action", "=", "org.four_eyes_changed")
      .orderBy("id")
      .execute();
    expect(rows.map((r) => JSON.parse(r.diff!))).toEqual([
      { fourEyes: { from: true, to: false } },
      { fourEyes: { from: false, to: true } },
    ]);
    expect(rows.every((r) => r.actor_label === w.admin.user.email)).toBe(true);
  });
});
