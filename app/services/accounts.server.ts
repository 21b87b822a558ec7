// Account flows: sign-up (confirmed by mail), login (throttled), password reset and change.
// No result here says whether an email address has an account.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "~/lib/password.server";
import { hashToken, newToken } from "~/lib/crypto.server";
import { addMinutes, nowIso } from "~/lib/time";
import { env } from "~/lib/env.server";
import { kickMailDelivery } from "~/lib/mail.server";
import { LOGIN_ACCOUNT, LOGIN_ACCOUNT_SOURCE, MAIL_ADDRESS, MAIL_IP, checkAll, hit, loginLimits, reset } from "~/lib/rate-limit.server";
import { findUserByEmail, getUserById, insertUser, setPasswordHash } from "~/models/user.server";
import { addMember, freeSlug, insertOrg, listUserOrgs } from "~/models/org.server";
import { recordAudit } from "~/models/audit.server";
import { enqueueMail } from "~/models/outbox.server";
import { deleteUserSessions } from "~/models/session.server";
import {
  consumePasswordReset,
  consumePendingSignup,
  expireUserResets,
  findPendingSignup,
  findPasswordReset,
  insertPasswordReset,
  insertPendingSignup,
} from "~/models/tokens.server";
import { fail, ok, type Result } from "~/domain/result";
import { passwordResetMail, passwordResetRefusedSsoMail, signupConfirmMail, signupExistingAccountMail } from "./mail-templates";
import { passwordRefusedFor, SSO_REQUIRED_MESSAGE } from "./sso-policy.server";
import { joinFromConfirmedSignup } from "./members.server";
import { asSystem, setScopeUser, systemPath } from "~db/scope";

type DB = Kysely<Database>;

/** Why a mailed link (sign-up confirmation, password reset) no longer works. */
export const LINK_GONE = "This link has expired or was used already. Ask for a new one.";
const ADDRESS_TAKEN = "An account with this address was created meanwhile. Log in, or reset its password.";
export type Throttled = { throttled: number };
/** A refused mail or password request: the seconds to wait (the route turns it into 429 with Retry-After). */
export type Wait = { retryAfter: number };

function throttledFor(retryAfter: number) {
  return fail<Wait>("throttled", "Too many attempts. Please wait and try again.", { detail: { retryAfter } });
}

const SIGNUP_VALID_MINUTES = 24 * 60;
const RESET_VALID_MINUTES = 30;

async function requestSignupAsSystem(
  db: DB,
  input: { name: string; email: string; password: string; orgName: string },
  ip: string,
): Promise<Result<undefined, Wait>> {
  const throttled = await checkAll(db, [
    [MAIL_IP, ip],
    [MAIL_ADDRESS, input.email],
  ]);
  if (throttled) return throttledFor(throttled);
  // Hash before looking the address up, so both paths take the same time.
  const passwordHash = await hashPassword(input.password);
  const existing = await findUserByEmail(db, input.email);
  const token = newToken();
  await db.transaction().execute(async (trx) => {
    await hit(trx, MAIL_IP, ip);
    await hit(trx, MAIL_ADDRESS, input.email);
    if (existing) {
      await enqueueMail(trx, {
        orgId: null,
        kind: "signup-existing",
        to: input.email,
        ...signupExistingAccountMail({ link: `${env().appUrl}/login` }),
      });
      return;
    }
    await insertPendingSignup(trx, {
      tokenHash: hashToken(token),
      email: input.email,
      name: input.name,
      passwordHash,
      orgName: input.orgName,
      expiresAt: nowIso(addMinutes(new Date(), SIGNUP_VALID_MINUTES)),
    });
    await enqueueMail(trx, {
      orgId: null,
      kind: "signup-confirm",
      to: input.email,
      ...signupConfirmMail({ name: input.name, link: `${env().appUrl}/signup/confirm/${token}` }),
    });
  });
  kickMailDelivery(db);
  return ok();
}
export const requestSignup = systemPath("account: sign-up request (pending sign-up, account mail)", requestSignupAsSystem);

export async function describePendingSignup(db: DB, token: string) {
  const p = await findPendingSignup(db, hashToken(token), nowIso());
  // joinOrg: this sign-up joins an organization by invitation instead of creating one.
  return p ? { email: p.email, name: p.name, orgName: p.org_name, joinOrg: p.team_invite_id === null ? null : p.org_name } : null;
}

