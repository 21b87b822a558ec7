// The OpenID Connect client (openid-client): discovery, the authorization URL and the code exchange.
// openid-client checks the ID token's signature against the provider's keys, its issuer, audience
// (our client id), expiry, nonce, and the PKCE and state round trip; this file only decides how it
// may talk to the provider (https; plain http to loopback only behind the test-only switch).
import * as oidc from "openid-client";
import { env } from "./env.server";
import { isHttpLoopbackIssuer, issuerProblem } from "~/domain/sso/sso";

const TIMEOUT_SECONDS = 10;

export class OidcSetupError extends Error {}

export function redirectUri(): string {
  return `${env().appUrl}/sso/callback`;
}

export function checkIssuer(issuer: string): string | null {
  return issuerProblem(issuer, env().SSO_ALLOW_HTTP_LOOPBACK);
}

/** The provider's metadata and our client, from its discovery document. Throws OidcSetupError with a readable reason. */
export async function discover(issuer: string, clientId: string, clientSecret: string): Promise<oidc.Configuration> {
  const problem = checkIssuer(issuer);
  if (problem) throw new OidcSetupError(problem);
  const execute = env().SSO_ALLOW_HTTP_LOOPBACK && isHttpLoopbackIssuer(issuer) ? [oidc.allowInsecureRequests] : [];
  try {
    return await oidc.discovery(new URL(issuer), clientId, clientSecret, undefined, { execute, timeout: TIMEOUT_SECONDS });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new OidcSetupError(`The identity provider's discovery document could not be read at ${issuer} (${reason})`);
  }
}

export interface Challenge {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export function newChallenge(): Challenge {
  return { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
}

export async function authorizationUrl(config: oidc.Configuration, c: Challenge, loginHint: string): Promise<URL> {
  return oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri(),
    scope: "openid email profile",
    response_type: "code",
    state: c.state,
    nonce: c.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(c.codeVerifier),
    code_challenge_method: "S256",
    login_hint: loginHint,
  });
}

export interface IdClaims {
  iss: string;
  sub: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

/**
 * Exchanges the code and returns the checked ID token's claims. `query` is what the provider sent to
 * the callback; it is re-attached to our own redirect URI, so a proxy in front of the app does not
 * change what the token endpoint is told.
 */
export async function exchangeCode(config: oidc.Configuration, query: URLSearchParams, c: Challenge): Promise<IdClaims> {
  const current = new URL(redirectUri());
  current.search = query.toString();
  const tokens = await oidc.authorizationCodeGrant(config, current, {
    pkceCodeVerifier: c.codeVerifier,
    expectedState: c.state,
    expectedNonce: c.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error("no ID token");
  return {
    iss: claims.iss,
    sub: claims.sub,
    email: typeof claims.email === "string" ? claims.email.toLowerCase() : null,
    emailVerified: claims.email_verified === true,
    name: typeof claims.name === "string" ? claims.name : null,
  };
}
