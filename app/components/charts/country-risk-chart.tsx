// Risk by country: horizontal bars of the countries with the most high and critical suppliers (by
// count, or by the spend placed with them); each segment links to the supplier list of that
// country and band.
import { formatCompact, formatInt } from "~/components/format";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { CountryRisk } from "~/domain/report/types";
import { BAND_COLORS, COMPACT_WIDTH, ChartFrame, FitWidth, Legend, LinkedRect, PlainTick, type BarShapeProps } from "./chart-kit";

type Row = { country: string; name: string; critical: number; high: number };

export interface CountryRiskProps {
  countries: readonly CountryRisk[];
  names: Readonly<Record<string, string>>;
  measure: "suppliers" | "spend";
  /** The spend's currency (measure "spend"). */
  currency?: string | null;
  hrefFor: (country: string, band: "high" | "critical") => string | null;
  height?: number;
  empty: string;
}

export function CountryRiskChart({ countries, names, measure, currency, hrefFor, height = 340, empty }: CountryRiskProps) {
  const data: Row[] = countries.map((c) => ({
    country: c.country,
    name: names[c.country] ?? c.country,
    critical: measure === "spend" ? Math.round(c.spendCritical) : c.critical,
    high: measure === "spend" ? Math.round(c.spendHigh) : c.high,
  }));
  const fmt = measure === "spend" ? (v: number) => `${formatCompact(v)}${currency ? ` ${currency}` : ""}` : formatInt;
  const what = (band: "high" | "critical", v: number) =>
    measure === "spend"
      ? `${fmt(v)} spent with ${band} risk suppliers`
      : `${formatInt(v)} ${band} risk ${v === 1 ? "supplier" : "suppliers"}`;
  const bar = (band: "critical" | "high") => (
    <Bar
      key={band}
      dataKey={band}
      name={band === "critical" ? "Critical" : "High"}
      stackId="risk"
      fill={BAND_COLORS[band]}
      isAnimationActive={false}
      maxBarSize={22}
      shape={(p: BarShapeProps<Row>) => {
        const row = p.payload;
        if (!row) return <g />;
        return (
          <LinkedRect {...p} href={hrefFor(row.country, band)} label={`${row.name}: ${what(band, row[band])} — show these suppliers`} />
        );
      }}
    />
  );
  const chart = (w: number) => {
    // On a phone: narrower names and three value ticks, so the bars keep room and the text its size.
    const compact = w > 0 && w < COMPACT_WIDTH;
    return (
      <BarChart
        id={`chart-country-${measure}`}
        height={height}
        data={data}
        layout="vertical"
        margin={{ top: 4, right: compact ? 12 : 16, bottom: 4, left: 0 }}
      >
        <CartesianGrid horizontal={false} stroke="#e3e7ec" />
        <XAxis
          type="number"
          allowDecimals={false}
          tickCount={compact ? 3 : 5}
          tickFormatter={measure === "spend" ? formatCompact : formatInt}
          tick={{ fontSize: 12, fill: "#4a5360" }}
        />
        <YAxis
          type="category"
          dataKey="name"
          width={compact ? 100 : 128}
          interval={0}
          tickLine={false}
          tick={<PlainTick textAnchor="end" dy={4} maxChars={compact ? 13 : 18} />}
        />
        <Tooltip
          cursor={{ fill: "rgba(31, 58, 95, 0.06)" }}
          formatter={(v: number, name: string) => [fmt(v), name]}
          isAnimationActive={false}
        />
        {bar("critical")}
        {bar("high")}
      </BarChart>
    );
  };
  return (
    <>
      <ChartFrame
        height={height}
        label={measure === "spend" ? "Spend at risk by country, bars" : "High and critical suppliers by country, bars"}
        empty={data.length ? null : empty}
      >
        {() => <FitWidth height={height} chart={chart} />}
      </ChartFrame>
      <Legend
        items={[
          { key: "critical", label: "Critical", color: BAND_COLORS.critical },
          { key: "high", label: "High", color: BAND_COLORS.high },
        ]}
      />
    </>
  );
}
