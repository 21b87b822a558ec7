// Corrective actions against a real database: red flags of an approved assessment open actions (once
// per supplier, question and indicator until verified), manual actions, the status workflow with
// optimistic versions, owner and due date, notes and supplier replies with files, the supplier's view
// of its own actions only, the list's filters and counts, and the overdue mail.
import { isoDay } from "~/domain/dates";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachEngine, makeOrg } from "~/test/support";
import type { OrgIdentity } from "~/lib/auth.server";
import type { Role } from "~/domain/permissions";
import { resetEnvCache } from "~/lib/env.server";
import { SupplierSchema } from "~/schemas/supplier";
import { insertSupplier, setSupplierStatus } from "~/models/supplier.server";
import { ATHENS_V1, allQuestions, redFlagsOf, type Answers } from "~/domain/questionnaire";
import { BEST } from "~/domain/questionnaire/test-fixtures";
import { approveAssessment, saveAnswer, startAssessments, submitAssessment, type Actor } from "./assessments.server";
import { uploadEvidence } from "./evidence.server";
import type { SupplierIdentity } from "./invites.server";
import { actionCounts, getAction, listActions, listForSupplier } from "~/models/action.server";
import { actionPage, changeActionStatus, createManualAction, openRedFlagActions, updateActionOwnerDue } from "./actions.server";
import { mailOverdueActions, supplierActionsView } from "./action-followup.server";
import { addActionNote, downloadActionFile } from "./action-notes.server";

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const DAY = 86_400_000;
const day = (d: Date) => isoDay(d);

let evidenceDir = "";
beforeAll(() => {
  evidenceDir = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-actions-"));
  process.env.EVIDENCE_DIR = evidenceDir;
  resetEnvCache();
});
afterAll(() => {
  fs.rmSync(evidenceDir, { recursive: true, force: true });
  delete process.env.EVIDENCE_DIR;
  resetEnvCache();
});

/** BEST with two red flags: the employer keeps documents (severe), 64 hours a week (other). */
const FLAGGED: Answers = { ...BEST, "p1.documents_holder": "employer_keeps", "p5.weekly_hours": 64 };

