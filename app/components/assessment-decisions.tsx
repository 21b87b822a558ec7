// The review's decisions on the assessment page: request changes, approve (or confirm a first
// approval), reopen, and the timeline of decisions (with their reasons) and submissions. Each form's
// reason field and acknowledgements are its confirmation step (inside a <details>, no JavaScript
// dialog); the button says what happens. A reviewer whom four eyes keeps from approving is told why
// instead of being offered the form.
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { formatDateTime, plural } from "./format";

export type DecisionErrors = { intent?: string; fieldErrors?: Record<string, string>; formError?: string } | undefined;

export interface DecisionView {
  id: number;
  kind: "request_changes" | "approve" | "second_approve" | "reopen";
  userLabel: string;
  reason: string;
  acknowledged: string[];
  createdAt: string;
}

const KIND_LABELS: Record<DecisionView["kind"], string> = {
  request_changes: "Changes requested",
  approve: "Approved",
  second_approve: "Approval confirmed (second approver)",
  reopen: "Reopened",
};
const ACK_LABELS: Record<string, string> = {
  unresolved_comments: "approved with unresolved comments",
  severe_flags: "approved despite severe red flags",
  retracted_flags: "checked the red flags retracted after review",
};

export interface SubmissionView {
  id: number;
  byLabel: string;
  bySupplier: boolean;
  afterChanges: boolean;
  submittedAt: string;
}

