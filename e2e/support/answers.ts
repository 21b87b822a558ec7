// Answers to the supplier questionnaire (Athens v1) that e2e specs give in the portal: a good answer
// to every question that can be shown (no red flag; follow-ups answered), in English.

import { addDays } from "~/domain/dates";

/** yyyy-mm-dd, `days` from today (UTC). */
export const isoDay = (days: number) => addDays(new Date(), days);

/** How a question is answered: a radio (yes/no or an option key), checkboxes, typed text, or left alone. */
export type BaseAnswer = { choose: string } | { check: string[] } | { type: string } | { skip: true };

/** A good answer to every question of Athens v1, in the template's order. */
export const GOOD_ANSWERS: Readonly<Record<string, BaseAnswer>> = {
  "profile.workers": { type: "250" },
  "profile.migrant_share": { type: "30" },
  "profile.nationalities": { type: "Peru, Bolivia" },
  "profile.temporary_share": { type: "10" },
  "profile.uses_agencies": { choose: "yes" },
  "profile.agencies_licensed": { choose: "all" },
  "profile.fees_charged": { choose: "no" },
  "p1.written_policy": { choose: "signed" },
  "p1.policy_scope": { check: ["forced_labour", "bonded_labour", "prison_labour", "trafficking", "recruitment_fees"] },
  "p1.resignation_notice": { type: "14" },
  "p1.deposits": { choose: "no" },
  "p1.documents_holder": { choose: "workers_themselves" },
  "p1.free_movement": { choose: "freely" },
  "p1.contact_outside": { choose: "phones_always" },
  "p2.policy_communicated": { choose: "all_workers" },
  "p2.induction_topics": { check: ["keep_documents", "free_to_resign", "wages_deductions", "working_hours", "how_to_complain"] },
  "p2.worker_training": { choose: "hiring_and_yearly" },
  "p2.training_records": { choose: "yes" },
  "p2.awareness_activities": { choose: "yes" },
  "p3.senior_owner": { choose: "yes" },
  "p3.risk_assessment": { choose: "last_12_months" },
  "p3.risk_assessment_date": { type: isoDay(-60) },
  "p3.supply_chain_map": { choose: "raw_materials" },
  "p3.kpis": { choose: "yes" },
  "p3.budget": { choose: "yes" },
  "p4.managers_trained": { choose: "yes" },
  "p4.disciplinary": { choose: "yes" },
  "p4.wages_on_time": { choose: "yes" },
  "p4.violence_reported": { choose: "no" },
  "p4.threats_reported": { choose: "no" },
  "p4.vulnerable_groups": { check: ["cannot_read_contract"] },
  "p4.vulnerable_safeguards": { choose: "yes" },
  "p4.housing_standards": { choose: "meets_all" },
  "p4.transport_access": { choose: "yes" },
  "p4.grievance_channel": { choose: "yes" },
  "p4.grievance_features": { check: ["workers_languages", "anonymous", "non_retaliation", "appeal", "outcomes_recorded"] },
  "p5.supplier_code": { choose: "code_and_contracts" },
  "p5.employer_pays": { choose: "yes" },
  "p5.direct_hiring": { choose: "mostly_direct" },
  "p5.agency_checks": { choose: "licence_only" },
  "p5.contract_before_start": { choose: "yes" },
  "p5.sample_contract": { skip: true }, // optional evidence
  "p5.loan_deductions": { type: "5" },
  "p5.weekly_hours": { type: "52" },
  "p5.rest_day": { choose: "yes" },
  "p5.supplier_checks": { choose: "questionnaires_only" },
  "p6.initiative_member": { choose: "yes" },
  "p6.initiative_names": { type: "Responsible Textile Initiative" },
  "p6.government_engagement": { choose: "yes" },
  "p7.statement_published": { choose: "yes" },
  "p7.statement_link": { type: "https://supplier.example/statement" },
  "p7.supplier_list": { choose: "yes" },
  "p7.remedy_disclosed": { choose: "yes" },
  "p7.practice_sharing": { choose: "yes" },
};
