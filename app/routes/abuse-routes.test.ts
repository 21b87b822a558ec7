// Abuse limits through the real routes, on both engines: login, sign-up, password reset, password
// change, supplier invite links (open, start, resend), team invitations and uploads. For each, the
// request past the limit gets 429 with Retry-After and a readable message, and meanwhile another IP
// (or another account, session or user) is still served normally.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { PASSWORD, contextFor, cookieFor, describeEachEngine, get, makeOrg, post, responseOf } from "~/test/support";
import type { OrgIdentity } from "~/lib/auth.server";
import { resetEnvCache } from "~/lib/env.server";
import {
  INVITE_IP,
  INVITE_RESEND,
  LOGIN_ACCOUNT,
  LOGIN_ACCOUNT_SOURCE,
  LOGIN_IP,
  LOGIN_IP_HOUR,
  MAIL_ADDRESS,
  MAIL_IP,
  TEAM_INVITE_IP,
  UPLOAD_IP,
  UPLOAD_UPLOADER,
  countUploads,
  hit,
  retryAfterHeaders,
  uploadWait,
} from "~/lib/rate-limit.server";
import { insertSupplier } from "~/models/supplier.server";
import { SupplierSchema } from "~/schemas/supplier";
import { startAssessments } from "~/services/assessments.server";
import { sendAssessmentInvite } from "~/services/invites.server";
import { inviteMember } from "~/services/members.server";
import * as login from "./login";
import * as signup from "./signup";
import * as forgot from "./forgot-password";
import * as account from "./account";
import * as link from "./s.$token";
import * as join from "./join.$token";
import * as portalFiles from "./s.portal.files";
import * as portalActions from "./s.portal.actions";
import * as officerFiles from "./o.$org.assessments.$id.files";
import * as actionPage from "./o.$org.actions.$id";

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

let evidenceDir = "";
beforeAll(async () => {
  evidenceDir = await mkdtemp(path.join(tmpdir(), "lantern-abuse-"));
  process.env.EVIDENCE_DIR = evidenceDir;
  resetEnvCache();
});
afterAll(async () => {
  await rm(evidenceDir, { recursive: true, force: true });
});

/** The 429 every limit answers with: a positive Retry-After no longer than the window, and words. */
async function expectThrottled(r: Response, windowMs: number, text: RegExp) {
  expect(r.status).toBe(429);
  const wait = Number(r.headers.get("Retry-After"));
  expect(wait).toBeGreaterThan(0);
  expect(wait).toBeLessThanOrEqual(windowMs / 1000);
  expect(JSON.stringify(await r.json())).toMatch(text);
}

