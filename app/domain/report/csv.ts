// The numbers behind every chart of the dashboard and the board report, as one long CSV table
// (section, item, series, value), so they can be checked or charted again in a spreadsheet. Cells
// are formula-safe (toCsv neutralises "=…", "+…" and the like). Pure module: no node, kysely, remix
// or react imports.
import { toCsv } from "~/domain/csv/serialize";
import { summaryHighCritical } from "./figures";
import { topCountriesByRisk, topCountriesBySpend } from "./aggregate";
import { periodLabel } from "./period";
import { BAND_LABELS, BANDS, tierLabel, type DashboardData } from "./types";

export const CSV_HEADER = ["section", "item", "series", "value"] as const;
type Row = [string, string, string, string | number | null];

/** "Bangladesh (BD)". */
const countryItem = (d: DashboardData, iso2: string) => `${d.countryNames[iso2] ?? iso2} (${iso2})`;

export function reportRows(d: DashboardData, meta: { organization: string; scope: string | null; generatedAt: string }): Row[] {
  const rows: Row[] = [
    ["report", "organization", "", meta.organization],
    ["report", "period", "", periodLabel(d.period)],
    ["report", "scope", "", meta.scope ?? "All suppliers"],
    ["report", "generated at", "", meta.generatedAt],
  ];
  const s = d.summary;
  const head = (item: string, value: number | null, series = "") => rows.push(["headline", item, series, value]);
  head("suppliers", s.suppliers);
  for (const t of s.byTier) head("suppliers", t.suppliers, tierLabel(t.tier));
  head("with a valid approved assessment", s.assessed);
  head("with a valid approved assessment", s.assessedShare === null ? null : Math.round(s.assessedShare * 1000) / 10, "% of suppliers");
  head("high and critical suppliers", summaryHighCritical(s));
  head("high and critical suppliers", s.bands.high, "high");
  head("high and critical suppliers", s.bands.critical, "critical");
  head("average risk score", s.avgScore);
  head("open red flags", d.actions.openRedFlags);
  head("overdue assessments", d.assessments.overdue);
  head("open corrective actions", d.actions.open);
  head("overdue corrective actions", d.actions.overdue);

  for (const t of s.byTier) for (const b of BANDS) rows.push(["risk bands by tier", tierLabel(t.tier), BAND_LABELS[b], t.bands[b]]);
  for (const c of topCountriesByRisk(s.countries)) {
    rows.push(["countries by high and critical suppliers", countryItem(d, c.country), "critical", c.critical]);
    rows.push(["countries by high and critical suppliers", countryItem(d, c.country), "high", c.high]);
  }
  const cur = s.spend.currency ?? "";
  for (const c of topCountriesBySpend(s.countries)) {
    rows.push(["spend at risk by country", countryItem(d, c.country), `critical (${cur})`, Math.round(c.spendCritical)]);
    rows.push(["spend at risk by country", countryItem(d, c.country), `high (${cur})`, Math.round(c.spendHigh)]);
  }
  rows.push(["spend at risk", "all countries", `high and critical (${cur})`, Math.round(s.spend.atRisk)]);
  rows.push(["spend at risk", "all countries", `total (${cur})`, Math.round(s.spend.total)]);
  for (const p of d.principles) {
    rows.push(["maturity by Athens principle", `${p.principle} ${p.label}`, "average %", p.average]);
    rows.push(["maturity by Athens principle", `${p.principle} ${p.label}`, "suppliers", p.suppliers]);
  }
  for (const t of d.trend.points) {
    rows.push(["trend", t.day, "average score", t.avgScore]);
    rows.push(["trend", t.day, "high and critical", t.high + t.critical]);
    rows.push(["trend", t.day, "suppliers", t.suppliers]);
  }
  for (const k of ["sent", "started", "submitted", "approved"] as const) rows.push(["assessment funnel", k, "questionnaires", d.funnel[k]]);
  rows.push(["corrective actions", "opened in period", "", d.actions.openedInPeriod]);
  rows.push(["corrective actions", "closed in period", "", d.actions.closedInPeriod]);
  d.riskiest.forEach((r, i) => {
    const item = `${i + 1}. ${r.name}`;
    rows.push(["riskiest suppliers", item, "score", r.score]);
    rows.push(["riskiest suppliers", item, "band", BAND_LABELS[r.band]]);
    rows.push(["riskiest suppliers", item, "country", countryItem(d, r.country)]);
    rows.push(["riskiest suppliers", item, "main driver", r.driver]);
  });
  return rows;
}

export function reportCsv(d: DashboardData, meta: { organization: string; scope: string | null; generatedAt: string }): string {
  return toCsv(CSV_HEADER, reportRows(d, meta), { bom: true });
}