/** Creates the user and the organization (the user as its admin). Null when the link is not usable. */
async function confirmSignupAsSystem(db: DB, token: string, ip: string): Promise<Result<{ userId: number; slug: string }>> {
  const now = nowIso();
  return db.transaction().execute(async (trx) => {
    const p = await findPendingSignup(trx, hashToken(token), now);
    if (!p || !(await consumePendingSignup(trx, p.id, now))) return fail("gone", LINK_GONE);
    if (p.team_invite_id !== null) {
      return joinFromConfirmedSignup(
        trx,
        { teamInviteId: p.team_invite_id, email: p.email, name: p.name, passwordHash: p.password_hash },
        ip,
      );
    }
    if (await findUserByEmail(trx, p.email)) return fail("gone", ADDRESS_TAKEN);
    const userId = await insertUser(trx, { email: p.email, name: p.name, passwordHash: p.password_hash });
    const slug = await freeSlug(trx, p.org_name);
    const orgId = await insertOrg(trx, p.org_name, slug);
    await addMember(trx, orgId, userId, "admin");
    const actor = { orgId, actorUserId: userId, actorLabel: p.email, ip };
    await recordAudit(trx, { ...actor, action: "org.created", entity: "organization", entityId: orgId, diff: { name: p.org_name, slug } });
    await recordAudit(trx, {
      ...actor,
      action: "member.added",
      entity: "membership",
      entityId: userId,
      diff: { email: p.email, role: "admin" },
    });
    return ok({ userId, slug });
  });
}
export const confirmSignup = systemPath("account: sign-up confirmation creates the user and the organization", confirmSignupAsSystem);

export type LoginResult = { userId: number } | { invalid: true } | { ssoRequired: true } | Throttled;

/** Checks the password as system (account audit entries have no organisation); on success this request acts for the user. */
export async function login(db: DB, input: { email: string; password: string }, ip: string): Promise<LoginResult> {
  const r = await asSystem("account: login", () => checkLogin(db, input, ip));
  if ("userId" in r) setScopeUser(r.userId);
  return r;
}

async function checkLogin(db: DB, input: { email: string; password: string }, ip: string): Promise<LoginResult> {
  const limits = loginLimits(input.email, ip);
  const throttled = await checkAll(db, limits);
  if (throttled) return { throttled };
  const user = await findUserByEmail(db, input.email);
  const ok = user ? await verifyPassword(user.password_hash, input.password) : await verifyAgainstDummy(input.password);
  if (!user || !ok) {
    await db.transaction().execute(async (trx) => {
      for (const [limit, key] of limits) await hit(trx, limit, key);
      await recordAudit(trx, {
        orgId: null,
        actorUserId: user?.id ?? null,
        actorLabel: input.email,
        action: "auth.login_failed",
        entity: "user",
        entityId: user?.id,
        ip,
      });
    });
    return { invalid: true };
  }
  // The owner got in from this source: its failed guesses on this account are forgiven (the per-source
  // counts stay, so a successful log-in cannot be used to reset a stuffing run).
  for (const [limit, key] of limits) if (limit === LOGIN_ACCOUNT_SOURCE) await reset(db, limit, key);
  // Told only after the right password, so the refusal says nothing about accounts to a guesser.
  if (await passwordRefusedFor(db, user)) {
    const refused = { orgId: null, actorUserId: user.id, actorLabel: user.email, entity: "user", entityId: user.id, ip };
    await recordAudit(db, { ...refused, action: "auth.login_refused_sso" });
    return { ssoRequired: true };
  }
  await recordAudit(db, {
    orgId: null,
    actorUserId: user.id,
    actorLabel: user.email,
    action: "auth.login",
    entity: "user",
    entityId: user.id,
    ip,
  });
  return { userId: user.id };
}

/** Where a user lands after login: their only (or first) organization, or their account page. */
export async function homePathFor(db: DB, userId: number): Promise<string> {
  const orgs = await listUserOrgs(db, userId);
  return orgs[0] ? `/o/${orgs[0].slug}` : "/account";
}

