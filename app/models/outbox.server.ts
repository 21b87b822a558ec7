import type { DbOrTrx } from "./types";
import { nowIso } from "~/lib/time";

export interface MailInput {
  orgId: number | null;
  kind: string;
  to: string;
  subject: string;
  text: string;
}

/** Queue a mail in the same transaction as the change that caused it; delivery happens after commit. */
export async function enqueueMail(db: DbOrTrx, m: MailInput): Promise<number> {
  const row = await db
    .insertInto("mail_outbox")
    .values({ org_id: m.orgId, kind: m.kind, to_address: m.to, subject: m.subject, body_text: m.text, created_at: nowIso() })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listOrgOutbox(db: DbOrTrx, orgId: number, limit = 100) {
  return db
    .selectFrom("mail_outbox")
    .select(["id", "kind", "to_address", "subject", "body_text", "created_at", "sent_at", "attempts", "last_error"])
    .where("org_id", "=", orgId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

export async function listUndelivered(db: DbOrTrx, maxAttempts: number, limit: number) {
  return db
    .selectFrom("mail_outbox")
    .select(["id", "to_address", "subject", "body_text", "attempts", "created_at"])
    .where("sent_at", "is", null)
    .where("attempts", "<", maxAttempts)
    .orderBy("id")
    .limit(limit)
    .execute();
}

/**
 * Takes an undelivered mail for `holder` to send: true unless it was sent meanwhile or another
 * delivery holds a claim made since `staleBefore` (one conditional update: two overlapping
 * deliveries, on one server or two, never both send it).
 */
export async function claimMail(db: DbOrTrx, id: number, holder: string, staleBefore: string): Promise<boolean> {
  const r = await db
    .updateTable("mail_outbox")
    .set({ claimed_by: holder, claimed_at: nowIso() })
    .where("id", "=", id)
    .where("sent_at", "is", null)
    .where((eb) => eb.or([eb("claimed_at", "is", null), eb("claimed_at", "<", staleBefore)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Delivered: the stored body becomes `redactedBody` (the same text without its link tokens). */
export async function markSent(db: DbOrTrx, id: number, redactedBody: string): Promise<void> {
  await db
    .updateTable("mail_outbox")
    .set((eb) => ({
      sent_at: nowIso(),
      attempts: eb("attempts", "+", 1),
      last_error: null,
      body_text: redactedBody,
      claimed_by: null,
      claimed_at: null,
    }))
    .where("id", "=", id)
    .execute();
}

/** Not delivered this time: counted, and the claim let go so that the next delivery tries again. */
export async function markFailed(db: DbOrTrx, id: number, error: string): Promise<void> {
  await db
    .updateTable("mail_outbox")
    .set((eb) => ({ attempts: eb("attempts", "+", 1), last_error: error.slice(0, 500), claimed_by: null, claimed_at: null }))
    .where("id", "=", id)
    .execute();
}

/** Account mails (sign-up, password reset: no organization) that were never tried. */
export async function listUntriedAccountMail(db: DbOrTrx, limit: number) {
  return db
    .selectFrom("mail_outbox")
    .select(["id", "to_address", "subject", "body_text"])
    .where("org_id", "is", null)
    .where("sent_at", "is", null)
    .where("attempts", "=", 0)
    .orderBy("id")
    .limit(limit)
    .execute();
}
