// The questionnaire funnel: of the questionnaires started in the period, how many were sent, then
// started by the supplier, submitted and approved. Each bar links to the assessments at that stage.
import { formatInt } from "~/components/format";
import { Bar, BarChart, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import type { Funnel } from "~/domain/report/types";
import { ChartFrame, FitWidth, LinkedRect, PlainTick, type BarShapeProps } from "./chart-kit";

export const FUNNEL_STAGES = [
  { key: "sent", label: "Sent", color: "#9db4d3" },
  { key: "started", label: "Started", color: "#6b8fbf" },
  { key: "submitted", label: "Submitted", color: "#3d6aa6" },
  { key: "approved", label: "Approved", color: "#1f3a5f" },
] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number]["key"];

type Row = { key: FunnelStage; label: string; value: number; color: string; share: string };

export function FunnelChart({
  funnel,
  hrefFor,
  height = 220,
}: {
  funnel: Funnel;
  hrefFor: (stage: FunnelStage) => string | null;
  height?: number;
}) {
  const data: Row[] = FUNNEL_STAGES.map((s) => ({
    key: s.key,
    label: s.label,
    value: funnel[s.key],
    color: s.color,
    share: funnel.sent ? `${Math.round((funnel[s.key] / funnel.sent) * 100)}%` : "",
  }));
  const chart = () => (
    <BarChart id="chart-funnel" height={height} data={data} layout="vertical" margin={{ top: 4, right: 72, bottom: 4, left: 0 }}>
      <XAxis type="number" hide allowDecimals={false} domain={[0, Math.max(1, funnel.sent)]} />
      <YAxis
        type="category"
        dataKey="label"
        width={88}
        interval={0}
        tickLine={false}
        axisLine={false}
        tick={<PlainTick textAnchor="end" dy={4} />}
      />
      <Tooltip
        cursor={{ fill: "rgba(31, 58, 95, 0.06)" }}
        formatter={(v: number) => [formatInt(v), "Questionnaires"]}
        isAnimationActive={false}
      />
      <Bar
        dataKey="value"
        isAnimationActive={false}
        maxBarSize={30}
        shape={(p: BarShapeProps<Row>) => {
          const row = p.payload;
          if (!row) return <g />;
          return (
            <LinkedRect
              {...p}
              fill={row.color}
              href={hrefFor(row.key)}
              label={`${row.label}: ${formatInt(row.value)}${row.share ? ` (${row.share} of sent)` : ""} — show these assessments`}
            />
          );
        }}
      >
        <LabelList dataKey="value" position="right" formatter={(v: number) => formatInt(v)} fill="#1b2330" fontSize={12} />
      </Bar>
    </BarChart>
  );
  return (
    <ChartFrame
      height={height}
      label="Questionnaire funnel from sent to approved, bars"
      empty={funnel.sent ? null : "No questionnaire was sent in this period."}
    >
      {() => <FitWidth height={height} chart={chart} />}
    </ChartFrame>
  );
}
