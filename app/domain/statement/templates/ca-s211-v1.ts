// Canada, Fighting Against Forced Labour and Child Labour in Supply Chains Act (S-211), section 11:
// the annual report's required sections, and draft answers to the government's annual online
// questionnaire (the questions are paraphrased in our words; answers are drafted from the data where
// the data can answer, otherwise left for the officer). Guidance texts are our summary.
// Pure data module.
import type { StatementTemplate } from "~/domain/statement/types";

const Q = "Annual questionnaire (draft answers)";

export const CA_S211_V1: StatementTemplate = {
  key: "ca-s211",
  version: 1,
  law: "Canada, Fighting Against Forced Labour and Child Labour in Supply Chains Act (S-211)",
  title: "Report on forced labour and child labour in supply chains",
  approvalNote:
    "The report is approved by the governing body (for a corporation, its board of directors) and signed by one or more of its members, with the attestation the Act asks for.",
  sections: [
    {
      key: "structure",
      heading: "Structure, activities and supply chains",
      guidance: "Describe the entity's structure, activities and supply chains.",
      draft: `This report is made by [[figure:profile.legal_name]] for the financial year [[figure:period.label]] and covers [[figure:profile.entities]]. [[figure:profile.structure]].

At the end of the year we had [[figure:suppliers.total]] suppliers ([[figure:suppliers.by_tier]]) in [[figure:suppliers.countries]] countries, chiefly [[figure:suppliers.top_countries]].`,
    },
    {
      key: "policies",
      heading: "Policies and due diligence processes",
      guidance: "Describe the policies and due-diligence processes in relation to forced labour and child labour.",
      draft: `Our policies: [[figure:profile.policies]].

We assess suppliers with a questionnaire built on the Athens Ethical Principles: [[figure:assessments.approved]] assessments were approved in the year and [[figure:assessments.valid_at_end]] were in force at its end. [[figure:audits.total]] independent site audits were carried out.`,
    },
    {
      key: "risks",
      heading: "Parts of the business and supply chains that carry a risk, and steps to assess and manage it",
      guidance: "Identify where forced or child labour risk lies and the steps taken to assess and manage it.",
      draft: `Risk is scored per supplier with [[figure:methodology.version]]; [[figure:suppliers.high_risk]] suppliers were scored high or critical. Red flags raised in the year, by indicator: [[figure:flags.by_indicator]].`,
    },
    {
      key: "remediation",
      heading: "Measures to remediate forced or child labour",
      guidance: "Describe any measures taken to remediate forced labour or child labour.",
      draft: `[[figure:actions.opened]] corrective actions were opened in the year, [[figure:actions.closed]] closed and [[figure:actions.verified]] verified. Through worker-voice channels we received [[figure:grievances.received]] grievances and delivered [[figure:grievances.remedies]] remedies.`,
    },
    {
      key: "income_loss",
      heading: "Measures to remediate the loss of income to vulnerable families",
      guidance:
        "Describe measures taken to remediate the loss of income to the most vulnerable families that results from eliminating forced or child labour.",
      draft: `Describe here any support given to families whose income fell when forced or child labour was ended. Lantern holds no data on this.`,
    },
    {
      key: "training",
      heading: "Training",
      guidance: "Describe the training given to employees on forced labour and child labour.",
      draft: `[[figure:profile.training]].`,
    },
    {
      key: "effectiveness",
      heading: "Assessing effectiveness",
      guidance: "Describe how the entity assesses its effectiveness in ensuring forced and child labour are not used.",
      draft: `We count a corrective action as effective when it is verified ([[figure:actions.verified]] in the year), and we follow assessments that expire ([[figure:assessments.expired]] in the year) so that every supplier stays assessed.`,
    },
    {
      key: "q_policies",
      group: Q,
      heading: "Q: Does the entity have policies and due-diligence processes on forced and child labour?",
      guidance: "Answer yes or no, then name which (a code of conduct, a supplier code, contract clauses, a due-diligence policy…).",
      draft: `Yes, if the policies listed here exist: [[figure:profile.policies]].`,
    },
    {
      key: "q_due_diligence",
      group: Q,
      heading: "Q: Which steps of due diligence did the entity take in the year?",
      guidance:
        "Pick from: mapping supply chains, risk assessment, supplier questionnaires, audits, grievance mechanism, corrective actions.",
      draft: `Supply-chain mapping ([[figure:suppliers.total]] suppliers by tier), supplier risk assessment ([[figure:assessments.approved]] approved), site audits ([[figure:audits.total]]), a grievance mechanism ([[figure:grievances.channels]] channels) and corrective action plans ([[figure:actions.opened]] opened).`,
    },
    {
      key: "q_risks",
      group: Q,
      heading: "Q: Has the entity identified risks of forced or child labour in its activities and supply chains?",
      guidance: "Answer yes or no and say where (sector, country, raw material).",
      draft: `Red flags in the year: [[figure:flags.total]] ([[figure:flags.by_indicator]]). High or critical risk suppliers: [[figure:suppliers.high_risk]].`,
    },
    {
      key: "q_remediation",
      group: Q,
      heading: "Q: Has the entity taken any remediation measures?",
      guidance: "Answer yes, no, or not applicable because none was found.",
      draft: `Corrective actions opened: [[figure:actions.opened]]; closed: [[figure:actions.closed]]. Remedies delivered to workers: [[figure:grievances.remedies]].`,
    },
    {
      key: "q_income_loss",
      group: Q,
      heading: "Q: Has the entity taken measures to remediate the loss of income to vulnerable families?",
      guidance: "Answer yes, no, or not applicable. Lantern holds no data for this answer.",
      draft: `To be answered by the officer.`,
    },
    {
      key: "q_training",
      group: Q,
      heading: "Q: Does the entity train its employees on forced and child labour? Is it mandatory?",
      guidance: "Answer yes or no, who is trained, and whether it is mandatory for everyone, some employees or no one.",
      draft: `[[figure:profile.training]]. Whether the training is mandatory is to be answered by the officer.`,
    },
    {
      key: "q_effectiveness",
      group: Q,
      heading: "Q: Does the entity have procedures to assess its effectiveness?",
      guidance: "Answer yes or no, and which (tracking corrective actions, audits, grievances, performance indicators).",
      draft: `Yes: tracking corrective actions to verification ([[figure:actions.verified]] verified), re-assessing suppliers whose assessments expire ([[figure:assessments.expired]]) and independent audits ([[figure:audits.total]]).`,
    },
  ],
};
