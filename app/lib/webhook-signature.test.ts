// The documented verification snippet (settings page and README) is run as written against signatures
// made by the delivery code: it accepts a genuine delivery and refuses a changed body, another secret,
// and a delivery older than its tolerance (a replay).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { VERIFY_SNIPPET } from "~/domain/webhooks/snippet";
import { newWebhookSecret, signatureHeader } from "./webhook-signature.server";

type Verify = (header: string, body: string, secret: string, toleranceSeconds?: number) => boolean;
// The documented snippet itself, run as written.
const verifyLantern = new Function("require", `${VERIFY_SNIPPET}\nreturn verifyLantern;`)(createRequire(import.meta.url)) as Verify;

describe("webhook signatures and the documented verification snippet", () => {
  const body = JSON.stringify({ version: 1, id: "evt_1", type: "webhook.test", data: { a: "é" } });
  const now = Math.floor(Date.now() / 1000);

  it("accepts a genuine delivery", () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(verifyLantern(signatureHeader(secret, body, now), body, secret)).toBe(true);
  });

  it("refuses a changed body, another secret, a garbled header and an old timestamp", () => {
    const secret = newWebhookSecret();
    const header = signatureHeader(secret, body, now);
    expect(verifyLantern(header, body.replace("evt_1", "evt_2"), secret)).toBe(false);
    expect(verifyLantern(header, body, newWebhookSecret())).toBe(false);
    expect(verifyLantern("t=abc,v1=00", body, secret)).toBe(false);
    expect(verifyLantern(`t=${now}`, body, secret)).toBe(false);
    expect(verifyLantern(header.replace(/t=\d+/, `t=${now + 1}`), body, secret)).toBe(false);
    const old = now - 301;
    expect(verifyLantern(signatureHeader(secret, body, old), body, secret)).toBe(false);
    expect(verifyLantern(signatureHeader(secret, body, old), body, secret, 600)).toBe(true);
  });

  it("signs the timestamp, a dot and the body with HMAC-SHA256 (hex)", () => {
    // openssl dgst -sha256 -hmac whsec_test <<< -n "1700000000.{}"
    expect(signatureHeader("whsec_test", "{}", 1700000000)).toBe(
      "t=1700000000,v1=35495024f4ef3f94e5a93e22221544c4b75e9a42300cd965ab81cb85cd994e91",
    );
  });

  it("is the snippet printed in the README", () => {
    const readme = readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
    expect(readme).toContain(VERIFY_SNIPPET);
  });
});
