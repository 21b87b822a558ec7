// FROZEN: never edit a migration that has shipped; add a new one instead.
// Single sign-on (OpenID Connect) per organisation (decision 0015).
// - sso_configs: one row per organisation: the identity provider (issuer, client id, the client secret
//   sealed with SECRET_KEY when set), the role of users created on first sign-in, and whether SSO is
//   required for everyone but one named break-glass admin.
// - sso_domains: email domains an organisation claims; a domain signs in only once verified (DNS TXT
//   record or a mailed link). A verified domain belongs to one organisation: the partial unique index.
// - sso_states: a sign-in in flight (sha256 of the state, PKCE verifier, nonce); deleted when used, so
//   a replayed state finds nothing.
// - sso_identities: the (issuer, subject) a user signed in with; a second sign-in finds the user by it.
// - sessions.auth_method / sso_org_id: how a session was made (password or sso, and through which org).
// PostgreSQL: the tenant policy on every new table with org_id.
import { type Kysely, type CreateTableBuilder, PostgresAdapter, sql } from "kysely";

type Builder = CreateTableBuilder<string, never>;

function isPg(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

function withId(db: Kysely<unknown>, t: Builder): Builder {
  return isPg(db)
    ? t.addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : t.addColumn("id", "integer", (c) => c.primaryKey());
}

const TABLES = ["sso_configs", "sso_domains", "sso_states", "sso_identities"];

export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable("sso_configs"))
    .addColumn("org_id", "integer", (c) => c.notNull().unique().references("organizations.id").onDelete("cascade"))
    .addColumn("issuer", "text", (c) => c.notNull())
    .addColumn("client_id", "text", (c) => c.notNull())
    .addColumn("client_secret", "text", (c) => c.notNull())
    .addColumn("default_role", "text", (c) => c.notNull().check(sql`default_role in ('admin','compliance','executive')`))
    .addColumn("require_sso", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("break_glass_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("updated_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable("sso_domains"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("domain", "text", (c) => c.notNull())
    .addColumn("dns_token", "text", (c) => c.notNull())
    .addColumn("mail_token_hash", "text")
    .addColumn("mail_expires_at", "text")
    .addColumn("verified_at", "text")
    .addColumn("verified_by", "text", (c) => c.check(sql`verified_by in ('dns','mail')`))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("sso_domains_org_domain", ["org_id", "domain"])
    .execute();
  await sql`create unique index sso_domains_verified_once on sso_domains (domain) where verified_at is not null`.execute(db);

  await db.schema
    .createTable("sso_states")
    .addColumn("id", "text", (c) => c.primaryKey()) // sha256 of the state parameter
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("code_verifier", "text", (c) => c.notNull())
    .addColumn("nonce", "text", (c) => c.notNull())
    .addColumn("redirect_to", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable("sso_identities"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("issuer", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_login_at", "text", (c) => c.notNull())
    .addUniqueConstraint("sso_identities_subject", ["org_id", "issuer", "subject"])
    .execute();
  await db.schema.createIndex("sso_identities_user_idx").on("sso_identities").columns(["user_id"]).execute();

  await db.schema
    .alterTable("sessions")
    .addColumn("auth_method", "text", (c) => c.notNull().defaultTo("password"))
    .execute();
  await db.schema.alterTable("sessions").addColumn("sso_org_id", "integer").execute();

  if (isPg(db)) {
    for (const t of TABLES) {
      await sql`alter table ${sql.table(t)} enable row level security`.execute(db);
      await sql`alter table ${sql.table(t)} force row level security`.execute(db);
      await sql`create policy tenant on ${sql.table(t)} for all using (lantern_is_system() or org_id = lantern_current_org())
        with check (lantern_is_system() or org_id = lantern_current_org())`.execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("sessions").dropColumn("sso_org_id").execute();
  await db.schema.alterTable("sessions").dropColumn("auth_method").execute();
  for (const t of [...TABLES].reverse()) await db.schema.dropTable(t).execute();
}
