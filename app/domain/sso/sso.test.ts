import { describe, expect, it } from "vitest";
import {
  emailDomain,
  isPublicMailDomain,
  issuerProblem,
  normaliseDomain,
  passwordRefused,
  sessionMeetsPolicy,
  tokenRefusalMessage,
  txtRecordsProve,
} from "./sso";

describe("domains", () => {
  it("normalises plain domain names and refuses anything else", () => {
    expect(normaliseDomain(" Acme.COM. ")).toBe("acme.com");
    expect(normaliseDomain("mail.acme.co.uk")).toBe("mail.acme.co.uk");
    for (const bad of ["acme", "-acme.com", "acme..com", "http://acme.com", "acme.com/x", "a b.com", "", "x".repeat(300) + ".com"]) {
      expect(normaliseDomain(bad)).toBeNull();
    }
  });
  it("takes the domain of an email address", () => {
    expect(emailDomain("Jo@Acme.com")).toBe("acme.com");
    expect(emailDomain("no-at-sign")).toBeNull();
    expect(emailDomain("@acme.com")).toBeNull();
  });
  it("knows public mail providers", () => {
    expect(isPublicMailDomain("gmail.com")).toBe(true);
    expect(isPublicMailDomain("acme.com")).toBe(false);
  });
  it("finds the expected TXT value among records split into chunks", () => {
    expect(txtRecordsProve([["v=spf1 -all"], ["lantern-domain-", "verification=abc"]], "lantern-domain-verification=abc")).toBe(true);
    expect(txtRecordsProve([["lantern-domain-verification=abd"]], "lantern-domain-verification=abc")).toBe(false);
  });
});

describe("issuers", () => {
  it("accepts https, and http only on loopback with the test switch", () => {
    expect(issuerProblem("https://login.example.com/tenant/v2.0", false)).toBeNull();
    expect(issuerProblem("http://127.0.0.1:3441", false)).toMatch(/https/);
    expect(issuerProblem("http://127.0.0.1:3441", true)).toBeNull();
    expect(issuerProblem("http://localhost:3441", true)).toBeNull();
    expect(issuerProblem("http://10.0.0.1", true)).toMatch(/https/);
    expect(issuerProblem("http://127.0.0.1.evil.com", true)).toMatch(/https/);
    expect(issuerProblem("https://u:p@example.com", false)).toMatch(/user name/);
    expect(issuerProblem("not a url", false)).toMatch(/full address/);
  });
});

describe("policy", () => {
  const on = { requireSso: true, breakGlassUserId: 9 };
  it("lets any session in when SSO is not required", () => {
    expect(sessionMeetsPolicy(null, 1, { userId: 2, authMethod: "password", ssoOrgId: null })).toBe(true);
    expect(
      sessionMeetsPolicy({ requireSso: false, breakGlassUserId: null }, 1, { userId: 2, authMethod: "password", ssoOrgId: null }),
    ).toBe(true);
  });
  it("when required: only this organisation's SSO sessions, and the break-glass admin", () => {
    expect(sessionMeetsPolicy(on, 1, { userId: 2, authMethod: "password", ssoOrgId: null })).toBe(false);
    expect(sessionMeetsPolicy(on, 1, { userId: 2, authMethod: "sso", ssoOrgId: 7 })).toBe(false);
    expect(sessionMeetsPolicy(on, 1, { userId: 2, authMethod: "sso", ssoOrgId: 1 })).toBe(true);
    expect(sessionMeetsPolicy(on, 1, { userId: 9, authMethod: "password", ssoOrgId: null })).toBe(true);
  });
  it("refuses passwords for SSO-made accounts and when every organisation requires SSO", () => {
    expect(passwordRefused({ ssoOnly: true }, [])).toBe(true);
    expect(passwordRefused({ ssoOnly: false }, [])).toBe(false);
    expect(passwordRefused({ ssoOnly: false }, [{ requiresSsoOfUser: true }])).toBe(true);
    expect(passwordRefused({ ssoOnly: false }, [{ requiresSsoOfUser: true }, { requiresSsoOfUser: false }])).toBe(false);
  });
  it("explains a refused token in words", () => {
    expect(tokenRefusalMessage('unexpected JWT "aud" (audience) claim value')).toMatch(/another application/);
    expect(tokenRefusalMessage('unexpected JWT "exp" (expiration time) claim value, expiration is past current timestamp')).toMatch(
      /expired/,
    );
    expect(tokenRefusalMessage('unexpected ID Token "nonce" claim value')).toMatch(/does not belong/);
  });
});
