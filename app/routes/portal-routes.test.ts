// Supplier portal routes against a real database: the invite link's page (GET changes nothing, POST
// starts a session and drops the token from the URL, 410 and "send me a new link", 404 for tampered
// tokens, the per-IP limit), the portal (401 without a session, autosave with revisions, stale saves,
// field messages), evidence (PDF accepted, disguised or oversized files refused), submission (what is
// missing, then read-only), and the wall between assessments.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contextFor, describeEachEngine, get, makeOrg, post, responseOf, toastOf } from "~/test/support";
import type { OrgIdentity } from "~/lib/auth.server";
import { resetEnvCache } from "~/lib/env.server";
import { insertSupplier } from "~/models/supplier.server";
import { insertEvidence } from "~/models/evidence.server";
import { SupplierSchema } from "~/schemas/supplier";
import { ATHENS_V2 } from "~/domain/questionnaire/athens-v2";
import { BEST, answersFor } from "~/domain/questionnaire/test-fixtures";
import { addReviewComment, requestChanges } from "~/services/assessment-review.server";
import { startAssessments } from "~/services/assessments.server";
import { saveAnswer } from "~/services/assessment-answers.server";
import { revokeAssessmentLinks, sendAssessmentInvite } from "~/services/invites.server";
import { getSupplierIdentity } from "~/lib/supplier-session.server";
import * as link from "./s.$token";
import * as layout from "./s.portal";
import * as page from "./s.portal._index";
import * as answer from "./s.portal.answer";
import * as files from "./s.portal.files";
import * as file from "./s.portal.files.$fileId";
import * as submit from "./s.portal.submit";
import { onlySectionChanged } from "~/components/portal/revalidate";

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

let evidenceDir = "";
beforeAll(async () => {
  evidenceDir = await mkdtemp(path.join(tmpdir(), "lantern-portal-"));
  process.env.EVIDENCE_DIR = evidenceDir;
  resetEnvCache();
});
afterAll(async () => {
  await rm(evidenceDir, { recursive: true, force: true });
});

describe("portal navigation", () => {
  it("reloads nothing when only the section changes, so moving between sections works offline", () => {
    const u = (q: string) => new URL(`http://x/s/portal${q}`);
    expect(onlySectionChanged(u("?section=p1"), u("?section=p2"))).toBe(true);
    expect(onlySectionChanged(u(""), u("?section=p2"))).toBe(true);
    expect(onlySectionChanged(u("?lang=es&section=p1"), u("?section=p2&lang=es"))).toBe(true);
    expect(onlySectionChanged(u("?section=p1"), u("?section=p1"))).toBe(false); // a revalidation after an upload
    expect(onlySectionChanged(u("?section=p1"), u("?section=p1&lang=fr"))).toBe(false); // a language switch
    expect(onlySectionChanged(u("?section=p1"), new URL("http://x/s/other?section=p2"))).toBe(false);
  });
});

