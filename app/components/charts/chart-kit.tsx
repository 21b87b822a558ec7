// Shared pieces of the dashboard's recharts charts.
//
// Charts are drawn in the browser only: rendering six recharts charts on the server cost ~100 ms
// per page (measured), which the dashboard's throughput goal cannot afford. The server renders a
// frame of the chart's final height with a "loading" state instead, so nothing moves when the chart
// appears, and the numbers are in the page anyway (each chart's "Show the numbers" table).
import { useState, useSyncExternalStore, type MouseEvent, type ReactElement, type ReactNode } from "react";
import { useNavigate } from "@remix-run/react";
import { ResponsiveContainer } from "recharts";
import type { Band } from "~/domain/report/types";

/** Band colours: red → green, grey for "not scored". Also used by the HTML legends. */
export const BAND_COLORS: Readonly<Record<Band, string>> = {
  critical: "#b3261e",
  high: "#e8590c",
  medium: "#e0a800",
  low: "#2f9e44",
  none: "#adb5bd",
};

const subscribe = () => () => {};
/** False on the server and while the page hydrates; true afterwards (and on client-side navigations). */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

// The numbers of the charts are written as everywhere else in the app (components/format.ts).

/**
 * The space a chart takes, reserved from the first server render: a loading state until the
 * browser draws the chart, or a message when there is nothing to draw. A chart without links is one
 * image named by `label` (its numbers are in the "Show the numbers" table); one whose bars are links
 * (or that shows a message instead) is a named group, so that the links and the message stay reachable.
 */
export function ChartFrame({
  height,
  label,
  empty,
  links = true,
  children,
}: {
  height: number;
  label: string;
  empty?: ReactNode;
  links?: boolean;
  children: () => ReactNode;
}) {
  const hydrated = useHydrated();
  return (
    <div className="chart-frame" style={{ height }} aria-label={label} role={links || empty ? "group" : "img"}>
      {empty ? (
        <div className="chart-empty">{empty}</div>
      ) : hydrated ? (
        children()
      ) : (
        <div className="chart-loading" aria-hidden="true">
          Loading chart…
        </div>
      )}
    </div>
  );
}

/**
 * Below this drawn width (px) a chart lays itself out for a phone: fewer ticks, shorter labels. A
 * phone of 390 px gives a chart about 300 px; the board report's chart beside its numbers about 330.
 */
export const COMPACT_WIDTH = 320;

/**
 * A chart that fills its frame's width, measured in the browser, and is told that width, so that on
 * a phone it can lay itself out again (fewer ticks, shorter labels, no long side labels) instead of
 * being drawn wide and scaled down, which shrinks its text below reading size. `chart` gets 0 until
 * the frame has been measured.
 */
export function FitWidth({ height, chart }: { height: number; chart: (width: number) => ReactElement }) {
  const [width, setWidth] = useState(0);
  return (
    <ResponsiveContainer width="100%" height={height} onResize={(w) => setWidth(Math.round(w))}>
      {chart(width)}
    </ResponsiveContainer>
  );
}

/** What recharts hands a Bar's `shape`: the segment's box and the data row it draws. */
export interface BarShapeProps<Row> {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  fill?: string;
  payload?: Row;
}

export interface LinkedRectProps {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  fill?: string;
  href: string | null;
  label: string;
}

/**
 * A bar segment that is a link (keyboard-focusable, with its label as the accessible name and as
 * the hover title); a plain click navigates inside the app without reloading the page.
 */
export function LinkedRect({ x = 0, y = 0, width = 0, height = 0, fill, href, label }: LinkedRectProps) {
  const navigate = useNavigate();
  if (!(width > 0) || !(height > 0)) return <g />;
  const rect = <rect x={x} y={y} width={width} height={height} fill={fill} className="chart-bar" />;
  if (!href) {
    return (
      <g>
        <title>{label}</title>
        {rect}
      </g>
    );
  }
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={onClick} aria-label={label} className="chart-link">
      <title>{label}</title>
      {rect}
    </a>
  );
}

/** An axis tick as plain SVG text (recharts' own measures text in the browser, which we do not need). */
export type TextAnchor = "start" | "middle" | "end";

export function PlainTick(props: {
  x?: number;
  y?: number;
  payload?: { value?: unknown };
  textAnchor?: TextAnchor;
  formatter?: (v: string) => string;
  dy?: number;
  maxChars?: number;
}) {
  const { x = 0, y = 0, payload, textAnchor = "middle", formatter, dy = 0, maxChars = 22 } = props;
  let text = formatter ? formatter(String(payload?.value ?? "")) : String(payload?.value ?? "");
  if (text.length > maxChars) text = `${text.slice(0, maxChars - 1)}…`;
  return (
    <text x={x} y={y} dy={dy} textAnchor={textAnchor} className="chart-tick" fill="#4a5360" fontSize={12}>
      {text}
    </text>
  );
}

/** The HTML legend under a chart (recharts' own legend moves the chart once it has measured itself). */
export function Legend({ items }: { items: ReadonlyArray<{ key: string; label: string; color: string; dashed?: boolean }> }) {
  return (
    <ul className="legend chart-legend">
      {items.map((i) => (
        <li key={i.key}>
          <span className={`swatch${i.dashed ? " dashed" : ""}`} style={{ background: i.color }} aria-hidden="true" /> {i.label}
        </li>
      ))}
    </ul>
  );
}
