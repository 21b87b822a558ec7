// The single sign-on settings of one organisation (admins): the identity provider, the email domains
// it may sign in, and "require single sign-on". Every change is in the audit log.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import type { OrgIdentity } from "~/lib/auth.server";
import type { Role } from "~/domain/permissions";
import { fail, ok, type Result } from "~/domain/result";
import { dnsRecordName, dnsRecordValue, isPublicMailDomain, txtRecordsProve, type ProofMailbox } from "~/domain/sso/sso";
import { hashToken, newToken } from "~/lib/crypto.server";
import { env } from "~/lib/env.server";
import { addMinutes, nowIso } from "~/lib/time";
import { kickMailDelivery } from "~/lib/mail.server";
import { resolveTxt } from "~/lib/dns.server";
import { checkIssuer, discover, OidcSetupError, redirectUri } from "~/lib/oidc.server";
import { isSealed, openSecret, sealSecret } from "~/lib/secret-box.server";
import { recordAudit } from "~/models/audit.server";
import { enqueueMail } from "~/models/outbox.server";
import { getMemberRole, listMembers } from "~/models/org.server";
import {
  deleteDomain,
  domainVerifiedByOther,
  findDomainByMailToken,
  endSessionsOutsidePolicy,
  findDomain,
  getSsoConfig,
  insertDomain,
  isUniqueViolation,
  listDomains,
  markDomainVerified,
  setDomainMailToken,
  setRequireSso,
  upsertSsoConfig,
} from "~/models/sso.server";
import { asSystem, systemPath } from "~db/scope";
import { ssoDomainProofMail } from "./mail-templates";

type DB = Kysely<Database>;
const MAIL_PROOF_HOURS = 24;
const TAKEN = "Another organisation has already verified this domain for single sign-on.";

function actor(id: OrgIdentity, ip: string) {
  return { orgId: id.org.id, actorUserId: id.user.userId, actorLabel: id.user.email, ip };
}

export async function ssoSettingsPage(db: DB, id: OrgIdentity) {
  const [config, domains, members] = await Promise.all([
    getSsoConfig(db, id.org.id),
    listDomains(db, id.org.id),
    listMembers(db, id.org.id),
  ]);
  return {
    redirectUri: redirectUri(),
    config: config
      ? {
          issuer: config.issuer,
          clientId: config.client_id,
          defaultRole: config.default_role,
          secretStored: true,
          secretSealed: isSealed(config.client_secret),
          secretReadable: openSecret(config.client_secret) !== null,
          requireSso: Number(config.require_sso) === 1,
          breakGlassUserId: config.break_glass_user_id,
        }
      : null,
    domains: domains.map((d) => ({
      id: d.id,
      domain: d.domain,
      verifiedAt: d.verified_at,
      verifiedBy: d.verified_by,
      mailSentUntil: d.mail_expires_at,
      recordName: dnsRecordName(d.domain),
      recordValue: dnsRecordValue(d.dns_token),
    })),
    admins: members.filter((m) => m.role === "admin").map((m) => ({ userId: m.userId, name: m.name, email: m.email })),
  };
}

export async function saveSsoConfig(
  db: DB,
  id: OrgIdentity,
  input: { issuer: string; clientId: string; clientSecret: string; defaultRole: Role },
  ip: string,
): Promise<Result> {
  const problem = checkIssuer(input.issuer);
  if (problem) return fail("invalid", problem, { field: "issuer" });
  const existing = await getSsoConfig(db, id.org.id);
  if (!input.clientSecret && !existing) return fail("invalid", "Enter the client secret", { field: "clientSecret" });
  const secret = input.clientSecret ? sealSecret(input.clientSecret) : existing!.client_secret;
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    await upsertSsoConfig(trx, id.org.id, { ...input, clientSecret: secret, by: id.user.userId, at });
    // The secret itself is never written to the log, only that it changed.
    const diff = {
      issuer: input.issuer,
      clientId: input.clientId,
      defaultRole: input.defaultRole,
      secretChanged: Boolean(input.clientSecret),
    };
    await recordAudit(trx, { ...actor(id, ip), action: "sso.config_saved", entity: "sso_config", entityId: id.org.id, diff });
  });
  return ok();
}

