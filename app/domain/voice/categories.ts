// What a worker can report, in plain words, and the ILO forced-labour indicator each points to (the
// keys of ~/domain/questionnaire FLAG_INDICATORS, so a substantiated case raises the same red flag an
// answer would). "other" points to none: an officer reads it and picks a category at triage.
import type { FlagIndicator } from "~/domain/questionnaire/types";

export const CATEGORIES = [
  "fees",
  "documents",
  "wages",
  "cannot_leave",
  "threats",
  "violence",
  "overtime",
  "living",
  "children",
  "other",
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_INDICATOR: Readonly<Record<Category, FlagIndicator | null>> = Object.freeze({
  fees: "debt_bondage",
  documents: "retention_of_documents",
  wages: "withholding_of_wages",
  cannot_leave: "restriction_of_movement",
  threats: "intimidation_threats",
  violence: "physical_sexual_violence",
  overtime: "excessive_overtime",
  living: "abusive_conditions",
  children: "child_labour",
  other: null,
});

export function isCategory(v: unknown): v is Category {
  return typeof v === "string" && (CATEGORIES as readonly string[]).includes(v);
}

/** When it happened, as a worker would say it (no exact date needed, none that could identify them). */
export const WHEN = ["ongoing", "this_week", "this_month", "this_year", "earlier"] as const;
export type When = (typeof WHEN)[number];

export const SEVERITIES = ["low", "medium", "high", "critical"] as const;
export type GrievanceSeverity = (typeof SEVERITIES)[number];

export const REMEDY_KINDS = ["fees_repaid", "wages_paid", "documents_returned", "other"] as const;
export type RemedyKind = (typeof REMEDY_KINDS)[number];

export const REMEDY_LABELS: Readonly<Record<RemedyKind, string>> = {
  fees_repaid: "Recruitment fees repaid",
  wages_paid: "Withheld wages paid",
  documents_returned: "Documents returned",
  other: "Other remedy",
};

export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  fees: "Recruitment fees or debt",
  documents: "Documents taken",
  wages: "Wages withheld",
  cannot_leave: "Cannot leave",
  threats: "Threats",
  violence: "Violence",
  overtime: "Excessive overtime",
  living: "Living or working conditions",
  children: "Children working",
  other: "Other",
};
