// The built-in questionnaire "Athens Ethical Principles — forced labour", version 1.
// PUBLISHED: never edit this version (template.test.ts pins its fingerprint). To change a question,
// copy this file to athens-v2.ts, bump `version`, give changed questions new keys, and add it to
// BUILT_IN_TEMPLATES; assessments started on version 1 keep version 1.
//
// Layout: a workforce profile (facts, not scored, read by the inherent-risk model) and one section per
// Athens principle. Questions are concrete and checkable: each asks for a fact a reviewer can verify
// against a document, a record or a worker interview. Answers that reveal an ILO indicator of forced
// labour carry a red flag; every one of the 11 indicators can be raised by at least one answer.
// Weights are literal (not PRINCIPLE_WEIGHTS) so that changing a default elsewhere cannot change a
// published version.
// Pure module: no node, kysely, remix or react imports.
import { deepFreeze } from "./template";
import { severityOf, type IloIndicator, type QuestionnaireTemplate, type RedFlag } from "./types";

const flag = (indicator: IloIndicator): RedFlag => ({ indicator, severity: severityOf(indicator) });
const YES_GOOD = { yes: 1, no: 0 } as const;
const NO_GOOD = { yes: 0, no: 1 } as const;

export const ATHENS_V1: QuestionnaireTemplate = deepFreeze<QuestionnaireTemplate>({
  key: "athens-fl",
  version: 1,
  title: "t.athens-fl.title",
  intro: "t.athens-fl.intro",
  sections: [
    {
      key: "profile",
      principle: null,
      weight: 0,
      questions: [
        { key: "profile.workers", type: "number", required: true, weight: 0, allowNa: false, min: 1, max: 1_000_000, integer: true, unit: "people", profile: "workers" },
        { key: "profile.migrant_share", type: "percent", required: true, weight: 0, allowNa: false, profile: "migrant_share" },
        { key: "profile.nationalities", type: "text", required: false, weight: 0, allowNa: false, maxLength: 500, showIf: { question: "profile.migrant_share", gt: 0 } },
        { key: "profile.temporary_share", type: "percent", required: true, weight: 0, allowNa: false, profile: "temporary_share" },
        { key: "profile.uses_agencies", type: "yes_no", required: true, weight: 0, allowNa: false, profile: "uses_agencies" },
        {
          key: "profile.agencies_licensed",
          type: "single",
          required: true,
          weight: 0,
          allowNa: false,
          profile: "agencies_licensed",
          showIf: { question: "profile.uses_agencies", equals: "yes" },
          options: [
            { key: "all", points: 1 },
            { key: "some", points: 0.5 },
            { key: "none", points: 0 },
            { key: "dont_know", points: 0 },
          ],
          evidence: { accepted: "agency_contract", required: false, when: ["all", "some"] },
        },
        {
          key: "profile.fees_charged",
          type: "yes_no",
          required: true,
          weight: 0,
          allowNa: false,
          profile: "fees_charged",
          redFlags: { yes: flag("debt_bondage") },
        },
        {
          key: "profile.fees_repaid",
          type: "single",
          required: true,
          weight: 0,
          allowNa: false,
          profile: "fees_repaid",
          showIf: { question: "profile.fees_charged", equals: "yes" },
          options: [
            { key: "repaid_all", points: 1 },
            { key: "repaying", points: 0.5 },
            { key: "not_repaid", points: 0 },
          ],
        },
      ],
    },
    {
      key: "p1",
      principle: "P1",
      weight: 20,
      questions: [
        {
          key: "p1.written_policy",
          type: "single",
          required: true,
          weight: 4,
          allowNa: false,
          options: [
            { key: "signed", points: 1 },
            { key: "written_not_signed", points: 0.5 },
            { key: "none", points: 0 },
          ],
          evidence: { accepted: "policy_document", required: true, when: ["signed", "written_not_signed"] },
        },
        {
          key: "p1.policy_scope",
          type: "multi",
          required: true,
          weight: 2,
          allowNa: false,
          showIf: { question: "p1.written_policy", notEquals: "none" },
          options: [
            { key: "forced_labour", points: 0.2 },
            { key: "bonded_labour", points: 0.2 },
            { key: "prison_labour", points: 0.2 },
            { key: "trafficking", points: 0.2 },
            { key: "recruitment_fees", points: 0.2 },
            { key: "none", points: 0, exclusive: true },
          ],
        },
        {
          key: "p1.resignation_notice",
          type: "number",
          required: true,
          weight: 2,
          allowNa: false,
          min: 0,
          max: 365,
          integer: true,
          unit: "days",
          scoring: [
            { lte: 30, points: 1 },
            { lte: 60, points: 0.5 },
            { gt: 60, points: 0 },
          ],
        },
        { key: "p1.deposits", type: "yes_no", required: true, weight: 2, allowNa: false, points: NO_GOOD, redFlags: { yes: flag("debt_bondage") } },
        {
          key: "p1.documents_holder",
          type: "single",
          required: true,
          weight: 3,
          allowNa: false,
          options: [
            { key: "workers_themselves", points: 1 },
            { key: "locker_free_access", points: 1 },
            { key: "employer_keeps", points: 0, redFlag: flag("retention_of_documents") },
          ],
        },
        {
          key: "p1.free_movement",
          type: "single",
          required: true,
          weight: 3,
          allowNa: false,
          options: [
            { key: "freely", points: 1 },
            { key: "night_curfew", points: 0.5 },
            { key: "permission_or_escort", points: 0, redFlag: flag("restriction_of_movement") },
          ],
        },
        {
          key: "p1.contact_outside",
          type: "single",
          required: true,
          weight: 2,
          allowNa: false,
          options: [
            { key: "phones_always", points: 1 },
            { key: "phones_stored_in_shifts", points: 0.8 },
            { key: "phones_taken", points: 0, redFlag: flag("isolation") },
          ],
        },
      ],
    },
    {
      key: "p2",
      principle: "P2",
      weight: 10,
      questions: [
        {
          key: "p2.policy_communicated",
          type: "single",
          required: true,
          weight: 3,
          allowNa: false,
          options: [
            { key: "all_workers", points: 1 },
            { key: "some_workers", points: 0.5 },
            { key: "not_communicated", points: 0 },
          ],
        },
        {
          key: "p2.induction_topics",
          type: "multi",
          required: true,
          weight: 3,
          allowNa: false,
          options: [
            { key: "keep_documents", points: 0.2 },
            { key: "free_to_resign", points: 0.2 },
            { key: "wages_deductions", points: 0.2 },
            { key: "working_hours", points: 0.2 },
            { key: "how_to_complain", points: 0.2 },
            { key: "none", points: 0, exclusive: true },
          ],
        },
        {
          key: "p2.worker_training",
          type: "single",
          required: true,
          weight: 3,
          allowNa: false,
          options: [
            { key: "hiring_and_yearly", points: 1 },
            { key: "hiring_only", points: 0.6 },
            { key: "occasionally", points: 0.4 },
            { key: "never", points: 0 },
          ],
        },
        {
          key: "p2.training_records",
          type: "yes_no",
          required: true,
          weight: 1,
          allowNa: false,
          points: YES_GOOD,
          showIf: { question: "p2.worker_training", notEquals: "never" },
          evidence: { accepted: "training_records", required: false },
        },
        { key: "p2.awareness_activities", type: "yes_no", required: true, weight: 1, allowNa: false, points: YES_GOOD },
      ],
    },
    {
      key: "p3",
      principle: "P3",
      weight: 15,
      questions: [
        { key: "p3.senior_owner", type: "yes_no", required: true, weight: 3, allowNa: false, points: YES_GOOD },
        {
          key: "p3.risk_assessment",
          type: "single",
          required: true,
          weight: 3,
          allowNa: false,
          options: [
            { key: "last_12_months", points: 1 },
            { key: "one_to_three_years", points: 0.5 },
            { key: "never", points: 0 },
          ],
          evidence: { accepted: "risk_assessment", required: false, when: ["last_12_months", "one_to_three_years"] },
        },
        {
          key: "p3.risk_assessment_date",
          type: "date",
          required: false,
          weight: 0,
          allowNa: false,
          showIf: { question: "p3.risk_assessment", notEquals: "never" },
        },
        {
          key: "p3.supply_chain_map",
          type: "single",
          required: true,
          weight: 3,
          allowNa: false,
          options: [
            { key: "raw_materials", points: 1 },
            { key: "beyond_direct", points: 0.7 },
            { key: "direct_only", points: 0.4 },
            { key: "not_mapped", points: 0 },
          ],
        },
        { key: "p3.kpis", type: "yes_no", required: true, weight: 2, allowNa: false, points: YES_GOOD },
        { key: "p3.budget", type: "yes_no", required: true, weight: 1, allowNa: false, points: YES_GOOD },
      ],
    },
    {
      key: "p4",
      principle: "P4",
      weight: 15,
      questions: [
        { key: "p4.managers_trained", type: "yes_no", required: true, weight: 2, allowNa: false, points: YES_GOOD },
        { key: "p4.disciplinary", type: "yes_no", required: true, weight: 1, allowNa: false, points: YES_GOOD },
        {
          key: "p4.wages_on_time",
          type: "yes_no",
          required: true,
          weight: 3,
          allowNa: false,
          points: YES_GOOD,
          redFlags: { no: flag("withholding_of_wages") },
          evidence: { accepted: "payroll_records", required: false },
        },
        // Incidents are red flags, not scored controls: honest reporting is not also punished in maturity.
        { key: "p4.violence_reported", type: "yes_no", required: true, weight: 0, allowNa: false, redFlags: { yes: flag("physical_sexual_violence") } },
        { key: "p4.threats_reported", type: "yes_no", required: true, weight: 0, allowNa: false, redFlags: { yes: flag("intimidation_threats") } },
        {
          key: "p4.vulnerable_groups",
          type: "multi",
          required: true,
          weight: 0,
          allowNa: false,
          options: [
            { key: "under_18", points: 0 },
            { key: "no_work_permit", points: 0 },
            { key: "cannot_read_contract", points: 0 },
            { key: "none", points: 0, exclusive: true },
          ],
        },
        {
          key: "p4.vulnerable_safeguards",
          type: "yes_no",
          required: true,
          weight: 2,
          allowNa: false,
          points: YES_GOOD,
          showIf: { question: "p4.vulnerable_groups", notEquals: "none" },
          redFlags: { no: flag("abuse_of_vulnerability") },
        },
        {
          key: "p4.housing_standards",
          type: "single",
          required: true,
          weight: 2,
          allowNa: true,
          options: [
            { key: "meets_all", points: 1 },
            { key: "meets_most", points: 0.5 },
            { key: "does_not_meet", points: 0, redFlag: flag("abusive_conditions") },
          ],
        },
        { key: "p4.transport_access", type: "yes_no", required: true, weight: 1, allowNa: true, points: YES_GOOD, redFlags: { no: flag("isolation") } },
        {
          key: "p4.grievance_channel",
          type: "yes_no",
          required: true,
          weight: 3,
          allowNa: false,
          points: YES_GOOD,
          evidence: { accepted: "grievance_procedure", required: false },
        },
        {
          key: "p4.grievance_features",
          type: "multi",
          required: true,
          weight: 3,
          allowNa: false,
          showIf: { question: "p4.grievance_channel", equals: "yes" },
          options: [
            { key: "workers_languages", points: 0.2 },
            { key: "anonymous", points: 0.2 },
            { key: "non_retaliation", points: 0.2 },
            { key: "appeal", points: 0.2 },
            { key: "outcomes_recorded", points: 0.2 },
            { key: "none", points: 0, exclusive: true },
          ],
        },
      ],
    },
    {
      key: "p5",
      principle: "P5",
      weight: 25,
      questions: [
        {
          key: "p5.supplier_code",
          type: "single",
          required: true,
          weight: 3,
          allowNa: false,
          options: [
            { key: "code_and_contracts", points: 1 },
            { key: "code_only", points: 0.6 },
            { key: "none", points: 0 },
          ],
          evidence: { accepted: "supplier_code", required: false, when: ["code_and_contracts", "code_only"] },
        },
        { key: "p5.employer_pays", type: "yes_no", required: true, weight: 3, allowNa: false, points: YES_GOOD },
        {
          key: "p5.direct_hiring",
          type: "single",
          required: true,
          weight: 2,
          allowNa: false,
          options: [
            { key: "all_direct", points: 1 },
            { key: "mostly_direct", points: 0.7 },
            { key: "mostly_agencies", points: 0.4 },
          ],
        },
        {
          key: "p5.agency_checks",
          type: "single",
          required: true,
          weight: 3,
          allowNa: false,
          showIf: { question: "profile.uses_agencies", equals: "yes" },
          options: [
            { key: "audited", points: 1 },
            { key: "licence_only", points: 0.5 },
            { key: "not_checked", points: 0 },
          ],
          evidence: { accepted: "audit_report", required: false, when: ["audited"] },
        },
        {
          key: "p5.contract_before_start",
          type: "yes_no",
          required: true,
          weight: 3,
          allowNa: false,
          points: YES_GOOD,
          redFlags: { no: flag("deception") },
        },
        {
          key: "p5.sample_contract",
          type: "evidence",
          required: false,
          weight: 0,
          allowNa: false,
          evidence: { accepted: "employment_contract", required: false },
        },
        {
          key: "p5.loan_deductions",
          type: "percent",
          required: true,
          weight: 2,
          allowNa: true,
          scoring: [
            { lte: 10, points: 1 },
            { lte: 20, points: 0.5 },
            { gt: 20, points: 0 },
          ],
        },
        {
          key: "p5.weekly_hours",
          type: "number",
          required: true,
          weight: 3,
          allowNa: false,
          min: 0,
          max: 168,
          unit: "hours_per_week",
          scoring: [
            { lte: 48, points: 1 },
            { lte: 60, points: 0.5 },
            { gt: 60, points: 0 },
          ],
          redFlagRules: [{ gt: 60, redFlag: flag("excessive_overtime") }],
          evidence: { accepted: "time_records", required: false },
        },
        { key: "p5.rest_day", type: "yes_no", required: true, weight: 2, allowNa: false, points: YES_GOOD, redFlags: { no: flag("excessive_overtime") } },
        {
          key: "p5.supplier_checks",
          type: "single",
          required: true,
          weight: 3,
          allowNa: false,
          options: [
            { key: "audits", points: 1 },
            { key: "questionnaires_only", points: 0.5 },
            { key: "no_checks", points: 0 },
          ],
          evidence: { accepted: "audit_report", required: false, when: ["audits"] },
        },
      ],
    },
    {
      key: "p6",
      principle: "P6",
      weight: 5,
      questions: [
        { key: "p6.initiative_member", type: "yes_no", required: true, weight: 2, allowNa: false, points: YES_GOOD },
        {
          key: "p6.initiative_names",
          type: "text",
          required: false,
          weight: 0,
          allowNa: false,
          maxLength: 500,
          showIf: { question: "p6.initiative_member", equals: "yes" },
        },
        { key: "p6.government_engagement", type: "yes_no", required: true, weight: 1, allowNa: false, points: YES_GOOD },
      ],
    },
    {
      key: "p7",
      principle: "P7",
      weight: 10,
      questions: [
        { key: "p7.statement_published", type: "yes_no", required: true, weight: 3, allowNa: false, points: YES_GOOD },
        {
          key: "p7.statement_link",
          type: "text",
          required: false,
          weight: 0,
          allowNa: false,
          maxLength: 500,
          showIf: { question: "p7.statement_published", equals: "yes" },
        },
        { key: "p7.supplier_list", type: "yes_no", required: true, weight: 2, allowNa: false, points: YES_GOOD },
        { key: "p7.remedy_disclosed", type: "yes_no", required: true, weight: 2, allowNa: true, points: YES_GOOD },
        { key: "p7.practice_sharing", type: "yes_no", required: true, weight: 1, allowNa: false, points: YES_GOOD },
      ],
    },
  ],
});

/** Every built-in template version, oldest first. Never remove a version: assessments pin them. */
export const BUILT_IN_TEMPLATES: readonly QuestionnaireTemplate[] = Object.freeze([ATHENS_V1]);

/** The built-in template with this key and version, if any. */
export function findBuiltInTemplate(key: string, version: number): QuestionnaireTemplate | undefined {
  return BUILT_IN_TEMPLATES.find((t) => t.key === key && t.version === version);
}

/** The newest built-in version of a template key (what new assessments start on). */
export function latestBuiltInTemplate(key: string): QuestionnaireTemplate | undefined {
  return BUILT_IN_TEMPLATES.filter((t) => t.key === key).reduce<QuestionnaireTemplate | undefined>(
    (best, t) => (best === undefined || t.version > best.version ? t : best),
    undefined,
  );
}
