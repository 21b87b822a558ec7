import { describe, expect, it } from "vitest";
import { isSealed, openSecret, sealSecret } from "./secret-box.server";

const KEY = "k".repeat(40);

describe("secret box", () => {
  it("seals under SECRET_KEY so the stored value does not contain the secret, and opens it again", () => {
    const sealed = sealSecret("client-secret-123", KEY);
    expect(sealed).not.toContain("client-secret-123");
    expect(isSealed(sealed)).toBe(true);
    expect(openSecret(sealed, KEY)).toBe("client-secret-123");
  });

  it("does not open under another key, nor a tampered value", () => {
    const sealed = sealSecret("s3cret", KEY);
    expect(openSecret(sealed, "x".repeat(40))).toBeNull();
    const parts = sealed.split(":");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(openSecret(parts.join(":"), KEY)).toBeNull();
    expect(openSecret(sealed, undefined)).toBeNull();
  });

  it("without a key, stores the value marked as plain", () => {
    expect(sealSecret("abc", undefined)).toBe("plain:abc");
    expect(openSecret("plain:abc", undefined)).toBe("abc");
  });
});
