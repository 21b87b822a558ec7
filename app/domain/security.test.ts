import { describe, expect, it } from "vitest";
import { clientSource, contentSecurityPolicy, isCrossSiteRequest } from "./security";

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

describe("clientSource", () => {
  it("keeps an IPv4 address, also when written as IPv4-mapped IPv6", () => {
    expect(clientSource("192.0.2.7")).toBe("192.0.2.7");
    expect(clientSource("::ffff:192.0.2.7")).toBe("192.0.2.7");
  });
  it("groups IPv6 addresses by /64, the block one subscriber usually holds", () => {
    expect(clientSource("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(clientSource("2001:0DB8:0001:0002:ffff:1:2:3")).toBe("2001:db8:1:2::/64");
    expect(clientSource("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(clientSource("::1")).toBe("0:0:0:0::/64");
    expect(clientSource("2001:db8:1:3::1")).not.toBe(clientSource("2001:db8:1:2::1"));
  });
  it("keeps anything else as it is", () => {
    expect(clientSource("unknown")).toBe("unknown");
  });
});
