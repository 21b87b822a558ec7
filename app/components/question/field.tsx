// One question, as the officer's fill page and the supplier portal both show it: the question as the
// label (legend of its choices, label of its text box), its help, the reviewers' comments, the input
// by type, its field message, a conflict with both versions, its documents, a note with the answer
// and a status line. It holds no state: the page says what the value is and what to do on a change
// (the portal autosaves, the officer's page saves with a button, given as `footer`). Texts come from
// `t` (the portal's four languages, English on the officer's page).
import type { ReactNode } from "react";
import type { T } from "~/domain/questionnaire/texts";
import type { Question, ReviewComment } from "~/domain/questionnaire/types";
import { ChoiceControl } from "./choices";
import { ConflictBox, ReviewNotes, type Conflict } from "./review";
import { TypedControl } from "./text-input";
import type { RawValue, When } from "./types";

export interface QuestionFieldProps {
  q: Question;
  t: T;
  /** The element id of the question (anchors point here); its inputs' ids derive from it. */
  id: string;
  value: RawValue;
  comment: string;
  /** The field message (a refused value, a failed save), already in the reader's language. */
  error: string | null;
  conflict: Conflict | null;
  reviewComments: readonly ReviewComment[];
  evidence: ReactNode;
  /** The save state in words ("Saved", "Saving…"). */
  status: string;
  /** Below the status line: the officer's Save button. */
  footer?: ReactNode;
  onValue: (value: RawValue, when: When) => void;
  onComment: (comment: string) => void;
  onBlur: () => void;
}

function QuestionText({ q, t }: { q: Question; t: T }) {
  return (
    <>
      {t(`q.${q.key}.text`)}
      {q.required ? (
        <span className="portal-req" aria-hidden="true">
          {" "}
          *
        </span>
      ) : null}
      {q.required ? <span className="sr-only"> ({t("ui.required")})</span> : null}
    </>
  );
}

function Control(p: QuestionFieldProps & { labelId: string; describedBy: string | undefined; help: ReactNode }) {
  const { q, t, labelId } = p;
  const text = <QuestionText q={q} t={t} />;
  if (q.type === "evidence")
    return (
      <div role="group" aria-labelledby={labelId}>
        <p id={labelId} className="portal-q-text">
          {text}
        </p>
        {p.help}
      </div>
    );
  const shared = { q, t, labelId, text, help: p.help, value: p.value, describedBy: p.describedBy, invalid: Boolean(p.error) };
  if (q.type === "yes_no" || q.type === "single" || q.type === "multi")
    return <ChoiceControl {...shared} name={p.id} onValue={p.onValue} />;
  return <TypedControl {...shared} id={p.id} onValue={p.onValue} onBlur={p.onBlur} />;
}

function NoteWithAnswer({
  id,
  t,
  comment,
  review,
  onComment,
  onBlur,
}: {
  id: string;
  t: T;
  comment: string;
  review: boolean;
  onComment: (comment: string) => void;
  onBlur: () => void;
}) {
  const label = t(review ? "ui.review.reply" : "ui.question.comment");
  return (
    <details className="portal-comment" open={Boolean(comment) || review}>
      <summary>{label}</summary>
      <label htmlFor={`${id}-comment`} className="sr-only">
        {label}
      </label>
      <textarea
        id={`${id}-comment`}
        rows={2}
        maxLength={2000}
        value={comment}
        placeholder={t(review ? "ui.review.reply_placeholder" : "ui.question.comment_hint")}
        onChange={(e) => onComment(e.currentTarget.value)}
        onBlur={onBlur}
      />
    </details>
  );
}

export function QuestionField(p: QuestionFieldProps) {
  const { q, t, id, error } = p;
  const labelId = `${id}-label`;
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const hasHelp = t.has(`q.${q.key}.help`);
  const describedBy = [hasHelp ? helpId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  const help = hasHelp ? (
    <p className="hint portal-help" id={helpId}>
      {t(`q.${q.key}.help`)}
    </p>
  ) : null;
  const hasReview = p.reviewComments.some((c) => !c.resolved_at);
  return (
    <section className={`portal-q${hasReview ? " has-review" : ""}`} id={id} aria-labelledby={labelId} tabIndex={-1}>
      <ReviewNotes comments={p.reviewComments} t={t} />
      <Control {...p} labelId={labelId} describedBy={describedBy} help={help} />
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
      {p.conflict ? <ConflictBox q={q} t={t} yours={p.value} conflict={p.conflict} /> : null}
      {p.evidence}
      <NoteWithAnswer id={id} t={t} comment={p.comment} review={hasReview} onComment={p.onComment} onBlur={p.onBlur} />
      <p className="portal-q-status">{p.status}</p>
      {p.footer}
    </section>
  );
}
