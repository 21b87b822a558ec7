import { describe, expect, it } from "vitest";
import { redactPath } from "./logger.server";

describe("redactPath", () => {
  it("never lets a link token reach the logs", () => {
    const t = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde";
    expect(redactPath(`/s/${t}`)).toBe("/s/…");
    expect(redactPath(`/s/${t}?_data=routes%2Fs.%24token`)).toBe("/s/…?_data=routes%2Fs.%24token");
    expect(redactPath(`/join/${t}`)).toBe("/join/…");
    expect(redactPath(`/reset-password/${t}`)).toBe("/reset-password/…");
    expect(redactPath(`/signup/confirm/${t}`)).toBe("/signup/confirm/…");
    expect(redactPath(`/x?token=${t}&a=1`)).toBe("/x?token=…&a=1");
  });
  it("keeps ordinary paths readable", () => {
    expect(redactPath("/s/portal?section=p1")).toBe("/s/portal?section=p1");
    expect(redactPath("/s/portal/answer")).toBe("/s/portal/answer");
    expect(redactPath("/o/acme/suppliers?page=2")).toBe("/o/acme/suppliers?page=2");
  });
});
