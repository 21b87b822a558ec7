// Read-only pieces of the methodology settings page: the current values (what non-admins see instead
// of the form), the preview's band-move table and the version history.
import type { Methodology, RiskBand } from "~/domain/risk/types";
import { RISK_BANDS } from "~/domain/risk/types";
import { PRINCIPLES } from "~/domain/questionnaire/types";
import { Link } from "@remix-run/react";
import { formatDateTime } from "./format";

export const BAND_LABELS: Record<RiskBand | "none", string> = {
  none: "Not scored yet",
  low: "Low",
  medium: "Medium",
  high: "High",
  critical: "Critical",
};

const pct = (part: number, total: number) => (total > 0 ? `${Math.round((part / total) * 100)}%` : "—");

/** The band ranges of a methodology in words: "Low 0–29.9 · Medium 30–49.9 …". */
export function bandRanges(bands: Methodology["bands"]): Array<{ band: RiskBand; from: number; to: number | null }> {
  return [
    { band: "low", from: 0, to: bands.medium },
    { band: "medium", from: bands.medium, to: bands.high },
    { band: "high", from: bands.high, to: bands.critical },
    { band: "critical", from: bands.critical, to: null },
  ];
}

export function BandScale({ bands }: { bands: Methodology["bands"] }) {
  return (
    <ul className="methodology-bands" aria-label="Risk bands">
      {bandRanges(bands).map((r) => (
        <li key={r.band} className={`methodology-band band-${r.band}`}>
          <strong>{BAND_LABELS[r.band]}</strong> {r.to === null ? `${r.from} to 100` : `${r.from} to under ${r.to}`}
        </li>
      ))}
    </ul>
  );
}

