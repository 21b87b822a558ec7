// Team management: invitations by mail, role changes and removal. Every change is audited.
import type { Kysely } from "kysely";
import type { Database } from "../../db/types";
import type { OrgIdentity } from "../lib/auth.server";
import { hashPassword } from "../lib/password.server";
import { hashToken, newToken } from "../lib/crypto.server";
import { addMinutes, nowIso } from "../lib/time";
import { env } from "../lib/env.server";
import { kickMailDelivery } from "../lib/mail.server";
import { ROLE_LABELS, type Role } from "../domain/permissions";
import { findUserByEmail, insertUser } from "../models/user.server";
import { addMember, countAdmins, deleteMember, getMemberRole, setMemberRole } from "../models/org.server";
import { recordAudit } from "../models/audit.server";
import { enqueueMail } from "../models/outbox.server";
import {
  findTeamInviteByToken,
  getTeamInvite,
  insertTeamInvite,
  markTeamInviteAccepted,
  revokeTeamInvites,
} from "../models/tokens.server";
import { teamInviteMail } from "./mail-templates";

type DB = Kysely<Database>;
const INVITE_VALID_MINUTES = 7 * 24 * 60;

export type MemberError = { status: 400 | 404 | 409; field?: string; message: string };

function actor(id: OrgIdentity, ip: string) {
  return { orgId: id.org.id, actorUserId: id.user.userId, actorLabel: id.user.email, ip };
}

async function sendInvite(db: DB, id: OrgIdentity, email: string, role: Role, ip: string, action: string) {
  const token = newToken();
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
      ...teamInviteMail({ orgName: id.org.name, inviter: id.user.name, role: ROLE_LABELS[role], link: `${env().appUrl}/join/${token}` }),
    });
    await recordAudit(trx, { ...actor(id, ip), action, entity: "invitation", entityId: newId, diff: { email, role } });
    return newId;
  });
  kickMailDelivery(db);
  return inviteId;
}

export async function inviteMember(db: DB, id: OrgIdentity, email: string, role: Role, ip: string): Promise<MemberError | { inviteId: number }> {
  const existing = await findUserByEmail(db, email);
  if (existing && (await getMemberRole(db, id.org.id, existing.id))) {
    return { status: 409, field: "email", message: `${email} is already a member of ${id.org.name}` };
  }
  return { inviteId: await sendInvite(db, id, email, role, ip, "member.invited") };
}

export async function resendInvite(db: DB, id: OrgIdentity, inviteId: number, ip: string): Promise<MemberError | { inviteId: number }> {
  const inv = await getTeamInvite(db, id.org.id, inviteId);
  if (!inv || inv.accepted_at || inv.revoked_at) return { status: 404, message: "That invitation no longer exists" };
  return { inviteId: await sendInvite(db, id, inv.email, inv.role, ip, "member.invite_resent") };
}

export async function revokeInvite(db: DB, id: OrgIdentity, inviteId: number, ip: string): Promise<MemberError | { ok: true }> {
  const inv = await getTeamInvite(db, id.org.id, inviteId);
  if (!inv || inv.accepted_at || inv.revoked_at) return { status: 404, message: "That invitation no longer exists" };
  await db.transaction().execute(async (trx) => {
    await revokeTeamInvites(trx, id.org.id, inv.email, nowIso());
    await recordAudit(trx, { ...actor(id, ip), action: "member.invite_revoked", entity: "invitation", entityId: inviteId, diff: { email: inv.email } });
  });
  return { ok: true };
}

/** Role change; the organization always keeps at least one admin. */
export async function changeRole(db: DB, id: OrgIdentity, userId: number, role: Role, ip: string): Promise<MemberError | { ok: true }> {
  return db.transaction().execute(async (trx) => {
    const current = await getMemberRole(trx, id.org.id, userId);
    if (!current) return { status: 404 as const, message: "No such member" };
    if (current === role) return { ok: true as const };
    if (current === "admin" && (await countAdmins(trx, id.org.id)) <= 1) {
      return { status: 409 as const, message: "An organization needs at least one admin: make someone else admin first" };
    }
    await setMemberRole(trx, id.org.id, userId, role);
    await recordAudit(trx, { ...actor(id, ip), action: "member.role_changed", entity: "membership", entityId: userId, diff: { role: [current, role] } });
    return { ok: true as const };
  });
}

export async function removeMember(db: DB, id: OrgIdentity, userId: number, ip: string): Promise<MemberError | { ok: true }> {
  return db.transaction().execute(async (trx) => {
    const current = await getMemberRole(trx, id.org.id, userId);
    if (!current) return { status: 404 as const, message: "No such member" };
    if (current === "admin" && (await countAdmins(trx, id.org.id)) <= 1) {
      return { status: 409 as const, message: "You cannot remove the last admin" };
    }
    await deleteMember(trx, id.org.id, userId);
    await recordAudit(trx, { ...actor(id, ip), action: "member.removed", entity: "membership", entityId: userId, diff: { role: current } });
    return { ok: true as const };
  });
}

export type InviteView =
  | { state: "invalid" }
  | { state: "expired" | "revoked" | "accepted" | "open"; orgName: string; slug: string; email: string; role: Role };

export async function describeInvite(db: DB, token: string): Promise<InviteView> {
  const inv = await findTeamInviteByToken(db, hashToken(token));
  if (!inv) return { state: "invalid" };
  const base = { orgName: inv.orgName, slug: inv.slug, email: inv.email, role: inv.role };
  if (inv.acceptedAt) return { state: "accepted", ...base };
  if (inv.revokedAt) return { state: "revoked", ...base };
  if (inv.expiresAt <= nowIso()) return { state: "expired", ...base };
  return { state: "open", ...base };
}

/**
 * Accepts an open invitation. A signed-in user must be the invited address; without a session the
 * invitee creates an account (holding the mailed link proves the address).
 */
export async function acceptInvite(
  db: DB,
  token: string,
  who: { userId: number; email: string } | { newAccount: { name: string; password: string } },
  ip: string,
): Promise<MemberError | { userId: number; slug: string }> {
  const passwordHash = "newAccount" in who ? await hashPassword(who.newAccount.password) : null;
  return db.transaction().execute(async (trx) => {
    const inv = await findTeamInviteByToken(trx, hashToken(token));
    if (!inv || inv.acceptedAt || inv.revokedAt || inv.expiresAt <= nowIso()) {
      return { status: 404 as const, message: "This invitation is no longer valid. Ask an admin to send a new one." };
    }
    let userId: number;
    if ("userId" in who) {
      if (who.email !== inv.email) {
        return { status: 409 as const, message: `This invitation is for ${inv.email}. Log out and open the link again.` };
      }
      userId = who.userId;
    } else {
      if (await findUserByEmail(trx, inv.email)) {
        return { status: 409 as const, message: `${inv.email} already has a Lantern account: log in to accept.` };
      }
      userId = await insertUser(trx, { email: inv.email, name: who.newAccount.name, passwordHash: passwordHash! });
    }
    if (!(await markTeamInviteAccepted(trx, inv.id, nowIso()))) {
      return { status: 409 as const, message: "This invitation was used already." };
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
    return { userId, slug: inv.slug };
  });
}
