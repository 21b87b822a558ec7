// Corrective actions against a real database: red flags of an approved assessment open actions (once
// per supplier, question and indicator until verified), manual actions, the status workflow with
// optimistic versions, owner and due date, notes and supplier replies with files, the supplier's view
// of its own actions only, the list's filters and counts, and the overdue mail. Each test builds its
// own organization (world()), so the tests pass alone and in any order.
import { isoDay } from "~/domain/dates";
import { expect, it } from "vitest";
import type { Db } from "~db/client";
import { describeEachEngine, makeOrg, withTemporaryEvidenceDir } from "~/test/support";
import { setFourEyes } from "~/models/decision.server";
import type { OrgIdentity } from "~/lib/auth.server";
import type { Role } from "~/domain/permissions";

import { ok } from "~/domain/result";
import { SupplierSchema } from "~/schemas/supplier";
import { insertSupplier, setSupplierStatus } from "~/models/supplier.server";
import { ATHENS_V2, allQuestions, redFlagsOf, type Answers } from "~/domain/questionnaire";
import { BEST } from "~/domain/questionnaire/test-fixtures";
import { approveAssessment } from "./assessment-review.server";
import { saveAnswer, submitAssessment } from "./assessment-answers.server";
import { startAssessments } from "./assessments.server";
import type { Actor } from "./assessment-core.server";
import { uploadEvidence } from "./evidence.server";
import type { SupplierIdentity } from "~/lib/supplier-session.server";
import { actionCounts, getAction, listActions, listForSupplier } from "~/models/action.server";
import { actionPage } from "./action-pages.server";
import { changeActionStatus, createManualAction, openRedFlagActions, updateActionOwnerDue } from "./actions.server";
import { mailOverdueActions, supplierActionsView } from "./action-followup.server";
import { addActionNote, downloadActionFile } from "./action-notes.server";

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const DAY = 86_400_000;
const day = (d: Date) => isoDay(d);

withTemporaryEvidenceDir("lantern-actions-");

/** BEST with two red flags: the employer keeps documents (severe), 54 normal hours a week (other). */
const FLAGGED: Answers = { ...BEST, "p1.documents_holder": "employer_keeps", "p5.normal_weekly_hours": 54 };

/** A fresh organization of its own (unique slug and addresses), another tenant, and two suppliers. */
async function world(db: Db) {
  const slug = `act-${Math.random().toString(36).slice(2, 8)}`;
  const email = { admin: `admin@${slug}.test`, officer: `officer@${slug}.test`, exec: `exec@${slug}.test` };
  const org = await makeOrg(db, slug, [
    [email.admin, "admin"],
    [email.officer, "compliance"],
    [email.exec, "executive"],
  ]);
  // The officer fills in and approves: these tests are about actions (four eyes: assessment-decisions.test.ts).
  await setFourEyes(db.db, org.orgId, false);
  const identity = (o: typeof org, s: string, mail: string, role: Role): OrgIdentity => ({
    user: { sessionId: "s", userId: o.users[mail]!, email: mail, name: mail.split("@")[0]! },
    org: { id: o.orgId, slug: s, name: s.toUpperCase() },
    role,
  });
  const otherSlug = `other-${slug}`;
  const other = await makeOrg(db, otherSlug, [[`officer@${otherSlug}.test`, "compliance"]]);
  return {
    slug,
    orgName: slug.toUpperCase(),
    orgId: org.orgId,
    email,
    admin: identity(org, slug, email.admin, "admin"),
    officer: identity(org, slug, email.officer, "compliance"),
    exec: identity(org, slug, email.exec, "executive"),
    foreign: identity(other, otherSlug, `officer@${otherSlug}.test`, "compliance"),
    mill: await insertSupplier(db.db, org.orgId, SupplierSchema.parse({ name: "Dhaka Mill", country: "BD" })),
    dyehouse: await insertSupplier(db.db, org.orgId, SupplierSchema.parse({ name: "Dye House", country: "IN" })),
  };
}
type World = Awaited<ReturnType<typeof world>>;

