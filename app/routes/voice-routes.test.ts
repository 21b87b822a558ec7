// The worker-voice public pages as plain form posts (no JavaScript): the form and its answer set no
// cookie; a report without a category answers 400 in the worker's language; the case number and
// passphrase open the case; an unknown code is 404. And the request log never sees these paths.
import { expect, it } from "vitest";
import { contextFor, describeEachEngine, get, makeOrg, post } from "~/test/support";
import type { OrgIdentity } from "~/lib/auth.server";
import { SupplierSchema } from "~/schemas/supplier";
import { createSupplier } from "~/services/suppliers.server";
import { createChannel, supplierChannels } from "~/services/voice-channels.server";
import { dbSnapshot } from "~/test/route-fixture";
import * as form from "./v.$code";
import * as casePage from "./v.$code_.case";

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
