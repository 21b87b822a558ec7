// Shared types and helpers for the bench runner (e2e/bench/run.ts).

/** One JSON line on stdout. `figure` is always present; a failed figure carries `error` instead of `value`. */
export interface BenchRecord {
  figure: string;
  unit?: string;
  value?: number;
  /** Name of the floor this figure is compared with, measured in the same run. */
  floor?: string;
  /** How many times worse than the floor (>= 1 means slower): value/floor for durations, floor/value for rates. */
  ratio?: number;
  goal?: string;
  error?: string;
  [extra: string]: unknown;
}

export interface BenchContext {
  /** --quick: shorter durations and fewer repetitions (a smoke run; numbers are not comparable). */
  quick: boolean;
  /** A fresh directory for this figure's temp files; removed when the run ends. */
  tmpDir(label: string): string;
  /**
   * The record of another figure from this same run; runs (and prints) it first if it has not run yet.
   * Throws if that figure failed. Use it to compute ratios against floors.
   */
  floor(figure: string): Promise<BenchRecord>;
}

/** An entry of the registry: one async function producing one or more records. */
export interface FigureDef {
  /** The figure names this entry emits, in order (used by --only and by ctx.floor()). */
  figures: string[];
  description: string;
  run(ctx: BenchContext): Promise<BenchRecord[]>;
}

/** Diagnostics go to stderr; stdout is reserved for the JSON lines. */
export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

export function median(values: number[]): number {
  if (values.length === 0) throw new Error("median of an empty list");
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Rounds to `digits` significant digits (keeps integers >= 10^digits whole). */
export function round(value: number, digits = 3): number {
  if (!Number.isFinite(value) || value === 0) return value;
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.max(0, digits - 1 - magnitude);
  return Number(value.toFixed(Math.min(decimals, 6)));
}

/** Milliseconds elapsed while running `fn` (high-resolution). */
export function timeMs(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Adds floor/ratio/goal to a record. `kind` says how to read the values:
 * "duration" (lower is better, ratio = value/floor) or "rate" (higher is better, ratio = floor/value).
 */
export function compareWithFloor(record: BenchRecord, floor: BenchRecord, kind: "duration" | "rate", goal?: string): BenchRecord {
  if (record.value === undefined || floor.value === undefined || floor.value === 0 || record.value === 0) {
    return { ...record, floor: floor.figure, ...(goal ? { goal } : {}) };
  }
  const ratio = kind === "duration" ? record.value / floor.value : floor.value / record.value;
  return { ...record, floor: floor.figure, ratio: round(ratio), ...(goal ? { goal } : {}) };
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The repository root (the bench may be started from any directory). */
export const REPO_ROOT = new URL("../..", import.meta.url).pathname.replace(/\/$/, "");
/** tsx from the project's node_modules, used to start children exactly as `npm run serve` does. */
export const TSX_BIN = `${REPO_ROOT}/node_modules/.bin/tsx`;
