import { json } from "@remix-run/node";
import type { DbOrTrx } from "~/models/types";
import { addHit, clearHits, countHits } from "~/models/rate-limit.server";
import { clientSource } from "~/domain/security";

export interface Limit {
  bucket: string;
  limit: number;
  windowMs: number;
}

// Login failures are counted per source (an IPv4 address or an IPv6 /64, see clientSource) over all
// accounts — 10 a minute and 100 an hour — and per account AND source together: 5 in 15 minutes.
// Never per account alone: a stranger who knows an address must not be able to lock its owner out
// (the owner logs in from another source). See SECURITY.md, "Login throttling".
export const LOGIN_IP: Limit = { bucket: "login-ip", limit: 10, windowMs: 60_000 };
export const LOGIN_IP_HOUR: Limit = { bucket: "login-ip-hour", limit: 100, windowMs: 60 * 60_000 };
export const LOGIN_ACCOUNT_SOURCE: Limit = { bucket: "login-account-source", limit: 5, windowMs: 15 * 60_000 };
// Wrong current passwords on the account page (the caller is already signed in as that account).
export const LOGIN_ACCOUNT: Limit = { bucket: "login-account", limit: 5, windowMs: 15 * 60_000 };

/** The limits a log-in attempt for `email` from `ip` is checked and counted against. */
export function loginLimits(email: string, ip: string): Array<[Limit, string]> {
  const source = clientSource(ip);
  return [
    [LOGIN_IP, source],
    [LOGIN_IP_HOUR, source],
    [LOGIN_ACCOUNT_SOURCE, `${email.toLowerCase()} ${source}`],
  ];
}
// Mails sent on request of an anonymous visitor (sign-up, password reset): per IP and per address.
export const MAIL_IP: Limit = { bucket: "mail-ip", limit: 10, windowMs: 15 * 60_000 };
export const MAIL_ADDRESS: Limit = { bucket: "mail-address", limit: 3, windowMs: 15 * 60_000 };

/** Seconds until a new attempt is allowed, or 0 when the key is under its limit. */
export async function retryAfterSeconds(db: DbOrTrx, l: Limit, key: string, nowMs = Date.now()): Promise<number> {
  const w = await countHits(db, l.bucket, key, nowMs - l.windowMs);
  if (w.count < l.limit || w.oldestMs == null) return 0;
  return Math.max(1, Math.ceil((w.oldestMs + l.windowMs - nowMs) / 1000));
}

export async function hit(db: DbOrTrx, l: Limit, key: string, nowMs = Date.now()): Promise<void> {
  await addHit(db, l.bucket, key, nowMs);
}

export async function reset(db: DbOrTrx, l: Limit, key: string): Promise<void> {
  await clearHits(db, l.bucket, key);
}

/** The worst Retry-After over several limits (0 when none is exceeded). */
export async function checkAll(db: DbOrTrx, checks: Array<[Limit, string]>, nowMs = Date.now()): Promise<number> {
  let worst = 0;
  for (const [l, key] of checks) worst = Math.max(worst, await retryAfterSeconds(db, l, key, nowMs));
  return worst;
}

export function tooManyRequests(retryAfter: number, message = "Too many attempts. Please wait and try again.") {
  return json(
    { formError: `${message} You can try again in ${retryAfter} seconds.` },
    { status: 429, headers: { "Retry-After": String(retryAfter) } },
  );
}

/**
 * Remix passes an action's headers into a document (non-JS) response only through the route's
 * `headers` export: routes that can answer 429 re-export this so Retry-After always reaches the client.
 */
export function retryAfterHeaders({ actionHeaders }: { actionHeaders: Headers }): Record<string, string> {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : {};
}

// Supplier invite links: opening links and asking for a new one, per IP.
export const INVITE_IP: Limit = { bucket: "invite-ip", limit: 30, windowMs: 15 * 60_000 };
export const INVITE_RESEND: Limit = { bucket: "invite-resend", limit: 3, windowMs: 60 * 60_000 };

// Team invitations (/join/<token>): opening and accepting, per IP.
export const TEAM_INVITE_IP: Limit = { bucket: "team-invite-ip", limit: 30, windowMs: 15 * 60_000 };

// Uploads (evidence and corrective-action files): files per client IP, and per uploader (an officer,
// or a supplier's portal session, which reaches one assessment). Checked before the body is read,
// so a flood is refused without parsing it.
export const UPLOAD_IP: Limit = { bucket: "upload-ip", limit: 60, windowMs: 10 * 60_000 };
export const UPLOAD_UPLOADER: Limit = { bucket: "upload-uploader", limit: 60, windowMs: 10 * 60_000 };

export interface Uploader {
  ip: string;
  /** "user:<id>" for an officer, "assessment:<id>" for a supplier's portal session. */
  who: string;
}

/** Seconds to wait before this uploader may upload again (0 when under both limits). */
export async function uploadWait(db: DbOrTrx, u: Uploader, nowMs = Date.now()): Promise<number> {
  return checkAll(
    db,
    [
      [UPLOAD_IP, u.ip],
      [UPLOAD_UPLOADER, u.who],
    ],
    nowMs,
  );
}

/** Counts files against both upload limits (every attempt counts, accepted or not). */
export async function countUploads(db: DbOrTrx, u: Uploader, files: number, nowMs = Date.now()): Promise<void> {
  for (let i = 0; i < files; i++) {
    await hit(db, UPLOAD_IP, u.ip, nowMs);
    await hit(db, UPLOAD_UPLOADER, u.who, nowMs);
  }
}

export function tooManyUploadsMessage(retryAfter: number): string {
  return `Too many uploads in a short time. You can upload again in ${retryAfter} seconds.`;
}
