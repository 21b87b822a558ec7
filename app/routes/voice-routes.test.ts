// The worker-voice public pages as plain form posts (no JavaScript): the form and its answer set no
// cookie; a report without a category answers 400 in the worker's language; the case number and
// passphrase open the case; an unknown code is 404. And the request log never sees these paths.
import { expect, it } from "vitest";
import { contextFor, cookieFor, describeEachEngine, get, makeOrg, post, responseOf } from "~/test/support";
import { CaseActionSchema, ReportSchema } from "~/schemas/voice";
import { startAssessments } from "~/services/assessments.server";
import { openSupplierSession, sendAssessmentInvite } from "~/services/invites.server";
import { actOnCase, grievanceList } from "~/services/grievances.server";
import { fileReport } from "~/services/voice-report.server";
import * as portal from "./s.portal.actions";
import type { OrgIdentity } from "~/lib/auth.server";
import { SupplierSchema } from "~/schemas/supplier";
import { createSupplier } from "~/services/suppliers.server";
import { createChannel, supplierChannels } from "~/services/voice-channels.server";
import { dbSnapshot } from "~/test/db-snapshot";
import * as form from "./v.$code";
import * as casePage from "./v.$code_.case";
import * as dashboard from "./o.$org._index";

const IP = "198.51.100.201";

describeEachEngine("worker voice routes", (h) => {
  async function channel(slug: string) {
    const org = await makeOrg(h(), slug, [[`a@${slug}.test`, "admin"]]);
    const id: OrgIdentity = {
      user: { sessionId: "s", userId: org.users[`a@${slug}.test`]!, email: `a@${slug}.test`, name: "A" },
      org: { id: org.orgId, slug, name: slug },
      role: "admin",
    };
    const s = await createSupplier(h().db, id, SupplierSchema.parse({ name: "Dhaka Knit", country: "BD" }), "10.0.0.1");
    if (!s.ok) throw new Error(s.message);
    await createChannel(h().db, id, s.value.id, ["bn", "en"]);
    return (await supplierChannels(h().db, id, s.value.id))[0]!.code;
  }
  const ctx = () => contextFor(h(), IP);
  const call = async (fn: () => Promise<unknown>) => {
    const r = (await fn()) as Response;
    return {
      status: r.status,
      cookie: r.headers.get("Set-Cookie"),
      referrer: r.headers.get("Referrer-Policy"),
      body: (await r.json()) as never,
    };
  };

  it("shows the form in the poster's first language and sets no cookie", async () => {
    const code = await channel("vr-a");
    const r = await call(() => form.loader({ request: get(`/v/${code}`), params: { code }, context: ctx() }));
    expect(r.status).toBe(200);
    expect(r.cookie).toBeNull();
    expect(r.referrer).toBe("no-referrer");
    expect((r.body as { lang: string }).lang).toBe("bn");
    const none = await call(() => form.loader({ request: get(`/v/nosuchcode`), params: { code: "nosuchcode" }, context: ctx() }));
    expect(none.status).toBe(404);
  });

  it("takes a plain form post, answers the case number and passphrase, and stores no address", async () => {
    const code = await channel("vr-b");
    const bad = await call(() =>
      form.action({ request: post(`/v/${code}`, { lang: "bn", happened: "ongoing", details: "ফি" }), params: { code }, context: ctx() }),
    );
    expect(bad.status).toBe(400);
    expect(bad.cookie).toBeNull();
    expect((bad.body as { fieldErrors: { category: string } }).fieldErrors.category).toBe("কী হয়েছে তা বেছে নিন।");
    expect((bad.body as { values: { details: string } }).values.details).toBe("ফি");

    const long = await call(() =>
      form.action({
        request: post(`/v/${code}`, { lang: "en", category: "fees", happened: "ongoing", details: "x".repeat(4001) }),
        params: { code },
        context: ctx(),
      }),
    );
    expect(long.status).toBe(400);
    expect((long.body as { fieldErrors: { details: string } }).fieldErrors.details).toMatch(/at most 4000 characters/);

    const good = await call(() =>
      form.action({
        request: post(`/v/${code}`, { lang: "bn", category: "fees", happened: "this_month", details: "এজেন্টকে ফি দিয়েছি" }),
        params: { code },
        context: ctx(),
      }),
    );
    expect(good.status).toBe(200);
    expect(good.cookie).toBeNull();
    const filed = (good.body as { filed: { caseNumber: string; passphrase: string } }).filed;
    expect(filed.caseNumber).toMatch(/^\w{3}-\w{3}-\w{3}$/);
    expect(JSON.stringify(await dbSnapshot(h()))).not.toContain(IP);

    const wrong = await call(() =>
      casePage.action({
        request: post(`/v/${code}/case`, { lang: "bn", caseNumber: filed.caseNumber, passphrase: "not it" }),
        params: { code },
        context: ctx(),
      }),
    );
    expect(wrong.status).toBe(404);
    expect((wrong.body as { formError: string }).formError).toBe("কেস নম্বর বা গোপন শব্দ সঠিক নয়।");
    const read = await call(() =>
      casePage.action({
        request: post(`/v/${code}/case`, { lang: "bn", caseNumber: filed.caseNumber, passphrase: filed.passphrase }),
        params: { code },
        context: ctx(),
      }),
    );
    expect(read.status).toBe(200);
    expect(read.cookie).toBeNull();
    expect((read.body as { view: { status: string } }).view.status).toBe("received");
  });
});

