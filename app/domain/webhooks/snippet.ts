// The receiver's verification code, shown on the settings page and in the README ("Webhooks"). The
// test (app/lib/webhook-signature.test.ts) runs this very text against real signed deliveries.

export const SIGNATURE_HEADER = "Lantern-Signature";
export const EVENT_ID_HEADER = "Lantern-Event-Id";
export const EVENT_TYPE_HEADER = "Lantern-Event";
export const TOLERANCE_SECONDS = 300;

export const VERIFY_SNIPPET = `const crypto = require("node:crypto");

// header: the Lantern-Signature header; body: the raw request body, exactly as received (a string).
function verifyLantern(header, body, secret, toleranceSeconds = 300) {
  const parts = Object.fromEntries(header.split(",").map((p) => p.trim().split("=", 2)));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
  const expected = crypto.createHmac("sha256", secret).update(\`\${t}.\${body}\`).digest();
  const given = Buffer.from(parts.v1 ?? "", "hex");
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}`;
