// Around a question's answer: the reviewers' comments on it, and a conflict (someone saved another
// answer meanwhile) with both versions and a choice of which one to keep.
import { answerText } from "~/domain/questionnaire/answer-text";
import type { T } from "~/domain/questionnaire/texts";
import type { Question, ReviewComment } from "~/domain/questionnaire/types";
import type { SavedAnswer } from "./types";

export function ReviewNotes({ comments, t }: { comments: readonly ReviewComment[]; t: T }) {
  return (
    <>
      {comments.map((c) => (
        <aside key={c.id} className={`portal-review${c.resolved_at ? " resolved" : ""}`} aria-label={t("ui.review.comment_label")}>
          <p className="portal-review-from">
            {t("ui.review.comment_from", { name: c.author_label })}
            {c.resolved_at ? ` — ${t("ui.review.resolved")}` : ""}
          </p>
          <p className="portal-review-body">{c.body}</p>
        </aside>
      ))}
    </>
  );
}

/** A date and time in the reader's language and time zone (browser only: use after hydration). */
export function formatTime(iso: string, locale: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(d);
}

export interface Conflict {
  theirs: SavedAnswer;
  keepMine: () => void;
  keepTheirs: () => void;
}

export function ConflictBox({ q, t, yours, conflict }: { q: Question; t: T; yours: unknown; conflict: Conflict }) {
  const { theirs } = conflict;
  return (
    <div className="portal-conflict" role="alert">
      <p>{t("ui.conflict.choose")}</p>
      <dl>
        <div>
          <dt>{t("ui.conflict.yours")}</dt>
          <dd>{answerText(q, yours, t)}</dd>
        </div>
        <div>
          <dt>{t("ui.conflict.theirs", { name: theirs.updatedBy, time: formatTime(theirs.updatedAt, t.locale) })}</dt>
          <dd>{answerText(q, theirs.value, t)}</dd>
        </div>
      </dl>
      <div className="actions">
        <button type="button" className="button" onClick={conflict.keepMine}>
          {t("ui.conflict.keep_yours")}
        </button>
        <button type="button" className="button secondary" onClick={conflict.keepTheirs}>
          {t("ui.conflict.keep_theirs")}
        </button>
      </div>
    </div>
  );
}
