// Signing a webhook delivery: HMAC-SHA256 over `${unix seconds}.${body}` with the subscription's
// secret, sent as `Lantern-Signature: t=<unix seconds>,v1=<hex>`. The timestamp is inside the signed
// text, so a receiver that checks it (VERIFY_SNIPPET: within five minutes) refuses an old delivery replayed.
import { createHmac, randomBytes } from "node:crypto";

/** A new signing secret: 32 random bytes, with a prefix that says what it is when it turns up in a config file. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac("sha256", secret).update(`${unixSeconds}.${body}`).digest("hex");
  return `t=${unixSeconds},v1=${mac}`;
}
