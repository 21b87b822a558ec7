// A grievance case's life: received → acknowledged → investigating → substantiated / not substantiated
// → remedied → closed, with the deadlines officers see as timers. Pure module.
import { CATEGORY_INDICATOR, type Category } from "./categories";

export const CASE_STATUSES = [
  "received",
  "acknowledged",
  "investigating",
  "substantiated",
  "not_substantiated",
  "remedied",
  "closed",
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export function isCaseStatus(v: unknown): v is CaseStatus {
  return typeof v === "string" && (CASE_STATUSES as readonly string[]).includes(v);
}

// An acknowledged case may be decided at once when the facts are plain; a decision may be reopened
// for more investigation; a substantiated case closes only once a remedy was recorded (remedied).
const NEXT: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  received: ["acknowledged"],
  acknowledged: ["investigating", "substantiated", "not_substantiated"],
  investigating: ["substantiated", "not_substantiated"],
  substantiated: ["remedied", "investigating"],
  not_substantiated: ["closed", "investigating"],
  remedied: ["closed"],
  closed: ["investigating"],
};

export function nextStatuses(from: CaseStatus): readonly CaseStatus[] {
  return NEXT[from];
}

export function mayMove(from: CaseStatus, to: CaseStatus): boolean {
  return NEXT[from].includes(to);
}

export const OPEN_STATUSES: readonly CaseStatus[] = ["received", "acknowledged", "investigating", "substantiated"];

/**
 * Statuses in which a case raises its red flag on the supplier: found substantiated and not yet
 * closed (remedied still counts: a remedy is checked before the case closes).
 */
export const FLAG_STATUSES: readonly CaseStatus[] = ["substantiated", "remedied"];

export function raisesFlag(status: CaseStatus, category: Category): boolean {
  return FLAG_STATUSES.includes(status) && CATEGORY_INDICATOR[category] !== null;
}

export const STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  received: "Received",
  acknowledged: "Acknowledged",
  investigating: "Investigating",
  substantiated: "Substantiated",
  not_substantiated: "Not substantiated",
  remedied: "Remedied",
  closed: "Closed",
};

/** Days from receipt to acknowledge (the reporter must hear back within a week). */
export const ACK_DAYS = 7;
/** Days from receipt to a decision (substantiated or not). */
export const DECISION_DAYS = 90;
/** Days after closing to check with the reporter that no retaliation followed. */
export const FOLLOWUP_DAYS = 90;

const DAY_MS = 86_400_000;

export interface Timer {
  label: string;
  dueAt: string;
  state: "done" | "due" | "overdue";
  /** Whole days left (due) or past (overdue); 0 when done. */
  days: number;
}

function plusDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * DAY_MS).toISOString();
}

function timer(label: string, dueAt: string, doneAt: string | null, now: Date): Timer {
  if (doneAt) return { label, dueAt, state: "done", days: 0 };
  const left = Date.parse(dueAt) - now.getTime();
  if (left < 0) return { label, dueAt, state: "overdue", days: Math.ceil(-left / DAY_MS) };
  return { label, dueAt, state: "due", days: Math.floor(left / DAY_MS) };
}

export interface CaseDates {
  receivedAt: string;
  acknowledgedAt: string | null;
  decidedAt: string | null;
  followupDueAt: string | null;
  followupDoneAt: string | null;
}

/** The case's deadlines as timers: acknowledge in 7 days, decide in 90, the retaliation check after closing. */
export function caseTimers(c: CaseDates, now: Date): Timer[] {
  const out = [
    timer("Acknowledge", plusDays(c.receivedAt, ACK_DAYS), c.acknowledgedAt, now),
    timer("Decide", plusDays(c.receivedAt, DECISION_DAYS), c.decidedAt, now),
  ];
  if (c.followupDueAt) out.push(timer("Retaliation follow-up", c.followupDueAt, c.followupDoneAt, now));
  return out;
}

/** "due in 3 days", "overdue by 2 days", "done". */
export function timerText(t: Timer): string {
  if (t.state === "done") return "done";
  const d = `${t.days} day${t.days === 1 ? "" : "s"}`;
  return t.state === "overdue" ? `overdue by ${d}` : t.days === 0 ? "due today" : `due in ${d}`;
}

export function followupDue(closedAt: string): string {
  return plusDays(closedAt, FOLLOWUP_DAYS);
}

/** When a case closed at `closedAt` is deleted: `years` later (the organisation's retention). */
export function deleteAfter(closedAt: string, years: number): string {
  const d = new Date(closedAt);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString();
}

/** Executives and API clients see counts only, and counts under 5 as "fewer than 5". */
export function maskedCount(n: number): number | "fewer than 5" {
  return n < 5 ? "fewer than 5" : n;
}
