// FROZEN: never edit a migration that has shipped; add a new one instead.
// Risk model v1: the tenant's methodology (versioned), one score row per computation (history and
// trends), the current score on the supplier row (for list filters and sorts at 100,000 suppliers),
// background recompute jobs, a daily roll-up per tenant (dashboard trends), and corrective actions
// with their timeline and evidence.
import { type Kysely, type CreateTableBuilder, PostgresAdapter, sql } from "kysely";

type Builder = CreateTableBuilder<string, never>;

function withId(db: Kysely<unknown>, t: Builder): Builder {
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? t.addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : t.addColumn("id", "integer", (c) => c.primaryKey());
}

export async function up(db: Kysely<unknown>): Promise<void> {
  // TVPRA "downstream" rows (goods listed because of their inputs) name the inputs' country.
  await db.schema.alterTable("tvpra_goods").addColumn("downstream_input_country", "text").execute();

  // A tenant's methodology: weights, band thresholds, validity, country overrides. Version 0 (no
  // row) is the model's defaults; every save is a new row, never an update.
  await withId(db, db.schema.createTable("methodology_versions"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("config", "text", (c) => c.notNull()) // JSON, validated by app/domain/risk
    .addColumn("note", "text")
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("methodology_versions_uq", ["org_id", "version"])
    .execute();

  await withId(db, db.schema.createTable("risk_scores"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("supplier_id", "integer", (c) => c.notNull().references("suppliers.id").onDelete("cascade"))
    .addColumn("computed_at", "text", (c) => c.notNull())
    .addColumn("model_version", "text", (c) => c.notNull())
    .addColumn("methodology_version", "integer", (c) => c.notNull())
    .addColumn("reference_edition", "text", (c) => c.notNull())
    .addColumn("trigger", "text", (c) => c.notNull())
    .addColumn("score", "real", (c) => c.notNull()) // effective: max(residual, exposure)
    .addColumn("band", "text", (c) => c.notNull().check(sql`band in ('low','medium','high','critical')`))
    .addColumn("inherent", "real", (c) => c.notNull())
    .addColumn("maturity", "real", (c) => c.notNull())
    .addColumn("residual", "real", (c) => c.notNull())
    .addColumn("exposure", "real", (c) => c.notNull())
    .addColumn("flags", "integer", (c) => c.notNull())
    .addColumn("assessed", "integer", (c) => c.notNull())
    .addColumn("assessment_id", "integer", (c) => c.references("assessments.id").onDelete("set null"))
    .addColumn("breakdown", "text", (c) => c.notNull()) // JSON: the named parts and the data they cite
    .addColumn("digest", "text", (c) => c.notNull()) // sha256 of the breakdown: a recompute that changes nothing adds no row
    .execute();
  await db.schema.createIndex("risk_scores_supplier_idx").on("risk_scores").columns(["org_id", "supplier_id", "id"]).execute();

  // The current score, kept on the supplier so the list can filter and sort by it with an index.
  await db.schema.alterTable("suppliers").addColumn("risk_score", "real").execute();
  await db.schema.alterTable("suppliers").addColumn("risk_band", "text").execute();
  await db.schema.alterTable("suppliers").addColumn("risk_computed_at", "text").execute();
  await db.schema.alterTable("suppliers").addColumn("risk_digest", "text").execute();
  await db.schema.createIndex("suppliers_risk_band_idx").on("suppliers").columns(["org_id", "risk_band", "name_norm"]).execute();
  await db.schema.createIndex("suppliers_risk_score_idx").on("suppliers").columns(["org_id", "risk_score"]).execute();

  // Recomputations too large to run inside a request (methodology, reference data, big imports),
  // and methodology previews (a dry run over the whole tenant) of large tenants.
  await withId(db, db.schema.createTable("risk_jobs"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) =>
      c
        .notNull()
        .defaultTo("recompute")
        .check(sql`kind in ('recompute','preview')`),
    )
    .addColumn("payload", "text") // preview: the methodology to try (JSON)
    .addColumn("result", "text") // preview: the band moves (JSON)
    .addColumn("trigger", "text", (c) => c.notNull())
    .addColumn("supplier_ids", "text") // JSON array of changed suppliers; null = the whole tenant
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('queued','running','done','failed')`))
    .addColumn("progress_done", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("progress_total", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("claimed_at", "text")
    .addColumn("finished_at", "text")
    .addColumn("error", "text")
    .execute();
  await db.schema.createIndex("risk_jobs_status_idx").on("risk_jobs").columns(["status", "id"]).execute();

  // One row per tenant per day, rewritten after each recompute: the dashboard's trends.
  await db.schema
    .createTable("risk_snapshots")
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("day", "text", (c) => c.notNull()) // YYYY-MM-DD (UTC)
    .addColumn("suppliers", "integer", (c) => c.notNull())
    .addColumn("avg_score", "real", (c) => c.notNull())
    .addColumn("low", "integer", (c) => c.notNull())
    .addColumn("medium", "integer", (c) => c.notNull())
    .addColumn("high", "integer", (c) => c.notNull())
    .addColumn("critical", "integer", (c) => c.notNull())
    .addColumn("assessed", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("risk_snapshots_pk", ["org_id", "day"])
    .execute();

  // Process-wide facts, e.g. the reference-data edition the stored scores were computed with.
  await db.schema
    .createTable("app_meta")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable("corrective_actions"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("supplier_id", "integer", (c) => c.notNull().references("suppliers.id"))
    .addColumn("assessment_id", "integer", (c) => c.references("assessments.id").onDelete("set null"))
    .addColumn("source", "text", (c) => c.notNull().check(sql`source in ('red_flag','review','manual')`))
    .addColumn("question_key", "text")
    .addColumn("indicator", "text") // ILO indicator behind a red-flag action
    .addColumn("severity", "text")
    .addColumn("answer", "text") // JSON: the answer that raised the red flag, as it was
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("details", "text")
    .addColumn("owner_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("due_at", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('open','in_progress','done','verified')`))
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("done_at", "text")
    .addColumn("verified_at", "text")
    .addColumn("verified_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("overdue_mailed_at", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("corrective_actions_status_idx").on("corrective_actions").columns(["org_id", "status", "due_at"]).execute();
  await db.schema.createIndex("corrective_actions_supplier_idx").on("corrective_actions").columns(["org_id", "supplier_id"]).execute();

  // The timeline of an action: notes, status changes, the supplier's replies.
  await withId(db, db.schema.createTable("action_events"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("action_id", "integer", (c) => c.notNull().references("corrective_actions.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('created','note','status','supplier_reply')`))
    .addColumn("author_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("author_label", "text", (c) => c.notNull())
    .addColumn("body", "text")
    .addColumn("status_from", "text")
    .addColumn("status_to", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("action_events_idx").on("action_events").columns(["org_id", "action_id", "id"]).execute();

  await withId(db, db.schema.createTable("action_files"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("action_id", "integer", (c) => c.notNull().references("corrective_actions.id").onDelete("cascade"))
    .addColumn("event_id", "integer", (c) => c.references("action_events.id").onDelete("set null"))
    .addColumn("filename", "text", (c) => c.notNull())
    .addColumn("mime", "text", (c) => c.notNull())
    .addColumn("size_bytes", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("storage_key", "text", (c) => c.notNull())
    .addColumn("uploaded_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("action_files_idx").on("action_files").columns(["org_id", "action_id"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["action_files", "action_events", "corrective_actions", "app_meta", "risk_snapshots", "risk_jobs"]) {
    await db.schema.dropTable(t).execute();
  }
  await db.schema.dropIndex("suppliers_risk_score_idx").execute();
  await db.schema.dropIndex("suppliers_risk_band_idx").execute();
  for (const c of ["risk_digest", "risk_computed_at", "risk_band", "risk_score"])
    await db.schema.alterTable("suppliers").dropColumn(c).execute();
  for (const t of ["risk_scores", "methodology_versions"]) await db.schema.dropTable(t).execute();
  await db.schema.alterTable("tvpra_goods").dropColumn("downstream_input_country").execute();
}
