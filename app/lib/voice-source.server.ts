// A reporter's source for rate limits, never the address itself: an HMAC of the address (IPv6 by its
// /64, as for logins) under a key of the day. The key is random, shared by the app servers through the
// database and deleted when the day is over, so yesterday's hashes cannot be linked to anything.
import { createHmac, randomBytes } from "node:crypto";
import { clientSource } from "~/domain/security";
import { dailySourceKey } from "~/models/voice-channel.server";
import type { DbOrTrx } from "~/models/types";
import type { Limit } from "~/lib/rate-limit.server";

let cached: { day: string; key: string } | null = null;

export async function sourceHash(db: DbOrTrx, ip: string, now = new Date()): Promise<string> {
  const day = now.toISOString().slice(0, 10);
  if (cached?.day !== day) cached = { day, key: await dailySourceKey(db, day, randomBytes(32).toString("base64url")) };
  return createHmac("sha256", cached.key).update(clientSource(ip)).digest("base64url").slice(0, 32);
}

/** Tests: forget the cached key. */
export function forgetSourceKey(): void {
  cached = null;
}

// Reports per source (the hash above): a few an hour, a handful a day, so one phone cannot flood
// officers; and per channel, so a crowd of sources cannot either. Opening a case with its passphrase:
// per source and per case number, so passphrases cannot be guessed.
export const VOICE_SOURCE_HOUR: Limit = { bucket: "voice-source-hour", limit: 5, windowMs: 60 * 60_000 };
export const VOICE_SOURCE_DAY: Limit = { bucket: "voice-source-day", limit: 20, windowMs: 24 * 60 * 60_000 };
export const VOICE_CHANNEL_HOUR: Limit = { bucket: "voice-channel-hour", limit: 60, windowMs: 60 * 60_000 };
export const VOICE_CASE_SOURCE: Limit = { bucket: "voice-case-source", limit: 20, windowMs: 15 * 60_000 };
export const VOICE_CASE_NUMBER: Limit = { bucket: "voice-case-number", limit: 10, windowMs: 60 * 60_000 };
