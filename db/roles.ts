// The role the app connects as on PostgreSQL: it may read and write every table but is neither a
// superuser nor BYPASSRLS, so the row-level security policies hold for it (migration
// 2026-12-09T0100_row_level_security). The owner (who runs the migrations) grants it after migrating:
// `npm run db:grant-app-role -- ROLE`; the PostgreSQL test engine does the same for its test role.
import { sql, type Kysely } from "kysely";

export const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Creates `role` if missing (LOGIN, NOSUPERUSER, NOBYPASSRLS; no password: set one, or use
 * certificate or peer authentication, as the installation does) and grants it the tables, sequences
 * and functions of `schema`, now and those the current role creates there later. Safe to run again,
 * and by several processes at once. Returns whether the role was created.
 */
export async function grantAppRole<DB>(db: Kysely<DB>, role: string, schema: string): Promise<boolean> {
  if (!ROLE_NAME.test(role)) throw new Error(`Invalid role name: ${role}`);
  const r = sql.id(role);
  const s = sql.id(schema);
  const existing = async () =>
    (
      await sql<{
        super: boolean;
        bypass: boolean;
      }>`select rolsuper as super, rolbypassrls as bypass from pg_roles where rolname = ${role}`.execute(db)
    ).rows[0];
  let created = false;
  // Only a missing role needs CREATEROLE: an owner without it can still grant to a role a DBA made.
  if (!(await existing())) {
    try {
      await sql`create role ${r} login nosuperuser nobypassrls`.execute(db);
      created = true;
    } catch (e) {
      // Another process made it meanwhile: duplicate_object, or unique_violation when both inserted at once.
      const code = (e as { code?: string }).code;
      if (code !== "42710" && code !== "23505") throw e;
    }
  }
  const role_ = await existing();
  if (role_?.super || role_?.bypass)
    throw new Error(`Role ${role} is a superuser or has BYPASSRLS: row-level security would not hold for it`);
  for (const q of [
    sql`grant usage on schema ${s} to ${r}`,
    sql`grant select, insert, update, delete on all tables in schema ${s} to ${r}`,
    sql`grant usage, select, update on all sequences in schema ${s} to ${r}`,
    sql`grant execute on all functions in schema ${s} to ${r}`,
    sql`alter default privileges in schema ${s} grant select, insert, update, delete on tables to ${r}`,
    sql`alter default privileges in schema ${s} grant usage, select, update on sequences to ${r}`,
    sql`alter default privileges in schema ${s} grant execute on functions to ${r}`,
  ])
    await q.execute(db);
  return created;
}
