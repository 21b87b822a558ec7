// The review view of one answer: the answer (with its files), red flags, the supplier's note, whether
// it was revised after the last request for changes, the reviewers' threads of comments with a form
// to start one, and every earlier revision.
import { zodResolver } from "@hookform/resolvers/zod";
import { useFetcher } from "@remix-run/react";
import { useEffect, useId } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import type { Question } from "~/domain/questionnaire/types";
import { CommentSchema } from "~/schemas/assessment";
import type { T as Translate } from "~/domain/questionnaire/texts";
import { SEVERITY_LABELS } from "./assessment-display";
import { answerText } from "~/domain/questionnaire/answer-text";
import { formatDateTime, formatMegabytes, plural } from "./format";
import { ReviewThreads, type ThreadView } from "./review-threads";
import { RevisedNote, type RevisedView } from "./review-changes";

export interface FileRef {
  id: number;
  question_key: string;
  filename: string;
  size_bytes: number;
}
export interface Revision {
  questionKey: string;
  revision: number;
  value?: unknown;
  comment: string | null;
  author: string;
  at: string;
}
export interface StoredAnswerLike {
  questionKey: string;
  value?: unknown;
  comment: string | null;
  revision: number;
  updatedBy: string;
  updatedAt: string;
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return formatMegabytes(bytes);
}

/** Files as download links (resource route: always an attachment). */
export function FileLinks({ files, href }: { files: FileRef[]; href: (id: number) => string }) {
  if (!files.length) return null;
  return (
    <ul className="asm-files">
      {files.map((f) => (
        <li key={f.id}>
          <a href={href(f.id)} download>
            {f.filename}
          </a>{" "}
          <span className="muted small">({fileSize(f.size_bytes)})</span>
        </li>
      ))}
    </ul>
  );
}

/** An answer value; evidence answers (file ids) as links to the files that still exist. */
export function AnswerValueView({
  question,
  value,
  t,
  files,
  href,
}: {
  question: Question;
  value: unknown;
  t: Translate;
  files: FileRef[];
  href: (id: number) => string;
}) {
  if (question.type === "evidence" && Array.isArray(value)) {
    const byId = new Map(files.map((f) => [String(f.id), f]));
    if (!value.length) return <span className="muted">No files</span>;
    return (
      <ul className="asm-files">
        {value.map((id) => {
          const f = byId.get(String(id));
          return (
            <li key={String(id)}>
              {f ? (
                <a href={href(f.id)} download>
                  {f.filename}
                </a>
              ) : (
                <span className="muted">file #{String(id)} (removed)</span>
              )}
            </li>
          );
        })}
      </ul>
    );
  }
  const text = answerText(question, value, t);
  return <span className={value == null ? "muted" : "asm-value"}>{text}</span>;
}

interface AnswerCardProps {
  question: Question;
  answer: StoredAnswerLike | undefined;
  flags: Array<{ indicator: string; severity: string }>;
  files: FileRef[];
  threads: ThreadView[];
  /** Set when the answer was revised after the last request for changes. */
  revised?: RevisedView;
  history: Revision[];
  t: Translate;
  fileHref: (id: number) => string;
  mayComment: boolean;
  /** Where "Open a corrective action" for a review comment goes (absent for roles that cannot open one). */
  actionHref?: (commentId: number) => string;
}