/** Reads the provider's discovery document with the stored settings: the admin's "test the connection". */
export async function testSsoConfig(db: DB, id: OrgIdentity): Promise<Result<{ issuer: string }>> {
  const config = await getSsoConfig(db, id.org.id);
  if (!config) return fail("invalid", "Save the identity provider's settings first.");
  const secret = openSecret(config.client_secret);
  if (secret === null) return fail("invalid", "The stored client secret cannot be read (SECRET_KEY changed). Enter it again.");
  try {
    const c = await discover(config.issuer, config.client_id, secret);
    return ok({ issuer: c.serverMetadata().issuer });
  } catch (err) {
    return fail("invalid", err instanceof OidcSetupError ? err.message : "The identity provider could not be reached.");
  }
}

export async function addDomain(db: DB, id: OrgIdentity, domain: string, ip: string): Promise<Result> {
  if (isPublicMailDomain(domain)) {
    return fail("invalid", `${domain} is a public mail provider: anyone can have an address there. Add your company's own domain.`, {
      field: "domain",
    });
  }
  if (await asSystem("sso: is a domain verified by another organisation", () => domainVerifiedByOther(db, domain, id.org.id))) {
    return fail("conflict", TAKEN, { field: "domain" });
  }
  if ((await listDomains(db, id.org.id)).some((d) => d.domain === domain))
    return fail("conflict", `${domain} is already listed.`, { field: "domain" });
  await db.transaction().execute(async (trx) => {
    await insertDomain(trx, id.org.id, { domain, dnsToken: newToken(), at: nowIso() });
    await recordAudit(trx, { ...actor(id, ip), action: "sso.domain_added", entity: "sso_domain", entityId: domain });
  });
  return ok();
}

async function verify(
  db: DB,
  id: { orgId: number; actor: ReturnType<typeof actor> | null },
  d: { id: number; domain: string },
  how: "dns" | "mail",
) {
  try {
    await markDomainVerified(db, id.orgId, d.id, how, nowIso());
  } catch (err) {
    if (isUniqueViolation(err)) return fail("conflict", TAKEN);
    throw err;
  }
  const who = id.actor ?? { orgId: id.orgId, actorUserId: null, actorLabel: `mail to the domain ${d.domain}`, ip: null };
  await recordAudit(db, { ...who, action: "sso.domain_verified", entity: "sso_domain", entityId: d.domain, diff: { by: how } });
  return ok();
}

export async function checkDomainDns(db: DB, id: OrgIdentity, domainId: number, ip: string): Promise<Result<{ verified: boolean }>> {
  const d = await findDomain(db, id.org.id, domainId);
  if (!d) return fail("not_found", "No such domain");
  if (d.verified_at) return ok({ verified: true });
  const records = await resolveTxt(dnsRecordName(d.domain));
  if (!txtRecordsProve(records, dnsRecordValue(d.dns_token))) {
    return fail("invalid", `No TXT record ${dnsRecordName(d.domain)} with the expected value was found yet. DNS changes can take a while.`);
  }
  const r = await verify(db, { orgId: id.org.id, actor: actor(id, ip) }, d, "dns");
  return r.ok ? ok({ verified: true }) : r;
}

export async function mailDomainProof(
  db: DB,
  id: OrgIdentity,
  domainId: number,
  mailbox: ProofMailbox,
  ip: string,
): Promise<Result<{ to: string }>> {
  const d = await findDomain(db, id.org.id, domainId);
  if (!d) return fail("not_found", "No such domain");
  if (d.verified_at) return fail("conflict", `${d.domain} is already verified.`);
  const token = newToken();
  const to = `${mailbox}@${d.domain}`;
  await db.transaction().execute(async (trx) => {
    await setDomainMailToken(trx, id.org.id, d.id, hashToken(token), nowIso(addMinutes(new Date(), MAIL_PROOF_HOURS * 60)));
    const mail = ssoDomainProofMail({
      orgName: id.org.name,
      domain: d.domain,
      requester: id.user.email,
      link: `${env().appUrl}/sso/domain/${token}`,
    });
    await enqueueMail(trx, { orgId: id.org.id, kind: "sso-domain-proof", to, ...mail });
    await recordAudit(trx, { ...actor(id, ip), action: "sso.domain_mail_sent", entity: "sso_domain", entityId: d.domain, diff: { to } });
  });
  kickMailDelivery(db);
  return ok({ to });
}

