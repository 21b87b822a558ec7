// Single-use tokens in mail bodies. A token (32 random bytes, base64url: 43 characters) is a whole
// path segment of a link in the mail. Once a mail is delivered, or when a body is shown to anyone
// but its recipient (the outbox page), the token is removed: whoever holds it could accept an
// invitation for an address they do not own, or answer as the supplier.
// db/migrations/2026-12-06T0300_revoke_exposed_tokens.ts keeps a frozen copy of this pattern.

const TOKEN_IN_URL = /(https?:\/\/[^\s]*?\/)([A-Za-z0-9_-]{43})(?=$|[\s/?#.,;:)\]>"'])/g;
export const LINK_REMOVED = "[link removed]";

export function redactLinkTokens(text: string): string {
  return text.replace(TOKEN_IN_URL, (_all, prefix: string) => `${prefix}${LINK_REMOVED}`);
}