export function AnswerCard(p: AnswerCardProps) {
  const { question, answer, flags, files, threads, revised, history, t, fileHref, mayComment, actionHref } = p;
  const flagged = flags.length > 0;
  const headingId = useId();
  const attached = question.type === "evidence" ? [] : files;
  return (
    <article id={`q-${question.key}`} className={`asm-answer${flagged ? " red-flag" : ""}`} aria-labelledby={headingId}>
      <h4 id={headingId} className="asm-question">
        {t(`q.${question.key}.text`)}
        {question.required ? <span className="muted small"> (required)</span> : null}
      </h4>
      <div className="asm-answer-body">
        <AnswerValueView question={question} value={answer?.value ?? null} t={t} files={files} href={fileHref} />
        {flagged ? (
          <ul className="asm-flags" aria-label="Red flags">
            {flags.map((f) => (
              <li key={f.indicator} className={`asm-flag ${f.severity}`}>
                <span aria-hidden="true">⚑ </span>Red flag: {t(`ilo.${f.indicator}`)}{" "}
                <span className="small">({SEVERITY_LABELS[f.severity] ?? f.severity})</span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {revised ? <RevisedNote question={question} revised={revised} t={t} /> : null}
      {attached.length ? (
        <div className="small">
          Attached: <FileLinks files={attached} href={fileHref} />
        </div>
      ) : null}
      {answer?.comment ? (
        <p className="asm-note">
          <span className="muted small">Note with the answer: </span>
          {answer.comment}
        </p>
      ) : null}
      {answer ? (
        <p className="muted small asm-meta">
          Last saved by {answer.updatedBy} on {formatDateTime(answer.updatedAt)} (revision {answer.revision})
        </p>
      ) : null}
      <ReviewThreads threads={threads} mayChange={mayComment} actionHref={actionHref} />
      {history.length > 0 ? <History question={question} history={history} t={t} files={files} fileHref={fileHref} /> : null}
      {mayComment ? <CommentForm questionKey={question.key} /> : null}
    </article>
  );
}

function History({
  question,
  history,
  t,
  files,
  fileHref,
}: {
  question: Question;
  history: Revision[];
  t: Translate;
  files: FileRef[];
  fileHref: (id: number) => string;
}) {
  return (
    <details className="asm-history">
      <summary>
        History ({history.length} {plural(history.length, "revision", "revisions")})
      </summary>
      <ol reversed>
        {history.map((r) => (
          <li key={r.revision}>
            <AnswerValueView question={question} value={r.value} t={t} files={files} href={fileHref} />
            {r.comment ? <span className="muted"> — “{r.comment}”</span> : null}
            <span className="muted small">
              {" "}
              · revision {r.revision} by {r.author}, {formatDateTime(r.at)}
            </span>
          </li>
        ))}
      </ol>
    </details>
  );
}

type CommentResult = { intent: string; questionKey?: string; ok?: boolean; fieldErrors?: Record<string, string>; formError?: string };

function CommentForm({ questionKey }: { questionKey: string }) {
  const fetcher = useFetcher<CommentResult>({ key: `comment:${questionKey}` });
  const form = useForm<z.input<typeof CommentSchema>>({
    resolver: zodResolver(CommentSchema),
    defaultValues: { intent: "comment", questionKey, body: "" },
    mode: "onTouched",
  });
  const id = useId();
  const mine = fetcher.data?.questionKey === questionKey ? fetcher.data : undefined;
  const done = fetcher.state === "idle" && mine?.ok;
  useEffect(() => {
    if (done) form.reset({ intent: "comment", questionKey, body: "" });
  }, [done, form, questionKey]);
  const error = form.formState.errors.body?.message ?? mine?.fieldErrors?.body ?? mine?.formError;
  const onSubmit = form.handleSubmit((_data, event) => {
    const el = event?.target;
    if (el instanceof HTMLFormElement) fetcher.submit(el, { method: "post" });
  });
  return (
    <details className="asm-comment-form">
      <summary>Comment on this answer</summary>
      <fetcher.Form method="post" noValidate onSubmit={onSubmit} className="stack">
        <input type="hidden" {...form.register("intent")} />
        <input type="hidden" {...form.register("questionKey")} />
        <div className={`field${error ? " has-error" : ""}`}>
          <label htmlFor={id}>Your comment (the supplier sees it when you request changes)</label>
          <textarea
            id={id}
            rows={3}
            maxLength={2000}
            {...form.register("body")}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-e` : undefined}
          />
          {error ? (
            <p className="field-error" id={`${id}-e`} role="alert">
              {error}
            </p>
          ) : null}
        </div>
        <div className="inline-form">
          <button type="submit" className="button small secondary" disabled={fetcher.state !== "idle"}>
            Add comment
          </button>
          {done ? (
            <span className="small" role="status">
              Comment added.
            </span>
          ) : null}
        </div>
      </fetcher.Form>
    </details>
  );
}