describeEachEngine("worker voice and the supplier portal", (h) => {
  it("puts the grievance counts on the dashboard: exact for admins, 'fewer than 5' for executives, absent without a case", async () => {
    const org = await makeOrg(h(), "vr-dash", [
      ["a@vr-dash.test", "admin"],
      ["x@vr-dash.test", "executive"],
    ]);
    const id: OrgIdentity = {
      user: { sessionId: "s", userId: org.users["a@vr-dash.test"]!, email: "a@vr-dash.test", name: "A" },
      org: { id: org.orgId, slug: "vr-dash", name: "vr-dash" },
      role: "admin",
    };
    const s = await createSupplier(h().db, id, SupplierSchema.parse({ name: "Dhaka Knit", country: "BD" }), "10.0.0.1");
    if (!s.ok) throw new Error(s.message);
    await createChannel(h().db, id, s.value.id, ["bn", "en"]);
    const code = (await supplierChannels(h().db, id, s.value.id))[0]!.code;
    type Counts = { grievances: null | { masked: boolean; byCategory: Array<{ category: string; count: number | string }> } };
    const view = async (email: string) => {
      const cookie = await cookieFor(h(), org.users[email]!);
      const r = await responseOf(() =>
        dashboard.loader({ request: get("/o/vr-dash", cookie), params: { org: "vr-dash" }, context: ctx() }),
      );
      expect(r.status).toBe(200);
      return ((await r.json()) as Counts).grievances;
    };
    expect(await view("a@vr-dash.test")).toBeNull();
    const filed = await fileReport(
      h().db,
      code,
      ReportSchema.parse({ category: "fees", happened: "ongoing", details: "fee", lang: "en" }),
      IP,
    );
    expect(filed.ok).toBe(true);
    const admin = await view("a@vr-dash.test");
    expect(admin?.masked).toBe(false);
    expect(admin?.byCategory.find((c) => c.category === "fees")?.count).toBe(1);
    const exec = await view("x@vr-dash.test");
    expect(exec?.masked).toBe(true);
    expect(exec?.byCategory.find((c) => c.category === "fees")?.count).toBe("fewer than 5");
  });

  it("never shows the supplier an internal action opened from a grievance, nor lets it reply to one", async () => {
    const org = await makeOrg(h(), "vr-portal", [["a@vr-portal.test", "admin"]]);
    const id: OrgIdentity = {
      user: { sessionId: "s", userId: org.users["a@vr-portal.test"]!, email: "a@vr-portal.test", name: "A" },
      org: { id: org.orgId, slug: "vr-portal", name: "VR" },
      role: "admin",
    };
    const s = await createSupplier(h().db, id, SupplierSchema.parse({ name: "Portal Knit", country: "BD" }), "10.0.0.1");
    if (!s.ok) throw new Error(s.message);
    const { created } = await startAssessments(h().db, id, [s.value.id], { dueAt: null, language: "en" }, "ip");
    await sendAssessmentInvite(h().db, id, created[0]!, { email: "hr@portal-knit.test", language: "en" }, "ip");
    const mail = await h()
      .db.selectFrom("mail_outbox")
      .select("body_text")
      .where("to_address", "=", "hr@portal-knit.test")
      .executeTakeFirstOrThrow();
    const opened = await openSupplierSession(h().db, /\/s\/([A-Za-z0-9_-]{43})/.exec(mail.body_text)![1]!);
    if (!("cookie" in opened)) throw new Error("link not open");
    const cookie = opened.cookie.split(";")[0]!;

    await createChannel(h().db, id, s.value.id, ["bn", "en"]);
    const code = (await supplierChannels(h().db, id, s.value.id))[0]!.code;
    const filed = await fileReport(
      h().db,
      code,
      ReportSchema.parse({ category: "fees", happened: "ongoing", details: "", lang: "bn" }),
      IP,
    );
    if (!filed.ok) throw new Error(filed.message);
    const [c] = await grievanceList(h().db, id, {});
    for (const [version, body] of [
      ["1", { intent: "status", to: "acknowledged" }],
      ["2", { intent: "status", to: "substantiated", openAction: "on" }],
    ] as const) {
      const r = await actOnCase(h().db, id, c!.id, CaseActionSchema.parse({ version, ...body }));
      expect(r.ok).toBe(true);
    }
    const internal = await h()
      .db.selectFrom("corrective_actions")
      .select(["id", "title"])
      .where("grievance_case_id", "=", c!.id)
      .executeTakeFirstOrThrow();
    expect(internal.title).toContain(filed.value.caseNumber);

    const page = await responseOf(() => portal.loader({ request: get("/s/portal/actions", cookie), params: {}, context: ctx() }));
    const text = await page.text();
    expect(page.status).toBe(200);
    expect(text).not.toContain(filed.value.caseNumber);
    expect(text).not.toMatch(/grievance/i);
    const fd = new FormData();
    fd.set("actionId", String(internal.id));
    fd.set("version", "1");
    fd.set("body", "We deny it");
    const reply = await responseOf(() =>
      portal.action({
        request: new Request("http://localhost/s/portal/actions", { method: "POST", body: fd, headers: { Cookie: cookie } }),
        params: {},
        context: ctx(),
      }),
    );
    expect(reply.status).toBe(404);
    const events = await h().db.selectFrom("action_events").select("kind").where("action_id", "=", internal.id).execute();
    expect(events.map((e) => e.kind)).not.toContain("supplier_reply");
  });
  const ctx = () => contextFor(h(), IP);
});
