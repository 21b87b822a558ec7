// Team management: invitations by mail, role changes and removal. Every change is audited.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import type { OrgIdentity } from "~/lib/auth.server";
import { hashPassword } from "~/lib/password.server";
import { hashToken, newToken } from "~/lib/crypto.server";
import { addMinutes, nowIso } from "~/lib/time";
import { env } from "~/lib/env.server";
import { kickMailDelivery, smtpConfigured } from "~/lib/mail.server";
import { ROLE_LABELS, type Role } from "~/domain/permissions";
import { fail, ok, type Result } from "~/domain/result";
import { findUserByEmail, insertUser } from "~/models/user.server";
import { addMember, countAdmins, deleteMember, getMemberRole, listUserOrgs, setMemberRole } from "~/models/org.server";
import { deleteUserSessions } from "~/models/session.server";
import { recordAudit } from "~/models/audit.server";
import { enqueueMail } from "~/models/outbox.server";
import {
  findTeamInviteById,
  findTeamInviteByToken,
  getTeamInvite,
  insertPendingSignup,
  insertTeamInvite,
  markTeamInviteAccepted,
  revokeTeamInvites,
} from "~/models/tokens.server";
import { teamInviteMail, teamJoinConfirmMail } from "./mail-templates";
import type { DbOrTrx } from "~/models/types";
import { systemPath } from "~db/scope";

type DB = Kysely<Database>;
const INVITE_VALID_MINUTES = 7 * 24 * 60;

function actor(id: OrgIdentity, ip: string) {
  return { orgId: id.org.id, actorUserId: id.user.userId, actorLabel: id.user.email, ip };
}

export type InviteSent = { inviteId: number; copyLink: string | null };

/**
 * Mails the invitation; without SMTP it cannot go out, so the link is returned (copyLink) for the
 * admin to pass on, once. Holding the link proves nothing about the address: a new account still
 * confirms it by mail before joining (acceptInvite).
 */
async function sendInvite(db: DB, id: OrgIdentity, email: string, role: Role, ip: string, action: string): Promise<InviteSent> {
  const token = newToken();
  const link = `${env().appUrl}/join/${token}`;
  const inviteId = await db.transaction().execute(async (trx) => {
    await revokeTeamInvites(trx, id.org.id, email, nowIso()); // a resend kills the older link
    const newId = await insertTeamInvite(trx, id.org.id, {
      email,
      role,
      tokenHash: hashToken(token),
      invitedBy: id.user.userId,
      expiresAt: nowIso(addMinutes(new Date(), INVITE_VALID_MINUTES)),
    });
    await enqueueMail(trx, {
      orgId: id.org.id,
      kind: "team-invite",
      to: email,
      ...teamInviteMail({ orgName: id.org.name, inviter: id.user.name, role: ROLE_LABELS[role], link }),
    });
    await recordAudit(trx, { ...actor(id, ip), action, entity: "invitation", entityId: newId, diff: { email, role } });
    return newId;
  });
  kickMailDelivery(db);
  return { inviteId, copyLink: smtpConfigured() ? null : link };
}

export async function inviteMember(db: DB, id: OrgIdentity, email: string, role: Role, ip: string): Promise<Result<InviteSent>> {
  const existing = await findUserByEmail(db, email);
  if (existing && (await getMemberRole(db, id.org.id, existing.id))) {
    return fail("conflict", `${email} is already a member of ${id.org.name}`, { field: "email" });
  }
  return ok(await sendInvite(db, id, email, role, ip, "member.invited"));
}

export async function resendInvite(db: DB, id: OrgIdentity, inviteId: number, ip: string): Promise<Result<InviteSent>> {
  const inv = await getTeamInvite(db, id.org.id, inviteId);
  if (!inv || inv.accepted_at || inv.revoked_at) return fail("not_found", "That invitation no longer exists");
  return ok(await sendInvite(db, id, inv.email, inv.role, ip, "member.invite_resent"));
}

