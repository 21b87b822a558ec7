// Hand-kept in step with db/migrations. Timestamps are ISO-8601 UTC strings; booleans are 0/1.
import type { Generated, Insertable, Selectable, Updateable } from "kysely";

export type Role = "admin" | "compliance" | "executive";
export type SupplierStatus = "active" | "inactive" | "archived";

export interface OrganizationsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  created_at: string;
  /** 1: whoever filled in answers for a supplier cannot approve, and a drop of two bands needs a second approver. */
  four_eyes: Generated<number>;
  /** Years a closed grievance case is kept before it is deleted (worker voice). */
  grievance_retention_years: Generated<number>;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string;
  created_at: string;
  password_changed_at: string;
}

export interface MembershipsTable {
  org_id: number;
  user_id: number;
  role: Role;
  created_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface PendingSignupsTable {
  id: Generated<number>;
  token_hash: string;
  email: string;
  name: string;
  password_hash: string;
  org_name: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  /** Set when this sign-up accepts a team invitation (joins it) instead of creating an organization. */
  team_invite_id: number | null;
}

export interface PasswordResetsTable {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface TeamInvitesTable {
  id: Generated<number>;
  org_id: number;
  email: string;
  role: Role;
  token_hash: string;
  invited_by: number | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
}

export interface RateLimitHitsTable {
  id: Generated<number>;
  bucket: string;
  key: string;
  at_ms: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  org_id: number | null;
  actor_user_id: number | null;
  actor_label: string;
  action: string;
  entity: string;
  entity_id: string | null;
  diff: string | null;
  ip: string | null;
  at: string;
}

export interface MailOutboxTable {
  id: Generated<number>;
  org_id: number | null;
  kind: string;
  to_address: string;
  subject: string;
  body_text: string;
  created_at: string;
  sent_at: string | null;
  attempts: Generated<number>;
  last_error: string | null;
  /** The server sending it now (a claim, so overlapping deliveries never send a mail twice). */
  claimed_by: string | null;
  claimed_at: string | null;
}

export interface CountriesTable {
  iso2: string;
  name: string;
}

export interface TipTiersTable {
  iso2: string;
  tier: string;
  report_year: number;
}

/** The TIP placement that stands for a territory or micro-state without its own (reference data). */
export interface TipProxiesTable {
  iso2: string;
  proxy_iso2: string;
  kind: "sovereign" | "neighbour";
  rationale: string;
  source: string;
}

export interface TvpraGoodsTable {
  id: Generated<number>;
  good: string;
  iso2: string;
  child_labor: number;
  forced_labor: number;
  forced_child_labor: number;
  list_year: number;
  /** Set on "downstream" rows: the country of the listed inputs they are made with. */
  downstream_input_country: string | null;
}

export interface SuppliersTable {
  id: Generated<number>;
  org_id: number;
  external_ref: string | null;
  name: string;
  name_norm: string;
  os_id: string | null;
  duns: string | null;
  lei: string | null;
  tax_id: string | null;
  country: string;
  address: string | null;
  city: string | null;
  /** WGS 84 decimal degrees; both set or both null (2026-12-06T0100_supplier_coordinates). */
  latitude: number | null;
  longitude: number | null;
  sector: string | null;
  annual_spend: number | null;
  currency: string | null;
  workers_count: number | null;
  contact_name: string | null;
  contact_email: string | null;
  notes: string | null;
  status: SupplierStatus;
  tier: number | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
  /** The current effective risk score (0..100) and band, kept by the risk service; null until computed. */
  risk_score: number | null;
  risk_band: RiskBand | null;
  risk_computed_at: string | null;
  /** Digest of the current breakdown (risk_scores.digest of the latest row). */
  risk_digest: string | null;
}

export interface SupplierGoodsTable {
  org_id: number;
  supplier_id: number;
  good: string;
}

/** Likely goods from the sector that an officer rejected for a supplier (2026-12-07T0500_risk_model_v2). */
export interface SupplierLikelyGoodsTable {
  org_id: number;
  supplier_id: number;
  /** TVPRA spelling, as the sector-goods table gives it. */
  good: string;
  decision: "rejected";
  reason: string;
  decided_by_user_id: number | null;
  decided_by_label: string;
  decided_at: string;
}

export interface SupplierLinksTable {
  org_id: number;
  supplier_id: number;
  buyer_id: number;
  created_at: string;
}

export interface Database {
  organizations: OrganizationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  pending_signups: PendingSignupsTable;
  password_resets: PasswordResetsTable;
  team_invites: TeamInvitesTable;
  rate_limit_hits: RateLimitHitsTable;
  audit_log: AuditLogTable;
  mail_outbox: MailOutboxTable;
  countries: CountriesTable;
  tip_tiers: TipTiersTable;
  tvpra_goods: TvpraGoodsTable;
  tip_proxies: TipProxiesTable;
  suppliers: SuppliersTable;
  supplier_goods: SupplierGoodsTable;
  supplier_likely_goods: SupplierLikelyGoodsTable;
  supplier_links: SupplierLinksTable;
  supplier_imports: SupplierImportsTable;
  import_mappings: ImportMappingsTable;
  questionnaire_versions: QuestionnaireVersionsTable;
  assessments: AssessmentsTable;
  answers: AnswersTable;
  answer_revisions: AnswerRevisionsTable;
  review_comments: ReviewCommentsTable;
  assessment_invites: AssessmentInvitesTable;
  supplier_sessions: SupplierSessionsTable;
  evidence_files: EvidenceFilesTable;
  assessment_reminders: AssessmentRemindersTable;
  methodology_versions: MethodologyVersionsTable;
  risk_scores: RiskScoresTable;
  risk_jobs: RiskJobsTable;
  risk_snapshots: RiskSnapshotsTable;
  app_meta: AppMetaTable;
  corrective_actions: CorrectiveActionsTable;
  action_events: ActionEventsTable;
  action_files: ActionFilesTable;
  assessment_decisions: AssessmentDecisionsTable;
  assessment_submissions: AssessmentSubmissionsTable;
  job_leases: JobLeasesTable;
}

export type Organization = Selectable<OrganizationsTable>;
export type User = Selectable<UsersTable>;
export type Supplier = Selectable<SuppliersTable>;
export type NewSupplier = Insertable<SuppliersTable>;
export type SupplierUpdate = Updateable<SuppliersTable>;

export type ImportStatus =
  "uploaded" | "check_queued" | "checking" | "checked" | "commit_queued" | "committing" | "committed" | "failed" | "discarded";

export interface SupplierImportsTable {
  id: Generated<number>;
  org_id: number;
  created_by: number | null;
  created_at: string;
  filename: string;
  size_bytes: number;
  status: ImportStatus;
  /** While a step runs: the holder's last heartbeat (see claimed_by). */
  claimed_at: string | null;
  /** The app server (serverId) working on the step. */
  claimed_by: string | null;
  content: string;
  headers: string;
  mapping: string | null;
  preview: string | null;
  progress_done: Generated<number>;
  progress_total: Generated<number>;
  result: string | null;
  finished_at: string | null;
  /** JSON: the update policy and conflict decisions (2026-12-06T0200_import_trust). */
  options: string | null;
  /** JSON: the file's first data rows, shown in the mapping step (2026-12-06T0200_import_trust). */
  samples: string | null;
}

export interface ImportMappingsTable {
  org_id: number;
  mapping: string;
  updated_at: string;
}

export type AssessmentStatus = "draft" | "sent" | "in_progress" | "submitted" | "changes_requested" | "approved";

export interface QuestionnaireVersionsTable {
  id: Generated<number>;
  template_key: string;
  version: number;
  definition: string;
  published_at: string;
}

export interface AssessmentsTable {
  id: Generated<number>;
  org_id: number;
  supplier_id: number;
  version_id: number;
  status: AssessmentStatus;
  due_at: string | null;
  language: Generated<string>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  started_at: string | null;
  submitted_at: string | null;
  changes_requested_at: string | null;
  approved_at: string | null;
  approved_by: number | null;
  valid_until: string | null;
  version: Generated<number>;
}

export interface AnswersTable {
  assessment_id: number;
  question_key: string;
  value: string | null;
  comment: string | null;
  revision: number;
  updated_by: string;
  updated_at: string;
}

export interface AnswerRevisionsTable {
  id: Generated<number>;
  assessment_id: number;
  question_key: string;
  revision: number;
  value: string | null;
  comment: string | null;
  author: string;
  at: string;
}

export interface ReviewCommentsTable {
  id: Generated<number>;
  assessment_id: number;
  question_key: string;
  author_user_id: number | null;
  author_label: string;
  body: string;
  created_at: string;
  resolved_at: string | null;
  /** When a request for changes showed it to the supplier; null while internal. */
  released_at: string | null;
  /** The thread's first comment for a reply; null for a first comment. */
  parent_id: Generated<number | null>;
  /** On a thread's first comment: who resolved it (replies follow its resolved_at). */
  resolved_by_user_id: Generated<number | null>;
  resolved_by_label: Generated<string | null>;
  /** On a thread's first comment: who reopened it last, and when. */
  reopened_at: Generated<string | null>;
  reopened_by_user_id: Generated<number | null>;
  reopened_by_label: Generated<string | null>;
}

export interface AssessmentInvitesTable {
  id: Generated<number>;
  org_id: number;
  assessment_id: number;
  email: string;
  token_hash: string;
  language: string;
  created_by: number | null;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  superseded_at: string | null;
  last_used_at: string | null;
}

export interface AssessmentRemindersTable {
  assessment_id: number;
  kind: string;
  sent_at: string;
}

export interface SupplierSessionsTable {
  id: string;
  invite_id: number;
  assessment_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface EvidenceFilesTable {
  id: Generated<number>;
  org_id: number;
  assessment_id: number;
  question_key: string;
  filename: string;
  mime: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string;
  created_at: string;
  deleted_at: string | null;
  /** An EvidenceKind; null on files uploaded before 2026-12-07T0300_evidence_review. */
  kind: string | null;
  /** ISO date until which the document is valid; null = no end date. */
  valid_until: string | null;
  review_status: Generated<EvidenceReviewStatus>;
  reviewed_by_user_id: number | null;
  reviewed_by_label: string | null;
  reviewed_at: string | null;
  review_reason: string | null;
}

export type EvidenceReviewStatus = "pending" | "accepted" | "rejected";

export type RiskBand = "low" | "medium" | "high" | "critical";

export interface MethodologyVersionsTable {
  id: Generated<number>;
  org_id: number;
  version: number;
  config: string;
  note: string | null;
  created_by: number | null;
  created_at: string;
}

export interface RiskScoresTable {
  id: Generated<number>;
  org_id: number;
  supplier_id: number;
  computed_at: string;
  model_version: string;
  methodology_version: number;
  reference_edition: string;
  trigger: string;
  score: number;
  band: RiskBand;
  inherent: number;
  maturity: number;
  residual: number;
  exposure: number;
  flags: number;
  assessed: number;
  assessment_id: number | null;
  breakdown: string;
  digest: string;
}

export type RiskJobStatus = "queued" | "running" | "done" | "failed";

export interface RiskJobsTable {
  id: Generated<number>;
  org_id: number;
  kind: Generated<"recompute" | "preview">;
  payload: string | null;
  result: string | null;
  trigger: string;
  supplier_ids: string | null;
  status: RiskJobStatus;
  progress_done: Generated<number>;
  progress_total: Generated<number>;
  created_at: string;
  /** While running: the holder's last heartbeat (see claimed_by). */
  claimed_at: string | null;
  /** The app server (serverId) running the job. */
  claimed_by: string | null;
  finished_at: string | null;
  error: string | null;
}

export interface RiskSnapshotsTable {
  org_id: number;
  day: string;
  suppliers: number;
  avg_score: number;
  low: number;
  medium: number;
  high: number;
  critical: number;
  assessed: number;
  updated_at: string;
}

export interface AppMetaTable {
  key: string;
  value: string;
}

export type ActionSource = "red_flag" | "review" | "manual";
export type ActionStatus = "open" | "in_progress" | "done" | "verified";

export interface CorrectiveActionsTable {
  id: Generated<number>;
  org_id: number;
  supplier_id: number;
  assessment_id: number | null;
  source: ActionSource;
  question_key: string | null;
  indicator: string | null;
  severity: string | null;
  answer: string | null;
  title: string;
  details: string | null;
  owner_user_id: number | null;
  due_at: string;
  status: ActionStatus;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  done_at: string | null;
  verified_at: string | null;
  verified_by: number | null;
  overdue_mailed_at: string | null;
  version: Generated<number>;
  /** The audit finding the action was opened from (db/migrations/2026-12-10T0100_site_audits.ts). */
  audit_finding_id: number | null;
  /** The rule it must meet before "verified": null, or 'records_two_months' (wage and hours findings). */
  verify_rule: VerifyRule | null;
  /** Set: an internal action opened from a grievance case; the supplier never sees it. */
  grievance_case_id: Generated<number | null>;
}

export interface ActionEventsTable {
  id: Generated<number>;
  org_id: number;
  action_id: number;
  kind: "created" | "note" | "status" | "supplier_reply";
  author_user_id: number | null;
  author_label: string;
  body: string | null;
  status_from: string | null;
  status_to: string | null;
  created_at: string;
}

export interface ActionFilesTable {
  id: Generated<number>;
  org_id: number;
  action_id: number;
  event_id: number | null;
  filename: string;
  mime: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string;
  created_at: string;
}

// ---- Executive dashboard roll-ups (db/migrations/2026-11-29T0400_dashboard.ts) ----
// Declared as a continuation of Database (interface merging) so this block stays append-only.

export type DashboardBand = RiskBand | "none";

export interface DashboardCubeTable {
  org_id: number;
  /** 0 = not linked to a buyer (tier unknown). */
  tier: number;
  country: string;
  band: DashboardBand;
  /** "" = no currency given. */
  currency: string;
  suppliers: number;
  scored: number;
  score_sum: number;
  assessed: number;
  spend: number;
}

export interface DashboardSupplierPrinciplesTable {
  org_id: number;
  supplier_id: number;
  principle: string;
  score: number;
}

export interface DashboardCubePrinciplesTable {
  org_id: number;
  tier: number;
  country: string;
  band: DashboardBand;
  principle: string;
  suppliers: number;
  score_sum: number;
}

export interface DashboardTrendTable {
  org_id: number;
  day: string;
  tier: number;
  country: string;
  suppliers: number;
  scored: number;
  score_sum: number;
  low: number;
  medium: number;
  high: number;
  critical: number;
  assessed: number;
}

export interface DashboardStateTable {
  org_id: number;
  scores_seen: number;
  refreshed_at: string;
  reconciled_at: string;
  /** 1: a supplier edit changed what the roll-ups count; the next read rewrites them. */
  stale: Generated<number>;
}

export interface Database {
  dashboard_cube: DashboardCubeTable;
  dashboard_supplier_principles: DashboardSupplierPrinciplesTable;
  dashboard_cube_principles: DashboardCubePrinciplesTable;
  dashboard_trend: DashboardTrendTable;
  dashboard_state: DashboardStateTable;
}

export type DecisionKind = "request_changes" | "approve" | "second_approve" | "reopen";

export interface AssessmentDecisionsTable {
  id: Generated<number>;
  org_id: number;
  assessment_id: number;
  kind: DecisionKind;
  user_id: number | null;
  user_label: string;
  reason: string;
  /** JSON: the conditions the reviewer acknowledged, e.g. ["unresolved_comments", "severe_flags"]. */
  acknowledged: Generated<string>;
  created_at: string;
}

/** Every submission of a questionnaire: by whom, and whether it came after a request for changes. */
export interface AssessmentSubmissionsTable {
  id: Generated<number>;
  org_id: number;
  assessment_id: number;
  /** Null when the supplier's contact submitted (through its link). */
  by_user_id: number | null;
  /** The officer's name, or the supplier contact's address. */
  by_label: string;
  by_supplier: number;
  after_changes: number;
  submitted_at: string;
}

/** A periodic job kind (mail, reminders, sweeps): run by one server of the cluster per period. */
export interface JobLeasesTable {
  name: string;
  /** The server that last took the kind. */
  holder: string | null;
  /** No server runs the kind before this instant (ISO). */
  run_after: string;
  last_run_at: string | null;
}

// ---- Site audits (db/migrations/2026-12-10T0100_site_audits.ts) ----

export type AuditStandard = "smeta_2" | "smeta_4" | "rba_vap" | "amfori_bsci" | "sa8000" | "other";
export type AuditType = "announced" | "semi_announced" | "unannounced";
export type FindingSeverity = "critical" | "major" | "minor";
export type VerifyRule = "records_two_months";
export type RecordKind = "payroll" | "time";

export interface SiteAuditsTable {
  id: Generated<number>;
  org_id: number;
  supplier_id: number;
  standard: AuditStandard;
  /** The standard's name when `standard` is "other". */
  standard_other: string | null;
  firm: string;
  /** yyyy-mm-dd */
  audit_date: string;
  audit_type: AuditType;
  scope: string | null;
  /** The result or grade as the standard gives it ("B", "Certified", …). */
  result: string | null;
  /** yyyy-mm-dd: the last day the audit is in force. */
  valid_until: string;
  report_filename: string | null;
  report_mime: string | null;
  report_size: number | null;
  /** The report's storage key (content-addressed, app/lib/storage.server.ts). */
  report_sha256: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface AuditFindingsTable {
  id: Generated<number>;
  org_id: number;
  audit_id: number;
  supplier_id: number;
  description: string;
  /** The standard's own word ("Zero tolerance", "Priority", "Major", …). */
  severity_label: string;
  severity: FindingSeverity;
  /** The ILO indicator it touches (FlagIndicator), or null. */
  indicator: string | null;
  /** The Athens principle it touches (P1..P7), or null. */
  principle: string | null;
  recommendation: string | null;
  /** yyyy-mm-dd: the audit's date (records for the fix must come after it). */
  found_on: string;
  created_by: number | null;
  created_at: string;
}

export interface AuditFindingImportsTable {
  id: Generated<number>;
  org_id: number;
  audit_id: number;
  filename: string;
  status: "checked" | "committed" | "discarded";
  /** JSON: the valid rows (FindingInput[]). */
  rows: string;
  /** JSON: the row errors ({ row, field, message }[]). */
  errors: string;
  created_by: number | null;
  created_at: string;
}

export interface ActionRecordsTable {
  id: Generated<number>;
  org_id: number;
  action_id: number;
  file_id: number;
  kind: RecordKind;
  /** yyyy-mm: the calendar month the payroll or time record covers. */
  month: string;
  created_at: string;
}

export interface Database {
  site_audits: SiteAuditsTable;
  audit_findings: AuditFindingsTable;
  audit_finding_imports: AuditFindingImportsTable;
  action_records: ActionRecordsTable;
}
// ---- Worker voice (db/migrations/2026-12-10T0200_worker_voice.ts) ----
export interface Database {
  voice_channels: VoiceChannelsTable;
  grievance_cases: GrievanceCasesTable;
  grievance_messages: GrievanceMessagesTable;
  grievance_notes: GrievanceNotesTable;
  grievance_remedies: GrievanceRemediesTable;
}

/** A supplier site's anonymous reporting channel: /v/<code> and its poster. */
export interface VoiceChannelsTable {
  id: Generated<number>;
  org_id: number;
  supplier_id: number;
  code: string;
  /** The poster's two languages, comma-separated ("bn,en"). */
  languages: string;
  active: Generated<number>;
  created_by: number | null;
  created_at: string;
}

/** One worker's report. Holds nothing that identifies the reporter (no address, user agent or cookie). */
export interface GrievanceCasesTable {
  id: Generated<number>;
  org_id: number;
  channel_id: number | null;
  supplier_id: number;
  case_number: string;
  passphrase_hash: string;
  language: string;
  category: string;
  happened: string;
  details: string | null;
  details_hash: string | null;
  repeat_of: number | null;
  severity: string | null;
  status: string;
  assignee_user_id: number | null;
  received_at: string;
  acknowledged_at: string | null;
  decided_at: string | null;
  substantiated_at: string | null;
  closed_at: string | null;
  followup_due_at: string | null;
  followup_done_at: string | null;
  delete_after: string | null;
  redacted_at: string | null;
  version: Generated<number>;
}

export interface GrievanceMessagesTable {
  id: Generated<number>;
  org_id: number;
  case_id: number;
  from_reporter: number;
  author_user_id: number | null;
  body: string | null;
  created_at: string;
}

export interface GrievanceNotesTable {
  id: Generated<number>;
  org_id: number;
  case_id: number;
  kind: string;
  author_user_id: number | null;
  author_label: string;
  body: string | null;
  created_at: string;
}

export interface GrievanceRemediesTable {
  id: Generated<number>;
  org_id: number;
  case_id: number;
  kind: string;
  amount: string | null;
  currency: string | null;
  workers: number | null;
  delivered_on: string;
  evidence: string | null;
  created_by: number | null;
  created_at: string;
}
// ---- Organisation profile (db/migrations/2026-12-11T0050_org_profile.ts) ----
export interface Database {
  organization_profiles: OrganizationProfilesTable;
}

/** What statements need about the organisation itself; `data` is JSON read through app/domain/org-profile.ts. */
export interface OrganizationProfilesTable {
  org_id: number;
  data: string;
  version: Generated<number>;
  updated_by: number | null;
  updated_at: string;
}

// ---- Screening against regulators' lists (db/migrations/2026-12-11T0300_screening.ts) ----
export interface Database {
  screening_list_entries: ScreeningListEntriesTable;
  screening_matches: ScreeningMatchesTable;
}

/** Global reference data: one entry of a regulator's list (aliases and goods are JSON arrays). */
export interface ScreeningListEntriesTable {
  id: Generated<number>;
  list_key: string;
  entry_key: string;
  kind: "entity" | "merchandise" | "region";
  name: string;
  aliases: string;
  country: string | null;
  goods: string;
  region: string | null;
  detail: string;
  listed_on: string | null;
  source: string;
}

/** A tenant's screening match: a candidate until an officer confirms or dismisses it. */
export interface ScreeningMatchesTable {
  id: Generated<number>;
  org_id: number;
  supplier_id: number;
  list_key: string;
  entry_key: string;
  entry_name: string;
  matched_on: string;
  score: number;
  reason: string;
  supplier_name: string;
  list_edition: string;
  status: "candidate" | "confirmed" | "dismissed";
  decided_by: number | null;
  decided_at: string | null;
  decision_reason: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}
// ---- Products and tracing packs (db/migrations/2026-12-11T0200_products.ts) ----
export interface Database {
  products: ProductsTable;
  bom_items: BomItemsTable;
  product_packs: ProductPacksTable;
}

export interface ProductsTable {
  id: Generated<number>;
  org_id: number;
  name: string;
  /** Unique per organisation. */
  sku: string;
  /** 6 to 10 digits, no dots. */
  hs_code: string;
  description: string | null;
  /** The final manufacturer; null when it was deleted. */
  made_by_supplier_id: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

/** One input in a product's bill of materials; parent_id null = a direct input of the product. */
export interface BomItemsTable {
  id: Generated<number>;
  org_id: number;
  product_id: number;
  parent_id: number | null;
  material: string;
  /** Who supplies this input; null = not known. */
  supplier_id: number | null;
  /** 1 = a raw material, which has an origin (all origin columns null = unknown). */
  is_raw: Generated<number>;
  origin_country: string | null;
  /** ISO 3166-2, e.g. "CN-XJ". */
  origin_subdivision: string | null;
  origin_region: string | null;
  created_at: string;
  updated_at: string;
}

/** A tracing pack made for a product (or a shipment of it). */
export interface ProductPacksTable {
  id: Generated<number>;
  org_id: number;
  product_id: number;
  shipment_ref: string | null;
  shipment_date: string | null;
  quantity: string | null;
  zip_sha256: string;
  zip_size: number;
  suppliers: number;
  gaps: number;
  created_by: number | null;
  created_by_label: string;
  created_at: string;
}

// ---- Yearly statements (db/migrations/2026-12-11T0100_statements.ts) ----
export interface Database {
  statements: StatementsTable;
  statement_revisions: StatementRevisionsTable;
  statement_snapshot_rows: StatementSnapshotRowsTable;
}

export type StatementStatus = "draft" | "approved" | "published";

/** A statement of one template for one reporting year; `sections` is JSON {key: text}, `figures` JSON once approved. */
export interface StatementsTable {
  id: Generated<number>;
  org_id: number;
  template_key: string;
  template_version: number;
  year: number;
  period_from: string;
  period_to: string;
  status: StatementStatus;
  sections: string;
  figures: string | null;
  approver_name: string | null;
  approver_title: string | null;
  approving_body: string | null;
  approved_on: string | null;
  approval_recorded_by: number | null;
  approval_recorded_at: string | null;
  published_at: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface StatementRevisionsTable {
  id: Generated<number>;
  org_id: number;
  statement_id: number;
  revision: number;
  sections: string;
  note: string | null;
  created_by: number | null;
  created_by_label: string;
  created_at: string;
}

/** A row of a list behind a figure, frozen at approval (`list` names the list, e.g. "suppliers"). */
export interface StatementSnapshotRowsTable {
  id: Generated<number>;
  org_id: number;
  statement_id: number;
  list: string;
  ref_id: number;
  label: string;
  country: string | null;
  tier: number | null;
  status: string | null;
  detail: string | null;
  day: string | null;
}

export interface Database {
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  webhook_event_marks: WebhookEventMarksTable;
}

/** An https URL subscribed to events (`events`: JSON array of event types); `secret` signs each delivery. */
export interface WebhookSubscriptionsTable {
  id: Generated<number>;
  org_id: number;
  url: string;
  description: string | null;
  events: string;
  secret: string;
  status: "active" | "paused";
  paused_reason: string | null;
  paused_at: string | null;
  consecutive_failures: Generated<number>;
  failing_since: string | null;
  last_success_at: string | null;
  secret_rotated_at: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  org_id: number;
  subscription_id: number;
  event_id: string;
  event_type: string;
  payload: string;
  status: "pending" | "delivered" | "failed";
  attempts: Generated<number>;
  next_attempt_at: string | null;
  claimed_by: string | null;
  claimed_at: string | null;
  last_status: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

export interface WebhookAttemptsTable {
  id: Generated<number>;
  org_id: number;
  delivery_id: number;
  subscription_id: number;
  attempt: number;
  at: string;
  response_status: number | null;
  error: string | null;
  duration_ms: number;
  next_retry_at: string | null;
}

export interface WebhookEventMarksTable {
  id: Generated<number>;
  org_id: number;
  event_key: string;
  created_at: string;
}

/** An organisation's API key: only the SHA-256 digest of its secret is kept. `scopes`: "read" or "read,write". */
export interface ApiKeysTable {
  id: Generated<number>;
  org_id: number;
  name: string;
  prefix: string;
  secret_hash: string;
  scopes: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
  created_by: number | null;
  created_at: string;
}

/** The stored answer of a POST sent with an Idempotency-Key (`headers` is JSON). */
export interface ApiIdempotencyTable {
  id: Generated<number>;
  org_id: number;
  key_id: number;
  idem_key: string;
  request_hash: string;
  status: number;
  headers: string;
  body: string;
  created_at: string;
}

export interface Database {
  api_keys: ApiKeysTable;
  api_idempotency: ApiIdempotencyTable;
}

// Single sign-on (migration 2026-12-12T0300_sso).
export interface SessionsTable {
  auth_method: Generated<"password" | "sso">;
  sso_org_id: number | null;
}

export interface SsoConfigsTable {
  id: Generated<number>;
  org_id: number;
  issuer: string;
  client_id: string;
  /** Sealed with SECRET_KEY (app/lib/secret-box.server.ts) when set. */
  client_secret: string;
  default_role: "admin" | "compliance" | "executive";
  require_sso: Generated<number>;
  break_glass_user_id: number | null;
  updated_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface SsoDomainsTable {
  id: Generated<number>;
  org_id: number;
  domain: string;
  dns_token: string;
  mail_token_hash: string | null;
  mail_expires_at: string | null;
  verified_at: string | null;
  verified_by: "dns" | "mail" | null;
  created_at: string;
}

export interface SsoStatesTable {
  id: string;
  org_id: number;
  code_verifier: string;
  nonce: string;
  redirect_to: string | null;
  created_at: string;
  expires_at: string;
}

export interface SsoIdentitiesTable {
  id: Generated<number>;
  org_id: number;
  user_id: number;
  issuer: string;
  subject: string;
  created_at: string;
  last_login_at: string;
}

export interface Database {
  sso_configs: SsoConfigsTable;
  sso_domains: SsoDomainsTable;
  sso_states: SsoStatesTable;
  sso_identities: SsoIdentitiesTable;
}
