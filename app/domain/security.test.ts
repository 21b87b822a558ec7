import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isCrossSiteRequest } from "./security";

const base = { expectedOrigin: "http://localhost:3000", origin: null, secFetchSite: null };

describe("isCrossSiteRequest", () => {
  it("never blocks safe methods", () => {
    expect(isCrossSiteRequest({ ...base, method: "GET", secFetchSite: "cross-site" })).toBe(false);
  });
  it("trusts Sec-Fetch-Site when present", () => {
    expect(isCrossSiteRequest({ ...base, method: "POST", secFetchSite: "same-origin" })).toBe(false);
    expect(isCrossSiteRequest({ ...base, method: "POST", secFetchSite: "cross-site" })).toBe(true);
    expect(isCrossSiteRequest({ ...base, method: "POST", secFetchSite: "same-site" })).toBe(true);
  });
  it("falls back to Origin", () => {
    expect(isCrossSiteRequest({ ...base, method: "POST", origin: "http://localhost:3000" })).toBe(false);
    expect(isCrossSiteRequest({ ...base, method: "DELETE", origin: "https://evil.example" })).toBe(true);
    expect(isCrossSiteRequest({ ...base, method: "POST", origin: "null" })).toBe(true);
  });
  it("allows non-browser clients that send neither header", () => {
    expect(isCrossSiteRequest({ ...base, method: "POST" })).toBe(false);
  });
});

describe("contentSecurityPolicy", () => {
  it("allows only nonce'd inline scripts and forbids framing", () => {
    const csp = contentSecurityPolicy("abc123");
    expect(csp).toContain("script-src 'self' 'nonce-abc123'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
  });
});
