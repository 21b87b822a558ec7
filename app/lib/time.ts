/** ISO-8601 UTC timestamp, the one format every timestamp column uses on both engines. */
export function nowIso(now: Date = new Date()): string {
  return now.toISOString();
}

export function addMinutes(d: Date, minutes: number): Date {
  return new Date(d.getTime() + minutes * 60_000);
}
