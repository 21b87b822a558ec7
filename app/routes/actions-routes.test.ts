// Corrective-action routes against a real database: approving an assessment with red flags (through
// the assessment page) opens actions; the list with its URL filters, the new-action form, an action's
// page (status, owner and due date, notes with files, stale versions), file downloads, and the portal
// page where the supplier replies. The walls: executives read but change nothing (403), another
// tenant's action is not found under one's own slug, a portal session of another assessment sees none.
// Each test builds its own two organizations (world()), so the tests pass alone and in any order.
import { addDays } from "~/domain/dates";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { contextFor, cookieFor, describeEachEngine, get, makeOrg, post, responseOf, toastOf } from "~/test/support";
import { setFourEyes } from "~/models/decision.server";
import type { OrgIdentity } from "~/lib/auth.server";
import { resetEnvCache } from "~/lib/env.server";
import { insertSupplier } from "~/models/supplier.server";
import { SupplierSchema } from "~/schemas/supplier";
import { ATHENS_V2, allQuestions, type Answers } from "~/domain/questionnaire";
import { BEST } from "~/domain/questionnaire/test-fixtures";
import { saveAnswer, submitAssessment } from "~/services/assessment-answers.server";
import { startAssessments } from "~/services/assessments.server";
import { uploadEvidence } from "~/services/evidence.server";
import { insertReviewComment } from "~/models/assessment.server";
import { openSupplierSession, sendAssessmentInvite } from "~/services/invites.server";
import * as assessmentPage from "./o.$org.assessments.$id._index";
import * as list from "./o.$org.actions._index";
import * as create from "./o.$org.actions.new";
import * as page from "./o.$org.actions.$id";
import * as download from "./o.$org.actions.$id.files.$fileId";
import * as portal from "./s.portal.actions";

const inDays = (days: number) => addDays(new Date(), days);
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const FLAGGED: Answers = { ...BEST, "p1.documents_holder": "employer_keeps" };

let evidenceDir = "";
beforeAll(async () => {
  evidenceDir = await mkdtemp(path.join(tmpdir(), "lantern-actions-routes-"));
  process.env.EVIDENCE_DIR = evidenceDir;
  resetEnvCache();
});
afterAll(async () => {
  await rm(evidenceDir, { recursive: true, force: true });
});

