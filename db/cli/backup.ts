// `npm run db:backup [-- --out <file>]`: an online backup of DATABASE_URL, safe while the app runs.
// SQLite → <BACKUP_DIR>/lantern-<UTC time>.db (better-sqlite3's backup API, then integrity_check on the
// copy); PostgreSQL → a pg_dump custom-format .dump of the app's schema. Evidence files are copied to
// <name>.evidence/ next to it. See db/backup.ts.
import { env } from "~/lib/env.server";
import { redactUrl } from "../client";
import { backupDatabase } from "../backup";
import { BackupError, formatBytes } from "../backup/common";

const USAGE = `Usage: npm run db:backup [-- --out <file>]
  Backs up DATABASE_URL (default file:./data/lantern.db) while the app keeps running, with the evidence
  files of EVIDENCE_DIR. Without --out the backup goes to BACKUP_DIR (default ./backups), named by the time.`;

function parseArgs(argv: string[]): { out?: string } | "help" | string {
  const out: { out?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--help" || a === "-h") return "help";
    if (a === "--out" || a.startsWith("--out=")) {
      const v = a === "--out" ? argv[++i] : a.slice("--out=".length);
      if (!v) return "--out needs a file name";
      out.out = v;
    } else {
      return `Unknown argument ${a}`;
    }
  }
  return out;
}

const args = parseArgs(process.argv.slice(2));
if (args === "help") {
  console.log(USAGE);
} else if (typeof args === "string") {
  console.error(`${args}\n${USAGE}`);
  process.exitCode = 2;
} else {
  try {
    const e = env();
    console.log(`Backing up ${redactUrl(e.DATABASE_URL)} …`);
    const r = await backupDatabase({
      databaseUrl: e.DATABASE_URL,
      out: args.out,
      backupDir: process.env.BACKUP_DIR || "./backups",
      evidenceDir: e.EVIDENCE_DIR,
    });
    console.log(`Backup written: ${r.file} (${formatBytes(r.bytes)}) in ${(r.ms / 1000).toFixed(1)} s`);
    console.log(`Check: ${r.engine === "sqlite" ? `PRAGMA integrity_check on the copy: ${r.check}` : r.check}`);
    if (r.foreignKeyProblems)
      console.warn(`Warning: PRAGMA foreign_key_check lists ${r.foreignKeyProblems} rows (copied as they are in the database).`);
    if (r.evidence) {
      console.log(`Evidence files: ${r.evidence.files} (${formatBytes(r.evidence.bytes)}) copied to ${r.evidence.dir}`);
      if (r.evidence.damaged.length)
        console.warn(
          `Warning: ${r.evidence.damaged.length} evidence files do not match their sha256 name: ` +
            r.evidence.damaged.slice(0, 5).join(", "),
        );
    } else {
      console.log(`Evidence files: none (${e.EVIDENCE_DIR} does not exist)`);
    }
  } catch (err) {
    console.error(err instanceof BackupError ? err.message : `Backup failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
}
