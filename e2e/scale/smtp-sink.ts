// A mail sink on loopback for the app servers' SMTP_URL (the smtp-server package, by nodemailer's
// author): it accepts every message and keeps its Message-ID, recipient and subject, so the proof can
// tell whether each outbox mail arrived, and whether any arrived twice under two Message-IDs (a copy
// with the same Message-ID is the same message, which a mail system folds).
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";

export interface SunkMail {
  messageId: string;
  to: string;
  subject: string;
  at: number;
}

export interface Sink {
  url: string;
  mails: SunkMail[];
  close(): Promise<void>;
}

/** RFC 2047 encoded words (=?utf-8?Q?…?= / =?utf-8?B?…?=), as nodemailer writes a non-ASCII subject. */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_all, _charset: string, enc: string, text: string) => {
      if (enc.toUpperCase() === "B") return Buffer.from(text, "base64").toString("utf8");
      const bytes = text.replace(/_/g, " ").replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
      return Buffer.from(bytes, "latin1").toString("utf8");
    });
}

/** The header fields of a raw message (folded lines joined), by lower-case name. */
export function headersOf(raw: string): Record<string, string> {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? "";
  const out: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const at = line.indexOf(":");
    if (at > 0) out[line.slice(0, at).trim().toLowerCase()] ??= line.slice(at + 1).trim();
  }
  return out;
}

export async function startSink(): Promise<Sink> {
  const mails: SunkMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disableReverseLookup: true, // every client is 127.0.0.1: no DNS lookup per connection
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const h = headersOf(Buffer.concat(chunks).toString("utf8"));
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase()).join(",");
        mails.push({ messageId: h["message-id"] ?? "(none)", to, subject: decodeWords(h["subject"] ?? ""), at: Date.now() });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
