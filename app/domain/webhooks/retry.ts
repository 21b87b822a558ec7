// When a failed delivery is tried again, and when a subscription that keeps failing is paused.
//
// Retries: exponential backoff from one minute, tripling, capped at six hours, with ±20 % jitter (so
// receivers that come back after an outage are not hit by every queued delivery in the same second).
// Eight attempts in all span roughly half a day: 1 + 3 + 9 + 27 + 81 + 243 + 360 minutes.
//
// Pausing: after PAUSE_AFTER_FAILURES failed attempts in a row (across deliveries) that span at least
// PAUSE_AFTER_MS. A deploy or a short outage at the receiver (minutes, hours) never pauses anything;
// an endpoint that answered nothing good for a whole day is broken, and every further event would
// only add to its queue. Both halves are needed: ten quick failures of one burst are not a day, and a
// single failed event a day is not "keeps failing".

export const MAX_ATTEMPTS = 8;
export const BASE_DELAY_MS = 60_000;
export const BACKOFF_FACTOR = 3;
export const MAX_DELAY_MS = 6 * 3600_000;
export const JITTER = 0.2;
export const PAUSE_AFTER_FAILURES = 10;
export const PAUSE_AFTER_MS = 24 * 3600_000;

/**
 * How long to wait after failed attempt number `attempt` (1-based) before the next one, or null when
 * it was the last. `random` is in [0, 1) (Math.random in production, fixed in tests).
 */
export function retryDelayMs(attempt: number, random: number): number | null {
  if (attempt >= MAX_ATTEMPTS) return null;
  const base = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * BACKOFF_FACTOR ** (attempt - 1));
  const jittered = base * (1 - JITTER + 2 * JITTER * random);
  return Math.round(Math.min(MAX_DELAY_MS, jittered));
}

/** Whether a subscription with this run of failures is paused (failingSince: ISO time of the first of the run). */
export function shouldPause(consecutiveFailures: number, failingSince: string | null, now: Date): boolean {
  if (consecutiveFailures < PAUSE_AFTER_FAILURES || !failingSince) return false;
  return now.getTime() - Date.parse(failingSince) >= PAUSE_AFTER_MS;
}

/** A receiver's answer counts as delivered only when it is 2xx (a redirect is not followed: a failure). */
export function isSuccess(status: number | null): boolean {
  return status !== null && status >= 200 && status < 300;
}
