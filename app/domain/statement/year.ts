// The reporting year is the organisation's financial year (profile.financialYearEnd, "mm-dd",
// default "12-31"): year N is the twelve months ending on that day in N.
// Pure module: no node, kysely, remix or react imports.
import { addDays, isIsoDay } from "~/domain/dates";

export const DEFAULT_YEAR_END = "12-31";

/** The last day of the financial year in `year` ("02-29" falls back to the 28th in other years). */
function yearEndIn(year: number, mmdd: string): string {
  const day = `${String(year).padStart(4, "0")}-${mmdd}`;
  return isIsoDay(day) ? day : addDays(`${year}-${mmdd.slice(0, 2)}-01`, 27);
}

export function reportingPeriod(year: number, yearEnd: string = DEFAULT_YEAR_END): { from: string; to: string } {
  return { from: addDays(yearEndIn(year - 1, yearEnd), 1), to: yearEndIn(year, yearEnd) };
}

/**
 * The year a statement is usually drafted for: the financial year that contains `today` when it ends
 * within 90 days (statements are prepared as the year closes), else the last one that has ended.
 */
export function defaultDraftYear(today: string, yearEnd: string = DEFAULT_YEAR_END): number {
  const y = Number(today.slice(0, 4));
  const current = reportingPeriod(y, yearEnd).to >= today ? y : y + 1;
  return addDays(today, 90) >= reportingPeriod(current, yearEnd).to ? current : current - 1;
}