describeEachEngine("corrective actions", (h) => {
  const ids: Record<string, OrgIdentity> = {};
  let orgId = 0;
  let mill = 0;
  let dyehouse = 0;
  let foreignOrg: OrgIdentity;

  function identity(org: { orgId: number; users: Record<string, number> }, slug: string, email: string, role: Role): OrgIdentity {
    return {
      user: { sessionId: "s", userId: org.users[email]!, email, name: email.split("@")[0]! },
      org: { id: org.orgId, slug, name: slug.toUpperCase() },
      role,
    };
  }

  beforeAll(async () => {
    const act = await makeOrg(h(), "act", [
      ["admin@act.test", "admin"],
      ["officer@act.test", "compliance"],
      ["exec@act.test", "executive"],
    ]);
    orgId = act.orgId;
    ids.admin = identity(act, "act", "admin@act.test", "admin");
    ids.officer = identity(act, "act", "officer@act.test", "compliance");
    ids.exec = identity(act, "act", "exec@act.test", "executive");
    const other = await makeOrg(h(), "other", [["officer@other.test", "compliance"]]);
    foreignOrg = identity(other, "other", "officer@other.test", "compliance");
    mill = await insertSupplier(h().db, orgId, SupplierSchema.parse({ name: "Dhaka Mill", country: "BD" }));
    dyehouse = await insertSupplier(h().db, orgId, SupplierSchema.parse({ name: "Dye House", country: "IN" }));
  });

  /** A submitted assessment of `supplierId` with these answers (the signed policy attached). */
  async function submitted(supplierId: number, answers: Answers): Promise<number> {
    const id = ids.officer!;
    const actor: Actor = { kind: "officer", id };
    const { created } = await startAssessments(h().db, id, [supplierId], { dueAt: null, language: "en" }, "ip");
    const assessmentId = created[0]!;
    for (const { question } of allQuestions(ATHENS_V1)) {
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
  const versionOf = async (id: number) => (await getAction(h().db, orgId, id))!.version;

  let documentsAction = 0;
  let hoursAction = 0;
  let firstAssessment = 0;

  it("opens one action per red flag when an assessment is approved: owner = approver, due in 30 days, the answer kept", async () => {
    const expected = redFlagsOf(ATHENS_V1, FLAGGED);
    expect(expected.map((f) => `${f.questionKey}|${f.indicator}`).sort()).toEqual([
      "p1.documents_holder|retention_of_documents",
      "p5.weekly_hours|excessive_overtime",
    ]);
    firstAssessment = await submitted(mill, FLAGGED);
    const now = new Date("2026-12-01T10:00:00.000Z");
    expect(await approveAssessment(h().db, ids.officer!, firstAssessment, "ip", now)).toMatchObject({ ok: true });
    const rows = await actionsOf(mill);
    expect(rows).toHaveLength(2);
    const docs = rows.find((r) => r.question_key === "p1.documents_holder")!;
    expect(docs).toMatchObject({
      org_id: orgId,
      source: "red_flag",
      assessment_id: firstAssessment,
      indicator: "retention_of_documents",
      severity: "severe",
      title: "Retention of identity documents — Who keeps workers' passports, identity cards and work permits?",
      owner_user_id: ids.officer!.user.userId,
      created_by: ids.officer!.user.userId,
      due_at: "2026-12-31",
      status: "open",
      version: 1,
    });
    expect(JSON.parse(docs.answer!)).toBe("employer_keeps");
    const hours = rows.find((r) => r.question_key === "p5.weekly_hours")!;
    expect(hours).toMatchObject({
      indicator: "excessive_overtime",
      severity: "other",
      title: "Excessive overtime — " + hours.title.split(" — ")[1],
    });
    expect(JSON.parse(hours.answer!)).toBe(64);
    documentsAction = docs.id;
    hoursAction = hours.id;
    const events = await h().db.selectFrom("action_events").select(["kind", "author_label"]).where("action_id", "=", docs.id).execute();
    expect(events).toEqual([{ kind: "created", author_label: "officer@act.test" }]);
    const audit = await h().db.selectFrom("audit_log").select(["action", "entity_id"]).where("action", "=", "action.opened").execute();
    expect(audit.map((a) => a.entity_id).sort()).toEqual([String(docs.id), String(hours.id)].sort());
  });

  it("shows the answer and indicator behind a red-flag action on its page", async () => {
    const page = (await actionPage(h().db, ids.exec!, documentsAction))!;
    expect(page).toMatchObject({
      indicatorLabel: "Retention of identity documents",
      answer: "The company or an agency keeps them",
      next: ["in_progress", "done"],
    });
    expect(page.question).toMatch(/passports/);
    expect(page.action).toMatchObject({ supplierName: "Dhaka Mill", assessmentId: firstAssessment, ownerName: "officer" });
    expect(await actionPage(h().db, foreignOrg, documentsAction)).toBeNull(); // another tenant: not found
  });

  it("does not open the same action twice while it is not verified; opens it again after verification", async () => {
    const second = await submitted(mill, FLAGGED);
    expect(await approveAssessment(h().db, ids.admin!, second, "ip")).toMatchObject({ ok: true });
    expect(await actionsOf(mill)).toHaveLength(2);
    expect(await openRedFlagActions(h().db, orgId, second, { userId: null, label: "test" })).toBe(0);
    // Verify the documents action: the next approval with the same answer opens a new one.
    expect(
      await changeActionStatus(h().db, ids.officer!, documentsAction, { version: 1, status: "done", note: "Lockers installed" }, "ip"),
    ).toEqual({ version: 2 });
    expect(await changeActionStatus(h().db, ids.officer!, documentsAction, { version: 2, status: "verified", note: null }, "ip")).toEqual({
      version: 3,
    });
    const third = await submitted(mill, FLAGGED);
    expect(await approveAssessment(h().db, ids.admin!, third, "ip")).toMatchObject({ ok: true });
    const rows = await actionsOf(mill);
    expect(rows).toHaveLength(3);
    expect(rows[2]).toMatchObject({
      question_key: "p1.documents_holder",
      status: "open",
      owner_user_id: ids.admin!.user.userId,
      assessment_id: third,
    });
    // Good answers raise no flag and open nothing.
    const good = await submitted(dyehouse, BEST);
    expect(await approveAssessment(h().db, ids.officer!, good, "ip")).toMatchObject({ ok: true });
    expect(await actionsOf(dyehouse)).toEqual([]);
  });

  it("moves status only along open → in progress → done → verified, with optimistic versions; verified is final", async () => {
    const id = hoursAction;
    expect(await changeActionStatus(h().db, ids.officer!, id, { version: 1, status: "verified", note: null }, "ip")).toMatchObject({
      status: 409,
      field: "status",
    });
    expect(await changeActionStatus(h().db, ids.exec!, id, { version: 1, status: "in_progress", note: null }, "ip")).toMatchObject({
      status: 403,
    });
    expect(await changeActionStatus(h().db, foreignOrg, id, { version: 1, status: "in_progress", note: null }, "ip")).toMatchObject({
      status: 404,
    });
    expect(
      await changeActionStatus(h().db, ids.officer!, id, { version: 1, status: "in_progress", note: "Called the factory" }, "ip"),
    ).toEqual({ version: 2 });
    const stale = await changeActionStatus(h().db, ids.admin!, id, { version: 1, status: "done", note: null }, "ip");
    expect(stale).toMatchObject({ status: 409, messageKey: "ui.actions.stale" });
    expect("message" in stale && stale.message).toMatch(/Someone changed this action .*in progress.*reload/);
    expect(await changeActionStatus(h().db, ids.officer!, id, { version: 2, status: "open", note: null }, "ip")).toMatchObject({
      status: 409,
    });
    expect(await changeActionStatus(h().db, ids.officer!, id, { version: 2, status: "done", note: null }, "ip")).toEqual({ version: 3 });
    expect((await getAction(h().db, orgId, id))!.doneAt).not.toBeNull();
    expect(
      await changeActionStatus(h().db, ids.officer!, id, { version: 3, status: "in_progress", note: "Evidence unreadable" }, "ip"),
    ).toEqual({ version: 4 });
    expect((await getAction(h().db, orgId, id))!.doneAt).toBeNull();
    expect(await changeActionStatus(h().db, ids.officer!, id, { version: 4, status: "done", note: null }, "ip")).toEqual({ version: 5 });
    expect(await changeActionStatus(h().db, ids.admin!, id, { version: 5, status: "verified", note: null }, "ip")).toEqual({ version: 6 });
    const a = (await getAction(h().db, orgId, id))!;
    expect(a).toMatchObject({ status: "verified", verifiedByName: "admin" });
    expect(await changeActionStatus(h().db, ids.admin!, id, { version: 6, status: "in_progress", note: null }, "ip")).toMatchObject({
      status: 409,
    });
    expect(await updateActionOwnerDue(h().db, ids.admin!, id, { version: 6, ownerUserId: null, dueAt: "2099-01-01" }, "ip")).toMatchObject({
      status: 409,
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
    const id = (await actionsOf(mill))[2]!.id;
    const v = await versionOf(id);
    expect(
      await updateActionOwnerDue(h().db, ids.officer!, id, { version: v, ownerUserId: ids.exec!.user.userId, dueAt: "2099-01-01" }, "ip"),
    ).toMatchObject({ status: 400, field: "ownerUserId" });
    expect(
      await updateActionOwnerDue(h().db, ids.officer!, id, { version: v, ownerUserId: foreignOrg.user.userId, dueAt: "2099-01-01" }, "ip"),
    ).toMatchObject({ status: 400, field: "ownerUserId" });
    await h().db.updateTable("corrective_actions").set({ overdue_mailed_at: "2026-01-01T00:00:00.000Z" }).where("id", "=", id).execute();
    expect(
      await updateActionOwnerDue(
        h().db,
        ids.officer!,
        id,
        { version: v, ownerUserId: ids.officer!.user.userId, dueAt: "2099-01-01" },
        "ip",
      ),
    ).toEqual({ version: v + 1, changed: true });
    const a = (await getAction(h().db, orgId, id))!;
    expect(a).toMatchObject({ ownerUserId: ids.officer!.user.userId, dueAt: "2099-01-01" });
    expect(
      (await h().db.selectFrom("corrective_actions").select("overdue_mailed_at").where("id", "=", id).executeTakeFirstOrThrow())
        .overdue_mailed_at,
    ).toBeNull();
    expect(
      await updateActionOwnerDue(
        h().db,
        ids.officer!,
        id,
        { version: v + 1, ownerUserId: ids.officer!.user.userId, dueAt: "2099-01-01" },
        "ip",
      ),
    ).toEqual({ version: v + 1, changed: false });
    expect(
      await updateActionOwnerDue(h().db, ids.officer!, id, { version: v, ownerUserId: null, dueAt: "2099-02-01" }, "ip"),
    ).toMatchObject({ status: 409 });
    const note = await h()
      .db.selectFrom("action_events")
      .select("body")
      .where("action_id", "=", id)
      .where("kind", "=", "note")
      .executeTakeFirstOrThrow();
    expect(note.body).toMatch(/Owner: admin → officer\. Due date: .* → 2099-01-01\./);
  });

  it("adds notes with files: checked by content, size and count; stale versions refused; downloads as attachments", async () => {
    const id = (await actionsOf(mill))[2]!.id;
    const officer = { kind: "officer" as const, id: ids.officer! };
    let v = await versionOf(id);
    expect(await addActionNote(h().db, officer, id, { version: v, body: "  ", files: [] }, "ip")).toMatchObject({
      status: 400,
      field: "body",
    });
    expect(
      await addActionNote(
        h().db,
        officer,
        id,
        { version: v, body: null, files: [{ name: "x.exe", bytes: new TextEncoder().encode("MZ not a document") }] },
        "ip",
      ),
    ).toMatchObject({ status: 415 });
    expect(
      await addActionNote(
        h().db,
        officer,
        id,
        { version: v, body: null, files: [{ name: "big.pdf", bytes: new Uint8Array(10 * 1024 * 1024 + 1) }] },
        "ip",
      ),
    ).toMatchObject({ status: 413 });
    expect(
      await addActionNote(h().db, officer, id, { version: v, body: null, files: [{ name: "empty.pdf", bytes: new Uint8Array(0) }] }, "ip"),
    ).toMatchObject({ status: 400 });
    const four = Array.from({ length: 4 }, (_, i) => ({ name: `p${i}.pdf`, bytes: PDF }));
    expect(await addActionNote(h().db, officer, id, { version: v, body: null, files: four }, "ip")).toMatchObject({
      status: 400,
      field: "files",
    });
    expect(await addActionNote(h().db, { kind: "officer", id: ids.exec! }, id, { version: v, body: "hi", files: [] }, "ip")).toMatchObject({
      status: 403,
    });
    const ok = await addActionNote(
      h().db,
      officer,
      id,
      { version: v, body: "Audit report attached", files: [{ name: "../../audit report.pdf", bytes: PDF }] },
      "ip",
    );
    expect(ok).toMatchObject({ version: v + 1, files: 1 });
    expect(await addActionNote(h().db, officer, id, { version: v, body: "again", files: [] }, "ip")).toMatchObject({ status: 409 });
    v += 1;
    const files = (await actionPage(h().db, ids.exec!, id))!.files;
    expect(files).toEqual([
      expect.objectContaining({ filename: "audit report.pdf", mime: "application/pdf", uploadedBy: "officer@act.test" }),
    ]);
    const dl = (await downloadActionFile(h().db, ids.exec!, id, files[0]!.id))!;
    expect(dl.headers["Content-Disposition"]).toMatch(/^attachment; /);
    expect(dl.headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(Buffer.compare(dl.body, Buffer.from(PDF))).toBe(0);
    expect(await downloadActionFile(h().db, foreignOrg, id, files[0]!.id)).toBeNull();
    expect(await downloadActionFile(h().db, ids.exec!, documentsAction, files[0]!.id)).toBeNull(); // a file of another action
    expect(await versionOf(id)).toBe(v);
  });

  it("lets the supplier see and answer only its own supplier's actions, without officers' notes; the owner is told", async () => {
    const millAssessment = firstAssessment;
    const s: SupplierIdentity = { sessionId: "x", assessmentId: millAssessment, orgId, inviteId: 0, email: "hr@mill.test", language: "es" };
    const view = (await supplierActionsView(h().db, s))!;
    expect(view.supplierName).toBe("Dhaka Mill");
    // Verified actions are closed for the supplier; the others show.
    const visible = (await actionsOf(mill)).filter((r) => r.status !== "verified").map((r) => r.id);
    expect(view.actions.map((a) => a.id).sort()).toEqual(visible.sort());
    const docs2 = (await actionsOf(mill))[2]!.id;
    const withNote = view.actions.find((a) => a.id === docs2)!;
    expect(withNote.timeline.map((e) => e.kind)).toEqual(["created"]); // the officer's notes stay inside
    expect(withNote.timeline[0]!.by).toBe("ACT");

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
    expect(r).toMatchObject({ version: withNote.version + 1, files: 1 });
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
      .execute();
    expect(mail).toEqual([expect.objectContaining({ to_address: "officer@act.test", kind: "action-supplier-reply" })]);
    expect(mail[0]!.body_text).toContain(`/o/act/actions/${target}`);

    // Another supplier's portal session sees none of these and cannot answer them.
    const dyeAssessment = (
      await h().db.selectFrom("assessments").select("id").where("supplier_id", "=", dyehouse).executeTakeFirstOrThrow()
    ).id;
    const other: SupplierIdentity = { ...s, assessmentId: dyeAssessment, email: "hr@dye.test" };
    expect((await supplierActionsView(h().db, other))!.actions).toEqual([]);
    expect(
      await addActionNote(h().db, { kind: "supplier", s: other }, target, { version: after.version, body: "hijack", files: [] }, "ip"),
    ).toMatchObject({ status: 404 });
    // A session of another tenant reaches nothing either; nor does a verified action.
    expect(
      await addActionNote(
        h().db,
        { kind: "supplier", s: { ...s, orgId: foreignOrg.org.id } },
        target,
        { version: after.version, body: "x", files: [] },
        "ip",
      ),
    ).toMatchObject({ status: 404 });
    expect(await addActionNote(h().db, { kind: "supplier", s }, hoursAction, { version: 6, body: "x", files: [] }, "ip")).toMatchObject({
      status: 404,
    });
  });

  it("creates manual actions for a supplier of this organization only", async () => {
    const input = {
      supplierId: dyehouse,
      title: "Install a grievance box",
      details: "In the canteen",
      ownerUserId: ids.officer!.user.userId,
      dueAt: "2099-03-01",
    };
    expect(await createManualAction(h().db, ids.exec!, input, "ip")).toMatchObject({ status: 403 });
    const foreignSupplier = await insertSupplier(h().db, foreignOrg.org.id, SupplierSchema.parse({ name: "Elsewhere", country: "VN" }));
    expect(await createManualAction(h().db, ids.officer!, { ...input, supplierId: foreignSupplier }, "ip")).toMatchObject({
      status: 400,
      field: "supplierId",
    });
    expect(await createManualAction(h().db, ids.officer!, { ...input, ownerUserId: foreignOrg.user.userId }, "ip")).toMatchObject({
      status: 400,
      field: "ownerUserId",
    });
    const archived = await insertSupplier(h().db, orgId, SupplierSchema.parse({ name: "Closed Mill", country: "VN" }));
    await setSupplierStatus(h().db, orgId, archived, "archived");
    expect(await createManualAction(h().db, ids.officer!, { ...input, supplierId: archived }, "ip")).toMatchObject({
      status: 400,
      field: "supplierId",
    });
    const r = await createManualAction(h().db, ids.officer!, input, "ip");
    if (!("actionId" in r)) throw new Error(JSON.stringify(r));
    expect(await getAction(h().db, orgId, r.actionId)).toMatchObject({
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
        .where("entity_id", "=", String(r.actionId))
        .execute(),
    ).toHaveLength(1);
  });

  it("lists with filters, paging and totals; counts for the dashboard", async () => {
    const later = new Date(Date.now() + 400 * DAY);
    const all = await listActions(h().db, orgId, { page: 1, pageSize: 50 }, later);
    expect(all.total).toBe(4);
    expect(all.rows.map((r) => r.status)).toEqual(["open", "open", "verified", "verified"]); // active first, then by due date
    expect(all.rows.map((r) => r.dueAt).slice(0, 2)).toEqual(["2099-01-01", "2099-03-01"]);
    expect((await listActions(h().db, orgId, { source: "manual", page: 1, pageSize: 50 })).rows.map((r) => r.title)).toEqual([
      "Install a grievance box",
    ]);
    expect((await listActions(h().db, orgId, { supplierId: dyehouse, page: 1, pageSize: 50 })).total).toBe(1);
    expect((await listActions(h().db, orgId, { status: "verified", page: 1, pageSize: 50 })).total).toBe(2);
    expect((await listActions(h().db, orgId, { owner: ids.officer!.user.userId, page: 1, pageSize: 50 })).total).toBe(4);
    expect((await listActions(h().db, orgId, { owner: ids.admin!.user.userId, page: 1, pageSize: 50 })).total).toBe(0);
    expect((await listActions(h().db, orgId, { owner: "none", page: 1, pageSize: 50 })).total).toBe(0);
    expect((await listActions(h().db, orgId, { overdue: true, page: 1, pageSize: 50 }, later)).total).toBe(0);
    const page2 = await listActions(h().db, orgId, { page: 2, pageSize: 3 });
    expect(page2.total).toBe(4);
    expect(page2.rows).toHaveLength(1);
    expect((await listActions(h().db, foreignOrg.org.id, { page: 1, pageSize: 50 })).total).toBe(0);

    expect(await actionCounts(h().db, orgId, later)).toEqual({
      open: 2,
      inProgress: 0,
      done: 0,
      verified: 2,
      overdue: 0,
      bySource: { red_flag: 1, review: 0, manual: 1 },
    });
    expect(await actionCounts(h().db, foreignOrg.org.id)).toMatchObject({ open: 0, overdue: 0 });
    expect(await listForSupplier(h().db, orgId, mill)).toHaveLength(3);
    expect(await listForSupplier(h().db, foreignOrg.org.id, mill)).toEqual([]);
  });

  it("mails each owner about overdue actions once, then every 7 days, and not about done ones", async () => {
    const knit = await insertSupplier(h().db, orgId, SupplierSchema.parse({ name: "Knit Co", country: "VN" }));
    expect(await approveAssessment(h().db, ids.officer!, await submitted(knit, FLAGGED), "ip")).toMatchObject({ ok: true });
    const [a1, a2] = (await actionsOf(knit)).map((r) => r.id) as [number, number];
    const due = (await getAction(h().db, orgId, a2))!.dueAt;
    expect(
      await updateActionOwnerDue(h().db, ids.officer!, a2, { version: 1, ownerUserId: ids.admin!.user.userId, dueAt: due }, "ip"),
    ).toMatchObject({ changed: true });

    const t0 = new Date(Date.now() + 40 * DAY);
    const overdue = await listActions(h().db, orgId, { overdue: true, page: 1, pageSize: 50 }, t0);
    expect(overdue.rows.map((r) => r.id).sort()).toEqual([a1, a2].sort());
    expect(overdue.rows.every((r) => r.overdue)).toBe(true);
    expect((await actionCounts(h().db, orgId, t0)).overdue).toBe(2);

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
    expect(first.map((m) => m.to_address).sort()).toEqual(["admin@act.test", "officer@act.test"]);
    const toOfficer = first.find((m) => m.to_address === "officer@act.test")!;
    expect(toOfficer.subject).toBe("ACT: a corrective action is overdue");
    expect(toOfficer.body_text).toContain(`/o/act/actions/${a1}`);
    expect(toOfficer.body_text).toContain("Knit Co");
    expect(toOfficer.body_text).not.toContain(`/o/act/actions/${a2}`);
    const mailed = await h().db.selectFrom("corrective_actions").select("overdue_mailed_at").where("id", "in", [a1, a2]).execute();
    expect(mailed.every((r) => r.overdue_mailed_at === t0.toISOString())).toBe(true);

    expect(await mailOverdueActions(h().db, new Date(t0.getTime() + 3 * DAY))).toBe(0);
    // Done is not overdue any more: only the officer's action is mailed again, a week later.
    expect(
      await changeActionStatus(h().db, ids.admin!, a2, { version: await versionOf(a2), status: "done", note: null }, "ip"),
    ).toHaveProperty("version");
    expect(await mailOverdueActions(h().db, new Date(t0.getTime() + 7 * DAY))).toBe(1);
    expect((await mails()).slice(2).map((m) => m.to_address)).toEqual(["officer@act.test"]);
    expect(await mailOverdueActions(h().db, new Date(t0.getTime() + 8 * DAY))).toBe(0);
    // An owner who left the organization is not mailed about its actions.
    await h().db.deleteFrom("memberships").where("org_id", "=", orgId).where("user_id", "=", ids.officer!.user.userId).execute();
    expect(await mailOverdueActions(h().db, new Date(t0.getTime() + 30 * DAY))).toBe(0);
    expect(day(t0)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
