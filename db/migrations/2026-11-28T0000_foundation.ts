// FROZEN: never edit a migration that has shipped; add a new one instead.
// Runs on SQLite and PostgreSQL. Conventions that keep one set of queries valid on both:
//   ids are integers (rowid alias on SQLite, identity on PostgreSQL);
//   timestamps are ISO-8601 UTC text ("2026-11-28T10:00:00.000Z"), which sorts and compares as text;
//   booleans are integers 0/1; JSON is text; epoch milliseconds are bigint.
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

export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable("organizations"))
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable("users"))
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("password_changed_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("memberships")
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('admin','compliance','executive')`))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("memberships_pk", ["org_id", "user_id"])
    .execute();
  await db.schema.createIndex("memberships_user_idx").on("memberships").column("user_id").execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey()) // sha256 of the cookie token, never the token itself
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("ip", "text")
    .addColumn("user_agent", "text")
    .execute();
  await db.schema.createIndex("sessions_user_idx").on("sessions").column("user_id").execute();

  await withId(db, db.schema.createTable("pending_signups"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("org_name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();

  await withId(db, db.schema.createTable("password_resets"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();

  await withId(db, db.schema.createTable("team_invites"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('admin','compliance','executive')`))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("invited_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("accepted_at", "text")
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema.createIndex("team_invites_org_idx").on("team_invites").columns(["org_id", "email"]).execute();

  await withId(db, db.schema.createTable("rate_limit_hits"))
    .addColumn("bucket", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("at_ms", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("rate_limit_hits_idx").on("rate_limit_hits").columns(["bucket", "key", "at_ms"]).execute();

  await withId(db, db.schema.createTable("audit_log"))
    .addColumn("org_id", "integer", (c) => c.references("organizations.id").onDelete("cascade"))
    .addColumn("actor_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("actor_label", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("entity_id", "text")
    .addColumn("diff", "text")
    .addColumn("ip", "text")
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("audit_log_org_idx").on("audit_log").columns(["org_id", "at"]).execute();
  await db.schema.createIndex("audit_log_actor_idx").on("audit_log").columns(["actor_user_id", "at"]).execute();

  await withId(db, db.schema.createTable("mail_outbox"))
    .addColumn("org_id", "integer", (c) => c.references("organizations.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body_text", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .execute();
  await db.schema.createIndex("mail_outbox_org_idx").on("mail_outbox").columns(["org_id", "created_at"]).execute();
  await db.schema.createIndex("mail_outbox_pending_idx").on("mail_outbox").columns(["sent_at", "attempts"]).execute();

  // Reference data (public domain; see db/seed/SOURCES.md)
  await db.schema
    .createTable("countries")
    .addColumn("iso2", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("tip_tiers")
    .addColumn("iso2", "text", (c) => c.notNull())
    .addColumn("tier", "text", (c) => c.notNull())
    .addColumn("report_year", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("tip_tiers_pk", ["iso2", "report_year"])
    .execute();
  await withId(db, db.schema.createTable("tvpra_goods"))
    .addColumn("good", "text", (c) => c.notNull())
    .addColumn("iso2", "text", (c) => c.notNull())
    .addColumn("child_labor", "integer", (c) => c.notNull())
    .addColumn("forced_labor", "integer", (c) => c.notNull())
    .addColumn("forced_child_labor", "integer", (c) => c.notNull())
    .addColumn("list_year", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("tvpra_goods_good_idx").on("tvpra_goods").columns(["good", "iso2"]).execute();

  // Suppliers: the registry proper grows in later migrations; the foundation needs them for demo data.
  await withId(db, db.schema.createTable("suppliers"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("external_ref", "text")
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_norm", "text", (c) => c.notNull())
    .addColumn("os_id", "text")
    .addColumn("duns", "text")
    .addColumn("lei", "text")
    .addColumn("tax_id", "text")
    .addColumn("country", "text", (c) => c.notNull())
    .addColumn("address", "text")
    .addColumn("city", "text")
    .addColumn("sector", "text")
    .addColumn("annual_spend", "real")
    .addColumn("currency", "text")
    .addColumn("workers_count", "integer")
    .addColumn("contact_name", "text")
    .addColumn("contact_email", "text")
    .addColumn("notes", "text")
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('active','inactive','archived')`))
    .addColumn("tier", "integer")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("suppliers_ref_uq").on("suppliers").columns(["org_id", "external_ref"]).unique().execute();
  // List indexes end with status so the list's count (which leaves archived suppliers out) is
  // answered from the index alone.
  await db.schema.createIndex("suppliers_name_idx").on("suppliers").columns(["org_id", "name_norm", "status"]).execute();
  await db.schema.createIndex("suppliers_country_idx").on("suppliers").columns(["org_id", "country", "name_norm", "status"]).execute();

  await db.schema
    .createTable("supplier_goods")
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("supplier_id", "integer", (c) => c.notNull().references("suppliers.id").onDelete("cascade"))
    .addColumn("good", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("supplier_goods_pk", ["supplier_id", "good"])
    .execute();
  await db.schema.createIndex("supplier_goods_org_idx").on("supplier_goods").columns(["org_id", "good"]).execute();

  // "supplier_id supplies buyer_id"; both belong to org_id.
  await db.schema
    .createTable("supplier_links")
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("supplier_id", "integer", (c) => c.notNull().references("suppliers.id").onDelete("cascade"))
    .addColumn("buyer_id", "integer", (c) => c.notNull().references("suppliers.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("supplier_links_pk", ["supplier_id", "buyer_id"])
    .execute();
  // (org_id, buyer_id): "who supplies X" in the recursive upstream walk. Leading with org_id keeps the
  // planner on this index even before statistics exist, and it also serves "all links of an org".
  await db.schema.createIndex("supplier_links_buyer_idx").on("supplier_links").columns(["org_id", "buyer_id"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    "supplier_links",
    "supplier_goods",
    "suppliers",
    "tvpra_goods",
    "tip_tiers",
    "countries",
    "mail_outbox",
    "audit_log",
    "rate_limit_hits",
    "team_invites",
    "password_resets",
    "pending_signups",
    "sessions",
    "memberships",
    "users",
    "organizations",
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
