// Assessment routes of the officer side against a real database: start (one supplier, or the
// supplier list's filter), invite links, filling in on the supplier's behalf with stale saves and
// bad values, evidence files, submit, review (comments, request changes, approve), history, and the
// walls: another tenant's assessment is not found, executives read but cannot change anything.
import { addDays } from "~/domain/dates";

const inDays = (days: number) => addDays(new Date(), days);
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { contextFor, cookieFor, describeEachEngine, get, makeOrg, post, responseOf } from "~/test/support";
import { resetEnvCache } from "~/lib/env.server";
import { readToast } from "~/lib/toast.server";
import { insertSupplier } from "~/models/supplier.server";
import { SupplierSchema, type SupplierInput } from "~/schemas/supplier";
import { ATHENS_V2 } from "~/domain/questionnaire/athens-v2";
import { findQuestion } from "~/domain/questionnaire";
import type { Question } from "~/domain/questionnaire/types";
import * as list from "./o.$org.assessments._index";
import * as start from "./o.$org.assessments.new";
import * as page from "./o.$org.assessments.$id._index";
import * as fill from "./o.$org.assessments.$id.fill";
import * as files from "./o.$org.assessments.$id.files";
import * as download from "./o.$org.assessments.$id.files.$fileId";
import * as supplierPage from "./o.$org.suppliers.$id._index";
import * as supplierList from "./o.$org.suppliers._index";

/** The toast a redirect carries to the next page (read as the root loader reads it). */
function toastOf(r: Response): string | undefined {
  const cookie = (r.headers.get("Set-Cookie") ?? "").split(";")[0]!;
  return readToast(new Request("http://localhost/", { headers: { Cookie: cookie } })).toast?.message;
}

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

/** A valid value for a question, as a form would post it (multi: one ticked option). */
function validValue(q: Question): string {
  switch (q.type) {
    case "yes_no":
      return "yes";
    case "single":
      return q.options[0]!.key;
    case "multi":
      return q.options.find((o) => !o.exclusive)!.key;
    case "number":
      return String(Math.max(q.min ?? 1, 1));
    case "percent":
      return "5";
    case "text":
      return "Described in our recruitment policy.";
    case "date":
      return "2025-06-30";
    case "evidence":
      throw new Error("evidence questions are answered by uploads");
  }
}

let evidenceDir = "";
beforeAll(async () => {
  evidenceDir = await mkdtemp(path.join(tmpdir(), "lantern-evidence-"));
  process.env.EVIDENCE_DIR = evidenceDir;
  resetEnvCache();
});
afterAll(async () => {
  await rm(evidenceDir, { recursive: true, force: true });
});

