// `npm run reminders`: sends the due questionnaire reminders now (the server also does it every hour).
import { createDb } from "../client";
import { sendDueReminders } from "~/services/reminders.server";

// An operator's script: it works across tenants (a named crossing path of row-level security, db/scope.ts).
const handle = createDb(process.env.DATABASE_URL ?? "file:./data/lantern.db", {
  defaultScope: "system",
  systemReason: "script: reminders of every tenant",
});
try {
  const n = await sendDueReminders(handle.db);
  console.log(`${n} reminder${n === 1 ? "" : "s"} queued`);
} catch (e) {
  console.error(`reminders failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
