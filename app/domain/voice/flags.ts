// A substantiated worker grievance as a red flag of risk model v2: an independent signal beside the
// answers' flags and the audit findings' (app/domain/risk/types.ts, IndependentFlag). It cites the case,
// never the reporter; who may read the case number is decided where the explanation is shown.
import { severityOf, type FlagIndicator } from "~/domain/questionnaire/types";
import type { IndependentFlag } from "~/domain/risk/types";

/** How the explanation names a grievance flag's source. */
export const GRIEVANCE_SOURCE = "a substantiated worker grievance";

export function grievanceFlag(g: { indicator: FlagIndicator; caseNumber: string; caseId: number }): IndependentFlag {
  return {
    indicator: g.indicator,
    severity: severityOf(g.indicator),
    source: { kind: "grievance_case", id: g.caseId, label: `${GRIEVANCE_SOURCE} (case ${g.caseNumber})` },
  };
}
