import { describe, expect, it } from "vitest";
import { redactLinkTokens } from "./links";

const T = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde";

describe("redactLinkTokens", () => {
  it("removes every single-use token from the links of a mail body", () => {
    const body = `Open it:\n\nhttp://localhost:3000/s/${T}\n\nor https://x.example/join/${T}. Reset: https://x.example/reset-password/${T}?a=1 and (http://h/signup/confirm/${T})`;
    const out = redactLinkTokens(body);
    expect(out).not.toContain(T);
    expect(out).toBe(
      "Open it:\n\nhttp://localhost:3000/s/[link removed]\n\nor https://x.example/join/[link removed]. Reset: https://x.example/reset-password/[link removed]?a=1 and (http://h/signup/confirm/[link removed])",
    );
  });
  it("keeps ordinary links and text", () => {
    const body = "See http://localhost:3000/o/acme/suppliers?page=2 and a 43-character word " + T + " outside a link.";
    expect(redactLinkTokens(body)).toBe(body);
  });
});
