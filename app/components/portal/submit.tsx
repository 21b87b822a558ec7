// The end of the questionnaire: what is still missing (live, and as the server said on a refused
// submission), with links to each question, then Submit with a confirmation step.
import { Link } from "@remix-run/react";
import { useState } from "react";
import type { MissingItem } from "~/domain/questionnaire";
import { questionId } from "~/components/question/types";
import type { T } from "./i18n";

export function MissingList({
  t,
  items,
  hrefFor,
}: {
  t: T;
  items: readonly MissingItem[];
  hrefFor: (sectionKey: string, hash: string) => string;
}) {
  if (items.length === 0) return <p>{t("ui.missing.none")}</p>;
  return (
    <>
      <p>{t.plural("ui.missing.count", items.length)}</p>
      <ul className="portal-missing">
        {items.map((m) => (
          <li key={`${m.questionKey}-${m.reason}`}>
            <Link to={hrefFor(m.sectionKey, `#${questionId(m.questionKey)}`)}>{t(`q.${m.questionKey}.text`)}</Link>
            <span className="portal-missing-why">
              {t(m.reason === "evidence" ? "ui.missing.evidence" : "ui.missing.unanswered")} · {t(`s.${m.sectionKey}.title`)}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

export function SubmitBox(props: {
  t: T;
  assessmentId: number;
  orgName: string;
  missing: readonly MissingItem[];
  hrefFor: (sectionKey: string, hash: string) => string;
  unsent: number;
  /** Answers refused as out of range etc.: they must be corrected before submitting. */
  invalid: number;
  onSubmitted: () => void;
  onSessionEnded: () => void;
}) {
  const { t } = props;
  const [step, setStep] = useState<"idle" | "confirm" | "sending">("idle");
  const [refused, setRefused] = useState<MissingItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    setStep("sending");
    setError(null);
    const body = new FormData();
    body.set("assessmentId", String(props.assessmentId));
    try {
      const res = await fetch("/s/portal/submit", { method: "POST", body, headers: { Accept: "application/json" } });
      const data = (await res.json().catch(() => ({}))) as { missing?: MissingItem[]; messageKey?: string };
      if (res.ok || res.status === 409) {
        props.onSubmitted();
        return;
      }
      if (res.status === 400 && data.missing) setRefused(data.missing);
      else if (res.status === 401 || res.status === 404) props.onSessionEnded();
      else setError(t(data.messageKey ?? "ui.save_failed"));
    } catch {
      setError(t("ui.offline"));
    }
    setStep("idle");
  }

  const items = refused ?? props.missing;
  return (
    <section className="portal-submit card" aria-labelledby="submit-h">
      <h2 id="submit-h">{t("ui.submit.heading")}</h2>
      {refused && refused.length ? (
        <div className="alert error" role="alert">
          {t("ui.submit.blocked")}
        </div>
      ) : null}
      <h3 className="h3">{t("ui.missing.heading")}</h3>
      <MissingList t={t} items={items} hrefFor={props.hrefFor} />
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {props.invalid > 0 ? <p className="alert note">{t.plural("ui.invalid_answers", props.invalid)}</p> : null}
      {props.unsent > 0 ? <p className="alert note">{t("ui.unsent_changes")}</p> : null}
      {step === "confirm" ? (
        <div className="portal-confirm" role="group" aria-labelledby="confirm-text">
          <p id="confirm-text">{t("ui.submit.confirm", { buyer: props.orgName })}</p>
          <div className="actions">
            <button type="button" className="button portal-big" onClick={() => void submit()} autoFocus>
              {t("ui.submit.confirm_button")}
            </button>
            <button type="button" className="button secondary portal-big" onClick={() => setStep("idle")}>
              {t("ui.submit.cancel")}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="button portal-big"
          disabled={step === "sending" || props.unsent > 0 || props.invalid > 0}
          onClick={() => {
            setRefused(null);
            setStep("confirm");
          }}
        >
          {step === "sending" ? t("ui.submit.submitting") : t("ui.submit")}
        </button>
      )}
    </section>
  );
}
