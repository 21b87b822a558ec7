// Webhooks against a real database (both engines) and a real receiver on loopback (allowed through the
// test-only WEBHOOK_TEST_ALLOW_ORIGINS): subscription-time and delivery-time address checks (a
// rebinding resolver), the connection pinned to the checked address, signatures the documented
// snippet accepts, the retry schedule, pausing a subscription that keeps failing (admins mailed), each
// event enqueued by its real trigger, tenant isolation, and grievance events without reporter data.
import http from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "~db/client";
import { seedReferenceData } from "~db/seed/reference";
import { describeEachEngine, makeOrg, withTemporaryEvidenceDir } from "~/test/support";
import type { OrgIdentity } from "~/lib/auth.server";
import type { Role } from "~/domain/permissions";
import { resetEnvCache } from "~/lib/env.server";
import { VERIFY_SNIPPET } from "~/domain/webhooks/snippet";
import { MAX_ATTEMPTS } from "~/domain/webhooks/retry";
import type { Resolver } from "~/lib/webhook-target.server";
import { postPinned, type Poster } from "~/lib/webhook-http.server";
import { setFourEyes } from "~/models/decision.server";
import { ATHENS_V2, allQuestions } from "~/domain/questionnaire";
import { BEST } from "~/domain/questionnaire/test-fixtures";
import { SupplierSchema } from "~/schemas/supplier";
import { NewActionSchema } from "~/schemas/action";
import { ReportSchema } from "~/schemas/voice";
import { actOnWebhook, createWebhook, listWebhooks, webhookDetail } from "./webhooks.server";
import { deliverWebhooks } from "./webhook-delivery.server";
import { emitEvents, emitOverdueActions } from "./webhook-events.server";
import { createSupplier, updateSupplier } from "./suppliers.server";
import { startAssessments } from "./assessments.server";
import { saveAnswer, submitAssessment } from "./assessment-answers.server";
import { approveAssessment } from "./assessment-review.server";
import { uploadEvidence } from "./evidence.server";
import { createManualAction } from "./actions.server";
import { createChannel, supplierChannels } from "./voice-channels.server";
import { fileReport } from "./voice-report.server";
import { forgetReferenceData } from "./risk.server";
import { commitCsv } from "./import-commit.server";
import { suggestMapping } from "~/domain/csv/mapping";
import { parseSupplierCsv } from "~/domain/csv/parse";

type Verify = (header: string, body: string, secret: string, toleranceSeconds?: number) => boolean;
const verifyLantern = new Function("require", `${VERIFY_SNIPPET}\nreturn verifyLantern;`)(createRequire(import.meta.url)) as Verify;

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const MIN = 60_000;
const PUBLIC: Resolver = async () => [{ address: "93.184.215.14", family: 4 }];

withTemporaryEvidenceDir("lantern-webhooks-");

// The loopback receiver: records every request and answers `status`.
const receiver = { status: 200, hits: [] as Array<{ headers: http.IncomingHttpHeaders; body: string; url: string }> };
let server: http.Server;
let origin = "";
beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      receiver.hits.push({ headers: req.headers, body, url: req.url ?? "" });
      res.writeHead(receiver.status).end("thanks");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.WEBHOOK_TEST_ALLOW_ORIGINS = origin;
  resetEnvCache();
});
afterAll(async () => {
  delete process.env.WEBHOOK_TEST_ALLOW_ORIGINS;
  resetEnvCache();
  await new Promise((r) => server.close(r));
});

async function world(db: Db) {
  const slug = `wh-${Math.random().toString(36).slice(2, 8)}`;
  const admins = [`admin@${slug}.test`, `admin2@${slug}.test`];
  const officer = `officer@${slug}.test`;
  const org = await makeOrg(db, slug, [
    [admins[0]!, "admin"],
    [admins[1]!, "admin"],
    [officer, "compliance"],
  ]);
  await setFourEyes(db.db, org.orgId, false);
  const ident = (email: string, role: Role, o = org, s = slug): OrgIdentity => ({
    user: { sessionId: "s", userId: o.users[email]!, email, name: email.split("@")[0]! },
    org: { id: o.orgId, slug: s, name: s.toUpperCase() },
    role,
  });
  const otherSlug = `other-${slug}`;
  const other = await makeOrg(db, otherSlug, [[`admin@${otherSlug}.test`, "admin"]]);
  return {
    slug,
    orgId: org.orgId,
    admins,
    admin: ident(admins[0]!, "admin"),
    officer: ident(officer, "compliance"),
    foreign: ident(`admin@${otherSlug}.test`, "admin", other, otherSlug),
  };
}
type World = Awaited<ReturnType<typeof world>>;

