import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes, base64url: for session cookies, invite and reset links. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Only this hash is stored, so a database leak does not leak live tokens. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newNonce(): string {
  return randomBytes(16).toString("base64");
}
