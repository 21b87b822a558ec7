import { FileMigrationProvider, Migrator, type MigrationResultSet } from "kysely";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Db } from "./client";
import { asSystem } from "./scope";

const migrationFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

function migratorOf({ db, schema }: Db): Migrator {
  return new Migrator({
    db,
    provider: new FileMigrationProvider({ fs, path, migrationFolder }),
    // Kysely looks for its own tables by name in every schema unless told which: with several
    // schemas in one database (tests, or tenants of a shared server) it would find another's.
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

/** Brings the schema up to date; throws (with the failing migration's name) on any error. */
export async function migrateToLatest(handle: Db): Promise<string[]> {
  const migrator = migratorOf(handle);
  // As system: the tenant tables force row-level security on their owner too, and a data migration
  // must see every tenant's rows.
  const { error, results }: MigrationResultSet = await asSystem("migrations", () => migrator.migrateToLatest());
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    const name = failed ? ` (migration ${failed.migrationName})` : "";
    throw new Error(`Migration failed${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/** The migrations this code has that the database has not run (a server is not ready until none is left). */
export async function pendingMigrations(handle: Db): Promise<string[]> {
  const all = await migratorOf(handle).getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
