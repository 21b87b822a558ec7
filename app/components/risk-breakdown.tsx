// The supplier page's risk section: the score and band, what it is made of (as one bar whose
// segments add up to the score), the red flags with the answers that raised them, the upstream path
// that drives exposure, the assessment's age, and the score's recent history.
import { Link } from "@remix-run/react";
import type { Breakdown } from "~/domain/risk/types";
import type { RiskViewData } from "~/domain/risk/view";
import { displayDriver } from "~/domain/risk/labels";
import { scoreBarGeometry } from "~/domain/risk/score-bar";
import { formatDate, formatScore } from "./format";
import { RiskBadge } from "./risk-badge";

function ScoreBar({ b }: { b: Breakdown }) {
  const g = scoreBarGeometry(b);
  const describe = g.segments.map((s) => `${s.label} ${formatScore(s.value)}`).join(", ");
  const controlsNote =
    g.removedByControls > 0.05
      ? `; controls removed ${formatScore(g.removedByControls)}` +
        (g.controlsOverridden ? ", outweighed by the red-flag floor or upstream exposure" : "")
      : "";
  return (
    <figure className="score-bar-figure">
      <div className="score-bar" role="img" aria-label={`Score ${formatScore(g.score)} of 100: ${describe}${controlsNote}`}>
        {g.segments.map((s) => (
          <span key={s.key} className={`seg seg-${s.key}`} style={{ width: `${s.width}%` }} title={`${s.label}: ${formatScore(s.value)}`} />
        ))}
        {g.controls.width > 0 ? (
          <span
            className="seg seg-controls"
            style={{ width: `${g.controls.width}%` }}
            title={`Removed by controls: ${formatScore(g.controls.width)}`}
          />
        ) : null}
      </div>
      <div className="score-scale" aria-hidden="true">
        <span>0</span>
        <span>50</span>
        <span>100</span>
      </div>
      <figcaption>
        <ul className="legend">
          {g.segments.map((s) => (
            <li key={s.key}>
              <span className={`swatch seg-${s.key}`} aria-hidden="true" /> {s.label} <strong>+{formatScore(s.value)}</strong>
            </li>
          ))}
          {g.removedByControls > 0.05 ? (
            <li>
              <span className="swatch seg-controls" aria-hidden="true" /> Removed by the supplier&apos;s controls{" "}
              <strong>−{formatScore(g.removedByControls)}</strong>
              {g.controlsOverridden ? (
                <span className="muted"> (outweighed: the red-flag floor or upstream exposure sets the score)</span>
              ) : null}
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
        ? `past its validity (${formatDate(a.validUntil)}): ` +
          `its controls count ${Math.round(a.fadeFactor * 100)}% and fade further until it is renewed`
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
      Scores are being recomputed (
      {risk.pending.map((p) => (p.total ? `${p.trigger}: ${p.done} of ${p.total}` : `${p.trigger}: queued`)).join("; ")}). Reload to see the
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
          <span className="risk-number">{formatScore(s.value)}</span> <span className="muted">/ 100</span>{" "}
          <RiskBadge band={s.band} score={null} />
        </p>
      </div>
      <p className="risk-driver">
        Main driver: <strong>{displayDriver(b.driver.label)}</strong>
      </p>
      <ScoreBar b={b} />
      <AssessmentAge b={b} orgSlug={orgSlug} />

      {s.flags.length ? (
        <div className="risk-flags">
          <h3 className="h3">Red flags</h3>
          <p className="small muted">
            Answers that point to forced or child labour (the ILO indicators, child labour, state-imposed labour). A red flag puts a floor
            under the score: {b.flags.floor === null ? "—" : formatScore(b.flags.floor)} here.
          </p>
          <ul>
            {s.flags.map((f) => (
              <li key={`${f.questionKey}-${f.indicator}`}>
                <span className={`badge flag-${f.severity}`}>{f.severity === "severe" ? "Severe" : "Red flag"}</span>{" "}
                <strong>{f.indicatorLabel}</strong> — asked &ldquo;{f.question}&rdquo;, the supplier answered <q>{f.answer}</q>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {via.length && b.exposure.value > b.residual ? (
        <div className="risk-exposure">
          <h3 className="h3">Exposure through its suppliers</h3>
          <p>
            Its own score is {formatScore(b.residual)}, but it buys from a riskier chain:{" "}
            {`${b.exposure.factor} × ${formatScore(via[0]!.score)} = ${formatScore(b.exposure.value)}`}, via{" "}
            {via.map((step, i) => (
              <span key={step.supplierId}>
                {i > 0 ? " → " : ""}
                {step.tier ? `tier-${step.tier} ` : ""}
                <Link to={`/o/${orgSlug}/suppliers/${step.supplierId}`}>{step.name ?? `#${step.supplierId}`}</Link>
                {step.countryLabel ? `, ${step.countryLabel}` : ""} ({formatScore(step.score)})
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
          Model {s.modelVersion}, methodology version {s.methodologyVersion}, reference data {s.referenceEdition}. Computed{" "}
          {formatDate(s.computedAt)} after: {s.trigger}. <Link to={`/o/${orgSlug}/methodology`}>How Lantern scores risk</Link>
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
                    {formatScore(h.score)} <RiskBadge band={h.band} score={null} />
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
