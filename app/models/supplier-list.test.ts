// The supplier list's queries against a real database (SQLite, and PostgreSQL when TEST_PG_URL is
// set): the risk filter and sorts, paging, and the per-process answers (total, filter menus) that
// must follow every change — made by this process, by another connection, or by another app server.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeEachEngine, makeOrg } from "~/test/support";
import { createDb, type Db } from "~db/client";
import { migrateToLatest } from "~db/migrate";
import { SupplierListQuerySchema, SupplierSchema } from "~/schemas/supplier";
import { deleteSupplierRow, insertSupplier, setSupplierStatus } from "./supplier.server";
import { listSuppliers, supplierListPage } from "./supplier-list.server";
import { cachedWhileUnchanged, changeMarker } from "./change-marker.server";
import { decodeCursor } from "~/domain/list-cursor";

const q = (params: Record<string, string> = {}) => SupplierListQuerySchema.parse(params);
type Band = "low" | "medium" | "high" | "critical";

async function supplier(
  db: Db,
  orgId: number,
  name: string,
  risk: [number, Band] | null,
  extra: Record<string, unknown> = {},
): Promise<number> {
  const id = await insertSupplier(db.db, orgId, SupplierSchema.parse({ name, country: "BD", ...extra }));
  if (risk) {
    await db.db
      .updateTable("suppliers")
      .set({ risk_score: risk[0], risk_band: risk[1], risk_computed_at: new Date().toISOString() })
      .where("id", "=", id)
      .execute();
  }
  return id;
}

