// The rule an action opened from an audit finding must meet before "verified" (records_two_months:
// payroll or time records for two calendar months after the finding's date), read by the status
// change (actions.server.ts) and shown on the action page.
import { fail, type Failure } from "~/domain/result";
import { recordKindFor, recordsRule } from "~/domain/site-audit/findings";
import type { ActionRecord } from "~/models/action.server";
import { recordsOfAction } from "~/models/audit-finding-records.server";
import { findingOfAction } from "~/models/site-audit.server";
import type { DbOrTrx } from "~/models/types";

/** Why "verified" is refused under the action's rule, or null when the rule is met (or there is none). */
export async function verifyRuleRefusal(db: DbOrTrx, orgId: number, a: ActionRecord): Promise<Failure | null> {
  if (a.verifyRule !== "records_two_months" || a.auditFindingId === null) return null;
  const finding = await findingOfAction(db, orgId, a.auditFindingId);
  const kind = recordKindFor(finding?.indicator ?? a.indicator);
  if (!finding || !kind) return null;
  const r = recordsRule(finding.foundOn, kind, await recordsOfAction(db, orgId, a.id));
  return r.met ? null : fail("conflict", r.message, { field: "status" });
}

/**
 * What the action page shows of the finding behind an action: its audit (for the link), and under a
 * records rule the records attached and whether the rule is met. Null when no finding is behind it.
 */
export async function findingBehind(db: DbOrTrx, orgId: number, a: ActionRecord) {
  if (a.auditFindingId === null) return null;
  const finding = await findingOfAction(db, orgId, a.auditFindingId);
  if (!finding) return null;
  const kind = a.verifyRule === "records_two_months" ? recordKindFor(finding.indicator ?? a.indicator) : null;
  if (!kind) return { auditId: finding.auditId, foundOn: finding.foundOn, records: null };
  const list = await recordsOfAction(db, orgId, a.id);
  return { auditId: finding.auditId, foundOn: finding.foundOn, records: { kind, list, ...recordsRule(finding.foundOn, kind, list) } };
}
