// Secrets the app must read back (an identity provider's client secret): sealed with AES-256-GCM under a
// key derived from SECRET_KEY (HKDF-SHA256), so a copy of the database alone does not reveal them.
// Without SECRET_KEY they are stored as entered, marked "plain:" (decision 0015); sealing then starts
// with the next save once the key is set.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "./env.server";

const INFO = "lantern secret-box v1";

function keyFrom(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "lantern", INFO, 32));
}

export function sealSecret(plain: string, secret = env().SECRET_KEY): string {
  if (!secret) return `plain:${plain}`;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFrom(secret), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(":");
}

/** The secret, or null when it cannot be opened (sealed under another SECRET_KEY, or none is set now). */
export function openSecret(stored: string, secret = env().SECRET_KEY): string | null {
  if (stored.startsWith("plain:")) return stored.slice("plain:".length);
  const [v, iv, tag, body] = stored.split(":");
  if (v !== "v1" || !iv || !tag || body === undefined || !secret) return null;
  try {
    const d = createDecipheriv("aes-256-gcm", keyFrom(secret), Buffer.from(iv, "base64url"));
    d.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([d.update(Buffer.from(body, "base64url")), d.final()]).toString("utf8");
  } catch {
    return null;
  }
}

export function isSealed(stored: string): boolean {
  return stored.startsWith("v1:");
}
