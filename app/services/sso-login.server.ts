// Signing in through an organisation's identity provider (OpenID Connect, authorization code + PKCE).
// Start: the work email's verified domain names the organisation; the state, nonce and PKCE verifier
// are kept server-side and the state also in a cookie of this browser. Finish: the state is taken out
// (single use), the code exchanged and the ID token checked by openid-client; the email counts only
// when the provider says it is verified and its domain is a verified domain of that organisation.
// A user is created on first sign-in; an existing password account is never linked automatically.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import { fail, ok, type Result } from "~/domain/result";
import { SSO_ONLY_PASSWORD_HASH, emailDomain, tokenRefusalMessage } from "~/domain/sso/sso";
import { hashToken } from "~/lib/crypto.server";
import { log } from "~/lib/logger.server";
import { addMinutes, nowIso } from "~/lib/time";
import { authorizationUrl, discover, exchangeCode, newChallenge, OidcSetupError, type IdClaims } from "~/lib/oidc.server";
import { openSecret } from "~/lib/secret-box.server";
import { recordAudit } from "~/models/audit.server";
import { addMember, getMemberRole } from "~/models/org.server";
import { findUserByEmail, insertUser } from "~/models/user.server";
import {
  deleteExpiredSsoStates,
  findIdentity,
  findSsoByDomain,
  getSsoConfig,
  insertIdentity,
  insertSsoState,
  isVerifiedDomainOf,
  orgSlug,
  takeSsoState,
  touchIdentity,
} from "~/models/sso.server";
import { systemPath } from "~db/scope";

type DB = Kysely<Database>;
const STATE_MINUTES = 10;

async function providerFor(db: DB, orgId: number) {
  const config = await getSsoConfig(db, orgId);
  if (!config) return fail("invalid", "This organisation has no single sign-on set up any more. Ask your admin.");
  const secret = openSecret(config.client_secret);
  if (secret === null) return fail("invalid", "Single sign-on is not usable right now (its settings cannot be read). Ask your admin.");
  try {
    return ok({ config, oidc: await discover(config.issuer, config.client_id, secret) });
  } catch (err) {
    log.warn("sso: discovery failed", { orgId, error: err instanceof Error ? err.message : String(err) });
    const detail = err instanceof OidcSetupError ? "" : " (unexpected error)";
    return fail("invalid", `Your organisation's identity provider could not be reached${detail}. Try again later, or ask your admin.`);
  }
}

export const startSso = systemPath(
  "sso: start a sign-in (the organisation comes from the email's verified domain)",
  async (db: DB, email: string, redirectTo: string | null): Promise<Result<{ url: string; state: string }>> => {
    const domain = emailDomain(email);
    const org = domain ? await findSsoByDomain(db, domain) : undefined;
    if (!domain || !org) {
      return fail(
        "invalid",
        `No organisation signs in people at ${domain ?? "this address"} with single sign-on. Log in with your password instead.`,
        {
          field: "email",
        },
      );
    }
    const p = await providerFor(db, org.orgId);
    if (!p.ok) return p;
    const c = newChallenge();
    const now = new Date();
    await deleteExpiredSsoStates(db, nowIso(now));
    await insertSsoState(db, {
      id: hashToken(c.state),
      orgId: org.orgId,
      codeVerifier: c.codeVerifier,
      nonce: c.nonce,
      redirectTo,
      at: nowIso(now),
      expiresAt: nowIso(addMinutes(now, STATE_MINUTES)),
    });
    return ok({ url: (await authorizationUrl(p.value.oidc, c, email)).href, state: c.state });
  },
);

export interface SsoSignedIn {
  userId: number;
  orgId: number;
  slug: string;
  redirectTo: string | null;
  created: boolean;
}

const REPLAYED = "This sign-in link was already used or has expired. Start again from the log-in page.";

