// The supplier portal after the reviewer sent the questionnaire back: it opens where the first open
// comment is (not on the last section), and a commented question takes a document even when its type
// takes no files (the comment may ask for one). Against a real database, SQLite and PostgreSQL.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { contextFor, describeEachEngine, get, makeOrg, post, responseOf } from "~/test/support";
import type { OrgIdentity } from "~/lib/auth.server";
import { resetEnvCache } from "~/lib/env.server";
import { insertSupplier } from "~/models/supplier.server";
import { SupplierSchema } from "~/schemas/supplier";
import { ATHENS_V2 } from "~/domain/questionnaire/athens-v2";
import { BEST, answersFor } from "~/domain/questionnaire/test-fixtures";
import { addReviewComment, requestChanges } from "~/services/assessment-review.server";
import { startAssessments } from "~/services/assessments.server";
import { sendAssessmentInvite } from "~/services/invites.server";
import * as link from "./s.$token";
import * as page from "./s.portal._index";
import * as answer from "./s.portal.answer";
import * as files from "./s.portal.files";
import * as submit from "./s.portal.submit";

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

let evidenceDir = "";
beforeAll(async () => {
  evidenceDir = await mkdtemp(path.join(tmpdir(), "lantern-portal-review-"));
  process.env.EVIDENCE_DIR = evidenceDir;
  resetEnvCache();
});
afterAll(async () => {
  await rm(evidenceDir, { recursive: true, force: true });
});

