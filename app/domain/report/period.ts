// The reporting period: "the last 30/90/365 days" (ending today) or chosen dates, all in UTC days.
// Pure module: no node, kysely, remix or react imports.
import { addDays, daysBetween, isIsoDay } from "~/domain/dates";
import type { Period } from "./types";

export const PERIOD_PRESETS = [30, 90, 365] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
export const DEFAULT_PRESET: PeriodPreset = 90;
/** Chosen dates may span at most this many days (ten years). */
export const MAX_PERIOD_DAYS = 3_660;

export type PeriodInput = { days?: number; from?: string; to?: string };

/**
 * The period a query asks for. Dates win over a preset; a "to" after today is cut at today (the
 * figures cannot come from the future). Returns a readable message for a period that cannot be used.
 */
export function resolvePeriod(q: PeriodInput, today: string): Period | { error: string } {
  if (q.from !== undefined || q.to !== undefined) {
    if (q.from === undefined || q.to === undefined) return { error: "Give both a start and an end date, or neither." };
    if (!isIsoDay(q.from) || !isIsoDay(q.to)) return { error: "Dates look like 2026-01-31." };
    const to = q.to > today ? today : q.to;
    if (q.from > to) return { error: q.from > today ? "The period cannot start after today." : "The start date is after the end date." };
    const days = daysBetween(q.from, to);
    if (days > MAX_PERIOD_DAYS) return { error: `A period can span at most ${MAX_PERIOD_DAYS} days.` };
    return { from: q.from, to, days, preset: null };
  }
  const preset = q.days ?? DEFAULT_PRESET;
  if (!(PERIOD_PRESETS as readonly number[]).includes(preset))
    return { error: `The period is the last ${PERIOD_PRESETS.join(", ")} days, or chosen dates.` };
  return { from: addDays(today, -(preset - 1)), to: today, days: preset, preset };
}

/** "Last 90 days (2026-09-01 to 2026-11-29)" or "2026-01-01 to 2026-03-31". */
export function periodLabel(p: Period): string {
  const range = p.from === p.to ? p.from : `${p.from} to ${p.to}`;
  return p.preset ? `Last ${p.preset} days (${range})` : range;
}

/** The period's bounds as ISO timestamps, for columns holding instants. */
export function periodBounds(p: Period): { fromIso: string; toIso: string } {
  return { fromIso: `${p.from}T00:00:00.000Z`, toIso: `${p.to}T23:59:59.999Z` };
}

/** The days of a period that daily figures (the risk roll-ups) actually cover. */
export interface PeriodCoverage {
  /** First and last day with figures, inside the period. */
  from: string;
  to: string;
  /** Days from `from` to `to`, both included. */
  days: number;
  /** True when the figures span the whole period. */
  whole: boolean;
}

/**
 * The window that daily figures cover inside a period: from the first to the last day that has
 * figures (days outside the period are ignored). Null when no day has figures. A report must say
 * when this is shorter than the period it is headed with.
 */
export function periodCoverage(p: Period, days: readonly string[]): PeriodCoverage | null {
  const inside = days.filter((d) => d >= p.from && d <= p.to).sort();
  if (inside.length === 0) return null;
  const from = inside[0]!;
  const to = inside[inside.length - 1]!;
  return { from, to, days: daysBetween(from, to), whole: from === p.from && to === p.to };
}