describeEachEngine("corrective action routes", (h) => {
  const ctx = () => contextFor(h());

  const identityOf = (org: { orgId: number; users: Record<string, number> }, slug: string, email: string): OrgIdentity => ({
    user: { sessionId: "s", userId: org.users[email]!, email, name: email },
    org: { id: org.orgId, slug, name: slug.toUpperCase() },
    role: "compliance",
  });

  /** A submitted assessment of the supplier whose link was mailed to `email`; returns its id and the supplier's session cookie. */
  async function submittedWithSession(id: OrgIdentity, supplierId: number, email: string, answers: Answers) {
    const { created } = await startAssessments(h().db, id, [supplierId], { dueAt: null, language: "en" }, "ip");
    const assessmentId = created[0]!;
    expect(await sendAssessmentInvite(h().db, id, assessmentId, { email, language: "es" }, "ip")).toHaveProperty("value.inviteId");
    const mail = await h()
      .db.selectFrom("mail_outbox")
      .select("body_text")
      .where("to_address", "=", email)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    const opened = await openSupplierSession(h().db, /\/s\/([A-Za-z0-9_-]{43})/.exec(mail.body_text)![1]!);
    if (!("cookie" in opened)) throw new Error("link not open");
    const actor = { kind: "officer", id } as const;
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
    return { assessmentId, cookie: opened.cookie.split(";")[0]! };
  }

  /**
   * Two organizations of this test's own: in the first, a mill whose approved assessment raised one red
   * flag (approved through the assessment page) and a dye house whose answers raised none, each with
   * its supplier's portal session; in the second, one action of its own.
   */
  async function world() {
    const tag = Math.random().toString(36).slice(2, 8);
    const slug = `acme-${tag}`;
    const otherSlug = `boreal-${tag}`;
    const email = {
      admin: `admin@${slug}.test`,
      officer: `officer@${slug}.test`,
      exec: `exec@${slug}.test`,
      other: `admin@${otherSlug}.test`,
    };
    const hr = { mill: `hr@mill-${tag}.test`, dye: `hr@dye-${tag}.test` };
    const acme = await makeOrg(h(), slug, [
      [email.admin, "admin"],
      [email.officer, "compliance"],
      [email.exec, "executive"],
    ]);
    // The officer fills in and approves: these tests are about actions (four eyes: assessment-decisions.test.ts).
    await setFourEyes(h().db, acme.orgId, false);
    const boreal = await makeOrg(h(), otherSlug, [[email.other, "admin"]]);
    const cookie = {
      admin: await cookieFor(h(), acme.users[email.admin]!),
      officer: await cookieFor(h(), acme.users[email.officer]!),
      exec: await cookieFor(h(), acme.users[email.exec]!),
      other: await cookieFor(h(), boreal.users[email.other]!),
    };
    const mill = await insertSupplier(h().db, acme.orgId, SupplierSchema.parse({ name: "Dhaka Spinning Mill", country: "BD" }));
    const dye = await insertSupplier(h().db, acme.orgId, SupplierSchema.parse({ name: "Dye House", country: "IN" }));
    const officerId = identityOf(acme, slug, email.officer);
    const m = await submittedWithSession(officerId, mill, hr.mill, FLAGGED);
    const d = await submittedWithSession(officerId, dye, hr.dye, BEST);
    // Approval through the assessment page: the red flag opens its action.
    for (const id of [m.assessmentId, d.assessmentId]) {
      const r = await responseOf(() =>
        assessmentPage.action({
          request: post(
            `/o/${slug}/assessments/${id}`,
            { intent: "approve", reason: "Checked the answers", ackComments: "on", ackFlags: "on" },
            cookie.officer,
          ),
          params: { org: slug, id: String(id) },
          context: ctx(),
        }),
      );
      expect(r.status).toBe(302); // approved: back to the page with a toast
    }
    const rows = await h()
      .db.selectFrom("corrective_actions")
      .select(["id", "supplier_id", "question_key"])
      .where("org_id", "=", acme.orgId)
      .execute();
    expect(rows).toEqual([expect.objectContaining({ supplier_id: mill, question_key: "p1.documents_holder" })]);
    const borealSupplier = await insertSupplier(h().db, boreal.orgId, SupplierSchema.parse({ name: "Boreal Supplier", country: "VN" }));
    const borealAction = (
      await h()
        .db.insertInto("corrective_actions")
        .values({
          org_id: boreal.orgId,
          supplier_id: borealSupplier,
          source: "manual",
          title: "Boreal only",
          due_at: inDays(10),
          status: "open",
          created_at: "2026-01-01T00:00:00.000Z",
          updated_at: "2026-01-01T00:00:00.000Z",
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    return {
      slug,
      otherSlug,
      acme,
      email,
      hr,
      cookie,
      mill,
      dye,
      millAssessment: m.assessmentId,
      millPortal: m.cookie, // supplier session cookie of the mill's assessment
      dyePortal: d.cookie, // supplier session cookie of another supplier's assessment
      actionId: rows[0]!.id,
      borealAction,
    };
  }
  type World = Awaited<ReturnType<typeof world>>;

  /** The route calls of a world, as its officer unless told otherwise. */
  function routes(w: World) {
    const listOf = (query: string, cookie = w.cookie.officer, org = w.slug) =>
      responseOf(() => list.loader({ request: get(`/o/${org}/actions${query}`, cookie), params: { org }, context: ctx() }));
    const pageOf = (id: number, cookie = w.cookie.officer, org = w.slug) =>
      responseOf(() => page.loader({ request: get(`/o/${org}/actions/${id}`, cookie), params: { org, id: String(id) }, context: ctx() }));
    const act = (id: number, form: Record<string, string>, cookie = w.cookie.officer, org = w.slug) =>
      responseOf(() =>
        page.action({ request: post(`/o/${org}/actions/${id}`, form, cookie), params: { org, id: String(id) }, context: ctx() }),
      );
    const noteWithFile = (
      id: number,
      fields: Record<string, string>,
      file: { name: string; bytes: Uint8Array<ArrayBuffer> } | null,
      cookie = w.cookie.officer,
    ) => {
      const fd = new FormData();
      for (const [k, v] of Object.entries(fields)) fd.set(k, v);
      if (file) fd.append("files", new File([file.bytes], file.name));
      const request = new Request(`http://localhost/o/${w.slug}/actions/${id}`, { method: "POST", body: fd, headers: { Cookie: cookie } });
      return responseOf(() => page.action({ request, params: { org: w.slug, id: String(id) }, context: ctx() }));
    };
    const createForm = (query: string, cookie = w.cookie.officer, org = w.slug) =>
      responseOf(() => create.loader({ request: get(`/o/${org}/actions/new${query}`, cookie), params: { org }, context: ctx() }));
    const createAction = (form: Record<string, string>, cookie = w.cookie.officer) =>
      responseOf(() => create.action({ request: post(`/o/${w.slug}/actions/new`, form, cookie), params: { org: w.slug }, context: ctx() }));
    const portalLoad = (cookie: string) =>
      responseOf(() => portal.loader({ request: get("/s/portal/actions", cookie), params: {}, context: ctx() }));
    const portalReply = (cookie: string, fields: Record<string, string>, file?: { name: string; bytes: Uint8Array<ArrayBuffer> }) => {
      const fd = new FormData();
      for (const [k, v] of Object.entries(fields)) fd.set(k, v);
      if (file) fd.append("files", new File([file.bytes], file.name));
      return responseOf(() =>
        portal.action({
          request: new Request("http://localhost/s/portal/actions", { method: "POST", body: fd, headers: { Cookie: cookie } }),
          params: {},
          context: ctx(),
        }),
      );
    };
    return { listOf, pageOf, act, noteWithFile, createForm, createAction, portalLoad, portalReply };
  }
  const versionOf = async (id: number) =>
    (await h().db.selectFrom("corrective_actions").select("version").where("id", "=", id).executeTakeFirstOrThrow()).version;
  /** A change that went through: back to the action's page, with this toast. */
  function expectSaved(r: Response, w: World, id: number, message: string) {
    expect(r.status).toBe(302);
    expect(r.headers.get("Location")).toBe(`/o/${w.slug}/actions/${id}`);
    expect(toastOf(r)).toMatchObject({ message });
  }

  it("lists actions with URL filters and totals; an executive reads without edit controls; bad filters are a 400", async () => {
    const w = await world();
    const { listOf } = routes(w);
    const r = await listOf("");
    expect(r.status).toBe(200);
    const data = await r.json();
    expect(data).toMatchObject({ total: 1, mayEdit: true, counts: { open: 1, inProgress: 0, overdue: 0 } });
    expect(data.rows[0]).toMatchObject({
      id: w.actionId,
      supplierName: "Dhaka Spinning Mill",
      status: "open",
      source: "red_flag",
      severity: "severe",
      overdue: false,
    });
    expect((await (await listOf("?status=verified")).json()).total).toBe(0);
    expect((await (await listOf(`?supplier=${w.dye}`)).json()).total).toBe(0);
    expect(await (await listOf(`?supplier=${w.mill}&source=red_flag&owner=${w.acme.users[w.email.officer]}`)).json()).toMatchObject({
      total: 1,
      supplier: { name: "Dhaka Spinning Mill" },
    });
    expect((await (await listOf("?overdue=1")).json()).total).toBe(0);
    const asExec = await listOf("", w.cookie.exec);
    expect(asExec.status).toBe(200);
    expect(await asExec.json()).toMatchObject({ total: 1, mayEdit: false });
    expect((await listOf("?status=nope")).status).toBe(400);
    expect((await listOf("?page=0")).status).toBe(400);
    // Another tenant's list under its own slug shows only its own actions; acme's slug is not its page.
    const borealRows = (await (await listOf("", w.cookie.other, w.otherSlug)).json()).rows;
    expect(borealRows.map((x: { id: number }) => x.id)).toEqual([w.borealAction]);
    expect((await listOf("", w.cookie.other, w.slug)).status).toBe(404);
  });

  it("shows an action's page with the answer and indicator behind it; another tenant's action is a 404 under one's own slug", async () => {
    const w = await world();
    const { pageOf, act } = routes(w);
    const r = await pageOf(w.actionId);
    expect(r.status).toBe(200);
    const d = await r.json();
    expect(d).toMatchObject({
      mayEdit: true,
      indicatorLabel: "Retention of identity documents",
      answer: "The company or an agency keeps them",
      next: ["in_progress", "done"],
    });
    expect(d.action).toMatchObject({
      title: expect.stringMatching(/^Retention of identity documents — /),
      supplierName: "Dhaka Spinning Mill",
      ownerName: "officer",
      version: 1,
    });
    expect(await (await pageOf(w.actionId, w.cookie.exec)).json()).toMatchObject({ mayEdit: false });
    expect((await pageOf(w.borealAction)).status).toBe(404); // boreal's action under acme's slug
    expect((await pageOf(w.actionId, w.cookie.other, w.otherSlug)).status).toBe(404); // acme's action under boreal's slug
    const foreignMove = await act(w.actionId, { intent: "status", version: "1", status: "in_progress" }, w.cookie.other, w.otherSlug);
    expect(foreignMove.status).toBe(404);
    expect(
      (
        await responseOf(() =>
          page.loader({ request: get(`/o/${w.slug}/actions/abc`, w.cookie.officer), params: { org: w.slug, id: "abc" }, context: ctx() }),
        )
      ).status,
    ).toBe(404);
  });

  it("refuses every change by an executive with 403", async () => {
    const w = await world();
    const { act, createForm, createAction } = routes(w);
    const exec = w.cookie.exec;
    expect((await act(w.actionId, { intent: "status", version: "1", status: "in_progress" }, exec)).status).toBe(403);
    expect((await act(w.actionId, { intent: "update", version: "1", ownerUserId: "", dueAt: inDays(5) }, exec)).status).toBe(403);
    expect((await act(w.actionId, { intent: "note", version: "1", body: "hello" }, exec)).status).toBe(403);
    expect((await createForm("", exec)).status).toBe(403);
    expect((await createAction({ supplierId: String(w.mill), title: "x", dueAt: inDays(5) }, exec)).status).toBe(403);
    expect(await versionOf(w.actionId)).toBe(1);
  });

  it("answers bad input with 400 and field errors, a stale version with 409, and a change with a redirect and a toast", async () => {
    const w = await world();
    const { act, createAction } = routes(w);
    const id = w.actionId;
    const bad = await act(id, { intent: "status", version: "1", status: "finished" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).fieldErrors.status).toBe("Choose a status");
    const noVersion = await act(id, { intent: "status", status: "in_progress" });
    expect(noVersion.status).toBe(400);
    expect((await noVersion.json()).fieldErrors.version).toBeTruthy();
    const pastDue = await act(id, { intent: "update", version: "1", ownerUserId: "", dueAt: inDays(-2) });
    expect(pastDue.status).toBe(400);
    expect((await pastDue.json()).fieldErrors.dueAt).toMatch(/past/);
    const badOwner = await act(id, { intent: "update", version: "1", ownerUserId: String(w.acme.users[w.email.exec]), dueAt: inDays(5) });
    expect(badOwner.status).toBe(400);
    expect((await badOwner.json()).fieldErrors.ownerUserId).toMatch(/owner/);
    const empty = await act(id, { intent: "note", version: "1", body: "" });
    expect(empty.status).toBe(400);
    expect((await act(id, { intent: "delete", version: "1" })).status).toBe(400);

    const moved = await act(id, { intent: "status", version: "1", status: "in_progress", note: "Spoke to the HR manager" });
    expectSaved(moved, w, id, "The action is now in progress.");
    const stale = await act(id, { intent: "update", version: "1", ownerUserId: "", dueAt: inDays(5) });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({
      stale: true,
      formError: expect.stringMatching(/Someone changed this action .* reload the page/),
    });
    const wrongMove = await act(id, { intent: "status", version: "2", status: "open" });
    expect(wrongMove.status).toBe(409);
    expect((await wrongMove.json()).formError).toMatch(/in progress cannot become open/);
    const owner = String(w.acme.users[w.email.officer]);
    const dueAt = (await (await routes(w).pageOf(id)).json()).action.dueAt.slice(0, 10);
    const same = await act(id, { intent: "update", version: "2", ownerUserId: owner, dueAt });
    expectSaved(same, w, id, "Nothing to change.");
    expect(toastOf(same)).toMatchObject({ kind: "info" });
    expectSaved(await act(id, { intent: "update", version: "2", ownerUserId: "", dueAt: inDays(5) }), w, id, "Owner and due date saved.");

    const newBad = await createAction({ title: "x", dueAt: "2020-01-01" });
    expect(newBad.status).toBe(400);
    expect((await newBad.json()).fieldErrors).toMatchObject({
      supplierId: "Choose a supplier",
      title: "Use at least 3 characters",
      dueAt: "The due date cannot be in the past",
    });
    const foreign = await createAction({ supplierId: "999999", title: "Grievance box", dueAt: inDays(5) });
    expect(foreign.status).toBe(400);
    expect((await foreign.json()).fieldErrors.supplierId).toMatch(/supplier/);
  });

  it("creates a manual action from the form (?supplier=<id>) and redirects to it", async () => {
    const w = await world();
    const { createForm, createAction, pageOf } = routes(w);
    const form = await createForm(`?supplier=${w.dye}`);
    expect(form.status).toBe(200);
    const data = await form.json();
    expect(data).toMatchObject({ supplier: { id: w.dye, name: "Dye House" }, defaultDue: inDays(30) });
    expect(data.owners.map((o: { email: string }) => o.email).sort()).toEqual([w.email.admin, w.email.officer]); // executives own nothing
    expect((await createForm("?supplier=999999")).status).toBe(404);
    const r = await createAction({
      supplierId: String(w.dye),
      title: "Install a grievance box",
      details: "In the canteen",
      ownerUserId: String(w.acme.users[w.email.admin]),
      dueAt: inDays(20),
    });
    expect(r.status).toBe(302);
    expect(toastOf(r)).toMatchObject({ kind: "success", message: "Corrective action opened." });
    const id = Number(new RegExp(`/o/${w.slug}/actions/(\\d+)$`).exec(r.headers.get("Location") ?? "")![1]);
    expect(await (await pageOf(id)).json()).toMatchObject({
      action: { source: "manual", title: "Install a grievance box", ownerName: "admin", status: "open" },
    });
  });

  it("adds a note with a file (checked by content) and downloads it as an attachment", async () => {
    const w = await world();
    const { noteWithFile, pageOf } = routes(w);
    const actionId = w.actionId;
    const v = await versionOf(actionId);
    const refused = await noteWithFile(
      actionId,
      { intent: "note", version: String(v), body: "" },
      { name: "photo.pdf", bytes: new TextEncoder().encode("<script>alert(1)</script>") },
    );
    expect(refused.status).toBe(415);
    const ok = await noteWithFile(
      actionId,
      { intent: "note", version: String(v), body: "Audit report" },
      { name: "audit.pdf", bytes: PDF },
    );
    expectSaved(ok, w, actionId, "Note added with one file.");
    const d = await (await pageOf(actionId, w.cookie.exec)).json();
    const file = d.files[0];
    expect(file).toMatchObject({ filename: "audit.pdf", mime: "application/pdf" });
    const dl = await responseOf(() =>
      download.loader({
        request: get(`/o/${w.slug}/actions/${actionId}/files/${file.id}`, w.cookie.exec),
        params: { org: w.slug, id: String(actionId), fileId: String(file.id) },
        context: ctx(),
      }),
    );
    expect(dl.status).toBe(200);
    expect(dl.headers.get("Content-Disposition")).toMatch(/^attachment; filename="audit.pdf"/);
    expect(dl.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(new Uint8Array(await dl.arrayBuffer())).toEqual(PDF);
    const foreign = await responseOf(() =>
      download.loader({
        request: get(`/o/${w.otherSlug}/actions/${actionId}/files/${file.id}`, w.cookie.other),
        params: { org: w.otherSlug, id: String(actionId), fileId: String(file.id) },
        context: ctx(),
      }),
    );
    expect(foreign.status).toBe(404);
  });

  it("shows the supplier its own actions in the portal and takes its reply and file; another assessment's session sees none", async () => {
    const w = await world();
    const { act, noteWithFile, createAction, pageOf, portalLoad, portalReply } = routes(w);
    const actionId = w.actionId;
    // The officer starts work, adds an internal note with a file, and opens a manual action for the dye house.
    expect((await act(actionId, { intent: "status", version: "1", status: "in_progress" })).status).toBe(302);
    expect(
      (await noteWithFile(actionId, { intent: "note", version: "2", body: "Audit report" }, { name: "audit.pdf", bytes: PDF })).status,
    ).toBe(302);
    expect((await createAction({ supplierId: String(w.dye), title: "Install a grievance box", dueAt: inDays(20) })).status).toBe(302);

    const mine = await portalLoad(w.millPortal);
    expect(mine.status).toBe(200);
    const data = await mine.json();
    expect(data).toMatchObject({ locale: "es", supplierName: "Dhaka Spinning Mill" });
    expect(data.actions.map((a: { id: number }) => a.id)).toEqual([actionId]);
    expect(data.messages["ui.actions.heading"]).toBe("Acciones correctivas");
    expect(data.messages["ilo.retention_of_documents"]).toBeTruthy();
    const shown = data.actions[0];
    expect(shown.timeline.map((e: { kind: string }) => e.kind)).toEqual(["created", "status"]); // officers' notes stay inside
    expect(JSON.stringify(data)).not.toContain(w.email.officer);
    expect(JSON.stringify(data)).not.toContain("Audit report");

    const other = await portalLoad(w.dyePortal);
    expect(other.status).toBe(200);
    // The dye house's session sees its own (manual) action only: none of the mill's.
    expect((await other.json()).actions.map((a: { id: number; title: string }) => a.title)).toEqual(["Install a grievance box"]);
    const hijack = await portalReply(w.dyePortal, { actionId: String(actionId), version: String(shown.version), body: "not mine" });
    expect(hijack.status).toBe(404);
    expect((await portalReply(w.millPortal, { actionId: String(w.borealAction), version: "1", body: "x" })).status).toBe(404);
    expect((await portalLoad("lantern_supplier=" + "A".repeat(43))).status).toBe(401);

    const stale = await portalReply(w.millPortal, { actionId: String(actionId), version: String(shown.version - 1), body: "late" });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ messageKey: "ui.actions.stale" });
    const empty = await portalReply(w.millPortal, { actionId: String(actionId), version: String(shown.version), body: " " });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ messageKey: "ui.actions.reply_empty" });
    const r = await portalReply(
      w.millPortal,
      { actionId: String(actionId), version: String(shown.version), body: "Los pasaportes se devolvieron" },
      { name: "recibos.pdf", bytes: PDF },
    );
    expect(r.status).toBe(302); // back to the portal's actions, with a toast
    const after = (await (await portalLoad(w.millPortal)).json()).actions[0];
    expect(after.timeline.at(-1)).toMatchObject({
      kind: "supplier_reply",
      by: w.hr.mill,
      body: "Los pasaportes se devolvieron",
      files: ["recibos.pdf"],
    });
    const officerView = await (await pageOf(actionId)).json();
    expect(officerView.events.at(-1)).toMatchObject({ kind: "supplier_reply", authorLabel: `supplier ${w.hr.mill}` });
    expect(officerView.files.map((f: { filename: string }) => f.filename)).toEqual(["audit.pdf", "recibos.pdf"]);
  });

  it("moves the action to done and verified; verified actions leave the portal and take no more changes", async () => {
    const w = await world();
    const { act, pageOf, portalLoad } = routes(w);
    const actionId = w.actionId;
    expectSaved(
      await act(actionId, { intent: "status", version: "1", status: "in_progress" }),
      w,
      actionId,
      "The action is now in progress.",
    );
    expectSaved(await act(actionId, { intent: "status", version: "2", status: "done" }), w, actionId, "The action is now done.");
    expectSaved(await act(actionId, { intent: "status", version: "3", status: "verified" }), w, actionId, "The action is now verified.");
    const d = await (await pageOf(actionId)).json();
    expect(d).toMatchObject({ action: { status: "verified", verifiedByName: "officer" }, next: [] });
    expect((await act(actionId, { intent: "update", version: "4", ownerUserId: "", dueAt: inDays(3) })).status).toBe(409);
    expect((await (await portalLoad(w.millPortal)).json()).actions).toEqual([]);
    const audit = await h()
      .db.selectFrom("audit_log")
      .select("action")
      .where("entity", "=", "corrective_action")
      .where("entity_id", "=", String(actionId))
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      "action.opened",
      "action.status_changed",
      "action.status_changed",
      "action.status_changed",
    ]);
  });

  it("opens an action from a review comment (?comment=<id>): source review, linked to the assessment and question", async () => {
    const w = await world();
    const { createForm, createAction } = routes(w);
    const millAssessment = w.millAssessment;
    const commentId = await insertReviewComment(h().db, w.acme.orgId, millAssessment, {
      questionKey: "p4.grievance_channel",
      authorUserId: w.acme.users[w.email.officer]!,
      authorLabel: w.email.officer,
      body: "The grievance box is inside the manager's office.",
    });
    const form = await createForm(`?comment=${commentId}`);
    expect(await form.json()).toMatchObject({
      supplier: { id: w.mill },
      comment: { id: commentId, assessmentId: millAssessment, body: "The grievance box is inside the manager's office." },
    });
    // Another tenant cannot open it, and a malformed id is not found.
    expect((await createForm(`?comment=${commentId}`, w.cookie.other, w.otherSlug)).status).toBe(404);
    expect((await createForm("?comment=abc")).status).toBe(404);
    // The comment must be about the chosen supplier.
    const wrong = await createAction({
      supplierId: String(w.dye),
      commentId: String(commentId),
      title: "Move the grievance box",
      dueAt: inDays(20),
    });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).formError).toMatch(/not about this supplier/);
    const r = await createAction({
      supplierId: String(w.mill),
      commentId: String(commentId),
      title: "Move the grievance box",
      dueAt: inDays(20),
    });
    expect(r.status).toBe(302);
    const id = Number(new RegExp(`/o/${w.slug}/actions/(\\d+)$`).exec(r.headers.get("Location") ?? "")![1]);
    const row = await h()
      .db.selectFrom("corrective_actions")
      .select(["source", "assessment_id", "question_key"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ source: "review", assessment_id: millAssessment, question_key: "p4.grievance_channel" });
    // The assessment page offers the link to officers, not to executives.
    const mayOpenActions = async (cookie: string) =>
      (
        await (
          await responseOf(() =>
            assessmentPage.loader({
              request: get(`/o/${w.slug}/assessments/${millAssessment}`, cookie),
              params: { org: w.slug, id: String(millAssessment) },
              context: ctx(),
            }),
          )
        ).json()
      ).may.actions;
    expect(await mayOpenActions(w.cookie.officer)).toBe(true);
    expect(await mayOpenActions(w.cookie.exec)).toBe(false);
  });
});
