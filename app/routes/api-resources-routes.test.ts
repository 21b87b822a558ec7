// The API's other resources: risk, actions, assessments and grievance counts — and that grievances
// leave as numbers only (no reporter's words, case number, passphrase or contact), through every route.
import { expect, it } from "vitest";
import { contextFor, describeEachEngine, makeOrg } from "~/test/support";
import type { Db } from "~db/client";
import type { OrgIdentity } from "~/lib/auth.server";
import { createApiKey } from "~/services/api-keys.server";
import { SupplierSchema } from "~/schemas/supplier";
import { insertSupplier } from "~/models/supplier.server";
import { voiceFixture } from "~/test/voice-fixture";
import * as risk from "./api.v1.suppliers.$id.risk";
import * as counts from "./api.v1.grievances.counts";
import * as actions from "./api.v1.actions._index";
import * as actionOne from "./api.v1.actions.$id";
import * as assessments from "./api.v1.assessments._index";
import * as assessmentOne from "./api.v1.assessments.$id";
import * as links from "./api.v1.suppliers.$id.links";
import * as suppliers from "./api.v1.suppliers._index";

type Route = { loader: (a: never) => Promise<Response>; action: (a: never) => Promise<Response> };

function call(
  h: Db,
  route: Route,
  method: string,
  path: string,
  key: string,
  opts: { body?: unknown; params?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { Authorization: `Bearer ${key}` };
  if (opts.body !== undefined) headers["Content-Type"] = "application/json";
  const request = new Request(`http://localhost${path}`, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const args = { request, params: opts.params ?? {}, context: contextFor(h) } as never;
  return method === "GET" ? route.loader(args) : route.action(args);
}

describeEachEngine("REST API v1 resources", (h) => {
  it("counts grievances as numbers only and never lets a reporter's words, case number or passphrase out", async () => {
    const db = h();
    const org = await makeOrg(db, "api-voice", [["admin@api-voice.test", "admin"]]);
    const other = await makeOrg(db, "api-voice-b", [["admin@api-voice-b.test", "admin"]]);
    const ident: OrgIdentity = {
      user: { sessionId: "", userId: org.users["admin@api-voice.test"]!, email: "admin@api-voice.test", name: "admin" },
      org: { id: org.orgId, slug: "api-voice", name: "V" },
      role: "admin",
    };
    const identB: OrgIdentity = {
      ...ident,
      user: { ...ident.user, userId: other.users["admin@api-voice-b.test"]! },
      org: { id: other.orgId, slug: "api-voice-b", name: "VB" },
    };
    const supplierId = await insertSupplier(db.db, org.orgId, SupplierSchema.parse({ name: "Voice Mill", country: "BD" }));
    const marker = "ZEBRA-7731";
    const fx = await voiceFixture(db, ident, supplierId, marker);
    const key = await createApiKey(db.db, ident, { intent: "create", name: "reader", access: "write", expiresOn: null }, "127.0.0.1");
    const keyB = await createApiKey(db.db, identB, { intent: "create", name: "b", access: "read", expiresOn: null }, "127.0.0.1");
    if (!key.ok || !keyB.ok) throw new Error("no key");
    const k = key.value.secret;

    const all = await call(db, counts, "GET", "/api/v1/grievances/counts", k);
    expect(all.status).toBe(200);
    const body = (await all.json()) as { total: unknown; open: unknown; byCategory: Array<{ category: string; total: unknown }> };
    expect(body).toEqual({ total: "fewer than 5", open: "fewer than 5", byCategory: [{ category: "fees", total: "fewer than 5" }] });
    const bySite = await call(db, counts, "GET", `/api/v1/grievances/counts?supplierId=${supplierId}`, k);
    expect(bySite.status).toBe(200);
    expect((await call(db, counts, "GET", `/api/v1/grievances/counts?supplierId=${supplierId}`, keyB.value.secret)).status).toBe(404);

    // Every resource a client can read about this supplier: none carries the case's words or numbers.
    const texts = [
      JSON.stringify(body),
      await bySite.text(),
      await (await call(db, risk, "GET", "/x", k, { params: { id: String(supplierId) } })).text(),
      await (await call(db, actions, "GET", `/api/v1/actions?supplierId=${supplierId}`, k)).text(),
    ];
    for (const t of texts) {
      expect(t).not.toContain(marker);
      expect(t).not.toContain(fx.caseNumber);
      expect(t).not.toContain(fx.casePassphrase);
    }
  });

  it("reads risk, actions and assessments of the key's organisation only; starts an assessment with a write key", async () => {
    const db = h();
    const org = await makeOrg(db, "api-res", [["admin@api-res.test", "admin"]]);
    const other = await makeOrg(db, "api-res-b", [["admin@api-res-b.test", "admin"]]);
    const ident: OrgIdentity = {
      user: { sessionId: "", userId: org.users["admin@api-res.test"]!, email: "admin@api-res.test", name: "admin" },
      org: { id: org.orgId, slug: "api-res", name: "R" },
      role: "admin",
    };
    const identB: OrgIdentity = {
      ...ident,
      user: { ...ident.user, userId: other.users["admin@api-res-b.test"]! },
      org: { id: other.orgId, slug: "api-res-b", name: "RB" },
    };
    const supplierId = await insertSupplier(db.db, org.orgId, SupplierSchema.parse({ name: "Res Mill", country: "BD" }));
    const w = await createApiKey(db.db, ident, { intent: "create", name: "w", access: "write", expiresOn: null }, "127.0.0.1");
    const r = await createApiKey(db.db, ident, { intent: "create", name: "r", access: "read", expiresOn: null }, "127.0.0.1");
    const b = await createApiKey(db.db, identB, { intent: "create", name: "b", access: "write", expiresOn: null }, "127.0.0.1");
    if (!w.ok || !r.ok || !b.ok) throw new Error("no key");

    const riskA = await call(db, risk, "GET", "/x", r.value.secret, { params: { id: String(supplierId) } });
    expect(riskA.status).toBe(200);
    expect(await riskA.json()).toMatchObject({ supplierId });
    expect((await call(db, risk, "GET", "/x", b.value.secret, { params: { id: String(supplierId) } })).status).toBe(404);

    expect((await call(db, assessments, "POST", "/api/v1/assessments", r.value.secret, { body: { supplierId } })).status).toBe(403);
    expect((await call(db, assessments, "POST", "/api/v1/assessments", b.value.secret, { body: { supplierId } })).status).toBe(404);
    const started = await call(db, assessments, "POST", "/api/v1/assessments", w.value.secret, { body: { supplierId } });
    expect(started.status).toBe(201);
    const a = (await started.json()) as { id: number; status: string; answers: unknown[] };
    expect(a.answers).toEqual([]);
    const read = await call(db, assessmentOne, "GET", "/x", r.value.secret, { params: { id: String(a.id) } });
    expect(((await read.json()) as { status: string }).status).toBe(a.status);
    expect((await call(db, assessmentOne, "GET", "/x", b.value.secret, { params: { id: String(a.id) } })).status).toBe(404);
    const again = await call(db, assessments, "POST", "/api/v1/assessments", w.value.secret, { body: { supplierId } });
    expect(again.status).toBe(409);

    const list = (await (await call(db, actions, "GET", "/api/v1/actions", r.value.secret)).json()) as { data: unknown[] };
    expect(Array.isArray(list.data)).toBe(true);
    expect((await call(db, actionOne, "GET", "/x", r.value.secret, { params: { id: "999999" } })).status).toBe(404);
  });

  it("lists and adds supply links within the key's organisation; a loop is refused; a key whose creator is gone only reads", async () => {
    const db = h();
    const org = await makeOrg(db, "api-links", [["admin@api-links.test", "admin"]]);
    const other = await makeOrg(db, "api-links-b", [["admin@api-links-b.test", "admin"]]);
    const ident: OrgIdentity = {
      user: { sessionId: "", userId: org.users["admin@api-links.test"]!, email: "admin@api-links.test", name: "admin" },
      org: { id: org.orgId, slug: "api-links", name: "L" },
      role: "admin",
    };
    const identB: OrgIdentity = {
      ...ident,
      user: { ...ident.user, userId: other.users["admin@api-links-b.test"]! },
      org: { id: other.orgId, slug: "api-links-b", name: "LB" },
    };
    const mill = await insertSupplier(db.db, org.orgId, SupplierSchema.parse({ name: "Spinning Mill", country: "BD" }));
    const factory = await insertSupplier(db.db, org.orgId, SupplierSchema.parse({ name: "Garment Factory", country: "BD" }));
    const foreign = await insertSupplier(db.db, other.orgId, SupplierSchema.parse({ name: "B Factory", country: "BD" }));
    const w = await createApiKey(db.db, ident, { intent: "create", name: "w", access: "write", expiresOn: null }, "127.0.0.1");
    const b = await createApiKey(db.db, identB, { intent: "create", name: "b", access: "write", expiresOn: null }, "127.0.0.1");
    if (!w.ok || !b.ok) throw new Error("no key");
    const p = (id: number) => ({ params: { id: String(id) } });

    const added = await call(db, links, "POST", "/x", w.value.secret, { ...p(mill), body: { buyerId: factory } });
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({ supplierId: mill, buyers: [{ id: factory, name: "Garment Factory" }], suppliers: [] });
    const up = (await (await call(db, links, "GET", "/x", w.value.secret, p(factory))).json()) as { suppliers: Array<{ id: number }> };
    expect(up.suppliers.map((s) => s.id)).toEqual([mill]);
    expect((await call(db, links, "POST", "/x", w.value.secret, { ...p(factory), body: { buyerId: mill } })).status).toBe(409);
    expect((await call(db, links, "POST", "/x", w.value.secret, { ...p(mill), body: { buyerId: foreign } })).status).toBe(404);
    expect((await call(db, links, "GET", "/x", b.value.secret, p(mill))).status).toBe(404);
    expect((await call(db, links, "POST", "/x", b.value.secret, { ...p(foreign), body: { buyerId: mill } })).status).toBe(404);

    await db.db.updateTable("api_keys").set({ created_by: null }).where("id", "=", w.value.id).execute();
    const orphanWrite = await call(db, suppliers, "POST", "/api/v1/suppliers", w.value.secret, { body: { name: "X", country: "BD" } });
    expect(orphanWrite.status).toBe(403);
    expect((await call(db, links, "GET", "/x", w.value.secret, p(mill))).status).toBe(200);
  });
});
