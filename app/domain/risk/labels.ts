// Short English labels of the model's vocabulary, shared by the driver line and the explanation.
// Pure module: no node, kysely, remix or react imports.
import type { FlagIndicator } from "~/domain/questionnaire/types";
import type { ExposureStep, WorkforceFactor } from "./types";

/** What a red flag names in plain words: the ILO indicators of forced labour, child labour, state-imposed labour. */
export const INDICATOR_LABELS: Readonly<Record<FlagIndicator, string>> = Object.freeze({
  abuse_of_vulnerability: "abuse of vulnerability",
  deception: "deception",
  restriction_of_movement: "restriction of movement",
  isolation: "isolation",
  physical_sexual_violence: "physical and sexual violence",
  intimidation_threats: "intimidation and threats",
  retention_of_documents: "retention of identity documents",
  withholding_of_wages: "withholding of wages",
  debt_bondage: "debt bondage",
  abusive_conditions: "abusive working and living conditions",
  excessive_overtime: "excessive overtime",
  child_labour: "child labour below the minimum age",
  hazardous_child_labour: "hazardous work by children under 18",
  state_imposed_labour: "state-imposed forced labour",
});

export function indicatorLabel(indicator: FlagIndicator): string {
  return INDICATOR_LABELS[indicator] ?? indicator.replace(/_/g, " ");
}

/** "migrant_share" with its answer → "40% migrant workers"; null when the factor adds nothing. */
export function workforceFactorLabel(f: { factor: WorkforceFactor; answer: number | boolean | null; points: number }): string | null {
  if (f.points <= 0) return null;
  switch (f.factor) {
    case "migrant_share":
      return `${fmt(Number(f.answer))}% migrant workers`;
    case "temporary_share":
      return `${fmt(Number(f.answer))}% temporary workers`;
    case "uses_agencies":
      return "recruitment agencies used";
    case "agencies_licensed":
      if (f.answer === null) return "agency licensing not answered";
      return Number(f.answer) > 0 ? "only some agencies licensed" : "agencies not known to be licensed";
    case "fees_charged":
      return "recruitment fees charged";
    case "fees_repaid":
      if (f.answer === null) return "fee repayment not answered";
      return Number(f.answer) > 0 ? "fees partly repaid" : "fees not repaid";
  }
}

/** A number with at most 2 decimals and no trailing zeros. */
export function fmt(x: number): string {
  return String(Math.round(x * 100) / 100 + 0);
}

/**
 * A supplier of an exposure path as a reader sees it: its name, never its database id. (The stored
 * driver labels keep "Name (#12)" from stepName below: changing them would change every stored
 * breakdown's digest and add a history row per supplier for nothing.)
 */
export function stepDisplayName(step: ExposureStep): string {
  return step.name ? step.name : "a supplier without a name";
}

/** A stored driver label without the database ids that stepName put in it ("Via tier-2 Dhaka Knit"). */
export function displayDriver(label: string): string {
  return label.replace(/ \(#\d+\)/g, "").replace(/\bsupplier #\d+/g, "a supplier without a name");
}

/** A score as shown: always one decimal ("90.0", "59.1"), like components/format.ts formatScore. */
export function fmtScore(x: number): string {
  return (Math.round(x * 10) / 10 + 0).toFixed(1);
}

/** A supplier named by the service when it filled the name, else by id. */
export function stepName(step: ExposureStep): string {
  return step.name ? `${step.name} (#${step.supplierId})` : `supplier #${step.supplierId}`;
}
