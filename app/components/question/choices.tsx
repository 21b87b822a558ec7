// Radios (yes/no, single choice) and checkboxes (multiple choice) in a fieldset whose legend is the
// question; N/A as one more choice where the question allows it. An exclusive option ("none of
// these") clears the others and is cleared by them.
import type { ReactNode } from "react";
import { naLabel } from "~/domain/questionnaire/answer-text";
import type { T } from "~/domain/questionnaire/texts";
import { NA, type Question } from "~/domain/questionnaire/types";
import type { RawValue, When } from "./types";

function toggle(q: Question, list: readonly string[], key: string, on: boolean): string[] {
  if (!on) return list.filter((k) => k !== key);
  if (q.type !== "multi") return [key];
  const exclusive = new Set(q.options.filter((o) => o.exclusive).map((o) => o.key));
  if (exclusive.has(key)) return [key];
  return [...list.filter((k) => !exclusive.has(k)), key];
}

function optionsOf(q: Question, t: T): Array<{ key: string; label: string }> {
  if (q.type === "yes_no")
    return [
      { key: "yes", label: t("ui.yes") },
      { key: "no", label: t("ui.no") },
    ];
  if (q.type === "single" || q.type === "multi") return q.options.map((o) => ({ key: o.key, label: t(`q.${q.key}.opt.${o.key}`) }));
  return [];
}

interface Props {
  q: Question;
  t: T;
  name: string;
  labelId: string;
  text: ReactNode;
  help: ReactNode;
  value: RawValue;
  describedBy: string | undefined;
  invalid: boolean;
  onValue: (value: RawValue, when: When) => void;
}

export function ChoiceControl({ q, t, name, labelId, text, help, value, describedBy, invalid, onValue }: Props) {
  const multi = q.type === "multi";
  const list = Array.isArray(value) ? value : [];
  return (
    <fieldset className="portal-fieldset" aria-describedby={describedBy} aria-invalid={invalid ? true : undefined}>
      <legend id={labelId} className="portal-q-text">
        {text}
      </legend>
      {help}
      {multi ? <p className="hint">{t("ui.question.multi_hint")}</p> : null}
      <div className="portal-choices">
        {optionsOf(q, t).map((o) => (
          <label key={o.key} className="portal-choice">
            <input
              type={multi ? "checkbox" : "radio"}
              name={name}
              value={o.key}
              checked={multi ? list.includes(o.key) : value === o.key}
              onChange={(e) => {
                const next = multi ? toggle(q, list, o.key, e.currentTarget.checked) : o.key;
                onValue(multi && next.length === 0 ? null : next, "now");
              }}
            />
            <span>{o.label}</span>
          </label>
        ))}
        {q.allowNa ? (
          <label className="portal-choice portal-choice-na">
            <input
              type={multi ? "checkbox" : "radio"}
              name={name}
              value={NA}
              checked={value === NA}
              onChange={(e) => onValue(e.currentTarget.checked ? NA : null, "now")}
            />
            <span>{naLabel(q, t)}</span>
          </label>
        ) : null}
      </div>
    </fieldset>
  );
}
