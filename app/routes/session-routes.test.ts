// Sessions through the routes that start and end them: login, logout, the account page's password
// change and the password reset link (app/lib/session.test.ts tests the session code itself).
import { expect, it } from "vitest";
import { describeEachEngine, get, makeOrg, post, responseOf, contextFor, PASSWORD } from "~/test/support";
import { getSessionUser, startSession } from "~/lib/session.server";
import * as loginRoute from "~/routes/login";
import * as logoutRoute from "~/routes/logout";
import * as accountRoute from "~/routes/account";
import * as resetRoute from "~/routes/reset-password.$token";
import { requestPasswordReset } from "~/services/accounts.server";

function cookieHeader(setCookie: string) {
  return setCookie.split(";")[0]!;
}
const req = (cookie: string) => new Request("http://x/", { headers: { Cookie: cookie } });

describeEachEngine("sessions through the routes", (h) => {
  it("issues a new session id at login and ends the one the browser had (no fixation)", async () => {
    const { users } = await makeOrg(h(), "fix", [["f@fix.test", "compliance"]]);
    const planted = await startSession(h().db, users["f@fix.test"]!, { ip: null, userAgent: null });
    const r = await responseOf(() =>
      loginRoute.action({
        request: post("/login", { email: "f@fix.test", password: PASSWORD }, cookieHeader(planted.cookie)),
        params: {},
        context: contextFor(h(), "192.0.2.90"),
      }),
    );
    expect(r.status).toBe(302);
    expect(r.headers.get("Location")).toBe("/o/fix");
    const fresh = r.headers.get("Set-Cookie")!;
    expect(cookieHeader(fresh)).not.toBe(cookieHeader(planted.cookie));
    expect(fresh).toMatch(/HttpOnly/);
    expect(fresh).toMatch(/SameSite=Lax/);
    expect(await getSessionUser(h().db, req(cookieHeader(planted.cookie)))).toBeNull();
    expect(await getSessionUser(h().db, req(cookieHeader(fresh)))).not.toBeNull();

    // logout deletes the row on the server: the cookie is useless even if kept
    const out = await responseOf(() =>
      logoutRoute.action({ request: post("/logout", {}, cookieHeader(fresh)), params: {}, context: contextFor(h()) }),
    );
    expect(out.status).toBe(302);
    expect(await getSessionUser(h().db, req(cookieHeader(fresh)))).toBeNull();
  });

  it("gives the same answer for an unknown address and a wrong password, and never redirects off-site", async () => {
    await makeOrg(h(), "msg", [["m@msg.test", "compliance"]]);
    const ctx = contextFor(h(), "192.0.2.91");
    const a = await responseOf(() =>
      loginRoute.action({ request: post("/login", { email: "m@msg.test", password: "wrong password" }), params: {}, context: ctx }),
    );
    const b = await responseOf(() =>
      loginRoute.action({ request: post("/login", { email: "ghost@msg.test", password: "wrong password" }), params: {}, context: ctx }),
    );
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(await a.json()).toEqual(await b.json());
    const evil = await responseOf(() =>
      loginRoute.action({
        request: post("/login", { email: "m@msg.test", password: PASSWORD, redirectTo: "//evil.example/x" }),
        params: {},
        context: ctx,
      }),
    );
    expect(evil.headers.get("Location")).toBe("/o/msg");
  });

  it("sends the browser only to a path on this site after log-in, and never fails on a hostile redirectTo", async () => {
    await makeOrg(h(), "rdr", [["r@rdr.test", "compliance"]]);
    const hostile = [
      "/\t/evil.example",
      "/.//evil.example",
      "/\\evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      "/o/rdr\r\nSet-Cookie: x=1",
      "/\r\n/evil.example",
    ];
    for (const [i, redirectTo] of hostile.entries()) {
      const r = await responseOf(() =>
        loginRoute.action({
          request: post("/login", { email: "r@rdr.test", password: PASSWORD, redirectTo }),
          params: {},
          context: contextFor(h(), `192.0.2.${150 + i}`),
        }),
      );
      expect(r.status, JSON.stringify(redirectTo)).toBe(302);
      expect(r.headers.get("Location"), JSON.stringify(redirectTo)).toBe("/o/rdr");
    }
    const ok = await responseOf(() =>
      loginRoute.action({
        request: post("/login", { email: "r@rdr.test", password: PASSWORD, redirectTo: "/o/rdr/suppliers?tier=2" }),
        params: {},
        context: contextFor(h(), "192.0.2.160"),
      }),
    );
    expect(ok.headers.get("Location")).toBe("/o/rdr/suppliers?tier=2");
  });

  it("answers 429 with Retry-After when login is throttled", async () => {
    const ctx = contextFor(h(), "192.0.2.99");
    for (let i = 0; i < 10; i++) {
      await loginRoute.action({ request: post("/login", { email: `n${i}@t.test`, password: "wrong password" }), params: {}, context: ctx });
    }
    const r = await responseOf(() =>
      loginRoute.action({ request: post("/login", { email: "n@t.test", password: "wrong password" }), params: {}, context: ctx }),
    );
    expect(r.status).toBe(429);
    expect(Number(r.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await r.json()).formError).toMatch(/Too many/);
  });

  /** What a protected page answers to this cookie: 200, or a redirect to the login page. */
  const accountPage = (cookie: string) =>
    responseOf(
      async () => (await accountRoute.loader({ request: get("/account", cookie), params: {}, context: contextFor(h()) })) as Response,
    );
  const sessionsOf = async (userId: number) =>
    (await h().db.selectFrom("sessions").select("id").where("user_id", "=", userId).execute()).map((r) => r.id);

  it("logout ends this session on the server (the old cookie no longer works) and leaves the user's other devices signed in", async () => {
    const { users } = await makeOrg(h(), "out", [["o@out.test", "compliance"]]);
    const uid = users["o@out.test"]!;
    const laptop = cookieHeader((await startSession(h().db, uid, { ip: null, userAgent: "laptop" })).cookie);
    const phone = cookieHeader((await startSession(h().db, uid, { ip: null, userAgent: "phone" })).cookie);
    expect((await accountPage(laptop)).status).toBe(200);
    const out = await responseOf(() => logoutRoute.action({ request: post("/logout", {}, laptop), params: {}, context: contextFor(h()) }));
    expect(out.status).toBe(302);
    expect(out.headers.get("Location")).toBe("/login");
    expect(out.headers.get("Set-Cookie")).toMatch(/^lantern_session=; .*Max-Age=0/);
    // The browser may keep the cookie (or an attacker may have copied it): the server forgot it.
    const replay = await accountPage(laptop);
    expect(replay.status).toBe(302);
    expect(replay.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
    expect((await accountPage(phone)).status).toBe(200);
    expect(await sessionsOf(uid)).toHaveLength(1);
  });

  it("a password change ends every other session of the user and renews the current one", async () => {
    const { users } = await makeOrg(h(), "chg", [["c@chg.test", "compliance"]]);
    const uid = users["c@chg.test"]!;
    const here = cookieHeader((await startSession(h().db, uid, { ip: null, userAgent: "here" })).cookie);
    const stolen = cookieHeader((await startSession(h().db, uid, { ip: null, userAgent: "elsewhere" })).cookie);
    const change = (current: string, cookie = here) =>
      responseOf(() =>
        accountRoute.action({
          request: post(
            "/account",
            { currentPassword: current, password: "a brand new passphrase", confirm: "a brand new passphrase" },
            cookie,
          ),
          params: {},
          context: contextFor(h(), "192.0.2.120"),
        }),
      );
    // A wrong current password changes nothing and ends nothing.
    expect((await change("not my password")).status).toBe(400);
    expect(await sessionsOf(uid)).toHaveLength(2);

    const r = await change(PASSWORD);
    expect(r.status).toBe(302);
    expect(r.headers.get("Location")).toBe("/account");
    expect(r.headers.get("Set-Cookie")).toMatch(/lantern_toast=/);
    const renewed = cookieHeader(r.headers.get("Set-Cookie")!);
    expect(renewed).not.toBe(here);
    expect(renewed).not.toBe(stolen);
    expect((await accountPage(renewed)).status).toBe(200);
    expect((await accountPage(stolen)).status).toBe(302); // the other device is signed out
    expect((await accountPage(here)).status).toBe(302); // the old id of this browser is not reused
    expect(await sessionsOf(uid)).toHaveLength(1);
    // The old password no longer logs in; the new one does.
    const login = (password: string) =>
      responseOf(() =>
        loginRoute.action({
          request: post("/login", { email: "c@chg.test", password }),
          params: {},
          context: contextFor(h(), "192.0.2.121"),
        }),
      );
    expect((await login(PASSWORD)).status).toBe(401);
    expect((await login("a brand new passphrase")).status).toBe(302);
  });

  it("a password reset by mail ends every session of the user, and its link works once", async () => {
    const { users } = await makeOrg(h(), "rst", [["r@rst.test", "compliance"]]);
    const uid = users["r@rst.test"]!;
    const a = cookieHeader((await startSession(h().db, uid, { ip: null, userAgent: null })).cookie);
    const b = cookieHeader((await startSession(h().db, uid, { ip: null, userAgent: null })).cookie);
    expect(await requestPasswordReset(h().db, "r@rst.test", "192.0.2.122")).toEqual({ ok: true });
    const mail = await h()
      .db.selectFrom("mail_outbox")
      .select("body_text")
      .where("to_address", "=", "r@rst.test")
      .executeTakeFirstOrThrow();
    const token = /\/reset-password\/([A-Za-z0-9_-]{43})/.exec(mail.body_text)![1]!;
    const reset = () =>
      responseOf(() =>
        resetRoute.action({
          request: post(`/reset-password/${token}`, { password: "another long passphrase", confirm: "another long passphrase" }, a),
          params: { token },
          context: contextFor(h()),
        }),
      );
    const r = await reset();
    expect(r.status).toBe(302);
    expect(r.headers.get("Location")).toBe("/login");
    expect(r.headers.get("Set-Cookie")).toMatch(/lantern_toast=/);
    expect(r.headers.get("Set-Cookie")).toMatch(/Max-Age=0/);
    for (const c of [a, b]) expect((await accountPage(c)).status).toBe(302);
    expect(await sessionsOf(uid)).toEqual([]);
    expect((await reset()).status).toBe(410);
  });
});