describeEachEngine("supplier list queries", (h) => {
  let orgId: number;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    orgId = (await makeOrg(h(), "risklist", [["o@rl.test", "compliance"]])).orgId;
    const plan: Array<[string, [number, Band] | null]> = [
      ["Alpha Mill", [82.5, "critical"]],
      ["Bravo Works", [75, "critical"]],
      ["Charlie Dyeing", [55, "high"]],
      ["Delta Spinning", [75, "critical"]],
      ["Echo Knits", [31, "medium"]],
      ["Foxtrot Farms", [12.4, "low"]],
      ["Golf Tannery", null],
      ["Hotel Weaving", null],
      ["India Cotton", [49.9, "medium"]],
      ["Juliet Garments", [5, "low"]],
      ["Kilo Leather", null],
    ];
    for (const [name, risk] of plan) ids[name] = await supplier(h(), orgId, name, risk);
    // Archived suppliers stay out of the default list, whatever their band.
    ids["Zulu Archived"] = await supplier(h(), orgId, "Zulu Archived", [99, "critical"]);
    await setSupplierStatus(h().db, orgId, ids["Zulu Archived"]!, "archived");
  });

  const names = (rows: Array<{ name: string }>) => rows.map((r) => r.name);

  it("filters by band and by 'not scored yet', leaving archived suppliers out unless asked", async () => {
    const critical = await listSuppliers(h().db, orgId, q({ risk: "critical" }));
    expect(names(critical.rows)).toEqual(["Alpha Mill", "Bravo Works", "Delta Spinning"]);
    expect(critical.total).toBe(3);
    expect((await listSuppliers(h().db, orgId, q({ risk: "critical", status: "all" }))).total).toBe(4);
    const none = await listSuppliers(h().db, orgId, q({ risk: "none" }));
    expect(names(none.rows)).toEqual(["Golf Tannery", "Hotel Weaving", "Kilo Leather"]);
    expect(none.rows.every((r) => r.risk_score === null && r.risk_band === null)).toBe(true);
    expect((await listSuppliers(h().db, orgId, q({ risk: "low" }))).total).toBe(2);
    expect((await listSuppliers(h().db, orgId, q({ risk: "medium", q: "echo" }))).rows.map((r) => r.name)).toEqual(["Echo Knits"]);
  });

  it("sorts by score: highest first by default, unscored suppliers last in both directions", async () => {
    const desc = await listSuppliers(h().db, orgId, q({ sort: "score", dir: "desc" }));
    // Ties (75, 75) by id in the same direction, so that pages never overlap.
    expect(names(desc.rows)).toEqual([
      "Alpha Mill",
      "Delta Spinning",
      "Bravo Works",
      "Charlie Dyeing",
      "India Cotton",
      "Echo Knits",
      "Foxtrot Farms",
      "Juliet Garments",
      "Kilo Leather",
      "Hotel Weaving",
      "Golf Tannery",
    ]);
    const asc = await listSuppliers(h().db, orgId, q({ sort: "score", dir: "asc" }));
    expect(names(asc.rows).slice(0, 8)).toEqual([
      "Juliet Garments",
      "Foxtrot Farms",
      "Echo Knits",
      "India Cotton",
      "Charlie Dyeing",
      "Bravo Works",
      "Delta Spinning",
      "Alpha Mill",
    ]);
    expect(names(asc.rows).slice(8)).toEqual(["Golf Tannery", "Hotel Weaving", "Kilo Leather"]);
    expect(asc.rows[0]).toMatchObject({ risk_score: 5, risk_band: "low" });
  });

  it("sorts by band from critical down (or up), suppliers of one band by name, unscored last", async () => {
    const desc = await listSuppliers(h().db, orgId, q({ sort: "band", dir: "desc" }));
    expect(names(desc.rows)).toEqual([
      "Alpha Mill",
      "Bravo Works",
      "Delta Spinning",
      "Charlie Dyeing",
      "Echo Knits",
      "India Cotton",
      "Foxtrot Farms",
      "Juliet Garments",
      "Golf Tannery",
      "Hotel Weaving",
      "Kilo Leather",
    ]);
    const asc = await listSuppliers(h().db, orgId, q({ sort: "band", dir: "asc" }));
    expect(names(asc.rows)).toEqual([
      "Foxtrot Farms",
      "Juliet Garments",
      "Echo Knits",
      "India Cotton",
      "Charlie Dyeing",
      "Alpha Mill",
      "Bravo Works",
      "Delta Spinning",
      "Golf Tannery",
      "Hotel Weaving",
      "Kilo Leather",
    ]);
  });

  it("pages every sort without gaps or overlaps (the page's ids are found first, then its rows)", async () => {
    for (let i = 0; i < 14; i++)
      await supplier(h(), orgId, `Paged ${String(i).padStart(2, "0")}`, i % 4 === 0 ? null : [(i * 7) % 60, i % 3 ? "medium" : "low"]);
    for (const sort of ["name", "score", "band", "spend", "tier"] as const) {
      for (const dir of ["asc", "desc"] as const) {
        const all = await listSuppliers(h().db, orgId, q({ sort, dir, size: "200" }));
        const paged: number[] = [];
        for (let page = 1; page <= 3; page++) {
          const p = await listSuppliers(h().db, orgId, q({ sort, dir, size: "10", page: String(page) }));
          expect(p.total, `${sort} ${dir}`).toBe(all.total);
          paged.push(...p.rows.map((r) => r.id));
        }
        expect(paged, `${sort} ${dir}`).toEqual(all.rows.map((r) => r.id));
      }
    }
  });

  it("walks pages by cursor, forwards and back, in the order the numbered pages give (ties broken by id)", async () => {
    // Same names and the same country on purpose: the cursor's id must break the ties.
    for (let i = 0; i < 6; i++) await supplier(h(), orgId, `Twin Mill`, null, { country: i % 2 ? "VN" : "BD" });
    for (const sort of ["name", "country", "updated"] as const) {
      for (const dir of ["asc", "desc"] as const) {
        const all = (await listSuppliers(h().db, orgId, q({ sort, dir, size: "200" }))).rows.map((r) => r.id);
        const pages: number[][] = [];
        let after: string | null = null;
        for (let page = 1; page <= Math.ceil(all.length / 10); page++) {
          const p = await supplierListPage(h().db, orgId, q({ sort, dir, size: "10", page: String(page), ...(after ? { after } : {}) }));
          pages.push(p.rows.map((r) => r.id));
          after = p.cursors.after;
          expect(after, `${sort} ${dir}`).not.toBeNull();
        }
        expect(pages.flat(), `${sort} ${dir} forwards`).toEqual(all);
        // Back from the last page: each "previous" link gives the page before it, whole and in order.
        let before = (await supplierListPage(h().db, orgId, q({ sort, dir, size: "10", page: String(pages.length) }))).cursors.before;
        for (let page = pages.length - 1; page >= 1; page--) {
          const p = await supplierListPage(h().db, orgId, q({ sort, dir, size: "10", page: String(page), before: before! }));
          expect(
            p.rows.map((r) => r.id),
            `${sort} ${dir} back to page ${page}`,
          ).toEqual(pages[page - 1]);
          before = p.cursors.before;
        }
      }
    }
  });

  it("continues after a row that has gone, and falls back to the page number for a cursor it cannot read", async () => {
    const all = (await listSuppliers(h().db, orgId, q({ size: "200" }))).rows;
    const first = await supplierListPage(h().db, orgId, q({ size: "10" }));
    const gone = await supplier(h(), orgId, "Aaa Gone Soon", null);
    const cursor = `${gone}:${"aaa gone soon"}`;
    await deleteSupplierRow(h().db, orgId, gone);
    const next = await supplierListPage(h().db, orgId, q({ size: "10", page: "2", after: cursor }));
    expect(next.rows.map((r) => r.id)).toEqual(all.slice(0, 10).map((r) => r.id));
    const fallback = await supplierListPage(h().db, orgId, q({ size: "10", page: "2", after: "not-a-cursor" }));
    expect(fallback.rows.map((r) => r.id)).toEqual(all.slice(10, 20).map((r) => r.id));
    expect(decodeCursor(first.cursors.after)?.id).toBe(all[9]!.id);
    // Sorts whose key may be empty page by number and offer no cursor.
    expect((await supplierListPage(h().db, orgId, q({ sort: "score", size: "10" }))).cursors).toEqual({ before: null, after: null });
  });

  it("keeps the total and the filter menus while nothing changes, and follows every change at once", async () => {
    const db = h().db;
    const { orgId: other } = await makeOrg(h(), "cachelist", [["o@cl.test", "compliance"]]);
    const view = () => supplierListPage(db, other, q());
    const first = await view();
    expect(first.total).toBe(0);
    expect(first.options.sectors).toEqual([]);
    const m1 = await changeMarker(db);
    expect(m1).not.toBeNull();
    // Reading changes nothing. (On PostgreSQL the marker is the server's snapshot: other databases'
    // transactions on a shared test server move it too, which only costs a recompute.)
    if (h().engine === "sqlite") expect(await changeMarker(db)).toBe(m1);
    expect(await view()).toEqual(first);

    const a = await supplier(h(), other, "Cache Mill", null, { sector: "Spinning" });
    expect(await changeMarker(db)).not.toBe(m1);
    let now = await view();
    expect(now.total).toBe(1);
    expect(now.options.sectors).toEqual(["Spinning"]);
    expect((await supplierListPage(db, other, q({ risk: "high" }))).total).toBe(0);

    await db.updateTable("suppliers").set({ risk_score: 60, risk_band: "high" }).where("id", "=", a).execute();
    expect((await supplierListPage(db, other, q({ risk: "high" }))).total).toBe(1);

    await setSupplierStatus(db, other, a, "archived");
    now = await view();
    expect(now.total).toBe(0);
    expect((await supplierListPage(db, other, q({ status: "all" }))).total).toBe(1);

    await deleteSupplierRow(db, other, a);
    expect((await supplierListPage(db, other, q({ status: "all" }))).total).toBe(0);
    expect((await view()).options.sectors).toEqual([]);
  });

  it("caches nothing inside a transaction (its writes may still be rolled back)", async () => {
    const db = h().db;
    await db.transaction().execute(async (trx) => {
      expect(await changeMarker(trx)).toBeNull();
    });
    let calls = 0;
    const compute = async () => ++calls;
    expect(await cachedWhileUnchanged(db, null, "k", compute)).toBe(1);
    expect(await cachedWhileUnchanged(db, null, "k", compute)).toBe(2);
    const m = await changeMarker(db);
    expect(await cachedWhileUnchanged(db, m, "k", compute)).toBe(3);
    expect(await cachedWhileUnchanged(db, m, "k", compute)).toBe(3);
    expect(await cachedWhileUnchanged(db, `${m}x`, "k", compute)).toBe(4);
  });

  it("sees a change made through another connection (another app server, a worker)", async () => {
    const db = h();
    if (db.engine !== "postgres") return; // SQLite: the file-based suite below (an in-memory database has one connection)
    const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(db.db)).rows[0]!.s;
    const u = new URL(process.env.TEST_PG_URL!);
    u.searchParams.set("schema", schema);
    const second = createDb(u.toString(), { poolSize: 1 });
    try {
      const { orgId: o } = await makeOrg(db, "twoservers", [["o@ts.test", "compliance"]]);
      expect((await supplierListPage(db.db, o, q())).total).toBe(0);
      await insertSupplier(second.db, o, SupplierSchema.parse({ name: "Written Elsewhere", country: "BD", sector: "Dyeing" }));
      const seen = await supplierListPage(db.db, o, q());
      expect(seen.total).toBe(1);
      expect(seen.options.sectors).toEqual(["Dyeing"]);
    } finally {
      await second.close();
    }
  });
});

describe("supplier list answers on a SQLite file with two connections", () => {
  let dir: string;
  let a: Db;
  let b: Db;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-list-"));
    a = createDb(`file:${path.join(dir, "t.db")}`);
    await migrateToLatest(a);
    b = createDb(`file:${path.join(dir, "t.db")}`);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("sees what the other connection committed (the import and risk workers have their own)", async () => {
    const { orgId } = await makeOrg(a, "file", [["o@f.test", "compliance"]]);
    const before = await supplierListPage(a.db, orgId, q());
    expect(before.total).toBe(0);
    const marker = await changeMarker(a.db);
    await insertSupplier(b.db, orgId, SupplierSchema.parse({ name: "From The Worker", country: "BD", sector: "Knitting" }));
    expect(await changeMarker(a.db)).not.toBe(marker);
    const after = await supplierListPage(a.db, orgId, q());
    expect(after.total).toBe(1);
    expect(after.options.sectors).toEqual(["Knitting"]);
  });
});
