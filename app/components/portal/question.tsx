// One question of the supplier portal, rendered by its type: radios for yes/no and single choice,
// checkboxes for multiple choice (fieldset + legend), a text box for numbers (typed as in the
// reader's language: "12,5" is fine), dates and text; N/A where the question allows it; its help,
// its save state, field messages, a conflict with both versions, evidence and the reviewer's comments.
import type { ReactNode } from "react";
import { NA, TEXT_MAX_LENGTH, type Question } from "~/domain/questionnaire/types";
import type { QuestionStatus, RawValue } from "./autosave";
import { answerText, naLabel, questionId, unitLabel } from "./format";
import { formatTime, type T } from "./i18n";

export interface ReviewComment {
  id: number;
  questionKey: string;
  author: string;
  body: string;
  createdAt: string;
  resolved: boolean;
}

interface Props {
  q: Question;
  t: T;
  value: RawValue;
  comment: string;
  status: QuestionStatus | undefined;
  reviewComments: readonly ReviewComment[];
  evidence: ReactNode;
  onValue: (value: RawValue, when: "now" | "typing") => void;
  onComment: (comment: string) => void;
  onBlur: () => void;
  keepMine: () => void;
  keepTheirs: () => void;
}

function toggle(q: Question, list: readonly string[], key: string, on: boolean): string[] {
  if (!on) return list.filter((k) => k !== key);
  if (q.type !== "multi") return [key];
  const exclusive = new Set(q.options.filter((o) => o.exclusive).map((o) => o.key));
  if (exclusive.has(key)) return [key];
  return [...list.filter((k) => !exclusive.has(k)), key];
}

