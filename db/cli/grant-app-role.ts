// `npm run db:grant-app-role -- ROLE`: run by the owner of the schema (DATABASE_URL), after the
// migrations, on PostgreSQL. Creates ROLE if missing (LOGIN, NOSUPERUSER, NOBYPASSRLS) and grants it
// the tables, sequences and functions of the schema, now and later ones: the app servers connect as
// ROLE, so the row-level security policies hold for them. Run it again after restoring a backup
// (a restore does not carry grants). Give the role a password (ALTER ROLE … PASSWORD) or another way
// to authenticate as the installation does.
import { createDb, redactUrl } from "../client";
import { grantAppRole, ROLE_NAME } from "../roles";

const USAGE = "Usage: npm run db:grant-app-role -- <role>   (PostgreSQL; DATABASE_URL names the owner and the schema)";
const args = process.argv.slice(2);
const url = process.env.DATABASE_URL ?? "";
if (args.length !== 1 || !ROLE_NAME.test(args[0]!)) {
  console.error(USAGE);
  process.exitCode = 2;
} else if (!/^postgres(ql)?:\/\//.test(url)) {
  console.error(`DATABASE_URL is not a PostgreSQL URL; SQLite has no roles and no row-level security.\n${USAGE}`);
  process.exitCode = 2;
} else {
  const handle = createDb(url, { poolSize: 1, defaultScope: "system", systemReason: "script: db:grant-app-role" });
  try {
    const schema = handle.schema ?? "public";
    const created = await grantAppRole(handle.db, args[0]!, schema);
    console.log(`${created ? "Created" : "Updated"} role ${args[0]}: may use the tables of schema "${schema}" in ${redactUrl(url)}`);
  } catch (e) {
    console.error(`db:grant-app-role failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  } finally {
    await handle.close();
  }
}