export async function revokeInvite(db: DB, id: OrgIdentity, inviteId: number, ip: string): Promise<Result> {
  const inv = await getTeamInvite(db, id.org.id, inviteId);
  if (!inv || inv.accepted_at || inv.revoked_at) return fail("not_found", "That invitation no longer exists");
  await db.transaction().execute(async (trx) => {
    await revokeTeamInvites(trx, id.org.id, inv.email, nowIso());
    await recordAudit(trx, {
      ...actor(id, ip),
      action: "member.invite_revoked",
      entity: "invitation",
      entityId: inviteId,
      diff: { email: inv.email },
    });
  });
  return ok();
}

/** Role change; the organization always keeps at least one admin. */
export async function changeRole(db: DB, id: OrgIdentity, userId: number, role: Role, ip: string): Promise<Result> {
  return db.transaction().execute(async (trx): Promise<Result> => {
    const current = await getMemberRole(trx, id.org.id, userId);
    if (!current) return fail("not_found", "No such member");
    if (current === role) return ok();
    if (current === "admin" && (await countAdmins(trx, id.org.id)) <= 1) {
      return fail("conflict", "An organization needs at least one admin: make someone else admin first");
    }
    await setMemberRole(trx, id.org.id, userId, role);
    await recordAudit(trx, {
      ...actor(id, ip),
      action: "member.role_changed",
      entity: "membership",
      entityId: userId,
      diff: { role: [current, role] },
    });
    return ok();
  });
}

export async function removeMember(db: DB, id: OrgIdentity, userId: number, ip: string): Promise<Result> {
  const r = await db.transaction().execute(async (trx): Promise<Result> => {
    const current = await getMemberRole(trx, id.org.id, userId);
    if (!current) return fail("not_found", "No such member");
    if (current === "admin" && (await countAdmins(trx, id.org.id)) <= 1) {
      return fail("conflict", "You cannot remove the last admin");
    }
    await deleteMember(trx, id.org.id, userId);
    await recordAudit(trx, { ...actor(id, ip), action: "member.removed", entity: "membership", entityId: userId, diff: { role: current } });
    return ok();
  });
  if (r.ok) await endSessionsIfNoOrgLeft(db, userId);
  return r;
}

/**
 * A removed user loses this organisation at once (every page checks the membership). One left with no
 * organisation at all is also logged out everywhere: nothing is left for the session to open (decision 0015).
 */
const endSessionsIfNoOrgLeft = systemPath(
  "members: a removed user's remaining organisations (all tenants)",
  async (db: DB, userId: number) => {
    if ((await listUserOrgs(db, userId)).length === 0) await deleteUserSessions(db, userId);
  },
);

export type InviteView =
  { state: "invalid" } | { state: "expired" | "revoked" | "accepted" | "open"; orgName: string; slug: string; email: string; role: Role };

async function describeInviteAsSystem(db: DB, token: string): Promise<InviteView> {
  const inv = await findTeamInviteByToken(db, hashToken(token));
  if (!inv) return { state: "invalid" };
  const base = { orgName: inv.orgName, slug: inv.slug, email: inv.email, role: inv.role };
  if (inv.acceptedAt) return { state: "accepted", ...base };
  if (inv.revokedAt) return { state: "revoked", ...base };
  if (inv.expiresAt <= nowIso()) return { state: "expired", ...base };
  return { state: "open", ...base };
}
export const describeInvite = systemPath("team invitation link: look-up by token (before a tenant is known)", describeInviteAsSystem);

const JOIN_CONFIRM_VALID_MINUTES = 24 * 60;
type Joined = { userId: number; slug: string };
/** Joined at once (a signed-in user), or a confirmation mailed to the invited address (a new account). */
export type Accepted = Joined | { confirmSent: true };
type TeamInvite = NonNullable<Awaited<ReturnType<typeof findTeamInviteByToken>>>;

function inviteOpen(inv: TeamInvite | undefined, now: string): inv is TeamInvite {
  return Boolean(inv && !inv.acceptedAt && !inv.revokedAt && inv.expiresAt > now);
}

