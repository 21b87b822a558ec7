// The supplier page's risk section: the score and band, what it is made of (as one bar whose
// segments add up to the score), the red flags with the answers that raised them, the upstream path
// that drives exposure, the assessment's age, and the score's recent history.
import { Link } from "@remix-run/react";
import type { Breakdown } from "../domain/risk/types";
import { formatDate } from "./format";
import { RiskBadge } from "./risk-badge";

export interface RiskViewData {
  score: null | {
    value: number;
    band: string;
    computedAt: string;
    checkedAt: string | null;
    methodologyVersion: number;
    referenceEdition: string;
    modelVersion: string;
    trigger: string;
    breakdown: Breakdown;
    lines: string[];
    flags: Array<{ indicator: string; indicatorLabel: string; severity: "severe" | "other"; questionKey: string; question: string; answer: string }>;
    via: Array<{ supplierId: number; name?: string; countryLabel: string | null; tier?: number | null; score: number }>;
  };
  history: Array<{ id: number; at: string; score: number; band: string; trigger: string; methodologyVersion: number }>;
  pending: Array<{ trigger: string; status: string; done: number; total: number }>;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The named parts of the score as positive segments that add up to it (controls already applied). */
export function scoreSegments(b: Breakdown) {
  const keep = 1 - b.controls.factor * b.controls.maturity;
  const inherent = [
    { key: "country", label: "Country", value: b.inherent.country.value * b.inherent.country.weight * keep },
    { key: "goods", label: "Goods", value: b.inherent.goods.value * b.inherent.goods.weight * keep },
    { key: "workforce", label: "Workforce", value: b.inherent.workforce ? b.inherent.workforce.value * b.inherent.workforce.weight * keep : 0 },
  ];
  const flags = Math.max(0, b.residual - b.residualBeforeFlags);
  const exposure = Math.max(0, b.exposure.value - b.residual);
  return {
    segments: [...inherent, { key: "flags", label: "Red flags", value: flags }, { key: "exposure", label: "Upstream exposure", value: exposure }].filter((s) => s.value > 0.05),
    removedByControls: b.inherent.value * b.controls.factor * b.controls.maturity,
  };
}

function ScoreBar({ b }: { b: Breakdown }) {
  const { segments, removedByControls } = scoreSegments(b);
  const describe = segments.map((s) => `${s.label} ${round1(s.value)}`).join(", ");
  return (
    <figure className="score-bar-figure">
      <div className="score-bar" role="img" aria-label={`Score ${b.score} of 100: ${describe}${removedByControls > 0.05 ? `; controls removed ${round1(removedByControls)}` : ""}`}>
        {segments.map((s) => (
          <span key={s.key} className={`seg seg-${s.key}`} style={{ width: `${s.value}%` }} title={`${s.label}: ${round1(s.value)}`} />
        ))}
        {removedByControls > 0.05 ? <span className="seg seg-controls" style={{ width: `${removedByControls}%` }} title={`Removed by controls: ${round1(removedByControls)}`} /> : null}
      </div>
      <div className="score-scale" aria-hidden="true">
        <span>0</span>
        <span>50</span>
        <span>100</span>
      </div>
      <figcaption>
        <ul className="legend">
          {segments.map((s) => (
            <li key={s.key}>
              <span className={`swatch seg-${s.key}`} aria-hidden="true" /> {s.label} <strong>+{round1(s.value)}</strong>
            </li>
          ))}
          {removedByControls > 0.05 ? (
            <li>
              <span className="swatch seg-controls" aria-hidden="true" /> Removed by the supplier&apos;s controls <strong>−{round1(removedByControls)}</strong>
            </li>
          ) : null}
        </ul>
      </figcaption>
    </figure>
  );
}

function AssessmentAge({ b, orgSlug }: { b: Breakdown; orgSlug: string }) {
  const a = b.controls.assessment;
  if (!a) {
    return (
      <p className="risk-age">
        <strong>Not assessed.</strong> No approved questionnaire: the supplier&apos;s controls count as zero until one is approved.
      </p>
    );
  }
  const text =
    a.status === "valid"
      ? `valid until ${formatDate(a.validUntil)}`
      : a.status === "fading"
        ? `past its validity (${formatDate(a.validUntil)}): its controls count ${Math.round(a.fadeFactor * 100)}% and fade further until it is renewed`
        : `expired on ${formatDate(a.validUntil)}: its controls no longer count`;
  return (
    <p className={`risk-age ${a.status}`}>
      <Link to={`/o/${orgSlug}/assessments/${a.id}`}>Assessment</Link> approved {formatDate(a.approvedAt)} ({a.ageDays} days ago), {text}.
    </p>
  );
}

export function RiskPanel({ risk, orgSlug }: { risk: RiskViewData; orgSlug: string }) {
  const s = risk.score;
  const pending = risk.pending.length ? (
    <p className="small muted" role="status">
      Scores are being recomputed ({risk.pending.map((p) => (p.total ? `${p.trigger}: ${p.done} of ${p.total}` : `${p.trigger}: queued`)).join("; ")}). Reload to see the
      result.
    </p>
  ) : null;
  if (!s) {
    return (
      <section className="card risk-card" aria-labelledby="risk-h">
        <h2 id="risk-h">Risk</h2>
        <p className="muted">Not scored yet.</p>
        {pending}
      </section>
    );
  }
  const b = s.breakdown;
  const via = s.via;
  return (
    <section className="card risk-card" aria-labelledby="risk-h">
      <div className="risk-head">
        <h2 id="risk-h">Risk</h2>
        <p className="risk-score">
          <span className="risk-number">{s.value}</span> <span className="muted">/ 100</span> <RiskBadge band={s.band} score={null} />
        </p>
      </div>
      <p className="risk-driver">
        Main driver: <strong>{b.driver.label}</strong>
      </p>
      <ScoreBar b={b} />
      <AssessmentAge b={b} orgSlug={orgSlug} />

      {s.flags.length ? (
        <div className="risk-flags">
          <h3 className="h3">Red flags</h3>
          <p className="small muted">
            Answers that point to forced labour (ILO indicators). A red flag puts a floor under the score: {b.flags.floor ?? "—"} here.
          </p>
          <ul>
            {s.flags.map((f) => (
              <li key={`${f.questionKey}-${f.indicator}`}>
                <span className={`badge flag-${f.severity}`}>{f.severity === "severe" ? "Severe" : "Red flag"}</span> <strong>{f.indicatorLabel}</strong> — asked
                &ldquo;{f.question}&rdquo;, the supplier answered <q>{f.answer}</q>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {via.length && b.exposure.value > b.residual ? (
        <div className="risk-exposure">
          <h3 className="h3">Exposure through its suppliers</h3>
          <p>
            Its own score is {b.residual}, but it buys from a riskier chain: {b.exposure.factor} × {via[0]!.score} = {b.exposure.value}, via{" "}
            {via.map((step, i) => (
              <span key={step.supplierId}>
                {i > 0 ? " → " : ""}
                {step.tier ? `tier-${step.tier} ` : ""}
                <Link to={`/o/${orgSlug}/suppliers/${step.supplierId}`}>{step.name ?? `#${step.supplierId}`}</Link>
                {step.countryLabel ? `, ${step.countryLabel}` : ""} ({step.score})
              </span>
            ))}
            .
          </p>
        </div>
      ) : null}

      <details className="risk-detail">
        <summary>How this score is calculated</summary>
        <ol className="risk-lines">
          {s.lines.map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ol>
        <p className="small muted">
          Model {s.modelVersion}, methodology version {s.methodologyVersion}, reference data {s.referenceEdition}. Computed {formatDate(s.computedAt)} after:{" "}
          {s.trigger}. <Link to={`/o/${orgSlug}/methodology`}>How Lantern scores risk</Link>
        </p>
      </details>

      {risk.history.length > 1 ? (
        <details className="risk-history">
          <summary>Score history ({risk.history.length})</summary>
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Score</th>
                <th scope="col">Why it was recomputed</th>
              </tr>
            </thead>
            <tbody>
              {risk.history.map((h) => (
                <tr key={h.id}>
                  <td>{formatDate(h.at)}</td>
                  <td>
                    {h.score} <RiskBadge band={h.band} score={null} />
                  </td>
                  <td>{h.trigger}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
      {pending}
    </section>
  );
}
