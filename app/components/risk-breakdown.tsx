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
import { LikelyGoodsPanel } from "./risk-likely-goods";

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

/** v2: per principle, how much of what the supplier answered is declared, evidenced or verified. */
function ProofTable({ b }: { b: Breakdown }) {
  const rows = b.controls.principles.filter((p) => p.applicable > 0 && p.proof);
  if (rows.length === 0) return null;
  const pct = (x: number | undefined) => `${Math.round((x ?? 0) * 100)}%`;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="What backs the answers, per principle">
      <table className="table compact proof-table">
        <caption>What backs the answers, per principle</caption>
        <thead>
          <tr>
            <th scope="col">Principle</th>
            <th scope="col">As answered</th>
            <th scope="col">Counted</th>
            <th scope="col">Declared</th>
            <th scope="col">Evidenced</th>
            <th scope="col">Verified</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.principle}>
              <th scope="row">{p.principle}</th>
              <td>{pct(p.answeredScore)}</td>
              <td>{pct(p.score)}</td>
              <td>{pct(p.proof?.declared)}</td>
              <td>{pct(p.proof?.evidenced)}</td>
              <td>{pct(p.proof?.verified)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
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
      ? `counts fully until ${formatDate(a.validUntil)}` + (a.fadeEnd ? `, no longer counts from ${formatDate(a.fadeEnd)}` : "")
      : a.status === "fading"
        ? `past its validity (${formatDate(a.validUntil)}): ` +
          `its controls count ${Math.round(a.fadeFactor * 100)}% and fade further until it is renewed` +
          (a.fadeEnd ? ` or until ${formatDate(a.fadeEnd)}, when they no longer count` : "")
        : `expired on ${formatDate(a.validUntil)}: its controls no longer count`;
  return (
    <p className={`risk-age ${a.status}`}>
      <Link to={`/o/${orgSlug}/assessments/${a.id}`}>Assessment</Link> approved {formatDate(a.approvedAt)} ({a.ageDays} days ago), {text}.
    </p>
  );
}

type Scored = NonNullable<RiskViewData["score"]>;

function RedFlags({ s }: { s: Scored }) {
  const b = s.breakdown;
  return (
    <>
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
    </>
  );
}

function Exposure({ s, orgSlug }: { s: Scored; orgSlug: string }) {
  const b = s.breakdown;
  const via = s.via;
  return (
    <>
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
    </>
  );
}

export function RiskPanel({
  risk,
  orgSlug,
  supplierId,
  canEdit,
}: {
  risk: RiskViewData;
  orgSlug: string;
  supplierId: number;
  canEdit: boolean;
}) {
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
      <ul className="risk-summary">
        {s.summary.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      <ScoreBar b={b} />
      <AssessmentAge b={b} orgSlug={orgSlug} />
      {b.inherent.goods.likely ? (
        <LikelyGoodsPanel likely={b.inherent.goods.likely} orgSlug={orgSlug} supplierId={supplierId} canEdit={canEdit} />
      ) : null}

      <RedFlags s={s} />
      <Exposure s={s} orgSlug={orgSlug} />

      <details className="risk-detail">
        <summary>How this score is calculated</summary>
        {b.controls.declaredCredit !== undefined ? <ProofTable b={b} /> : null}
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
