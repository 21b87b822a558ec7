// The dashboard's charts, each in a card with its title, what it counts, and the numbers behind it
// (folded away on the dashboard, printed in the board report). Shared by both pages so they show
// the same figures.
import { useState, type ReactNode } from "react";
import { topCountriesByRisk, topCountriesBySpend } from "~/domain/report/aggregate";
import { supplierListHref } from "~/domain/report/links";
import { BAND_LABELS, tierLabel, type Band, type DashboardData } from "~/domain/report/types";
import { BandsByTierChart, TIER_STACK } from "./charts/bands-by-tier-chart";
import { CountryRiskChart } from "./charts/country-risk-chart";
import { PrinciplesRadar } from "./charts/principles-radar";
import { TrendChart } from "./charts/trend-chart";
import { FUNNEL_STAGES, FunnelChart, type FunnelStage } from "./charts/funnel-chart";
import { formatInt, formatMoney } from "./format";

/** The assessment list's status for each funnel stage (the list shows assessments at that stage now). */
const FUNNEL_STATUS: Record<FunnelStage, string> = { sent: "sent", started: "in_progress", submitted: "submitted", approved: "approved" };

export interface ChartLinks {
  slug: string;
  /** The supplier list is readable (every role today; checked anyway). */
  suppliers: boolean;
  assessments: boolean;
}

/**
 * `wideNumbers`: the numbers table has too many columns to stand beside the chart in the board
 * report (which sets chart and numbers side by side on paper and wide screens).
 */
function ChartCard({
  id,
  title,
  subtitle,
  numbers,
  print,
  wideNumbers,
  children,
}: {
  id: string;
  title: string;
  subtitle: ReactNode;
  numbers: ReactNode;
  print?: boolean;
  wideNumbers?: boolean;
  children: ReactNode;
}) {
  return (
    <section className={`card chart-card${wideNumbers ? " wide-numbers" : ""}`} aria-labelledby={`${id}-h`} data-chart={id}>
      <h2 id={`${id}-h`}>{title}</h2>
      <p className="muted small chart-sub">{subtitle}</p>
      <div className="chart-figure">{children}</div>
      {print ? <div className="chart-numbers">{numbers}</div> : <NumbersDetails>{numbers}</NumbersDetails>}
    </section>
  );
}

/** The charts' heights in the board report: lower than on the dashboard, so that two fit a printed page. */
const REPORT_HEIGHTS = { tiers: 240, countries: 300, principles: 280, trend: 240, funnel: 190 } as const;

/**
 * The numbers behind a chart, folded away; the table is only built once opened (the dashboard is
 * served many times a minute and most readers never open it; the board report prints them all).
 */
function NumbersDetails({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="chart-numbers" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Show the numbers</summary>
      {open ? children : <p className="muted small">Loading…</p>}
    </details>
  );
}

