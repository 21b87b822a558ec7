// Single sign-on rules that need no I/O: which domains may be claimed, which issuers may be used,
// which mailbox proves a domain, and whether a session may open an organisation's pages.

/** Mail providers anyone can get an address at: owning a mailbox there proves nothing about a company. */
const PUBLIC_MAIL_DOMAINS = new Set([
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "msn.com",
  "yahoo.com",
  "icloud.com",
  "me.com",
  "aol.com",
  "proton.me",
  "protonmail.com",
  "gmx.com",
  "gmx.de",
  "web.de",
  "mail.com",
  "yandex.com",
  "qq.com",
  "163.com",
]);

/** RFC 2142 role mailboxes: only someone who runs the domain's mail can read these. */
export const DOMAIN_PROOF_MAILBOXES = ["admin", "administrator", "hostmaster", "postmaster", "webmaster"] as const;
export type ProofMailbox = (typeof DOMAIN_PROOF_MAILBOXES)[number];

const DOMAIN_RE = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** A domain as stored (lower case, no trailing dot), or null when it is not a plain domain name. */
export function normaliseDomain(input: string): string | null {
  const d = input.trim().toLowerCase().replace(/\.$/, "");
  return DOMAIN_RE.test(d) ? d : null;
}

export function isPublicMailDomain(domain: string): boolean {
  return PUBLIC_MAIL_DOMAINS.has(domain);
}

/** The domain part of an email address, normalised, or null. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf("@");
  return at > 0 ? normaliseDomain(email.slice(at + 1)) : null;
}

/** The DNS name an admin publishes the TXT record at, and the record's value. */
export function dnsRecordName(domain: string): string {
  return `_lantern-challenge.${domain}`;
}
export function dnsRecordValue(token: string): string {
  return `lantern-domain-verification=${token}`;
}

/** Whether TXT records (each a list of chunks, as resolvers return them) hold the expected value. */
export function txtRecordsProve(records: string[][], expected: string): boolean {
  return records.some((chunks) => chunks.join("").trim() === expected);
}

function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "");
  return h === "localhost" || h === "::1" || /^127(?:\.\d{1,3}){3}$/.test(h);
}

/**
 * Whether an issuer URL may be used: https always; plain http only on loopback and only when the
 * test-only switch is on. Anything else (credentials in the URL, a query, a fragment) is refused.
 */
export function issuerProblem(issuer: string, allowHttpLoopback: boolean): string | null {
  let u: URL;
  try {
    u = new URL(issuer);
  } catch {
    return "Enter the issuer as a full address, e.g. https://login.example.com/";
  }
  if (u.username || u.password || u.search || u.hash) return "The issuer address must not contain a user name, a query or a fragment";
  if (u.protocol === "https:") return null;
  if (u.protocol === "http:" && allowHttpLoopback && isLoopbackHost(u.hostname)) return null;
  return "The issuer must be an https address";
}

export function isHttpLoopbackIssuer(issuer: string): boolean {
  try {
    const u = new URL(issuer);
    return u.protocol === "http:" && isLoopbackHost(u.hostname);
  } catch {
    return false;
  }
}

export interface SsoPolicy {
  requireSso: boolean;
  breakGlassUserId: number | null;
}

export interface SessionOrigin {
  userId: number;
  authMethod: "password" | "sso";
  ssoOrgId: number | null;
}

/** Whether a session may open an organisation's pages under its single sign-on policy. */
export function sessionMeetsPolicy(policy: SsoPolicy | null, orgId: number, s: SessionOrigin): boolean {
  if (!policy?.requireSso) return true;
  if (policy.breakGlassUserId === s.userId) return true;
  return s.authMethod === "sso" && s.ssoOrgId === orgId;
}

/**
 * Whether a password log-in (or a new password) is refused: an account made by single sign-on has no
 * password; an account whose every organisation requires single sign-on of it must use that.
 */
export function passwordRefused(user: { ssoOnly: boolean }, orgs: Array<{ requiresSsoOfUser: boolean }>): boolean {
  if (user.ssoOnly) return true;
  return orgs.length > 0 && orgs.every((o) => o.requiresSsoOfUser);
}

/** The stored password hash of an account made by single sign-on: never a valid argon2 hash. */
export const SSO_ONLY_PASSWORD_HASH = "!sso-only";

/** What a refused ID token means to the person signing in (the library's reason stays in the log). */
export function tokenRefusalMessage(reason: string): string {
  if (/"aud"|audience/i.test(reason))
    return "The identity provider's answer was meant for another application. Ask your admin to check the client id.";
  if (/"exp"|expir/i.test(reason)) return "The identity provider's answer has expired. Try signing in again.";
  if (/nonce/i.test(reason)) return "The identity provider's answer does not belong to this sign-in. Try signing in again.";
  if (/"iss"|issuer/i.test(reason))
    return "The identity provider's answer came from another issuer. Ask your admin to check the issuer address.";
  if (/state/i.test(reason)) return "This sign-in was already used or has expired. Start again.";
  return "The identity provider's answer could not be accepted. Try signing in again, or ask your admin.";
}
