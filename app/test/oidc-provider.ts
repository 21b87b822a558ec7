// A real OpenID Connect provider (oidc-provider) on loopback for the single sign-on tests, unit and
// end to end. Accounts need no set-up: the login name IS the email address; an address whose local part
// contains "+unverified" comes with email_verified: false. `tamper` re-signs the ID token the token
// endpoint returns (with the provider's own key), so tests can hand the app a correctly signed token
// with a wrong audience, an expiry in the past or another nonce: the app's checks are what is tested.
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import { decodeJwt, exportJWK, generateKeyPair, SignJWT, type JWTPayload } from "jose";

export const TEST_CLIENT_ID = "lantern-test";
export const TEST_CLIENT_SECRET = "lantern-test-secret-0123456789";

export interface TestProvider {
  issuer: string;
  /** Set to change the next ID tokens' claims (null: leave them as the provider made them). */
  tamper: ((claims: JWTPayload) => JWTPayload) | null;
  close(): Promise<void>;
}

export async function startTestProvider(redirectUris: string[], port = 0): Promise<TestProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: "test-key", alg: "RS256", use: "sig" };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT_ID,
        client_secret: TEST_CLIENT_SECRET,
        redirect_uris: redirectUris,
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ["test-cookie-key-0123456789"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    conformIdTokenClaims: false, // put the email in the ID token, as Entra ID, Okta and Google do
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => ({ sub: `sub-${id}`, email: id, email_verified: !id.includes("+unverified"), name: id.split("@")[0] }),
    }),
    // No consent screen: the test users always agree.
    async loadExistingGrant(ctx) {
      const clientId = ctx.oidc.client!.clientId;
      const existing = ctx.oidc.session!.grantIdFor(clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId, accountId: ctx.oidc.session!.accountId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  const handle: TestProvider = {
    issuer,
    tamper: null,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path === "/token" && handle.tamper && body?.id_token) {
      const claims = handle.tamper(decodeJwt(body.id_token));
      body.id_token = await new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid: jwk.kid }).sign(privateKey);
    }
  });
  server.on("request", provider.callback());
  return handle;
}

/** A browser at the provider: follows its redirects and fills its login form; returns the callback URL it sends the user to. */
export async function signInAtProvider(authorizationUrl: string, login: string): Promise<string> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const remember = (r: Response) => {
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, ...v] = pair!.split("=");
      jar.set(k!.trim(), v.join("="));
    }
  };
  let url = authorizationUrl;
  let body: URLSearchParams | null = null;
  for (let hop = 0; hop < 12; hop++) {
    const r: Response = await fetch(url, {
      method: body ? "POST" : "GET",
      redirect: "manual",
      headers: { cookie: cookieHeader(), ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
      body,
    });
    remember(r);
    body = null;
    const location = r.headers.get("location");
    if (location) {
      const next = new URL(location, url).href;
      if (!next.startsWith(new URL(authorizationUrl).origin)) return next; // back to the app
      url = next;
      continue;
    }
    const html: string = await r.text();
    if (r.status !== 200) throw new Error(`provider answered ${r.status}: ${html.slice(0, 300)}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no form at ${url}`);
    url = new URL(action, url).href;
    body = html.includes('value="login"')
      ? new URLSearchParams({ prompt: "login", login, password: "any" })
      : new URLSearchParams({ prompt: "consent" });
  }
  throw new Error("too many redirects at the provider");
}
