// The documents behind the answers on the assessment page: each one's type, validity, uploader and
// review status (pending, or accepted / rejected with who, when and why), and for a reviewer the
// Accept / Reject form with its required reason. Whoever uploaded a document or filled in its answer
// sees why someone else must decide instead of the form; an expired document cannot be accepted.
import { useFetcher } from "@remix-run/react";
import type { EvidenceReviewItem } from "~/domain/questionnaire/evidence";
import { fileSize } from "./assessment-review";
import { formatDate, formatDateTime } from "./format";

type DecisionData = { fieldErrors?: Record<string, string>; formError?: string };

const STATUS_LABELS: Record<EvidenceReviewItem["status"], string> = {
  pending: "Pending review",
  accepted: "Accepted",
  rejected: "Rejected",
};

export function EvidenceReview(props: {
  items: readonly EvidenceReviewItem[];
  t: (key: string) => string;
  fileHref: (fileId: number) => string;
  decisionAction: (fileId: number) => string;
  mayReview: boolean;
}) {
  const { items } = props;
  const pending = items.filter((i) => i.status === "pending").length;
  return (
    <section className="card evidence-review" aria-labelledby="evidence">
      <h2 id="evidence">Documents</h2>
      <p className="muted small">
        {items.length
          ? `${items.length} ${items.length === 1 ? "document" : "documents"}, ${pending} waiting for review. ` +
            "An accepted document that is still valid counts the answer it backs as evidenced, not only declared."
          : "No documents yet. The supplier can attach a document to every control question."}
      </p>
      {items.length ? (
        <ul className="evidence-list">
          {items.map((item) => (
            <EvidenceItem key={item.id} item={item} {...props} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function EvidenceItem({
  item,
  t,
  fileHref,
  decisionAction,
  mayReview,
}: {
  item: EvidenceReviewItem;
  t: (key: string) => string;
  fileHref: (fileId: number) => string;
  decisionAction: (fileId: number) => string;
  mayReview: boolean;
}) {
  return (
    <li className="evidence-item" id={`evidence-${item.id}`}>
      <div className="evidence-head">
        <a href={fileHref(item.id)} download className="evidence-file">
          {item.filename}
        </a>
        <span className="muted small">({fileSize(item.sizeBytes)})</span>
        <span className={`badge evidence-status evidence-${item.status}`}>{STATUS_LABELS[item.status]}</span>
      </div>
      <p className="small evidence-question">
        For: <a href={`#q-${item.questionKey}`}>{t(`q.${item.questionKey}.text`)}</a>
      </p>
      <dl className="evidence-facts small">
        <div>
          <dt>Type</dt>
          <dd>{item.kind ? t(`ui.evidence.kind.${item.kind}`) : "Not given"}</dd>
        </div>
        <div>
          <dt>Valid until</dt>
          <dd>
            {item.validUntil ? formatDate(item.validUntil) : "No end date"}
            {item.expired ? <strong className="evidence-expired"> (expired)</strong> : null}
          </dd>
        </div>
        <div>
          <dt>Uploaded by</dt>
          <dd>
            {item.uploadedBy}, {formatDateTime(item.uploadedAt)}
          </dd>
        </div>
      </dl>
      {item.status !== "pending" ? (
        <p className="evidence-decision small">
          <strong>
            {item.status === "accepted" ? "Accepted" : "Rejected"} by {item.reviewedBy ?? "a reviewer"}
          </strong>
          {item.reviewedAt ? `, ${formatDateTime(item.reviewedAt)}` : ""}: <q>{item.reason}</q>
        </p>
      ) : null}
      {mayReview ? (
        item.notYours ? (
          <p className="muted small evidence-not-yours">{item.notYours}</p>
        ) : (
          <DecisionForm item={item} action={decisionAction(item.id)} />
        )
      ) : null}
    </li>
  );
}

function DecisionForm({ item, action }: { item: EvidenceReviewItem; action: string }) {
  const fetcher = useFetcher<DecisionData>({ key: `evidence:${item.id}` });
  const busy = fetcher.state !== "idle";
  const reasonId = `evidence-reason-${item.id}`;
  const error = fetcher.data?.fieldErrors?.reason;
  const formError = fetcher.data?.formError ?? fetcher.data?.fieldErrors?.intent;
  return (
    <details className="evidence-form" open={item.status === "pending" || Boolean(error || formError)}>
      <summary>{item.status === "pending" ? "Accept or reject" : "Change the decision"}</summary>
      <fetcher.Form method="post" action={action}>
        <div className="field">
          <label htmlFor={reasonId}>Reason (the supplier sees it when you reject the document)</label>
          <textarea
            id={reasonId}
            name="reason"
            rows={2}
            required
            minLength={3}
            maxLength={1000}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${reasonId}-error` : undefined}
          />
          {error ? (
            <p className="field-error" id={`${reasonId}-error`}>
              {error}
            </p>
          ) : null}
        </div>
        {item.expired ? <p className="small">This document has expired: it can only be rejected.</p> : null}
        <div className="inline-form">
          {item.expired ? null : (
            <button type="submit" name="intent" value="accept" className="button small" disabled={busy}>
              Accept
            </button>
          )}
          <button type="submit" name="intent" value="reject" className="button small secondary" disabled={busy}>
            Reject
          </button>
        </div>
        {formError ? (
          <p className="field-error" role="alert">
            {formError}
          </p>
        ) : null}
      </fetcher.Form>
    </details>
  );
}
