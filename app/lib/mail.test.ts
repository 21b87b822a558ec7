// Delivery through a real SMTP conversation with a tiny in-process SMTP server.
import net from "node:net";
import { afterAll, afterEach, beforeAll, expect, it, vi } from "vitest";
import { describeEachEngine } from "~/test/support";
import { deliverPendingMail, printAccountMailWithoutSmtp } from "./mail.server";
import { resetEnvCache } from "./env.server";
import { log } from "./logger.server";
import { enqueueMail } from "~/models/outbox.server";

let server: net.Server;
let port = 0;
const received: Array<{ from: string; to: string[]; data: string }> = [];

beforeAll(async () => {
  server = net.createServer((sock) => {
    let buf = "";
    let inData = false;
    let cur = { from: "", to: [] as string[], data: "" };
    sock.write("220 test ESMTP\r\n");
    sock.on("data", (chunk) => {
      buf += chunk.toString("utf8");
      let i: number;
      while ((i = buf.indexOf("\r\n")) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            received.push(cur);
            cur = { from: "", to: [], data: "" };
            sock.write("250 queued\r\n");
          } else cur.data += line + "\n";
          continue;
        }
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === "EHLO" || cmd === "HELO") sock.write("250 test\r\n");
        else if (cmd === "MAIL") {
          cur.from = line;
          sock.write("250 ok\r\n");
        } else if (cmd === "RCPT") {
          cur.to.push(line);
          sock.write("250 ok\r\n");
        } else if (cmd === "DATA") {
          inData = true;
          sock.write("354 go\r\n");
        } else if (cmd === "QUIT") sock.end("221 bye\r\n");
        else sock.write("250 ok\r\n");
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
afterEach(() => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_LOG_LINKS;
  process.env.NODE_ENV = "test";
  resetEnvCache();
  vi.restoreAllMocks();
});

const TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde";

describeEachEngine("mail outbox", (h) => {
  it("sends queued mail by SMTP when SMTP_URL is set and marks it sent", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    resetEnvCache();
    const id = await enqueueMail(h().db, {
      orgId: null,
      kind: "test",
      to: "someone@example.com",
      subject: "Hello",
      text: "Body line with a link http://x/y",
    });
    const before = received.length;
    expect(await deliverPendingMail(h().db)).toBeGreaterThanOrEqual(1);
    expect(received.length).toBeGreaterThan(before);
    const last = received.at(-1)!;
    expect(last.to.join()).toContain("someone@example.com");
    expect(last.data).toContain("Subject: Hello");
    const row = await h().db.selectFrom("mail_outbox").select(["sent_at", "attempts"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.sent_at).not.toBeNull();
    expect(row.attempts).toBe(1);
  });

  it("gives a mail the same Message-ID on every delivery attempt, and another mail another one", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    resetEnvCache();
    const messageId = (data: string) => /^Message-ID: (.+)$/im.exec(data)?.[1];
    const sfx = Math.random().toString(36).slice(2, 8); // both engines share the SMTP server's list
    const id = await enqueueMail(h().db, { orgId: null, kind: "test", to: `twice.${sfx}@example.com`, subject: "Twice", text: "x" });
    await deliverPendingMail(h().db);
    const first = received.filter((r) => r.to.join().includes(`twice.${sfx}@`)).map((r) => messageId(r.data));
    // As if the server died after the SMTP answer and before markSent: the mail goes out again.
    await h().db.updateTable("mail_outbox").set({ sent_at: null }).where("id", "=", id).execute();
    await enqueueMail(h().db, { orgId: null, kind: "test", to: `other.${sfx}@example.com`, subject: "Other", text: "y" });
    await deliverPendingMail(h().db);
    const twice = received.filter((r) => r.to.join().includes(`twice.${sfx}@`)).map((r) => messageId(r.data));
    const other = received.filter((r) => r.to.join().includes(`other.${sfx}@`)).map((r) => messageId(r.data));
    expect(first).toHaveLength(1);
    expect(twice).toEqual([first[0], first[0]]);
    expect(first[0]).toMatch(new RegExp(`^<outbox-${id}\\.\\d+@localhost>$`));
    expect(other[0]).toBeTruthy();
    expect(other[0]).not.toBe(first[0]);
  });

  it("sends each mail once when deliveries overlap (the periodic one and one a commit kicked, on one server or two)", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    resetEnvCache();
    const sfx = Math.random().toString(36).slice(2, 8);
    const to = (i: number) => `overlap${i}.${sfx}@example.com`;
    for (let i = 0; i < 5; i++) await enqueueMail(h().db, { orgId: null, kind: "test", to: to(i), subject: "Once", text: "z" });
    const sent = await Promise.all([deliverPendingMail(h().db), deliverPendingMail(h().db), deliverPendingMail(h().db)]);
    const got = (i: number) => received.filter((r) => r.to.join().includes(to(i))).length;
    expect([0, 1, 2, 3, 4].map(got)).toEqual([1, 1, 1, 1, 1]);
    expect(sent.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(5);
  });

  it("takes over a mail whose sender died after claiming it, once the claim is older than the job lease", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    resetEnvCache();
    const sfx = Math.random().toString(36).slice(2, 8);
    const id = await enqueueMail(h().db, { orgId: null, kind: "test", to: `claimed.${sfx}@example.com`, subject: "Claimed", text: "c" });
    const claim = (at: Date) =>
      h().db.updateTable("mail_outbox").set({ claimed_by: "dead-server", claimed_at: at.toISOString() }).where("id", "=", id).execute();
    await claim(new Date());
    await deliverPendingMail(h().db);
    expect(received.filter((r) => r.to.join().includes(`claimed.${sfx}@`))).toHaveLength(0);
    await claim(new Date(Date.now() - 61_000));
    await deliverPendingMail(h().db);
    expect(received.filter((r) => r.to.join().includes(`claimed.${sfx}@`))).toHaveLength(1);
  });

  it("records a failure on the row and keeps the mail for a retry when SMTP is down", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:1"; // nothing listens there
    resetEnvCache();
    const id = await enqueueMail(h().db, { orgId: null, kind: "test", to: "down@example.com", subject: "Down", text: "x" });
    await h().db.updateTable("mail_outbox").set({ sent_at: "2000-01-01T00:00:00.000Z" }).where("id", "!=", id).execute();
    expect(await deliverPendingMail(h().db)).toBe(0);
    const row = await h()
      .db.selectFrom("mail_outbox")
      .select(["sent_at", "attempts", "last_error"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.sent_at).toBeNull();
    expect(row.attempts).toBe(1);
    expect(row.last_error).toBeTruthy();
  });

  it("removes the link token from a delivered mail's stored body; the recipient got the whole link", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    resetEnvCache();
    const id = await enqueueMail(h().db, {
      orgId: null,
      kind: "team-invite",
      to: "invitee@example.com",
      subject: "Join",
      text: `Accept:\n\nhttp://localhost:3000/join/${TOKEN}\n`,
    });
    expect(await deliverPendingMail(h().db)).toBeGreaterThanOrEqual(1);
    expect(received.at(-1)!.data).toContain(TOKEN);
    const row = await h().db.selectFrom("mail_outbox").select(["sent_at", "body_text"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.sent_at).not.toBeNull();
    expect(row.body_text).not.toContain(TOKEN);
    expect(row.body_text).toContain("http://localhost:3000/join/[link removed]");
  });

  it("without SMTP, never prints account mail links to the server log unless MAIL_LOG_LINKS=1 outside production", async () => {
    const warn = vi.spyOn(log, "warn");
    const printed = () => warn.mock.calls.some((c) => JSON.stringify(c).includes(TOKEN));
    const queue = () =>
      enqueueMail(h().db, {
        orgId: null,
        kind: "password-reset",
        to: "a@example.com",
        subject: "Reset",
        text: `http://localhost:3000/reset-password/${TOKEN}`,
      });

    const a = await queue();
    expect(await printAccountMailWithoutSmtp(h().db)).toBeGreaterThanOrEqual(1);
    expect(await printAccountMailWithoutSmtp(h().db)).toBe(0); // once
    expect(printed()).toBe(false); // a local server (HOST 127.0.0.1) no longer prints it either
    const row = await h().db.selectFrom("mail_outbox").select(["last_error"]).where("id", "=", a).executeTakeFirstOrThrow();
    expect(row.last_error).toMatch(/SMTP_URL is not set/);

    process.env.MAIL_LOG_LINKS = "1";
    process.env.NODE_ENV = "production";
    resetEnvCache();
    await queue();
    await printAccountMailWithoutSmtp(h().db);
    expect(printed()).toBe(false); // never in production

    process.env.NODE_ENV = "development";
    resetEnvCache();
    await queue();
    await printAccountMailWithoutSmtp(h().db);
    expect(printed()).toBe(true); // the explicit development switch
  });
});
