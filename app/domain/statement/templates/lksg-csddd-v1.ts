// A due-diligence report in the shape the German Supply Chain Due Diligence Act (LkSG, §10) and the
// EU Corporate Sustainability Due Diligence Directive ask for: risk analysis, preventive measures,
// remedial action, complaints procedure and the review of effectiveness. Guidance is our summary.
// Pure data module.
import type { StatementTemplate } from "~/domain/statement/types";

export const LKSG_CSDDD_V1: StatementTemplate = {
  key: "lksg-csddd",
  version: 1,
  law: "German LkSG §10 / EU CSDDD",
  title: "Human-rights due-diligence report",
  approvalNote: "The management (Geschäftsleitung) is responsible for due diligence; the report is signed off by it.",
  sections: [
    {
      key: "scope",
      heading: "Scope and responsibility",
      guidance: "Name the company, the period, who is responsible for human-rights due diligence and the policy statement.",
      draft: `This report of [[figure:profile.legal_name]] covers the financial year [[figure:period.label]] and [[figure:profile.entities]]. Our policy statement and related policies: [[figure:profile.policies]].`,
    },
    {
      key: "risk_analysis",
      heading: "Risk analysis",
      guidance: "Describe how risks were identified, weighted and prioritised, in the own business and at direct and indirect suppliers.",
      draft: `Our supply chain held [[figure:suppliers.total]] suppliers ([[figure:suppliers.by_tier]]) in [[figure:suppliers.countries]] countries. Direct suppliers: [[figure:suppliers.tier1]]; indirect suppliers at tier 2: [[figure:suppliers.tier2]], at tier 3 or deeper: [[figure:suppliers.tier3plus]].

Risk is weighted with [[figure:methodology.version]]; [[figure:suppliers.high_risk]] suppliers were prioritised as high or critical. Indicators of forced labour found in the year: [[figure:flags.by_indicator]].`,
    },
    {
      key: "prevention",
      heading: "Preventive measures",
      guidance: "Describe the preventive measures in the own business and towards suppliers (contract terms, training, checks).",
      draft: `[[figure:assessments.approved]] supplier assessments were approved in the year and [[figure:assessments.valid_at_end]] were in force at its end; [[figure:audits.total]] site audits were carried out. Training: [[figure:profile.training]].`,
    },
    {
      key: "remediation",
      heading: "Remedial action",
      guidance: "Describe the remedial action taken where a violation was found or is imminent.",
      draft: `[[figure:actions.opened]] corrective actions were opened in the year, [[figure:actions.closed]] were closed and [[figure:actions.verified]] verified.`,
    },
    {
      key: "complaints",
      heading: "Complaints procedure",
      guidance: "Describe the complaints procedure, who can use it, and what came of it in the year.",
      draft: `Workers at suppliers' sites reach us through [[figure:grievances.channels]] worker-voice channels, anonymously if they wish. In the year [[figure:grievances.received]] complaints were received, [[figure:grievances.substantiated]] substantiated and [[figure:grievances.remedies]] remedies delivered.`,
    },
    {
      key: "effectiveness",
      heading: "Review of effectiveness",
      guidance: "Describe how the effectiveness of the measures is reviewed and the conclusions for the next year.",
      draft: `A measure counts as effective when its corrective action is verified ([[figure:actions.verified]] in the year). [[figure:assessments.expired]] assessments expired in the year and are renewed.`,
    },
  ],
};
