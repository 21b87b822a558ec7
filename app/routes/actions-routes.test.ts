// Corrective-action routes against a real database: approving an assessment with red flags (through
// the assessment page) opens actions; the list with its URL filters, the new-action form, an action's
// page (status, owner and due date, notes with files, stale versions), file downloads, and the portal
// page where the supplier replies. The walls: executives read but change nothing (403), another
// tenant's action is not found under one's own slug, a portal session of another assessment sees none.
import { addDays } from "~/domain/dates";

const inDays = (days: number) => addDays(new Date(), days);
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { contextFor, cookieFor, describeEachEngine, get, makeOrg, post, responseOf } from "~/test/support";
import type { OrgIdentity } from "~/lib/auth.server";
import { resetEnvCache } from "~/lib/env.server";
import { insertSupplier } from "~/models/supplier.server";
import { SupplierSchema } from "~/schemas/supplier";
import { ATHENS_V1, allQuestions, type Answers } from "~/domain/questionnaire";
import { BEST } from "~/domain/questionnaire/test-fixtures";
import { saveAnswer, startAssessments, submitAssessment } from "~/services/assessments.server";
import { uploadEvidence } from "~/services/evidence.server";
import { insertReviewComment } from "~/models/assessment.server";
import { openSupplierSession, sendAssessmentInvite } from "~/services/invites.server";
import * as assessmentPage from "./o.$org.assessments.$id._index";
import * as list from "./o.$org.actions._index";
import * as create from "./o.$org.actions.new";
import * as page from "./o.$org.actions.$id";
import * as download from "./o.$org.actions.$id.files.$fileId";
import * as portal from "./s.portal.actions";

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
  const cookies: Record<string, string> = {};
  let acme: Awaited<ReturnType<typeof makeOrg>>;
  let boreal: Awaited<ReturnType<typeof makeOrg>>;
  let mill = 0;
  let dye = 0;
  let millPortal = ""; // supplier session cookie of the mill's assessment
  let dyePortal = ""; // supplier session cookie of another supplier's assessment
  let actionId = 0;
  let borealAction = 0;
  const ctx = () => contextFor(h());
  const officer = () => cookies["officer@a.test"]!;
  const exec = () => cookies["exec@a.test"]!;

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
    return { assessmentId, cookie: opened.cookie.split(";")[0]! };
  }

  const listOf = (query: string, cookie = officer(), org = "acme") =>
    responseOf(() => list.loader({ request: get(`/o/${org}/actions${query}`, cookie), params: { org }, context: ctx() }));
  const pageOf = (id: number, cookie = officer(), org = "acme") =>
    responseOf(() => page.loader({ request: get(`/o/${org}/actions/${id}`, cookie), params: { org, id: String(id) }, context: ctx() }));
  const act = (id: number, form: Record<string, string>, cookie = officer(), org = "acme") =>
    responseOf(() =>
      page.action({ request: post(`/o/${org}/actions/${id}`, form, cookie), params: { org, id: String(id) }, context: ctx() }),
    );
  const noteWithFile = (
    id: number,
    fields: Record<string, string>,
    file: { name: string; bytes: Uint8Array<ArrayBuffer> } | null,
    cookie = officer(),
  ) => {
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) fd.set(k, v);
    if (file) fd.append("files", new File([file.bytes], file.name));
    const request = new Request(`http://localhost/o/acme/actions/${id}`, { method: "POST", body: fd, headers: { Cookie: cookie } });
    return responseOf(() => page.action({ request, params: { org: "acme", id: String(id) }, context: ctx() }));
  };
  const versionOf = async (id: number) =>
    (await h().db.selectFrom("corrective_actions").select("version").where("id", "=", id).executeTakeFirstOrThrow()).version;
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

  beforeAll(async () => {
    acme = await makeOrg(h(), "acme", [
      ["admin@a.test", "admin"],
      ["officer@a.test", "compliance"],
      ["exec@a.test", "executive"],
    ]);
    boreal = await makeOrg(h(), "boreal", [["admin@b.test", "admin"]]);
    for (const [email, id] of Object.entries({ ...acme.users, ...boreal.users })) cookies[email] = await cookieFor(h(), id);
    mill = await insertSupplier(h().db, acme.orgId, SupplierSchema.parse({ name: "Dhaka Spinning Mill", country: "BD" }));
    dye = await insertSupplier(h().db, acme.orgId, SupplierSchema.parse({ name: "Dye House", country: "IN" }));
    const officerId = identityOf(acme, "acme", "officer@a.test");
    const m = await submittedWithSession(officerId, mill, "hr@mill.test", FLAGGED);
    millPortal = m.cookie;
    const d = await submittedWithSession(officerId, dye, "hr@dye.test", BEST);
    dyePortal = d.cookie;
    // Approval through the assessment page: the red flag opens its action.
    for (const id of [m.assessmentId, d.assessmentId]) {
      const r = await responseOf(() =>
        assessmentPage.action({
          request: post(`/o/acme/assessments/${id}`, { intent: "approve" }, officer()),
          params: { org: "acme", id: String(id) },
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
    actionId = rows[0]!.id;
    const borealSupplier = await insertSupplier(h().db, boreal.orgId, SupplierSchema.parse({ name: "Boreal Supplier", country: "VN" }));
    borealAction = (
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
  });

  it("lists actions with URL filters and totals; an executive reads without edit controls; bad filters are a 400", async () => {
    const r = await listOf("");
    expect(r.status).toBe(200);
    const data = await r.json();
    expect(data).toMatchObject({ total: 1, mayEdit: true, counts: { open: 1, inProgress: 0, overdue: 0 } });
    expect(data.rows[0]).toMatchObject({
      id: actionId,
      supplierName: "Dhaka Spinning Mill",
      status: "open",
      source: "red_flag",
      severity: "severe",
      overdue: false,
    });
    expect((await (await listOf("?status=verified")).json()).total).toBe(0);
    expect((await (await listOf(`?supplier=${dye}`)).json()).total).toBe(0);
    expect(await (await listOf(`?supplier=${mill}&source=red_flag&owner=${acme.users["officer@a.test"]}`)).json()).toMatchObject({
      total: 1,
      supplier: { name: "Dhaka Spinning Mill" },
    });
    expect((await (await listOf("?overdue=1")).json()).total).toBe(0);
    const asExec = await listOf("", exec());
    expect(asExec.status).toBe(200);
    expect(await asExec.json()).toMatchObject({ total: 1, mayEdit: false });
    expect((await listOf("?status=nope")).status).toBe(400);
    expect((await listOf("?page=0")).status).toBe(400);
    // Another tenant's list under its own slug shows only its own actions; acme's slug is not its page.
    expect((await (await listOf("", cookies["admin@b.test"], "boreal")).json()).rows.map((x: { id: number }) => x.id)).toEqual([
      borealAction,
    ]);
    expect((await listOf("", cookies["admin@b.test"], "acme")).status).toBe(404);
  });

  it("shows an action's page with the answer and indicator behind it; another tenant's action id is a 404 under one's own slug", async () => {
    const r = await pageOf(actionId);
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
    expect(await (await pageOf(actionId, exec())).json()).toMatchObject({ mayEdit: false });
    expect((await pageOf(borealAction)).status).toBe(404); // boreal's action under acme's slug
    expect((await pageOf(actionId, cookies["admin@b.test"], "boreal")).status).toBe(404); // acme's action under boreal's slug
    expect((await act(actionId, { intent: "status", version: "1", status: "in_progress" }, cookies["admin@b.test"], "boreal")).status).toBe(
      404,
    );
    expect(
      (
        await responseOf(() =>
          page.loader({ request: get("/o/acme/actions/abc", officer()), params: { org: "acme", id: "abc" }, context: ctx() }),
        )
      ).status,
    ).toBe(404);
  });

  it("refuses every change by an executive with 403", async () => {
    expect((await act(actionId, { intent: "status", version: "1", status: "in_progress" }, exec())).status).toBe(403);
    expect((await act(actionId, { intent: "update", version: "1", ownerUserId: "", dueAt: inDays(5) }, exec())).status).toBe(403);
    expect((await act(actionId, { intent: "note", version: "1", body: "hello" }, exec())).status).toBe(403);
    expect(
      (await responseOf(() => create.loader({ request: get("/o/acme/actions/new", exec()), params: { org: "acme" }, context: ctx() })))
        .status,
    ).toBe(403);
    expect(
      (
        await responseOf(() =>
          create.action({
            request: post("/o/acme/actions/new", { supplierId: String(mill), title: "x", dueAt: inDays(5) }, exec()),
            params: { org: "acme" },
            context: ctx(),
          }),
        )
      ).status,
    ).toBe(403);
    expect(await versionOf(actionId)).toBe(1);
  });

  it("answers bad input with 400 and field errors, and a stale version with 409", async () => {
    const bad = await act(actionId, { intent: "status", version: "1", status: "finished" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).fieldErrors.status).toBe("Choose a status");
    const noVersion = await act(actionId, { intent: "status", status: "in_progress" });
    expect(noVersion.status).toBe(400);
    expect((await noVersion.json()).fieldErrors.version).toBeTruthy();
    const pastDue = await act(actionId, { intent: "update", version: "1", ownerUserId: "", dueAt: inDays(-2) });
    expect(pastDue.status).toBe(400);
    expect((await pastDue.json()).fieldErrors.dueAt).toMatch(/past/);
    const badOwner = await act(actionId, {
      intent: "update",
      version: "1",
      ownerUserId: String(acme.users["exec@a.test"]),
      dueAt: inDays(5),
    });
    expect(badOwner.status).toBe(400);
    expect((await badOwner.json()).fieldErrors.ownerUserId).toMatch(/owner/);
    const empty = await act(actionId, { intent: "note", version: "1", body: "" });
    expect(empty.status).toBe(400);
    expect((await act(actionId, { intent: "delete", version: "1" })).status).toBe(400);

    expect((await act(actionId, { intent: "status", version: "1", status: "in_progress", note: "Spoke to the HR manager" })).status).toBe(
      200,
    );
    const stale = await act(actionId, { intent: "update", version: "1", ownerUserId: "", dueAt: inDays(5) });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({
      stale: true,
      formError: expect.stringMatching(/Someone changed this action .* reload the page/),
    });
    const wrongMove = await act(actionId, { intent: "status", version: "2", status: "open" });
    expect(wrongMove.status).toBe(409);
    expect((await wrongMove.json()).formError).toMatch(/in progress cannot become open/);

    const newBad = await responseOf(() =>
      create.action({
        request: post("/o/acme/actions/new", { title: "x", dueAt: "2020-01-01" }, officer()),
        params: { org: "acme" },
        context: ctx(),
      }),
    );
    expect(newBad.status).toBe(400);
    expect((await newBad.json()).fieldErrors).toMatchObject({
      supplierId: "Choose a supplier",
      title: "Use at least 3 characters",
      dueAt: "The due date cannot be in the past",
    });
    const foreign = await responseOf(() =>
      create.action({
        request: post("/o/acme/actions/new", { supplierId: "999999", title: "Grievance box", dueAt: inDays(5) }, officer()),
        params: { org: "acme" },
        context: ctx(),
      }),
    );
    expect(foreign.status).toBe(400);
    expect((await foreign.json()).fieldErrors.supplierId).toMatch(/supplier/);
  });

  it("creates a manual action from the form (?supplier=<id>) and redirects to it", async () => {
    const form = await responseOf(() =>
      create.loader({ request: get(`/o/acme/actions/new?supplier=${dye}`, officer()), params: { org: "acme" }, context: ctx() }),
    );
    expect(form.status).toBe(200);
    const data = await form.json();
    expect(data).toMatchObject({ supplier: { id: dye, name: "Dye House" }, defaultDue: inDays(30) });
    expect(data.owners.map((o: { email: string }) => o.email).sort()).toEqual(["admin@a.test", "officer@a.test"]); // executives own nothing
    expect(
      (
        await responseOf(() =>
          create.loader({ request: get("/o/acme/actions/new?supplier=999999", officer()), params: { org: "acme" }, context: ctx() }),
        )
      ).status,
    ).toBe(404);
    const r = await responseOf(() =>
      create.action({
        request: post(
          "/o/acme/actions/new",
          {
            supplierId: String(dye),
            title: "Install a grievance box",
            details: "In the canteen",
            ownerUserId: String(acme.users["admin@a.test"]),
            dueAt: inDays(20),
          },
          officer(),
        ),
        params: { org: "acme" },
        context: ctx(),
      }),
    );
    expect(r.status).toBe(302);
    const id = Number(/\/o\/acme\/actions\/(\d+)$/.exec(r.headers.get("Location") ?? "")![1]);
    expect(await (await pageOf(id)).json()).toMatchObject({
      action: { source: "manual", title: "Install a grievance box", ownerName: "admin@a.test".split("@")[0], status: "open" },
    });
  });

  it("adds a note with a file (checked by content) and downloads it as an attachment", async () => {
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
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, message: "Note added with one file." });
    const d = await (await pageOf(actionId, exec())).json();
    const file = d.files[0];
    expect(file).toMatchObject({ filename: "audit.pdf", mime: "application/pdf" });
    const dl = await responseOf(() =>
      download.loader({
        request: get(`/o/acme/actions/${actionId}/files/${file.id}`, exec()),
        params: { org: "acme", id: String(actionId), fileId: String(file.id) },
        context: ctx(),
      }),
    );
    expect(dl.status).toBe(200);
    expect(dl.headers.get("Content-Disposition")).toMatch(/^attachment; filename="audit.pdf"/);
    expect(dl.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(new Uint8Array(await dl.arrayBuffer())).toEqual(PDF);
    const foreign = await responseOf(() =>
      download.loader({
        request: get(`/o/boreal/actions/${actionId}/files/${file.id}`, cookies["admin@b.test"]),
        params: { org: "boreal", id: String(actionId), fileId: String(file.id) },
        context: ctx(),
      }),
    );
    expect(foreign.status).toBe(404);
  });

  it("shows the supplier its own actions in the portal and takes its reply with a file; another assessment's session sees none", async () => {
    const mine = await portalLoad(millPortal);
    expect(mine.status).toBe(200);
    const data = await mine.json();
    expect(data).toMatchObject({ locale: "es", supplierName: "Dhaka Spinning Mill" });
    expect(data.actions.map((a: { id: number }) => a.id)).toEqual([actionId]);
    expect(data.messages["ui.actions.heading"]).toBe("Acciones correctivas");
    expect(data.messages["ilo.retention_of_documents"]).toBeTruthy();
    const shown = data.actions[0];
    expect(shown.timeline.map((e: { kind: string }) => e.kind)).toEqual(["created", "status"]); // officers' notes stay inside
    expect(JSON.stringify(data)).not.toContain("officer@a.test");
    expect(JSON.stringify(data)).not.toContain("Audit report");

    const other = await portalLoad(dyePortal);
    expect(other.status).toBe(200);
    // The dye house's session sees its own (manual) action only: none of the mill's.
    expect((await other.json()).actions.map((a: { id: number; title: string }) => a.title)).toEqual(["Install a grievance box"]);
    const hijack = await portalReply(dyePortal, { actionId: String(actionId), version: String(shown.version), body: "not mine" });
    expect(hijack.status).toBe(404);
    expect((await portalReply(millPortal, { actionId: String(borealAction), version: "1", body: "x" })).status).toBe(404);
    expect((await portalLoad("lantern_supplier=" + "A".repeat(43))).status).toBe(401);

    const stale = await portalReply(millPortal, { actionId: String(actionId), version: String(shown.version - 1), body: "late" });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ messageKey: "ui.actions.stale" });
    const empty = await portalReply(millPortal, { actionId: String(actionId), version: String(shown.version), body: " " });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ messageKey: "ui.actions.reply_empty" });
    const r = await portalReply(
      millPortal,
      { actionId: String(actionId), version: String(shown.version), body: "Los pasaportes se devolvieron" },
      { name: "recibos.pdf", bytes: PDF },
    );
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ ok: true, actionId });
    const after = (await (await portalLoad(millPortal)).json()).actions[0];
    expect(after.timeline.at(-1)).toMatchObject({
      kind: "supplier_reply",
      by: "hr@mill.test",
      body: "Los pasaportes se devolvieron",
      files: ["recibos.pdf"],
    });
    const officerView = await (await pageOf(actionId)).json();
    expect(officerView.events.at(-1)).toMatchObject({ kind: "supplier_reply", authorLabel: "supplier hr@mill.test" });
    expect(officerView.files.map((f: { filename: string }) => f.filename)).toEqual(["audit.pdf", "recibos.pdf"]);
  });

  it("moves the action to done and verified; verified actions leave the portal and take no more changes", async () => {
    let v = await versionOf(actionId);
    expect((await act(actionId, { intent: "status", version: String(v), status: "done" })).status).toBe(200);
    v += 1;
    expect((await act(actionId, { intent: "status", version: String(v), status: "verified" })).status).toBe(200);
    v += 1;
    const d = await (await pageOf(actionId)).json();
    expect(d).toMatchObject({ action: { status: "verified", verifiedByName: "officer" }, next: [] });
    expect((await act(actionId, { intent: "update", version: String(v), ownerUserId: "", dueAt: inDays(3) })).status).toBe(409);
    expect((await (await portalLoad(millPortal)).json()).actions).toEqual([]);
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
      "action.note_added",
      "action.supplier_replied",
      "action.status_changed",
      "action.status_changed",
    ]);
  });

  it("opens an action from a review comment (?comment=<id>): source review, linked to the assessment and question", async () => {
    const millAssessment = (await h().db.selectFrom("assessments").select("id").where("supplier_id", "=", mill).executeTakeFirstOrThrow())
      .id;
    const commentId = await insertReviewComment(h().db, acme.orgId, millAssessment, {
      questionKey: "p4.grievance_channel",
      authorUserId: acme.users["officer@a.test"]!,
      authorLabel: "officer@a.test",
      body: "The grievance box is inside the manager's office.",
    });
    const form = await responseOf(() =>
      create.loader({ request: get(`/o/acme/actions/new?comment=${commentId}`, officer()), params: { org: "acme" }, context: ctx() }),
    );
    expect(await form.json()).toMatchObject({
      supplier: { id: mill },
      comment: { id: commentId, assessmentId: millAssessment, body: "The grievance box is inside the manager's office." },
    });
    // Another tenant cannot open it, and a malformed id is not found.
    for (const [q, cookie, org] of [
      [`?comment=${commentId}`, cookies["admin@b.test"]!, "boreal"],
      ["?comment=abc", officer(), "acme"],
    ] as const) {
      expect(
        (await responseOf(() => create.loader({ request: get(`/o/${org}/actions/new${q}`, cookie), params: { org }, context: ctx() })))
          .status,
      ).toBe(404);
    }
    // The comment must be about the chosen supplier.
    const wrong = await responseOf(() =>
      create.action({
        request: post(
          "/o/acme/actions/new",
          { supplierId: String(dye), commentId: String(commentId), title: "Move the grievance box", dueAt: inDays(20) },
          officer(),
        ),
        params: { org: "acme" },
        context: ctx(),
      }),
    );
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).formError).toMatch(/not about this supplier/);
    const r = await responseOf(() =>
      create.action({
        request: post(
          "/o/acme/actions/new",
          { supplierId: String(mill), commentId: String(commentId), title: "Move the grievance box", dueAt: inDays(20) },
          officer(),
        ),
        params: { org: "acme" },
        context: ctx(),
      }),
    );
    expect(r.status).toBe(302);
    const id = Number(/\/o\/acme\/actions\/(\d+)$/.exec(r.headers.get("Location") ?? "")![1]);
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
              request: get(`/o/acme/assessments/${millAssessment}`, cookie),
              params: { org: "acme", id: String(millAssessment) },
              context: ctx(),
            }),
          )
        ).json()
      ).may.actions;
    expect(await mayOpenActions(officer())).toBe(true);
    expect(await mayOpenActions(exec())).toBe(false);
  });
});
