// Delivery of the mail outbox. Every mail is first a row (queued in the transaction that caused it);
// this sends pending rows by SMTP when SMTP_URL is set. Without SMTP the rows stay in the outbox,
// where admins read them in the app (Settings → Outbox) and tests follow their links.
import nodemailer from "nodemailer";
import type { Kysely } from "kysely";
import type { Database } from "../../db/types";
import { env } from "./env.server";
import { log } from "./logger.server";
import { listUndelivered, markFailed, markSent } from "../models/outbox.server";

const MAX_ATTEMPTS = 5;
let transport: nodemailer.Transporter | null | undefined;

function getTransport(): nodemailer.Transporter | null {
  if (transport === undefined) transport = env().SMTP_URL ? nodemailer.createTransport(env().SMTP_URL) : null;
  return transport;
}

export function smtpConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

/** Sends what is pending; returns how many were sent. Safe to call often (after a commit, or on a timer). */
export async function deliverPendingMail(db: Kysely<Database>): Promise<number> {
  const t = getTransport();
  if (!t) return 0;
  const pending = await listUndelivered(db, MAX_ATTEMPTS, 50);
  let sent = 0;
  for (const m of pending) {
    try {
      await t.sendMail({ from: env().MAIL_FROM, to: m.to_address, subject: m.subject, text: m.body_text });
      await markSent(db, m.id);
      sent++;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      await markFailed(db, m.id, message);
      log.warn("mail delivery failed", { mailId: m.id, attempt: m.attempts + 1, error: message });
    }
  }
  return sent;
}

/** Fire-and-forget delivery after a commit; errors are recorded on the row, never thrown at the user. */
export function kickMailDelivery(db: Kysely<Database>): void {
  if (!smtpConfigured()) return;
  deliverPendingMail(db).catch((e: unknown) => log.error("mail delivery crashed", { error: String(e) }));
}
