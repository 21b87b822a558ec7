// Test databases: a fresh, migrated database per test file — SQLite always, PostgreSQL too when
// TEST_PG_URL is set (each file gets its own throwaway schema, so files run in parallel safely).
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { createDb, type Db } from "./client";
import { migrateToLatest } from "./migrate";
import { grantAppRole } from "./roles";

/** The PostgreSQL tests connect as this role (not a superuser, not BYPASSRLS), like the app server should. */
export const TEST_APP_ROLE = "lantern_test_app";

export interface TestEngine {
  name: "sqlite" | "postgres";
  /** Why this engine is skipped, or null when it runs. */
  skipReason: string | null;
  open(): Promise<{ handle: Db; cleanup(): Promise<void> }>;
}

const PG = process.env.TEST_PG_URL;

export const TEST_ENGINES: TestEngine[] = [
  {
    name: "sqlite",
    skipReason: null,
    async open() {
      const handle = createDb(":memory:");
      await migrateToLatest(handle);
      return { handle, cleanup: () => handle.close() };
    },
  },
  {
    name: "postgres",
    skipReason: PG ? null : "TEST_PG_URL is not set, so the PostgreSQL half is skipped (CI sets it)",
    async open() {
      if (!PG) throw new Error("TEST_PG_URL is not set");
      const schema = `t_${randomBytes(6).toString("hex")}`;
      const admin = createDb(PG, { poolSize: 1 });
      await sql`create schema ${sql.id(schema)}`.execute(admin.db);
      const u = new URL(PG);
      u.searchParams.set("schema", schema);
      // Migrated by the superuser (the owner of the schema, as in production), then used as the app
      // role, so the row-level security policies hold in every PostgreSQL test. The handle sees every
      // row when no scope is set (defaultScope "system"): service tests call services directly, while
      // request tests run in a request scope as the server does.
      const owner = createDb(u.toString(), { poolSize: 1 });
      await migrateToLatest(owner);
      await grantAppRole(owner.db, TEST_APP_ROLE, schema);
      await owner.close();
      u.username = TEST_APP_ROLE;
      u.password = "";
      const handle = createDb(u.toString(), { poolSize: 4, defaultScope: "system" });
      return {
        handle,
        async cleanup() {
          await handle.close();
          await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.db);
          await admin.close();
        },
      };
    },
  },
];