/** Spends the invitation and makes the user a member (once: a second use is a conflict). */
async function joinWithInvite(trx: DbOrTrx, inv: TeamInvite, userId: number, ip: string): Promise<Result<Joined>> {
  if (!(await markTeamInviteAccepted(trx, inv.id, nowIso()))) {
    return fail("conflict", "This invitation was used already.");
  }
  if (!(await getMemberRole(trx, inv.orgId, userId))) await addMember(trx, inv.orgId, userId, inv.role);
  await recordAudit(trx, {
    orgId: inv.orgId,
    actorUserId: userId,
    actorLabel: inv.email,
    action: "member.joined",
    entity: "membership",
    entityId: userId,
    diff: { role: inv.role },
    ip,
  });
  return ok({ userId, slug: inv.slug });
}

/**
 * Accepts an open invitation. A signed-in user must be the invited address (their account's address
 * was confirmed by mail when it was created). Without a session the invitee chooses a name and a
 * password, and the account is created only when the invited address confirms it: the link may have
 * been copied by someone else (without SMTP an admin passes it on), so holding it proves nothing.
 */
async function acceptInviteAsSystem(
  db: DB,
  token: string,
  who: { userId: number; email: string } | { newAccount: { name: string; password: string } },
  ip: string,
): Promise<Result<Accepted>> {
  const passwordHash = "newAccount" in who ? await hashPassword(who.newAccount.password) : null;
  const confirmToken = newToken();
  const r = await db.transaction().execute(async (trx): Promise<Result<Accepted>> => {
    const inv = await findTeamInviteByToken(trx, hashToken(token));
    if (!inviteOpen(inv, nowIso())) {
      return fail("not_found", "This invitation is no longer valid. Ask an admin to send a new one.");
    }
    if ("userId" in who) {
      if (who.email !== inv.email) {
        return fail("conflict", `This invitation is for ${inv.email}. Log out and open the link again.`);
      }
      return joinWithInvite(trx, inv, who.userId, ip);
    }
    if (await findUserByEmail(trx, inv.email)) {
      return fail("conflict", `${inv.email} already has a Lantern account: log in to accept.`);
    }
    await insertPendingSignup(trx, {
      tokenHash: hashToken(confirmToken),
      email: inv.email,
      name: who.newAccount.name,
      passwordHash: passwordHash!,
      orgName: inv.orgName,
      expiresAt: nowIso(addMinutes(new Date(), JOIN_CONFIRM_VALID_MINUTES)),
      teamInviteId: inv.id,
    });
    await enqueueMail(trx, {
      orgId: null, // account mail: it is shown to nobody (see printAccountMailWithoutSmtp)
      kind: "team-join-confirm",
      to: inv.email,
      ...teamJoinConfirmMail({ name: who.newAccount.name, orgName: inv.orgName, link: `${env().appUrl}/signup/confirm/${confirmToken}` }),
    });
    return ok({ confirmSent: true as const });
  });
  if (r.ok && "confirmSent" in r.value) kickMailDelivery(db);
  return r;
}
export const acceptInvite = systemPath("team invitation link: join, or mail the new account its confirmation", acceptInviteAsSystem);

/**
 * The invited address confirmed a new account (pending sign-up with team_invite_id): creates the user
 * and joins the organization, if the invitation is still open and for that address. Runs inside the
 * caller's transaction; a `gone` failure when the invitation can no longer be used.
 */
export async function joinFromConfirmedSignup(
  trx: DbOrTrx,
  p: { teamInviteId: number; email: string; name: string; passwordHash: string },
  ip: string,
): Promise<Result<{ userId: number; slug: string }>> {
  const inv = await findTeamInviteById(trx, p.teamInviteId);
  if (!inviteOpen(inv, nowIso()) || inv.email !== p.email)
    return fail("gone", "This invitation was withdrawn or has expired. Ask for a new one.");
  if (await findUserByEmail(trx, p.email)) {
    return fail("gone", "An account with this address was created meanwhile. Log in, and open the invitation again.");
  }
  const userId = await insertUser(trx, { email: p.email, name: p.name, passwordHash: p.passwordHash });
  return joinWithInvite(trx, inv, userId, ip);
}
