// `npm run db:restore -- <file> [--force]`: restores a backup made by db:backup into DATABASE_URL.
// SQLite: the file of DATABASE_URL is replaced (refused while a process has it open, and when it holds
// a database unless --force). PostgreSQL: the dump goes into DATABASE_URL's schema (?schema=, else
// public) in one transaction (refused when that schema has tables unless --force). Evidence files
// found next to the backup (<name>.evidence/) are copied into EVIDENCE_DIR. See db/backup.ts.
import { env } from "~/lib/env.server";
import { redactUrl } from "../client";
import { restoreDatabase } from "../backup";
import { BackupError, formatBytes } from "../backup/common";

const USAGE = `Usage: npm run db:restore -- <backup file> [--force]
  Restores a backup made by \`npm run db:backup\` into DATABASE_URL (stop the app first).
  --force  replace a database that already holds data`;

const argv = process.argv.slice(2);
const force = argv.includes("--force");
const rest = argv.filter((a) => a !== "--force");
if (rest.includes("--help") || rest.includes("-h")) {
  console.log(USAGE);
} else if (rest.length !== 1 || rest[0]!.startsWith("-")) {
  console.error(`${rest.length === 0 ? "Which backup file?" : `Unexpected arguments: ${rest.join(" ")}`}\n${USAGE}`);
  process.exitCode = 2;
} else {
  try {
    const e = env();
    console.log(`Restoring ${rest[0]} into ${redactUrl(e.DATABASE_URL)} …`);
    const r = await restoreDatabase({ databaseUrl: e.DATABASE_URL, file: rest[0]!, force, evidenceDir: e.EVIDENCE_DIR });
    console.log(`Restored into ${r.target}: ${r.tables} tables, ${r.rows} rows in ${(r.ms / 1000).toFixed(1)} s`);
    console.log(`Check: ${r.engine === "sqlite" ? `PRAGMA integrity_check: ${r.check}` : r.check}`);
    if (r.evidence) {
      console.log(
        `Evidence files: ${r.evidence.files} (${formatBytes(r.evidence.bytes)}) copied to ${r.evidence.dir}, ` +
          `${r.evidence.skipped} already there`,
      );
    } else {
      console.log("Evidence files: none next to the backup");
    }
  } catch (err) {
    console.error(err instanceof BackupError ? err.message : `Restore failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
}
