// Single sign-on rows: configuration, claimed domains, sign-ins in flight and identities.
// Functions marked "system" cross tenants and are only called inside a named asSystem path.
import type { DbOrTrx } from "./types";
import type { Role } from "~/domain/permissions";

export async function getSsoConfig(db: DbOrTrx, orgId: number) {
  return db.selectFrom("sso_configs").selectAll().where("org_id", "=", orgId).executeTakeFirst();
}

export async function upsertSsoConfig(
  db: DbOrTrx,
  orgId: number,
  v: { issuer: string; clientId: string; clientSecret: string; defaultRole: Role; by: number; at: string },
): Promise<void> {
  const row = { issuer: v.issuer, client_id: v.clientId, client_secret: v.clientSecret, default_role: v.defaultRole };
  const updated = await db
    .updateTable("sso_configs")
    .set({ ...row, updated_by: v.by, updated_at: v.at })
    .where("org_id", "=", orgId)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) return;
  await db
    .insertInto("sso_configs")
    .values({ ...row, org_id: orgId, updated_by: v.by, created_at: v.at, updated_at: v.at })
    .execute();
}

export async function setRequireSso(
  db: DbOrTrx,
  orgId: number,
  v: { on: boolean; breakGlassUserId: number | null; by: number; at: string },
) {
  await db
    .updateTable("sso_configs")
    .set({ require_sso: v.on ? 1 : 0, break_glass_user_id: v.breakGlassUserId, updated_by: v.by, updated_at: v.at })
    .where("org_id", "=", orgId)
    .execute();
}

export async function findSsoPolicy(db: DbOrTrx, orgId: number) {
  const r = await db
    .selectFrom("sso_configs")
    .select(["require_sso", "break_glass_user_id"])
    .where("org_id", "=", orgId)
    .executeTakeFirst();
  return r ? { requireSso: Number(r.require_sso) === 1, breakGlassUserId: r.break_glass_user_id } : null;
}

export async function listDomains(db: DbOrTrx, orgId: number) {
  return db.selectFrom("sso_domains").selectAll().where("org_id", "=", orgId).orderBy("domain").execute();
}

export async function findDomain(db: DbOrTrx, orgId: number, id: number) {
  return db.selectFrom("sso_domains").selectAll().where("org_id", "=", orgId).where("id", "=", id).executeTakeFirst();
}

export async function insertDomain(db: DbOrTrx, orgId: number, v: { domain: string; dnsToken: string; at: string }): Promise<void> {
  await db.insertInto("sso_domains").values({ org_id: orgId, domain: v.domain, dns_token: v.dnsToken, created_at: v.at }).execute();
}

export async function deleteDomain(db: DbOrTrx, orgId: number, id: number): Promise<void> {
  await db.deleteFrom("sso_domains").where("org_id", "=", orgId).where("id", "=", id).execute();
}

export async function markDomainVerified(db: DbOrTrx, orgId: number, id: number, by: "dns" | "mail", at: string): Promise<void> {
  await db
    .updateTable("sso_domains")
    .set({ verified_at: at, verified_by: by, mail_token_hash: null, mail_expires_at: null })
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .execute();
}

export async function setDomainMailToken(db: DbOrTrx, orgId: number, id: number, hash: string, expiresAt: string): Promise<void> {
  await db
    .updateTable("sso_domains")
    .set({ mail_token_hash: hash, mail_expires_at: expiresAt })
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .execute();
}

/** System: whether another organisation has verified this domain. */
export async function domainVerifiedByOther(db: DbOrTrx, domain: string, orgId: number): Promise<boolean> {
  const r = await db
    .selectFrom("sso_domains")
    .select("id")
    .where("domain", "=", domain)
    .where("verified_at", "is not", null)
    .where("org_id", "!=", orgId)
    .executeTakeFirst();
  return Boolean(r);
}

/** System: the unverified domain a mailed link stands for. */
export async function findDomainByMailToken(db: DbOrTrx, hash: string) {
  return db
    .selectFrom("sso_domains")
    .innerJoin("organizations", "organizations.id", "sso_domains.org_id")
    .select(["sso_domains.id", "sso_domains.org_id", "sso_domains.domain", "sso_domains.mail_expires_at", "organizations.name as orgName"])
    .where("sso_domains.mail_token_hash", "=", hash)
    .where("sso_domains.verified_at", "is", null)
    .executeTakeFirst();
}

