// What an action's page shows of it: the summary (supplier, due date, owner, source, when it was
// opened, done and verified), the red flag behind it (indicator, question, answer) and its files.
import { Link } from "@remix-run/react";
import { ACTION_SOURCE_LABELS, ActionDue } from "./action-display";
import { formatDate } from "./format";

export interface ActionSummaryData {
  supplierId: number;
  supplierName: string;
  dueAt: string;
  overdue: boolean;
  ownerName: string | null;
  source: string;
  assessmentId: number | null;
  createdAt: string;
  createdByName: string | null;
  doneAt: string | null;
  verifiedAt: string | null;
  verifiedByName: string | null;
  details: string | null;
}

export function ActionSummary({ a, orgSlug }: { a: ActionSummaryData; orgSlug: string }) {
  return (
    <section className="card" aria-label="Summary">
      <dl className="details">
        <div className="details-item">
          <dt>Supplier</dt>
          <dd>
            <Link to={`/o/${orgSlug}/suppliers/${a.supplierId}`}>{a.supplierName}</Link>
          </dd>
        </div>
        <div className="details-item">
          <dt>Due</dt>
          <dd>
            <ActionDue dueAt={a.dueAt} overdue={a.overdue} />
          </dd>
        </div>
        <div className="details-item">
          <dt>Owner</dt>
          <dd>{a.ownerName ?? <span className="muted">nobody</span>}</dd>
        </div>
        <div className="details-item">
          <dt>Source</dt>
          <dd>
            {ACTION_SOURCE_LABELS[a.source] ?? a.source}
            {a.assessmentId ? (
              <>
                {" — "}
                <Link to={`/o/${orgSlug}/assessments/${a.assessmentId}`}>the assessment that raised it</Link>
              </>
            ) : null}
          </dd>
        </div>
        <div className="details-item">
          <dt>Timeline</dt>
          <dd className="small">
            <div>
              Opened {formatDate(a.createdAt)}
              {a.createdByName ? ` by ${a.createdByName}` : ""}
            </div>
            {a.doneAt ? <div>Done {formatDate(a.doneAt)}</div> : null}
            {a.verifiedAt ? (
              <div>
                Verified {formatDate(a.verifiedAt)}
                {a.verifiedByName ? ` by ${a.verifiedByName}` : ""}
              </div>
            ) : null}
          </dd>
        </div>
      </dl>
      {a.details ? <p className="action-details">{a.details}</p> : null}
    </section>
  );
}

export interface RedFlagData {
  indicatorLabel: string | null;
  severity: string | null;
  question: string | null;
  answer: string | null;
  /** The assessment's page and the question's anchor on it, when the action came from one. */
  answerHref: string | null;
}

export function RedFlagBehind({ flag }: { flag: RedFlagData }) {
  return (
    <section className="card asm-redflags" aria-labelledby="flag-h">
      <h2 id="flag-h">The red flag behind it</h2>
      <dl className="details">
        {flag.indicatorLabel ? (
          <div className="details-item">
            <dt>Indicator</dt>
            <dd>
              <span className={`asm-flag ${flag.severity === "severe" ? "severe" : ""}`}>{flag.indicatorLabel}</span>{" "}
              <span className="muted small">{flag.severity === "severe" ? "severe" : "other indicator"}</span>
            </dd>
          </div>
        ) : null}
        {flag.question ? (
          <div className="details-item">
            <dt>Question</dt>
            <dd>{flag.question}</dd>
          </div>
        ) : null}
        <div className="details-item">
          <dt>Answer</dt>
          <dd>{flag.answer ?? <span className="muted">not kept</span>}</dd>
        </div>
      </dl>
      {flag.answerHref ? (
        <p className="small">
          <Link to={flag.answerHref}>See the answer in the assessment</Link>
        </p>
      ) : null}
    </section>
  );
}

interface ActionFile {
  id: number;
  filename: string;
  sizeBytes: number | string;
  uploadedBy: string;
  createdAt: string;
}

/** Who sent a file: an officer's address, or "the supplier (its address)". */
function sender(uploadedBy: string): string {
  return uploadedBy.startsWith("supplier ") ? `the supplier (${uploadedBy.slice("supplier ".length)})` : uploadedBy;
}

export function ActionFileList({ files, fileHref }: { files: readonly ActionFile[]; fileHref: (fileId: number) => string }) {
  return (
    <section className="card" aria-labelledby="files-h">
      <h2 id="files-h">Files</h2>
      {files.length ? (
        <ul className="action-files">
          {files.map((f) => (
            <li key={f.id}>
              <a href={fileHref(f.id)} download={f.filename}>
                {f.filename}
              </a>{" "}
              <span className="muted small">
                ({Math.max(1, Math.round(Number(f.sizeBytes) / 1024))} KB, from {sender(f.uploadedBy)}, {formatDate(f.createdAt)})
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No files yet.</p>
      )}
    </section>
  );
}
