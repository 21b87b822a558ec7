// Australian Modern Slavery Act 2018 (Cth), section 16: the seven mandatory criteria of a modern
// slavery statement. Guidance texts are our summary of each criterion.
// Pure data module.
import type { StatementTemplate } from "~/domain/statement/types";

export const AU_MSA_V1: StatementTemplate = {
  key: "au-msa",
  version: 1,
  law: "Australian Modern Slavery Act 2018, s.16",
  title: "Modern slavery statement",
  approvalNote:
    "The statement is approved by the principal governing body (usually the board) and signed by a responsible member, such as a director.",
  sections: [
    {
      key: "entity",
      heading: "Criterion 1: the reporting entity",
      guidance: "Identify the reporting entity (and, for a joint statement, each entity it covers).",
      draft: `This statement is made by [[figure:profile.legal_name]] for the reporting period [[figure:period.label]] and covers [[figure:profile.entities]].`,
    },
    {
      key: "structure",
      heading: "Criterion 2: structure, operations and supply chains",
      guidance: "Describe the entity's structure, its operations and its supply chains.",
      draft: `[[figure:profile.structure]]. We employ [[figure:profile.employees]] people in [[figure:profile.sectors]].

Our supply chain held [[figure:suppliers.total]] suppliers at the end of the period ([[figure:suppliers.by_tier]]), in [[figure:suppliers.countries]] countries, chiefly [[figure:suppliers.top_countries]].`,
    },
    {
      key: "risks",
      heading: "Criterion 3: risks of modern slavery",
      guidance:
        "Describe the risks of modern slavery practices in the operations and supply chains of the entity and the entities it owns or controls.",
      draft: `We score each supplier's risk with [[figure:methodology.version]]. [[figure:suppliers.high_risk]] suppliers were scored high or critical risk at the end of the period. Red flags raised in the period, by ILO indicator: [[figure:flags.by_indicator]].`,
    },
    {
      key: "actions",
      heading: "Criterion 4: actions taken, including due diligence and remediation",
      guidance: "Describe the actions taken to assess and address those risks, including due diligence and remediation processes.",
      draft: `[[figure:assessments.approved]] supplier assessments were approved and [[figure:audits.total]] site audits carried out in the period. [[figure:actions.opened]] corrective actions were opened and [[figure:actions.closed]] closed.

Our policies: [[figure:profile.policies]]. Training: [[figure:profile.training]].

Workers reach us through [[figure:grievances.channels]] worker-voice channels; [[figure:grievances.received]] grievances were received and [[figure:grievances.remedies]] remedies delivered.`,
    },
    {
      key: "effectiveness",
      heading: "Criterion 5: assessing the effectiveness of actions",
      guidance: "Describe how the entity assesses whether its actions are effective.",
      draft: `A corrective action counts as effective when it is verified: [[figure:actions.verified]] were verified in the period. [[figure:assessments.valid_at_end]] assessments were in force at the end of the period and [[figure:assessments.expired]] expired during it.`,
    },
    {
      key: "consultation",
      heading: "Criterion 6: consultation with owned or controlled entities",
      guidance:
        "Describe how the entities covered by the statement, and those the entity owns or controls, were consulted in preparing it.",
      draft: `[[figure:profile.consultation]].`,
    },
    {
      key: "other",
      heading: "Criterion 7: other relevant information",
      guidance: "Any other information the entity considers relevant.",
      draft: `No other information.`,
    },
  ],
};
