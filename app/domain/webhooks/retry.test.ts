import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, MAX_DELAY_MS, PAUSE_AFTER_FAILURES, isSuccess, retryDelayMs, shouldPause } from "./retry";

const MIN = 60_000;

describe("webhook retries: exponential backoff with jitter, capped", () => {
  it("waits 1, 3, 9, 27, 81, 243 minutes, then the six-hour cap, and gives up after the eighth attempt", () => {
    const middle = Array.from({ length: MAX_ATTEMPTS }, (_, i) => retryDelayMs(i + 1, 0.5));
    expect(middle).toEqual([1 * MIN, 3 * MIN, 9 * MIN, 27 * MIN, 81 * MIN, 243 * MIN, 360 * MIN, null]);
  });

  it("jitters each delay by at most a fifth either way, and never past the cap", () => {
    expect(retryDelayMs(1, 0)).toBe(0.8 * MIN);
    expect(retryDelayMs(1, 0.999999)).toBeCloseTo(1.2 * MIN, -1);
    expect(retryDelayMs(4, 0)).toBe(0.8 * 27 * MIN);
    for (const r of [0, 0.3, 0.99]) expect(retryDelayMs(7, r)!).toBeLessThanOrEqual(MAX_DELAY_MS);
    expect(retryDelayMs(7, 0)).toBe(0.8 * MAX_DELAY_MS);
  });

  it("pauses only after enough failures in a row spanning at least a day", () => {
    const now = new Date("2026-12-07T12:00:00Z");
    expect(shouldPause(PAUSE_AFTER_FAILURES, "2026-12-06T12:00:00.000Z", now)).toBe(true);
    expect(shouldPause(PAUSE_AFTER_FAILURES - 1, "2026-12-01T00:00:00.000Z", now)).toBe(false);
    expect(shouldPause(50, "2026-12-06T12:00:01.000Z", now)).toBe(false);
    expect(shouldPause(50, null, now)).toBe(false);
  });

  it("counts only 2xx answers as delivered", () => {
    expect([200, 204, 299].map(isSuccess)).toEqual([true, true, true]);
    expect([null, 199, 301, 302, 400, 500].map(isSuccess)).toEqual([false, false, false, false, false, false]);
  });
});
