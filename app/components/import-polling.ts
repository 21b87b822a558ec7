// How the import page waits for a running step: it asks again soon at first (a 500-row check takes
// a fraction of a second) and backs off to every 2 s for long imports (100,000 rows take a minute).
import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";

/** Delay before each revalidation while a step runs; the last one repeats. */
export const IMPORT_POLL_DELAYS_MS: readonly number[] = [150, 150, 250, 400, 600, 1000, 1500, 2000];

export function pollDelay(attempt: number): number {
  return IMPORT_POLL_DELAYS_MS[Math.min(attempt, IMPORT_POLL_DELAYS_MS.length - 1)]!;
}

/** Revalidates the page's data on the schedule above while `running`; the schedule restarts whenever `status` changes. */
export function usePollWhileRunning(running: boolean, status: string): void {
  const { revalidate, state } = useRevalidator();
  const attempt = useRef(0);
  useEffect(() => {
    attempt.current = 0;
  }, [status]);
  const idle = state === "idle";
  useEffect(() => {
    if (!running || !idle) return;
    // One revalidation at a time: the next is scheduled when the previous one has come back.
    const t = setTimeout(() => {
      attempt.current++;
      revalidate();
    }, pollDelay(attempt.current));
    return () => clearTimeout(t);
  }, [running, idle, revalidate]);
}
