// Single sign-on end to end through the routes, against a real OpenID Connect provider (oidc-provider)
// on loopback: configuration, domain proof, sign-in, every refusal the issue names, "require single
// sign-on" and removal from the organisation.
import { afterAll, beforeAll, expect, it } from "vitest";
import { contextFor, cookieFor, describeEachEngine, get, makeOrg, post, responseOf, PASSWORD, PASSWORD_HASH } from "~/test/support";
import { signInAtProvider, startTestProvider, TEST_CLIENT_ID, TEST_CLIENT_SECRET, type TestProvider } from "~/test/oidc-provider";
import { resetEnvCache } from "~/lib/env.server";
import { setTxtResolver } from "~/lib/dns.server";
import { redirectUri } from "~/lib/oidc.server";
import { getSessionUser } from "~/lib/session.server";
import { insertUser } from "~/models/user.server";
import type { Db } from "~db/client";
import * as settings from "~/routes/o.$org.settings.sso";
import * as start from "~/routes/sso._index";
import * as callback from "~/routes/sso.callback";
import * as loginRoute from "~/routes/login";
import * as members from "~/routes/o.$org.members";
import * as dashboard from "~/routes/o.$org._index";

let idp: TestProvider;
const txt = new Map<string, string>();

beforeAll(async () => {
  process.env.SSO_ALLOW_HTTP_LOOPBACK = "1";
  process.env.SECRET_KEY = "test-secret-key-for-sealing-0123456789";
  resetEnvCache();
  idp = await startTestProvider([redirectUri()]);
  setTxtResolver(async (name) => (txt.has(name) ? [[txt.get(name)!]] : []));
});
afterAll(async () => {
  await idp.close();
  setTxtResolver();
  delete process.env.SSO_ALLOW_HTTP_LOOPBACK;
  delete process.env.SECRET_KEY;
  resetEnvCache();
});

