import { describe, expect, it } from "vitest";
import { looksLikeKey, parseScopes, shouldTouch, unusableReason } from "./keys";
import { FixedWindowLimiter, rateLimitHeaders } from "./rate-limit";
import { etagOf, versionOfIfMatch } from "./etag";
import { decodeApiCursor, encodeApiCursor } from "./cursor";
import { grievanceCounts, smallCount } from "./counts";

describe("api keys", () => {
  it("reads scopes; a write key also reads; unknown words are dropped", () => {
    expect(parseScopes("read")).toEqual(["read"]);
    expect(parseScopes("write")).toEqual(["read", "write"]);
    expect(parseScopes("admin,read")).toEqual(["read"]);
  });
  it("recognises the key shape", () => {
    expect(looksLikeKey("lnt_" + "a".repeat(43))).toBe(true);
    expect(looksLikeKey("ghp_" + "a".repeat(43))).toBe(false);
    expect(looksLikeKey("lnt_short")).toBe(false);
  });
  it("refuses revoked and expired keys", () => {
    const now = "2026-12-07T12:00:00.000Z";
    expect(unusableReason({ revokedAt: null, expiresAt: null }, now)).toBeNull();
    expect(unusableReason({ revokedAt: now, expiresAt: null }, now)).toBe("revoked");
    expect(unusableReason({ revokedAt: null, expiresAt: "2026-12-07T11:59:59.999Z" }, now)).toBe("expired");
    expect(unusableReason({ revokedAt: null, expiresAt: "2026-12-08T00:00:00.000Z" }, now)).toBeNull();
  });
  it("writes last used at most once a minute", () => {
    const t = Date.parse("2026-12-07T12:00:00.000Z");
    expect(shouldTouch(null, t)).toBe(true);
    expect(shouldTouch("2026-12-07T11:59:30.000Z", t)).toBe(false);
    expect(shouldTouch("2026-12-07T11:59:00.000Z", t)).toBe(true);
  });
});

describe("rate limits", () => {
  it("allows the limit per window, then refuses until the window resets, with IETF headers", () => {
    const l = new FixedWindowLimiter(60_000);
    const t = 1_000_000;
    expect(l.take("k", 2, t).allowed).toBe(true);
    const second = l.take("k", 2, t + 1000);
    expect(rateLimitHeaders(second)).toEqual({ "RateLimit-Policy": '"default";q=2;w=60', RateLimit: '"default";r=0;t=59' });
    const refused = l.take("k", 2, t + 2000);
    expect(refused.allowed).toBe(false);
    expect(rateLimitHeaders(refused)["Retry-After"]).toBe("58");
    expect(l.take("other", 2, t + 2000).allowed).toBe(true);
    expect(l.take("k", 2, t + 60_000).allowed).toBe(true);
  });
});

describe("etags and cursors", () => {
  it("reads If-Match", () => {
    expect(versionOfIfMatch(null)).toBe("missing");
    expect(versionOfIfMatch(etagOf(7))).toBe(7);
    expect(versionOfIfMatch("*")).toBe("any");
    expect(versionOfIfMatch('"abc"')).toBeNull();
    expect(versionOfIfMatch('"v1", "v2"')).toBeNull();
  });
  it("round-trips cursors and refuses edited ones", () => {
    const c = { sort: "name", dir: "asc" as const, after: "12:dhaka knit ✓" };
    expect(decodeApiCursor(encodeApiCursor(c))).toEqual(c);
    expect(decodeApiCursor(encodeApiCursor({ sort: "score", dir: "desc", page: 3 }))).toEqual({ sort: "score", dir: "desc", page: 3 });
    expect(decodeApiCursor("not a cursor")).toBeNull();
  });
});

describe("grievance counts", () => {
  it("reports counts under 5 as fewer than 5, and zero as zero", () => {
    expect(smallCount(0)).toBe(0);
    expect(smallCount(4)).toBe("fewer than 5");
    expect(smallCount(5)).toBe(5);
    const rows = [
      { category: "fees", status: "received", count: 3 },
      { category: "fees", status: "closed", count: 3 },
      { category: "wages", status: "closed", count: 1 },
    ];
    expect(grievanceCounts(rows, new Set(["received"]))).toEqual({
      total: 7,
      open: "fewer than 5",
      byCategory: [
        { category: "fees", total: 6 },
        { category: "wages", total: "fewer than 5" },
      ],
    });
  });
});