/** Weights with each one's share of their total. */
function WeightTable({
  head,
  rows,
  total,
}: {
  head: string;
  rows: ReadonlyArray<{ key: string; label: string; weight: number }>;
  total: number;
}) {
  return (
    <table className="table compact">
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col" className="num">
            Weight
          </th>
          <th scope="col" className="num">
            Share
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td className="num">{r.weight}</td>
            <td className="num">{pct(r.weight, total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MethodologySummary({
  config,
  principleLabels,
  countryNames,
}: {
  config: Methodology;
  principleLabels: Record<string, string>;
  countryNames: Record<string, string>;
}) {
  const iw = config.inherentWeights;
  const iwTotal = iw.country + iw.goods + iw.workforce;
  const pwTotal = PRINCIPLES.reduce((s, p) => s + config.principleWeights[p], 0);
  const overrides = Object.entries(config.countryOverrides).sort(([a], [b]) => (a < b ? -1 : 1));
  return (
    <div className="methodology-summary">
      <h3 className="h3">Inherent risk weights</h3>
      <WeightTable
        head="Part"
        rows={(["country", "goods", "workforce"] as const).map((k) => ({ key: k, label: k[0]!.toUpperCase() + k.slice(1), weight: iw[k] }))}
        total={iwTotal}
      />

      <h3 className="h3">Athens principle weights</h3>
      <WeightTable
        head="Principle"
        rows={PRINCIPLES.map((p) => ({ key: p, label: `${p} ${principleLabels[p] ?? ""}`, weight: config.principleWeights[p] }))}
        total={pwTotal}
      />

      <h3 className="h3">Bands</h3>
      <BandScale bands={config.bands} />

      <h3 className="h3">Assessment validity</h3>
      <p>
        Valid for {config.validityMonths} months after approval, then fading to nothing over {config.fadeMonths} months.
      </p>

      <h3 className="h3">Country overrides</h3>
      <OverrideList overrides={overrides} countryNames={countryNames} />
    </div>
  );
}

export function OverrideList({
  overrides,
  countryNames,
  tip,
}: {
  overrides: Array<[string, { score: number; reason: string }]>;
  countryNames: Record<string, string>;
  /** The TIP placement each country would otherwise use (the methodology page shows it). */
  tip?: Record<string, { tier: string | null; year: number | null; score: number }>;
}) {
  if (overrides.length === 0) return <p className="muted">None: every country&apos;s risk comes from its TIP report tier.</p>;
  return (
    <table className="table compact methodology-override-table">
      <thead>
        <tr>
          <th scope="col">Country</th>
          <th scope="col" className="num">
            Country risk used
          </th>
          {tip ? <th scope="col">The TIP tier alone would give</th> : null}
          <th scope="col">Reason</th>
        </tr>
      </thead>
      <tbody>
        {overrides.map(([iso2, o]) => {
          const t = tip?.[iso2];
          return (
            <tr key={iso2}>
              <th scope="row">
                {countryNames[iso2] ?? iso2} ({iso2})
              </th>
              <td className="num">{o.score}</td>
              {tip ? <td>{t ? `${t.score} (${t.tier ? `${t.tier}, TIP ${t.year}` : "no TIP data"})` : "—"}</td> : null}
              <td className="methodology-reason">{o.reason}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export interface PreviewData {
  computed: number;
  moved: number;
  moves: Record<RiskBand | "none", Record<RiskBand, number>>;
  /** Which suppliers change band, the biggest moves first (absent in a preview stored before it was added). */
  changes?: Array<{ supplierId: number; name: string; before: RiskBand | null; after: RiskBand }>;
}

function ChangedSuppliers({ preview, orgSlug }: { preview: PreviewData; orgSlug: string }) {
  const changes = preview.changes ?? [];
  if (changes.length === 0) return null;
  return (
    <details className="methodology-changes" open={changes.length <= 20}>
      <summary>
        Which suppliers change band
        {preview.moved > changes.length ? ` (the ${changes.length} biggest moves of ${preview.moved})` : ""}
      </summary>
      <ul>
        {changes.map((c) => {
          const move = `${BAND_LABELS[c.before ?? "none"]} → ${BAND_LABELS[c.after]}`;
          return (
            <li key={c.supplierId}>
              <Link to={`/o/${orgSlug}/suppliers/${c.supplierId}`}>{c.name}</Link>: {move}
            </li>
          );
        })}
      </ul>
    </details>
  );
}

/** From → to counts of a preview; the diagonal (no change) is shown muted. */
export function BandMoves({ preview, orgSlug }: { preview: PreviewData; orgSlug: string }) {
  const froms = (["none", ...RISK_BANDS] as const).filter((f) => f !== "none" || RISK_BANDS.some((t) => preview.moves.none[t] > 0));
  return (
    <section className="card methodology-preview" aria-labelledby="preview-h" role="status">
      <h2 id="preview-h">Preview: nothing has been saved</h2>
      <p className="methodology-moved">
        <strong>
          {preview.moved} {preview.moved === 1 ? "supplier" : "suppliers"} would change band
        </strong>{" "}
        (of {preview.computed} scored with these settings).
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Suppliers per band now and with these settings">
        <table className="table compact methodology-moves">
          <caption className="sr-only">Suppliers per band now (rows) and with these settings (columns)</caption>
          <thead>
            <tr>
              <th scope="col">Band now ↓ / with these settings →</th>
              {RISK_BANDS.map((t) => (
                <th key={t} scope="col" className="num">
                  {BAND_LABELS[t]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {froms.map((f) => (
              <tr key={f}>
                <th scope="row">{BAND_LABELS[f]}</th>
                {RISK_BANDS.map((t) => {
                  const n = preview.moves[f][t];
                  const same = f === t;
                  return (
                    <td key={t} className={`num${same ? " same" : n > 0 ? " moved" : ""}`} data-from={f} data-to={t}>
                      {n}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ChangedSuppliers preview={preview} orgSlug={orgSlug} />
      <p className="small muted">Change the values and preview again, or save them as a new version; saving recomputes every score.</p>
    </section>
  );
}

export interface HistoryRow {
  version: number;
  note: string | null;
  createdAt: string;
  createdBy: string | null;
}

export function MethodologyHistory({ history }: { history: HistoryRow[] }) {
  if (history.length === 0) return <p className="muted">No version saved yet: the model&apos;s defaults apply (version 0).</p>;
  return (
    <table className="table methodology-history">
      <thead>
        <tr>
          <th scope="col" className="num">
            Version
          </th>
          <th scope="col">Saved</th>
          <th scope="col">By</th>
          <th scope="col">Note</th>
        </tr>
      </thead>
      <tbody>
        {history.map((h) => (
          <tr key={h.version}>
            <td className="num">{h.version}</td>
            <td className="nowrap">{formatDateTime(h.createdAt)}</td>
            <td>{h.createdBy ?? "—"}</td>
            <td className="methodology-reason">{h.note ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RecomputeProgress({ jobs }: { jobs: Array<{ id: number; trigger: string; status: string; done: number; total: number }> }) {
  if (jobs.length === 0) return null;
  return (
    <p className="alert methodology-jobs" role="status">
      Scores are being recomputed:{" "}
      {jobs.map((j) => (j.total ? `${j.trigger}, ${j.done} of ${j.total}` : `${j.trigger}, ${j.status}`)).join("; ")}. Reload to follow the
      progress.
    </p>
  );
}

/** A save refused because another admin saved a newer version meanwhile (409). */
export function ConflictNote({
  theirs,
  principleLabels,
  countryNames,
}: {
  theirs: { version: number; config: Methodology; note: string | null; createdAt: string | null; createdBy: string | null };
  principleLabels: Record<string, string>;
  countryNames: Record<string, string>;
}) {
  return (
    <div className="alert error" role="alert">
      <p className="alert-title">Not saved: version {theirs.version} was saved while you were editing.</p>
      <p>
        {theirs.createdBy ?? "Another admin"} saved it{theirs.createdAt ? ` at ${formatDateTime(theirs.createdAt)}` : ""}
        {theirs.note ? <>: &ldquo;{theirs.note}&rdquo;</> : "."} Your values are still in the form. Save again to replace their version with
        yours, or reload the page to start from theirs.
      </p>
      <details>
        <summary>Their settings (version {theirs.version})</summary>
        <MethodologySummary config={theirs.config} principleLabels={principleLabels} countryNames={countryNames} />
      </details>
    </div>
  );
}
