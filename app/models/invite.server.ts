// Supplier invite links and the scoped sessions they start. Only sha256(token) is stored. Functions
// take the organization id and filter by it, except the two lookups by a token's hash
// (findInviteByTokenHash, findSupplierSession): the token is how a supplier's request finds its
// organization in the first place, and what they return carries it.
import type { DbOrTrx } from "./types";
import { nowIso } from "~/lib/time";

export async function insertAssessmentInvite(
  db: DbOrTrx,
  orgId: number,
  i: { assessmentId: number; email: string; tokenHash: string; language: string; createdBy: number | null; expiresAt: string },
): Promise<number> {
  const r = await db
    .insertInto("assessment_invites")
    .values({
      org_id: orgId,
      assessment_id: i.assessmentId,
      email: i.email,
      token_hash: i.tokenHash,
      language: i.language,
      created_by: i.createdBy,
      created_at: nowIso(),
      expires_at: i.expiresAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Revokes every live link of an assessment (a resend issues a new token and kills the old one). */
export async function revokeAssessmentInvites(db: DbOrTrx, orgId: number, assessmentId: number, now: string): Promise<number> {
  const r = await db
    .updateTable("assessment_invites")
    .set({ revoked_at: now })
    .where("org_id", "=", orgId)
    .where("assessment_id", "=", assessmentId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Revokes one link unless it was revoked already; false when another request got there first. */
export async function revokeInviteIfUnrevoked(db: DbOrTrx, orgId: number, inviteId: number, now: string): Promise<boolean> {
  const r = await db
    .updateTable("assessment_invites")
    .set({ revoked_at: now })
    .where("org_id", "=", orgId)
    .where("id", "=", inviteId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function listAssessmentInvites(db: DbOrTrx, orgId: number, assessmentId: number) {
  return db
    .selectFrom("assessment_invites")
    .select(["id", "email", "language", "created_at", "expires_at", "revoked_at", "last_used_at"])
    .where("org_id", "=", orgId)
    .where("assessment_id", "=", assessmentId)
    .orderBy("id", "desc")
    .execute();
}

/** An invite by its token hash, with what the landing page shows (any state: the page explains). */
export async function findInviteByTokenHash(db: DbOrTrx, tokenHash: string) {
  return db
    .selectFrom("assessment_invites as i")
    .innerJoin("assessments as a", "a.id", "i.assessment_id")
    .innerJoin("organizations as o", "o.id", "i.org_id")
    .innerJoin("suppliers as s", "s.id", "a.supplier_id")
    .select([
      "i.id",
      "i.org_id as orgId",
      "i.assessment_id as assessmentId",
      "i.email",
      "i.language",
      "i.expires_at as expiresAt",
      "i.revoked_at as revokedAt",
      "i.superseded_at as supersededAt",
      "o.name as orgName",
      "s.name as supplierName",
      "a.due_at as dueAt",
      "a.status",
    ])
    .where("i.token_hash", "=", tokenHash)
    .executeTakeFirst();
}

/** A reminder mailed a fresh link: older links open no new session, but sessions they started go on. */
export async function supersedeAssessmentInvites(db: DbOrTrx, orgId: number, assessmentId: number, now: string): Promise<void> {
  await db
    .updateTable("assessment_invites")
    .set({ superseded_at: now })
    .where("org_id", "=", orgId)
    .where("assessment_id", "=", assessmentId)
    .where("revoked_at", "is", null)
    .where("superseded_at", "is", null)
    .execute();
}

/** The address and language of the assessment's current link (for reminders and review mails). */
export async function currentInvite(db: DbOrTrx, orgId: number, assessmentId: number) {
  return db
    .selectFrom("assessment_invites")
    .select(["id", "email", "language"])
    .where("org_id", "=", orgId)
    .where("assessment_id", "=", assessmentId)
    .where("revoked_at", "is", null)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}

export async function touchInvite(db: DbOrTrx, orgId: number, id: number, now: string): Promise<void> {
  await db.updateTable("assessment_invites").set({ last_used_at: now }).where("org_id", "=", orgId).where("id", "=", id).execute();
}

/** A session for the invite's assessment; false (nothing written) unless the invite is this organization's link to it. */
export async function insertSupplierSession(
  db: DbOrTrx,
  orgId: number,
  s: { id: string; inviteId: number; assessmentId: number; expiresAt: string },
): Promise<boolean> {
  const invite = await db
    .selectFrom("assessment_invites")
    .select("id")
    .where("org_id", "=", orgId)
    .where("id", "=", s.inviteId)
    .where("assessment_id", "=", s.assessmentId)
    .executeTakeFirst();
  if (!invite) return false;
  const now = nowIso();
  await db
    .insertInto("supplier_sessions")
    .values({ id: s.id, invite_id: s.inviteId, assessment_id: s.assessmentId, created_at: now, last_seen_at: now, expires_at: s.expiresAt })
    .execute();
  return true;
}

/** A live supplier session: its invite must still be valid (revoking the link ends the session too). */
export async function findSupplierSession(db: DbOrTrx, id: string, now: string) {
  return db
    .selectFrom("supplier_sessions as ss")
    .innerJoin("assessment_invites as i", "i.id", "ss.invite_id")
    .select(["ss.id", "ss.assessment_id as assessmentId", "i.org_id as orgId", "i.id as inviteId", "i.email", "i.language"])
    .where("ss.id", "=", id)
    .where("ss.expires_at", ">", now)
    .where("i.revoked_at", "is", null)
    .where("i.expires_at", ">", now)
    .executeTakeFirst();
}

export async function newestInviteId(db: DbOrTrx, orgId: number, assessmentId: number): Promise<number | undefined> {
  const r = await db
    .selectFrom("assessment_invites")
    .select("id")
    .where("org_id", "=", orgId)
    .where("assessment_id", "=", assessmentId)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return r?.id;
}