describeEachEngine("corrective actions", (h) => {
  /** A submitted assessment of `supplierId` with these answers (the signed policy attached). */
  async function submitted(w: World, supplierId: number, answers: Answers): Promise<number> {
    const actor: Actor = { kind: "officer", id: w.officer };
    const { created } = await startAssessments(h().db, w.officer, [supplierId], { dueAt: null, language: "en" }, "ip");
    const assessmentId = created[0]!;
    for (const { question } of allQuestions(ATHENS_V2)) {
      const value = answers[question.key];
      if (question.type === "evidence" || value === undefined) continue;
      expect(
        await saveAnswer(h().db, actor, assessmentId, question.key, { value, comment: null, baseRevision: 0 }, null),
        question.key,
      ).toHaveProperty("value.revision");
    }
    expect(await uploadEvidence(h().db, actor, assessmentId, "p1.written_policy", { name: "policy.pdf", bytes: PDF }, null)).toHaveProperty(
      "value.fileId",
    );
    expect(await submitAssessment(h().db, actor, assessmentId, null)).toEqual({ ok: true });
    return assessmentId;
  }
  const actionsOf = (supplierId: number) =>
    h().db.selectFrom("corrective_actions").selectAll().where("supplier_id", "=", supplierId).orderBy("id").execute();
  const versionOf = async (w: World, id: number) => (await getAction(h().db, w.orgId, id))!.version;

  /** FLAGGED answers of the mill approved by `by`: the assessment and its two new actions (documents, hours). */
  async function flaggedMill(w: World, by: OrgIdentity = w.officer, now?: Date) {
    const before = new Set((await actionsOf(w.mill)).map((r) => r.id));
    const assessmentId = await submitted(w, w.mill, FLAGGED);
    expect(
      await approveAssessment(
        h().db,
        by,
        assessmentId,
        { reason: "Reviewed", acknowledged: ["unresolved_comments", "severe_flags"] },
        "ip",
        now,
      ),
    ).toMatchObject({ ok: true });
    const opened = (await actionsOf(w.mill)).filter((r) => !before.has(r.id));
    const idOf = (key: string) => opened.find((r) => r.question_key === key)?.id ?? 0;
    return { assessmentId, opened, documents: idOf("p1.documents_holder"), hours: idOf("p5.normal_weekly_hours") };
  }
  /** Moves an action to done, then verified (closed for good). */
  async function verify(w: World, id: number) {
    const v = await versionOf(w, id);
    expect(await changeActionStatus(h().db, w.officer, id, { version: v, status: "done", note: null }, "ip")).toMatchObject({ ok: true });
    expect(await changeActionStatus(h().db, w.admin, id, { version: v + 1, status: "verified", note: null }, "ip")).toMatchObject({
      ok: true,
    });
  }

  it("opens actions for flags beyond the ILO's eleven: child labour and state-imposed labour, each its own", async () => {
    const w = await world(h());
    const answers: Answers = {
      ...BEST,
      "p4.under_minimum_age": "yes",
      "p4.young_hazardous_work": "yes",
      "p3.material_origins": ["xinjiang", "other_regions"],
    };
    const assessmentId = await submitted(w, w.dyehouse, answers);
    const approved = await approveAssessment(
      h().db,
      w.officer,
      assessmentId,
      { reason: "Reviewed", acknowledged: ["unresolved_comments", "severe_flags"] },
      "ip",
      new Date("2098-12-01T10:00:00.000Z"),
    );
    expect(approved).toMatchObject({ ok: true });
    const rows = await actionsOf(w.dyehouse);
    expect(rows.map((r) => [r.question_key, r.indicator, r.severity, r.title.split(" — ")[0]]).sort()).toEqual([
      ["p3.material_origins", "state_imposed_labour", "severe", "State-imposed forced labour"],
      ["p4.under_minimum_age", "child_labour", "severe", "Child labour below the minimum age"],
      ["p4.young_hazardous_work", "hazardous_child_labour", "severe", "Hazardous work by children under 18"],
    ]);
  });

  it("opens one action per red flag when an assessment is approved: owner = approver, due in 30 days, the answer kept", async () => {
    const w = await world(h());
    const expected = redFlagsOf(ATHENS_V2, FLAGGED);
    expect(expected.map((f) => `${f.questionKey}|${f.indicator}`).sort()).toEqual([
      "p1.documents_holder|retention_of_documents",
      "p5.normal_weekly_hours|excessive_overtime",
    ]);
    // A day far ahead: this organization's open actions are never overdue for the other tests' clocks.
    const { assessmentId } = await flaggedMill(w, w.officer, new Date("2098-12-01T10:00:00.000Z"));
    const rows = await actionsOf(w.mill);
    expect(rows).toHaveLength(2);
    const docs = rows.find((r) => r.question_key === "p1.documents_holder")!;
    expect(docs).toMatchObject({
      org_id: w.orgId,
      source: "red_flag",
      assessment_id: assessmentId,
      indicator: "retention_of_documents",
      severity: "severe",
      title: "Retention of identity documents — Who keeps workers' passports, identity cards and work permits?",
      owner_user_id: w.officer.user.userId,
      created_by: w.officer.user.userId,
      due_at: "2098-12-31",
      status: "open",
      version: 1,
    });
    expect(JSON.parse(docs.answer!)).toBe("employer_keeps");
    const hours = rows.find((r) => r.question_key === "p5.normal_weekly_hours")!;
    expect(hours).toMatchObject({
      indicator: "excessive_overtime",
      severity: "other",
      title: "Excessive overtime — " + hours.title.split(" — ")[1],
    });
    expect(JSON.parse(hours.answer!)).toBe(54);
    const events = await h().db.selectFrom("action_events").select(["kind", "author_label"]).where("action_id", "=", docs.id).execute();
    expect(events).toEqual([{ kind: "created", author_label: w.email.officer }]);
    const audit = await h()
      .db.selectFrom("audit_log")
      .select(["action", "entity_id"])
      .where("action", "=", "action.opened")
      .where("org_id", "=", w.orgId)
      .execute();
    expect(audit.map((a) => a.entity_id).sort()).toEqual([String(docs.id), String(hours.id)].sort());
  });

  it("shows the answer and indicator behind a red-flag action on its page", async () => {
    const w = await world(h());
    const { assessmentId, documents } = await flaggedMill(w);
    const page = (await actionPage(h().db, w.exec, documents))!;
    expect(page).toMatchObject({
      indicatorLabel: "Retention of identity documents",
      answer: "The company or an agency keeps them",
      next: ["in_progress", "done"],
    });
    expect(page.question).toMatch(/passports/);
    expect(page.action).toMatchObject({ supplierName: "Dhaka Mill", assessmentId, ownerName: "officer" });
    expect(await actionPage(h().db, w.foreign, documents)).toBeNull(); // another tenant: not found
  });

  it("does not open the same action twice while it is not verified; opens it again after verification", async () => {
    const w = await world(h());
    const first = await flaggedMill(w);
    const second = await flaggedMill(w, w.admin);
    expect(second.opened).toEqual([]);
    expect(await actionsOf(w.mill)).toHaveLength(2);
    expect(await openRedFlagActions(h().db, w.orgId, second.assessmentId, { userId: null, label: "test" })).toBe(0);
    // Verify the documents action: the next approval with the same answer opens a new one.
    expect(
      await changeActionStatus(h().db, w.officer, first.documents, { version: 1, status: "done", note: "Lockers installed" }, "ip"),
    ).toEqual(ok({ version: 2 }));
    expect(await changeActionStatus(h().db, w.officer, first.documents, { version: 2, status: "verified", note: null }, "ip")).toEqual(
      ok({ version: 3 }),
    );
    const third = await flaggedMill(w, w.admin);
    const rows = await actionsOf(w.mill);
    expect(rows).toHaveLength(3);
    expect(rows[2]).toMatchObject({
      question_key: "p1.documents_holder",
      status: "open",
      owner_user_id: w.admin.user.userId,
      assessment_id: third.assessmentId,
    });
    // Good answers raise no flag and open nothing.
    const good = await submitted(w, w.dyehouse, BEST);
    expect(
      await approveAssessment(h().db, w.officer, good, { reason: "Reviewed", acknowledged: ["unresolved_comments", "severe_flags"] }, "ip"),
    ).toMatchObject({ ok: true });
    expect(await actionsOf(w.dyehouse)).toEqual([]);
  });

  it("moves status only along open → in progress → done → verified, with optimistic versions; verified is final", async () => {
    const w = await world(h());
    const id = (await flaggedMill(w)).hours;
    const move = (by: OrgIdentity, version: number, status: "open" | "in_progress" | "done" | "verified", note: string | null = null) =>
      changeActionStatus(h().db, by, id, { version, status, note }, "ip");
    expect(await move(w.officer, 1, "verified")).toMatchObject({ ok: false, kind: "conflict", field: "status" });
    expect(await move(w.exec, 1, "in_progress")).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await move(w.foreign, 1, "in_progress")).toMatchObject({ ok: false, kind: "not_found" });
    expect(await move(w.officer, 1, "in_progress", "Called the factory")).toEqual(ok({ version: 2 }));
    const stale = await move(w.admin, 1, "done");
    expect(stale).toMatchObject({ ok: false, kind: "conflict", messageKey: "ui.actions.stale" });
    expect(!stale.ok && stale.message).toMatch(/Someone changed this action .*in progress.*reload/);
    expect(await move(w.officer, 2, "open")).toMatchObject({ ok: false, kind: "conflict" });
    expect(await move(w.officer, 2, "done")).toEqual(ok({ version: 3 }));
    expect((await getAction(h().db, w.orgId, id))!.doneAt).not.toBeNull();
    expect(await move(w.officer, 3, "in_progress", "Evidence unreadable")).toEqual(ok({ version: 4 }));
    expect((await getAction(h().db, w.orgId, id))!.doneAt).toBeNull();
    expect(await move(w.officer, 4, "done")).toEqual(ok({ version: 5 }));
    expect(await move(w.admin, 5, "verified")).toEqual(ok({ version: 6 }));
    const a = (await getAction(h().db, w.orgId, id))!;
    expect(a).toMatchObject({ status: "verified", verifiedByName: "admin" });
    expect(await move(w.admin, 6, "in_progress")).toMatchObject({ ok: false, kind: "conflict" });
    expect(await updateActionOwnerDue(h().db, w.admin, id, { version: 6, ownerUserId: null, dueAt: "2099-01-01" }, "ip")).toMatchObject({
      ok: false,
      kind: "conflict",
    });
    const events = await h()
      .db.selectFrom("action_events")
      .select(["kind", "status_from", "status_to", "body"])
      .where("action_id", "=", id)
      .orderBy("id")
      .execute();
    expect(events.map((e) => e.kind)).toEqual(["created", "status", "status", "status", "status", "status"]);
    expect(events[1]).toMatchObject({ status_from: "open", status_to: "in_progress", body: "Called the factory" });
    const audit = await h()
      .db.selectFrom("audit_log")
      .select("diff")
      .where("action", "=", "action.status_changed")
      .where("entity_id", "=", String(id))
      .execute();
    expect(audit).toHaveLength(5);
  });

  it("changes owner and due date: only members who can act own actions; the overdue mail starts over", async () => {
    const w = await world(h());
    const id = (await flaggedMill(w, w.admin)).documents; // owned by the approving admin
    const v = await versionOf(w, id);
    const update = (version: number, ownerUserId: number | null, dueAt: string) =>
      updateActionOwnerDue(h().db, w.officer, id, { version, ownerUserId, dueAt }, "ip");
    expect(await update(v, w.exec.user.userId, "2099-01-01")).toMatchObject({ ok: false, kind: "invalid", field: "ownerUserId" });
    expect(await update(v, w.foreign.user.userId, "2099-01-01")).toMatchObject({ ok: false, kind: "invalid", field: "ownerUserId" });
    await h().db.updateTable("corrective_actions").set({ overdue_mailed_at: "2026-01-01T00:00:00.000Z" }).where("id", "=", id).execute();
    expect(await update(v, w.officer.user.userId, "2099-01-01")).toEqual(ok({ version: v + 1, changed: true }));
    const a = (await getAction(h().db, w.orgId, id))!;
    expect(a).toMatchObject({ ownerUserId: w.officer.user.userId, dueAt: "2099-01-01" });
    expect(
      (await h().db.selectFrom("corrective_actions").select("overdue_mailed_at").where("id", "=", id).executeTakeFirstOrThrow())
        .overdue_mailed_at,
    ).toBeNull();
    expect(await update(v + 1, w.officer.user.userId, "2099-01-01")).toEqual(ok({ version: v + 1, changed: false }));
    expect(await update(v, null, "2099-02-01")).toMatchObject({ ok: false, kind: "conflict" });
    const note = await h()
      .db.selectFrom("action_events")
      .select("body")
      .where("action_id", "=", id)
      .where("kind", "=", "note")
      .executeTakeFirstOrThrow();
    expect(note.body).toMatch(/Owner: admin → officer\. Due date: .* → 2099-01-01\./);
  });

  it("adds notes with files: checked by content, size and count; stale versions refused; downloads as attachments", async () => {
    const w = await world(h());
    const { documents: id, hours } = await flaggedMill(w);
    const officer = { kind: "officer" as const, id: w.officer };
    const v = await versionOf(w, id);
    const note = (files: Array<{ name: string; bytes: Uint8Array }>, body: string | null = null, version = v) =>
      addActionNote(h().db, officer, id, { version, body, files }, "ip");
    expect(await note([], "  ")).toMatchObject({ ok: false, kind: "invalid", field: "body" });
    expect(await note([{ name: "x.exe", bytes: new TextEncoder().encode("MZ not a document") }])).toMatchObject({
      ok: false,
      kind: "unsupported_type",
    });
    expect(await note([{ name: "big.pdf", bytes: new Uint8Array(10 * 1024 * 1024 + 1) }])).toMatchObject({ ok: false, kind: "too_large" });
    expect(await note([{ name: "empty.pdf", bytes: new Uint8Array(0) }])).toMatchObject({ ok: false, kind: "invalid" });
    const four = Array.from({ length: 4 }, (_, i) => ({ name: `p${i}.pdf`, bytes: PDF }));
    expect(await note(four)).toMatchObject({ ok: false, kind: "invalid", field: "files" });
    expect(await addActionNote(h().db, { kind: "officer", id: w.exec }, id, { version: v, body: "hi", files: [] }, "ip")).toMatchObject({
      ok: false,
      kind: "forbidden",
    });
    const added = await note([{ name: "../../audit report.pdf", bytes: PDF }], "Audit report attached");
    expect(added).toMatchObject({ ok: true, value: { version: v + 1, files: 1 } });
    expect(await note([], "again")).toMatchObject({ ok: false, kind: "conflict" });
    const files = (await actionPage(h().db, w.exec, id))!.files;
    expect(files).toEqual([
      expect.objectContaining({ filename: "audit report.pdf", mime: "application/pdf", uploadedBy: w.email.officer }),
    ]);
    const dl = (await downloadActionFile(h().db, w.exec, id, files[0]!.id))!;
    expect(dl.headers["Content-Disposition"]).toMatch(/^attachment; /);
    expect(dl.headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(Buffer.compare(dl.body, Buffer.from(PDF))).toBe(0);
    expect(await downloadActionFile(h().db, w.foreign, id, files[0]!.id)).toBeNull();
    expect(await downloadActionFile(h().db, w.exec, hours, files[0]!.id)).toBeNull(); // a file of another action
    expect(await versionOf(w, id)).toBe(v + 1);
  });

  it("lets the supplier see and answer only its own supplier's actions, without officers' notes; the owner is told", async () => {
    const w = await world(h());
    const flagged = await flaggedMill(w);
    // An officer's note (internal) on the documents action; the hours action verified (closed for the supplier).
    expect(
      await addActionNote(h().db, { kind: "officer", id: w.officer }, flagged.documents, { version: 1, body: "Internal", files: [] }, "ip"),
    ).toMatchObject({ ok: true });
    await verify(w, flagged.hours);
    const s: SupplierIdentity = {
      sessionId: "x",
      assessmentId: flagged.assessmentId,
      orgId: w.orgId,
      inviteId: 0,
      email: "hr@mill.test",
      language: "es",
    };
    const view = (await supplierActionsView(h().db, s))!;
    expect(view.supplierName).toBe("Dhaka Mill");
    // Verified actions are closed for the supplier; the others show.
    expect(view.actions.map((a) => a.id)).toEqual([flagged.documents]);
    const withNote = view.actions[0]!;
    expect(withNote.timeline.map((e) => e.kind)).toEqual(["created"]); // the officer's notes stay inside
    expect(withNote.timeline[0]!.by).toBe(w.orgName);

    const target = withNote.id;
    const mark =
      (
        await h()
          .db.selectFrom("mail_outbox")
          .select((eb) => eb.fn.max("id").as("m"))
          .executeTakeFirstOrThrow()
      ).m ?? 0;
    const r = await addActionNote(
      h().db,
      { kind: "supplier", s },
      target,
      { version: withNote.version, body: "Passports returned to all workers", files: [{ name: "receipts.pdf", bytes: PDF }] },
      "ip",
    );
    expect(r).toMatchObject({ ok: true, value: { version: withNote.version + 1, files: 1 } });
    const after = (await supplierActionsView(h().db, s))!.actions.find((a) => a.id === target)!;
    expect(after.timeline.at(-1)).toMatchObject({
      kind: "supplier_reply",
      by: "hr@mill.test",
      body: "Passports returned to all workers",
      files: ["receipts.pdf"],
    });
    const mail = await h()
      .db.selectFrom("mail_outbox")
      .select(["to_address", "kind", "body_text"])
      .where("id", ">", Number(mark))
      .where("org_id", "=", w.orgId)
      .execute();
    expect(mail).toEqual([expect.objectContaining({ to_address: w.email.officer, kind: "action-supplier-reply" })]);
    expect(mail[0]!.body_text).toContain(`/o/${w.slug}/actions/${target}`);

    // Another supplier's portal session sees none of these and cannot answer them.
    const other: SupplierIdentity = { ...s, assessmentId: await submitted(w, w.dyehouse, BEST), email: "hr@dye.test" };
    expect((await supplierActionsView(h().db, other))!.actions).toEqual([]);
    const reply = (who: SupplierIdentity, actionId: number, version: number) =>
      addActionNote(h().db, { kind: "supplier", s: who }, actionId, { version, body: "x", files: [] }, "ip");
    expect(await reply(other, target, after.version)).toMatchObject({ ok: false, kind: "not_found" });
    // A session of another tenant reaches nothing either; nor does a verified action.
    expect(await reply({ ...s, orgId: w.foreign.org.id }, target, after.version)).toMatchObject({ ok: false, kind: "not_found" });
    expect(await reply(s, flagged.hours, await versionOf(w, flagged.hours))).toMatchObject({ ok: false, kind: "not_found" });
  });

  it("creates manual actions for a supplier of this organization only", async () => {
    const w = await world(h());
    const input = {
      supplierId: w.dyehouse,
      title: "Install a grievance box",
      details: "In the canteen",
      ownerUserId: w.officer.user.userId,
      dueAt: "2099-03-01",
    };
    expect(await createManualAction(h().db, w.exec, input, "ip")).toMatchObject({ ok: false, kind: "forbidden" });
    const foreignSupplier = await insertSupplier(h().db, w.foreign.org.id, SupplierSchema.parse({ name: "Elsewhere", country: "VN" }));
    expect(await createManualAction(h().db, w.officer, { ...input, supplierId: foreignSupplier }, "ip")).toMatchObject({
      ok: false,
      kind: "invalid",
      field: "supplierId",
    });
    expect(await createManualAction(h().db, w.officer, { ...input, ownerUserId: w.foreign.user.userId }, "ip")).toMatchObject({
      ok: false,
      kind: "invalid",
      field: "ownerUserId",
    });
    const archived = await insertSupplier(h().db, w.orgId, SupplierSchema.parse({ name: "Closed Mill", country: "VN" }));
    await setSupplierStatus(h().db, w.orgId, archived, "archived");
    expect(await createManualAction(h().db, w.officer, { ...input, supplierId: archived }, "ip")).toMatchObject({
      ok: false,
      kind: "invalid",
      field: "supplierId",
    });
    const r = await createManualAction(h().db, w.officer, input, "ip");
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(await getAction(h().db, w.orgId, r.value.actionId)).toMatchObject({
      source: "manual",
      title: "Install a grievance box",
      details: "In the canteen",
      status: "open",
      dueAt: "2099-03-01",
      assessmentId: null,
    });
    expect(
      await h()
        .db.selectFrom("audit_log")
        .select("action")
        .where("action", "=", "action.created")
        .where("entity_id", "=", String(r.value.actionId))
        .execute(),
    ).toHaveLength(1);
  });

  it("lists with filters, paging and totals; counts for the dashboard", async () => {
    const w = await world(h());
    // Two verified red-flag actions, one open red-flag action and one open manual action, all owned by the officer.
    const first = await flaggedMill(w);
    await verify(w, first.documents);
    const again = await flaggedMill(w, w.admin);
    await verify(w, first.hours);
    expect(
      await updateActionOwnerDue(
        h().db,
        w.officer,
        again.documents,
        { version: 1, ownerUserId: w.officer.user.userId, dueAt: "2099-01-01" },
        "ip",
      ),
    ).toMatchObject({ ok: true });
    const manual = { supplierId: w.dyehouse, title: "Install a grievance box", details: null, ownerUserId: w.officer.user.userId };
    expect(await createManualAction(h().db, w.officer, { ...manual, dueAt: "2099-03-01" }, "ip")).toMatchObject({ ok: true });

    const later = new Date(Date.now() + 400 * DAY);
    const all = await listActions(h().db, w.orgId, { page: 1, pageSize: 50 }, later);
    expect(all.total).toBe(4);
    expect(all.rows.map((r) => r.status)).toEqual(["open", "open", "verified", "verified"]); // active first, then by due date
    expect(all.rows.map((r) => r.dueAt).slice(0, 2)).toEqual(["2099-01-01", "2099-03-01"]);
    const list = (f: Partial<Parameters<typeof listActions>[2]>) => listActions(h().db, w.orgId, { page: 1, pageSize: 50, ...f });
    expect((await list({ source: "manual" })).rows.map((r) => r.title)).toEqual(["Install a grievance box"]);
    expect((await list({ supplierId: w.dyehouse })).total).toBe(1);
    expect((await list({ status: "verified" })).total).toBe(2);
    expect((await list({ owner: w.officer.user.userId })).total).toBe(4);
    expect((await list({ owner: w.admin.user.userId })).total).toBe(0);
    expect((await list({ owner: "none" })).total).toBe(0);
    expect((await listActions(h().db, w.orgId, { overdue: true, page: 1, pageSize: 50 }, later)).total).toBe(0);
    const page2 = await list({ page: 2, pageSize: 3 });
    expect(page2.total).toBe(4);
    expect(page2.rows).toHaveLength(1);
    expect((await listActions(h().db, w.foreign.org.id, { page: 1, pageSize: 50 })).total).toBe(0);

    expect(await actionCounts(h().db, w.orgId, later)).toEqual({
      open: 2,
      inProgress: 0,
      done: 0,
      verified: 2,
      overdue: 0,
      bySource: { red_flag: 1, review: 0, manual: 1 },
    });
    expect(await actionCounts(h().db, w.foreign.org.id)).toMatchObject({ open: 0, overdue: 0 });
    expect(await listForSupplier(h().db, w.orgId, w.mill)).toHaveLength(3);
    expect(await listForSupplier(h().db, w.foreign.org.id, w.mill)).toEqual([]);
  });

  it("mails each owner about overdue actions once, then every 7 days, and not about done ones", async () => {
    const w = await world(h());
    // The job looks at every organization: approved 60 days ago, these actions are overdue at t0 (20
    // days ago) while the other tests' actions, due 30 days from now or later, are not.
    const knit = await insertSupplier(h().db, w.orgId, SupplierSchema.parse({ name: "Knit Co", country: "VN" }));
    const approvedAt = new Date(Date.now() - 60 * DAY);
    expect(
      await approveAssessment(
        h().db,
        w.officer,
        await submitted(w, knit, FLAGGED),
        { reason: "Reviewed", acknowledged: ["unresolved_comments", "severe_flags"] },
        "ip",
        approvedAt,
      ),
    ).toMatchObject({ ok: true });
    const [a1, a2] = (await actionsOf(knit)).map((r) => r.id) as [number, number];
    const due = (await getAction(h().db, w.orgId, a2))!.dueAt;
    expect(
      await updateActionOwnerDue(h().db, w.officer, a2, { version: 1, ownerUserId: w.admin.user.userId, dueAt: due }, "ip"),
    ).toMatchObject({ ok: true, value: { changed: true } });

    const t0 = new Date(Date.now() - 20 * DAY);
    const overdue = await listActions(h().db, w.orgId, { overdue: true, page: 1, pageSize: 50 }, t0);
    expect(overdue.rows.map((r) => r.id).sort()).toEqual([a1, a2].sort());
    expect(overdue.rows.every((r) => r.overdue)).toBe(true);
    expect((await actionCounts(h().db, w.orgId, t0)).overdue).toBe(2);

    const mark = Number(
      (
        await h()
          .db.selectFrom("mail_outbox")
          .select((eb) => eb.fn.max("id").as("m"))
          .executeTakeFirstOrThrow()
      ).m ?? 0,
    );
    const mails = () =>
      h()
        .db.selectFrom("mail_outbox")
        .select(["to_address", "subject", "body_text"])
        .where("id", ">", mark)
        .where("kind", "=", "action-overdue")
        .orderBy("id")
        .execute();
    expect(await mailOverdueActions(h().db, t0)).toBe(2); // one mail per owner
    const first = await mails();
    expect(first.map((m) => m.to_address).sort()).toEqual([w.email.admin, w.email.officer]);
    const toOfficer = first.find((m) => m.to_address === w.email.officer)!;
    expect(toOfficer.subject).toBe(`${w.orgName}: a corrective action is overdue`);
    expect(toOfficer.body_text).toContain(`/o/${w.slug}/actions/${a1}`);
    expect(toOfficer.body_text).toContain("Knit Co");
    expect(toOfficer.body_text).not.toContain(`/o/${w.slug}/actions/${a2}`);
    const mailed = await h().db.selectFrom("corrective_actions").select("overdue_mailed_at").where("id", "in", [a1, a2]).execute();
    expect(mailed.every((r) => r.overdue_mailed_at === t0.toISOString())).toBe(true);

    expect(await mailOverdueActions(h().db, new Date(t0.getTime() + 3 * DAY))).toBe(0);
    // Done is not overdue any more: only the officer's action is mailed again, a week later.
    expect(
      await changeActionStatus(h().db, w.admin, a2, { version: await versionOf(w, a2), status: "done", note: null }, "ip"),
    ).toMatchObject({ ok: true });
    expect(await mailOverdueActions(h().db, new Date(t0.getTime() + 7 * DAY))).toBe(1);
    expect((await mails()).slice(2).map((m) => m.to_address)).toEqual([w.email.officer]);
    expect(await mailOverdueActions(h().db, new Date(t0.getTime() + 8 * DAY))).toBe(0);
    // An owner who left the organization is not mailed about its actions.
    await h().db.deleteFrom("memberships").where("org_id", "=", w.orgId).where("user_id", "=", w.officer.user.userId).execute();
    expect(await mailOverdueActions(h().db, new Date(t0.getTime() + 30 * DAY))).toBe(0);
    expect(day(t0)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
