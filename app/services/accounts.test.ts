import { expect, it } from "vitest";
import { describeEachEngine, makeOrg, PASSWORD } from "~/test/support";
import { changePassword, confirmSignup, login, requestPasswordReset, requestSignup, resetPassword } from "./accounts.server";
import { startSession, getSessionUser } from "~/lib/session.server";
import { LOGIN_ACCOUNT_SOURCE, LOGIN_IP, retryAfterSeconds } from "~/lib/rate-limit.server";

function linkToken(body: string, path: string): string {
  const m = new RegExp(`${path}/([A-Za-z0-9_-]{43})`).exec(body);
  if (!m?.[1]) throw new Error(`no ${path} link in: ${body}`);
  return m[1];
}

describeEachEngine("account flows", (h) => {
  const latestMail = async (to: string) =>
    h().db.selectFrom("mail_outbox").selectAll().where("to_address", "=", to).orderBy("id", "desc").executeTakeFirstOrThrow();

  it("signs up through a mailed link and makes the user admin of a new organization", async () => {
    const r = await requestSignup(
      h().db,
      { name: "Ana", email: "ana@cedar.test", password: "a long passphrase", orgName: "Cedar Foods" },
      "198.51.100.1",
    );
    expect(r).toEqual({ ok: true });
    expect(await h().db.selectFrom("users").select("id").where("email", "=", "ana@cedar.test").executeTakeFirst()).toBeUndefined();
    const mail = await latestMail("ana@cedar.test");
    expect(mail.kind).toBe("signup-confirm");
    const token = linkToken(mail.body_text, "/signup/confirm");
    const created = await confirmSignup(h().db, token, "198.51.100.1");
    expect(created).toMatchObject({ ok: true, value: { slug: "cedar-foods" } });
    const m = await h()
      .db.selectFrom("memberships")
      .innerJoin("users", "users.id", "memberships.user_id")
      .select(["memberships.role"])
      .where("users.email", "=", "ana@cedar.test")
      .executeTakeFirstOrThrow();
    expect(m.role).toBe("admin");
    // single use
    expect(await confirmSignup(h().db, token, "198.51.100.1")).toMatchObject({ ok: false, kind: "gone" });
    // a second org with the same name gets a different slug
    await requestSignup(
      h().db,
      { name: "Bo", email: "bo@cedar.test", password: "a long passphrase", orgName: "Cedar Foods" },
      "198.51.100.1",
    );
    const again = await confirmSignup(h().db, linkToken((await latestMail("bo@cedar.test")).body_text, "/signup/confirm"), "198.51.100.1");
    expect(again).toMatchObject({ ok: true, value: { slug: "cedar-foods-2" } });
  });

  it("answers a sign-up for an existing address exactly like a new one, and creates nothing", async () => {
    await makeOrg(h(), "exist", [["taken@exist.test", "admin"]]);
    const r = await requestSignup(
      h().db,
      { name: "X", email: "taken@exist.test", password: "a long passphrase", orgName: "Other" },
      "198.51.100.2",
    );
    expect(r).toEqual({ ok: true });
    expect((await latestMail("taken@exist.test")).kind).toBe("signup-existing");
    const pending = await h().db.selectFrom("pending_signups").select("id").where("email", "=", "taken@exist.test").execute();
    expect(pending).toHaveLength(0);
  });

  it("logs in with the right password only, and audits both outcomes", async () => {
    const { users } = await makeOrg(h(), "logi", [["u@logi.test", "compliance"]]);
    expect(await login(h().db, { email: "u@logi.test", password: "wrong password!" }, "192.0.2.10")).toEqual({ invalid: true });
    expect(await login(h().db, { email: "nobody@logi.test", password: "whatever pass" }, "192.0.2.10")).toEqual({ invalid: true });
    expect(await login(h().db, { email: "u@logi.test", password: PASSWORD }, "192.0.2.10")).toEqual({ userId: users["u@logi.test"] });
    const audit = await h()
      .db.selectFrom("audit_log")
      .select(["action", "actor_label"])
      .where("actor_label", "in", ["u@logi.test", "nobody@logi.test"])
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["auth.login_failed", "auth.login_failed", "auth.login"]);
  });

  it("throttles more than 5 failures on one account from one source within 15 minutes, and only that source", async () => {
    const { users } = await makeOrg(h(), "thr", [["victim@thr.test", "compliance"]]);
    for (let i = 0; i < 5; i++) {
      expect(await login(h().db, { email: "victim@thr.test", password: "nope nope nope" }, "192.0.2.100")).toEqual({ invalid: true });
    }
    const r = await login(h().db, { email: "victim@thr.test", password: PASSWORD }, "192.0.2.100");
    expect(r).toHaveProperty("throttled");
    if ("throttled" in r) expect(r.throttled).toBeGreaterThan(14 * 60);
    // the owner, elsewhere, is not locked out by someone else's failures
    expect(await login(h().db, { email: "victim@thr.test", password: PASSWORD }, "192.0.2.200")).toEqual({
      userId: users["victim@thr.test"],
    });
    // the window slides: 15 minutes later the source may try again
    expect(await retryAfterSeconds(h().db, LOGIN_ACCOUNT_SOURCE, "victim@thr.test 192.0.2.100", Date.now() + 15 * 60_000 + 1000)).toBe(0);
  });

  it("throttles more than 10 failures a minute from one IP", async () => {
    for (let i = 0; i < 10; i++) {
      expect(await login(h().db, { email: `probe${i}@ip.test`, password: "nope nope nope" }, "192.0.2.66")).toEqual({ invalid: true });
    }
    const r = await login(h().db, { email: "other@ip.test", password: "nope nope nope" }, "192.0.2.66");
    expect(r).toHaveProperty("throttled");
    if ("throttled" in r) expect(r.throttled).toBeLessThanOrEqual(60);
    // another IP is still served
    expect(await login(h().db, { email: "other@ip.test", password: "nope nope nope" }, "192.0.2.67")).toEqual({ invalid: true });
    expect(await retryAfterSeconds(h().db, LOGIN_IP, "192.0.2.66", Date.now() + 61_000)).toBe(0);
  });

  it("resets a password with a single-use link valid 30 minutes, ending every session", async () => {
    const { users } = await makeOrg(h(), "rst", [["r@rst.test", "admin"]]);
    const uid = users["r@rst.test"]!;
    const s = await startSession(h().db, uid, { ip: null, userAgent: null });
    expect(await requestPasswordReset(h().db, "r@rst.test", "192.0.2.30")).toEqual({ ok: true });
    expect(await requestPasswordReset(h().db, "ghost@rst.test", "192.0.2.30")).toEqual({ ok: true });
    expect(await h().db.selectFrom("mail_outbox").select("id").where("to_address", "=", "ghost@rst.test").execute()).toHaveLength(0);
    const mail = await latestMail("r@rst.test");
    const token = linkToken(mail.body_text, "/reset-password");
    const row = await h()
      .db.selectFrom("password_resets")
      .select(["created_at", "expires_at"])
      .where("user_id", "=", uid)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(Date.parse(row.expires_at) - Date.parse(row.created_at)).toBeGreaterThan(29 * 60_000);
    expect(Date.parse(row.expires_at) - Date.parse(row.created_at)).toBeLessThanOrEqual(30 * 60_000 + 1000);

    expect(await resetPassword(h().db, token, "brand new passphrase", "192.0.2.30")).toEqual({ ok: true, value: { userId: uid } });
    expect(await resetPassword(h().db, token, "another passphrase!", "192.0.2.30")).toMatchObject({ ok: false, kind: "gone" });
    const req = new Request("http://x/", { headers: { Cookie: s.cookie.split(";")[0]! } });
    expect(await getSessionUser(h().db, req)).toBeNull();
    expect(await login(h().db, { email: "r@rst.test", password: "brand new passphrase" }, "192.0.2.31")).toEqual({ userId: uid });
  });

  it("refuses an expired reset link", async () => {
    const { users } = await makeOrg(h(), "exp", [["e@exp.test", "admin"]]);
    await requestPasswordReset(h().db, "e@exp.test", "192.0.2.40");
    const token = linkToken((await latestMail("e@exp.test")).body_text, "/reset-password");
    await h()
      .db.updateTable("password_resets")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where("user_id", "=", users["e@exp.test"]!)
      .execute();
    expect(await resetPassword(h().db, token, "brand new passphrase", "192.0.2.40")).toMatchObject({ ok: false, kind: "gone" });
  });

  it("changes a password only with the current one, and ends every session", async () => {
    const { users } = await makeOrg(h(), "chg", [["c@chg.test", "admin"]]);
    const uid = users["c@chg.test"]!;
    const a = await startSession(h().db, uid, { ip: null, userAgent: null });
    expect(
      await changePassword(h().db, uid, { currentPassword: "not it at all", password: "new passphrase 1" }, "192.0.2.50"),
    ).toMatchObject({
      ok: false,
      kind: "invalid",
      field: "currentPassword",
    });
    expect(await changePassword(h().db, uid, { currentPassword: PASSWORD, password: "new passphrase 1" }, "192.0.2.50")).toEqual({
      ok: true,
    });
    expect(await getSessionUser(h().db, new Request("http://x/", { headers: { Cookie: a.cookie.split(";")[0]! } }))).toBeNull();
  });
});
