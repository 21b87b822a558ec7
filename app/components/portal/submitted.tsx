// The questionnaire after submission: every visible answer read-only, with comments, files and the
// reviewer's notes, and "Print or save a copy" (the browser's print dialog; a print stylesheet
// leaves out the buttons and the language switcher).
import { visibleQuestions } from "~/domain/questionnaire";
import type { Answers, QuestionnaireTemplate, ReviewComment } from "~/domain/questionnaire/types";
import { FileFacts, type PortalFile } from "./evidence";
import { answerText } from "~/domain/questionnaire/answer-text";
import { formatSize, type T } from "./i18n";

interface Props {
  t: T;
  template: QuestionnaireTemplate;
  status: string;
  orgName: string;
  answers: Readonly<Record<string, { value: unknown; comment: string | null }>>;
  files: readonly PortalFile[];
  comments: readonly ReviewComment[];
  dates: { submitted: string | null; approved: string | null; validUntil: string | null; today: string | null };
}

export function SubmittedView({ t, template, status, orgName, answers, files, comments, dates }: Props) {
  const values: Record<string, unknown> = {};
  for (const [k, a] of Object.entries(answers)) values[k] = a.value;
  return (
    <main className="portal-main" id="questions">
      {status === "approved" ? (
        <div className="alert success" role="status">
          <p className="alert-title">{t("ui.status.approved")}</p>
          <p>{t("ui.review.approved.body", { buyer: orgName, date: dates.approved ?? "" })}</p>
          {dates.validUntil ? <p>{t("ui.review.valid_until", { date: dates.validUntil })}</p> : null}
        </div>
      ) : status === "submitted" ? (
        <div className="alert success" role="status">
          <p className="alert-title">{t("ui.submitted.heading")}</p>
          <p>{t("ui.submitted.body", { buyer: orgName })}</p>
          {dates.submitted ? <p>{t("ui.submitted.on", { date: dates.submitted })}</p> : null}
        </div>
      ) : (
        <div className="alert note" role="status">
          {t("ui.status.label")}: {t(`ui.status.${status}`)}
        </div>
      )}
      <p className="muted">{t("ui.submitted.readonly")}</p>
      <p className="no-print">
        <button type="button" className="button portal-big" onClick={() => window.print()}>
          {t("ui.print")}
        </button>
      </p>
      <div className="print-only">
        <p className="eyebrow">{t("ui.print.heading")}</p>
        {dates.today ? <p className="small">{t("ui.print.generated", { date: dates.today })}</p> : null}
      </div>
      <h1>{t(template.title)}</h1>
      {template.sections.map((s) => (
        <section key={s.key} className="portal-copy-section" aria-labelledby={`copy-${s.key}`}>
          <h2 id={`copy-${s.key}`}>{t(`s.${s.key}.title`)}</h2>
          <dl className="portal-answers">
            {visibleQuestions(template, values as Answers, s.key).map((q) => {
              const a = answers[q.key];
              const own = files.filter((f) => f.questionKey === q.key);
              const notes = comments.filter((c) => c.question_key === q.key);
              return (
                <div key={q.key} className="portal-answer">
                  <dt>{t(`q.${q.key}.text`)}</dt>
                  <dd>
                    <p className="portal-answer-value">{q.type === "evidence" && own.length ? null : answerText(q, a?.value ?? null, t)}</p>
                    {a?.comment ? <p className="portal-answer-comment">{a.comment}</p> : null}
                    {own.length ? (
                      <ul className="portal-files">
                        {own.map((f) => (
                          <li key={f.id}>
                            <a href={`/s/portal/files/${f.id}`} download={f.filename}>
                              {f.filename}
                            </a>{" "}
                            <span className="muted small">({formatSize(f.size, t.locale)})</span>
                            <FileFacts f={f} t={t} buyer={orgName} />
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {notes.map((c) => (
                      <aside
                        key={c.id}
                        className={`portal-review${c.resolved_at ? " resolved" : ""}`}
                        aria-label={t("ui.review.comment_label")}
                      >
                        <p className="portal-review-from">
                          {t("ui.review.comment_from", { name: c.author_label })}
                          {c.resolved_at ? ` — ${t("ui.review.resolved")}` : ""}
                        </p>
                        <p className="portal-review-body">{c.body}</p>
                      </aside>
                    ))}
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      ))}
    </main>
  );
}
