// Risk over time, from the daily roll-ups: the average score (left axis, 0–100) and the number of
// high and critical suppliers (right axis).
import { CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from "recharts";
import type { TrendPoint } from "~/domain/report/types";
import { BAND_COLORS, COMPACT_WIDTH, ChartFrame, FitWidth, Legend, PlainTick } from "./chart-kit";
import { formatInt, formatScore } from "~/components/format";

const AVG_COLOR = "#1f3a5f";

/** Up to `max` evenly spread days, always the first and the last. */
export function trendTicks(days: readonly string[], max = 5): string[] {
  if (days.length <= max) return [...days];
  const out: string[] = [];
  for (let i = 0; i < max; i++) out.push(days[Math.round((i * (days.length - 1)) / (max - 1))]!);
  return [...new Set(out)];
}

export function TrendChart({ points, height = 280 }: { points: readonly TrendPoint[]; height?: number }) {
  const data = points.map((p) => ({ day: p.day, avg: p.avgScore, atRisk: p.high + p.critical }));
  const single = data.length === 1;
  // Headroom above the highest count, so the line never runs along the top edge.
  const countMax = Math.max(4, Math.ceil((Math.max(0, ...data.map((d) => d.atRisk)) * 1.25) / 4) * 4);
  const chart = (w: number) => {
    // On a phone: three day ticks and narrower axes, so the labels keep 12 px without overlapping.
    const compact = w > 0 && w < COMPACT_WIDTH;
    const ticks = trendTicks(
      data.map((d) => d.day),
      compact ? 3 : 5,
    );
    return (
      <ComposedChart id="chart-trend" height={height} data={data} margin={{ top: 8, right: compact ? 4 : 8, bottom: 4, left: 0 }}>
        <CartesianGrid vertical={false} stroke="#e3e7ec" />
        <XAxis
          dataKey="day"
          ticks={ticks}
          interval={0}
          tickLine={false}
          tick={<PlainTick dy={14} formatter={(d) => d.slice(5)} />}
          padding={{ left: 12, right: 12 }}
        />
        <YAxis yAxisId="score" domain={[0, 100]} width={compact ? 32 : 40} tick={{ fontSize: 12, fill: "#4a5360" }} />
        <YAxis
          yAxisId="count"
          orientation="right"
          allowDecimals={false}
          width={compact ? 36 : 48}
          domain={[0, countMax]}
          tickFormatter={formatInt}
          tick={{ fontSize: 12, fill: "#4a5360" }}
        />
        <Tooltip
          formatter={(v: number, name: string) => [name === "Average score" ? formatScore(v) : formatInt(v), name]}
          isAnimationActive={false}
        />
        <Line
          yAxisId="score"
          dataKey="avg"
          name="Average score"
          stroke={AVG_COLOR}
          strokeWidth={2}
          dot={single ? { r: 4 } : false}
          isAnimationActive={false}
          connectNulls
        />
        <Line
          yAxisId="count"
          dataKey="atRisk"
          name="High and critical suppliers"
          stroke={BAND_COLORS.critical}
          strokeWidth={2}
          strokeDasharray="6 3"
          dot={single ? { r: 4 } : false}
          isAnimationActive={false}
        />
      </ComposedChart>
    );
  };
  return (
    <>
      <ChartFrame
        links={false}
        height={height}
        label="Average risk score and high and critical suppliers over time, line chart"
        empty={data.length ? null : "No risk roll-up in this period yet: scores are recorded each day they are computed."}
      >
        {() => <FitWidth height={height} chart={chart} />}
      </ChartFrame>
      <Legend
        items={[
          { key: "avg", label: "Average score (left, 0–100)", color: AVG_COLOR },
          { key: "risk", label: "High and critical suppliers (right)", color: BAND_COLORS.critical, dashed: true },
        ]}
      />
    </>
  );
}