describeEachEngine("abuse limits", (h) => {
  let acme: { orgId: number; users: Record<string, number> };
  let officer: OrgIdentity;
  let ipSeq = 0;
  /** A fresh client IP: each test starts under every per-IP limit. */
  const freshIp = () => `198.19.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`;
  const as = (ip: string) => contextFor(h(), ip);

  async function invited(email: string) {
    const supplierId = await insertSupplier(h().db, acme.orgId, SupplierSchema.parse({ name: `Mill ${email}`, country: "BD" }));
    const { created } = await startAssessments(h().db, officer, [supplierId], { dueAt: "2027-01-31", language: "en" }, "ip");
    const assessmentId = created[0]!;
    expect(await sendAssessmentInvite(h().db, officer, assessmentId, { email, language: "en" }, "ip")).toHaveProperty("value.inviteId");
    const m = await h()
      .db.selectFrom("mail_outbox")
      .select("body_text")
      .where("to_address", "=", email)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    return { assessmentId, supplierId, token: /\/s\/([A-Za-z0-9_-]{43})/.exec(m.body_text)![1]! };
  }
  const openLink = (token: string, ip: string) =>
    responseOf(() => link.loader({ request: get(`/s/${token}`), params: { token }, context: as(ip) }));
  const postLink = (token: string, intent: string, ip: string) =>
    responseOf(() => link.action({ request: post(`/s/${token}`, { intent }), params: { token }, context: as(ip) }));
  async function portalSession(email: string) {
    const inv = await invited(email);
    const r = await postLink(inv.token, "start", freshIp());
    expect(r.status).toBe(302);
    return { ...inv, cookie: r.headers.get("Set-Cookie")!.split(";")[0]! };
  }
  const portalUpload = (cookie: string, assessmentId: number, ip: string) => {
    const fd = new FormData();
    fd.set("assessmentId", String(assessmentId));
    fd.set("questionKey", "p5.sample_contract");
    fd.set("file", new File([PDF], "contract.pdf"));
    return responseOf(() =>
      portalFiles.action({
        request: new Request("http://localhost/s/portal/files", { method: "POST", body: fd, headers: { Cookie: cookie } }),
        params: {},
        context: as(ip),
      }),
    );
  };

  beforeAll(async () => {
    acme = await makeOrg(h(), "acme", [
      ["admin@acme.test", "admin"],
      ["officer@acme.test", "compliance"],
      ["other@acme.test", "compliance"],
    ]);
    officer = {
      user: { sessionId: "s", userId: acme.users["admin@acme.test"]!, email: "admin@acme.test", name: "Admin" },
      org: { id: acme.orgId, slug: "acme", name: "ACME" },
      role: "admin",
    };
  });

  it(
    "login: the 11th failure from one IP gets 429; another IP still logs in; " +
      "an account's 6th failure from one IP is refused from that IP only",
    async () => {
      const ip = freshIp();
      const attempt = (email: string, password: string, from: string) =>
        responseOf(() => login.action({ request: post("/login", { email, password }), params: {}, context: as(from) }));
      for (let i = 0; i < LOGIN_IP.limit; i++) expect((await attempt(`nobody${i}@x.test`, "wrong password", ip)).status).toBe(401);
      await expectThrottled(
        await attempt("nobody@x.test", "wrong password", ip),
        LOGIN_IP.windowMs,
        /Too many failed log-ins\. You can try again in \d+ seconds/,
      );
      // Even the right password waits: the limit is checked first.
      expect((await attempt("officer@acme.test", PASSWORD, ip)).status).toBe(429);
      expect((await attempt("officer@acme.test", PASSWORD, freshIp())).status).toBe(302);

      // One account guessed from one IP, slowly enough to stay under the per-IP rate.
      const guesser = freshIp();
      for (let i = 0; i < LOGIN_ACCOUNT_SOURCE.limit; i++)
        expect((await attempt("other@acme.test", "wrong password", guesser)).status).toBe(401);
      await expectThrottled(await attempt("other@acme.test", PASSWORD, guesser), LOGIN_ACCOUNT_SOURCE.windowMs, /Too many/);
      expect((await attempt("admin@acme.test", PASSWORD, freshIp())).status).toBe(302); // another account is served
      const headers = login.headers({
        actionHeaders: new Headers({ "Retry-After": "42" }),
        loaderHeaders: new Headers(),
        parentHeaders: new Headers(),
        errorHeaders: undefined,
      });
      expect(headers).toEqual({ "Retry-After": "42" }); // a document response carries it too
    },
  );

  it("login: a stranger who knows an address cannot lock its owner out", async () => {
    const { users } = await makeOrg(h(), "lock", [["owner@lock.test", "compliance"]]);
    const attempt = (password: string, from: string) =>
      responseOf(() => login.action({ request: post("/login", { email: "owner@lock.test", password }), params: {}, context: as(from) }));
    // The stranger fails from IP A until refused, then from a few more addresses of their own.
    const strangerA = freshIp();
    for (let i = 0; i < LOGIN_ACCOUNT_SOURCE.limit; i++) expect((await attempt("a wrong guess", strangerA)).status).toBe(401);
    expect((await attempt("a wrong guess", strangerA)).status).toBe(429);
    for (let n = 0; n < 4; n++) {
      const other = freshIp();
      for (let i = 0; i < LOGIN_ACCOUNT_SOURCE.limit; i++) expect((await attempt("a wrong guess", other)).status).toBe(401);
    }
    // The owner, from IP B (never seen before), still logs in with the right password.
    const owner = await attempt(PASSWORD, freshIp());
    expect(owner.status).toBe(302);
    expect(owner.headers.get("Location")).toBe("/o/lock");
    expect(users["owner@lock.test"]).toBeGreaterThan(0);
    // An IPv6 stranger does not get a fresh budget per address inside one /64 network.
    for (let i = 0; i < LOGIN_ACCOUNT_SOURCE.limit; i++)
      expect((await attempt("a wrong guess", `2001:db8:1:2::${i + 1}`)).status).toBe(401);
    expect((await attempt("a wrong guess", "2001:db8:1:2::ffff")).status).toBe(429);
    expect((await attempt(PASSWORD, "2001:db8:1:3::1")).status).toBe(302);
  });

  it("login: many failures from one IP are throttled over the hour too, not only per minute", async () => {
    const ip = freshIp();
    const start = Date.now();
    const attempt = (email: string) =>
      responseOf(() => login.action({ request: post("/login", { email, password: "wrong password" }), params: {}, context: as(ip) }));
    // Spread over the hour (as a patient attacker would), so the per-minute limit never trips.
    for (let i = 0; i < LOGIN_IP_HOUR.limit; i++) await hit(h().db, LOGIN_IP_HOUR, ip, start - i * 30_000);
    await expectThrottled(await attempt("someone@x.test"), LOGIN_IP_HOUR.windowMs, /Too many failed log-ins/);
  });

  it("sign-up: per IP and per address, with 429 and Retry-After; other visitors still sign up", async () => {
    const ip = freshIp();
    const ask = (email: string, from: string) =>
      responseOf(() =>
        signup.action({
          request: post("/signup", { name: "Ana", email, password: "a long passphrase", orgName: "Ana Co" }),
          params: {},
          context: as(from),
        }),
      );
    for (let i = 0; i < MAIL_IP.limit; i++) expect((await ask(`ana${i}@signup.test`, ip)).status).toBe(200);
    await expectThrottled(await ask("ana-more@signup.test", ip), MAIL_IP.windowMs, /Too many attempts/);
    expect((await ask("ben@signup.test", freshIp())).status).toBe(200);

    for (let i = 0; i < MAIL_ADDRESS.limit; i++) expect((await ask("target@signup.test", freshIp())).status).toBe(200);
    await expectThrottled(await ask("target@signup.test", freshIp()), MAIL_ADDRESS.windowMs, /try again in \d+ seconds/);
    expect((await ask("cleo@signup.test", freshIp())).status).toBe(200);
    // Only the mails under the limit were queued for the flooded address.
    expect((await h().db.selectFrom("mail_outbox").select("id").where("to_address", "=", "target@signup.test").execute()).length).toBe(
      MAIL_ADDRESS.limit,
    );
  });

  it("password reset: per IP and per address, with 429 and Retry-After; others still get their link", async () => {
    const ip = freshIp();
    const ask = (email: string, from: string) =>
      responseOf(() => forgot.action({ request: post("/forgot-password", { email }), params: {}, context: as(from) }));
    for (let i = 0; i < MAIL_IP.limit; i++) expect((await ask(`who${i}@reset.test`, ip)).status).toBe(200);
    await expectThrottled(await ask("who@reset.test", ip), MAIL_IP.windowMs, /Too many attempts/);
    expect((await ask("officer@acme.test", freshIp())).status).toBe(200);
    for (let i = 1; i < MAIL_ADDRESS.limit; i++) expect((await ask("officer@acme.test", freshIp())).status).toBe(200);
    await expectThrottled(await ask("officer@acme.test", freshIp()), MAIL_ADDRESS.windowMs, /Too many attempts/);
    expect((await ask("admin@acme.test", freshIp())).status).toBe(200);
    const mails = await h()
      .db.selectFrom("mail_outbox")
      .select("id")
      .where("to_address", "=", "officer@acme.test")
      .where("kind", "=", "password-reset")
      .execute();
    expect(mails.length).toBe(MAIL_ADDRESS.limit);
  });

  it("password change: wrong current passwords count against the account, then 429", async () => {
    const { users } = await makeOrg(h(), "pwd", [["p@pwd.test", "compliance"]]);
    const cookie = await cookieFor(h(), users["p@pwd.test"]!);
    const change = (current: string) =>
      responseOf(() =>
        account.action({
          request: post(
            "/account",
            { currentPassword: current, password: "a brand new passphrase", confirm: "a brand new passphrase" },
            cookie,
          ),
          params: {},
          context: as(freshIp()),
        }),
      );
    for (let i = 0; i < LOGIN_ACCOUNT.limit; i++) expect((await change("not my password")).status).toBe(400);
    await expectThrottled(await change(PASSWORD), LOGIN_ACCOUNT.windowMs, /Too many attempts/);
  });

  it("supplier invite links: opening, starting and asking for a new link are limited per IP; other IPs still open theirs", async () => {
    const { token } = await invited("busy@links.test");
    const ip = freshIp();
    for (let i = 0; i < INVITE_IP.limit; i++) expect((await openLink(token, ip)).status).toBe(200);
    const limited = await openLink(token, ip);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await limited.json()).messages["ui.link.too_many_attempts"]).toMatch(/Too many attempts/);
    expect((await postLink(token, "start", ip)).status).toBe(429);
    expect((await openLink(token, freshIp())).status).toBe(200);
    expect((await postLink(token, "start", freshIp())).status).toBe(302);

    // "Send me a new link" on an expired link: a tighter limit of its own (the link stays dead: 410).
    const { assessmentId, token: old } = await invited("late@links.test");
    await h()
      .db.updateTable("assessment_invites")
      .set({ expires_at: "2020-01-01T00:00:00.000Z" })
      .where("assessment_id", "=", assessmentId)
      .execute();
    const asker = freshIp();
    for (let i = 0; i < INVITE_RESEND.limit; i++) expect((await postLink(old, "resend", asker)).status).toBe(410);
    const r = await postLink(old, "resend", asker);
    expect(r.status).toBe(429);
    expect(Number(r.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(Number(r.headers.get("Retry-After"))).toBeLessThanOrEqual(INVITE_RESEND.windowMs / 1000);
    expect((await openLink(old, freshIp())).status).toBe(410); // others still see the page
  });

  it("team invitations: opening /join links is limited per IP with 429 and Retry-After; other IPs are served", async () => {
    expect(await inviteMember(h().db, officer, "new@acme.test", "compliance", "ip")).toHaveProperty("value.inviteId");
    const m = await h()
      .db.selectFrom("mail_outbox")
      .select("body_text")
      .where("to_address", "=", "new@acme.test")
      .executeTakeFirstOrThrow();
    const token = /\/join\/([A-Za-z0-9_-]{43})/.exec(m.body_text)![1]!;
    const open = (ip: string, t = token) =>
      responseOf(() => join.loader({ request: get(`/join/${t}`), params: { token: t }, context: as(ip) }));
    const ip = freshIp();
    for (let i = 0; i < TEAM_INVITE_IP.limit; i++) expect((await open(ip, i % 2 ? token : "A".repeat(43))).status).toBe(i % 2 ? 200 : 404);
    await expectThrottled(await open(ip), TEAM_INVITE_IP.windowMs, /Too many attempts/);
    const accept = await responseOf(() =>
      join.action({
        request: post(`/join/${token}`, { name: "New", password: "a long passphrase", confirm: "a long passphrase" }),
        params: { token },
        context: as(ip),
      }),
    );
    await expectThrottled(accept, TEAM_INVITE_IP.windowMs, /Too many attempts/);
    expect((await open(freshIp())).status).toBe(200);
    const headers = new Headers(
      join.headers({
        actionHeaders: new Headers(),
        loaderHeaders: new Headers(),
        parentHeaders: new Headers(),
        errorHeaders: new Headers({ "Retry-After": "9" }),
      }) as HeadersInit,
    );
    expect(headers.get("Retry-After")).toBe("9");
    expect(headers.get("Referrer-Policy")).toBe("no-referrer");
  });

  it(
    "portal uploads: the 61st file in 10 minutes from one IP or one session gets 429; " + "another session on another IP still uploads",
    async () => {
      const first = await portalSession("up1@mill.test");
      const second = await portalSession("up2@mill.test");
      const ipA = freshIp();
      const statuses = new Set<number>();
      for (let i = 0; i < UPLOAD_IP.limit; i++) statuses.add((await portalUpload(first.cookie, first.assessmentId, ipA)).status);
      expect([...statuses].sort()).toEqual([200, 409]); // accepted, then the per-question cap: every attempt counts
      const limited = await portalUpload(first.cookie, first.assessmentId, ipA);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
      expect(await limited.json()).toMatchObject({ messageKey: "ui.link.too_many_attempts" });
      // The same session from another IP: its own limit. Another session from the same IP: the IP's.
      expect((await portalUpload(first.cookie, first.assessmentId, freshIp())).status).toBe(429);
      expect((await portalUpload(second.cookie, second.assessmentId, ipA)).status).toBe(429);
      // Meanwhile another supplier on another IP is served.
      expect((await portalUpload(second.cookie, second.assessmentId, freshIp())).status).toBe(200);
      // The window slides: ten minutes later the session may upload again.
      expect(await uploadWait(h().db, { ip: ipA, who: `assessment:${first.assessmentId}` }, Date.now() + UPLOAD_IP.windowMs + 1000)).toBe(
        0,
      );

      // A reply with files to a corrective action is an upload too; the card is told why.
      const at = "2026-01-01T00:00:00.000Z";
      const actionId = (
        await h()
          .db.insertInto("corrective_actions")
          .values({
            org_id: acme.orgId,
            supplier_id: first.supplierId,
            source: "manual",
            title: "Fix",
            due_at: "2027-01-31",
            status: "open",
            created_at: at,
            updated_at: at,
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
      const fd = new FormData();
      fd.set("actionId", String(actionId));
      fd.set("version", "1");
      fd.append("files", new File([PDF], "receipt.pdf"));
      const reply = await responseOf(() =>
        portalActions.action({
          request: new Request(`http://localhost/s/portal/actions?actionId=${actionId}`, {
            method: "POST",
            body: fd,
            headers: { Cookie: first.cookie },
          }),
          params: {},
          context: as(freshIp()),
        }),
      );
      expect(reply.status).toBe(429);
      expect(Number(reply.headers.get("Retry-After"))).toBeGreaterThan(0);
      expect(await reply.json()).toMatchObject({ actionId, messageKey: "ui.link.too_many_attempts" });
      const portalHeaders = new Headers(
        portalActions.headers({
          actionHeaders: reply.headers,
          loaderHeaders: new Headers(),
          parentHeaders: new Headers(),
          errorHeaders: undefined,
        }) as HeadersInit,
      );
      expect(Number(portalHeaders.get("Retry-After"))).toBeGreaterThan(0);
    },
  );

  it(
    "officer uploads: past the limit an officer's files get 429 with Retry-After, other changes still work, " +
      "and another officer still uploads",
    async () => {
      const { assessmentId, supplierId } = await invited("off@mill.test");
      const officerId = acme.users["officer@acme.test"]!;
      const cookie = await cookieFor(h(), officerId);
      const otherCookie = await cookieFor(h(), acme.users["other@acme.test"]!);
      const at = "2026-01-01T00:00:00.000Z";
      const actionId = (
        await h()
          .db.insertInto("corrective_actions")
          .values({
            org_id: acme.orgId,
            supplier_id: supplierId,
            source: "manual",
            title: "Fix",
            due_at: "2027-01-31",
            status: "open",
            created_at: at,
            updated_at: at,
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
      // The officer has uploaded the limit's worth of files from many places.
      await countUploads(h().db, { ip: freshIp(), who: `user:${officerId}` }, UPLOAD_UPLOADER.limit);
      const upload = (c: string, ip: string) => {
        const fd = new FormData();
        fd.set("questionKey", "p5.sample_contract");
        fd.set("file", new File([PDF], "contract.pdf"));
        return responseOf(() =>
          officerFiles.action({
            request: new Request(`http://localhost/o/acme/assessments/${assessmentId}/files`, {
              method: "POST",
              body: fd,
              headers: { Cookie: c },
            }),
            params: { org: "acme", id: String(assessmentId) },
            context: as(ip),
          }),
        );
      };
      const note = (c: string, ip: string) => {
        const fd = new FormData();
        fd.set("intent", "note");
        fd.set("version", "1");
        fd.set("body", "see file");
        fd.append("files", new File([PDF], "audit.pdf"));
        return responseOf(() =>
          actionPage.action({
            request: new Request(`http://localhost/o/acme/actions/${actionId}`, { method: "POST", body: fd, headers: { Cookie: c } }),
            params: { org: "acme", id: String(actionId) },
            context: as(ip),
          }),
        );
      };
      await expectThrottled(
        await upload(cookie, freshIp()),
        UPLOAD_UPLOADER.windowMs,
        /Too many uploads in a short time\. You can upload again in \d+ seconds/,
      );
      const n = await note(cookie, freshIp());
      expect(n.status).toBe(429);
      expect(Number(n.headers.get("Retry-After"))).toBeGreaterThan(0);
      expect((await n.json()).formError).toMatch(/Too many uploads/);
      expect(
        officerFiles.headers({
          actionHeaders: n.headers,
          loaderHeaders: new Headers(),
          parentHeaders: new Headers(),
          errorHeaders: undefined,
        }),
      ).toEqual(retryAfterHeaders({ actionHeaders: n.headers }));
      // A status change is not an upload: still served.
      const moved = await responseOf(() =>
        actionPage.action({
          request: post(`/o/acme/actions/${actionId}`, { intent: "status", version: "1", status: "in_progress" }, cookie),
          params: { org: "acme", id: String(actionId) },
          context: as(freshIp()),
        }),
      );
      expect(moved.status).toBe(302);
      // Another officer is served.
      expect((await upload(otherCookie, freshIp())).status).toBe(200);
      const fd = new FormData();
      fd.set("intent", "note");
      fd.set("version", "2");
      fd.append("files", new File([PDF], "audit.pdf"));
      const other = await responseOf(() =>
        actionPage.action({
          request: new Request(`http://localhost/o/acme/actions/${actionId}`, {
            method: "POST",
            body: fd,
            headers: { Cookie: otherCookie },
          }),
          params: { org: "acme", id: String(actionId) },
          context: as(freshIp()),
        }),
      );
      expect(other.status).toBe(302);
    },
  );
});
