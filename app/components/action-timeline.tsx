// The timeline of a corrective action as officers see it: opening, status changes, notes, the
// supplier's replies, each with its author, time, text and files.
import { ACTION_STATUS_LABELS } from "./action-display";
import { formatDateTime } from "./format";

interface Event {
  id: number;
  kind: string;
  authorLabel: string;
  body: string | null;
  statusFrom: string | null;
  statusTo: string | null;
  createdAt: string;
}

interface File {
  id: number;
  eventId: number | null;
  filename: string;
}

const label = (status: string | null) => ACTION_STATUS_LABELS[status ?? ""] ?? status;

function what(e: Event): string {
  switch (e.kind) {
    case "created":
      return "opened the action";
    case "status":
      return `moved it from ${label(e.statusFrom)} to ${label(e.statusTo)}`;
    case "supplier_reply":
      return "replied (supplier)";
    default:
      return "added a note";
  }
}

export function ActionTimeline({
  events,
  files,
  fileHref,
}: {
  events: readonly Event[];
  files: readonly File[];
  fileHref: (fileId: number) => string;
}) {
  if (!events.length) return <p className="muted">Nothing yet.</p>;
  return (
    <ol className="action-timeline">
      {events.map((e) => {
        const own = files.filter((f) => f.eventId === e.id);
        const who = e.authorLabel.startsWith("supplier ") ? e.authorLabel.slice("supplier ".length) : e.authorLabel;
        return (
          <li key={e.id} className={`action-event action-event-${e.kind}`}>
            <p className="small">
              <strong>{who}</strong> {what(e)} <span className="muted">· {formatDateTime(e.createdAt)}</span>
            </p>
            {e.body ? <p className="action-event-body">{e.body}</p> : null}
            {own.length ? (
              <ul className="action-files">
                {own.map((f) => (
                  <li key={f.id}>
                    <a href={fileHref(f.id)} download={f.filename}>
                      {f.filename}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
