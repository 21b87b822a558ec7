// The supplier page's risk panel as data: what the service hands the route and the component draws.
import type { Breakdown } from "./types";

export interface RiskFlagView {
  indicator: string;
  indicatorLabel: string;
  severity: "severe" | "other";
  questionKey: string;
  question: string;
  answer: string;
}

export interface RiskViewData {
  score: null | {
    value: number;
    band: string;
    computedAt: string;
    checkedAt: string | null;
    methodologyVersion: number;
    referenceEdition: string;
    modelVersion: string;
    trigger: string;
    breakdown: Breakdown;
    /** The score explained in plain sentences (domain/risk/summary.ts). */
    summary: string[];
    /** The arithmetic, for "How this score is calculated" (domain/risk/explain.ts). */
    lines: string[];
    flags: RiskFlagView[];
    via: Array<{ supplierId: number; name?: string; countryLabel: string | null; tier?: number | null; score: number }>;
  };
  history: Array<{ id: number; at: string; score: number; band: string; trigger: string; methodologyVersion: number }>;
  pending: Array<{ trigger: string; status: string; done: number; total: number }>;
}
