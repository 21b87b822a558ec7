// Risk bands by tier: one stacked bar per tier; every segment links to the supplier list of that
// tier and band.
import { formatInt } from "~/components/format";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { BAND_LABELS, tierLabel, type Band, type TierBands } from "~/domain/report/types";
import { BAND_COLORS, COMPACT_WIDTH, ChartFrame, FitWidth, Legend, LinkedRect, PlainTick, type BarShapeProps } from "./chart-kit";

type Row = { name: string; tier: number } & Record<Band, number>;

/** Bottom to top: the worst band sits on the axis, where tiers are easiest to compare. */
export const TIER_STACK: readonly Band[] = ["critical", "high", "medium", "low", "none"];

export interface BandsByTierProps {
  tiers: readonly TierBands[];
  hrefFor: (tier: number, band: Band) => string | null;
  height?: number;
}

export function BandsByTierChart({ tiers, hrefFor, height = 280 }: BandsByTierProps) {
  const used = TIER_STACK.filter((b) => tiers.some((t) => t.bands[b] > 0));
  const data: Row[] = tiers.map((t) => ({ name: tierLabel(t.tier), tier: t.tier, ...t.bands }));
  const total = tiers.reduce((s, t) => s + t.suppliers, 0);
  const chart = (w: number) => {
    // On a phone, tier names lose their "Tier " (the axis says what they are) to keep 12 px text.
    const compact = w > 0 && w < COMPACT_WIDTH;
    return (
      <BarChart id="chart-bands-by-tier" height={height} data={data} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
        <CartesianGrid vertical={false} stroke="#e3e7ec" />
        <XAxis
          dataKey="name"
          interval={0}
          tickLine={false}
          tick={
            <PlainTick
              dy={14}
              maxChars={compact ? 8 : 22}
              formatter={compact && data.length > 4 ? (n) => n.replace(/^Tier /, "T") : undefined}
            />
          }
        />
        <YAxis allowDecimals={false} width={compact ? 36 : 48} tickFormatter={formatInt} tick={{ fontSize: 12, fill: "#4a5360" }} />
        <Tooltip
          cursor={{ fill: "rgba(31, 58, 95, 0.06)" }}
          formatter={(v: number, name: string) => [formatInt(v), name]}
          isAnimationActive={false}
        />
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
              return (
                <LinkedRect
                  {...p}
                  href={hrefFor(row.tier, band)}
                  label={`${row.name}: ${formatInt(row[band])} ${BAND_LABELS[band].toLowerCase()} — show these suppliers`}
                />
              );
            }}
          />
        ))}
      </BarChart>
    );
  };
  return (
    <>
      <ChartFrame height={height} label="Risk bands by tier, stacked bars" empty={total === 0 ? "No suppliers match these filters." : null}>
        {() => <FitWidth height={height} chart={chart} />}
      </ChartFrame>
      <Legend items={used.map((b) => ({ key: b, label: BAND_LABELS[b], color: BAND_COLORS[b] }))} />
    </>
  );
}