describeEachEngine("supplier portal after changes were requested", (h) => {
  let ipSeq = 0;
  const ctx = () => contextFor(h(), `198.51.100.${++ipSeq}`);

  async function officer(slug: string): Promise<OrgIdentity> {
    const email = `officer@${slug}.test`;
    const { orgId, users } = await makeOrg(h(), slug, [[email, "compliance"]]);
    return {
      user: { sessionId: "s", userId: users[email]!, email, name: "Officer" },
      org: { id: orgId, slug, name: slug.toUpperCase() },
      role: "compliance",
    };
  }

  /** A submitted questionnaire (best answers, evidence where required) and the supplier's portal cookie. */
  async function submitted(id: OrgIdentity, email: string) {
    const supplierId = await insertSupplier(h().db, id.org.id, SupplierSchema.parse({ name: "Review Mill Co., Ltd.", country: "BD" }));
    const { created } = await startAssessments(h().db, id, [supplierId], { dueAt: "2027-01-31", language: "fr" }, "ip");
    const assessmentId = created[0]!;
    expect(await sendAssessmentInvite(h().db, id, assessmentId, { email, language: "fr" }, "ip")).toHaveProperty("value.inviteId");
    const mail = await h()
      .db.selectFrom("mail_outbox")
      .select("body_text")
      .where("to_address", "=", email)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    const token = /\/s\/([A-Za-z0-9_-]{43})/.exec(mail.body_text)![1]!;
    const started = await responseOf(() =>
      link.action({ request: post(`/s/${token}`, { intent: "start" }), params: { token }, context: ctx() }),
    );
    expect(started.status).toBe(302);
    const cookie = started.headers.get("Set-Cookie")!.split(";")[0]!;
    // Evidence answers cite uploaded files: those questions are answered by the uploads below.
    for (const [key, value] of Object.entries(answersFor(ATHENS_V2, BEST))) {
      if (Array.isArray(value) && value.some((v) => String(v).startsWith("file_"))) continue;
      const r = await save(cookie, assessmentId, key, value);
      expect(r.status, key).toBe(200);
    }
    const first = await submitAs(cookie, assessmentId);
    for (const m of ((await first.json()) as { missing?: Array<{ questionKey: string }> }).missing ?? []) {
      expect((await upload(cookie, assessmentId, m.questionKey)).status, m.questionKey).toBe(200);
    }
    expect((await submitAs(cookie, assessmentId)).status).toBe(200);
    return { assessmentId, cookie };
  }
  const save = (cookie: string, assessmentId: number, questionKey: string, value: unknown) =>
    responseOf(() =>
      answer.action({
        request: post(
          "/s/portal/answer",
          { assessmentId: String(assessmentId), questionKey, value: JSON.stringify(value), baseRevision: "0", comment: "" },
          cookie,
        ),
        params: {},
        context: ctx(),
      }),
    );
  const submitAs = (cookie: string, assessmentId: number) =>
    responseOf(() =>
      submit.action({ request: post("/s/portal/submit", { assessmentId: String(assessmentId) }, cookie), params: {}, context: ctx() }),
    );
  const upload = (cookie: string, assessmentId: number, questionKey: string) => {
    const fd = new FormData();
    fd.set("assessmentId", String(assessmentId));
    fd.set("questionKey", questionKey);
    fd.set("file", new File([PDF], "proof.pdf"));
    return responseOf(() =>
      files.action({
        request: new Request("http://localhost/s/portal/files", { method: "POST", body: fd, headers: { Cookie: cookie } }),
        params: {},
        context: ctx(),
      }),
    );
  };
  const portalPage = async (cookie: string) =>
    (await responseOf(() => page.loader({ request: get("/s/portal", cookie), params: {}, context: ctx() }))).json();

  it("opens on the section of the first open comment and takes a document on that question, whatever its type", async () => {
    const id = await officer("review-co");
    const { assessmentId, cookie } = await submitted(id, "contact@review-mill.test");
    // p4.violence_reported is an unscored yes/no question (not a control question): it takes no files.
    expect(
      await addReviewComment(h().db, id, assessmentId, "p4.violence_reported", "Please attach the incident log.", "ip"),
    ).toHaveProperty("value.commentId");
    expect(await requestChanges(h().db, id, assessmentId, { reason: "Needs another look" }, "ip")).toEqual({ ok: true });

    const view = await portalPage(cookie);
    expect(view.status).toBe("changes_requested");
    expect(view.sectionKey).toBe("p4"); // not the last section (p7)

    expect((await upload(cookie, assessmentId, "p4.violence_reported")).status).toBe(200);
    // An unscored question without a comment still takes no files (every control question does).
    expect((await upload(cookie, assessmentId, "p4.threats_reported")).status).toBe(404);
    expect((await upload(cookie, assessmentId, "p1.free_movement")).status).toBe(200);
    // Nor does one whose comment the supplier was never shown (written after the request, still internal).
    expect(
      await addReviewComment(h().db, id, assessmentId, "p4.threats_reported", "Internal: ask the auditor first.", "ip"),
    ).toHaveProperty("value.commentId");
    expect((await upload(cookie, assessmentId, "p4.threats_reported")).status).toBe(404);
    const after = await portalPage(cookie);
    expect(after.files).toContainEqual(expect.objectContaining({ questionKey: "p4.violence_reported", filename: "proof.pdf" }));
  });

  it("answers a value out of range with 400 and the field's message, and keeps the other answers", async () => {
    const id = await officer("range-co");
    const supplierId = await insertSupplier(h().db, id.org.id, SupplierSchema.parse({ name: "Range Mill", country: "BD" }));
    const { created } = await startAssessments(h().db, id, [supplierId], { dueAt: "2027-01-31", language: "zh-Hans" }, "ip");
    const assessmentId = created[0]!;
    await sendAssessmentInvite(h().db, id, assessmentId, { email: "contact@range.test", language: "zh-Hans" }, "ip");
    const mail = await h()
      .db.selectFrom("mail_outbox")
      .select("body_text")
      .where("to_address", "=", "contact@range.test")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    const token = /\/s\/([A-Za-z0-9_-]{43})/.exec(mail.body_text)![1]!;
    const started = await responseOf(() =>
      link.action({ request: post(`/s/${token}`, { intent: "start" }), params: { token }, context: ctx() }),
    );
    const cookie = started.headers.get("Set-Cookie")!.split(";")[0]!;

    expect((await save(cookie, assessmentId, "profile.workers", "250")).status).toBe(200);
    const bad = await save(cookie, assessmentId, "p1.resignation_notice", "620");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ messageKey: "ui.validation.number_between", params: { min: 0, max: 365 } });
    const view = await portalPage(cookie);
    expect(view.answers["profile.workers"]).toMatchObject({ value: 250, revision: 1 });
    expect(view.answers["p1.resignation_notice"]).toBeUndefined();
  });
});
