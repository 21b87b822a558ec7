// API keys (decision 0013), the pure part: what a key's secret looks like, its scopes, whether a key
// may be used now and when its "last used" time is worth writing again.

/** Every secret starts with this, so a leaked key is recognisable (secret scanners, logs). */
export const KEY_PREFIX = "lnt_";
/** Characters of the secret shown in the list of keys, to tell keys apart (the prefix and 4 random characters). */
export const SHOWN_PREFIX_LENGTH = KEY_PREFIX.length + 4;

export const API_SCOPES = ["read", "write"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** "read,write" → ["read", "write"]; unknown words are dropped. A write key can always read. */
export function parseScopes(text: string): ApiScope[] {
  const words = new Set(text.split(",").map((w) => w.trim()));
  const out = API_SCOPES.filter((s) => words.has(s));
  return out.includes("write") && !out.includes("read") ? ["read", "write"] : out;
}

export function formatScopes(scopes: readonly ApiScope[]): string {
  return parseScopes(scopes.join(",")).join(",");
}

/** True when the text has the shape of a Lantern key (it may still be unknown). */
export function looksLikeKey(text: string): boolean {
  return text.startsWith(KEY_PREFIX) && /^[A-Za-z0-9_-]{30,100}$/.test(text);
}

export interface KeyState {
  revokedAt: string | null;
  expiresAt: string | null;
}

/** Why a key cannot be used at `nowIso`, or null when it can. */
export function unusableReason(k: KeyState, nowIso: string): "revoked" | "expired" | null {
  if (k.revokedAt) return "revoked";
  if (k.expiresAt && k.expiresAt <= nowIso) return "expired";
  return null;
}

/** "Last used" is written at most once a minute per key: every call would be a write on every request. */
export const TOUCH_INTERVAL_MS = 60_000;

export function shouldTouch(lastUsedAt: string | null, nowMs: number): boolean {
  return lastUsedAt === null || nowMs - Date.parse(lastUsedAt) >= TOUCH_INTERVAL_MS;
}
