// PostgreSQL: pg_dump of the app's schema, and its restore through pg_restore and psql in one
// transaction, possibly into another schema (see db/backup.ts).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import pg from "pg";
import { redactUrl } from "../client";
import { BackupError, collect, exitCode, requireTool, run, syncDir, syncFile } from "./common";

export async function backupPostgres(url: string, dest: string): Promise<string> {
  requireTool("pg_dump");
  requireTool("pg_restore");
  const { env, schema } = pgConnection(url);
  const tmp = `${dest}.partial-${randomBytes(4).toString("hex")}`;
  try {
    // --enable-row-security: a dump by the owner (not a superuser) is policed like the app (FORCE), and
    // pg_dump would refuse rather than dump fewer rows; lantern.system (pgConnection) shows it every row.
    await run("pg_dump", ["--format=custom", "--no-password", "--enable-row-security", `--schema=${schema}`, `--file=${tmp}`], env);
    const toc = await readDumpToc(tmp);
    if (toc.tables === 0)
      throw new BackupError(`pg_dump found no tables in schema "${schema}" of ${redactUrl(url)}: is this the right DATABASE_URL?`);
    syncFile(tmp);
    fs.renameSync(tmp, dest);
    syncDir(path.dirname(dest));
    return `pg_restore --list reads ${toc.tables} tables of schema "${schema}"`;
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

export async function restorePostgres(file: string, url: string, force: boolean) {
  requireTool("pg_restore");
  requireTool("psql");
  const toc = await readDumpToc(file);
  if (toc.schemas.length !== 1) {
    throw new BackupError(
      `${file} holds tables of ${toc.schemas.length ? `several schemas (${toc.schemas.join(", ")})` : "no schema"}; ` +
        "expected a dump made by db:backup.",
    );
  }
  const from = toc.schemas[0]!;
  const { env, schema: to } = pgConnection(url);
  const client = new pg.Client({ connectionString: withoutSchema(url) });
  await client.connect();
  try {
    const tables = Number(
      (await client.query<{ n: string }>("SELECT count(*) AS n FROM pg_tables WHERE schemaname = $1", [to])).rows[0]!.n,
    );
    if (tables > 0 && !force) {
      throw new BackupError(
        `Schema "${to}" of ${redactUrl(withoutSchema(url))} already holds ${tables} tables. ` +
          "Pass --force to replace it (everything in the schema is dropped).",
      );
    }
    const busy = await client.query(
      `SELECT DISTINCT l.pid FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND l.pid <> pg_backend_pid()`,
      [to],
    );
    if (busy.rowCount)
      throw new BackupError(`Schema "${to}" is in use (${busy.rowCount} other sessions hold locks in it): stop the app servers first.`);
  } finally {
    await client.end();
  }

  const q = (name: string) => `"${name}"`;
  // The dropped schema comes back only if the whole script succeeds (psql --single-transaction);
  // lock_timeout turns "an app server is still using it" into an error instead of a wait.
  const prelude = [
    `SET lock_timeout = '10s';`,
    ...(force ? [`DROP SCHEMA IF EXISTS ${q(to)} CASCADE;`] : []),
    `CREATE SCHEMA IF NOT EXISTS ${q(to)};`,
  ];
  const dump = spawn("pg_restore", ["--no-owner", "--no-acl", "--file=-", file], { stdio: ["ignore", "pipe", "pipe"] });
  const psql = spawn("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction", "--no-password", "-f", "-"], {
    env,
    stdio: ["pipe", "ignore", "pipe"],
  });
  const dumpErr = collect(dump.stderr);
  const psqlErr = collect(psql.stderr);
  const dumpExit = exitCode(dump);
  const psqlExit = exitCode(psql);
  psql.stdin.on("error", () => {}); // psql stopped early: its exit code and stderr say why
  try {
    for (const line of prelude) psql.stdin.write(line + "\n");
    const rewrite = schemaRewriter(from, to);
    for await (const line of readline.createInterface({ input: dump.stdout, crlfDelay: Number.POSITIVE_INFINITY })) {
      const out = rewrite(line);
      if (out !== null && !psql.stdin.write(out + "\n")) await Promise.race([once(psql.stdin, "drain"), psqlExit]);
      if (psql.exitCode !== null) break;
    }
  } finally {
    psql.stdin.end();
    if (psql.exitCode !== null && dump.exitCode === null) dump.kill();
  }
  const [dc, pc] = await Promise.all([dumpExit, psqlExit]);
  if (pc !== 0 || dc !== 0) {
    const err = (pc !== 0 ? psqlErr() : dumpErr()).trim().split("\n").slice(-8).join("\n  ");
    const hint = /lock timeout/i.test(err) ? "\nAn app server seems to be using the schema: stop it and try again." : "";
    throw new BackupError(`The restore failed and was rolled back; schema "${to}" is as it was.\n  ${err}${hint}`);
  }

  const after = new pg.Client({ connectionString: withoutSchema(url) });
  await after.connect();
  try {
    const names = (await after.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = $1", [to])).rows.map(
      (r) => r.tablename,
    );
    let rows = 0;
    for (const n of names) rows += Number((await after.query<{ n: string }>(`SELECT count(*) AS n FROM ${q(to)}.${q(n)}`)).rows[0]!.n);
    if (names.length !== toc.tables)
      throw new BackupError(`The dump lists ${toc.tables} tables but schema "${to}" has ${names.length} after the restore.`);
    return {
      target: `${redactUrl(withoutSchema(url))} schema "${to}"`,
      tables: names.length,
      rows,
      check: `${names.length} of ${toc.tables} tables restored`,
    };
  } finally {
    await after.end();
  }
}

/**
 * A line filter for pg_restore's SQL: drops what the prelude already did (CREATE SCHEMA) or what needs
 * the schema's owner (COMMENT ON SCHEMA), and renames the schema everywhere outside COPY data, which
 * is passed through untouched.
 */
export function schemaRewriter(from: string, to: string): (line: string) => string | null {
  let inData = false;
  const qualified = new RegExp(`(^|[^A-Za-z0-9_$."])(?:${from}|"${from}")\\.`, "g");
  return (line) => {
    if (inData) {
      if (line === "\\.") inData = false;
      return line;
    }
    if (line === `CREATE SCHEMA ${from};` || line === `CREATE SCHEMA "${from}";`) return null;
    if (line.startsWith("COMMENT ON SCHEMA ")) return null;
    const out = from === to ? line : line.replace(qualified, `$1"${to}".`);
    if (/^COPY .+ FROM stdin;$/.test(line)) inData = true;
    return out;
  };
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL helpers

/** libpq environment variables for a postgres:// URL (the password stays out of the process list), and its schema. */
export function pgConnection(url: string): { env: NodeJS.ProcessEnv; schema: string } {
  const u = new URL(url);
  const schema = u.searchParams.get("schema") ?? "public";
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new BackupError(`Invalid schema name in DATABASE_URL: ${schema}`);
  const env: NodeJS.ProcessEnv = { ...process.env };
  const host = u.searchParams.get("host") ?? u.hostname.replace(/^\[|\]$/g, "");
  if (host) env.PGHOST = decodeURIComponent(host);
  env.PGPORT = u.port || "5432";
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const database = decodeURIComponent(u.pathname.replace(/^\//, ""));
  if (database) env.PGDATABASE = database;
  const sslmode = u.searchParams.get("sslmode");
  if (sslmode) env.PGSSLMODE = sslmode;
  // Backups and restores cross tenants: past the row-level security policies (db/scope.ts).
  env.PGOPTIONS = [process.env.PGOPTIONS, "-c lantern.system=backup-or-restore"].filter(Boolean).join(" ");
  return { env, schema };
}

function withoutSchema(url: string): string {
  const u = new URL(url);
  u.searchParams.delete("schema");
  return u.toString();
}

/** The schemas and the number of tables a custom-format dump holds (pg_restore --list). */
async function readDumpToc(file: string): Promise<{ schemas: string[]; tables: number }> {
  const out = await run("pg_restore", ["--list", file], process.env);
  const schemas = new Set<string>();
  let tables = 0;
  for (const line of out.split("\n")) {
    const m = /^\d+;\s+\d+\s+\d+\s+TABLE\s+(?!DATA\s)(\S+)\s+\S+/.exec(line);
    if (m) {
      tables++;
      schemas.add(m[1]!);
    }
  }
  return { schemas: [...schemas], tables };
}