let run = 0;
const firstCookie = (r: Response, name: string) =>
  r.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${name}=`))
    ?.split(";")[0];

/** An organisation whose admin configured the test provider and proved a domain by DNS, through the settings page. */
async function ssoOrg(h: Db) {
  const n = ++run;
  const slug = `sso${n}-${h.engine}`;
  const domain = `${slug}.test`;
  const { orgId, users } = await makeOrg(h, slug, [
    [`admin@${domain}`, "admin"],
    [`member@${domain}`, "compliance"],
  ]);
  const admin = await cookieFor(h, users[`admin@${domain}`]!);
  const act = (form: Record<string, string>) =>
    responseOf(() =>
      settings.action({ request: post(`/o/${slug}/settings/sso`, form, admin), params: { org: slug }, context: contextFor(h) }),
    );
  const saved = await act({
    intent: "save-config",
    issuer: idp.issuer,
    clientId: TEST_CLIENT_ID,
    clientSecret: TEST_CLIENT_SECRET,
    defaultRole: "compliance",
  });
  expect(saved.status).toBe(302);
  expect((await act({ intent: "add-domain", domain })).status).toBe(302);
  const page = await (
    await responseOf(() =>
      settings.loader({ request: get(`/o/${slug}/settings/sso`, admin), params: { org: slug }, context: contextFor(h) }),
    )
  ).json();
  const d = page.domains[0];
  txt.set(d.recordName, d.recordValue);
  expect((await act({ intent: "check-dns", domainId: String(d.id) })).status).toBe(302);
  return { n, slug, domain, orgId, users, admin, act };
}

/** The whole round trip: the work email on /sso, the provider's login form as `login`, back to /sso/callback. */
async function signIn(h: Db, email: string, login = email) {
  const started = await responseOf(() => start.action({ request: post("/sso", { email }), params: {}, context: contextFor(h) }));
  expect(started.status).toBe(302);
  const stateCookie = firstCookie(started, "lantern_sso_state")!;
  const back = await signInAtProvider(started.headers.get("Location")!, login);
  const finish = () =>
    responseOf(() =>
      callback.loader({ request: get(new URL(back).pathname + new URL(back).search, stateCookie), params: {}, context: contextFor(h) }),
    );
  return { response: await finish(), again: finish };
}

const userCount = async (h: Db, email: string) =>
  Number(
    (
      await h.db
        .selectFrom("users")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("email", "=", email)
        .executeTakeFirstOrThrow()
    ).n,
  );

describeEachEngine("single sign-on against a real OpenID Connect provider", (h) => {
  it("first sign-in creates the user with the default role and an SSO session; the second reuses them", async () => {
    const o = await ssoOrg(h());
    const email = `new@${o.domain}`;
    const { response } = await signIn(h(), email);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/o/${o.slug}`);
    const session = firstCookie(response, "lantern_session")!;
    const who = await getSessionUser(h().db, get("/", session));
    expect(who).toMatchObject({ email, authMethod: "sso", ssoOrgId: o.orgId });
    const role = await h()
      .db.selectFrom("memberships")
      .select("role")
      .where("org_id", "=", o.orgId)
      .where("user_id", "=", who!.userId)
      .executeTakeFirst();
    expect(role?.role).toBe("compliance");
    const again = await signIn(h(), email);
    expect(again.response.status).toBe(302);
    expect((await getSessionUser(h().db, get("/", firstCookie(again.response, "lantern_session")!)))?.userId).toBe(who!.userId);
    expect(await userCount(h(), email)).toBe(1);
  });

  it("stores the client secret sealed, never as entered", async () => {
    const o = await ssoOrg(h());
    const row = await h().db.selectFrom("sso_configs").select("client_secret").where("org_id", "=", o.orgId).executeTakeFirstOrThrow();
    expect(row.client_secret).not.toContain(TEST_CLIENT_SECRET);
    expect(row.client_secret.startsWith("v1:")).toBe(true);
  });

  it("refuses a replayed state", async () => {
    const o = await ssoOrg(h());
    const { response, again } = await signIn(h(), `replay@${o.domain}`);
    expect(response.status).toBe(302);
    const replay = await again();
    expect(replay.status).toBe(400);
    expect((await replay.json()).message).toMatch(/already used or has expired/);
  });

  const refusals: Array<[string, (c: Record<string, unknown>) => Record<string, unknown>, number, RegExp]> = [
    ["a wrong audience", (c) => ({ ...c, aud: "some-other-app" }), 403, /meant for another application/],
    [
      "an expired token",
      (c) => ({ ...c, iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 }),
      403,
      /expired/,
    ],
    ["a bad nonce", (c) => ({ ...c, nonce: "not-the-one-we-sent" }), 403, /does not belong to this sign-in/],
  ];
  for (const [what, tamper, status, message] of refusals) {
    it(`refuses ${what} and creates nobody`, async () => {
      const o = await ssoOrg(h());
      const email = `tampered@${o.domain}`;
      idp.tamper = tamper;
      try {
        const { response } = await signIn(h(), email);
        expect(response.status).toBe(status);
        expect((await response.json()).message).toMatch(message);
        expect(response.headers.getSetCookie().some((c) => c.startsWith("lantern_session="))).toBe(false);
      } finally {
        idp.tamper = null;
      }
      expect(await userCount(h(), email)).toBe(0);
    });
  }

  it("refuses an address the provider does not call verified, and one at an unverified domain", async () => {
    const o = await ssoOrg(h());
    const unverified = `jo+unverified@${o.domain}`;
    const a = await signIn(h(), unverified);
    expect(a.response.status).toBe(403);
    expect((await a.response.json()).message).toMatch(/does not confirm/);
    expect(await userCount(h(), unverified)).toBe(0);
    const elsewhere = `jo@not-verified-${o.n}.test`;
    const b = await signIn(h(), `jo@${o.domain}`, elsewhere);
    expect(b.response.status).toBe(403);
    expect((await b.response.json()).message).toMatch(/not a verified domain/);
    expect(await userCount(h(), elsewhere)).toBe(0);
  });

  it("never links an existing password account: refused with a message to ask the admin", async () => {
    const o = await ssoOrg(h());
    const email = `has-password@${o.domain}`;
    const userId = await insertUser(h().db, { email, name: "Has Password", passwordHash: PASSWORD_HASH });
    const { response } = await signIn(h(), email);
    expect(response.status).toBe(409);
    expect((await response.json()).message).toMatch(/already exists.*not joined to single sign-on automatically.*admin/s);
    const m = await h()
      .db.selectFrom("memberships")
      .select("role")
      .where("org_id", "=", o.orgId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    expect(m).toBeUndefined();
    expect(await h().db.selectFrom("sso_identities").select("id").where("user_id", "=", userId).executeTakeFirst()).toBeUndefined();
  });

  it("refuses an email whose domain no organisation signs in, with a 400 on the start page", async () => {
    const r = await responseOf(() =>
      start.action({ request: post("/sso", { email: "x@nobody-uses-sso.test" }), params: {}, context: contextFor(h()) }),
    );
    expect(r.status).toBe(400);
    expect(JSON.stringify(await r.json())).toMatch(/No organisation signs in people at nobody-uses-sso.test/);
  });

  it("a domain verified by one organisation cannot be claimed by another", async () => {
    const o = await ssoOrg(h());
    const other = await makeOrg(h(), `claim${o.n}-${h().engine}`, [[`a@claim${o.n}.test`, "admin"]]);
    const cookie = await cookieFor(h(), other.users[`a@claim${o.n}.test`]!);
    const slug = `claim${o.n}-${h().engine}`;
    const r = await responseOf(() =>
      settings.action({
        request: post(`/o/${slug}/settings/sso`, { intent: "add-domain", domain: o.domain }, cookie),
        params: { org: slug },
        context: contextFor(h()),
      }),
    );
    expect(r.status).toBe(409);
    expect(JSON.stringify(await r.json())).toMatch(/already verified this domain/);
  });
});

