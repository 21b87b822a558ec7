// A supplier's risk: the band as a coloured badge that always says its band in words (colour is
// never the only cue), optionally preceded by the score. Colours are in app.css (.badge.risk-*),
// each at least 4.5:1 text/background contrast (WCAG AA for small text).
import { formatScore } from "./format";

export const RISK_BAND_LABELS: Readonly<Record<string, string>> = {
  critical: "Critical",
  high: "High",
  medium: "Medium",
  low: "Low",
};

/** "61.9", "90.0" — one decimal everywhere a score is shown (components/format.ts). */
export const formatRiskScore = formatScore;

interface RiskBadgeProps {
  /** null: not scored yet. */
  band: string | null | undefined;
  /** Shown before the badge; null or left out: the badge alone (where the score is shown elsewhere). */
  score?: number | null;
}

function parts({ band, score }: RiskBadgeProps) {
  if (!band) return { className: "badge risk risk-none", text: "Not scored", score: null };
  const known = RISK_BAND_LABELS[band];
  const shown = score === null || score === undefined || !Number.isFinite(score) ? null : formatRiskScore(score);
  return { className: `badge risk risk-${known ? band : "none"}`, text: known ?? band, score: shown };
}

export function RiskBadge(props: RiskBadgeProps) {
  const p = parts(props);
  const badge = <span className={p.className}>{p.text}</span>;
  if (p.score === null) return badge;
  return (
    <span className="risk-value">
      <span className="risk-value-score">{p.score}</span> {badge}
    </span>
  );
}
