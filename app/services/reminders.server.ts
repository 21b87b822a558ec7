// Reminder mails for open questionnaires: 7 days and 1 day before the due date, and once overdue.
// Run by the server's scheduled jobs and by `npm run reminders`; each reminder is sent at most once.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import { hashToken, newToken } from "~/lib/crypto.server";
import { addMinutes, nowIso } from "~/lib/time";
import { env } from "~/lib/env.server";
import { kickMailDelivery } from "~/lib/mail.server";
import { enqueueMail } from "~/models/outbox.server";
import { recordAudit } from "~/models/audit.server";
import { currentInvite, insertAssessmentInvite, supersedeAssessmentInvites } from "~/models/invite.server";
import { insertReminder, openAssessmentsWithDueDate, reminderSent } from "~/models/reminder.server";
import { INVITE_VALID_DAYS } from "./invites.server";
import { supplierReminderMail } from "./mail-templates";

type DB = Kysely<Database>;
type Kind = "due-7d" | "due-1d" | "overdue";

/** Which reminder is due now for an assessment due at `dueAt` (the most urgent one), if any. */
export function reminderKind(dueAt: string, now: Date): Kind | null {
  const ms = Date.parse(dueAt.length === 10 ? `${dueAt}T23:59:59.999Z` : dueAt) - now.getTime();
  if (Number.isNaN(ms)) return null;
  if (ms < 0) return "overdue";
  if (ms <= 24 * 3600_000) return "due-1d";
  if (ms <= 7 * 24 * 3600_000) return "due-7d";
  return null;
}

export async function sendDueReminders(db: DB, now = new Date()): Promise<number> {
  const open = await openAssessmentsWithDueDate(db);
  let sent = 0;
  for (const a of open) {
    const kind = reminderKind(a.due_at, now);
    if (!kind) continue;
    const done = await db.transaction().execute(async (trx) => {
      if (await reminderSent(trx, a.org_id, a.id, kind)) return false;
      const invite = await currentInvite(trx, a.org_id, a.id);
      if (!invite) return false; // never sent to the supplier: nobody to remind
      const token = newToken();
      await supersedeAssessmentInvites(trx, a.org_id, a.id, nowIso(now));
      await insertAssessmentInvite(trx, a.org_id, {
        assessmentId: a.id,
        email: invite.email,
        tokenHash: hashToken(token),
        language: invite.language,
        createdBy: null,
        expiresAt: nowIso(addMinutes(now, INVITE_VALID_DAYS * 24 * 60)),
      });
      await enqueueMail(trx, {
        orgId: a.org_id,
        kind: `supplier-reminder-${kind}`,
        to: invite.email,
        ...supplierReminderMail({
          orgName: a.orgName,
          supplierName: a.supplierName,
          link: `${env().appUrl}/s/${token}`,
          dueAt: a.due_at,
          kind,
        }),
      });
      await insertReminder(trx, a.org_id, a.id, kind, nowIso(now));
      await recordAudit(trx, {
        orgId: a.org_id,
        actorUserId: null,
        actorLabel: "reminder job",
        action: "assessment.reminder_sent",
        entity: "assessment",
        entityId: a.id,
        diff: { kind, to: invite.email },
      });
      return true;
    });
    if (done) sent++;
  }
  if (sent) kickMailDelivery(db);
  return sent;
}
