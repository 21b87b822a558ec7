// Small display pieces of corrective actions: status and source labels, the status badge, the due
// date with its "overdue" mark. Overdue is decided by the loader (one clock for server and browser).
import { Link } from "@remix-run/react";
import { formatDate } from "./format";
import { OverdueBadge } from "./assessment-display";
import { IconDone, IconOpen, IconVerified, IconWorking } from "./icons";

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

const STATUS_ICONS: Record<string, typeof IconOpen> = { open: IconOpen, in_progress: IconWorking, done: IconDone, verified: IconVerified };

export function ActionStatusBadge({ status }: { status: string }) {
  const Icon = STATUS_ICONS[status];
  return (
    <span className={`badge asm-status ${BADGE[status] ?? ""} action-status action-${status}`}>
      {Icon ? <Icon className="icon" aria-hidden="true" /> : null}
      {ACTION_STATUS_LABELS[status] ?? status}
    </span>
  );
}

export function ActionDue({ dueAt, overdue }: { dueAt: string; overdue: boolean }) {
  return (
    <span className="nowrap">
      {formatDate(dueAt)}
      {overdue ? <OverdueBadge /> : null}
    </span>
  );
}

/** Overdue rows stand out (a tint and a red edge), besides the "overdue" badge that says it in words. */
export const OVERDUE_ROW_STYLE = { background: "#fff8f7", boxShadow: "inset 4px 0 0 #b42318" } as const;

/** A row of an action table (the list page's rows and the supplier panel's, after JSON). */
export interface ActionTableRow {
  id: number;
  title: string;
  supplierId: number;
  supplierName?: string;
  source: string;
  status: string;
  severity: string | null;
  dueAt: string;
  ownerName: string | null;
  overdue: boolean;
}

/** Actions as a table (overdue rows stand out); with `supplierHref`, a supplier column. */
export function ActionTable({
  rows,
  base,
  label,
  supplierHref,
}: {
  rows: readonly ActionTableRow[];
  base: string;
  label: string;
  supplierHref?: (supplierId: number) => string;
}) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      <table className="table">
        <caption className="sr-only">{label}</caption>
        <thead>
          <tr>
            <th scope="col">Action</th>
            {supplierHref ? <th scope="col">Supplier</th> : null}
            <th scope="col">Status</th>
            <th scope="col">Due</th>
            <th scope="col">Owner</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={r.overdue ? "action-overdue" : undefined} style={r.overdue ? OVERDUE_ROW_STYLE : undefined}>
              <td>
                <Link to={`${base}/${r.id}`}>{r.title}</Link>
              </td>
              {supplierHref ? (
                <td>
                  <Link to={supplierHref(r.supplierId)}>{r.supplierName}</Link>
                </td>
              ) : null}
              <td>
                <ActionStatusBadge status={r.status} />
              </td>
              <td>
                <ActionDue dueAt={r.dueAt} overdue={r.overdue} />
              </td>
              <td>{r.ownerName ?? <span className="muted">nobody</span>}</td>
              <td>
                {ACTION_SOURCE_LABELS[r.source] ?? r.source}
                {r.severity === "severe" || r.severity === "critical" ? <span className="asm-flag severe"> {r.severity}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
