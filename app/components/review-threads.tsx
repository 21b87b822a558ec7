// The reviewers' threads on one answer: each first comment with its replies, signed with the author's
// name, and whether the thread is open, resolved (by whom, when) or reopened. A reviewer replies,
// resolves or reopens through a fetcher, so the page keeps its place; without JavaScript the same
// forms post to the page.
import { Link, useFetcher } from "@remix-run/react";
import { useEffect, useId, useRef } from "react";
import { formatDateTime } from "./format";

export interface ThreadView {
  id: number;
  questionKey: string;
  comments: Array<{ id: number; authorLabel: string; body: string; createdAt: string; releasedAt: string | null }>;
  resolvedAt: string | null;
  resolvedByLabel: string | null;
  reopenedAt: string | null;
  reopenedByLabel: string | null;
  releasedAt: string | null;
}

type ThreadResult = { intent: string; questionKey?: string; ok?: boolean; fieldErrors?: Record<string, string>; formError?: string };

function threadState(t: ThreadView): string {
  if (t.resolvedAt) return `Resolved${t.resolvedByLabel ? ` by ${t.resolvedByLabel}` : ""}, ${formatDateTime(t.resolvedAt)}`;
  const reopened = t.reopenedAt ? `Reopened by ${t.reopenedByLabel ?? "a reviewer"}, ${formatDateTime(t.reopenedAt)}. ` : "";
  return `${reopened}Open — ${t.releasedAt === null ? "internal until you request changes" : "shown to the supplier"}`;
}

export function ReviewThreads({
  threads,
  mayChange,
  actionHref,
}: {
  threads: readonly ThreadView[];
  mayChange: boolean;
  /** Where "Open a corrective action" for a comment goes (absent for roles that cannot open one). */
  actionHref?: (commentId: number) => string;
}) {
  if (!threads.length) return null;
  return (
    <ul className="asm-threads" aria-label="Review comments">
      {threads.map((t) => (
        <li key={t.id} className={`asm-thread${t.resolvedAt ? " resolved" : ""}`}>
          <ol className="asm-comments">
            {t.comments.map((c, i) => (
              <li key={c.id}>
                <p className="small">
                  <strong>{c.authorLabel}</strong>
                  <span className="muted">
                    {i > 0 ? " replied" : ""}, {formatDateTime(c.createdAt)}
                    {i > 0 && t.releasedAt !== null && c.releasedAt === null && !t.resolvedAt
                      ? " — internal until you request changes again"
                      : ""}
                  </span>
                </p>
                <p className="asm-comment-body">{c.body}</p>
              </li>
            ))}
          </ol>
          <p className="small asm-thread-state">{threadState(t)}</p>
          <div className="asm-thread-actions">
            {mayChange ? <ThreadForms thread={t} /> : null}
            {actionHref ? (
              <Link to={actionHref(t.id)} className="small">
                Open a corrective action from this comment
              </Link>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

function ThreadForms({ thread }: { thread: ThreadView }) {
  const reply = useFetcher<ThreadResult>({ key: `reply:${thread.id}` });
  const toggle = useFetcher<ThreadResult>({ key: `resolve:${thread.id}` });
  const form = useRef<HTMLFormElement>(null);
  const id = useId();
  const replied = reply.state === "idle" && reply.data?.ok;
  useEffect(() => {
    if (replied) form.current?.reset();
  }, [replied]);
  const error = reply.data?.fieldErrors?.body ?? reply.data?.fieldErrors?.threadId ?? reply.data?.formError;
  const toggleError = toggle.data?.formError ?? toggle.data?.fieldErrors?.threadId;
  const resolved = Boolean(thread.resolvedAt);
  return (
    <>
      {resolved ? null : (
        <details className="asm-comment-form">
          <summary>Reply</summary>
          <reply.Form method="post" preventScrollReset ref={form} className="stack">
            <input type="hidden" name="intent" value="reply" />
            <input type="hidden" name="threadId" value={thread.id} />
            <div className={`field${error ? " has-error" : ""}`}>
              <label htmlFor={id}>Your reply (signed with your name)</label>
              <textarea
                id={id}
                name="body"
                rows={2}
                required
                maxLength={2000}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-e` : undefined}
              />
              {error ? (
                <p className="field-error" id={`${id}-e`} role="alert">
                  {error}
                </p>
              ) : null}
            </div>
            <button type="submit" className="button small secondary" disabled={reply.state !== "idle"}>
              Add reply
            </button>
          </reply.Form>
        </details>
      )}
      <toggle.Form method="post" preventScrollReset className="inline-form">
        <input type="hidden" name="intent" value={resolved ? "reopen-thread" : "resolve-thread"} />
        <input type="hidden" name="threadId" value={thread.id} />
        <button type="submit" className="button small secondary" disabled={toggle.state !== "idle"}>
          {resolved ? "Reopen thread" : "Resolve thread"}
        </button>
        {toggleError ? (
          <span className="field-error" role="alert">
            {toggleError}
          </span>
        ) : null}
      </toggle.Form>
    </>
  );
}
