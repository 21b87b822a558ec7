// Small display pieces of the officer's assessment pages: status badge, due date, answer values as
// text, and a `t` over the texts a loader picked from the English catalogue.
import { messagesT, type T } from "~/domain/questionnaire/texts";
import { formatDate } from "./format";
import { IconChangesRequested, IconDraft, IconOverdue, IconSent, IconSubmitted, IconVerified, IconWorking } from "./icons";

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

const STATUS_ICONS: Record<string, typeof IconDraft> = {
  draft: IconDraft,
  sent: IconSent,
  in_progress: IconWorking,
  submitted: IconSubmitted,
  changes_requested: IconChangesRequested,
  approved: IconVerified,
};

export function AssessmentStatusBadge({ status }: { status: string }) {
  const Icon = STATUS_ICONS[status];
  return (
    <span className={`badge asm-status asm-${status}`}>
      {Icon ? <Icon className="icon" aria-hidden="true" /> : null}
      {assessmentStatusLabel(status)}
    </span>
  );
}

/** The red "overdue" mark after a due date. */
export function OverdueBadge() {
  return (
    <span className="badge asm-overdue">
      <IconOverdue className="icon" aria-hidden="true" /> overdue
    </span>
  );
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
      {isOverdue(dueAt, status, today) ? <OverdueBadge /> : null}
    </span>
  );
}

/** A `t(key, params)` over the English texts the loader sent (a missing key shows as itself). */
export function textsT(texts: Readonly<Record<string, string>>): T {
  return messagesT(texts, "en");
}

export const SEVERITY_LABELS: Record<string, string> = { severe: "severe", other: "other indicator" };