describeEachEngine("require single sign-on, and removal from the organisation", (h) => {
  const page = (h: Db, slug: string, cookie: string) =>
    responseOf(() => dashboard.loader({ request: get(`/o/${slug}`, cookie), params: { org: slug }, context: contextFor(h) }));

  it("turning it on ends the other members' password sessions at once; the break-glass admin and SSO sessions stay", async () => {
    const o = await ssoOrg(h());
    const memberId = o.users[`member@${o.domain}`]!;
    const memberPassword = await cookieFor(h(), memberId);
    const sso = firstCookie((await signIn(h(), `sso-user@${o.domain}`)).response, "lantern_session")!;
    expect((await page(h(), o.slug, memberPassword)).status).toBe(200);
    const on = await o.act({ intent: "require", requireSso: "on", breakGlassUserId: String(o.users[`admin@${o.domain}`]) });
    expect(on.status).toBe(302);
    expect(await getSessionUser(h().db, get("/", memberPassword))).toBeNull();
    expect((await page(h(), o.slug, memberPassword)).status).toBe(302); // to the log-in page
    expect((await page(h(), o.slug, o.admin)).status).toBe(200);
    expect((await page(h(), o.slug, sso)).status).toBe(200);
    // A password log-in of the member is refused with a clear message (after the right password only).
    const login = await responseOf(() =>
      loginRoute.action({
        request: post("/login", { email: `member@${o.domain}`, password: PASSWORD }),
        params: {},
        context: contextFor(h(), "192.0.2.201"),
      }),
    );
    expect(login.status).toBe(403);
    expect((await login.json()).formError).toMatch(/requires single sign-on/);
    expect(login.headers.get("Set-Cookie")).toBeNull();
  });

  it("refuses to require it without a break-glass admin who is an admin", async () => {
    const o = await ssoOrg(h());
    expect((await o.act({ intent: "require", requireSso: "on", breakGlassUserId: "" })).status).toBe(400);
    const member = String(o.users[`member@${o.domain}`]);
    expect((await o.act({ intent: "require", requireSso: "on", breakGlassUserId: member })).status).toBe(400);
  });

  it("a removed user's old session gets no page of the organisation; with no organisation left, no session at all", async () => {
    const o = await ssoOrg(h());
    const email = `leaver@${o.domain}`;
    const session = firstCookie((await signIn(h(), email)).response, "lantern_session")!;
    expect((await page(h(), o.slug, session)).status).toBe(200);
    const leaver = (await getSessionUser(h().db, get("/", session)))!.userId;
    const removed = await responseOf(() =>
      members.action({
        request: post(`/o/${o.slug}/members`, { intent: "remove", userId: String(leaver) }, o.admin),
        params: { org: o.slug },
        context: contextFor(h()),
      }),
    );
    expect(removed.status).toBe(302);
    const after = await page(h(), o.slug, session);
    expect(after.status).not.toBe(200);
    expect(await getSessionUser(h().db, get("/", session))).toBeNull();
    // Signing in again through the provider does not bring them back.
    const back = await signIn(h(), email);
    expect(back.response.status).toBe(403);
    expect((await back.response.json()).message).toMatch(/removed/);
  });
});
