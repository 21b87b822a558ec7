// Delivery of the mail outbox. Every mail is first a row (queued in the transaction that caused it);
// this sends pending rows by SMTP when SMTP_URL is set, then removes the link tokens from the stored
// body (the recipient has them; nobody else should). Without SMTP the rows stay in the outbox, where
// admins see recipients, subjects and status, never links (the officer who invites a supplier copies
// that link once, on the assessment page); tests read the rows in the database.
import nodemailer from "nodemailer";
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import { env } from "./env.server";
import { log } from "./logger.server";
import { claimMail, listUndelivered, listUntriedAccountMail, markFailed, markSent } from "~/models/outbox.server";
import { serverId } from "./server-id.server";
import { redactLinkTokens } from "~/domain/mail/links";
import { systemPath } from "~db/scope";

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

/**
 * One Message-ID per outbox mail, the same on every attempt: delivery is at least once (a server that
 * dies between the SMTP answer and markSent, or two servers delivering the same pending mail, sends it
 * again), and a copy under the same Message-ID is the same message to mail systems and to people.
 */
function messageIdOf(m: { id: number; created_at: string }): string {
  return `<outbox-${m.id}.${Date.parse(m.created_at)}@${new URL(env().appUrl).hostname}>`;
}

/** Sends what is pending; returns how many were sent. Safe to call often (after a commit, or on a timer). */
async function deliverPendingMailAsSystem(db: Kysely<Database>): Promise<number> {
  const t = getTransport();
  if (!t) return 0;
  const pending = await listUndelivered(db, MAX_ATTEMPTS, 50);
  const holder = serverId();
  // A claim whose server died before it could mark the mail sent is taken over after the job lease
  // (the mail may then go out twice, under the same Message-ID: delivery is at least once).
  const staleBefore = new Date(Date.now() - env().JOB_LEASE_MS).toISOString();
  let sent = 0;
  for (const m of pending) {
    if (!(await claimMail(db, m.id, holder, staleBefore))) continue;
    try {
      await t.sendMail({ from: env().MAIL_FROM, to: m.to_address, subject: m.subject, text: m.body_text, messageId: messageIdOf(m) });
      await markSent(db, m.id, redactLinkTokens(m.body_text));
      sent++;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      await markFailed(db, m.id, message);
      log.warn("mail delivery failed", { mailId: m.id, attempt: m.attempts + 1, error: message });
    }
  }
  return sent;
}
export const deliverPendingMail = systemPath("mail delivery: the outbox of every tenant", deliverPendingMailAsSystem);

/**
 * Without SMTP, account mail (sign-up confirmation, password reset) cannot reach its owner, and its
 * link must reach nobody else: it is never printed to the server log, except when a developer sets
 * MAIL_LOG_LINKS=1 on a server that is not in production. Each such mail is marked tried once.
 */
async function printAccountMailWithoutSmtpAsSystem(db: Kysely<Database>): Promise<number> {
  const mails = await listUntriedAccountMail(db, 50);
  const e = env();
  const print = e.MAIL_LOG_LINKS && e.NODE_ENV !== "production";
  for (const m of mails) {
    if (print) {
      log.warn("mail not sent (SMTP_URL is not set; MAIL_LOG_LINKS=1, so here it is)", {
        to: m.to_address,
        subject: m.subject,
        body: m.body_text,
      });
      await markFailed(db, m.id, "not sent: SMTP_URL is not set (printed to the server log: MAIL_LOG_LINKS=1)");
    } else {
      log.warn("mail not sent: SMTP_URL is not set", { mailId: m.id, kind: "account" });
      await markFailed(db, m.id, "not sent: SMTP_URL is not set");
    }
  }
  return mails.length;
}
export const printAccountMailWithoutSmtp = systemPath("mail delivery: account mail without SMTP", printAccountMailWithoutSmtpAsSystem);

/** Fire-and-forget delivery after a commit; errors are recorded on the row, never thrown at the user. */
export function kickMailDelivery(db: Kysely<Database>): void {
  const job = smtpConfigured() ? deliverPendingMail(db) : printAccountMailWithoutSmtp(db);
  job.catch((e: unknown) => log.error("mail delivery crashed", { error: String(e) }));
}
