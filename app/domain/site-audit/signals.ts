// What a site's audits say to the risk model (v2):
// - Verification: the audits in force (date ≤ today ≤ last valid day) whose standard covers Athens
//   principles make the answers on those principles count as verified; they lift the listed-goods
//   floor when none of them has an open critical finding. The label names each audit and its open
//   findings: "SMETA 4-pillar, 2026-03-10, Bureau X: 1 open major finding on excessive overtime".
// - Independent red flags: every open critical finding (zero tolerance, RBA priority, …) on a
//   forced-labour indicator, in force or not (a red flag is a fact until it is fixed), with the
//   indicator's usual severity.
// A finding is open until the corrective action opened from it is verified.
// Pure module: no node, kysely, remix or react imports.
import { PRINCIPLES, isFlagIndicator, severityOf, type Principle } from "~/domain/questionnaire/types";
import type { IndependentFlag, Verification } from "~/domain/risk/types";
import { indicatorLabel } from "~/domain/risk/labels";
import { auditLabel, coveredPrinciples, inForce, type AuditStandard, type FindingSeverity } from "./standards";

export interface AuditSignalInput {
  id: number;
  standard: AuditStandard;
  standardOther: string | null;
  firm: string;
  auditDate: string;
  validUntil: string;
  findings: readonly {
    id: number;
    severity: FindingSeverity;
    severityLabel: string;
    indicator: string | null;
    principle: string | null;
    open: boolean;
  }[];
}

const ORDER: FindingSeverity[] = ["critical", "major", "minor"];

/** "1 open major finding on excessive overtime", "2 open minor findings", or null when none is open. */
export function openFindingsText(findings: AuditSignalInput["findings"]): string | null {
  const open = findings.filter((f) => f.open);
  if (open.length === 0) return null;
  const parts: string[] = [];
  for (const sev of ORDER) {
    const of = open.filter((f) => f.severity === sev);
    if (of.length === 0) continue;
    const topics = [...new Set(of.map((f) => (f.indicator && isFlagIndicator(f.indicator) ? indicatorLabel(f.indicator) : f.principle)))];
    const on = topics.length > 0 && topics.every((t) => t) ? ` on ${topics.join(", ")}` : "";
    parts.push(`${of.length} open ${sev} finding${of.length === 1 ? "" : "s"}${on}`);
  }
  return parts.join(", ");
}

/** An audit as the explanation names it, with its open findings. */
export function auditSignalLabel(a: AuditSignalInput): string {
  const open = openFindingsText(a.findings);
  return open ? `${auditLabel(a)}: ${open}` : auditLabel(a);
}

/** The verification and the independent red flags a site's audits give on `today` (yyyy-mm-dd). */
export function auditSignals(
  audits: readonly AuditSignalInput[],
  today: string,
): { verification: Verification | null; flags: IndependentFlag[] } {
  const sorted = [...audits].sort((a, b) => a.auditDate.localeCompare(b.auditDate) || a.id - b.id);
  const current = sorted.filter((a) => inForce(a, today) && coveredPrinciples(a.standard).length > 0);
  let verification: Verification | null = null;
  if (current.length > 0) {
    const covered = new Set<Principle>(current.flatMap((a) => coveredPrinciples(a.standard)));
    verification = {
      label: current.map(auditSignalLabel).join("; "),
      principles: PRINCIPLES.filter((p) => covered.has(p)),
      liftsGoodsFloor: !current.some((a) => a.findings.some((f) => f.open && f.severity === "critical")),
    };
  }
  const flags: IndependentFlag[] = [];
  for (const a of sorted) {
    for (const f of [...a.findings].sort((x, y) => x.id - y.id)) {
      if (!f.open || f.severity !== "critical" || !f.indicator || !isFlagIndicator(f.indicator)) continue;
      flags.push({
        indicator: f.indicator,
        severity: severityOf(f.indicator),
        source: { kind: "audit_finding", id: f.id, label: `${f.severityLabel} finding of ${auditLabel(a)}` },
      });
    }
  }
  return { verification, flags };
}