async function requestPasswordResetAsSystem(db: DB, email: string, ip: string): Promise<Result<undefined, Wait>> {
  const throttled = await checkAll(db, [
    [MAIL_IP, ip],
    [MAIL_ADDRESS, email],
  ]);
  if (throttled) return throttledFor(throttled);
  const user = await findUserByEmail(db, email);
  const token = newToken();
  const now = new Date();
  await db.transaction().execute(async (trx) => {
    await hit(trx, MAIL_IP, ip);
    await hit(trx, MAIL_ADDRESS, email);
    if (!user) return; // same answer either way; nothing is sent to an address without an account
    if (await passwordRefusedFor(trx, user)) {
      // Same answer on the page; the mail says to use single sign-on instead of carrying a link.
      const mail = passwordResetRefusedSsoMail({ link: `${env().appUrl}/sso` });
      await enqueueMail(trx, { orgId: null, kind: "password-reset-sso", to: user.email, ...mail });
      return;
    }
    await expireUserResets(trx, user.id, nowIso(now));
    await insertPasswordReset(trx, {
      userId: user.id,
      tokenHash: hashToken(token),
      expiresAt: nowIso(addMinutes(now, RESET_VALID_MINUTES)),
    });
    await enqueueMail(trx, {
      orgId: null,
      kind: "password-reset",
      to: user.email,
      ...passwordResetMail({ link: `${env().appUrl}/reset-password/${token}` }),
    });
    await recordAudit(trx, {
      orgId: null,
      actorUserId: user.id,
      actorLabel: user.email,
      action: "auth.password_reset_requested",
      entity: "user",
      entityId: user.id,
      ip,
    });
  });
  kickMailDelivery(db);
  return ok();
}
export const requestPasswordReset = systemPath("account: password reset request (account mail)", requestPasswordResetAsSystem);

export async function isResetTokenUsable(db: DB, token: string): Promise<boolean> {
  return Boolean(await findPasswordReset(db, hashToken(token), nowIso()));
}

/** Sets the new password and ends every session of the user. Null when the link is not usable. */
async function resetPasswordAsSystem(db: DB, token: string, password: string, ip: string): Promise<Result<{ userId: number }>> {
  const passwordHash = await hashPassword(password);
  const now = nowIso();
  return db.transaction().execute(async (trx) => {
    const r = await findPasswordReset(trx, hashToken(token), now);
    if (!r || !(await consumePasswordReset(trx, r.id, now))) return fail("gone", LINK_GONE);
    const user = await getUserById(trx, r.user_id);
    if (!user) return fail("gone", LINK_GONE);
    if (await passwordRefusedFor(trx, user)) return fail("forbidden", SSO_REQUIRED_MESSAGE);
    await setPasswordHash(trx, user.id, passwordHash);
    await deleteUserSessions(trx, user.id);
    await recordAudit(trx, {
      orgId: null,
      actorUserId: user.id,
      actorLabel: user.email,
      action: "auth.password_reset",
      entity: "user",
      entityId: user.id,
      ip,
    });
    return ok({ userId: user.id });
  });
}
export const resetPassword = systemPath("account: password reset by mailed link (account audit entry)", resetPasswordAsSystem);

/** Verifies the current password, sets the new one and ends ALL the user's sessions (the caller starts a fresh one). */
async function changePasswordAsSystem(
  db: DB,
  userId: number,
  input: { currentPassword: string; password: string },
  ip: string,
): Promise<Result<undefined, Wait>> {
  const wrongPassword = fail<Wait>("invalid", "That is not your current password", { field: "currentPassword" });
  const user = await getUserById(db, userId);
  if (!user) return wrongPassword;
  const throttled = await checkAll(db, [[LOGIN_ACCOUNT, user.email]]);
  if (throttled) return throttledFor(throttled);
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    await hit(db, LOGIN_ACCOUNT, user.email);
    return wrongPassword;
  }
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    await setPasswordHash(trx, userId, passwordHash);
    await deleteUserSessions(trx, userId);
    await recordAudit(trx, {
      orgId: null,
      actorUserId: userId,
      actorLabel: user.email,
      action: "auth.password_changed",
      entity: "user",
      entityId: userId,
      ip,
    });
  });
  return ok();
}
export const changePassword = systemPath("account: password change (account audit entry)", changePasswordAsSystem);
