// FROZEN: never edit a migration that has shipped; add a new one instead.
// Signed webhooks (issue 18, part 2).
// - webhook_subscriptions: an https URL an admin subscribed to some events (`events`: a JSON array of
//   event types). `secret` signs every delivery, so it is kept readable (it is shown to the admin once).
//   `consecutive_failures` and `failing_since` decide when a subscription that keeps failing is paused.
// - webhook_deliveries: one event for one subscription, queued in the transaction of the change that
//   caused it, claimed by one server at a time (claimed_by, claimed_at, as the mail outbox).
// - webhook_attempts: every try of a delivery, with the receiver's status or the error (the delivery log).
// - webhook_event_marks: events already emitted that a periodic sweep would otherwise emit again
//   (a corrective action that became overdue).
// PostgreSQL: the tenant policy on each of the four.
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

const TABLES = ["webhook_subscriptions", "webhook_deliveries", "webhook_attempts", "webhook_event_marks"];

export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable("webhook_subscriptions"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("events", "text", (c) => c.notNull())
    .addColumn("secret", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('active', 'paused')`))
    .addColumn("paused_reason", "text")
    .addColumn("paused_at", "text")
    .addColumn("consecutive_failures", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("failing_since", "text")
    .addColumn("last_success_at", "text")
    .addColumn("secret_rotated_at", "text")
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("webhook_subscriptions_org_idx").on("webhook_subscriptions").columns(["org_id", "status"]).execute();

  await withId(db, db.schema.createTable("webhook_deliveries"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("subscription_id", "integer", (c) => c.notNull().references("webhook_subscriptions.id").onDelete("cascade"))
    .addColumn("event_id", "text", (c) => c.notNull())
    .addColumn("event_type", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('pending', 'delivered', 'failed')`))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text")
    .addColumn("claimed_by", "text")
    .addColumn("claimed_at", "text")
    .addColumn("last_status", "integer")
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("delivered_at", "text")
    .execute();
  await db.schema.createIndex("webhook_deliveries_due_idx").on("webhook_deliveries").columns(["status", "next_attempt_at"]).execute();
  await db.schema.createIndex("webhook_deliveries_sub_idx").on("webhook_deliveries").columns(["org_id", "subscription_id", "id"]).execute();

  await withId(db, db.schema.createTable("webhook_attempts"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("delivery_id", "integer", (c) => c.notNull().references("webhook_deliveries.id").onDelete("cascade"))
    .addColumn("subscription_id", "integer", (c) => c.notNull().references("webhook_subscriptions.id").onDelete("cascade"))
    .addColumn("attempt", "integer", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("response_status", "integer")
    .addColumn("error", "text")
    .addColumn("duration_ms", "integer", (c) => c.notNull())
    .addColumn("next_retry_at", "text")
    .execute();
  await db.schema.createIndex("webhook_attempts_sub_idx").on("webhook_attempts").columns(["org_id", "subscription_id", "id"]).execute();

  await withId(db, db.schema.createTable("webhook_event_marks"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("event_key", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("webhook_event_marks_key", ["org_id", "event_key"])
    .execute();

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
  for (const t of [...TABLES].reverse()) await db.schema.dropTable(t).execute();
}