export const finishSso = systemPath(
  "sso: finish a sign-in (state, code exchange, the user and their membership)",
  async (db: DB, query: URLSearchParams, browserState: string | null, ip: string): Promise<Result<SsoSignedIn>> => {
    const state = query.get("state") ?? "";
    // The state must come back to the browser that started the sign-in (its cookie), so nobody can
    // make someone else's browser finish a sign-in they started (login CSRF).
    if (!browserState || browserState !== state)
      return fail("invalid", "This sign-in was not started in this browser. Start again from the log-in page.");
    const row = await takeSsoState(db, hashToken(state));
    if (!row || row.expires_at < nowIso()) return fail("invalid", REPLAYED);
    const refuse = async (kind: "forbidden" | "conflict" | "invalid", message: string, reason: string, email?: string | null) => {
      await recordAudit(db, {
        orgId: row.org_id,
        actorUserId: null,
        actorLabel: email ?? "single sign-on",
        action: "auth.sso_refused",
        entity: "user",
        diff: { reason },
        ip,
      });
      return fail(kind, message);
    };
    const providerError = query.get("error");
    if (providerError)
      return refuse("forbidden", `Your identity provider did not sign you in (${providerError.slice(0, 100)}).`, providerError);
    const p = await providerFor(db, row.org_id);
    if (!p.ok) return p;
    let claims: IdClaims;
    try {
      claims = await exchangeCode(p.value.oidc, query, { state, nonce: row.nonce, codeVerifier: row.code_verifier });
    } catch (err) {
      // openid-client says which check failed in the error's cause (e.g. 'unexpected JWT "aud" (audience) claim value').
      const reason =
        [err, (err as { cause?: unknown })?.cause]
          .map((e) => (e instanceof Error ? e.message : ""))
          .filter(Boolean)
          .join(": ") || String(err);
      log.warn("sso: the identity provider's answer was refused", { orgId: row.org_id, reason });
      return refuse("forbidden", tokenRefusalMessage(reason), reason.slice(0, 300));
    }
    return signIn(db, { orgId: row.org_id, defaultRole: p.value.config.default_role, redirectTo: row.redirect_to }, claims, ip, refuse);
  },
);

type Refuse = (
  kind: "forbidden" | "conflict" | "invalid",
  message: string,
  reason: string,
  email?: string | null,
) => Promise<Result<never>>;

async function signIn(
  db: DB,
  o: { orgId: number; defaultRole: "admin" | "compliance" | "executive"; redirectTo: string | null },
  claims: IdClaims,
  ip: string,
  refuse: Refuse,
): Promise<Result<SsoSignedIn>> {
  const email = claims.email;
  if (!email) return refuse("forbidden", "Your identity provider did not send an email address. Ask your admin.", "no email claim");
  if (!claims.emailVerified) {
    return refuse(
      "forbidden",
      `Your identity provider does not confirm that ${email} is your address. Ask your admin.`,
      "email_verified is not true",
      email,
    );
  }
  const domain = emailDomain(email);
  if (!domain || !(await isVerifiedDomainOf(db, o.orgId, domain))) {
    return refuse(
      "forbidden",
      `${domain ?? email} is not a verified domain of this organisation. Ask your admin.`,
      "domain not verified",
      email,
    );
  }
  const slug = await orgSlug(db, o.orgId);
  const now = nowIso();
  const audit = { orgId: o.orgId, actorLabel: email, ip, entity: "user" };
  const identity = await findIdentity(db, o.orgId, claims.iss, claims.sub);
  if (identity) {
    // Signed in here before. Removed from the organisation since: an admin took the access away; no way back by signing in.
    if (!(await getMemberRole(db, o.orgId, identity.user_id))) {
      return refuse(
        "forbidden",
        "Your access to this organisation was removed. Ask its admin to invite you again.",
        "no longer a member",
        email,
      );
    }
    await touchIdentity(db, o.orgId, identity.id, now);
    await recordAudit(db, {
      ...audit,
      actorUserId: identity.user_id,
      action: "auth.login",
      entityId: identity.user_id,
      diff: { method: "sso" },
    });
    return ok({ userId: identity.user_id, orgId: o.orgId, slug, redirectTo: o.redirectTo, created: false });
  }
  if (await findUserByEmail(db, email)) {
    return refuse(
      "conflict",
      `A Lantern account with ${email} already exists and logs in with a password. For your safety it is not joined to single sign-on ` +
        `automatically: ask your organisation's Lantern admin.`,
      "an account with this email exists",
      email,
    );
  }
  const userId = await db.transaction().execute(async (trx) => {
    const id = await insertUser(trx, {
      email,
      name: claims.name?.trim().slice(0, 120) || email.split("@")[0]!,
      passwordHash: SSO_ONLY_PASSWORD_HASH,
    });
    await addMember(trx, o.orgId, id, o.defaultRole);
    await insertIdentity(trx, o.orgId, { userId: id, issuer: claims.iss, subject: claims.sub, at: now });
    await recordAudit(trx, {
      ...audit,
      actorUserId: id,
      action: "member.added",
      entity: "membership",
      entityId: id,
      diff: { email, role: o.defaultRole, by: "sso" },
    });
    await recordAudit(trx, { ...audit, actorUserId: id, action: "auth.login", entityId: id, diff: { method: "sso", firstSignIn: true } });
    return id;
  });
  return ok({ userId, orgId: o.orgId, slug, redirectTo: o.redirectTo, created: true });
}
