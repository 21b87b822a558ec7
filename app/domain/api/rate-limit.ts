// Per-key rate limits for the API (decision 0013): a fixed one-minute window per key, kept in the
// memory of each server process, and the fields of the IETF RateLimit / RateLimit-Policy headers
// (draft-ietf-httpapi-ratelimit-headers): `RateLimit-Policy: "default";q=600;w=60` and
// `RateLimit: "default";r=599;t=42` (quota, window, remaining, seconds until the window resets).

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets (at least 1). */
  resetSeconds: number;
  windowSeconds: number;
}

interface Window {
  start: number;
  count: number;
}

export class FixedWindowLimiter {
  private readonly windows = new Map<string, Window>();
  constructor(
    private readonly windowMs = 60_000,
    private readonly maxKeys = 100_000,
  ) {}

  /** Counts one call of `key` against `limit`; a refused call is not counted. */
  take(key: string, limit: number, nowMs: number): RateDecision {
    let w = this.windows.get(key);
    if (!w || nowMs - w.start >= this.windowMs) {
      if (!w && this.windows.size >= this.maxKeys) this.sweep(nowMs);
      w = { start: nowMs, count: 0 };
      this.windows.set(key, w);
    }
    const resetSeconds = Math.max(1, Math.ceil((w.start + this.windowMs - nowMs) / 1000));
    const allowed = w.count < limit;
    if (allowed) w.count++;
    return { allowed, limit, remaining: Math.max(0, limit - w.count), resetSeconds, windowSeconds: this.windowMs / 1000 };
  }

  private sweep(nowMs: number): void {
    for (const [k, w] of this.windows) if (nowMs - w.start >= this.windowMs) this.windows.delete(k);
  }
}

/** The response headers of a decision (and Retry-After when it refused). */
export function rateLimitHeaders(d: RateDecision): Record<string, string> {
  const h: Record<string, string> = {
    "RateLimit-Policy": `"default";q=${d.limit};w=${d.windowSeconds}`,
    RateLimit: `"default";r=${d.remaining};t=${d.resetSeconds}`,
  };
  if (!d.allowed) h["Retry-After"] = String(d.resetSeconds);
  return h;
}
