// Delivery of the mail outbox. Every mail is first a row (queued in the transaction that caused it);
// this sends pending rows by SMTP when SMTP_URL is set. Without SMTP the rows stay in the outbox,
// where admins read them in the app (Settings → Outbox) and tests follow their links.
import nodemailer from "nodemailer";
import type { Kysely } from "kysely";
import type { Database } from "../../db/types";
import { env } from "./env.server";
import { log } from "./logger.server";
import { listUndelivered, listUntriedAccountMail, markFailed, markSent } from "../models/outbox.server";

const MAX_ATTEMPTS = 5;
let transport: { url: string; t: nodemailer.Transporter } | undefined;

function getTransport(): nodemailer.Transporter | null {
  const url = env().SMTP_URL;
  if (!url) return null;
  if (transport?.url !== url) transport = { url, t: nodemailer.createTransport(url) };
  return transport.t;
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

/**
 * Without SMTP, organization mail is read by admins in the app, but account mail (sign-up
 * confirmation, password reset) has no organization to show it in. On a server that only listens on
 * this machine (HOST 127.0.0.1 / localhost: a local trial), it is printed once to the server log so
 * whoever runs it can follow the link. A server reachable from elsewhere never logs mail contents
 * (they hold single-use tokens): it warns that SMTP_URL is missing instead.
 */
export async function printAccountMailWithoutSmtp(db: Kysely<Database>): Promise<number> {
  const mails = await listUntriedAccountMail(db, 50);
  const local = ["127.0.0.1", "localhost", "::1"].includes(env().HOST);
  for (const m of mails) {
    if (local) {
      log.warn("mail not sent (SMTP_URL is not set; this server is local, so here it is)", { to: m.to_address, subject: m.subject, body: m.body_text });
      await markFailed(db, m.id, "not sent: SMTP_URL is not set (printed to the local server's log)");
    } else {
      log.warn("mail not sent: SMTP_URL is not set", { mailId: m.id, kind: "account" });
      await markFailed(db, m.id, "not sent: SMTP_URL is not set");
    }
  }
  return mails.length;
}

/** Fire-and-forget delivery after a commit; errors are recorded on the row, never thrown at the user. */
export function kickMailDelivery(db: Kysely<Database>): void {
  const job = smtpConfigured() ? deliverPendingMail(db) : printAccountMailWithoutSmtp(db);
  job.catch((e: unknown) => log.error("mail delivery crashed", { error: String(e) }));
}
