// FROZEN: never edit a migration that has shipped; add a new one instead.
// Row-level security (PostgreSQL only; SQLite has none and this migration does nothing there): a
// second wall behind the org_id filter of every model query. A query that forgets its filter sees
// only the organisation its connection was given (db/scope.ts, db/client.ts), or nothing.
//
// The scope arrives as three session settings, set when a connection is lent out:
//   lantern.org_id   the organisation a request acts for (requireOrg, the portal), or ''
//   lantern.user_id  the signed-in user (requireUser), or ''
//   lantern.system   why the code may cross tenants (asSystem's reason), or ''
// Crossing paths (asSystem), each named: the account flows (sign-up, login, password reset and
// change, joining by invitation), the portal's link and session look-ups, the periodic jobs, mail
// delivery, the risk and import runners, the seeds and the command-line scripts; see
// docs/architecture.md, "Row-level security".
//
// Policed: every table holding a tenant's rows. FORCE makes the owner obey the policies too, so
// an app connecting as the owner is policed; a superuser or a BYPASSRLS role never is (the app
// should connect as a role made by `npm run db:grant-app-role`).
// - org_id tables: the row's org_id is the current organisation.
// - answers, answer_revisions, review_comments, assessment_reminders, supplier_sessions (no org_id):
//   their assessment is visible (assessments is itself policed), so no column had to be added.
// - organizations: the current one, and those the current user is a member of (the org switcher).
// - memberships: the current organisation's, and the current user's own.
// - audit_log and mail_outbox: rows without an organisation (account events and mail) belong to
//   no tenant and are written and read only by the account flows and mail delivery, as system.
// Not policed, being global: users, sessions, pending_signups, password_resets (accounts exist
// before and across organisations; they are reached by a secret token or the user's own id),
// rate_limit_hits (keyed by address and e-mail, no tenant), countries, tip_tiers, tvpra_goods,
// tip_proxies, questionnaire_versions (reference data shared by all), app_meta, job_leases and
// Kysely's migration tables (the installation's own bookkeeping).
import { type Kysely, PostgresAdapter, sql } from "kysely";

const ORG_TABLES = [
  "team_invites",
  "audit_log",
  "mail_outbox",
  "suppliers",
  "supplier_goods",
  "supplier_likely_goods",
  "supplier_links",
  "supplier_imports",
  "import_mappings",
  "assessments",
  "assessment_invites",
  "evidence_files",
  "methodology_versions",
  "risk_scores",
  "risk_jobs",
  "risk_snapshots",
  "corrective_actions",
  "action_events",
  "action_files",
  "assessment_decisions",
  "assessment_submissions",
  "dashboard_cube",
  "dashboard_supplier_principles",
  "dashboard_cube_principles",
  "dashboard_trend",
  "dashboard_state",
];
const ASSESSMENT_TABLES = ["answers", "answer_revisions", "review_comments", "assessment_reminders", "supplier_sessions"];

function policed(table: string, rule: string) {
  const t = sql.id(table);
  return [
    sql`alter table ${t} enable row level security`,
    sql`alter table ${t} force row level security`,
    sql`create policy tenant on ${t} for all using (${sql.raw(rule)}) with check (${sql.raw(rule)})`,
  ];
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  // STABLE: evaluated once per statement, so `org_id = lantern_current_org()` can use the org_id indexes.
  await sql`create function lantern_current_org() returns integer language sql stable
    as $$ select nullif(current_setting('lantern.org_id', true), '')::integer $$`.execute(db);
  await sql`create function lantern_current_user() returns integer language sql stable
    as $$ select nullif(current_setting('lantern.user_id', true), '')::integer $$`.execute(db);
  await sql`create function lantern_is_system() returns boolean language sql stable
    as $$ select coalesce(current_setting('lantern.system', true), '') <> '' $$`.execute(db);

  const statements = [
    ...ORG_TABLES.flatMap((t) => policed(t, "lantern_is_system() or org_id = lantern_current_org()")),
    ...ASSESSMENT_TABLES.flatMap((t) =>
      policed(t, `lantern_is_system() or exists (select 1 from assessments a where a.id = ${t}.assessment_id)`),
    ),
    ...policed(
      "organizations",
      "lantern_is_system() or id = lantern_current_org() or exists " +
        "(select 1 from memberships m where m.org_id = organizations.id and m.user_id = lantern_current_user())",
    ),
    ...policed("memberships", "lantern_is_system() or org_id = lantern_current_org() or user_id = lantern_current_user()"),
  ];
  for (const s of statements) await s.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const t of [...ORG_TABLES, ...ASSESSMENT_TABLES, "organizations", "memberships"]) {
    await sql`drop policy tenant on ${sql.id(t)}`.execute(db);
    await sql`alter table ${sql.id(t)} no force row level security`.execute(db);
    await sql`alter table ${sql.id(t)} disable row level security`.execute(db);
  }
  await sql`drop function lantern_is_system()`.execute(db);
  await sql`drop function lantern_current_user()`.execute(db);
  await sql`drop function lantern_current_org()`.execute(db);
}
