// UK Modern Slavery Act 2015, section 54: the slavery and human trafficking statement, in the six
// areas the Home Office statutory guidance suggests. Guidance texts are our summary, not the law's words.
// Pure data module.
import type { StatementTemplate } from "~/domain/statement/types";

export const UK_MSA_S54_V1: StatementTemplate = {
  key: "uk-msa-s54",
  version: 1,
  law: "UK Modern Slavery Act 2015, s.54",
  title: "Slavery and human trafficking statement",
  approvalNote:
    "A company's statement is approved by its board of directors and signed by a director (a partnership: a member; an LLP: a designated member).",
  sections: [
    {
      key: "structure",
      heading: "1. Organisation structure, business and supply chains",
      guidance: "Describe the organisation, what it does, where it operates, and how its supply chains are made up.",
      draft: `This statement is made by [[figure:profile.legal_name]] for the financial year [[figure:period.label]]. It covers [[figure:profile.entities]].

[[figure:profile.structure]]. We employ [[figure:profile.employees]] people and work in [[figure:profile.sectors]].

At the end of the year our supply chain held [[figure:suppliers.total]] suppliers: [[figure:suppliers.by_tier]]. They are in [[figure:suppliers.countries]] countries, most of them in [[figure:suppliers.top_countries]].`,
    },
    {
      key: "policies",
      heading: "2. Policies in relation to slavery and human trafficking",
      guidance:
        "Name the policies that address modern slavery, when they were adopted and reviewed, and how they are applied to suppliers.",
      draft: `Our policies on slavery and human trafficking: [[figure:profile.policies]].`,
    },
    {
      key: "due_diligence",
      heading: "3. Due diligence processes",
      guidance: "Explain how the organisation identifies, assesses and follows up modern-slavery risk in its operations and supply chains.",
      draft: `We assess suppliers with a questionnaire built on the Athens Ethical Principles. In the year, [[figure:assessments.approved]] assessments were reviewed and approved, [[figure:assessments.expired]] expired, and [[figure:assessments.valid_at_end]] were in force at the end of the year.

Independent social audits add to what suppliers declare: [[figure:audits.total]] site audits were carried out in the year.

Workers can raise concerns through [[figure:grievances.channels]] worker-voice channels. In the year we received [[figure:grievances.received]] grievances; [[figure:grievances.substantiated]] were substantiated and [[figure:grievances.remedies]] remedies were delivered.`,
    },
    {
      key: "risk",
      heading: "4. Risk assessment and management",
      guidance: "Say which parts of the business and supply chains carry the most risk, how that was found, and what was done about it.",
      draft: `Each supplier's risk is scored from its country, its goods, its workforce and the controls it has shown, using [[figure:methodology.version]]. At the end of the year [[figure:suppliers.high_risk]] suppliers were scored high or critical risk.

Answers, audit findings and substantiated grievances raised [[figure:flags.total]] red flags on indicators of forced labour in the year: [[figure:flags.by_indicator]].`,
    },
    {
      key: "effectiveness",
      heading: "5. Key performance indicators and effectiveness",
      guidance: "Give the measures used to judge whether the steps taken are working, with the year's results.",
      draft: `Every red flag and audit finding opens a corrective action with an owner and a due date. In the year [[figure:actions.opened]] corrective actions were opened, [[figure:actions.closed]] were closed and [[figure:actions.verified]] were verified as effective.`,
    },
    {
      key: "training",
      heading: "6. Training and capacity building",
      guidance: "Describe the training on modern slavery given to staff and, where relevant, to suppliers.",
      draft: `[[figure:profile.training]].`,
    },
    {
      key: "approval",
      heading: "Approval",
      guidance:
        "The statement must be approved by the board (or equivalent) and signed; the approval record is added when an admin records it.",
      draft: `This statement was approved by the board of directors of [[figure:profile.legal_name]].`,
    },
  ],
};