describeEachEngine("assessment routes", (h) => {
  let acme: Awaited<ReturnType<typeof makeOrg>>;
  let boreal: Awaited<ReturnType<typeof makeOrg>>;
  const cookies: Record<string, string> = {};
  const ctx = () => contextFor(h());
  const params = (extra: Record<string, string> = {}) => ({ org: "acme", ...extra });
  let mill = 0; // the supplier assessed through the whole workflow
  let assessment = 0;

  async function supplier(orgId: number, s: Partial<SupplierInput> & { name: string }): Promise<number> {
    return insertSupplier(h().db, orgId, SupplierSchema.parse({ country: "BD", ...s }));
  }

  async function setup() {
    if (acme) return;
    acme = await makeOrg(h(), "acme", [
      ["admin@a.test", "admin"],
      ["officer@a.test", "compliance"],
      ["exec@a.test", "executive"],
    ]);
    boreal = await makeOrg(h(), "boreal", [["admin@b.test", "admin"]]);
    for (const [email, id] of Object.entries({ ...acme.users, ...boreal.users })) cookies[email] = await cookieFor(h(), id);
    mill = await supplier(acme.orgId, { name: "Dhaka Spinning Mill", contactEmail: "hr@dhaka-mill.test" });
  }
  const officer = () => cookies["officer@a.test"]!;

  const startOne = (supplierId: number, form: Record<string, string>, cookie = officer()) =>
    responseOf(() =>
      start.action({ request: post(`/o/acme/assessments/new?supplier=${supplierId}`, form, cookie), params: params(), context: ctx() }),
    );
  const pageJson = async (id: number, cookie = officer()) => {
    const r = await responseOf(() =>
      page.loader({ request: get(`/o/acme/assessments/${id}`, cookie), params: params({ id: String(id) }), context: ctx() }),
    );
    expect(r.status).toBe(200);
    return r.json();
  };
  const act = (id: number, form: Record<string, string>, cookie = officer()) =>
    responseOf(() =>
      page.action({ request: post(`/o/acme/assessments/${id}`, form, cookie), params: params({ id: String(id) }), context: ctx() }),
    );
  const fillJson = async (id: number, section = "profile") => {
    const r = await responseOf(() =>
      fill.loader({
        request: get(`/o/acme/assessments/${id}/fill?section=${section}`, officer()),
        params: params({ id: String(id) }),
        context: ctx(),
      }),
    );
    expect(r.status).toBe(200);
    return r.json();
  };
  const save = (id: number, questionKey: string, value: string, baseRevision: number, cookie = officer()) =>
    responseOf(() =>
      fill.action({
        request: post(`/o/acme/assessments/${id}/fill`, { intent: "save", questionKey, value, baseRevision: String(baseRevision) }, cookie),
        params: params({ id: String(id) }),
        context: ctx(),
      }),
    );
  const submit = (id: number, cookie = officer()) =>
    responseOf(() =>
      fill.action({
        request: post(`/o/acme/assessments/${id}/fill`, { intent: "submit" }, cookie),
        params: params({ id: String(id) }),
        context: ctx(),
      }),
    );
  const upload = (id: number, questionKey: string, name: string, bytes: Uint8Array<ArrayBuffer>, cookie = officer(), org = "acme") => {
    const fd = new FormData();
    fd.set("questionKey", questionKey);
    fd.set("file", new File([bytes], name));
    const request = new Request(`http://localhost/o/${org}/assessments/${id}/files`, {
      method: "POST",
      body: fd,
      headers: { Cookie: cookie },
    });
    return responseOf(() => files.action({ request, params: { org, id: String(id) }, context: ctx() }));
  };
  const revisionOf = async (id: number, questionKey: string) =>
    (
      await h()
        .db.selectFrom("answers")
        .select("revision")
        .where("assessment_id", "=", id)
        .where("question_key", "=", questionKey)
        .executeTakeFirst()
    )?.revision ?? 0;
  const statusOf = async (id: number) =>
    (await h().db.selectFrom("assessments").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status;
  const mailsTo = (to: string) =>
    h().db.selectFrom("mail_outbox").select(["kind", "subject", "body_text"]).where("to_address", "=", to).orderBy("id").execute();

  /** Answers every required question that is still missing (visibility follows the answers) and attaches required documents. */
  async function fillRequired(id: number) {
    for (let round = 0; round < 20; round++) {
      const { missing } = (await fillJson(id)) as { missing: Array<{ questionKey: string; reason: string }> };
      if (!missing.length) return;
      for (const m of missing) {
        const q = findQuestion(ATHENS_V2, m.questionKey)!.question;
        if (m.reason === "evidence" || q.type === "evidence") {
          expect((await upload(id, m.questionKey, "proof.pdf", PDF)).status, m.questionKey).toBe(200);
        } else {
          expect((await save(id, m.questionKey, validValue(q), await revisionOf(id, m.questionKey))).status, m.questionKey).toBe(200);
        }
      }
    }
    throw new Error("could not complete the questionnaire");
  }

  it("starts an assessment for one supplier: due date required and not in the past, one open assessment at a time", async () => {
    await setup();
    const form = await responseOf(() =>
      start.loader({ request: get(`/o/acme/assessments/new?supplier=${mill}`, officer()), params: params(), context: ctx() }),
    );
    expect(form.status).toBe(200);
    expect((await form.json()).one).toMatchObject({ id: mill, name: "Dhaka Spinning Mill", open: null });

    const past = await startOne(mill, { dueAt: inDays(-1), language: "en" });
    expect(past.status).toBe(400);
    expect((await past.json()).fieldErrors.dueAt).toMatch(/past/);
    const none = await startOne(mill, { dueAt: "", language: "xx" });
    expect(none.status).toBe(400);
    expect(Object.keys((await none.json()).fieldErrors).sort()).toEqual(["dueAt", "language"]);

    const ok = await startOne(mill, { dueAt: inDays(30), language: "es" });
    expect(ok.status).toBe(302);
    expect(toastOf(ok)).toBe("Assessment started. Invite the supplier or fill it in.");
    assessment = Number(/^\/o\/acme\/assessments\/(\d+)$/.exec(ok.headers.get("Location") ?? "")?.[1]);
    expect(assessment).toBeGreaterThan(0);
    const data = await pageJson(assessment);
    expect(data.assessment).toMatchObject({
      supplierName: "Dhaka Spinning Mill",
      status: "draft",
      dueAt: inDays(30),
      language: "es",
      contactEmail: "hr@dhaka-mill.test",
    });
    expect(data.progress).toMatchObject({ percent: 0, answered: 0 });
    expect(data.may).toEqual({ manage: true, review: true, actions: true });
    expect(data.texts["q.profile.workers.text"]).toMatch(/How many people work at your site/);

    const again = await startOne(mill, { dueAt: inDays(30), language: "en" });
    expect(again.status).toBe(409);
    expect((await again.json()).formError).toMatch(/already has an open assessment/);
    const unknown = await startOne(999999, { dueAt: inDays(30), language: "en" });
    expect(unknown.status).toBe(404);

    // the supplier page offers it and lists it
    const sp = await responseOf(() =>
      supplierPage.loader({ request: get(`/o/acme/suppliers/${mill}`, officer()), params: params({ id: String(mill) }), context: ctx() }),
    );
    const spData = await sp.json();
    expect(spData.mayAssess).toBe(true);
    expect(spData.assessments).toEqual([expect.objectContaining({ id: assessment, status: "draft" })]);
  });

  it("starts assessments for the supplier list's filter, skipping open and archived ones, with a summary", async () => {
    await setup();
    const ids = [];
    for (const name of ["VN Garment A", "VN Garment B", "VN Garment C"])
      ids.push(await supplier(acme.orgId, { name, country: "VN", sector: "Garments" }));
    await supplier(acme.orgId, { name: "VN Garment Archived", country: "VN", sector: "Garments", status: "archived" });
    expect((await startOne(ids[0]!, { dueAt: inDays(14), language: "en" })).status).toBe(302);

    const preview = await responseOf(() =>
      start.loader({ request: get("/o/acme/assessments/new?country=VN&sector=Garments", officer()), params: params(), context: ctx() }),
    );
    expect((await preview.json()).many).toMatchObject({ count: 3, skip: 1, back: "country=VN&sector=Garments" });
    const previewAll = await responseOf(() =>
      start.loader({ request: get("/o/acme/assessments/new?country=VN&status=all", officer()), params: params(), context: ctx() }),
    );
    expect((await previewAll.json()).many).toMatchObject({ count: 4, skip: 2 });
    // The risk filter is applied, said in the summary and kept in the link back to the list.
    const previewRisk = await responseOf(() =>
      start.loader({ request: get("/o/acme/assessments/new?country=VN&risk=none", officer()), params: params(), context: ctx() }),
    );
    const riskMany = (await previewRisk.json()).many;
    expect(riskMany.describe).toContain("no risk score yet");
    expect(riskMany.back).toBe("country=VN&risk=none");
    const badFilter = await responseOf(() =>
      start.loader({ request: get("/o/acme/assessments/new?tier=abc", officer()), params: params(), context: ctx() }),
    );
    expect(badFilter.status).toBe(400);

    const bulk = await responseOf(() =>
      start.action({
        request: post("/o/acme/assessments/new?country=VN&status=all&sort=name", { dueAt: inDays(21), language: "fr" }, officer()),
        params: params(),
        context: ctx(),
      }),
    );
    expect(bulk.status).toBe(302);
    expect(bulk.headers.get("Location")).toBe("/o/acme/assessments");
    expect(toastOf(bulk)).toBe(
      "2 assessments started, 2 skipped (1 already open, 1 archived). Open one to invite the supplier or to fill it in.",
    );
    const nothing = await responseOf(() =>
      start.action({
        request: post("/o/acme/assessments/new?country=ZZ", { dueAt: inDays(21), language: "fr" }, officer()),
        params: params(),
        context: ctx(),
      }),
    );
    expect(nothing.status).toBe(400);

    const listed = await responseOf(() =>
      list.loader({
        request: get("/o/acme/assessments?status=draft", officer()),
        params: params(),
        context: ctx(),
      }),
    );
    const l = await listed.json();
    expect(l.rows.map((r: { supplierName: string }) => r.supplierName).sort()).toEqual([
      "Dhaka Spinning Mill",
      "VN Garment A",
      "VN Garment B",
      "VN Garment C",
    ]);
    expect(l.rows.every((r: { status: string }) => r.status === "draft")).toBe(true);
    const badStatus = await responseOf(() =>
      list.loader({ request: get("/o/acme/assessments?status=lost", officer()), params: params(), context: ctx() }),
    );
    expect(badStatus.status).toBe(400);

    // the supplier list offers "Assess these suppliers" to those who may start assessments
    const sl = await responseOf(() =>
      supplierList.loader({ request: get("/o/acme/suppliers", officer()), params: params(), context: ctx() }),
    );
    expect((await sl.json()).mayAssess).toBe(true);
  });

  it("invites the supplier's contact: a mail with a /s/<token> link; resending kills the old link; revoking kills it too", async () => {
    await setup();
    const bad = await act(assessment, { intent: "invite", email: "not-an-email", language: "es" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).fieldErrors.email).toMatch(/valid email/);

    const sent = await act(assessment, { intent: "invite", email: "hr@dhaka-mill.test", language: "es" });
    expect(sent.status).toBe(200);
    expect((await sent.json()).message).toMatch(/link for hr@dhaka-mill.test was not mailed/); // no SMTP in tests: shown once instead
    const mails = await mailsTo("hr@dhaka-mill.test");
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body_text).toMatch(/\/s\/[A-Za-z0-9_-]{43}/);
    expect(await statusOf(assessment)).toBe("sent");

    expect((await act(assessment, { intent: "invite", email: "hr@dhaka-mill.test", language: "fr" })).status).toBe(200);
    const [first, second] = (await mailsTo("hr@dhaka-mill.test")).map((m) => /\/s\/([A-Za-z0-9_-]{43})/.exec(m.body_text)![1]);
    expect(second).not.toBe(first);
    let invites = (await pageJson(assessment)).invites as Array<{ revoked_at: string | null; language: string }>;
    expect(invites.map((i) => [i.language, Boolean(i.revoked_at)])).toEqual([
      ["fr", false],
      ["es", true],
    ]);

    const revoked = await act(assessment, { intent: "revoke" });
    expect(revoked.status).toBe(302);
    expect(revoked.headers.get("Location")).toBe(`/o/acme/assessments/${assessment}`);
    expect(toastOf(revoked)).toBe("The link was revoked: it no longer opens the questionnaire.");
    invites = (await pageJson(assessment)).invites;
    expect(invites.every((i) => i.revoked_at)).toBe(true);
    // a live link again, for the review mails below
    expect((await act(assessment, { intent: "invite", email: "hr@dhaka-mill.test", language: "es" })).status).toBe(200);
  });

  it("without SMTP shows the officer the new link once, in the answer to the invite, and nowhere after; with SMTP never", async () => {
    await setup();
    const other = await insertSupplier(h().db, acme.orgId, SupplierSchema.parse({ name: "Copy Once Mill", country: "BD" }));
    const started = await startOne(other, { dueAt: inDays(30), language: "en" });
    const id = Number(/(\d+)$/.exec(started.headers.get("Location") ?? "")?.[1]);
    const sent = await act(id, { intent: "invite", email: "copy@once.test", language: "en" });
    expect(sent.status).toBe(200);
    const data = await sent.json();
    const token = /\/s\/([A-Za-z0-9_-]{43})$/.exec(data.copyLink ?? "")?.[1];
    expect(token).toBeDefined();
    expect((await mailsTo("copy@once.test")).at(-1)!.body_text).toContain(token!); // the very link that was queued
    // Reloading the page (or any later read) never shows it again.
    expect(JSON.stringify(await pageJson(id))).not.toContain(token!);

    process.env.SMTP_URL = "smtp://127.0.0.1:1"; // configured (and unreachable: nothing is really sent)
    resetEnvCache();
    try {
      const mailed = await act(id, { intent: "invite", email: "copy@once.test", language: "en" });
      expect(mailed.status).toBe(302); // mailed: the next page says so in a toast, and the link is nowhere in it
      expect(toastOf(mailed)).toBe("The questionnaire link was mailed to copy@once.test. Any earlier link no longer works.");
    } finally {
      delete process.env.SMTP_URL;
      resetEnvCache();
    }
  });

  it("fills in for the supplier: saves per question; a stale revision 409 with both values; a bad value 400 with a message", async () => {
    await setup();
    const profile = await fillJson(assessment, "profile");
    expect(profile.section).toEqual({ key: "profile", index: 0 });
    expect(profile.questions.map((q: Question) => q.key)).toContain("profile.workers");
    expect(profile.texts["ui.validation.percent_between"]).toMatch(/percentage/);

    const first = await save(assessment, "profile.workers", "120", 0);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ ok: true, revision: 1, questionKey: "profile.workers" });
    expect(await statusOf(assessment)).toBe("in_progress");
    expect((await save(assessment, "profile.workers", "130", 1)).status).toBe(200);

    // a second person saved revision 1 already: one wins, the other gets both versions
    const stale = await save(assessment, "profile.workers", "999", 1, cookies["admin@a.test"]);
    expect(stale.status).toBe(409);
    const conflict = (await stale.json()).conflict;
    expect(conflict.yours).toBe(999);
    expect(conflict.theirs).toMatchObject({ value: 130, revision: 2, updatedBy: "officer@a.test" });
    expect((await fillJson(assessment)).answers.find((a: { questionKey: string }) => a.questionKey === "profile.workers")).toMatchObject({
      value: 130,
      revision: 2,
    });

    const percent = await save(assessment, "profile.migrant_share", "150", 0);
    expect(percent.status).toBe(400);
    expect((await percent.json()).fieldErrors.value).toBe("Enter a percentage between 0 and 100");
    const whole = await save(assessment, "profile.workers", "12.5", 2);
    expect((await whole.json()).fieldErrors.value).toBe("Enter a whole number, without decimals");
    const option = await save(assessment, "profile.uses_agencies", "maybe", 0);
    expect((await option.json()).fieldErrors.value).toBe("Choose yes or no");
    const unknownQ = await save(assessment, "p9.nothing", "yes", 0);
    expect(unknownQ.status).toBe(400);
    const noRevision = await responseOf(() =>
      fill.action({
        request: post(`/o/acme/assessments/${assessment}/fill`, { intent: "save", questionKey: "profile.workers", value: "5" }, officer()),
        params: params({ id: String(assessment) }),
        context: ctx(),
      }),
    );
    expect(noRevision.status).toBe(400);

    // every revision is kept and shown as history, newest first, with its author
    const history = (
      (await pageJson(assessment)).history as Array<{ questionKey: string; revision: number; value: unknown; author: string }>
    ).filter((r) => r.questionKey === "profile.workers");
    expect(history.map((r) => [r.revision, r.value, r.author])).toEqual([
      [2, 130, "officer@a.test"],
      [1, 120, "officer@a.test"],
    ]);
  });

  it("stores evidence: a PDF attached and downloaded as an attachment; other types 415, too large 413, no-files question 404", async () => {
    await setup();
    const ok = await upload(assessment, "p5.sample_contract", "contract.pdf", PDF);
    expect(ok.status).toBe(200);
    const { fileId, filename } = await ok.json();
    expect(filename).toBe("contract.pdf");
    const file = await responseOf(() =>
      download.loader({
        request: get(`/o/acme/assessments/${assessment}/files/${fileId}`, cookies["exec@a.test"]),
        params: params({ id: String(assessment), fileId: String(fileId) }),
        context: ctx(),
      }),
    );
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Disposition")).toMatch(/^attachment; filename="contract.pdf"/);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PDF);

    const text = await upload(assessment, "p5.sample_contract", "notes.pdf", new TextEncoder().encode("just text, not a PDF"));
    expect(text.status).toBe(415);
    expect((await text.json()).message).toMatch(/not accepted/);
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(PDF);
    const large = await upload(assessment, "p5.sample_contract", "huge.pdf", big);
    expect(large.status).toBe(413);
    expect((await large.json()).message).toMatch(/larger than 10 MB/);
    const noFiles = await upload(assessment, "profile.workers", "a.pdf", PDF);
    expect(noFiles.status).toBe(404);

    const missing = await responseOf(() =>
      download.loader({
        request: get(`/o/acme/assessments/${assessment}/files/999999`, officer()),
        params: params({ id: String(assessment), fileId: "999999" }),
        context: ctx(),
      }),
    );
    expect(missing.status).toBe(404);
  });

  it("lists what is missing instead of submitting; comments, request changes (mail to the supplier), approve on resubmission", async () => {
    await setup();
    const early = await submit(assessment);
    expect(early.status).toBe(400);
    const body = await early.json();
    expect(body.missing.length).toBeGreaterThan(5);
    expect(body.missing[0]).toMatchObject({ sectionKey: "profile", reason: "unanswered", text: expect.stringMatching(/\?$/) });
    expect(body.formError).toMatch(/Not submitted/);

    await fillRequired(assessment);
    const submitted = await submit(assessment);
    expect(submitted.status).toBe(302);
    expect(submitted.headers.get("Location")).toBe(`/o/acme/assessments/${assessment}`);
    expect(await statusOf(assessment)).toBe("submitted");
    // read-only now: the fill page sends back to the assessment, saves are refused
    const fillPage = await responseOf(() =>
      fill.loader({
        request: get(`/o/acme/assessments/${assessment}/fill`, officer()),
        params: params({ id: String(assessment) }),
        context: ctx(),
      }),
    );
    expect(fillPage.status).toBe(302);
    expect((await save(assessment, "profile.workers", "140", 2)).status).toBe(409);

    const noComments = await act(assessment, { intent: "request-changes", reason: "Please look again" });
    expect(noComments.status).toBe(400);
    expect((await noComments.json()).formError).toMatch(/Comment on at least one answer/);
    const empty = await act(assessment, { intent: "comment", questionKey: "profile.workers", body: "  " });
    expect(empty.status).toBe(400);
    expect((await empty.json()).fieldErrors.body).toBe("Write a comment");
    const comment = await act(assessment, {
      intent: "comment",
      questionKey: "profile.workers",
      body: "The audit counted 180 workers. Please check.",
    });
    expect(comment.status).toBe(200);
    expect(await comment.json()).toMatchObject({ ok: true, questionKey: "profile.workers" });
    expect((await pageJson(assessment)).threads).toEqual([
      expect.objectContaining({
        questionKey: "profile.workers",
        comments: [expect.objectContaining({ authorLabel: "officer", body: "The audit counted 180 workers. Please check." })],
        resolvedAt: null,
      }),
    ]);

    const before = (await mailsTo("hr@dhaka-mill.test")).length;
    // A decision takes a reason: without one, a 400 with the field's error, and nothing changes.
    const noReason = await act(assessment, { intent: "request-changes", reason: " " });
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).fieldErrors.reason).toBe("Give a reason of at least 3 characters");
    expect(await statusOf(assessment)).toBe("submitted");
    const sentBack = await act(assessment, { intent: "request-changes", reason: "Please look again" });
    expect(sentBack.status).toBe(302);
    expect(toastOf(sentBack)).toMatch(/^Sent back to the supplier with your comments\./);
    expect(await statusOf(assessment)).toBe("changes_requested");
    const mails = await mailsTo("hr@dhaka-mill.test");
    expect(mails).toHaveLength(before + 1);
    expect(mails.at(-1)).toMatchObject({ kind: "assessment-changes-requested", subject: expect.stringMatching(/review one answer/) });
    expect((await act(assessment, { intent: "approve", reason: "Checked the answers", ackComments: "on", ackFlags: "on" })).status).toBe(
      409,
    ); // not submitted now
    // the fill page shows the open comment next to its question
    expect((await fillJson(assessment)).comments).toEqual([
      expect.objectContaining({ question_key: "profile.workers", body: "The audit counted 180 workers. Please check." }),
    ]);

    expect((await save(assessment, "profile.workers", "180", await revisionOf(assessment, "profile.workers"))).status).toBe(200);
    expect((await submit(assessment)).status).toBe(302);
    // What changed since the request for changes is on the page, and the timeline has the resubmission.
    const resubmitted = await pageJson(assessment);
    expect(resubmitted.changes).toMatchObject({ revised: [{ questionKey: "profile.workers", before: 130, after: 180 }], retracted: [] });
    expect(resubmitted.submissions.map((x: { afterChanges: boolean; byLabel: string }) => [x.afterChanges, x.byLabel])).toEqual([
      [false, "officer"],
      [true, "officer"],
    ]);
    expect(resubmitted.approveBlocked).toBe("You filled in answers for the supplier, so someone else must approve it.");
    // The officer filled in answers for the supplier: with four eyes (the default) someone else approves.
    const noApproveReason = await act(assessment, { intent: "approve" });
    expect(noApproveReason.status).toBe(400);
    expect((await noApproveReason.json()).fieldErrors.reason).toBe("Give a reason for this decision");
    const filler = await act(assessment, { intent: "approve", reason: "Checked the answers", ackComments: "on", ackFlags: "on" });
    expect(filler.status).toBe(403);
    expect((await filler.json()).formError).toBe("You filled in answers for the supplier, so someone else must approve it.");
    expect(await statusOf(assessment)).toBe("submitted");
    const admin = cookies["admin@a.test"]!;
    // The open comment needs an explicit acknowledgement.
    const unacknowledged = await act(assessment, { intent: "approve", reason: "Checked the answers" }, admin);
    expect(unacknowledged.status).toBe(400);
    expect((await unacknowledged.json()).fieldErrors.ackComments).toMatch(/unresolved review comments/);
    const approved = await act(assessment, { intent: "approve", reason: "Checked the answers", ackComments: "on", ackFlags: "on" }, admin);
    expect(approved.status).toBe(302);
    expect(toastOf(approved)).toMatch(/Approved. The assessment is valid until \d{4}-\d{2}-\d{2}/);
    const done = await pageJson(assessment);
    expect(done.assessment).toMatchObject({ status: "approved" });
    expect(done.assessment.validUntil).toBeTruthy();
    expect(done.threads[0]).toMatchObject({ resolvedAt: expect.any(String), resolvedByLabel: "admin" });
    expect(done.decisions.map((d: { kind: string; userLabel: string; reason: string }) => [d.kind, d.userLabel, d.reason])).toEqual([
      ["request_changes", "officer", "Please look again"],
      ["approve", "admin", "Checked the answers"],
    ]);
    expect(done.decisions[1].acknowledged).toEqual(["unresolved_comments", "severe_flags"]);
    expect(
      done.history.filter((r: { questionKey: string }) => r.questionKey === "profile.workers").map((r: { value: unknown }) => r.value),
    ).toEqual([180, 130, 120]);
    // Reopening takes a reason too; it sends the questionnaire back to review and out of the score.
    expect((await act(assessment, { intent: "reopen" })).status).toBe(400);
    const reopened = await act(assessment, { intent: "reopen", reason: "The audit report disagrees" });
    expect(reopened.status).toBe(302);
    expect(toastOf(reopened)).toMatch(/^Reopened/);
    expect(await statusOf(assessment)).toBe("submitted");
    expect((await act(assessment, { intent: "approve", reason: "Audit settled", ackFlags: "on" }, admin)).status).toBe(302);
    expect(await statusOf(assessment)).toBe("approved");
    // an approved assessment takes no new link; a new assessment can be started
    expect((await act(assessment, { intent: "invite", email: "hr@dhaka-mill.test", language: "es" })).status).toBe(409);
    expect((await startOne(mill, { dueAt: inDays(60), language: "en" })).status).toBe(302);
  });

  it("keeps tenants apart: another tenant's assessment and files are not found, for pages and actions", async () => {
    await setup();
    const theirSupplier = await supplier(boreal.orgId, { name: "Boreal Secret Fab" });
    const started = await responseOf(() =>
      start.action({
        request: post(
          `/o/boreal/assessments/new?supplier=${theirSupplier}`,
          { dueAt: inDays(10), language: "en" },
          cookies["admin@b.test"],
        ),
        params: { org: "boreal" },
        context: ctx(),
      }),
    );
    const theirs = Number(/(\d+)$/.exec(started.headers.get("Location")!)?.[1]);
    const theirFile = await upload(theirs, "p5.sample_contract", "secret.pdf", PDF, cookies["admin@b.test"], "boreal");
    const { fileId } = await theirFile.json();
    const admin = cookies["admin@a.test"]!;
    const p = params({ id: String(theirs) });
    for (const fn of [page.loader, fill.loader]) {
      const r = await responseOf(() => fn({ request: get(`/o/acme/assessments/${theirs}`, admin), params: p, context: ctx() }));
      expect(r.status).toBe(404);
      expect(await r.text()).not.toContain("Boreal Secret");
    }
    expect((await act(theirs, { intent: "comment", questionKey: "profile.workers", body: "peek" }, admin)).status).toBe(404);
    expect((await act(theirs, { intent: "invite", email: "x@y.test", language: "en" }, admin)).status).toBe(404);
    expect((await save(theirs, "profile.workers", "5", 0, admin)).status).toBe(404);
    expect((await submit(theirs, admin)).status).toBe(404);
    expect((await upload(theirs, "p5.sample_contract", "x.pdf", PDF, admin)).status).toBe(404);
    const file = await responseOf(() =>
      download.loader({
        request: get(`/o/acme/assessments/${theirs}/files/${fileId}`, admin),
        params: params({ id: String(theirs), fileId: String(fileId) }),
        context: ctx(),
      }),
    );
    expect(file.status).toBe(404);
    const crossed = await responseOf(() =>
      download.loader({
        request: get(`/o/acme/assessments/${assessment}/files/${fileId}`, admin),
        params: params({ id: String(assessment), fileId: String(fileId) }),
        context: ctx(),
      }),
    );
    expect(crossed.status).toBe(404);
    expect(await h().db.selectFrom("review_comments").select("id").where("assessment_id", "=", theirs).execute()).toHaveLength(0);
    const outsider = await responseOf(() =>
      list.loader({ request: get("/o/acme/assessments", cookies["admin@b.test"]), params: params(), context: ctx() }),
    );
    expect(outsider.status).toBe(404);
    for (const bad of ["abc", "0", "1.5"]) {
      const r = await responseOf(() =>
        page.loader({ request: get(`/o/acme/assessments/${bad}`, admin), params: params({ id: bad }), context: ctx() }),
      );
      expect(r.status, bad).toBe(404);
    }
  });

  it("lets executives read assessments but answers 403 to every change, and shows them no buttons", async () => {
    await setup();
    const exec = cookies["exec@a.test"]!;
    const data = await pageJson(assessment, exec);
    expect(data.may).toEqual({ manage: false, review: false, actions: false });
    expect(data.invites).toEqual([]);
    const l = await responseOf(() => list.loader({ request: get("/o/acme/assessments", exec), params: params(), context: ctx() }));
    expect((await l.json()).mayStart).toBe(false);
    const sp = await responseOf(() =>
      supplierPage.loader({ request: get(`/o/acme/suppliers/${mill}`, exec), params: params({ id: String(mill) }), context: ctx() }),
    );
    expect((await sp.json()).mayAssess).toBe(false);

    const open = Number(
      /(\d+)$/.exec(
        (await startOne(await supplier(acme.orgId, { name: "Exec Test Mill" }), { dueAt: inDays(5), language: "en" })).headers.get(
          "Location",
        )!,
      )?.[1],
    );
    const forms: Array<Record<string, string>> = [
      { intent: "invite", email: "a@b.test", language: "en" },
      { intent: "revoke" },
      { intent: "comment", questionKey: "profile.workers", body: "x" },
      { intent: "approve", reason: "Checked the answers", ackComments: "on", ackFlags: "on" },
      { intent: "request-changes", reason: "Please look again" },
    ];
    for (const form of forms) {
      expect((await act(open, form, exec)).status, form.intent).toBe(403);
    }
    expect((await save(open, "profile.workers", "5", 0, exec)).status).toBe(403);
    expect((await submit(open, exec)).status).toBe(403);
    expect((await upload(open, "p5.sample_contract", "x.pdf", PDF, exec)).status).toBe(403);
    const fillPage = await responseOf(() =>
      fill.loader({ request: get(`/o/acme/assessments/${open}/fill`, exec), params: params({ id: String(open) }), context: ctx() }),
    );
    expect(fillPage.status).toBe(403);
    const newPage = await responseOf(() =>
      start.loader({ request: get(`/o/acme/assessments/new?supplier=${mill}`, exec), params: params(), context: ctx() }),
    );
    expect(newPage.status).toBe(403);
    expect((await startOne(mill, { dueAt: inDays(5), language: "en" }, exec)).status).toBe(403);
    expect(await revisionOf(open, "profile.workers")).toBe(0);
    expect(await statusOf(open)).toBe("draft");
  });
});
