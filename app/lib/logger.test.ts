import { describe, expect, it } from "vitest";
import { isUnloggedPath, redactPath } from "./logger.server";

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
  it("redacts the token however the path is spelled, as long as the router would still serve it", () => {
    const t = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde";
    // the router decodes percent-escapes and matches case-insensitively: /S/<t> and /%73/<t> are /s/<t>
    const variants: Array<[string, string]> = [
      [`/S/${t}`, "/s/…"],
      [`/%73/${t}`, "/s/…"],
      [`/%53/${t}?_data=routes%2Fs.%24token`, "/s/…?_data=routes%2Fs.%24token"],
      [`/JOIN/${t}`, "/join/…"],
      [`/%6Aoin/${t}`, "/join/…"],
      [`/Reset-Password/${t}`, "/reset-password/…"],
      [`/reset%2Dpassword/${t}`, "/reset-password/…"],
      [`/SIGNUP/Confirm/${t}`, "/signup/confirm/…"],
      [`/signup/%63onfirm/${t}`, "/signup/confirm/…"],
      [`/s/${t}/`, "/s/…/"],
      [`//s/${t}`, "/s/…"],
      [`/s/${encodeURIComponent(t).replace(/A/g, "%41")}`, "/s/…"],
      [`/x?%74oken=${t}&a=1`, "/x?%74oken=…&a=1"],
      [`/x?T=${t}`, "/x?T=…"],
    ];
    for (const [input, expected] of variants) {
      const out = redactPath(input);
      expect(out, input).toBe(expected);
      expect(out, input).not.toContain(t.slice(1, 20));
    }
  });
  it("keeps the portal (not a token) readable however it is spelled", () => {
    expect(redactPath("/S/portal/answer")).toBe("/s/portal/answer");
  });
  it("keeps ordinary paths readable", () => {
    expect(redactPath("/s/portal?section=p1")).toBe("/s/portal?section=p1");
    expect(redactPath("/s/portal/answer")).toBe("/s/portal/answer");
    expect(redactPath("/o/acme/suppliers?page=2")).toBe("/o/acme/suppliers?page=2");
  });
});

describe("the worker-voice paths", () => {
  it("are never logged, however the path is spelled", () => {
    for (const p of ["/v/abcd2345", "/V/abcd2345/case?lang=bn", "//v/x", "/%76/abcd2345"]) expect(isUnloggedPath(p), p).toBe(true);
    for (const p of ["/", "/vv/x", "/o/acme/voice", "/s/portal"]) expect(isUnloggedPath(p), p).toBe(false);
  });
});
