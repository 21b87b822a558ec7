// Calendar days as the app stores and shows them: "yyyy-mm-dd" in UTC, so the browser and the
// server agree on "today" whatever their time zones. Timestamps (instants) are ISO-8601 strings
// made by `nowIso` in ~/lib/time; this module is about days.
const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The UTC day of an instant (a Date or an ISO timestamp); an unreadable string comes back as given. */
export function isoDay(at: Date | string): string {
  const d = typeof at === "string" ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) return typeof at === "string" ? at : "";
  return d.toISOString().slice(0, 10);
}

/** Today as yyyy-mm-dd in UTC. */
export function todayIso(now: Date = new Date()): string {
  return isoDay(now);
}

/** True for a real calendar day written yyyy-mm-dd ("2026-02-30" is not one). */
export function isIsoDay(s: string): boolean {
  return ISO_DAY.test(s) && isoDay(`${s}T00:00:00Z`) === s;
}

/** The day `n` days after `day` (before it when n is negative). Takes a day or a timestamp. */
export function addDays(day: Date | string, n: number): string {
  const start = typeof day === "string" ? Date.parse(`${day.slice(0, 10)}T00:00:00Z`) : Date.parse(`${isoDay(day)}T00:00:00Z`);
  return isoDay(new Date(start + n * DAY_MS));
}

/** How many days a period covers, counting both ends ("2026-01-01" to "2026-01-01" is 1). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}