/** System: the organisation that verified this domain, with its single sign-on configuration. */
export async function findSsoByDomain(db: DbOrTrx, domain: string) {
  return db
    .selectFrom("sso_domains")
    .innerJoin("sso_configs", "sso_configs.org_id", "sso_domains.org_id")
    .innerJoin("organizations", "organizations.id", "sso_domains.org_id")
    .select(["organizations.id as orgId", "organizations.slug as slug", "organizations.name as orgName"])
    .where("sso_domains.domain", "=", domain)
    .where("sso_domains.verified_at", "is not", null)
    .executeTakeFirst();
}

export async function isVerifiedDomainOf(db: DbOrTrx, orgId: number, domain: string): Promise<boolean> {
  const r = await db
    .selectFrom("sso_domains")
    .select("id")
    .where("org_id", "=", orgId)
    .where("domain", "=", domain)
    .where("verified_at", "is not", null)
    .executeTakeFirst();
  return Boolean(r);
}

export async function insertSsoState(
  db: DbOrTrx,
  v: { id: string; orgId: number; codeVerifier: string; nonce: string; redirectTo: string | null; at: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto("sso_states")
    .values({
      id: v.id,
      org_id: v.orgId,
      code_verifier: v.codeVerifier,
      nonce: v.nonce,
      redirect_to: v.redirectTo,
      created_at: v.at,
      expires_at: v.expiresAt,
    })
    .execute();
}

/** System: takes a sign-in in flight out of the table; a second call with the same state finds nothing. */
export async function takeSsoState(db: DbOrTrx, id: string) {
  const row = await db.selectFrom("sso_states").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  const gone = await db.deleteFrom("sso_states").where("id", "=", id).executeTakeFirst();
  return Number(gone.numDeletedRows) === 1 ? row : undefined;
}

/** System: sign-ins abandoned at the identity provider. */
export async function deleteExpiredSsoStates(db: DbOrTrx, nowIso: string): Promise<void> {
  await db.deleteFrom("sso_states").where("expires_at", "<", nowIso).execute();
}

export async function findIdentity(db: DbOrTrx, orgId: number, issuer: string, subject: string) {
  return db
    .selectFrom("sso_identities")
    .select(["id", "user_id"])
    .where("org_id", "=", orgId)
    .where("issuer", "=", issuer)
    .where("subject", "=", subject)
    .executeTakeFirst();
}

export async function insertIdentity(db: DbOrTrx, orgId: number, v: { userId: number; issuer: string; subject: string; at: string }) {
  await db
    .insertInto("sso_identities")
    .values({ org_id: orgId, user_id: v.userId, issuer: v.issuer, subject: v.subject, created_at: v.at, last_login_at: v.at })
    .execute();
}

export async function touchIdentity(db: DbOrTrx, orgId: number, id: number, at: string): Promise<void> {
  await db.updateTable("sso_identities").set({ last_login_at: at }).where("org_id", "=", orgId).where("id", "=", id).execute();
}

/**
 * Ends the sessions of this organisation's members that its "require single sign-on" refuses: every
 * session not made through this organisation's single sign-on, except the break-glass admin's.
 */
export async function endSessionsOutsidePolicy(db: DbOrTrx, orgId: number, breakGlassUserId: number | null): Promise<number> {
  const members = db.selectFrom("memberships").select("user_id").where("org_id", "=", orgId);
  let q = db
    .deleteFrom("sessions")
    .where("user_id", "in", members)
    .where((eb) => eb.or([eb("auth_method", "!=", "sso"), eb("sso_org_id", "is", null), eb("sso_org_id", "!=", orgId)]));
  if (breakGlassUserId !== null) q = q.where("user_id", "!=", breakGlassUserId);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** System: for each organisation of the user, whether it requires single sign-on of this user. */
export async function ssoRequirementsOf(db: DbOrTrx, userId: number) {
  const rows = await db
    .selectFrom("memberships")
    .leftJoin("sso_configs", "sso_configs.org_id", "memberships.org_id")
    .select(["memberships.org_id as orgId", "sso_configs.require_sso as requireSso", "sso_configs.break_glass_user_id as breakGlass"])
    .where("memberships.user_id", "=", userId)
    .execute();
  return rows.map((r) => ({ orgId: r.orgId, requiresSsoOfUser: Number(r.requireSso ?? 0) === 1 && r.breakGlass !== userId }));
}

/** Whether an error is a unique-constraint violation (both engines): a domain verified by another organisation meanwhile. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown };
  return e?.code === "23505" || (typeof e?.message === "string" && e.message.includes("UNIQUE constraint failed"));
}

export async function orgSlug(db: DbOrTrx, orgId: number): Promise<string> {
  const r = await db.selectFrom("organizations").select("slug").where("id", "=", orgId).executeTakeFirstOrThrow();
  return r.slug;
}
