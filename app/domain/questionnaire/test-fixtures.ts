// Shared answer sets for the questionnaire tests (not a test file itself).
import { allQuestions } from "./template";
import type { Answers, QuestionnaireTemplate } from "./types";

/**
 * The best answer to every question of Athens v1 and v2, with every follow-up shown. Each version
 * reads the keys it asks and ignores the others (v1's peak week p5.weekly_hours, v2's new questions).
 */
export const BEST: Answers = {
  "profile.workers": 250,
  "profile.migrant_share": 30,
  "profile.nationalities": "Nepal, Bangladesh",
  "profile.temporary_share": 10,
  "profile.uses_agencies": "yes",
  "profile.agencies_licensed": "all",
  "profile.fees_charged": "no",
  "p1.written_policy": "signed",
  "p1.policy_scope": ["forced_labour", "bonded_labour", "prison_labour", "trafficking", "recruitment_fees"],
  "p1.resignation_notice": 14,
  "p1.deposits": "no",
  "p1.documents_holder": "workers_themselves",
  "p1.free_movement": "freely",
  "p1.contact_outside": "phones_always",
  "p2.policy_communicated": "all_workers",
  "p2.induction_topics": ["keep_documents", "free_to_resign", "wages_deductions", "working_hours", "how_to_complain"],
  "p2.worker_training": "hiring_and_yearly",
  "p2.training_records": "yes",
  "p2.awareness_activities": "yes",
  "p3.senior_owner": "yes",
  "p3.risk_assessment": "last_12_months",
  "p3.risk_assessment_date": "2024-11-30",
  "p3.supply_chain_map": "raw_materials",
  "p3.kpis": "yes",
  "p3.budget": "yes",
  "p4.managers_trained": "yes",
  "p4.disciplinary": "yes",
  "p4.wages_on_time": "yes",
  "p4.violence_reported": "no",
  "p4.threats_reported": "no",
  "p4.vulnerable_groups": ["under_18"],
  "p4.vulnerable_safeguards": "yes",
  "p4.housing_standards": "meets_all",
  "p4.transport_access": "yes",
  "p4.grievance_channel": "yes",
  "p4.grievance_features": ["workers_languages", "anonymous", "non_retaliation", "appeal", "outcomes_recorded"],
  "p5.supplier_code": "code_and_contracts",
  "p5.employer_pays": "yes",
  "p5.direct_hiring": "all_direct",
  "p5.agency_checks": "audited",
  "p5.contract_before_start": "yes",
  "p5.sample_contract": ["file_contract_1"],
  "p5.loan_deductions": 5,
  "p5.weekly_hours": 48,
  "p5.rest_day": "yes",
  "p5.supplier_checks": "audits",
  "p6.initiative_member": "yes",
  "p6.initiative_names": "Responsible Labour Initiative",
  "p6.government_engagement": "yes",
  "p7.statement_published": "yes",
  "p7.statement_link": "https://example.com/statement",
  "p7.supplier_list": "yes",
  "p7.remedy_disclosed": "yes",
  "p7.practice_sharing": "yes",
  // Asked from v2 on
  "p1.labour_transfer": "no",
  "p1.prison_labour": "no",
  "p3.material_origins": ["other_regions"],
  "p3.material_origins_other": "Cotton: Gujarat, India; polyester: Jiangsu, China",
  "p3.minerals_traced": "to_mine",
  "p3.site_audit": "yes",
  "p3.site_audit_standard": "other",
  "p3.site_audit_standard_other": "Fair Labour Audit",
  "p3.site_audit_date": "2024-09-15",
  "p3.site_audit_result": "no_open_findings",
  "p4.wages_deferred": "no",
  "p4.payment_in_kind": "money_only",
  "p4.deductions_share": 5,
  "p4.deduction_types": ["food"],
  "p4.age_verification": "document_checked_copy_kept",
  "p4.under_minimum_age": "no",
  "p4.young_hazardous_work": "no",
  "p4.child_labour_remediation": "monitoring_and_remediation",
  "p5.normal_weekly_hours": 40,
  "p5.overtime_refusable": "yes",
  "p5.usual_total_hours": 48,
};

/** The worst answer to every question (of v1 and v2) that is shown when answering this way. */
export const WORST: Answers = {
  "profile.workers": 250,
  "profile.migrant_share": 80,
  "profile.nationalities": "Myanmar",
  "profile.temporary_share": 60,
  "profile.uses_agencies": "yes",
  "profile.agencies_licensed": "none",
  "profile.fees_charged": "yes",
  "profile.fees_repaid": "not_repaid",
  "p1.written_policy": "none",
  "p1.resignation_notice": 90,
  "p1.deposits": "yes",
  "p1.documents_holder": "employer_keeps",
  "p1.free_movement": "permission_or_escort",
  "p1.contact_outside": "phones_taken",
  "p2.policy_communicated": "not_communicated",
  "p2.induction_topics": ["none"],
  "p2.worker_training": "never",
  "p2.awareness_activities": "no",
  "p3.senior_owner": "no",
  "p3.risk_assessment": "never",
  "p3.supply_chain_map": "not_mapped",
  "p3.kpis": "no",
  "p3.budget": "no",
  "p4.managers_trained": "no",
  "p4.disciplinary": "no",
  "p4.wages_on_time": "no",
  "p4.violence_reported": "yes",
  "p4.threats_reported": "yes",
  "p4.vulnerable_groups": ["under_18", "no_work_permit"],
  "p4.vulnerable_safeguards": "no",
  "p4.housing_standards": "does_not_meet",
  "p4.transport_access": "no",
  "p4.grievance_channel": "no",
  "p5.supplier_code": "none",
  "p5.employer_pays": "no",
  "p5.direct_hiring": "mostly_agencies",
  "p5.agency_checks": "not_checked",
  "p5.contract_before_start": "no",
  "p5.loan_deductions": 40,
  "p5.weekly_hours": 72,
  "p5.rest_day": "no",
  "p5.supplier_checks": "no_checks",
  "p6.initiative_member": "no",
  "p6.government_engagement": "no",
  "p7.statement_published": "no",
  "p7.supplier_list": "no",
  "p7.remedy_disclosed": "no",
  "p7.practice_sharing": "no",
  // Asked from v2 on
  "p1.labour_transfer": "yes",
  "p1.prison_labour": "yes",
  "p3.material_origins": ["xinjiang"],
  "p3.minerals_traced": "not_traced",
  "p3.site_audit": "no",
  "p4.wages_deferred": "yes",
  "p4.payment_in_kind": "mostly_in_kind",
  "p4.deductions_share": 60,
  "p4.deduction_types": ["housing", "recruitment_costs"],
  "p4.age_verification": "not_checked",
  "p4.under_minimum_age": "yes",
  "p4.young_hazardous_work": "yes",
  "p4.child_labour_remediation": "none",
  "p5.normal_weekly_hours": 60,
  "p5.overtime_refusable": "no",
  "p5.usual_total_hours": 72,
};

/** The answers of `answers` to questions that `template` asks, in template order (e.g. BEST for v2). */
export function answersFor(template: QuestionnaireTemplate, answers: Answers): Answers {
  const out: Record<string, Answers[string]> = {};
  for (const { question } of allQuestions(template)) if (answers[question.key] !== undefined) out[question.key] = answers[question.key];
  return out;
}

/** Small seeded PRNG (mulberry32) so property tests are reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
