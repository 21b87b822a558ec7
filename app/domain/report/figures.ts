// The headline figures, worded once for the dashboard, the board report and its CSV, so the three
// always show the same numbers. Pure module: no node, kysely, remix or react imports.
import { BAND_LABELS, tierLabel, type CubeSummary, type DashboardData, type DashboardFilter } from "./types";

const INT = new Intl.NumberFormat("en");

export function summaryHighCritical(s: Pick<CubeSummary, "bands">): number {
  return s.bands.high + s.bands.critical;
}

export type HeadlineKey = "suppliers" | "assessed" | "high-critical" | "red-flags" | "overdue-assessments" | "actions";

export interface HeadlineFigure {
  key: HeadlineKey;
  label: string;
  /** The figure as shown, e.g. "40" or "30%". */
  display: string;
  /** A second line, e.g. "Tier 1: 12 · Tier 2: 12". */
  detail: string;
  /** Worth attention (shown in the warning colour) when above zero. */
  alert: boolean;
}

export function formatShare(share: number | null): string {
  return share === null ? "—" : `${Math.round(share * 100)}%`;
}

export function headlineFigures(d: Pick<DashboardData, "summary" | "actions" | "assessments">): HeadlineFigure[] {
  const s = d.summary;
  const hc = summaryHighCritical(s);
  return [
    {
      key: "suppliers",
      label: "Suppliers",
      display: INT.format(s.suppliers),
      detail: s.byTier.map((t) => `${tierLabel(t.tier)}: ${INT.format(t.suppliers)}`).join(" · ") || "None yet",
      alert: false,
    },
    {
      key: "assessed",
      label: "With a valid approved assessment",
      display: formatShare(s.assessedShare),
      detail: `${INT.format(s.assessed)} of ${INT.format(s.suppliers)} suppliers`,
      alert: false,
    },
    {
      key: "high-critical",
      label: "High and critical risk",
      display: INT.format(hc),
      detail: `${INT.format(s.bands.critical)} critical · ${INT.format(s.bands.high)} high`,
      alert: hc > 0,
    },
    {
      key: "red-flags",
      label: "Open red flags",
      display: INT.format(d.actions.openRedFlags),
      detail: "Red-flag actions not yet done",
      alert: d.actions.openRedFlags > 0,
    },
    {
      key: "overdue-assessments",
      label: "Overdue assessments",
      display: INT.format(d.assessments.overdue),
      detail: "Questionnaires past their due date",
      alert: d.assessments.overdue > 0,
    },
    {
      key: "actions",
      label: "Open corrective actions",
      display: INT.format(d.actions.open),
      detail: `${INT.format(d.actions.overdue)} overdue`,
      alert: d.actions.overdue > 0,
    },
  ];
}

/** "Tier 1 suppliers in Bangladesh (sector Apparel, goods Cotton, high band)"; null without a filter. */
export function scopeLabel(f: DashboardFilter, countryNames: Readonly<Record<string, string>>): string | null {
  const extras: string[] = [];
  if (f.sector) extras.push(`sector ${f.sector}`);
  if (f.good) extras.push(`goods ${f.good}`);
  if (f.band) extras.push(f.band === "none" ? "not scored yet" : `${BAND_LABELS[f.band].toLowerCase()} band`);
  if (f.tier === undefined && !f.country && !extras.length) return null;
  let base = f.tier === undefined ? "suppliers" : f.tier === 0 ? "suppliers not linked to a buyer" : `${tierLabel(f.tier)} suppliers`;
  if (f.country) base += ` in ${countryNames[f.country] ?? f.country}`;
  return extras.length ? `${base} (${extras.join(", ")})` : base;
}