export function QuestionField(p: Props) {
  const { q, t, value, status } = p;
  const id = questionId(q.key);
  const labelId = `${id}-label`;
  const inputId = `${id}-input`;
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const error = status?.phase === "invalid" || status?.phase === "error" ? t(status.messageKey ?? "ui.save_failed", status.params) : null;
  const describedBy = [t.has(`q.${q.key}.help`) ? helpId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  const text = (
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
  const help = t.has(`q.${q.key}.help`) ? (
    <p className="hint portal-help" id={helpId}>
      {t(`q.${q.key}.help`)}
    </p>
  ) : null;
  const na = value === NA;

  let control: ReactNode;
  if (q.type === "yes_no" || q.type === "single" || q.type === "multi") {
    const options: Array<{ key: string; label: string }> =
      q.type === "yes_no"
        ? [
            { key: "yes", label: t("ui.yes") },
            { key: "no", label: t("ui.no") },
          ]
        : q.options.map((o) => ({ key: o.key, label: t(`q.${q.key}.opt.${o.key}`) }));
    const multi = q.type === "multi";
    const list = Array.isArray(value) ? value : [];
    control = (
      <fieldset className="portal-fieldset" aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
        <legend id={labelId} className="portal-q-text">
          {text}
        </legend>
        {help}
        {multi ? <p className="hint">{t("ui.question.multi_hint")}</p> : null}
        <div className="portal-choices">
          {options.map((o) => (
            <label key={o.key} className="portal-choice">
              <input
                type={multi ? "checkbox" : "radio"}
                name={id}
                value={o.key}
                checked={multi ? list.includes(o.key) : value === o.key}
                onChange={(e) => {
                  const next = multi ? toggle(q, list, o.key, e.currentTarget.checked) : o.key;
                  p.onValue(multi && next.length === 0 ? null : next, "now");
                }}
              />
              <span>{o.label}</span>
            </label>
          ))}
          {q.allowNa ? (
            <label className="portal-choice portal-choice-na">
              <input
                type={multi ? "checkbox" : "radio"}
                name={id}
                value={NA}
                checked={na}
                onChange={(e) => p.onValue(e.currentTarget.checked ? NA : null, "now")}
              />
              <span>{naLabel(q, t)}</span>
            </label>
          ) : null}
        </div>
      </fieldset>
    );
  } else if (q.type === "evidence") {
    control = (
      <div role="group" aria-labelledby={labelId}>
        <p id={labelId} className="portal-q-text">
          {text}
        </p>
        {help}
      </div>
    );
  } else {
    const unit = unitLabel(q, t);
    const hint =
      q.type === "percent"
        ? t("ui.percent.hint")
        : q.type === "number"
          ? t("ui.number.hint")
          : q.type === "date"
            ? t("ui.date.hint")
            : null;
    const hintId = `${id}-hint`;
    const max = q.type === "text" ? (q.maxLength ?? TEXT_MAX_LENGTH) : undefined;
    const shown = na || value === null || Array.isArray(value) ? "" : value;
    const common = {
      id: inputId,
      value: shown,
      disabled: na,
      "aria-describedby": [describedBy, hint ? hintId : null].filter(Boolean).join(" ") || undefined,
      "aria-invalid": error ? true : undefined,
      onBlur: p.onBlur,
    };
    control = (
      <div className="field">
        <label htmlFor={inputId} id={labelId} className="portal-q-text">
          {text}
        </label>
        {help}
        {hint ? (
          <p className="hint" id={hintId}>
            {hint}
          </p>
        ) : null}
        {q.type === "text" ? (
          <>
            <textarea {...common} rows={4} maxLength={max} onChange={(e) => p.onValue(e.currentTarget.value, "typing")} />
            {max && shown.length > max - 200 ? (
              <p className="hint">{t("ui.question.text_remaining", { count: max - shown.length })}</p>
            ) : null}
          </>
        ) : (
          <div className="portal-input-row">
            <input
              {...common}
              type={q.type === "date" ? "date" : "text"}
              inputMode={q.type === "date" ? undefined : q.type === "number" && q.integer ? "numeric" : "decimal"}
              autoComplete="off"
              className={q.type === "date" ? "portal-date" : "portal-number"}
              onChange={(e) => p.onValue(e.currentTarget.value, q.type === "date" ? "now" : "typing")}
            />
            {unit ? <span className="portal-unit">{unit}</span> : null}
          </div>
        )}
        {q.allowNa ? (
          <label className="portal-choice portal-choice-na">
            <input type="checkbox" checked={na} onChange={(e) => p.onValue(e.currentTarget.checked ? NA : null, "now")} />
            <span>{naLabel(q, t)}</span>
          </label>
        ) : null}
      </div>
    );
  }

  const hasReview = p.reviewComments.some((c) => !c.resolved);
  return (
    <section className={`portal-q${hasReview ? " has-review" : ""}`} id={id} aria-labelledby={labelId} tabIndex={-1}>
      {p.reviewComments.map((c) => (
        <aside key={c.id} className={`portal-review${c.resolved ? " resolved" : ""}`} aria-label={t("ui.review.comment_label")}>
          <p className="portal-review-from">
            {t("ui.review.comment_from", { name: c.author })}
            {c.resolved ? ` — ${t("ui.review.resolved")}` : ""}
          </p>
          <p className="portal-review-body">{c.body}</p>
        </aside>
      ))}
      {control}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
      {status?.phase === "conflict" && status.theirs ? (
        <div className="portal-conflict" role="alert">
          <p>{t("ui.conflict.choose")}</p>
          <dl>
            <div>
              <dt>{t("ui.conflict.yours")}</dt>
              <dd>{answerText(q, value, t)}</dd>
            </div>
            <div>
              <dt>{t("ui.conflict.theirs", { name: status.theirs.updatedBy, time: formatTime(status.theirs.updatedAt, t.locale) })}</dt>
              <dd>{answerText(q, status.theirs.value, t)}</dd>
            </div>
          </dl>
          <div className="actions">
            <button type="button" className="button" onClick={p.keepMine}>
              {t("ui.conflict.keep_yours")}
            </button>
            <button type="button" className="button secondary" onClick={p.keepTheirs}>
              {t("ui.conflict.keep_theirs")}
            </button>
          </div>
        </div>
      ) : null}
      {p.evidence}
      <details className="portal-comment" open={Boolean(p.comment) || hasReview}>
        <summary>{t(hasReview ? "ui.review.reply" : "ui.question.comment")}</summary>
        <label htmlFor={`${id}-comment`} className="sr-only">
          {t(hasReview ? "ui.review.reply" : "ui.question.comment")}
        </label>
        <textarea
          id={`${id}-comment`}
          rows={2}
          maxLength={2000}
          value={p.comment}
          placeholder={t(hasReview ? "ui.review.reply_placeholder" : "ui.question.comment_hint")}
          onChange={(e) => p.onComment(e.currentTarget.value)}
          onBlur={p.onBlur}
        />
      </details>
      <p className="portal-q-status">
        {status?.phase === "saving"
          ? t("ui.saving")
          : status?.phase === "saved"
            ? t("ui.saved")
            : status?.phase === "waiting" || status?.phase === "ended"
              ? t("ui.not_sent")
              : ""}
      </p>
    </section>
  );
}