describeEachEngine("webhooks", (h) => {
  beforeAll(async () => {
    await seedReferenceData(h().db);
    forgetReferenceData();
  });
  const deliveries = (subId: number) =>
    h().db.selectFrom("webhook_deliveries").selectAll().where("subscription_id", "=", subId).orderBy("id").execute();
  async function subscribe(w: World, events: string[] = ["supplier.risk_band_changed"], url = `${origin}/hook`, resolver = PUBLIC) {
    const r = await createWebhook(h().db, w.admin, { url, description: null, events }, "ip", resolver);
    if (!r.ok) throw new Error(r.message);
    return r.value;
  }
  /** Delivers until every queued delivery of the subscription has been tried. */
  async function settle(subId: number) {
    for (let i = 0; i < 50; i++) {
      await deliverWebhooks(h().db);
      if ((await deliveries(subId)).every((d) => d.status !== "pending" || d.attempts > 0)) return;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it("refuses unsafe addresses when subscribing: a clear field error, nothing stored", async () => {
    const w = await world(h());
    const cases: Array<[string, Resolver, RegExp]> = [
      ["http://hooks.example.com/in", PUBLIC, /https/],
      ["https://127.0.0.1/in", PUBLIC, /loopback/],
      ["https://0x7f000001/in", PUBLIC, /loopback/],
      ["https://[::ffff:169.254.169.254]/in", PUBLIC, /cloud metadata/],
      ["https://metadata.google.internal/computeMetadata/v1/", PUBLIC, /internal name/],
      ["https://u:p@hooks.example.com/in", PUBLIC, /user name or password/],
      ["https://intranet.example.com/in", async () => [{ address: "10.0.0.5", family: 4 }], /private/],
      ["https://mixed.example.com/in", async () => [PUBLIC_ADDR, { address: "fd00:ec2::254", family: 6 }], /cloud metadata/],
      ["https://gone.example.com/in", async () => Promise.reject(new Error("ENOTFOUND")), /could not be found/],
      [`${origin.replace("127.0.0.1", "localhost")}/hook`, PUBLIC, /https/],
    ];
    for (const [url, resolver, message] of cases) {
      const r = await createWebhook(h().db, w.admin, { url, description: null, events: ["assessment.submitted"] }, "ip", resolver);
      expect(r, url).toMatchObject({ ok: false, kind: "invalid", field: "url" });
      if (!r.ok) expect(r.message, url).toMatch(message);
    }
    expect(await listWebhooks(h().db, w.orgId)).toEqual([]);
  });

  it("subscribes a public address, shows the secret once and audits without it", async () => {
    const w = await world(h());
    const { id, secret } = await subscribe(w, ["assessment.submitted"], "https://hooks.example.com/lantern");
    expect(secret).toMatch(/^whsec_/);
    const listed = await listWebhooks(h().db, w.orgId);
    expect(listed).toMatchObject([{ id, url: "https://hooks.example.com/lantern", events: ["assessment.submitted"], status: "active" }]);
    expect(JSON.stringify(listed)).not.toContain(secret);
    const audit = await h()
      .db.selectFrom("audit_log")
      .selectAll()
      .where("org_id", "=", w.orgId)
      .where("action", "like", "webhook.%")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["webhook.created"]);
    expect(JSON.stringify(audit)).not.toContain(secret);
    const rotated = await actOnWebhook(h().db, w.admin, id, { intent: "rotate" }, "ip");
    expect(rotated).toMatchObject({ ok: true, value: { done: "rotate" } });
    if (rotated.ok && rotated.value.done === "rotate") expect(rotated.value.secret).not.toBe(secret);
  });

  it("sends a test event to the loopback receiver, signed as documented; the log shows the 200", async () => {
    const w = await world(h());
    const { id, secret } = await subscribe(w);
    receiver.status = 200;
    const before = receiver.hits.length;
    expect(await actOnWebhook(h().db, w.admin, id, { intent: "test" }, "ip")).toEqual({ ok: true, value: { done: "test" } });
    await settle(id);
    const hits = receiver.hits.slice(before);
    expect(hits).toHaveLength(1);
    const hit = hits[0]!;
    expect(hit.url).toBe("/hook");
    expect(verifyLantern(String(hit.headers["lantern-signature"]), hit.body, secret)).toBe(true);
    const payload = JSON.parse(hit.body) as { id: string; type: string; version: number; organisation: { slug: string } };
    expect(payload).toMatchObject({ version: 1, type: "webhook.test", organisation: { slug: w.slug } });
    expect(hit.headers["lantern-event-id"]).toBe(payload.id);
    expect(hit.headers["content-type"]).toBe("application/json");
    const detail = await webhookDetail(h().db, w.orgId, id);
    expect(detail.ok && detail.value.log.attempts).toMatchObject([{ eventType: "webhook.test", attempt: 1, status: 200, error: null }]);
  });

  it("checks the address again at delivery: a rebinding DNS answer is refused and nothing is sent", async () => {
    const w = await world(h());
    const { id } = await subscribe(w, ["supplier.risk_band_changed"], "https://hooks.example.com/in");
    await emitEvents(h().db, w.orgId, [{ type: "webhook.test", data: {} }], { onlySubscription: id });
    const posted: unknown[] = [];
    const post: Poster = async (input) => {
      posted.push(input);
      return { status: 200, error: null };
    };
    const rebinding: Resolver = async () => [{ address: "127.0.0.1", family: 4 }];
    const r = await deliverWebhooks(h().db, { resolver: rebinding, post });
    expect(r).toEqual({ attempted: 1, delivered: 0 });
    expect(posted).toEqual([]);
    const [d] = await deliveries(id);
    expect(d).toMatchObject({ status: "pending", attempts: 1, last_status: null });
    expect(d!.last_error).toMatch(/Not sent: .*loopback/);
    // A public answer: the POST goes to exactly the address that was checked.
    await h().db.updateTable("webhook_deliveries").set({ next_attempt_at: "2000-01-01T00:00:00.000Z" }).where("id", "=", d!.id).execute();
    await deliverWebhooks(h().db, { resolver: PUBLIC, post });
    expect(posted).toMatchObject([{ address: "93.184.215.14", family: 4 }]);
    expect((posted[0] as { url: URL }).url.hostname).toBe("hooks.example.com");
  });

  it("connects to the pinned address whatever the name resolves to now", async () => {
    const before = receiver.hits.length;
    receiver.status = 204;
    const port = new URL(origin).port;
    // rebind.invalid resolves nowhere: the request can only reach the receiver through the pinned address.
    const r = await postPinned({
      url: new URL(`http://rebind.invalid:${port}/pinned`),
      address: "127.0.0.1",
      family: 4,
      headers: { "Content-Type": "application/json" },
      body: "{}",
      timeoutMs: 2000,
    });
    expect(r).toEqual({ status: 204, error: null });
    expect(receiver.hits.slice(before).map((x) => x.url)).toEqual(["/pinned"]);
  });

  it("retries a failing receiver with backoff and gives up after the last attempt", async () => {
    const w = await world(h());
    const { id } = await subscribe(w);
    receiver.status = 500;
    const t0 = Date.parse("2030-01-01T00:00:00.000Z");
    await emitEvents(h().db, w.orgId, [{ type: "webhook.test", data: {} }], { onlySubscription: id, now: new Date(t0) });
    let at = t0;
    const gaps: number[] = [];
    for (let n = 1; n <= MAX_ATTEMPTS; n++) {
      expect(await deliverWebhooks(h().db, { now: () => new Date(at - 1), random: () => 0.5 })).toEqual({ attempted: 0, delivered: 0 });
      expect(await deliverWebhooks(h().db, { now: () => new Date(at), random: () => 0.5 })).toEqual({ attempted: 1, delivered: 0 });
      const [d] = await deliveries(id);
      expect(d!.attempts).toBe(n);
      if (d!.next_attempt_at) {
        gaps.push((Date.parse(d!.next_attempt_at) - at) / MIN);
        at = Date.parse(d!.next_attempt_at);
      }
    }
    expect(gaps).toEqual([1, 3, 9, 27, 81, 243, 360]);
    const [d] = await deliveries(id);
    expect(d).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, last_status: 500, next_attempt_at: null });
    const detail = await webhookDetail(h().db, w.orgId, id);
    expect(detail.ok && detail.value.log.attempts.map((a) => a.status)).toEqual(new Array(MAX_ATTEMPTS).fill(500));
    receiver.status = 200;
  });

  it("pauses a subscription that failed 10 times in a row over a day, and mails the organisation's admins", async () => {
    const w = await world(h());
    const { id } = await subscribe(w);
    receiver.status = 503;
    const t0 = Date.parse("2031-01-01T00:00:00.000Z");
    const events = Array.from({ length: 12 }, () => ({ type: "webhook.test" as const, data: {} }));
    await emitEvents(h().db, w.orgId, events, { onlySubscription: id, now: new Date(t0) });
    await deliverWebhooks(h().db, { now: () => new Date(t0), random: () => 0 });
    expect((await listWebhooks(h().db, w.orgId))[0]).toMatchObject({ status: "active", consecutiveFailures: 12 });
    // A day later the retries fail again: that is a day of failures, and the subscription is paused.
    const r = await deliverWebhooks(h().db, { now: () => new Date(t0 + 24 * 3600_000), random: () => 0 });
    expect(r).toEqual({ attempted: 1, delivered: 0 });
    const [sub] = await listWebhooks(h().db, w.orgId);
    expect(sub).toMatchObject({ status: "paused", consecutiveFailures: 13 });
    expect(sub!.pausedReason).toMatch(/13 failed attempts/);
    const mails = await h()
      .db.selectFrom("mail_outbox")
      .selectAll()
      .where("org_id", "=", w.orgId)
      .where("kind", "=", "webhook_paused")
      .execute();
    expect(mails.map((m) => m.to_address).sort()).toEqual([...w.admins].sort());
    expect(mails[0]!.body_text).toContain(`/o/${w.slug}/settings/webhooks/${id}`);
    // Paused: nothing more is tried; resumed: the run of failures starts afresh and the events go out.
    expect(await deliverWebhooks(h().db, { now: () => new Date(t0 + 30 * 3600_000) })).toEqual({ attempted: 0, delivered: 0 });
    receiver.status = 200;
    expect(await actOnWebhook(h().db, w.admin, id, { intent: "resume" }, "ip")).toMatchObject({ ok: true });
    expect((await listWebhooks(h().db, w.orgId))[0]).toMatchObject({ status: "active", consecutiveFailures: 0, failingSince: null });
    const actions = await h()
      .db.selectFrom("audit_log")
      .select("action")
      .where("org_id", "=", w.orgId)
      .where("entity", "=", "webhook_subscription")
      .execute();
    expect(actions.map((a) => a.action)).toEqual(["webhook.created", "webhook.paused", "webhook.resumed"]);
  });

  it("keeps another organisation's webhooks and deliveries out of sight", async () => {
    const w = await world(h());
    const { id } = await subscribe(w);
    await emitEvents(h().db, w.orgId, [{ type: "webhook.test", data: {} }], { onlySubscription: id });
    expect(await webhookDetail(h().db, w.foreign.org.id, id)).toMatchObject({ ok: false, kind: "not_found" });
    for (const intent of ["test", "pause", "rotate", "delete"] as const) {
      expect(await actOnWebhook(h().db, w.foreign, id, { intent }, "ip")).toMatchObject({ ok: false, kind: "not_found" });
    }
    expect(await listWebhooks(h().db, w.foreign.org.id)).toEqual([]);
    expect(await deliveries(id)).toHaveLength(1);
  });

  it("queues a band change when a supplier's edit moves its risk band (not when it keeps its band)", async () => {
    const w = await world(h());
    const { id } = await subscribe(w, ["supplier.risk_band_changed"]);
    const created = await createSupplier(
      h().db,
      w.officer,
      SupplierSchema.parse({ name: "Fjord Knit", country: "DK", externalRef: "ERP-7" }),
      "ip",
    );
    if (!created.ok) throw new Error(created.message);
    expect(await deliveries(id)).toEqual([]); // a first score is no change of band
    const band = async () =>
      (await h().db.selectFrom("suppliers").select("risk_band").where("id", "=", created.value.id).executeTakeFirstOrThrow()).risk_band;
    const before = await band();
    const version = async () =>
      (await h().db.selectFrom("suppliers").select("version").where("id", "=", created.value.id).executeTakeFirstOrThrow()).version;
    const moved = SupplierSchema.parse({ name: "Fjord Knit", country: "KP", externalRef: "ERP-7", goods: ["cotton"] });
    expect(await updateSupplier(h().db, w.officer, created.value.id, await version(), moved, "ip")).toMatchObject({ ok: true });
    const after = await band();
    expect(after).not.toBe(before);
    const rows = await deliveries(id);
    expect(rows.map((r) => r.event_type)).toEqual(["supplier.risk_band_changed"]);
    expect(JSON.parse(rows[0]!.payload)).toMatchObject({
      version: 1,
      type: "supplier.risk_band_changed",
      data: { supplier: { id: created.value.id, name: "Fjord Knit", externalRef: "ERP-7" }, previousBand: before, band: after },
    });
    const renamed = SupplierSchema.parse({ name: "Fjord Knit AS", country: "KP", externalRef: "ERP-7", goods: ["cotton"] });
    expect(await updateSupplier(h().db, w.officer, created.value.id, await version(), renamed, "ip")).toMatchObject({ ok: true });
    expect(await deliveries(id)).toHaveLength(1);
  });

  it("queues a band change when an import (update policy: overwrite) moves a supplier to a riskier country", async () => {
    const w = await world(h());
    const { id } = await subscribe(w, ["supplier.risk_band_changed"]);
    const csv = (country: string) => `external_ref,name,country,goods\nERP-1,Fjord Knit,${country},\nERP-2,Nordic Dye,DK,\n`;
    const mapping = (text: string) => {
      const p = parseSupplierCsv(text);
      if (!p.ok) throw new Error(p.error);
      return suggestMapping(p.headers);
    };
    const actor = { orgId: w.orgId, userId: null, label: "erp@import", ip: null };
    expect(await commitCsv(h().db, actor, csv("DK"), mapping(csv("DK")))).toMatchObject({ ok: true });
    expect(await deliveries(id)).toEqual([]);
    const moved = csv("KP");
    expect(await commitCsv(h().db, actor, moved, mapping(moved), { options: { policy: "overwrite", resolutions: {} } })).toMatchObject({
      ok: true,
    });
    const rows = await deliveries(id);
    expect(rows.map((r) => JSON.parse(r.payload).data.supplier.externalRef)).toEqual(["ERP-1"]);
    expect(JSON.parse(rows[0]!.payload).data).toMatchObject({ previousBand: "low", trigger: "import" });
  });

  it("queues submitted and approved events from the questionnaire's submission and approval", async () => {
    const w = await world(h());
    const { id } = await subscribe(w, ["assessment.submitted", "assessment.approved"]);
    const supplier = await createSupplier(h().db, w.officer, SupplierSchema.parse({ name: "Mill", country: "BD" }), "ip");
    if (!supplier.ok) throw new Error(supplier.message);
    const actor = { kind: "officer" as const, id: w.officer };
    const { created } = await startAssessments(h().db, w.officer, [supplier.value.id], { dueAt: null, language: "en" }, "ip");
    const assessmentId = created[0]!;
    for (const { question } of allQuestions(ATHENS_V2)) {
      const value = BEST[question.key];
      if (question.type === "evidence" || value === undefined) continue;
      await saveAnswer(h().db, actor, assessmentId, question.key, { value, comment: null, baseRevision: 0 }, null);
    }
    await uploadEvidence(h().db, actor, assessmentId, "p1.written_policy", { name: "policy.pdf", bytes: PDF }, null);
    expect(await deliveries(id)).toEqual([]);
    expect(await submitAssessment(h().db, actor, assessmentId, null)).toEqual({ ok: true });
    const approved = await approveAssessment(
      h().db,
      w.officer,
      assessmentId,
      { reason: "Reviewed", acknowledged: ["unresolved_comments", "severe_flags"] },
      "ip",
    );
    expect(approved).toMatchObject({ ok: true, value: { approved: true } });
    const rows = await deliveries(id);
    expect(rows.map((r) => r.event_type)).toEqual(["assessment.submitted", "assessment.approved"]);
    expect(rows.map((r) => JSON.parse(r.payload).data)).toMatchObject([
      { assessment: { id: assessmentId, supplierId: supplier.value.id, status: "submitted" }, by: "officer" },
      { assessment: { id: assessmentId, supplierId: supplier.value.id, status: "approved" }, by: "officer" },
    ]);
  });

  it("queues action.overdue once when a corrective action falls due, from the periodic sweep", async () => {
    const w = await world(h());
    const { id } = await subscribe(w, ["action.overdue"]);
    const supplier = await createSupplier(h().db, w.officer, SupplierSchema.parse({ name: "Dye House", country: "IN" }), "ip");
    if (!supplier.ok) throw new Error(supplier.message);
    const due = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const input = NewActionSchema.parse({ supplierId: supplier.value.id, title: "Return passports", ownerUserId: "", dueAt: due });
    const action = await createManualAction(h().db, w.officer, input, "ip");
    if (!action.ok) throw new Error(action.message);
    expect(await emitOverdueActions(h().db, new Date(`${due}T12:00:00Z`))).toBe(0); // due today: not overdue yet
    const later = new Date(Date.parse(`${due}T12:00:00Z`) + 86_400_000);
    expect(await emitOverdueActions(h().db, later)).toBe(1);
    expect(await emitOverdueActions(h().db, new Date(later.getTime() + 3600_000))).toBe(0);
    const rows = await deliveries(id);
    expect(rows.map((r) => JSON.parse(r.payload).data)).toEqual([
      { action: { id: action.value.actionId, supplierId: supplier.value.id, title: "Return passports", dueAt: due, status: "open" } },
    ]);
  });

  it("queues grievance.received with ids, channel, category and time only: nothing of the reporter", async () => {
    const w = await world(h());
    const { id } = await subscribe(w, ["grievance.received"]);
    const supplier = await createSupplier(h().db, w.officer, SupplierSchema.parse({ name: "Garments", country: "BD" }), "ip");
    if (!supplier.ok) throw new Error(supplier.message);
    const channel = await createChannel(h().db, w.admin, supplier.value.id, ["bn", "en"]);
    if (!channel.ok) throw new Error(channel.message);
    const code = (await supplierChannels(h().db, w.admin, supplier.value.id))[0]!.code;
    const words = "Supervisor Rahim keeps our passports, call me on +880 1711 000000 or rina@example.org";
    const report = ReportSchema.parse({ category: "fees", happened: "this_month", details: words, lang: "bn" });
    const filed = await fileReport(h().db, code, report, "192.0.2.44");
    if (!filed.ok) throw new Error(filed.message);
    const rows = await deliveries(id);
    expect(rows).toHaveLength(1);
    const payload = JSON.parse(rows[0]!.payload) as { data: { grievance: Record<string, unknown> } };
    expect(Object.keys(payload.data)).toEqual(["grievance"]);
    expect(Object.keys(payload.data.grievance).sort()).toEqual(["category", "channelId", "id", "receivedAt", "supplierId"]);
    expect(payload.data.grievance).toMatchObject({ channelId: channel.value.channelId, supplierId: supplier.value.id, category: "fees" });
    for (const secret of [
      "Rahim",
      "passports",
      "1711",
      "rina@",
      filed.value.caseNumber,
      filed.value.passphrase,
      "192.0.2.44",
      "this_month",
      '"bn"',
    ]) {
      expect(rows[0]!.payload).not.toContain(secret);
    }
  });
});

const PUBLIC_ADDR = { address: "93.184.215.14", family: 4 as const };
