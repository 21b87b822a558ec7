// The REST API against a real database: keys (unknown, revoked, expired, read-only), the tenant wall,
// problem details, idempotent POSTs, If-Match, rate limits and the all-or-nothing bulk upsert.
import { afterEach, expect, it, vi } from "vitest";
import { contextFor, describeEachEngine, makeOrg } from "~/test/support";
import type { Db } from "~db/client";
import * as list from "./api.v1.suppliers._index";
import * as one from "./api.v1.suppliers.$id._index";
import * as bulk from "./api.v1.suppliers.bulk";
import { createApiKey, revokeApiKey } from "~/services/api-keys.server";
import type { OrgIdentity } from "~/lib/auth.server";
import { env } from "~/lib/env.server";

type Route = { loader: (a: never) => Promise<Response>; action: (a: never) => Promise<Response> };

function call(
  h: Db,
  route: Route,
  method: string,
  path: string,
  opts: { key?: string; body?: unknown; raw?: string; headers?: Record<string, string>; params?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...(opts.key ? { Authorization: `Bearer ${opts.key}` } : {}), ...opts.headers };
  let body: string | undefined;
  if (opts.raw !== undefined) body = opts.raw;
  else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers["Content-Type"] ??= "application/json";
  }
  const request = new Request(`http://localhost${path}`, { method, headers, body });
  const args = { request, params: opts.params ?? {}, context: contextFor(h) } as never;
  return method === "GET" ? route.loader(args) : route.action(args);
}

async function problemOf(r: Response) {
  expect(r.headers.get("Content-Type")).toBe("application/problem+json");
  return (await r.json()) as {
    status: number;
    title: string;
    detail: string;
    type: string;
    errors?: Array<{ pointer: string; detail: string; row?: number }>;
  };
}

