// Single-use, expiring tokens: sign-up confirmations, password resets and team invitations.
// Only sha256(token) is stored; the token itself exists only in the mailed link.
import type { DbOrTrx } from "./types";
import type { Role } from "~/domain/permissions";
import { nowIso } from "~/lib/time";

export async function insertPendingSignup(
  db: DbOrTrx,
  p: { tokenHash: string; email: string; name: string; passwordHash: string; orgName: string; expiresAt: string; teamInviteId?: number },
): Promise<void> {
  await db
    .insertInto("pending_signups")
    .values({
      token_hash: p.tokenHash,
      email: p.email,
      name: p.name,
      password_hash: p.passwordHash,
      org_name: p.orgName,
      created_at: nowIso(),
      expires_at: p.expiresAt,
      team_invite_id: p.teamInviteId ?? null,
    })
    .execute();
}

/** A usable (unused, unexpired) pending sign-up. */
export async function findPendingSignup(db: DbOrTrx, tokenHash: string, now: string) {
  return db
    .selectFrom("pending_signups")
    .select(["id", "email", "name", "password_hash", "org_name", "expires_at", "team_invite_id"])
    .where("token_hash", "=", tokenHash)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
}

/** Marks it used; returns false when another request used it first (so it is used exactly once). */
export async function consumePendingSignup(db: DbOrTrx, id: number, now: string): Promise<boolean> {
  const r = await db
    .updateTable("pending_signups")
    .set({ used_at: now })
    .where("id", "=", id)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertPasswordReset(db: DbOrTrx, p: { userId: number; tokenHash: string; expiresAt: string }): Promise<void> {
  await db
    .insertInto("password_resets")
    .values({ user_id: p.userId, token_hash: p.tokenHash, created_at: nowIso(), expires_at: p.expiresAt })
    .execute();
}

export async function findPasswordReset(db: DbOrTrx, tokenHash: string, now: string) {
  return db
    .selectFrom("password_resets")
    .select(["id", "user_id", "expires_at"])
    .where("token_hash", "=", tokenHash)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
}

export async function consumePasswordReset(db: DbOrTrx, id: number, now: string): Promise<boolean> {
  const r = await db
    .updateTable("password_resets")
    .set({ used_at: now })
    .where("id", "=", id)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A new reset link makes the user's older unused links useless. */
export async function expireUserResets(db: DbOrTrx, userId: number, now: string): Promise<void> {
  await db.updateTable("password_resets").set({ used_at: now }).where("user_id", "=", userId).where("used_at", "is", null).execute();
}

export async function insertTeamInvite(
  db: DbOrTrx,
  orgId: number,
  p: { email: string; role: Role; tokenHash: string; invitedBy: number; expiresAt: string },
): Promise<number> {
  const row = await db
    .insertInto("team_invites")
    .values({
      org_id: orgId,
      email: p.email,
      role: p.role,
      token_hash: p.tokenHash,
      invited_by: p.invitedBy,
      created_at: nowIso(),
      expires_at: p.expiresAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Open invitations of an organization (not accepted, not revoked; expired ones are shown as such). */
export async function listOpenTeamInvites(db: DbOrTrx, orgId: number) {
  return db
    .selectFrom("team_invites")
    .select(["id", "email", "role", "created_at", "expires_at"])
    .where("org_id", "=", orgId)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .orderBy("created_at", "desc")
    .execute();
}

export async function getTeamInvite(db: DbOrTrx, orgId: number, id: number) {
  return db
    .selectFrom("team_invites")
    .select(["id", "email", "role", "expires_at", "accepted_at", "revoked_at"])
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Revokes every open invitation of this address to this organization (used on revoke and on resend). */
export async function revokeTeamInvites(db: DbOrTrx, orgId: number, email: string, now: string): Promise<number> {
  const r = await db
    .updateTable("team_invites")
    .set({ revoked_at: now })
    .where("org_id", "=", orgId)
    .where("email", "=", email)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** An invitation by its token hash, with its organization; any state (the page explains expired/revoked). */
/** A team invitation by id, with what joining needs (a sign-up confirmed by mail refers to it). */
export async function findTeamInviteById(db: DbOrTrx, id: number) {
  return teamInviteQuery(db).where("team_invites.id", "=", id).executeTakeFirst();
}

export async function findTeamInviteByToken(db: DbOrTrx, tokenHash: string) {
  return teamInviteQuery(db).where("team_invites.token_hash", "=", tokenHash).executeTakeFirst();
}

function teamInviteQuery(db: DbOrTrx) {
  return db
    .selectFrom("team_invites")
    .innerJoin("organizations", "organizations.id", "team_invites.org_id")
    .select([
      "team_invites.id",
      "team_invites.org_id as orgId",
      "organizations.slug",
      "organizations.name as orgName",
      "team_invites.email",
      "team_invites.role",
      "team_invites.expires_at as expiresAt",
      "team_invites.accepted_at as acceptedAt",
      "team_invites.revoked_at as revokedAt",
    ]);
}

export async function markTeamInviteAccepted(db: DbOrTrx, id: number, now: string): Promise<boolean> {
  const r = await db
    .updateTable("team_invites")
    .set({ accepted_at: now })
    .where("id", "=", id)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
