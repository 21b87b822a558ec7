// FROZEN: never edit a migration that has shipped; add a new one instead.
// Imports an officer can trust: each import keeps the officer's choices for its check and commit
// (the update policy and the decision per conflicting group of rows) and the first rows of the
// file, shown under each column in the mapping step. status gains "discarded" (text, no constraint).
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // JSON: { policy: "new_only" | "fill_empty" | "overwrite", resolutions: { [groupKey]: "first" | "last" | "both" } }
  await db.schema.alterTable("supplier_imports").addColumn("options", "text").execute();
  // JSON: string[][], the first data rows of the file (trimmed cells)
  await db.schema.alterTable("supplier_imports").addColumn("samples", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("supplier_imports").dropColumn("samples").execute();
  await db.schema.alterTable("supplier_imports").dropColumn("options").execute();
}
