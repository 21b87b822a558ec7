// A question answered by typing: a text box for numbers and percentages (typed as in the reader's
// language: "12,5" is fine) with the unit after it, a date field, or a text area with the characters
// left near its end; N/A as a checkbox where the question allows it.
import type { ReactNode } from "react";
import { naLabel, unitLabel } from "~/domain/questionnaire/answer-text";
import type { T } from "~/domain/questionnaire/texts";
import { NA, TEXT_MAX_LENGTH, type Question } from "~/domain/questionnaire/types";
import type { RawValue, When } from "./types";

interface Props {
  q: Question;
  t: T;
  id: string;
  labelId: string;
  text: ReactNode;
  help: ReactNode;
  value: RawValue;
  describedBy: string | undefined;
  invalid: boolean;
  onValue: (value: RawValue, when: When) => void;
  onBlur: () => void;
}

function hintKey(q: Question): string | null {
  if (q.type === "percent") return "ui.percent.hint";
  if (q.type === "number") return "ui.number.hint";
  if (q.type === "date") return "ui.date.hint";
  return null;
}

export function TypedControl({ q, t, id, labelId, text, help, value, describedBy, invalid, onValue, onBlur }: Props) {
  const inputId = `${id}-input`;
  const hintId = `${id}-hint`;
  const hint = hintKey(q);
  const unit = unitLabel(q, t);
  const na = value === NA;
  const max = q.type === "text" ? (q.maxLength ?? TEXT_MAX_LENGTH) : undefined;
  const shown = na || value === null || Array.isArray(value) ? "" : value;
  const common = {
    id: inputId,
    value: shown,
    disabled: na,
    "aria-describedby": [describedBy, hint ? hintId : null].filter(Boolean).join(" ") || undefined,
    "aria-invalid": invalid ? true : undefined,
    onBlur,
  };
  return (
    <div className="field">
      <label htmlFor={inputId} id={labelId} className="portal-q-text">
        {text}
      </label>
      {help}
      {hint ? (
        <p className="hint" id={hintId}>
          {t(hint)}
        </p>
      ) : null}
      {q.type === "text" ? (
        <>
          <textarea {...common} rows={4} maxLength={max} onChange={(e) => onValue(e.currentTarget.value, "typing")} />
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
            onChange={(e) => onValue(e.currentTarget.value, q.type === "date" ? "now" : "typing")}
          />
          {unit ? <span className="portal-unit">{unit}</span> : null}
        </div>
      )}
      {q.allowNa ? (
        <label className="portal-choice portal-choice-na">
          <input type="checkbox" checked={na} onChange={(e) => onValue(e.currentTarget.checked ? NA : null, "now")} />
          <span>{naLabel(q, t)}</span>
        </label>
      ) : null}
    </div>
  );
}
