// Documents through the routes, on both engines: the portal's upload takes a kind and a validity date
// (refused in the supplier's language when the kind is unknown or the date has passed), the officer's
// upload says the same in English, and a decision on a document answers 400 without a reason, 403 to
// the uploader and to a role without the review permission, 404 for another tenant's or another
// assessment's document, and a redirect with a toast when it is recorded.
import { beforeAll, expect, it } from "vitest";
import {
  contextFor,
  cookieFor,
  describeEachEngine,
  get,
  makeOrg,
  post,
  responseOf,
  toastOf,
  withTemporaryEvidenceDir,
} from "~/test/support";
import type { OrgIdentity } from "~/lib/auth.server";

import { addDays, todayIso } from "~/domain/dates";
import { SupplierSchema } from "~/schemas/supplier";
import { startAssessments } from "~/services/assessments.server";
import { uploadEvidence } from "~/services/evidence.server";
import { UPLOADER_MESSAGE } from "~/services/evidence-review.server";
import { openSupplierSession, sendAssessmentInvite } from "~/services/invites.server";
import { createSupplier } from "~/services/suppliers.server";
import * as decide from "./o.$org.assessments.$id.evidence.$fileId";
import * as officerUpload from "./o.$org.assessments.$id.files";
import * as portalUpload from "./s.portal.files";
import * as portalPage from "./s.portal._index";

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
withTemporaryEvidenceDir("lantern-evidence-routes-");

