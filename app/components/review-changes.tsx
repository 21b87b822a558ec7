// What changed since the review, on the officer's assessment page: the red flags that an answer
// revised after the last request for changes removed ("Retracted after review", at the top; approval
// asks to acknowledge them), and the mark on each revised answer ("Revised after review: was X, now Y").
import type { Question } from "~/domain/questionnaire/types";
import type { T as Translate } from "~/domain/questionnaire/texts";
import { answerText } from "~/domain/questionnaire/answer-text";
import { formatDateTime, plural } from "./format";

export interface RevisedView {
  questionKey: string;
  /** The answer when changes were requested (absent or null: unanswered then). */
  before?: unknown;
  after?: unknown;
}
export interface RetractedView extends RevisedView {
  indicator: string;
  severity: string;
}

export function RetractedFlags({
  retracted,
  since,
  questions,
  t,
  underReview,
}: {
  retracted: readonly RetractedView[];
  since: string;
  /** Submitted and waiting for a decision: approving will ask to confirm the retracted flags. */
  underReview: boolean;
  questions: ReadonlyMap<string, Question>;
  t: Translate;
}) {
  if (!retracted.length) return null;
  return (
    <section className="card asm-retracted" aria-labelledby="retracted-h">
      <h2 id="retracted-h">Retracted after review</h2>
      <p>
        {retracted.length === 1 ? "A red flag" : `${retracted.length} red flags`} raised when changes were requested (
        {formatDateTime(since)}) {plural(retracted.length, "is", "are")} gone: a revised answer removed{" "}
        {plural(retracted.length, "it", "them")}. Check that the change is backed by evidence
        {underReview ? "; approving asks you to confirm it." : "."}
      </p>
      <ul>
        {retracted.map((f) => {
          const q = questions.get(f.questionKey);
          return (
            <li key={`${f.questionKey}:${f.indicator}`}>
              <strong>{t(`ilo.${f.indicator}`)}</strong> ({f.severity === "severe" ? "severe" : "other indicator"}) —{" "}
              <a href={`#q-${f.questionKey}`}>{t(`q.${f.questionKey}.text`)}</a>:{" "}
              <span className="asm-change">
                {q ? answerText(q, f.before, t) : String(f.before)} → {q ? answerText(q, f.after, t) : String(f.after)}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function RevisedNote({ question, revised, t }: { question: Question; revised: RevisedView; t: Translate }) {
  return (
    <p className="asm-revised">
      <strong>Revised after review:</strong> was {answerText(question, revised.before, t)}, now {answerText(question, revised.after, t)}
    </p>
  );
}
