// The outbox page never shows a live link: with SMTP configured it lists recipients, subjects and
// delivery status; without SMTP it is the same list (the officer copies a supplier link once, where
// it was created). Mail bodies keep their text, with every link token removed.
import { afterEach, expect, it } from "vitest";
import { contextFor, cookieFor, describeEachEngine, get, makeOrg, responseOf } from "~/test/support";
import { resetEnvCache } from "~/lib/env.server";
import { enqueueMail } from "~/models/outbox.server";
import * as outbox from "./o.$org.outbox";

const TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde";

afterEach(() => {
  delete process.env.SMTP_URL;
  resetEnvCache();
});

describeEachEngine("outbox page", (h) => {
  it("shows recipients, subjects and status, never a live token, with or without SMTP", async () => {
    const { orgId, users } = await makeOrg(h(), "box", [["admin@box.test", "admin"]]);
    const admin = await cookieFor(h(), users["admin@box.test"]!);
    await enqueueMail(h().db, {
      orgId,
      kind: "team-invite",
      to: "invitee@box.test",
      subject: "Join Box",
      text: `Accept:\n\nhttp://localhost:3000/join/${TOKEN}\n`,
    });
    await enqueueMail(h().db, {
      orgId,
      kind: "supplier-invite",
      to: "supplier@box.test",
      subject: "Questionnaire",
      text: `Open: http://localhost:3000/s/${TOKEN}`,
    });
    const load = async () => {
      const r = await responseOf(() =>
        outbox.loader({ request: get("/o/box/outbox", admin), params: { org: "box" }, context: contextFor(h()) }),
      );
      expect(r.status).toBe(200);
      return r.text();
    };
    for (const smtp of [undefined, "smtp://127.0.0.1:1"]) {
      if (smtp) process.env.SMTP_URL = smtp;
      resetEnvCache();
      const text = await load();
      expect(text, smtp ?? "no smtp").toContain("invitee@box.test");
      expect(text).toContain("Join Box");
      expect(text).toContain("Questionnaire");
      expect(text, smtp ?? "no smtp").not.toContain(TOKEN);
      expect(text).toContain("[link removed]");
    }
  });
});