export async function removeDomain(db: DB, id: OrgIdentity, domainId: number, ip: string): Promise<Result> {
  const d = await findDomain(db, id.org.id, domainId);
  if (!d) return fail("not_found", "No such domain");
  await db.transaction().execute(async (trx) => {
    await deleteDomain(trx, id.org.id, d.id);
    await recordAudit(trx, { ...actor(id, ip), action: "sso.domain_removed", entity: "sso_domain", entityId: d.domain });
  });
  return ok();
}

/**
 * Turns "require single sign-on" on or off. On: everyone but the named break-glass admin must sign in
 * through the identity provider, and their other sessions (password, or another organisation's
 * single sign-on) end in the same transaction.
 */
export async function setSsoRequired(
  db: DB,
  id: OrgIdentity,
  input: { requireSso: boolean; breakGlassUserId: number | null },
  ip: string,
): Promise<Result<{ sessionsEnded: number }>> {
  const config = await getSsoConfig(db, id.org.id);
  if (!config) return fail("invalid", "Set up the identity provider first.");
  if (input.requireSso) {
    if (input.breakGlassUserId === null)
      return fail("invalid", "Choose the break-glass admin who may still log in with a password.", { field: "breakGlassUserId" });
    if ((await getMemberRole(db, id.org.id, input.breakGlassUserId)) !== "admin") {
      return fail("invalid", "The break-glass account must be an admin of this organisation.", { field: "breakGlassUserId" });
    }
    if (!(await listDomains(db, id.org.id)).some((d) => d.verified_at)) return fail("invalid", "Verify at least one email domain first.");
  }
  const breakGlass = input.requireSso ? input.breakGlassUserId : null;
  return db.transaction().execute(async (trx) => {
    await setRequireSso(trx, id.org.id, { on: input.requireSso, breakGlassUserId: breakGlass, by: id.user.userId, at: nowIso() });
    const sessionsEnded = input.requireSso ? await endSessionsOutsidePolicy(trx, id.org.id, breakGlass) : 0;
    const diff = { requireSso: input.requireSso, breakGlassUserId: breakGlass, sessionsEnded };
    await recordAudit(trx, { ...actor(id, ip), action: "sso.requirement_changed", entity: "sso_config", entityId: id.org.id, diff });
    return ok({ sessionsEnded });
  });
}

const LINK_GONE = "This link has expired or was used already. Ask your Lantern admin to send a new one.";

async function findMailProof(db: DB, token: string) {
  const d = await findDomainByMailToken(db, hashToken(token));
  return d && d.mail_expires_at && d.mail_expires_at >= nowIso() ? d : null;
}

/** What a mailed domain-proof link asks (the page shows it before the person at the domain confirms). */
export const describeDomainProof = systemPath(
  "sso: a mailed domain-proof link (before a tenant is known)",
  async (db: DB, token: string) => {
    const d = await findMailProof(db, token);
    return d ? { domain: d.domain, orgName: d.orgName } : null;
  },
);

export const confirmDomainProof = systemPath(
  "sso: a mailed domain-proof link verifies the domain",
  async (db: DB, token: string): Promise<Result<{ domain: string; orgName: string }>> => {
    const d = await findMailProof(db, token);
    if (!d) return fail("gone", LINK_GONE);
    const r = await verify(db, { orgId: d.org_id, actor: null }, d, "mail");
    return r.ok ? ok({ domain: d.domain, orgName: d.orgName }) : r;
  },
);