describeEachEngine("supplier portal routes", (h) => {
  let acme: OrgIdentity;
  let boreal: OrgIdentity;
  let ipSeq = 0;
  // Every test gets its own client IP, so the per-IP limit of invite links only bites where tested.
  const ctx = (ip = `198.51.100.${++ipSeq}`) => contextFor(h(), ip);

  async function identity(slug: string): Promise<OrgIdentity> {
    const email = `officer@${slug}.test`;
    const { orgId, users } = await makeOrg(h(), slug, [[email, "compliance"]]);
    return {
      user: { sessionId: "s", userId: users[email]!, email, name: "Officer" },
      org: { id: orgId, slug, name: slug.toUpperCase() },
      role: "compliance",
    };
  }

  /** A supplier with an assessment and a mailed link; returns the assessment id and the token from the mail. */
  async function invited(id: OrgIdentity, name: string, email: string, language = "en") {
    const supplierId = await insertSupplier(h().db, id.org.id, SupplierSchema.parse({ name, country: "BD" }));
    const { created } = await startAssessments(h().db, id, [supplierId], { dueAt: "2027-01-31", language }, "ip");
    const assessmentId = created[0]!;
    expect(await sendAssessmentInvite(h().db, id, assessmentId, { email, language }, "ip")).toHaveProperty("value.inviteId");
    return { assessmentId, token: await tokenMailedTo(email) };
  }
  async function tokenMailedTo(email: string): Promise<string> {
    const m = await h()
      .db.selectFrom("mail_outbox")
      .select("body_text")
      .where("to_address", "=", email)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    return /\/s\/([A-Za-z0-9_-]{43})/.exec(m.body_text)![1]!;
  }
  const openLink = (token: string, query = "", headers: Record<string, string> = {}, c = ctx()) =>
    responseOf(() =>
      link.loader({ request: new Request(`http://localhost/s/${token}${query}`, { headers }), params: { token }, context: c }),
    );
  const postLink = (token: string, form: Record<string, string>, c = ctx()) =>
    responseOf(() => link.action({ request: post(`/s/${token}`, form), params: { token }, context: c }));
  async function start(token: string): Promise<string> {
    const r = await postLink(token, { intent: "start" });
    expect(r.status).toBe(302);
    return r.headers.get("Set-Cookie")!.split(";")[0]!;
  }
  const save = (cookie: string, assessmentId: number, questionKey: string, value: unknown, baseRevision: number, comment = "") =>
    responseOf(() =>
      answer.action({
        request: post(
          "/s/portal/answer",
          { assessmentId: String(assessmentId), questionKey, value: JSON.stringify(value), baseRevision: String(baseRevision), comment },
          cookie,
        ),
        params: {},
        context: ctx(),
      }),
    );
  const upload = (cookie: string, assessmentId: number, questionKey: string, name: string, bytes: Uint8Array<ArrayBuffer>) => {
    const fd = new FormData();
    fd.set("assessmentId", String(assessmentId));
    fd.set("questionKey", questionKey);
    fd.set("file", new File([bytes], name));
    return responseOf(() =>
      files.action({
        request: new Request("http://localhost/s/portal/files", { method: "POST", body: fd, headers: { Cookie: cookie } }),
        params: {},
        context: ctx(),
      }),
    );
  };
  const submitAs = (cookie: string, assessmentId: number) =>
    responseOf(() =>
      submit.action({ request: post("/s/portal/submit", { assessmentId: String(assessmentId) }, cookie), params: {}, context: ctx() }),
    );
  const portalPage = (cookie: string | undefined, query = "") =>
    responseOf(() => page.loader({ request: get(`/s/portal${query}`, cookie), params: {}, context: ctx() }));
  const snapshot = async (assessmentId: number) => ({
    assessment: await h()
      .db.selectFrom("assessments")
      .select(["status", "started_at", "version"])
      .where("id", "=", assessmentId)
      .executeTakeFirstOrThrow(),
    invites: await h()
      .db.selectFrom("assessment_invites")
      .select(["id", "last_used_at", "revoked_at"])
      .where("assessment_id", "=", assessmentId)
      .orderBy("id")
      .execute(),
    sessions: (await h().db.selectFrom("supplier_sessions").select("id").where("assessment_id", "=", assessmentId).execute()).length,
  });

  beforeAll(async () => {
    acme = await identity("acme");
    boreal = await identity("boreal");
  });

  it("shows the link's page on GET and changes nothing; POST starts a session and redirects to a URL without the token", async () => {
    const { assessmentId, token } = await invited(acme, "Dhaka Knitwear", "lan@dhaka.test");
    const before = await snapshot(assessmentId);
    const shown = await openLink(token);
    expect(shown.status).toBe(200);
    const data = await shown.json();
    expect(data).toMatchObject({ state: "open", orgName: "ACME", supplierName: "Dhaka Knitwear", status: "sent", locale: "en" });
    expect(data.due).toMatch(/2027/);
    expect(data.messages["ui.link.heading"]).toBeTruthy();
    expect(JSON.stringify(data)).not.toContain("lan@dhaka.test"); // the page never shows the address
    expect(await snapshot(assessmentId)).toEqual(before);
    const headers = new Headers(
      link.headers({
        loaderHeaders: new Headers(),
        parentHeaders: new Headers(),
        actionHeaders: new Headers(),
        errorHeaders: undefined,
      }) as HeadersInit,
    );
    expect(headers.get("Referrer-Policy")).toBe("no-referrer");
    expect(headers.get("Cache-Control")).toBe("no-store");

    const started = await postLink(token, { intent: "start" });
    expect(started.status).toBe(302);
    expect(started.headers.get("Location")).toBe("/s/portal");
    expect(started.headers.get("Location")).not.toContain(token);
    expect(toastOf(started)?.message).toMatch(/^Welcome\. Everything you enter is saved as you go/);
    const cookie = started.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/^lantern_supplier=[A-Za-z0-9_-]{43}; Path=\/s; HttpOnly; SameSite=Lax/);
    expect(cookie).not.toContain(token);
    const after = await snapshot(assessmentId);
    expect(after.sessions).toBe(1);
    expect(after.assessment.status).toBe("in_progress");
    const who = await getSupplierIdentity(h().db, get("/s/portal", cookie.split(";")[0]));
    expect(who).toMatchObject({ assessmentId, orgId: acme.org.id });
  });

  it("answers 404 to a tampered or unknown token, for the page and its buttons", async () => {
    const { token } = await invited(acme, "Tamper Mill", "t@tamper.test");
    const tampered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    for (const bad of [tampered, "not-a-token", "A".repeat(43)]) {
      const r = await openLink(bad);
      expect(r.status, bad).toBe(404);
      expect((await r.json()).state).toBe("invalid");
      expect((await postLink(bad, { intent: "start" })).status, bad).toBe(404);
      expect((await postLink(bad, { intent: "resend" })).status, bad).toBe(404);
    }
  });

  const outboxCount = async () => (await h().db.selectFrom("mail_outbox").select("id").execute()).length;
  const inviteCount = async (assessmentId: number) =>
    (await h().db.selectFrom("assessment_invites").select("id").where("assessment_id", "=", assessmentId).execute()).length;

  it(
    "answers 410 to an expired link for every intent; asking for a new link " +
      "mails it to the invited address only, once, and the old token stays dead",
    async () => {
      const { assessmentId, token } = await invited(acme, "Expired Mill", "old@expired.test");
      await h()
        .db.updateTable("assessment_invites")
        .set({ expires_at: "2020-01-01T00:00:00.000Z" })
        .where("assessment_id", "=", assessmentId)
        .execute();
      const expired = await openLink(token);
      expect(expired.status).toBe(410);
      expect(await expired.json()).toMatchObject({ state: "expired", orgName: "ACME", mayAskNew: true });
      for (const intent of ["start", "", "open", "revive"]) {
        expect((await postLink(token, { intent }, ctx())).status, intent).toBe(410);
      }
      expect(await snapshot(assessmentId).then((s) => s.sessions)).toBe(0);

      const mailsBefore = await outboxCount();
      const resent = await postLink(token, { intent: "resend", email: "attacker@evil.test" });
      expect(resent.status).toBe(410); // the link itself stays dead
      expect(await resent.json()).toEqual({ resent: true });
      const mailsAfter = await h().db.selectFrom("mail_outbox").select(["id", "to_address"]).execute();
      expect(mailsAfter.length).toBe(mailsBefore + 1);
      expect(mailsAfter.at(-1)!.to_address).toBe("old@expired.test");
      const fresh = await tokenMailedTo("old@expired.test");
      expect(fresh).not.toBe(token);
      expect((await openLink(fresh)).status).toBe(200);

      // The expired token never revives and cannot ask twice: every intent is dead, nothing more is mailed.
      for (const intent of ["start", "resend", ""]) {
        expect((await postLink(token, { intent }, ctx())).status, intent).toBe(410);
      }
      expect(await outboxCount()).toBe(mailsBefore + 1);
      expect(await inviteCount(assessmentId)).toBe(2);
    },
  );

  it("answers 410 to a revoked link for every intent, resend included: no session, no new link, no mail", async () => {
    const { assessmentId, token } = await invited(acme, "Revoked Mill", "rev@revoked.test");
    await revokeAssessmentLinks(h().db, acme, assessmentId, "ip");
    const shown = await openLink(token);
    expect(shown.status).toBe(410);
    expect(await shown.json()).toMatchObject({ state: "revoked", mayAskNew: false });
    const mails = await outboxCount();
    for (const intent of ["start", "resend", "", "open"]) {
      const r = await postLink(token, { intent }, ctx());
      expect(r.status, intent).toBe(410);
      expect(await r.json(), intent).not.toHaveProperty("resent");
    }
    expect(await outboxCount()).toBe(mails);
    expect(await inviteCount(assessmentId)).toBe(1);
    expect((await snapshot(assessmentId)).sessions).toBe(0);

    // Replaced by a resend, and replaced by a reminder's fresh link (superseded): just as dead.
    const second = await invited(acme, "Replaced Mill", "rep@replaced.test");
    expect(
      await sendAssessmentInvite(h().db, acme, second.assessmentId, { email: "rep@replaced.test", language: "en" }, "ip"),
    ).toHaveProperty("value.inviteId");
    const third = await invited(acme, "Reminded Mill", "rem@reminded.test");
    await h()
      .db.updateTable("assessment_invites")
      .set({ superseded_at: "2026-01-01T00:00:00.000Z" })
      .where("assessment_id", "=", third.assessmentId)
      .execute();
    const before = await outboxCount();
    for (const dead of [second.token, third.token]) {
      for (const intent of ["start", "resend"]) expect((await postLink(dead, { intent }, ctx())).status, intent).toBe(410);
    }
    expect(await outboxCount()).toBe(before);
    expect(await inviteCount(second.assessmentId)).toBe(2);
    expect(await inviteCount(third.assessmentId)).toBe(1);
  });

  it("refuses an unknown intent on a live link with 400 and starts nothing", async () => {
    const { assessmentId, token } = await invited(acme, "Intent Mill", "int@intent.test");
    expect((await postLink(token, { intent: "revive" })).status).toBe(400);
    expect((await postLink(token, { intent: "resend" })).status).toBe(400);
    expect((await snapshot(assessmentId)).sessions).toBe(0);
  });

  it("limits link pages per IP with 429 and Retry-After", async () => {
    const { token } = await invited(acme, "Busy Mill", "busy@mill.test");
    const c = ctx("192.0.2.250");
    for (let i = 0; i < 30; i++) expect((await openLink(token, "", {}, c)).status).toBe(200);
    const limited = await openLink(token, "", {}, c);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await postLink(token, { intent: "start" }, c)).status).toBe(429);
    expect((await openLink(token, "", {}, ctx())).status).toBe(200); // another IP is not affected
  });

  it("speaks the invite's language, or the one chosen, remembered in a cookie under /s", async () => {
    const { token } = await invited(acme, "Lima Textiles", "ana@lima.test", "es");
    expect((await (await openLink(token)).json()).locale).toBe("es");
    const fr = await openLink(token, "?lang=fr");
    expect((await fr.json()).locale).toBe("fr");
    expect(fr.headers.get("Set-Cookie")).toMatch(/^lantern_lang=fr; Path=\/s;/);
    expect((await (await openLink(token, "", { Cookie: "lantern_lang=zh-Hans" })).json()).locale).toBe("zh-Hans");
    const cookie = await start(token);
    const frame = await responseOf(() => layout.loader({ request: get("/s/portal?lang=fr", cookie), params: {}, context: ctx() }));
    expect(frame.status).toBe(200);
    expect(await frame.json()).toMatchObject({ locale: "fr", orgName: "ACME", supplierName: "Lima Textiles" });
    expect((await (await portalPage(cookie)).json()).locale).toBe("es");
  });

  it("answers 401 in the portal without a session, for pages and for saves", async () => {
    const r = await responseOf(() => layout.loader({ request: get("/s/portal"), params: {}, context: ctx() }));
    expect(r.status).toBe(401);
    expect((await r.json()).messages["ui.portal.session_expired"]).toMatch(/session has ended/);
    expect((await portalPage(undefined)).status).toBe(401);
    expect((await portalPage("lantern_supplier=" + "x".repeat(43))).status).toBe(401);
    expect((await save("lantern_supplier=nope", 1, "profile.workers", "12", 0)).status).toBe(401);
  });

  it(
    "autosaves answers on revisions: 1 for a first save, 409 with both " +
      "versions on a stale one, 400 with a field message for a bad value",
    async () => {
      const { assessmentId, token } = await invited(acme, "Revision Mill", "rev@mill.test");
      const cookie = await start(token);
      const shown = await portalPage(cookie);
      expect(shown.status).toBe(200);
      const data = await shown.json();
      expect(data).toMatchObject({ assessmentId, editable: true, sectionKey: "profile", status: "in_progress" });
      // The browser gets the structure, never the scoring.
      expect(JSON.stringify(data.template)).not.toMatch(/redFlag|scoring|"points":[1-9]/);
      expect(data.messages["q.profile.workers.text"]).toBeTruthy();

      const first = await save(cookie, assessmentId, "profile.workers", "250", 0);
      expect(first.status).toBe(200);
      expect(await first.json()).toEqual({ revision: 1 });
      const second = await save(cookie, assessmentId, "profile.workers", "260", 1, "includes seasonal staff");
      expect(await second.json()).toEqual({ revision: 2 });

      const stale = await save(cookie, assessmentId, "profile.workers", "999", 1);
      expect(stale.status).toBe(409);
      expect((await stale.json()).conflict).toMatchObject({
        value: 260,
        revision: 2,
        comment: "includes seasonal staff",
        updatedBy: "rev@mill.test",
      });
      expect(
        (
          await h()
            .db.selectFrom("answers")
            .select("value")
            .where("assessment_id", "=", assessmentId)
            .where("question_key", "=", "profile.workers")
            .executeTakeFirstOrThrow()
        ).value,
      ).toBe("260");

      const bad = await save(cookie, assessmentId, "profile.migrant_share", 150, 0);
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ messageKey: "ui.validation.percent_between", params: { min: 0, max: 100 } });
      const word = await save(cookie, assessmentId, "profile.uses_agencies", "maybe", 0);
      expect(word.status).toBe(400);
      expect((await word.json()).messageKey).toBe("ui.validation.yes_no");
      const garbled = await responseOf(() =>
        answer.action({
          request: post(
            "/s/portal/answer",
            { assessmentId: String(assessmentId), questionKey: "profile.workers", value: "{", baseRevision: "2" },
            cookie,
          ),
          params: {},
          context: ctx(),
        }),
      );
      expect(garbled.status).toBe(400);
      expect((await save(cookie, assessmentId, "profile.nope", "1", 0)).status).toBe(404);

      // A stale save by the officer on the supplier's answer names the buyer, not a staff address.
      await saveAnswer(
        h().db,
        { kind: "officer", id: acme },
        assessmentId,
        "profile.workers",
        { value: 270, comment: null, baseRevision: 2 },
        "ip",
      );
      const officerWon = await save(cookie, assessmentId, "profile.workers", "280", 2);
      expect(officerWon.status).toBe(409);
      expect((await officerWon.json()).conflict).toMatchObject({ value: 270, revision: 3, updatedBy: "ACME" });
      expect((await (await portalPage(cookie)).json()).answers["profile.workers"]).toMatchObject({
        value: 270,
        revision: 3,
        updatedBy: "ACME",
      });
    },
  );

  it("keeps a session to its own assessment: another assessment's id, files or section is not found", async () => {
    const a = await invited(acme, "Wall Mill A", "a@wall.test");
    const b = await invited(acme, "Wall Mill B", "b@wall.test");
    const c = await invited(boreal, "Other Tenant Mill", "c@wall.test");
    const cookieA = await start(a.token);
    const cookieB = await start(b.token);
    const fileB = await upload(cookieB, b.assessmentId, "p5.sample_contract", "contract.pdf", PDF);
    expect(fileB.status).toBe(200);
    const fileBId = (await fileB.json()).fileId as number;

    for (const other of [b.assessmentId, c.assessmentId]) {
      expect((await save(cookieA, other, "profile.workers", "5", 0)).status).toBe(404);
      expect((await upload(cookieA, other, "p5.sample_contract", "x.pdf", PDF)).status).toBe(404);
      expect((await submitAs(cookieA, other)).status).toBe(404);
    }
    const download = await responseOf(() =>
      file.loader({ request: get(`/s/portal/files/${fileBId}`, cookieA), params: { fileId: String(fileBId) }, context: ctx() }),
    );
    expect(download.status).toBe(404);
    const removal = await responseOf(() =>
      file.action({
        request: post(`/s/portal/files/${fileBId}`, { assessmentId: String(a.assessmentId), intent: "remove" }, cookieA),
        params: { fileId: String(fileBId) },
        context: ctx(),
      }),
    );
    expect(removal.status).toBe(404);
    expect(
      await h()
        .db.selectFrom("answers")
        .select("question_key")
        .where("assessment_id", "in", [b.assessmentId, c.assessmentId])
        .where("question_key", "=", "profile.workers")
        .execute(),
    ).toEqual([]);
    const mine = await (await portalPage(cookieA)).json();
    expect(mine.assessmentId).toBe(a.assessmentId);
    expect(mine.files).toEqual([]);
    expect((await portalPage(cookieA, "?section=nope")).status).toBe(302);
  });

  it("accepts a PDF and downloads it as an attachment; refuses a disguised file (415) and an oversized one (413)", async () => {
    const { assessmentId, token } = await invited(acme, "Evidence Mill", "ev@mill.test");
    const cookie = await start(token);
    const ok = await upload(cookie, assessmentId, "p5.sample_contract", "contract.pdf", PDF);
    expect(ok.status).toBe(200);
    const { fileId, filename } = await ok.json();
    expect(filename).toMatch(/\.pdf$/);
    const got = await responseOf(() =>
      file.loader({ request: get(`/s/portal/files/${fileId}`, cookie), params: { fileId: String(fileId) }, context: ctx() }),
    );
    expect(got.status).toBe(200);
    expect(got.headers.get("Content-Disposition")).toMatch(/^attachment;/);
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(PDF);
    const listed = await (await portalPage(cookie, "?section=p5")).json();
    expect(listed.files).toEqual([expect.objectContaining({ id: fileId, questionKey: "p5.sample_contract" })]);
    expect(listed.answers["p5.sample_contract"].value).toEqual([String(fileId)]);

    const html = new TextEncoder().encode("<!doctype html><html><script>alert(1)</script></html>");
    const disguised = await upload(cookie, assessmentId, "p5.sample_contract", "report.pdf", html);
    expect(disguised.status).toBe(415);
    expect(await disguised.json()).toMatchObject({ messageKey: "ui.upload.wrong_type", params: { name: "report.pdf" } });

    const big = new Uint8Array(11 * 1024 * 1024);
    big.set(PDF.subarray(0, 8));
    const tooLarge = await upload(cookie, assessmentId, "p5.sample_contract", "scan.pdf", big);
    expect(tooLarge.status).toBe(413);
    expect((await tooLarge.json()).messageKey).toBe("ui.upload.too_large");
    expect((await upload(cookie, assessmentId, "profile.workers", "x.pdf", PDF)).status).toBe(404); // a question that takes no files

    const removed = await responseOf(() =>
      file.action({
        request: post(`/s/portal/files/${fileId}`, { assessmentId: String(assessmentId), intent: "remove" }, cookie),
        params: { fileId: String(fileId) },
        context: ctx(),
      }),
    );
    expect(removed.status).toBe(200);
    expect((await (await portalPage(cookie, "?section=p5")).json()).files).toEqual([]);
  });

  it(
    "never carries an unreleased review comment to the portal: not in the loader's " +
      "data, not after a save conflict; released ones show after a request for changes",
    async () => {
      const { assessmentId, token } = await invited(acme, "Review Mill", "rv@review.test");
      const cookie = await start(token);
      const SECRET = "Internal: supplier looks evasive, compare with the audit";
      expect(await addReviewComment(h().db, acme, assessmentId, "profile.workers", SECRET, "ip")).toHaveProperty("value.commentId");
      const carries = async (text: string) => JSON.stringify(await (await portalPage(cookie)).json()).includes(text);
      expect(await carries(SECRET)).toBe(false);
      expect((await (await portalPage(cookie)).json()).comments).toEqual([]);
      // A stale save answers with the saved answer, never with comments.
      expect((await save(cookie, assessmentId, "profile.workers", "250", 0)).status).toBe(200);
      const stale = await save(cookie, assessmentId, "profile.workers", "260", 0);
      expect(stale.status).toBe(409);
      expect(await stale.text()).not.toContain(SECRET);

      // Submitted: still internal.
      for (const [key, value] of Object.entries(answersFor(ATHENS_V2, BEST))) {
        if (key === "p5.sample_contract") await upload(cookie, assessmentId, key, "evidence.pdf", PDF);
        else await save(cookie, assessmentId, key, value, key === "profile.workers" ? 1 : 0);
      }
      const left = (await (await submitAs(cookie, assessmentId)).json()).missing as Array<{ questionKey: string }> | undefined;
      for (const m of left ?? []) await upload(cookie, assessmentId, m.questionKey, "evidence.pdf", PDF);
      if (left) expect((await submitAs(cookie, assessmentId)).status).toBe(200);
      expect(await carries(SECRET)).toBe(false);

      const ASK = "Please give the peak-season headcount too.";
      await addReviewComment(h().db, acme, assessmentId, "profile.workers", ASK, "ip");
      expect(await carries(ASK)).toBe(false);
      expect(await requestChanges(h().db, acme, assessmentId, { reason: "Needs another look" }, "ip")).toEqual({ ok: true });
      const after = await (await portalPage(cookie)).json();
      expect(after.comments.map((c: { body: string }) => c.body)).toEqual([SECRET, ASK]);
      const LATER = "Draft for next round: ask about agency fees.";
      await addReviewComment(h().db, acme, assessmentId, "profile.workers", LATER, "ip");
      expect(await carries(LATER)).toBe(false);
    },
  );

  it("accepts in an evidence answer only this assessment's own files: not another tenant's, not another assessment's", async () => {
    const mine = await invited(acme, "Evidence Mill", "ev@evidence.test");
    const other = await invited(acme, "Other Mill", "ev@other.test");
    const foreign = await invited(boreal, "Foreign Mill", "ev@foreign.test");
    const cookie = await start(mine.token);
    const uploaded = await upload(cookie, mine.assessmentId, "p5.sample_contract", "contract.pdf", PDF);
    expect(uploaded.status).toBe(200);
    const own = await h()
      .db.selectFrom("evidence_files")
      .select("id")
      .where("assessment_id", "=", mine.assessmentId)
      .executeTakeFirstOrThrow();
    const elsewhere = async (assessmentId: number, orgId: number) =>
      insertEvidence(h().db, orgId, {
        assessmentId,
        questionKey: "p5.sample_contract",
        filename: "x.pdf",
        mime: "application/pdf",
        sizeBytes: PDF.length,
        sha256: "0".repeat(64),
        uploadedBy: "someone",
      });
    const sameTenant = await elsewhere(other.assessmentId, acme.org.id);
    const otherTenant = await elsewhere(foreign.assessmentId, boreal.org.id);

    for (const [label, ids] of [
      ["another tenant's file", [String(otherTenant)]],
      ["another assessment's file", [String(sameTenant)]],
      ["one own and one foreign", [String(own.id), String(otherTenant)]],
      ["no such file", ["999999"]],
    ] as const) {
      const r = await save(cookie, mine.assessmentId, "p5.sample_contract", ids, 1); // the upload saved revision 1
      expect(r.status, label).toBe(400);
      expect(await r.json(), label).toMatchObject({ messageKey: "ui.validation.files_invalid" });
    }
    const stored = await h()
      .db.selectFrom("answers")
      .select(["value", "revision"])
      .where("assessment_id", "=", mine.assessmentId)
      .where("question_key", "=", "p5.sample_contract")
      .execute();
    expect(stored).toEqual([{ value: JSON.stringify([String(own.id)]), revision: 1 }]);
    const ok = await save(cookie, mine.assessmentId, "p5.sample_contract", [String(own.id)], 1);
    expect(ok.status).toBe(200);
  });

  it("refuses a submission with what is missing, then submits, and is read-only afterwards", async () => {
    const { assessmentId, token } = await invited(acme, "Submit Mill", "sub@mill.test");
    const cookie = await start(token);
    await save(cookie, assessmentId, "profile.workers", "250", 0);
    const early = await submitAs(cookie, assessmentId);
    expect(early.status).toBe(400);
    const { missing } = await early.json();
    expect(missing).toContainEqual({ sectionKey: "profile", questionKey: "profile.migrant_share", reason: "unanswered" });
    expect(missing).not.toContainEqual(expect.objectContaining({ questionKey: "profile.workers" }));

    const revisions: Record<string, number> = { "profile.workers": 1 };
    for (const [key, value] of Object.entries(answersFor(ATHENS_V2, BEST))) {
      // An evidence question's answer is its uploaded files (the fixture's ids are not this assessment's).
      const r =
        key === "p5.sample_contract"
          ? await upload(cookie, assessmentId, key, "evidence.pdf", PDF)
          : await save(cookie, assessmentId, key, value, revisions[key] ?? 0);
      expect(r.status, key).toBe(200);
    }
    let left = (await (await submitAs(cookie, assessmentId)).json()).missing as Array<{ questionKey: string; reason: string }> | undefined;
    for (const m of left ?? []) {
      expect(m.reason, m.questionKey).toBe("evidence");
      expect((await upload(cookie, assessmentId, m.questionKey, "evidence.pdf", PDF)).status).toBe(200);
    }
    const done = await submitAs(cookie, assessmentId);
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ ok: true });
    left = undefined;

    const late = await save(cookie, assessmentId, "profile.workers", "300", 1);
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ readOnly: true, messageKey: "ui.error.read_only" });
    expect((await upload(cookie, assessmentId, "p5.sample_contract", "late.pdf", PDF)).status).toBe(409);
    expect((await submitAs(cookie, assessmentId)).status).toBe(409);
    const view = await (await portalPage(cookie)).json();
    expect(view).toMatchObject({ editable: false, status: "submitted" });
    expect(view.dates.submitted).toBeTruthy();
    // The read-only copy carries the texts of every section.
    expect(view.messages["q.p7.supplier_list.text"] ?? view.messages["s.p7.title"]).toBeTruthy();
  });
});