/** In a region of its own that scrolls sideways on a phone (focusable, so the keyboard can scroll it). */
function NumbersTable({ caption, head, rows }: { caption: string; head: string[]; rows: ReactNode[][] }) {
  return (
    <div className="numbers-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="table numbers-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={h} scope="col" className={i > 0 ? "num" : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (
                <td key={j} className={j > 0 ? "num" : undefined}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What every card gets: the figures, how to link a segment to the supplier list, and whether it is printed. */
interface CardProps {
  data: DashboardData;
  print: boolean;
  list: (target: { tier?: number; country?: string; band?: Band }) => string | null;
  links: ChartLinks;
}

function TiersCard({ data, print, list }: CardProps) {
  const { summary } = data;
  return (
    <ChartCard
      id="bands-by-tier"
      title="Supply base by tier and risk band"
      subtitle={
        <>
          Suppliers per tier, stacked by risk band.<span className="no-print"> Select a segment to list those suppliers.</span>
        </>
      }
      print={print}
      wideNumbers
      numbers={
        <NumbersTable
          caption="Suppliers by tier and band"
          head={["Tier", ...TIER_STACK.map((b) => BAND_LABELS[b]), "Total"]}
          rows={summary.byTier.map((t) => [tierLabel(t.tier), ...TIER_STACK.map((b) => formatInt(t.bands[b])), formatInt(t.suppliers)])}
        />
      }
    >
      <BandsByTierChart
        tiers={summary.byTier}
        height={print ? REPORT_HEIGHTS.tiers : undefined}
        hrefFor={(tier, band) => list({ tier, band })}
      />
    </ChartCard>
  );
}

function CountryRiskCard({ data, print, list }: CardProps) {
  const byRisk = topCountriesByRisk(data.summary.countries);
  const name = (iso2: string) => data.countryNames[iso2] ?? iso2;
  return (
    <ChartCard
      id="country-risk"
      title="Countries with the most suppliers at high or critical risk"
      subtitle="Top ten countries by high and critical suppliers."
      print={print}
      numbers={
        <NumbersTable
          caption="High and critical suppliers by country"
          head={["Country", "Critical", "High", "All suppliers"]}
          rows={byRisk.map((c) => [name(c.country), formatInt(c.critical), formatInt(c.high), formatInt(c.suppliers)])}
        />
      }
    >
      <CountryRiskChart
        countries={byRisk}
        names={data.countryNames}
        measure="suppliers"
        height={print ? REPORT_HEIGHTS.countries : undefined}
        hrefFor={(country, band) => list({ country, band })}
        empty="No supplier is in the high or critical band."
      />
    </ChartCard>
  );
}

function SpendCard({ data, print, list }: CardProps) {
  const { summary } = data;
  const bySpend = topCountriesBySpend(summary.countries);
  const cur = summary.spend.currency;
  const name = (iso2: string) => data.countryNames[iso2] ?? iso2;
  const others = summary.spend.otherCurrencySuppliers
    ? ` ${formatInt(summary.spend.otherCurrencySuppliers)} suppliers with spend in other currencies are left out (not converted).`
    : "";
  const atRisk = cur ? `${formatMoney(summary.spend.atRisk, cur)} of ${formatMoney(summary.spend.total, cur)}` : "";
  return (
    <ChartCard
      id="spend-risk"
      title="Spend at risk by country"
      subtitle={
        cur
          ? `Annual spend (${cur}) with high and critical suppliers: ${atRisk}.${others}`
          : "No annual spend is recorded for these suppliers."
      }
      print={print}
      numbers={
        <NumbersTable
          caption="Spend at risk by country"
          head={["Country", `Critical (${cur ?? "—"})`, `High (${cur ?? "—"})`]}
          rows={bySpend.map((c) => [name(c.country), formatMoney(c.spendCritical, cur), formatMoney(c.spendHigh, cur)])}
        />
      }
    >
      <CountryRiskChart
        countries={bySpend}
        names={data.countryNames}
        measure="spend"
        currency={cur}
        height={print ? REPORT_HEIGHTS.countries : undefined}
        hrefFor={(country, band) => list({ country, band })}
        empty={cur ? "No spend is placed with high or critical suppliers." : "Record annual spend on suppliers to see the spend at risk."}
      />
    </ChartCard>
  );
}

function PrinciplesCard({ data, print }: CardProps) {
  const assessedSuppliers = Math.max(0, ...data.principles.map((p) => p.suppliers));
  const who = `${formatInt(assessedSuppliers)} ${assessedSuppliers === 1 ? "supplier" : "suppliers"}`;
  return (
    <ChartCard
      id="principles"
      title="Maturity per Athens principle"
      subtitle={
        assessedSuppliers
          ? `Average control maturity (0–100) of the ${who} with a current approved assessment.`
          : "Average control maturity (0–100) of suppliers with a current approved assessment."
      }
      print={print}
      numbers={
        <NumbersTable
          caption="Average maturity per principle"
          head={["Principle", "Average (0–100)", "Suppliers"]}
          rows={data.principles.map((p) => [
            `${p.principle} ${p.label}`,
            p.average === null ? "—" : p.average.toFixed(1),
            formatInt(p.suppliers),
          ])}
        />
      }
    >
      <PrinciplesRadar principles={data.principles} height={print ? REPORT_HEIGHTS.principles : undefined} />
    </ChartCard>
  );
}

function TrendCard({ data, print }: CardProps) {
  const { filter } = data;
  const trendScope =
    data.trend.scope === "all"
      ? "The whole supply base, one point per day with a roll-up."
      : "The suppliers of the chosen tier and country, one point per day with a roll-up.";
  const trendNote = filter.sector || filter.good || filter.band ? " Sector, goods and band filters do not apply to the history." : "";
  return (
    <ChartCard
      id="trend"
      title="Risk over time"
      subtitle={`${trendScope}${trendNote}`}
      print={print}
      numbers={
        <NumbersTable
          caption="Daily roll-ups"
          head={["Day", "Average score", "High and critical", "Suppliers"]}
          rows={data.trend.points.map((p) => [
            p.day,
            p.avgScore === null ? "—" : p.avgScore.toFixed(1),
            formatInt(p.high + p.critical),
            formatInt(p.suppliers),
          ])}
        />
      }
    >
      <TrendChart points={data.trend.points} height={print ? REPORT_HEIGHTS.trend : undefined} />
    </ChartCard>
  );
}

function FunnelCard({ data, print, links }: CardProps) {
  return (
    <ChartCard
      id="funnel"
      title="Questionnaires, from sent to approved"
      subtitle="Questionnaires started in the period, by the furthest step they reached."
      print={print}
      numbers={
        <NumbersTable
          caption="Questionnaire funnel"
          head={["Step", "Questionnaires", "Of sent"]}
          rows={FUNNEL_STAGES.map((s) => [
            s.label,
            formatInt(data.funnel[s.key]),
            data.funnel.sent ? `${Math.round((data.funnel[s.key] / data.funnel.sent) * 100)}%` : "—",
          ])}
        />
      }
    >
      <FunnelChart
        funnel={data.funnel}
        height={print ? REPORT_HEIGHTS.funnel : undefined}
        hrefFor={(stage) => (links.assessments ? `/o/${links.slug}/assessments?status=${FUNNEL_STATUS[stage]}` : null)}
      />
    </ChartCard>
  );
}

/** `print`: the board report, every numbers table shown (on screen and on paper), no screen-only hint printed. */
export function DashboardCharts({ data, links, print = false }: { data: DashboardData; links: ChartLinks; print?: boolean }) {
  const list = (target: { tier?: number; country?: string; band?: Band }) =>
    links.suppliers ? supplierListHref(links.slug, data.filter, target) : null;
  const cards: CardProps = { data, print, list, links };
  return (
    <div className="dash-grid">
      <TiersCard {...cards} />
      <CountryRiskCard {...cards} />
      <SpendCard {...cards} />
      <PrinciplesCard {...cards} />
      <TrendCard {...cards} />
      <FunnelCard {...cards} />
    </div>
  );
}
