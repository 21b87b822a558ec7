// Control maturity per Athens principle across the suppliers that hold a current approved
// assessment (0 = no control in place, 100 = every applicable answer at its best).
import { PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, Tooltip } from "recharts";
import type { PrincipleScore } from "~/domain/report/types";
import { ChartFrame, FitWidth, type TextAnchor } from "./chart-kit";

const RADAR_COMPACT_WIDTH = 420;

type Row = { principle: string; label: string; average: number };

/**
 * A spoke's label: "P1 · 45" and the principle's name under it; the name is left out on a phone (it
 * is in the numbers table), where it would run off the chart.
 */
function AngleTick(props: {
  x?: number;
  y?: number;
  payload?: { value?: unknown };
  textAnchor?: TextAnchor;
  rows: readonly Row[];
  compact: boolean;
}) {
  const { x = 0, y = 0, payload, textAnchor = "middle", rows, compact } = props;
  const row = rows.find((r) => r.principle === payload?.value);
  const label = row?.label ?? "";
  return (
    <text x={x} y={y} textAnchor={textAnchor} fill="#4a5360" fontSize={12} className="chart-tick">
      <tspan x={x} fontWeight={700}>
        {String(payload?.value ?? "")} · {Math.round(row?.average ?? 0)}
      </tspan>
      {compact ? null : (
        <tspan x={x} dy={14}>
          {label.length > 24 ? `${label.slice(0, 23)}…` : label}
        </tspan>
      )}
    </text>
  );
}

export function PrinciplesRadar({ principles, height = 320 }: { principles: readonly PrincipleScore[]; height?: number }) {
  const assessed = Math.max(0, ...principles.map((p) => p.suppliers));
  const rows: Row[] = principles.map((p) => ({ principle: p.principle, label: p.label, average: p.average ?? 0 }));
  const chart = (w: number) => {
    // The principles' names beside the spokes need about 420 px; narrower, the spokes show codes only.
    const compact = w > 0 && w < RADAR_COMPACT_WIDTH;
    return (
      <RadarChart
        id="chart-principles"
        height={height}
        data={rows}
        outerRadius={compact ? "72%" : "64%"}
        margin={compact ? { top: 16, right: 24, bottom: 16, left: 24 } : { top: 24, right: 48, bottom: 24, left: 48 }}
      >
        <PolarGrid stroke="#d5dbe3" />
        <PolarAngleAxis dataKey="principle" tick={<AngleTick rows={rows} compact={compact} />} />
        {/* Between the first two spokes, so the scale never sits under a principle's label. */}
        <PolarRadiusAxis
          domain={[0, 100]}
          tickCount={5}
          angle={90 - 360 / 14}
          tickFormatter={(v: number) => (v > 0 && v < 100 ? String(v) : "")}
          tick={{ fontSize: 11, fill: "#5a6472" }}
          axisLine={false}
        />
        <Radar dataKey="average" name="Average maturity" stroke="#1f3a5f" fill="#1f5fa8" fillOpacity={0.3} isAnimationActive={false} dot />
        <Tooltip
          formatter={(v: number) => [`${Math.round(v)} / 100`, "Average maturity"]}
          labelFormatter={(p: string) => rows.find((r) => r.principle === p)?.label ?? p}
          isAnimationActive={false}
        />
      </RadarChart>
    );
  };
  return (
    <ChartFrame
      links={false}
      height={height}
      label="Average maturity per Athens principle, radar chart"
      empty={
        assessed === 0 ? "No supplier holds a current approved assessment yet: approve questionnaires to see maturity per principle." : null
      }
    >
      {() => <FitWidth height={height} chart={chart} />}
    </ChartFrame>
  );
}