describeEachEngine("REST API v1", (h) => {
  let a: Awaited<ReturnType<typeof makeOrg>>;
  let b: Awaited<ReturnType<typeof makeOrg>>;
  const keys: Record<string, string> = {};
  let idA: OrgIdentity;

  async function setup() {
    if (a) return;
    const db = h();
    a = await makeOrg(db, "api-a", [["admin@api-a.test", "admin"]]);
    b = await makeOrg(db, "api-b", [["admin@api-b.test", "admin"]]);
    await db.db
      .insertInto("countries")
      .values([
        { iso2: "BD", name: "Bangladesh" },
        { iso2: "IN", name: "India" },
      ])
      .execute();
    idA = {
      user: { sessionId: "", userId: a.users["admin@api-a.test"]!, email: "admin@api-a.test", name: "admin" },
      org: { id: a.orgId, slug: "api-a", name: "A" },
      role: "admin",
    };
    const idB: OrgIdentity = {
      user: { sessionId: "", userId: b.users["admin@api-b.test"]!, email: "admin@api-b.test", name: "admin" },
      org: { id: b.orgId, slug: "api-b", name: "B" },
      role: "admin",
    };
    const mk = async (id: OrgIdentity, name: string, access: "read" | "write", expiresOn: string | null = null) => {
      const r = await createApiKey(db.db, id, { intent: "create", name, access, expiresOn }, "127.0.0.1");
      if (!r.ok) throw new Error(r.message);
      return r.value;
    };
    keys.aWrite = (await mk(idA, "ERP sync", "write")).secret;
    keys.aRead = (await mk(idA, "BI reader", "read")).secret;
    keys.bWrite = (await mk(idB, "B sync", "write")).secret;
    const revoked = await mk(idA, "Old", "write");
    await revokeApiKey(db.db, idA, revoked.id, "127.0.0.1");
    keys.revoked = revoked.secret;
    const expiring = await mk(idA, "Short", "write", "2099-01-01");
    await db.db.updateTable("api_keys").set({ expires_at: "2020-01-01T00:00:00.000Z" }).where("id", "=", expiring.id).execute();
    keys.expired = expiring.secret;
  }

  afterEach(() => vi.unstubAllEnvs());

  it("refuses calls without a key, with an unknown, revoked or expired key (401 problem)", async () => {
    await setup();
    for (const key of [undefined, "lnt_notarealkeyatallnotarealkeyatall", keys.revoked, keys.expired]) {
      const r = await call(h(), list, "GET", "/api/v1/suppliers", { key });
      expect(r.status).toBe(401);
      expect(r.headers.get("WWW-Authenticate")).toContain("Bearer");
      expect((await problemOf(r)).status).toBe(401);
    }
  });

  it("creates, reads and lists a supplier; every call is in the audit log under the key's name", async () => {
    await setup();
    const c = await call(h(), list, "POST", "/api/v1/suppliers", {
      key: keys.aWrite,
      body: { name: "Dhaka Knit", country: "BD", externalRef: "V-1" },
    });
    expect(c.status).toBe(201);
    const made = (await c.json()) as { id: number; version: number };
    expect(c.headers.get("ETag")).toBe(`"v${made.version}"`);
    const g = await call(h(), one, "GET", `/api/v1/suppliers/${made.id}`, { key: keys.aRead, params: { id: String(made.id) } });
    expect(g.status).toBe(200);
    expect(((await g.json()) as { name: string }).name).toBe("Dhaka Knit");
    const l = await call(h(), list, "GET", "/api/v1/suppliers?country=BD&limit=10", { key: keys.aRead });
    const page = (await l.json()) as { data: Array<{ name: string }>; next_cursor: string | null };
    expect(page.data.map((s) => s.name)).toContain("Dhaka Knit");
    const audit = await h().db.selectFrom("audit_log").select(["actor_label", "action"]).where("org_id", "=", a.orgId).execute();
    expect(audit).toContainEqual({ actor_label: "API key “ERP sync”", action: "api.call" });
    expect(audit).toContainEqual({ actor_label: "API key “ERP sync”", action: "supplier.created" });
    expect(audit).toContainEqual({ actor_label: "API key “BI reader”", action: "api.call" });
  });

  it("a key of organisation B never reads or changes A's suppliers: A's ids answer 404", async () => {
    await setup();
    const c = await call(h(), list, "POST", "/api/v1/suppliers", { key: keys.aWrite, body: { name: "Only A", country: "IN" } });
    const { id, version } = (await c.json()) as { id: number; version: number };
    const p = { id: String(id) };
    expect((await call(h(), one, "GET", `/api/v1/suppliers/${id}`, { key: keys.bWrite, params: p })).status).toBe(404);
    const patch = await call(h(), one, "PATCH", `/api/v1/suppliers/${id}`, {
      key: keys.bWrite,
      params: p,
      body: { name: "Stolen" },
      headers: { "If-Match": `"v${version}"` },
    });
    expect(patch.status).toBe(404);
    const listB = (await (await call(h(), list, "GET", "/api/v1/suppliers?q=Only", { key: keys.bWrite })).json()) as { data: unknown[] };
    expect(listB.data).toEqual([]);
    const bulkB = await call(h(), bulk, "POST", "/api/v1/suppliers/bulk", {
      key: keys.bWrite,
      body: { policy: "overwrite", rows: [{ name: "Only A", country: "IN" }] },
    });
    expect(bulkB.status).toBe(200);
    const stored = await h().db.selectFrom("suppliers").select(["org_id", "name"]).where("name", "=", "Only A").execute();
    expect(stored.filter((s) => s.org_id === a.orgId)).toHaveLength(1); // B's upsert made B's own supplier, A's is untouched
  });

  it("a read-only key is refused on writes (403 problem)", async () => {
    await setup();
    const r = await call(h(), list, "POST", "/api/v1/suppliers", { key: keys.aRead, body: { name: "X", country: "BD" } });
    expect(r.status).toBe(403);
    expect((await problemOf(r)).detail).toMatch(/may only read/);
  });

  it("bad JSON, another content type, unknown fields and invalid values are problems, not 500s", async () => {
    await setup();
    const bad = await call(h(), list, "POST", "/api/v1/suppliers", {
      key: keys.aWrite,
      raw: "{nope",
      headers: { "Content-Type": "application/json" },
    });
    expect(bad.status).toBe(400);
    await problemOf(bad);
    const form = await call(h(), list, "POST", "/api/v1/suppliers", {
      key: keys.aWrite,
      raw: "name=x",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(415);
    const unknown = await call(h(), list, "POST", "/api/v1/suppliers", {
      key: keys.aWrite,
      body: { name: "Y", country: "BD", colour: "red" },
    });
    expect(unknown.status).toBe(400);
    expect((await problemOf(unknown)).errors).toContainEqual({ pointer: "#/colour", detail: "Unknown field “colour”" });
    const invalid = await call(h(), list, "POST", "/api/v1/suppliers", { key: keys.aWrite, body: { name: "", country: "Narnia" } });
    const p = await problemOf(invalid);
    expect(p.errors?.map((e) => e.pointer)).toEqual(expect.arrayContaining(["#/name", "#/country"]));
    const query = await call(h(), list, "GET", "/api/v1/suppliers?tier=zero&foo=1", { key: keys.aRead });
    expect(query.status).toBe(400);
    const method = await call(h(), list, "DELETE", "/api/v1/suppliers", { key: keys.aWrite });
    expect(method.status).toBe(405);
    expect(method.headers.get("Allow")).toBe("GET, POST");
  });

  it("replays a POST with the same Idempotency-Key and body; another body under that key is refused", async () => {
    await setup();
    const headers = { "Idempotency-Key": "create-42" };
    const body = { name: "Idem Mill", country: "BD" };
    const first = await call(h(), list, "POST", "/api/v1/suppliers", { key: keys.aWrite, body, headers });
    const again = await call(h(), list, "POST", "/api/v1/suppliers", { key: keys.aWrite, body, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await again.json()).toEqual(await first.json());
    const rows = await h().db.selectFrom("suppliers").select("id").where("org_id", "=", a.orgId).where("name", "=", "Idem Mill").execute();
    expect(rows).toHaveLength(1);
    const other = await call(h(), list, "POST", "/api/v1/suppliers", { key: keys.aWrite, body: { ...body, name: "Other" }, headers });
    expect(other.status).toBe(422);
  });

  it("PATCH needs If-Match (428) and refuses a stale ETag (412); a fresh one saves", async () => {
    await setup();
    const c = await call(h(), list, "POST", "/api/v1/suppliers", { key: keys.aWrite, body: { name: "Etag Mill", country: "BD" } });
    const { id } = (await c.json()) as { id: number };
    const etag = c.headers.get("ETag")!;
    const p = { id: String(id) };
    expect((await call(h(), one, "PATCH", `/x`, { key: keys.aWrite, params: p, body: { city: "Dhaka" } })).status).toBe(428);
    const ok1 = await call(h(), one, "PATCH", `/x`, {
      key: keys.aWrite,
      params: p,
      body: { city: "Dhaka" },
      headers: { "If-Match": etag },
    });
    expect(ok1.status).toBe(200);
    expect(((await ok1.json()) as { city: string; name: string }).city).toBe("Dhaka");
    expect(ok1.headers.get("ETag")).not.toBe(etag);
    const stale = await call(h(), one, "PATCH", `/x`, {
      key: keys.aWrite,
      params: p,
      body: { city: "Chittagong" },
      headers: { "If-Match": etag },
    });
    expect(stale.status).toBe(412);
    expect(stale.headers.get("ETag")).toBe(ok1.headers.get("ETag"));
  });

  it("sends RateLimit headers and answers 429 with Retry-After past the key's limit", async () => {
    await setup();
    const e = env() as { API_RATE_LIMIT: number };
    const before = e.API_RATE_LIMIT;
    e.API_RATE_LIMIT = 3;
    try {
      const ctx = await h()
        .db.insertInto("organizations")
        .values({ slug: "api-rl", name: "RL", created_at: new Date().toISOString() })
        .returning("id")
        .executeTakeFirstOrThrow();
      const idRl: OrgIdentity = { ...idA, org: { id: ctx.id, slug: "api-rl", name: "RL" } };
      const key = await createApiKey(h().db, idRl, { intent: "create", name: "rl", access: "read", expiresOn: null }, "127.0.0.1");
      if (!key.ok) throw new Error(key.message);
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 4; i++) {
        last = await call(h(), list, "GET", "/api/v1/suppliers", { key: key.value.secret });
        statuses.push(last.status);
        if (i === 0) {
          expect(last.headers.get("RateLimit-Policy")).toBe('"default";q=3;w=60');
          expect(last.headers.get("RateLimit")).toMatch(/^"default";r=2;t=\d+$/);
        }
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(Number(last!.headers.get("Retry-After"))).toBeGreaterThan(0);
      await problemOf(last!);
    } finally {
      e.API_RATE_LIMIT = before;
    }
  });

  it("bulk upsert is all-or-nothing: one bad row saves nothing and the problem lists the row's messages", async () => {
    await setup();
    const rows = [
      { external_ref: "B-1", name: "Bulk One", country: "BD", goods: ["Garments", "Cotton"] },
      { external_ref: "B-2", name: "Bulk Two", country: "Atlantis" },
      { external_ref: "B-3", name: "", country: "IN" },
    ];
    const r = await call(h(), bulk, "POST", "/api/v1/suppliers/bulk", { key: keys.aWrite, body: { rows } });
    expect(r.status).toBe(422);
    const p = await problemOf(r);
    expect(p.errors?.map((e) => e.row)).toEqual([1, 2]);
    expect(p.errors?.[0]?.pointer).toBe("#/rows/1/country");
    const saved = await h().db.selectFrom("suppliers").select("id").where("org_id", "=", a.orgId).where("name", "like", "Bulk%").execute();
    expect(saved).toEqual([]);

    const good = await call(h(), bulk, "POST", "/api/v1/suppliers/bulk", {
      key: keys.aWrite,
      body: { rows: [rows[0], { ...rows[1], country: "IN" }] },
    });
    expect(good.status).toBe(200);
    expect(await good.json()).toMatchObject({ created: 2, updated: 0 });
    // The policy is chosen per call: new_only leaves an existing supplier alone, overwrite changes it.
    const renamed = [{ external_ref: "B-1", name: "Bulk One Renamed", country: "BD" }];
    const keep = await call(h(), bulk, "POST", "/api/v1/suppliers/bulk", { key: keys.aWrite, body: { policy: "new_only", rows: renamed } });
    expect(await keep.json()).toMatchObject({ created: 0, updated: 0 });
    const over = await call(h(), bulk, "POST", "/api/v1/suppliers/bulk", {
      key: keys.aWrite,
      body: { policy: "overwrite", rows: renamed },
    });
    expect(await over.json()).toMatchObject({ created: 0, updated: 1 });
  });
});