describeEachEngine("evidence routes", (h) => {
  let ipSeq = 0;
  const ctx = () => contextFor(h(), `198.51.100.${++ipSeq}`);
  const cookies: Record<string, string> = {};
  const idents: Record<string, OrgIdentity> = {};

  async function tenant(slug: string) {
    const people: Array<[string, "admin" | "compliance" | "executive"]> = [
      [`one@${slug}.test`, "compliance"],
      [`two@${slug}.test`, "compliance"],
      [`exec@${slug}.test`, "executive"],
    ];
    const { orgId, users } = await makeOrg(h(), slug, people);
    for (const [email, role] of people) {
      cookies[email] = await cookieFor(h(), users[email]!);
      idents[email] = { user: { sessionId: "s", userId: users[email]!, email, name: email }, org: { id: orgId, slug, name: slug }, role };
    }
    const one = idents[`one@${slug}.test`]!;
    const s = await createSupplier(h().db, one, SupplierSchema.parse({ name: `Mill ${slug}`, country: "BD" }), "ip");
    if (!s.ok) throw new Error(s.message);
    const { created } = await startAssessments(h().db, one, [s.value.id], { dueAt: null, language: "fr" }, "ip");
    const assessmentId = created[0]!;
    const email = `hr@${slug}.test`;
    await sendAssessmentInvite(h().db, one, assessmentId, { email, language: "fr" }, "ip");
    const mail = await h()
      .db.selectFrom("mail_outbox")
      .select("body_text")
      .where("to_address", "=", email)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    const opened = await openSupplierSession(h().db, /\/s\/([A-Za-z0-9_-]{43})/.exec(mail.body_text)![1]!);
    if (!("cookie" in opened)) throw new Error("no supplier session");
    return { slug, orgId, assessmentId, supplierCookie: opened.cookie.split(";")[0]! };
  }
  type Tenant = Awaited<ReturnType<typeof tenant>>;
  let acme: Tenant;
  let boreal: Tenant;
  beforeAll(async () => {
    acme = await tenant("evacme");
    boreal = await tenant("evboreal");
  });

  const portalPost = (t: Tenant, fields: Record<string, string>) => {
    const fd = new FormData();
    fd.set("assessmentId", String(t.assessmentId));
    for (const [k, v] of Object.entries(fields)) fd.set(k, v);
    fd.set("file", new File([PDF], "policy.pdf"));
    return responseOf(() =>
      portalUpload.action({
        request: new Request("http://localhost/s/portal/files", { method: "POST", body: fd, headers: { Cookie: t.supplierCookie } }),
        params: {},
        context: ctx(),
      }),
    );
  };
  const decision = (t: Tenant, who: string, assessmentId: number, fileId: number, form: Record<string, string>) =>
    responseOf(() =>
      decide.action({
        request: post(`/o/${t.slug}/assessments/${assessmentId}/evidence/${fileId}`, form, cookies[who]),
        params: { org: t.slug, id: String(assessmentId), fileId: String(fileId) },
        context: ctx(),
      }),
    );
  const status = (fileId: number) =>
    h().db.selectFrom("evidence_files").select(["review_status", "kind", "valid_until"]).where("id", "=", fileId).executeTakeFirstOrThrow();

  it("takes the portal upload's kind and validity, and refuses an unknown kind or a past date in the supplier's language", async () => {
    const until = addDays(todayIso(), 60);
    const ok = await portalPost(acme, { questionKey: "p2.awareness_activities", kind: "training_records", validUntil: until });
    expect(ok.status).toBe(200);
    const { fileId } = (await ok.json()) as { fileId: number };
    expect(await status(fileId)).toEqual({ review_status: "pending", kind: "training_records", valid_until: until });
    const past = await portalPost(acme, { questionKey: "p1.written_policy", validUntil: addDays(todayIso(), -1) });
    expect(past.status).toBe(400);
    expect(await past.json()).toMatchObject({ messageKey: "ui.evidence.valid_until_past" });
    const badDate = await portalPost(acme, { questionKey: "p1.written_policy", validUntil: "31/12/2099" });
    expect(await badDate.json()).toMatchObject({ messageKey: "ui.evidence.valid_until_invalid" });
    const badKind = await portalPost(acme, { questionKey: "p1.written_policy", kind: "selfie" });
    expect(badKind.status).toBe(400);
    expect(await badKind.json()).toMatchObject({ messageKey: "ui.evidence.kind_invalid" });
    // The portal page sends the French texts of those keys, and each file's status.
    const page = await (
      await responseOf(() => portalPage.loader({ request: get("/s/portal", acme.supplierCookie), params: {}, context: ctx() }))
    ).json();
    expect(page.messages["ui.evidence.valid_until_past"]).toMatch(/^La date/);
    // Every control question offers a document, the workforce profile none.
    expect(page.takesDocuments).toEqual(
      expect.arrayContaining(["p1.written_policy", "p1.deposits", "p7.practice_sharing", "p5.sample_contract"]),
    );
    expect(page.takesDocuments).not.toContain("profile.workers");
    expect(page.takesDocuments).not.toContain("p4.violence_reported");
    expect(page.files.find((f: { id: number }) => f.id === fileId)).toMatchObject({
      kind: "training_records",
      status: "pending",
      reason: null,
    });
  });

  it("refuses the officer's upload with a past date, in English", async () => {
    const fd = new FormData();
    fd.set("questionKey", "p1.written_policy");
    fd.set("validUntil", "2020-01-01");
    fd.set("file", new File([PDF], "policy.pdf"));
    const r = await responseOf(() =>
      officerUpload.action({
        request: new Request(`http://localhost/o/evacme/assessments/${acme.assessmentId}/files`, {
          method: "POST",
          body: fd,
          headers: { Cookie: cookies["one@evacme.test"]! },
        }),
        params: { org: "evacme", id: String(acme.assessmentId) },
        context: ctx(),
      }),
    );
    expect(r.status).toBe(400);
    expect((await r.json()).message).toMatch(/^The date until which the document is valid has passed/);
  });

  it("answers 400 without a reason, 403 to the uploader and an executive, 404 across tenants, else a redirect with a toast", async () => {
    const supplierFile = (await (await portalPost(acme, { questionKey: "p1.written_policy" })).json()) as { fileId: number };
    const up = await uploadEvidence(
      h().db,
      { kind: "officer", id: idents["one@evacme.test"]! },
      acme.assessmentId,
      "p1.written_policy",
      { name: "mine.pdf", bytes: PDF },
      "ip",
    );
    if (!up.ok) throw new Error(up.message);
    const aid = acme.assessmentId;
    const noReason = await decision(acme, "two@evacme.test", aid, supplierFile.fileId, { intent: "accept", reason: " a " });
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).fieldErrors.reason).toMatch(/at least 3 characters/);
    expect((await decision(acme, "two@evacme.test", aid, supplierFile.fileId, { intent: "approve", reason: "Looks right" })).status).toBe(
      400,
    );
    const own = await decision(acme, "one@evacme.test", aid, up.value.fileId, { intent: "accept", reason: "My own scan" });
    expect(own.status).toBe(403);
    expect((await own.json()).formError).toBe(UPLOADER_MESSAGE);
    expect((await decision(acme, "exec@evacme.test", aid, supplierFile.fileId, { intent: "accept", reason: "Looks right" })).status).toBe(
      403,
    );
    // Boreal's officer, under its own slug, naming acme's document (with acme's or boreal's assessment id).
    const borealFile = (await (await portalPost(boreal, { questionKey: "p1.written_policy" })).json()) as { fileId: number };
    expect((await decision(boreal, "one@evboreal.test", aid, supplierFile.fileId, { intent: "accept", reason: "Foreign" })).status).toBe(
      404,
    );
    expect(
      (await decision(boreal, "one@evboreal.test", boreal.assessmentId, supplierFile.fileId, { intent: "accept", reason: "Foreign" }))
        .status,
    ).toBe(404);
    // Acme's officer naming boreal's document under acme's assessment.
    expect((await decision(acme, "two@evacme.test", aid, borealFile.fileId, { intent: "accept", reason: "Foreign" })).status).toBe(404);
    expect((await status(supplierFile.fileId)).review_status).toBe("pending");
    expect((await status(borealFile.fileId)).review_status).toBe("pending");
    // A bad id in the URL is a 404, not a 500.
    expect((await decision(acme, "two@evacme.test", aid, 99_999_999_999, { intent: "accept", reason: "Looks right" })).status).toBe(404);

    const done = await decision(acme, "two@evacme.test", aid, supplierFile.fileId, { intent: "accept", reason: "Signed and dated" });
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe(`/o/evacme/assessments/${aid}#evidence`);
    expect(toastOf(done)?.message).toBe("Document accepted.");
    expect((await status(supplierFile.fileId)).review_status).toBe("accepted");
    const page = await (
      await responseOf(() => portalPage.loader({ request: get("/s/portal", acme.supplierCookie), params: {}, context: ctx() }))
    ).json();
    expect(page.files.find((f: { id: number }) => f.id === supplierFile.fileId)).toMatchObject({ status: "accepted" });
  });
});
