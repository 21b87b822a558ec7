// Small display pieces of corrective actions: status and source labels, the status badge, the due
// date with its "overdue" mark. Overdue is decided by the loader (one clock for server and browser).
import { formatDate } from "./format";

export const ACTION_STATUS_LABELS: Record<string, string> = {
  open: "Open",
  in_progress: "In progress",
  done: "Done",
  verified: "Verified",
};

export const ACTION_SOURCE_LABELS: Record<string, string> = {
  red_flag: "Red flag",
  review: "Review",
  manual: "Added by hand",
};

/** The verb of a button that moves an action to `status`. */
export const ACTION_MOVE_LABELS: Record<string, string> = {
  in_progress: "Start work (in progress)",
  done: "Mark done",
  verified: "Verify and close",
};

// The badge colours of the assessment statuses, reused: open = waiting, in progress, done = awaiting
// verification, verified = closed.
const BADGE: Record<string, string> = { open: "asm-sent", in_progress: "asm-in_progress", done: "asm-submitted", verified: "asm-approved" };

export function ActionStatusBadge({ status }: { status: string }) {
  return <span className={`badge asm-status ${BADGE[status] ?? ""} action-status action-${status}`}>{ACTION_STATUS_LABELS[status] ?? status}</span>;
}

export function ActionDue({ dueAt, overdue }: { dueAt: string; overdue: boolean }) {
  return (
    <span className="nowrap">
      {formatDate(dueAt)}
      {overdue ? <span className="badge asm-overdue"> overdue</span> : null}
    </span>
  );
}

/** Overdue rows stand out (a tint and a red edge), besides the "overdue" badge that says it in words. */
export const OVERDUE_ROW_STYLE = { background: "#fff8f7", boxShadow: "inset 4px 0 0 #b42318" } as const;
