// The built-in questionnaire "Athens Ethical Principles — forced labour", version 2.
// PUBLISHED: never edit this version (template.test.ts pins its fingerprint); publish a version 3.
// Assessments started on version 1 keep version 1 and its answers; new assessments start here.
//
// What v2 adds to v1, each question in the Athens principle it belongs to:
// - P1 (zero tolerance): state-imposed forced labour (ILO C105) at the site: workers placed through a
//   government labour-transfer programme, prison labour. Either raises state_imposed_labour (severe).
// - P3 (strategy, knowing the chain): where the main raw materials come from, with the regions that
//   regulators single out under forced-labour laws as options (reference data with a source per row:
//   ~/domain/singled-out-regions, db/seed/singled-out-regions.csv); ticking one raises
//   state_imposed_labour. Tracing of minerals and gemstones to the mine (OECD due-diligence guidance).
//   An independent audit or certification of the supplier's own site: standard, date, result, report.
// - P4 (own workforce): wages held back to the end of a contract (withholding_of_wages, severe), payment
//   in kind (ILO C095 Art. 4: partly, agreed and fairly valued; wholly or mainly in kind → withholding of
//   wages), deductions and their share of the wage (more than half of it deducted: the worker works to
//   pay the employer back → debt_bondage; deducted recruitment costs → debt_bondage, C181 Art. 7, C095
//   Art. 9); age verification at hiring, a child-labour monitoring and remediation system, work below
//   the minimum age (child_labour, C138) and hazardous work by workers under 18 (hazardous_child_labour,
//   C182 Art. 3(d)). Child labour is not one of the 11 ILO forced-labour indicators: it raises its own
//   flags (types.ts, CHILD_LABOUR_INDICATORS), severe like the worst ILO ones.
// - P5 (employment terms): overtime is judged on the normal week and on whether overtime is voluntary,
//   not on one peak week (risk model v2, item 6):
//     · p5.normal_weekly_hours: normal hours above 48 a week raise excessive_overtime. ILO Hours of Work
//       (Industry) Convention 1919 (C001) Art. 2 sets 48 normal hours a week; a normal week beyond it has
//       overtime built in, which no worker can refuse.
//     · p5.overtime_refusable: overtime that cannot be refused without a penalty raises
//       excessive_overtime: the ILO indicator is about work beyond the limits imposed on the worker,
//       and involuntariness is what makes long hours an indicator of forced labour. "No overtime is
//       worked" is N/A.
//     · p5.usual_total_hours: the total of a usual week, overtime included, scored against the
//       practitioners' line of 60 hours (ETI Base Code 6, SA8000, RBA Code): above it earns no points
//       but raises no flag alone, because a long week worked willingly is a breach of labour standards,
//       not a sign of forced labour.
//     · p5.rest_day (as in v1): no day off in seven still raises excessive_overtime (ILO C014).
//   v1's p5.weekly_hours (the busiest week of the year, flagged above 60) is not asked in v2: one peak
//   week says little about whether hours are imposed, and a flag on it punished honest time records.
//
// v1's questions whose meaning does not change are the same objects under the same keys (their texts
// are shared in the catalogues); new or changed questions have new keys. Weights are literal, as in v1.
// Pure module: no node, kysely, remix or react imports.
import { ATHENS_V1 } from "./athens-v1";
import { deepFreeze } from "./template";
import { severityOf, type FlagIndicator, type Question, type QuestionnaireTemplate, type RedFlag } from "./types";

const flag = (indicator: FlagIndicator): RedFlag => ({ indicator, severity: severityOf(indicator) });
const YES_GOOD = { yes: 1, no: 0 } as const;
const NO_GOOD = { yes: 0, no: 1 } as const;

const V1_QUESTIONS = new Map(ATHENS_V1.sections.flatMap((s) => s.questions.map((q) => [q.key, q] as const)));

/** v1's questions, unchanged, by key (a typo fails at load: template.test.ts imports this module). */
function same(...keys: string[]): Question[] {
  return keys.map((key) => {
    const q = V1_QUESTIONS.get(key);
    if (!q) throw new Error(`athens-v2: v1 has no question ${key}`);
    return q;
  });
}

