// Supplier routes against a real database: list filters and paging, create/edit with field errors
// and stale versions, links and loops, the tenant wall and roles.
import { expect, it } from "vitest";
import { contextFor, cookieFor, describeEachEngine, get, makeOrg, post, responseOf, toastOf } from "~/test/support";
import * as list from "./o.$org.suppliers._index";
import * as create from "./o.$org.suppliers.new";
import * as page from "./o.$org.suppliers.$id._index";
import * as edit from "./o.$org.suppliers.$id.edit";
import * as search from "./o.$org.suppliers.search";
import * as exportCsv from "./o.$org.suppliers.export[.csv]";
import { parseSupplierCsv } from "~/domain/csv/parse";
import { suggestMapping } from "~/domain/csv/mapping";
import { EXPORT_HEADER } from "~/domain/csv/serialize";
import type { Db } from "~db/client";
import type { SupplierListItem } from "~/components/supplier-table";

type Row = {
  id: number;
  name: string;
  country: string;
  tier: number | null;
  status: string;
  external_ref: string | null;
  spend: string;
  risk_score: number | null;
  risk_band: string | null;
};

describeEachEngine("supplier routes", (h) => {
  let acme: Awaited<ReturnType<typeof makeOrg>>;
  let boreal: Awaited<ReturnType<typeof makeOrg>>;
  const cookies: Record<string, string> = {};
  const ctx = () => contextFor(h());
  const acmeParams = (extra: Record<string, string> = {}) => ({ org: "acme", ...extra });

  async function setup(db: Db) {
    if (acme) return;
    acme = await makeOrg(db, "acme", [
      ["admin@a.test", "admin"],
      ["officer@a.test", "compliance"],
      ["exec@a.test", "executive"],
    ]);
    boreal = await makeOrg(db, "boreal", [["admin@b.test", "admin"]]);
    for (const [email, id] of Object.entries({ ...acme.users, ...boreal.users })) cookies[email] = await cookieFor(db, id);
    // The test database has no reference data: just what these pages read.
    await db.db
      .insertInto("countries")
      .values([
        { iso2: "BD", name: "Bangladesh" },
        { iso2: "IN", name: "India" },
        { iso2: "CN", name: "China" },
      ])
      .execute();
    await db.db
      .insertInto("tip_tiers")
      .values([
        { iso2: "BD", tier: "Tier 2", report_year: 2025 },
        { iso2: "BD", tier: "Tier 2 Watch List", report_year: 2023 },
      ])
      .execute();
  }

  const officer = () => cookies["officer@a.test"];

  async function createVia(form: Record<string, string>, cookie = officer()) {
    return responseOf(() => create.action({ request: post("/o/acme/suppliers/new", form, cookie), params: acmeParams(), context: ctx() }));
  }
  async function make(name: string, country = "BD", extra: Record<string, string> = {}): Promise<number> {
    const r = await createVia({ name, country, ...extra });
    expect(r.status, name).toBe(302);
    return Number(/\/suppliers\/(\d+)$/.exec(r.headers.get("Location") ?? "")?.[1]);
  }
  async function listJson(query: string, cookie = officer()) {
    const r = await responseOf(() =>
      list.loader({ request: get(`/o/acme/suppliers${query}`, cookie), params: acmeParams(), context: ctx() }),
    );
    expect(r.status, query).toBe(200);
    const body = (await r.json()) as {
      rows: SupplierListItem[];
      total: number;
      pages: number;
      mayEdit: boolean;
      mayImport: boolean;
      query: { page: number };
    };
    // The fields the assertions read, under the names they use.
    const rows: Row[] = body.rows.map((r) => ({
      id: r.id,
      name: r.name,
      external_ref: r.externalRef,
      country: r.country,
      tier: r.tier,
      status: r.status,
      spend: r.spend,
      risk_score: r.riskScore,
      risk_band: r.riskBand,
    }));
    return { ...body, rows };
  }
  async function setRisk(id: number, score: number | null, band: "low" | "medium" | "high" | "critical" | null) {
    await h()
      .db.updateTable("suppliers")
      .set({ risk_score: score, risk_band: band, risk_computed_at: score === null ? null : new Date().toISOString() })
      .where("id", "=", id)
      .execute();
  }
  function act(id: number, form: Record<string, string>, cookie = officer()) {
    return responseOf(() =>
      page.action({ request: post(`/o/acme/suppliers/${id}`, form, cookie), params: acmeParams({ id: String(id) }), context: ctx() }),
    );
  }

  it("creates a supplier: 400 with field messages when the name is missing, a redirect to its page when valid", async () => {
    await setup(h());
    const bad = await createVia({ name: "  ", country: "", contactEmail: "nope", duns: "12" });
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.fieldErrors.name).toMatch(/name/);
    expect(body.fieldErrors.country).toMatch(/country/i);
    expect(body.fieldErrors.contactEmail).toMatch(/valid email/);
    expect(body.fieldErrors.duns).toMatch(/9 digits/);

    const ok = await createVia({
      name: "Dhaka Knitwear Ltd",
      country: "bd",
      externalRef: "V-100",
      goods: "Garments",
      annualSpend: "1,200,000",
      currency: "usd",
    });
    expect(ok.status).toBe(302);
    const id = Number(/\/o\/acme\/suppliers\/(\d+)$/.exec(ok.headers.get("Location")!)?.[1]);
    const shown = await responseOf(() =>
      page.loader({ request: get(`/o/acme/suppliers/${id}`, officer()), params: acmeParams({ id: String(id) }), context: ctx() }),
    );
    expect(shown.status).toBe(200);
    const data = await shown.json();
    expect(data.supplier).toMatchObject({
      name: "Dhaka Knitwear Ltd",
      country: "BD",
      goods: ["Garments"],
      annualSpend: 1200000,
      currency: "USD",
      tier: 1,
    });
    // a TIP tier always comes with its report year (the latest one)
    expect(data.tip).toEqual({ iso2: "BD", tier: "Tier 2", reportYear: 2025 });
    expect(data.mayEdit).toBe(true);

    const dup = await createVia({ name: "Someone else", country: "IN", externalRef: "V-100" });
    expect(dup.status).toBe(409);
    expect((await dup.json()).fieldErrors.externalRef).toMatch(/V-100/);

    const form = await responseOf(() =>
      create.loader({ request: get("/o/acme/suppliers/new", officer()), params: acmeParams(), context: ctx() }),
    );
    // countries come with their localised names, sorted by that name
    expect((await form.json()).countries).toEqual([
      { iso2: "BD", name: "Bangladesh" },
      { iso2: "CN", name: "China" },
      { iso2: "IN", name: "India" },
    ]);
  });

  it("lists with filters, sorting and pages from the URL, and answers a bad parameter with a readable 400", async () => {
    await setup(h());
    for (let i = 1; i <= 12; i++)
      await make(`Paging Mill ${String(i).padStart(2, "0")}`, i % 3 === 0 ? "IN" : "CN", {
        externalRef: `PG-${i}`,
        sector: i % 2 ? "Spinning" : "Weaving",
      });
    const archived = await make("Paging Mill Archived", "CN");
    expect((await act(archived, { intent: "archive" })).status).toBe(302);

    const all = await listJson("?q=paging+mill");
    expect(all.total).toBe(12); // archived ones are left out by default
    expect(all.rows.map((r) => r.name)[0]).toBe("Paging Mill 01");
    expect((await listJson("?q=paging+mill&status=all")).total).toBe(13);
    expect((await listJson("?q=paging+mill&status=archived")).rows.map((r) => r.name)).toEqual(["Paging Mill Archived"]);
    expect((await listJson("?q=paging&country=IN")).rows.every((r) => r.country === "IN")).toBe(true);
    expect((await listJson("?q=paging&country=in")).total).toBe(4);
    expect((await listJson("?q=paging&sector=Weaving")).total).toBe(6);
    expect((await listJson("?q=PG-7")).rows.map((r) => r.external_ref)).toEqual(["PG-7"]);

    const p2 = await listJson("?q=paging+mill&size=10&page=2");
    expect(p2.pages).toBe(2);
    expect(p2.rows.map((r) => r.name)).toEqual(["Paging Mill 11", "Paging Mill 12"]);
    const desc = await listJson("?q=paging+mill&sort=name&dir=desc&size=10");
    expect(desc.rows[0]!.name).toBe("Paging Mill 12");
    // The next and previous links carry the row they continue from (keyset); a cursor edited by hand
    // is dropped and the page number holds.
    const p1 = await listJson("?q=paging+mill&size=10");
    const after = (p1 as unknown as { cursors: { after: string } }).cursors.after;
    const next = await listJson(`?q=paging+mill&size=10&page=2&after=${encodeURIComponent(after)}`);
    expect(next.rows.map((r) => r.name)).toEqual(["Paging Mill 11", "Paging Mill 12"]);
    expect((await listJson("?q=paging+mill&size=10&page=2&after=nonsense")).rows.map((r) => r.name)).toEqual([
      "Paging Mill 11",
      "Paging Mill 12",
    ]);

    for (const q of [
      "?tier=abc",
      "?size=5",
      "?country=Narnia",
      "?sort=password",
      "?status=deleted",
      `?q=${"x".repeat(201)}`,
      "?risk=severe",
      "?sort=risk_score",
      `?after=${"9".repeat(321)}`,
    ]) {
      const r = await responseOf(() =>
        list.loader({ request: get(`/o/acme/suppliers${q}`, officer()), params: acmeParams(), context: ctx() }),
      );
      expect(r.status, q).toBe(400);
      expect((await r.json()).message, q).toMatch(/cannot be used/);
    }
  });

  it("filters by risk band (or not scored) and sorts by score or band, unscored suppliers last, from the URL", async () => {
    await setup(h());
    const plan: Array<[string, number | null, "low" | "medium" | "high" | "critical" | null]> = [
      ["Risky Alpha", 91.5, "critical"],
      ["Risky Bravo", 44, "medium"],
      ["Risky Charlie", null, null],
      ["Risky Delta", 12.3, "low"],
      ["Risky Echo", 67, "high"],
    ];
    const id: Record<string, number> = {};
    for (const [name, score, band] of plan) {
      id[name] = await make(name, "CN", { annualSpend: "2500", currency: "EUR" });
      await setRisk(id[name]!, score, band);
    }
    const names = (rows: Row[]) => rows.map((r) => r.name);

    const all = await listJson("?q=risky");
    expect(all.rows.find((r) => r.name === "Risky Alpha")).toMatchObject({
      risk_score: 91.5,
      risk_band: "critical",
      spend: expect.stringMatching(/^EUR\s2,500$/),
    });
    expect(all.rows.find((r) => r.name === "Risky Charlie")).toMatchObject({ risk_score: null, risk_band: null });

    expect(names((await listJson("?q=risky&risk=critical")).rows)).toEqual(["Risky Alpha"]);
    expect(names((await listJson("?q=risky&risk=none")).rows)).toEqual(["Risky Charlie"]);
    expect((await listJson("?q=risky&risk=high")).total).toBe(1);

    expect(names((await listJson("?q=risky&sort=score&dir=desc")).rows)).toEqual([
      "Risky Alpha",
      "Risky Echo",
      "Risky Bravo",
      "Risky Delta",
      "Risky Charlie",
    ]);
    expect(names((await listJson("?q=risky&sort=score&dir=asc")).rows)).toEqual([
      "Risky Delta",
      "Risky Bravo",
      "Risky Echo",
      "Risky Alpha",
      "Risky Charlie",
    ]);
    expect(names((await listJson("?q=risky&sort=band&dir=desc")).rows)).toEqual([
      "Risky Alpha",
      "Risky Echo",
      "Risky Bravo",
      "Risky Delta",
      "Risky Charlie",
    ]);
    expect(names((await listJson("?q=risky&sort=band&dir=asc")).rows)).toEqual([
      "Risky Delta",
      "Risky Bravo",
      "Risky Echo",
      "Risky Alpha",
      "Risky Charlie",
    ]);

    // The list follows a new score at once (its total comes from a cache checked against the database).
    await setRisk(id["Risky Charlie"]!, 95, "critical");
    expect(names((await listJson("?q=risky&risk=critical&sort=score&dir=desc")).rows)).toEqual(["Risky Charlie", "Risky Alpha"]);
    expect((await listJson("?q=risky&risk=none")).total).toBe(0);

    const bad = await responseOf(() =>
      list.loader({ request: get("/o/acme/suppliers?risk=severe", officer()), params: acmeParams(), context: ctx() }),
    );
    expect((await bad.json()).message).toMatch(/Risk is critical, high, medium, low or none/);

    // The export has the same filter, and the score and band after the template's columns...
    const res = await responseOf(() =>
      exportCsv.loader({
        request: get("/o/acme/suppliers/export.csv?q=risky&risk=critical", officer()),
        params: acmeParams(),
        context: ctx(),
      }),
    );
    expect(res.status).toBe(200);
    const parsed = parseSupplierCsv(await res.text());
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.headers).toEqual(EXPORT_HEADER);
    expect(parsed.headers.slice(-2)).toEqual(["risk_score", "risk_band"]);
    const cell = (row: number, key: string) => parsed.rows[row]!.cells[parsed.headers.indexOf(key)];
    expect(parsed.rows.map((_, i) => [cell(i, "name"), cell(i, "risk_score"), cell(i, "risk_band")])).toEqual([
      ["Risky Alpha", "91.5", "critical"],
      ["Risky Charlie", "95", "critical"],
    ]);
    // ...which an import of that file leaves alone.
    const mapping = suggestMapping(parsed.headers);
    expect(mapping.slice(-2)).toEqual([null, null]);
    expect(mapping.slice(0, -2)).toEqual(parsed.headers.slice(0, -2));
  });

  it("exports in the list's order: its sort and direction, with its filters", async () => {
    await setup(h());
    for (const [name, score, band] of [
      ["Order Alpha", 20, "low"],
      ["Order Bravo", 80, "critical"],
      ["Order Charlie", 55, "high"],
    ] as const) {
      await setRisk(await make(name, "CN"), score, band);
    }
    const exported = async (query: string) => {
      const res = await responseOf(() =>
        exportCsv.loader({ request: get(`/o/acme/suppliers/export.csv${query}`, officer()), params: acmeParams(), context: ctx() }),
      );
      const parsed = parseSupplierCsv(await res.text());
      if (!parsed.ok) throw new Error(parsed.error);
      return parsed.rows.map((r) => r.cells[parsed.headers.indexOf("name")]);
    };
    for (const query of [
      "?q=order&sort=score&dir=desc",
      "?q=order&sort=score&dir=asc",
      "?q=order&sort=name&dir=desc",
      "?q=order&sort=band&dir=desc",
    ]) {
      const shown = (await listJson(query)).rows.map((r) => r.name);
      expect(await exported(query), query).toEqual(shown);
    }
    expect(await exported("?q=order&sort=score&dir=desc")).toEqual(["Order Bravo", "Order Charlie", "Order Alpha"]);
    // A sort by risk without a direction lists the riskiest first; other sorts stay ascending.
    expect((await listJson("?q=order&sort=score")).rows.map((r) => r.name)).toEqual(["Order Bravo", "Order Charlie", "Order Alpha"]);
    expect((await listJson("?q=order&sort=band")).rows.map((r) => r.name)).toEqual(["Order Bravo", "Order Charlie", "Order Alpha"]);
    expect((await listJson("?q=order&sort=name")).rows.map((r) => r.name)).toEqual(["Order Alpha", "Order Bravo", "Order Charlie"]);
    expect(await exported("?q=order&sort=score")).toEqual(["Order Bravo", "Order Charlie", "Order Alpha"]);
  });

  it("refuses a stale edit with a 409 and the current record, and overwrites nothing", async () => {
    await setup(h());
    const id = await make("Versioned Mill", "BD", { externalRef: "VM-1" });
    const url = `/o/acme/suppliers/${id}/edit`;
    const params = acmeParams({ id: String(id) });
    const loaded = await responseOf(() => edit.loader({ request: get(url, officer()), params, context: ctx() }));
    expect((await loaded.json()).supplier.version).toBe(1);

    const first = await responseOf(() =>
      edit.action({
        request: post(url, { version: "1", name: "Versioned Mill Ltd", country: "BD", externalRef: "VM-1" }, cookies["admin@a.test"]),
        params,
        context: ctx(),
      }),
    );
    expect(first.status).toBe(302);
    expect(first.headers.get("Location")).toBe(`/o/acme/suppliers/${id}`);

    const stale = await responseOf(() =>
      edit.action({
        request: post(url, { version: "1", name: "My older edit", country: "IN", externalRef: "VM-1" }, officer()),
        params,
        context: ctx(),
      }),
    );
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body.stale).toBe(true);
    expect(body.current).toMatchObject({ name: "Versioned Mill Ltd", country: "BD", version: 2 });
    expect(body.yours).toMatchObject({ name: "My older edit", country: "IN" });
    const row = await h().db.selectFrom("suppliers").select(["name", "country", "version"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toEqual({ name: "Versioned Mill Ltd", country: "BD", version: 2 });

    const invalid = await responseOf(() =>
      edit.action({ request: post(url, { version: "2", name: "", country: "BD" }, officer()), params, context: ctx() }),
    );
    expect(invalid.status).toBe(400);
    const noVersion = await responseOf(() =>
      edit.action({ request: post(url, { name: "X", country: "BD" }, officer()), params, context: ctx() }),
    );
    expect(noVersion.status).toBe(400);
  });

  it("links suppliers tier by tier, shows the chain, refuses a loop with 409 naming it, removes links", async () => {
    await setup(h());
    const factory = await make("Loop Factory");
    const mill = await make("Loop Mill");
    const spinner = await make("Loop Spinner");
    expect((await act(factory, { intent: "add-supplier", otherId: String(mill) })).status).toBe(302);
    const added = await act(spinner, { intent: "add-buyer", otherId: String(mill) });
    expect(added.status).toBe(302);
    expect(toastOf(added)?.message).toMatch(/Link added/);

    const shown = await responseOf(() =>
      page.loader({ request: get(`/o/acme/suppliers/${factory}`, officer()), params: acmeParams({ id: String(factory) }), context: ctx() }),
    );
    const data = await shown.json();
    expect(data.directSuppliers).toEqual([mill]);
    expect(data.upstream).toEqual(expect.arrayContaining([{ supplierId: spinner, buyerId: mill, depth: 2 }]));
    expect(data.nodes[String(spinner)]).toMatchObject({ name: "Loop Spinner", tier: 3 });
    expect((await listJson("?q=loop&tier=3")).rows.map((r) => r.name)).toEqual(["Loop Spinner"]);

    // the factory supplying the spinner would close factory → spinner → mill → factory
    const loop = await act(factory, { intent: "add-buyer", otherId: String(spinner) });
    expect(loop.status).toBe(409);
    expect((await loop.json()).formError).toMatch(/This link would close a loop: Loop Factory → Loop Spinner → Loop Mill → Loop Factory/);
    expect((await act(spinner, { intent: "add-supplier", otherId: String(factory) })).status).toBe(409);
    expect((await act(factory, { intent: "add-supplier", otherId: "" })).status).toBe(400);
    expect((await act(factory, { intent: "explode" })).status).toBe(400);

    // delete asks for confirmation, and is not offered while the supplier has suppliers of its own
    expect((await act(mill, { intent: "delete" })).status).toBe(400);
    expect((await act(mill, { intent: "delete", confirm: "yes" })).status).toBe(409);
    const removed = await act(mill, { intent: "remove-link", otherId: String(spinner), side: "supplier" });
    expect(removed.status).toBe(302);
    expect(await h().db.selectFrom("suppliers").select("tier").where("id", "=", spinner).executeTakeFirst()).toEqual({ tier: 1 });
    const del = await act(mill, { intent: "delete", confirm: "yes" });
    expect(del.status).toBe(302);
    expect(del.headers.get("Location")).toBe("/o/acme/suppliers");
    expect(await h().db.selectFrom("suppliers").select("id").where("id", "=", mill).executeTakeFirst()).toBeUndefined();
  });

  it("finds suppliers for the picker, at most 10, and refuses an overlong query", async () => {
    await setup(h());
    const r = await responseOf(() =>
      search.loader({ request: get("/o/acme/suppliers/search?q=paging", officer()), params: acmeParams(), context: ctx() }),
    );
    expect(r.status).toBe(200);
    const hits = (await r.json()) as Array<Record<string, unknown>>;
    expect(hits).toHaveLength(10);
    expect(Object.keys(hits[0]!).sort()).toEqual(["country", "externalRef", "id", "name", "tier"]);
    const long = await responseOf(() =>
      search.loader({ request: get(`/o/acme/suppliers/search?q=${"y".repeat(201)}`, officer()), params: acmeParams(), context: ctx() }),
    );
    expect(long.status).toBe(400);
    const other = await responseOf(() =>
      search.loader({ request: get("/o/acme/suppliers/search?q=paging", cookies["admin@b.test"]), params: acmeParams(), context: ctx() }),
    );
    expect(other.status).toBe(404);
  });

  it("keeps tenants apart: another tenant's supplier id is not found, for pages and actions", async () => {
    await setup(h());
    const theirs = await responseOf(() =>
      create.action({
        request: post("/o/boreal/suppliers/new", { name: "Boreal Secret Fab", country: "CN" }, cookies["admin@b.test"]),
        params: { org: "boreal" },
        context: ctx(),
      }),
    );
    const theirId = Number(/(\d+)$/.exec(theirs.headers.get("Location")!)?.[1]);
    const admin = cookies["admin@a.test"];
    const params = acmeParams({ id: String(theirId) });
    for (const fn of [page.loader, edit.loader]) {
      const r = await responseOf(() => fn({ request: get(`/o/acme/suppliers/${theirId}`, admin), params, context: ctx() }));
      expect(r.status).toBe(404);
      expect(await r.text()).not.toContain("Boreal Secret");
    }
    expect((await act(theirId, { intent: "archive" }, admin)).status).toBe(404);
    const editTheirs = await responseOf(() =>
      edit.action({
        request: post(`/o/acme/suppliers/${theirId}/edit`, { version: "1", name: "Hijack", country: "CN" }, admin),
        params,
        context: ctx(),
      }),
    );
    expect(editTheirs.status).toBe(404);
    const mine = await make("Acme Own Supplier");
    expect((await act(mine, { intent: "add-supplier", otherId: String(theirId) }, admin)).status).toBe(404);
    const stillTheirs = await h().db.selectFrom("suppliers").select(["name", "status"]).where("id", "=", theirId).executeTakeFirstOrThrow();
    expect(stillTheirs).toEqual({ name: "Boreal Secret Fab", status: "active" });
    expect((await listJson("?q=boreal")).total).toBe(0);
    // a user of another tenant does not even learn the organization exists
    const outsider = await responseOf(() =>
      list.loader({ request: get("/o/acme/suppliers", cookies["admin@b.test"]), params: acmeParams(), context: ctx() }),
    );
    expect(outsider.status).toBe(404);
    for (const bad of ["abc", "0", "1.5", "-3"]) {
      const r = await responseOf(() =>
        page.loader({ request: get(`/o/acme/suppliers/${bad}`, admin), params: acmeParams({ id: bad }), context: ctx() }),
      );
      expect(r.status, bad).toBe(404);
    }
  });

  it("lets executives read but answers 403 to their changes, and hides the buttons they cannot use", async () => {
    await setup(h());
    const exec = cookies["exec@a.test"];
    const listed = await listJson("", exec);
    expect(listed.mayEdit).toBe(false);
    expect(listed.mayImport).toBe(false);
    const id = listed.rows[0]!.id;
    const shown = await responseOf(() =>
      page.loader({ request: get(`/o/acme/suppliers/${id}`, exec), params: acmeParams({ id: String(id) }), context: ctx() }),
    );
    expect((await shown.json()).mayEdit).toBe(false);

    expect((await createVia({ name: "Exec Co", country: "BD" }, exec)).status).toBe(403);
    expect((await act(id, { intent: "archive" }, exec)).status).toBe(403);
    const editPage = await responseOf(() =>
      edit.loader({ request: get(`/o/acme/suppliers/${id}/edit`, exec), params: acmeParams({ id: String(id) }), context: ctx() }),
    );
    expect(editPage.status).toBe(403);
    const editPost = await responseOf(() =>
      edit.action({
        request: post(`/o/acme/suppliers/${id}/edit`, { version: "1", name: "Exec edit", country: "BD" }, exec),
        params: acmeParams({ id: String(id) }),
        context: ctx(),
      }),
    );
    expect(editPost.status).toBe(403);
    const newPage = await responseOf(() =>
      create.loader({ request: get("/o/acme/suppliers/new", exec), params: acmeParams(), context: ctx() }),
    );
    expect(newPage.status).toBe(403);
    expect(await h().db.selectFrom("suppliers").select("id").where("name", "in", ["Exec Co", "Exec edit"]).execute()).toHaveLength(0);

    const anon = await responseOf(() => list.loader({ request: get("/o/acme/suppliers?tier=2"), params: acmeParams(), context: ctx() }));
    expect(anon.status).toBe(302);
    expect(anon.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent("/o/acme/suppliers?tier=2")}`);
  });
});
