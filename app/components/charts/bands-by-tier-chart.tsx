// Risk bands by tier: one stacked bar per tier; every segment links to the supplier list of that
// tier and band.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { BAND_LABELS, tierLabel, type Band, type TierBands } from "../../domain/report/types";
import { BAND_COLORS, ChartFrame, Legend, LinkedRect, PlainTick, formatInt, type BarShapeProps } from "./chart-kit";

type Row = { name: string; tier: number } & Record<Band, number>;

/** Bottom to top: the worst band sits on the axis, where tiers are easiest to compare. */
export const TIER_STACK: readonly Band[] = ["critical", "high", "medium", "low", "none"];

export interface BandsByTierProps {
  tiers: readonly TierBands[];
  hrefFor: (tier: number, band: Band) => string | null;
  height?: number;
  /** Fixed width (print); otherwise the chart fills its card. */
  width?: number;
}

export function BandsByTierChart({ tiers, hrefFor, height = 280, width }: BandsByTierProps) {
  const used = TIER_STACK.filter((b) => tiers.some((t) => t.bands[b] > 0));
  const data: Row[] = tiers.map((t) => ({ name: tierLabel(t.tier), tier: t.tier, ...t.bands }));
  const total = tiers.reduce((s, t) => s + t.suppliers, 0);
  const chart = (w?: number) => (
    <BarChart id="chart-bands-by-tier" width={w} height={height} data={data} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
      <CartesianGrid vertical={false} stroke="#e3e7ec" />
      <XAxis dataKey="name" interval={0} tickLine={false} tick={<PlainTick dy={14} />} />
      <YAxis allowDecimals={false} width={48} tickFormatter={formatInt} tick={{ fontSize: 12, fill: "#4a5360" }} />
      <Tooltip cursor={{ fill: "rgba(31, 58, 95, 0.06)" }} formatter={(v: number, name: string) => [formatInt(v), name]} isAnimationActive={false} />
      {used.map((band) => (
        <Bar
          key={band}
          dataKey={band}
          name={BAND_LABELS[band]}
          stackId="bands"
          fill={BAND_COLORS[band]}
          isAnimationActive={false}
          maxBarSize={72}
          shape={(p: BarShapeProps<Row>) => {
            const row = p.payload;
            if (!row) return <g />;
            return <LinkedRect {...p} href={hrefFor(row.tier, band)} label={`${row.name}: ${formatInt(row[band])} ${BAND_LABELS[band].toLowerCase()} — show these suppliers`} />;
          }}
        />
      ))}
    </BarChart>
  );
  return (
    <>
      <ChartFrame height={height} label="Risk bands by tier, stacked bars" empty={total === 0 ? "No suppliers match these filters." : null}>
        {() => (width ? chart(width) : <ResponsiveContainer width="100%" height={height}>{chart()}</ResponsiveContainer>)}
      </ChartFrame>
      <Legend items={used.map((b) => ({ key: b, label: BAND_LABELS[b], color: BAND_COLORS[b] }))} />
    </>
  );
}