function Reason({ id, error, label }: { id: string; error?: string; label: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        name="reason"
        rows={3}
        required
        minLength={3}
        maxLength={1000}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function Ack({ name, error, children }: { name: string; error?: string; children: ReactNode }) {
  const errorId = error ? `${name}-error` : undefined;
  return (
    <div className="field">
      <label className="checkbox">
        <input type="checkbox" name={name} aria-invalid={error ? true : undefined} aria-describedby={errorId} /> {children}
      </label>
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function errorsOf(result: DecisionErrors, intent: string) {
  return result?.intent === intent ? (result.fieldErrors ?? {}) : {};
}

export function ReviewDecision({
  openComments,
  severeFlags,
  retractedFlags,
  awaiting,
  approveBlocked,
  result,
  busy,
}: {
  /** Unresolved threads of comments. */
  openComments: number;
  severeFlags: number;
  /** Red flags a revision removed after the last request for changes. */
  retractedFlags: number;
  /** A first approval waiting for a second reviewer. */
  awaiting: DecisionView | null;
  /** Why this reviewer cannot approve (four eyes), shown instead of the form; null when they may. */
  approveBlocked: string | null;
  result: DecisionErrors;
  busy: boolean;
}) {
  const rc = errorsOf(result, "request-changes");
  const ap = errorsOf(result, "approve");
  return (
    <section className="card asm-decision" aria-labelledby="decision-h">
      <h2 id="decision-h">Review</h2>
      {awaiting ? (
        <p className="alert warning" role="status">
          <strong>Awaiting a second approver.</strong> {awaiting.userLabel} approved on {formatDateTime(awaiting.createdAt)} (“
          {awaiting.reason}”). The approval lowers the supplier by two bands or more, so a different reviewer must confirm it.
        </p>
      ) : null}
      <p>
        Read the answers below, comment on any that need another look, then send the questionnaire back or approve it.{" "}
        <strong>
          {openComments} unresolved comment {plural(openComments, "thread", "threads")}.
        </strong>
      </p>
      <details open={Object.keys(rc).length > 0}>
        <summary>Request changes</summary>
        {openComments === 0 ? (
          <p className="muted small" id="rc-hint">
            To request changes, first comment on at least one answer: the supplier sees your comments next to the answers.
          </p>
        ) : (
          <Form method="post" preventScrollReset>
            <input type="hidden" name="intent" value="request-changes" />
            <Reason id="rc-reason" error={rc.reason} label="Why are you sending it back? (internal, not sent to the supplier)" />
            <button type="submit" className="button secondary" disabled={busy}>
              Send back to the supplier with {openComments} comment {plural(openComments, "thread", "threads")}
            </button>
          </Form>
        )}
      </details>
      {approveBlocked ? (
        <p className="alert warning asm-blocked">
          <strong>{awaiting ? "Confirm the approval" : "Approve"}:</strong> {approveBlocked}
        </p>
      ) : (
        <ApproveForm {...{ openComments, severeFlags, retractedFlags, awaiting, busy }} errors={ap} />
      )}
    </section>
  );
}

function ApproveForm({
  openComments,
  severeFlags,
  retractedFlags,
  awaiting,
  busy,
  errors: ap,
}: {
  openComments: number;
  severeFlags: number;
  retractedFlags: number;
  awaiting: DecisionView | null;
  busy: boolean;
  errors: Record<string, string>;
}) {
  return (
    <>
      <details open={Boolean(awaiting) || Object.keys(ap).length > 0}>
        <summary>{awaiting ? "Confirm the approval" : "Approve"}</summary>
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value="approve" />
          <Reason id="ap-reason" error={ap.reason} label="Why do you approve it? (recorded with your decision)" />
          {openComments > 0 ? (
            <Ack name="ackComments" error={ap.ackComments}>
              I approve with {openComments} unresolved comment {plural(openComments, "thread", "threads")} (the approval resolves them).
            </Ack>
          ) : null}
          {retractedFlags > 0 ? (
            <Ack name="ackRetracted" error={ap.ackRetracted}>
              I checked the {retractedFlags === 1 ? "red flag" : `${retractedFlags} red flags`} retracted after review (listed at the top).
            </Ack>
          ) : null}
          {severeFlags > 0 ? (
            <Ack name="ackFlags" error={ap.ackFlags}>
              I approve although the answers raise {severeFlags} severe red {plural(severeFlags, "flag", "flags")}.
            </Ack>
          ) : null}
          <button type="submit" className="button" disabled={busy}>
            {awaiting ? "Confirm the approval and recompute the score" : "Approve and recompute the score"}
          </button>
        </Form>
      </details>
    </>
  );
}

export function ReopenDecision({ result, busy }: { result: DecisionErrors; busy: boolean }) {
  const ro = errorsOf(result, "reopen");
  return (
    <section className="card asm-decision" aria-labelledby="reopen-h">
      <h2 id="reopen-h">Reopen</h2>
      <details open={Object.keys(ro).length > 0}>
        <summary>Reopen this approved questionnaire</summary>
        <p className="small">
          It becomes submitted again, to be reviewed anew, and its approval no longer counts in the supplier&apos;s score.
        </p>
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value="reopen" />
          <Reason id="ro-reason" error={ro.reason} label="Why are you reopening it?" />
          <button type="submit" className="button secondary" disabled={busy}>
            Reopen and recompute the score
          </button>
        </Form>
      </details>
    </section>
  );
}

function submitter(s: SubmissionView): string {
  return s.bySupplier ? `the supplier's contact (${s.byLabel})` : `${s.byLabel}, on the supplier's behalf`;
}

/** Decisions and submissions in the order they happened. */
export function DecisionTimeline({
  decisions,
  submissions,
}: {
  decisions: readonly DecisionView[];
  submissions: readonly SubmissionView[];
}) {
  if (!decisions.length && !submissions.length) return null;
  const entries = [
    ...decisions.map((d) => ({ at: d.createdAt, key: `d${d.id}`, d })),
    ...submissions.map((s) => ({ at: s.submittedAt, key: `s${s.id}`, s })),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return (
    <section className="card asm-decisions" aria-labelledby="decisions-h">
      <h2 id="decisions-h">Decisions</h2>
      <ol className="timeline">
        {entries.map((e) =>
          "d" in e ? (
            <li key={e.key}>
              <strong>{KIND_LABELS[e.d.kind]}</strong> by {e.d.userLabel}, {formatDateTime(e.d.createdAt)}
              <blockquote>{e.d.reason}</blockquote>
              {e.d.acknowledged.length ? <p className="small muted">{e.d.acknowledged.map((a) => ACK_LABELS[a] ?? a).join("; ")}</p> : null}
            </li>
          ) : (
            <li key={e.key} className="timeline-submission">
              <strong>{e.s.afterChanges ? "Resubmitted after changes were requested" : "Submitted"}</strong> by {submitter(e.s)},{" "}
              {formatDateTime(e.s.submittedAt)}
            </li>
          ),
        )}
      </ol>
    </section>
  );
}
