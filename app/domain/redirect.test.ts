import { describe, expect, it } from "vitest";
import { safeRedirect } from "./redirect";

const FALLBACK = "/o/acme";

describe("safeRedirect", () => {
  it.each([
    // tabs and newlines are dropped by browsers and the URL parser: "/\t/host" becomes "//host"
    "/\t/evil.example",
    "/\t\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/o/acme\r\nSet-Cookie: x=1",
    "\t//evil.example",
    " //evil.example",
    // protocol-relative and backslash forms
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    // paths that normalise to "//host"
    "/.//evil.example",
    "/x/..//evil.example",
    "/%2e//evil.example",
    // absolute URLs and other schemes
    "https://evil.example/",
    "http:evil.example",
    "https:/evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "mailto:a@evil.example",
    // relative paths, empty and odd values
    "evil.example",
    "o/acme",
    "",
    "/\u0000/evil.example",
    "/\u007f",
  ])("refuses %j", (input) => {
    expect(safeRedirect(input, FALLBACK)).toBe(FALLBACK);
  });

  it.each([
    ["/o/acme/suppliers", "/o/acme/suppliers"],
    ["/o/acme/suppliers?tier=2&q=a%20b", "/o/acme/suppliers?tier=2&q=a%20b"],
    ["/o/acme/report#top", "/o/acme/report#top"],
    // encoded slashes stay encoded: the browser reads them as one path segment, on this site
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/%5Cevil.example", "/%5Cevil.example"],
    ["/%09/evil.example", "/%09/evil.example"],
    ["/", "/"],
  ])("keeps the same-origin path %j", (input, expected) => {
    expect(safeRedirect(input, FALLBACK)).toBe(expected);
  });

  it("falls back for anything that is not a string", () => {
    expect(safeRedirect(null, FALLBACK)).toBe(FALLBACK);
    expect(safeRedirect(undefined, FALLBACK)).toBe(FALLBACK);
    expect(safeRedirect(new Blob(["/x"]) as unknown, FALLBACK)).toBe(FALLBACK);
  });

  it("never returns a target a browser would send to another host", () => {
    // whatever comes back, resolving it in a browser-like way stays on the app's origin
    const hostile = ["/\t/evil.example", "/.//evil.example", "//evil.example", "/\\evil.example", "/a/../\\evil"];
    for (const h of hostile) {
      const out = safeRedirect(h, FALLBACK);
      expect(new URL(out, "https://lantern.example").origin, h).toBe("https://lantern.example");
      expect(out.startsWith("//") || out.startsWith("/\\"), h).toBe(false);
    }
  });
});