export const ATHENS_V2: QuestionnaireTemplate = deepFreeze<QuestionnaireTemplate>({
  key: "athens-fl",
  version: 2,
  title: "t.athens-fl.title",
  intro: "t.athens-fl.intro",
  sections: [
    {
      key: "profile",
      principle: null,
      weight: 0,
      questions: same(
        "profile.workers",
        "profile.migrant_share",
        "profile.nationalities",
        "profile.temporary_share",
        "profile.uses_agencies",
        "profile.agencies_licensed",
        "profile.fees_charged",
        "profile.fees_repaid",
      ),
    },
    {
      key: "p1",
      principle: "P1",
      weight: 20,
      questions: [
        ...same(
          "p1.written_policy",
          "p1.policy_scope",
          "p1.resignation_notice",
          "p1.deposits",
          "p1.documents_holder",
          "p1.free_movement",
          "p1.contact_outside",
        ),
        // Facts with a flag, not scored controls (like v1's incidents).
        {
          key: "p1.labour_transfer",
          type: "yes_no",
          required: true,
          weight: 0,
          allowNa: false,
          redFlags: { yes: flag("state_imposed_labour") },
        },
        {
          key: "p1.prison_labour",
          type: "yes_no",
          required: true,
          weight: 0,
          allowNa: false,
          redFlags: { yes: flag("state_imposed_labour") },
        },
      ],
    },
    {
      key: "p2",
      principle: "P2",
      weight: 10,
      questions: same(
        "p2.policy_communicated",
        "p2.induction_topics",
        "p2.worker_training",
        "p2.training_records",
        "p2.awareness_activities",
      ),
    },
    {
      key: "p3",
      principle: "P3",
      weight: 15,
      questions: [
        ...same("p3.senior_owner", "p3.risk_assessment", "p3.risk_assessment_date", "p3.supply_chain_map"),
        {
          // Knowing the origin earns the point; an origin that regulators single out also raises a flag.
          key: "p3.material_origins",
          type: "multi",
          required: true,
          weight: 1,
          allowNa: false,
          options: [
            { key: "xinjiang", points: 1, redFlag: flag("state_imposed_labour") },
            { key: "turkmenistan_cotton", points: 1, redFlag: flag("state_imposed_labour") },
            { key: "north_korea", points: 1, redFlag: flag("state_imposed_labour") },
            { key: "other_regions", points: 1 },
            { key: "dont_know", points: 0, exclusive: true },
          ],
          evidence: { accepted: "traceability_records", required: false },
        },
        {
          key: "p3.material_origins_other",
          type: "text",
          required: true,
          weight: 0,
          allowNa: false,
          maxLength: 500,
          showIf: { question: "p3.material_origins", equals: "other_regions" },
        },
        {
          key: "p3.minerals_traced",
          type: "single",
          required: true,
          weight: 2,
          allowNa: true,
          options: [
            { key: "to_mine", points: 1 },
            { key: "to_smelter", points: 0.6 },
            { key: "partly", points: 0.3 },
            { key: "not_traced", points: 0 },
          ],
          evidence: { accepted: "traceability_records", required: false, when: ["to_mine", "to_smelter"] },
        },
        {
          key: "p3.site_audit",
          type: "yes_no",
          required: true,
          weight: 3,
          allowNa: false,
          points: YES_GOOD,
          evidence: { accepted: "audit_report", required: false },
        },
        {
          key: "p3.site_audit_standard",
          type: "single",
          required: true,
          weight: 0,
          allowNa: false,
          showIf: { question: "p3.site_audit", equals: "yes" },
          options: [
            { key: "smeta", points: 0 },
            { key: "amfori_bsci", points: 0 },
            { key: "sa8000", points: 0 },
            { key: "rba_vap", points: 0 },
            { key: "wrap", points: 0 },
            { key: "other", points: 0 },
          ],
        },
        {
          key: "p3.site_audit_standard_other",
          type: "text",
          required: true,
          weight: 0,
          allowNa: false,
          maxLength: 200,
          showIf: { question: "p3.site_audit_standard", equals: "other" },
        },
        {
          key: "p3.site_audit_date",
          type: "date",
          required: true,
          weight: 0,
          allowNa: false,
          showIf: { question: "p3.site_audit", equals: "yes" },
        },
        {
          // Shown only after a "yes" worth 3 points: 2 ≤ 3 × 1 keeps a better answer from lowering maturity.
          key: "p3.site_audit_result",
          type: "single",
          required: true,
          weight: 2,
          allowNa: false,
          showIf: { question: "p3.site_audit", equals: "yes" },
          options: [
            { key: "no_open_findings", points: 1 },
            { key: "open_minor", points: 0.5 },
            { key: "open_critical", points: 0 },
          ],
        },
        ...same("p3.kpis", "p3.budget"),
      ],
    },
    {
      key: "p4",
      principle: "P4",
      weight: 15,
      questions: [
        ...same("p4.managers_trained", "p4.disciplinary", "p4.wages_on_time"),
        {
          key: "p4.wages_deferred",
          type: "yes_no",
          required: true,
          weight: 2,
          allowNa: false,
          points: NO_GOOD,
          redFlags: { yes: flag("withholding_of_wages") },
        },
        {
          key: "p4.payment_in_kind",
          type: "single",
          required: true,
          weight: 1,
          allowNa: false,
          options: [
            { key: "money_only", points: 1 },
            { key: "part_in_kind_agreed", points: 0.5 },
            { key: "mostly_in_kind", points: 0, redFlag: flag("withholding_of_wages") },
          ],
        },
        {
          key: "p4.deductions_share",
          type: "percent",
          required: true,
          weight: 2,
          allowNa: false,
          scoring: [
            { lte: 10, points: 1 },
            { lte: 25, points: 0.5 },
            { gt: 25, points: 0 },
          ],
          redFlagRules: [{ gt: 50, redFlag: flag("debt_bondage") }],
          evidence: { accepted: "payroll_records", required: false },
        },
        {
          key: "p4.deduction_types",
          type: "multi",
          required: true,
          weight: 0,
          allowNa: false,
          showIf: { question: "p4.deductions_share", gt: 0 },
          options: [
            { key: "food", points: 0 },
            { key: "housing", points: 0 },
            { key: "transport", points: 0 },
            { key: "tools_uniforms", points: 0 },
            { key: "loan_repayment", points: 0 },
            { key: "recruitment_costs", points: 0, redFlag: flag("debt_bondage") },
            { key: "fines", points: 0 },
            { key: "other", points: 0 },
          ],
        },
        ...same("p4.violence_reported", "p4.threats_reported"),
        {
          key: "p4.age_verification",
          type: "single",
          required: true,
          weight: 3,
          allowNa: false,
          options: [
            { key: "document_checked_copy_kept", points: 1 },
            { key: "document_checked", points: 0.6 },
            { key: "self_declared", points: 0.2 },
            { key: "not_checked", points: 0 },
          ],
          evidence: { accepted: "age_records", required: false, when: ["document_checked_copy_kept", "document_checked"] },
        },
        // Incidents are red flags, not scored controls, as in v1.
        {
          key: "p4.under_minimum_age",
          type: "yes_no",
          required: true,
          weight: 0,
          allowNa: false,
          redFlags: { yes: flag("child_labour") },
        },
        ...same("p4.vulnerable_groups"),
        {
          key: "p4.young_hazardous_work",
          type: "yes_no",
          required: true,
          weight: 0,
          allowNa: false,
          showIf: { question: "p4.vulnerable_groups", equals: "under_18" },
          redFlags: { yes: flag("hazardous_child_labour") },
        },
        ...same("p4.vulnerable_safeguards"),
        {
          key: "p4.child_labour_remediation",
          type: "single",
          required: true,
          weight: 2,
          allowNa: false,
          options: [
            { key: "monitoring_and_remediation", points: 1 },
            { key: "remediation_procedure_only", points: 0.5 },
            { key: "none", points: 0 },
          ],
          evidence: { accepted: "policy_document", required: false, when: ["monitoring_and_remediation", "remediation_procedure_only"] },
        },
        ...same("p4.housing_standards", "p4.transport_access", "p4.grievance_channel", "p4.grievance_features"),
      ],
    },
    {
      key: "p5",
      principle: "P5",
      weight: 25,
      questions: [
        ...same(
          "p5.supplier_code",
          "p5.employer_pays",
          "p5.direct_hiring",
          "p5.agency_checks",
          "p5.contract_before_start",
          "p5.sample_contract",
          "p5.loan_deductions",
        ),
        {
          key: "p5.normal_weekly_hours",
          type: "number",
          required: true,
          weight: 3,
          allowNa: false,
          min: 0,
          max: 168,
          unit: "hours_per_week",
          scoring: [
            { lte: 48, points: 1 },
            { gt: 48, points: 0 },
          ],
          redFlagRules: [{ gt: 48, redFlag: flag("excessive_overtime") }],
          evidence: { accepted: "time_records", required: false },
        },
        {
          key: "p5.overtime_refusable",
          type: "yes_no",
          required: true,
          weight: 3,
          allowNa: true,
          points: YES_GOOD,
          redFlags: { no: flag("excessive_overtime") },
        },
        {
          key: "p5.usual_total_hours",
          type: "number",
          required: true,
          weight: 2,
          allowNa: false,
          min: 0,
          max: 168,
          unit: "hours_per_week",
          scoring: [
            { lte: 60, points: 1 },
            { gt: 60, points: 0 },
          ],
          evidence: { accepted: "time_records", required: false },
        },
        ...same("p5.rest_day", "p5.supplier_checks"),
      ],
    },
    {
      key: "p6",
      principle: "P6",
      weight: 5,
      questions: same("p6.initiative_member", "p6.initiative_names", "p6.government_engagement"),
    },
    {
      key: "p7",
      principle: "P7",
      weight: 10,
      questions: same("p7.statement_published", "p7.statement_link", "p7.supplier_list", "p7.remedy_disclosed", "p7.practice_sharing"),
    },
  ],
});
