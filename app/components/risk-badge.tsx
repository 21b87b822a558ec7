// A supplier's risk: the band as a coloured badge that always says its band in words (colour is
// never the only cue), optionally preceded by the score. Colours are in app.css (.badge.risk-*),
// each at least 4.5:1 text/background contrast (WCAG AA for small text).
// No hooks: cheap enough to render once per row of a 200-row list.

export const RISK_BAND_LABELS: Readonly<Record<string, string>> = {
  critical: "Critical",
  high: "High",
  medium: "Medium",
  low: "Low",
};

/** "61.9" — scores are stored with at most one decimal. */
export function formatRiskScore(score: number): string {
  return String(Math.round(score * 10) / 10);
}

/** `band` null: "Not scored". `score` null or left out: the badge alone (for places that show the score elsewhere). */
export function RiskBadge({ band, score }: { band: string | null | undefined; score?: number | null }) {
  if (!band) return <span className="badge risk risk-none">Not scored</span>;
  const known = RISK_BAND_LABELS[band];
  const badge = <span className={`badge risk risk-${known ? band : "none"}`}>{known ?? band}</span>;
  if (score === null || score === undefined || !Number.isFinite(score)) return badge;
  return (
    <span className="risk-value">
      <span className="risk-value-score">{formatRiskScore(score)}</span> {badge}
    </span>
  );
}
