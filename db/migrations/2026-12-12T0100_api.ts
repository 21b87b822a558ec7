// FROZEN: never edit a migration that has shipped; add a new one instead.
// The public REST API (decision 0013).
// - api_keys: an organisation's keys. Only the SHA-256 digest of the secret is stored (`secret_hash`,
//   unique: a request finds its key by it); `prefix` is the first characters of the secret, shown so
//   people can tell keys apart. `scopes` is "read" or "read,write". `last_used_at` is refreshed at most
//   once a minute per key.
// - api_idempotency: the stored answer of a POST sent with an Idempotency-Key, per key, for 24 hours:
//   the same key and body replay it; another body under the same key is refused.
// PostgreSQL: the tenant policy on both, as every tenant table.
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

async function tenantPolicy(db: Kysely<unknown>, table: string): Promise<void> {
  await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
  await sql`alter table ${sql.table(table)} force row level security`.execute(db);
  await sql`create policy tenant on ${sql.table(table)} for all using (lantern_is_system() or org_id = lantern_current_org())
    with check (lantern_is_system() or org_id = lantern_current_org())`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable("api_keys"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("prefix", "text", (c) => c.notNull())
    .addColumn("secret_hash", "text", (c) => c.notNull().unique())
    .addColumn("scopes", "text", (c) => c.notNull())
    .addColumn("expires_at", "text")
    .addColumn("revoked_at", "text")
    .addColumn("last_used_at", "text")
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("api_keys_org_idx").on("api_keys").columns(["org_id", "id"]).execute();

  await withId(db, db.schema.createTable("api_idempotency"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("key_id", "integer", (c) => c.notNull().references("api_keys.id").onDelete("cascade"))
    .addColumn("idem_key", "text", (c) => c.notNull())
    .addColumn("request_hash", "text", (c) => c.notNull())
    .addColumn("status", "integer", (c) => c.notNull())
    .addColumn("headers", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("api_idempotency_key", ["org_id", "key_id", "idem_key"])
    .execute();

  if (isPg(db)) {
    await tenantPolicy(db, "api_keys");
    await tenantPolicy(db, "api_idempotency");
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("api_idempotency").execute();
  await db.schema.dropTable("api_keys").execute();
}
