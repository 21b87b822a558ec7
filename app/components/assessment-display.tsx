// Small display pieces of the officer's assessment pages: status badge, due date, answer values as
// text, and a `t` over the texts a loader picked from the English catalogue.
import { messagesT, type T } from "~/domain/questionnaire/texts";
import { formatDate } from "./format";

export const ASSESSMENT_STATUS_LABELS: Record<string, string> = {
  draft: "Draft",
  sent: "Sent",
  in_progress: "In progress",
  submitted: "Submitted",
  changes_requested: "Changes requested",
  approved: "Approved",
};

export function assessmentStatusLabel(s: string): string {
  return ASSESSMENT_STATUS_LABELS[s] ?? s;
}

export function AssessmentStatusBadge({ status }: { status: string }) {
  return <span className={`badge asm-status asm-${status}`}>{assessmentStatusLabel(status)}</span>;
}

/** Open (not yet submitted) and past its due date. `today` is yyyy-mm-dd from the loader. */
export function isOverdue(dueAt: string | null, status: string, today: string): boolean {
  return Boolean(dueAt) && dueAt!.slice(0, 10) < today && !["submitted", "approved"].includes(status);
}

export function DueDate({ dueAt, status, today }: { dueAt: string | null; status: string; today: string }) {
  if (!dueAt) return <span className="muted">—</span>;
  return (
    <span className="nowrap">
      {formatDate(dueAt)}
      {isOverdue(dueAt, status, today) ? <span className="badge asm-overdue"> overdue</span> : null}
    </span>
  );
}

/** A `t(key, params)` over the English texts the loader sent (a missing key shows as itself). */
export function textsT(texts: Readonly<Record<string, string>>): T {
  return messagesT(texts, "en");
}

export const SEVERITY_LABELS: Record<string, string> = { severe: "severe", other: "other indicator" };
