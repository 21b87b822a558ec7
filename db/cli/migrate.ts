import { createDb, redactUrl } from "../client";
import { migrateToLatest } from "../migrate";

const url = process.env.DATABASE_URL ?? "file:./data/lantern.db";
// An operator's script: it works across tenants (a named crossing path of row-level security, db/scope.ts).
const handle = createDb(url, { defaultScope: "system", systemReason: "script: db:migrate" });
try {
  const applied = await migrateToLatest(handle);
  console.log(applied.length ? `Applied ${applied.join(", ")} to ${redactUrl(url)}` : `Schema up to date (${redactUrl(url)})`);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  await handle.close();
}
