import { beforeAll, expect, it } from "vitest";
import { describeEachEngine, makeOrg } from "~/test/support";
import { checkCsv } from "./import-check.server";
import { commitCsv } from "./import-commit.server";
import { addLink, removeLink } from "./suppliers.server";
import { suggestMapping } from "~/domain/csv/mapping";
import { parseSupplierCsv } from "~/domain/csv/parse";
import { largeSupplierCsv } from "~db/seed/large-csv";
import type { Db } from "~db/client";

async function seedRef(h: Db) {
  await h.db
    .insertInto("countries")
    .values([
      { iso2: "BD", name: "Bangladesh" },
      { iso2: "VN", name: "Viet Nam" },
      { iso2: "CN", name: "China" },
      { iso2: "IN", name: "India" },
    ])
    .execute();
  await h.db
    .insertInto("tvpra_goods")
    .values([
      { good: "Cotton", iso2: "CN", child_labor: 0, forced_labor: 1, forced_child_labor: 0, list_year: 2022 },
      { good: "Garments", iso2: "CN", child_labor: 0, forced_labor: 1, forced_child_labor: 0, list_year: 2022 },
    ])
    .execute();
}

const mappingOf = (csv: string) => {
  const p = parseSupplierCsv(csv);
  if (!p.ok) throw new Error(p.error);
  return suggestMapping(p.headers);
};

describeEachEngine("supplier CSV import", (h) => {
  let orgId = 0;
  let userId = 0;
  const actor = () => ({ orgId, userId: null, label: "test@import", ip: null });
  const count = async (table: "suppliers" | "supplier_links" | "supplier_goods") =>
    Number(
      (
        await h()
          .db.selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("org_id", "=", orgId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    await seedRef(h());
    const made = await makeOrg(h(), "imp", [["a@imp.test", "admin"]]);
    orgId = made.orgId;
    userId = made.users["a@imp.test"]!;
  });

  const good = [
    "external_ref;name;country;goods;annual_spend;supplies_to",
    'F-1;"Factory One, Ltd";BANGLADESH;Garments;"1.200,50";',
    "M-1;Mill One;Viet Nam;cotton|Zippers;;F-1",
    'S-1;"Spinner ""One""";vietnam;;;M-1|F-1',
  ].join("\n");

  it("reports every bad row and writes nothing", async () => {
    const bad = good.replace("Viet Nam", "Atlantis").replace('"1.200,50"', "lots") + "\nS-2;Spinner Two;CN;;;NOPE";
    const preview = await checkCsv(h().db, orgId, bad, mappingOf(bad));
    // the row pointing at the bad row M-1 is not reported twice
    expect(preview.errorCount).toBe(3);
    expect(preview.errors.map((e) => [e.line, e.column])).toEqual([
      [2, "annual_spend"],
      [3, "country"],
      [5, "supplies_to"],
    ]);
    const out = await commitCsv(h().db, actor(), bad, mappingOf(bad));
    expect(out).toMatchObject({ ok: false, kind: "invalid" });
    expect(await count("suppliers")).toBe(0);
  });

  it("refuses a loop through supplies_to, naming it", async () => {
    const loop = "external_ref,name,country,supplies_to\nA,Alpha,CN,C\nB,Beta,CN,A\nC,Gamma,CN,B";
    const preview = await checkCsv(h().db, orgId, loop, mappingOf(loop));
    expect(preview.errors).toHaveLength(1);
    expect(preview.errors[0]!.message).toMatch(/loop: .*\(line \d\) → .* → .* → /);
    expect(await count("suppliers")).toBe(0);
  });

  it("previews, commits everything with tiers, and a second import of the same file changes nothing", async () => {
    const preview = await checkCsv(h().db, orgId, good, mappingOf(good));
    expect(preview).toMatchObject({ rows: 3, new: 3, changed: 0, unchanged: 0, errorCount: 0 });
    expect(preview.warnings.map((w) => w.message).join()).toMatch(/Zippers/);
    const out = await commitCsv(h().db, actor(), good, mappingOf(good));
    expect(out.ok).toBe(true);
    const rows = await h()
      .db.selectFrom("suppliers")
      .select(["external_ref", "name", "country", "tier", "annual_spend"])
      .where("org_id", "=", orgId)
      .orderBy("external_ref")
      .execute();
    expect(rows).toEqual([
      { external_ref: "F-1", name: "Factory One, Ltd", country: "BD", tier: 1, annual_spend: 1200.5 },
      { external_ref: "M-1", name: "Mill One", country: "VN", tier: 2, annual_spend: null },
      { external_ref: "S-1", name: 'Spinner "One"', country: "VN", tier: 2, annual_spend: null },
    ]);
    expect(await count("supplier_links")).toBe(3);
    const goods = await h().db.selectFrom("supplier_goods").select("good").where("org_id", "=", orgId).orderBy("good").execute();
    expect(goods.map((g) => g.good)).toEqual(["Cotton", "Garments", "Zippers"]);

    const again = await commitCsv(h().db, actor(), good, mappingOf(good));
    expect(again.ok && again.value.result).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await count("suppliers")).toBe(3);
    expect(await count("supplier_links")).toBe(3);

    const changed = good.replace("Mill One", "Mill One Renamed").replace("M-1|F-1", "M-1");
    // By default an import only adds: the differences are shown as kept, nothing is written.
    const kept = await checkCsv(h().db, orgId, changed, mappingOf(changed));
    expect(kept).toMatchObject({ new: 0, changed: 0, unchanged: 3, keptSuppliers: 2, keptFields: { name: 1, supplies_to: 1 } });
    const overwrite = { policy: "overwrite" as const, resolutions: {} };
    const p2 = await checkCsv(h().db, orgId, changed, mappingOf(changed), undefined, overwrite);
    expect(p2).toMatchObject({ new: 0, changed: 2, unchanged: 1, overwrites: { name: 1, supplies_to: 1 } });
    expect(p2.changedList?.map((c) => [c.ref, c.changes])).toEqual([
      ["M-1", [{ field: "name", before: "Mill One", after: "Mill One Renamed" }]],
      ["S-1", [{ field: "supplies_to", before: "M-1|F-1", after: "M-1" }]],
    ]);
    await commitCsv(h().db, actor(), changed, mappingOf(changed), { options: overwrite });
    const s1 = await h().db.selectFrom("suppliers").select(["tier"]).where("external_ref", "=", "S-1").executeTakeFirstOrThrow();
    expect(s1.tier).toBe(3);
    const m1 = await h().db.selectFrom("suppliers").select(["name", "version"]).where("external_ref", "=", "M-1").executeTakeFirstOrThrow();
    expect(m1).toEqual({ name: "Mill One Renamed", version: 2 });
    const audit = await h().db.selectFrom("audit_log").select("action").where("org_id", "=", orgId).execute();
    // one summary per import (the file is kept with it), one entry per changed supplier with its diff
    expect(audit.filter((a) => a.action === "supplier.import_committed")).toHaveLength(3);
    expect(audit.filter((a) => a.action === "supplier.updated")).toHaveLength(2);
  });

  it("matches a file without references by normalised name and country, and reports repeats", async () => {
    const csv = 'Supplier Name,Country\n"Factory One, Ltd",Bangladesh\nNew Place,India\nNew Place,india\nFACTORY ONE LTD,BD';
    const preview = await checkCsv(h().db, orgId, csv, mappingOf(csv));
    // "FACTORY ONE LTD" normalises like "Factory One, Ltd": a repeat of line 2 with a different spelling
    expect(preview).toMatchObject({ rows: 2, new: 1, unchanged: 1 });
    expect(preview.warnings.some((w) => w.line === 4)).toBe(true);
  });

  it("re-checks inside the write transaction when the supply base changed after the analysis", async () => {
    const csv = "external_ref,name,country,supplies_to\nRC-1,Race One,CN,\nRC-2,Race Two,CN,RC-1";
    expect((await commitCsv(h().db, actor(), csv, mappingOf(csv))).ok).toBe(true);
    const id = async (ref: string) =>
      (await h().db.selectFrom("suppliers").select("id").where("external_ref", "=", ref).executeTakeFirstOrThrow()).id;
    const [one, two] = [await id("RC-1"), await id("RC-2")];
    const ident = {
      user: { sessionId: "s", userId, email: "a@imp.test", name: "X" },
      org: { id: orgId, slug: "imp", name: "IMP" },
      role: "compliance" as const,
    };
    // The file keeps RC-2 → RC-1 and adds RC-3 (supplying RC-2) without mapping RC-1's buyers again.
    // Between the analysis and the write, someone turns the link around (RC-1 → RC-2): the file's
    // RC-2 → RC-1 would now close a loop, so the import must notice and write nothing.
    const next = "external_ref,name,country,supplies_to\nRC-2,Race Two,CN,RC-1\nRC-3,Race Three,CN,RC-2";
    let injected = false;
    const out = await commitCsv(h().db, actor(), next, mappingOf(next), {
      options: { policy: "overwrite", resolutions: {} },
      progress: async (phase) => {
        if (phase !== "Writing suppliers" || injected) return;
        injected = true;
        expect(await addLink(h().db, ident, one, two, "ip")).toMatchObject({ ok: false, kind: "conflict" }); // already a loop: refused
        expect(await removeLink(h().db, ident, two, one, "ip")).toEqual({ ok: true, value: { changedTiers: expect.any(Number) } });
        expect(await addLink(h().db, ident, one, two, "ip")).toEqual({ ok: true, value: { changedTiers: expect.any(Number) } });
      },
    });
    expect(injected).toBe(true);
    // Re-analysed inside the transaction: RC-2 → RC-1 (file) and RC-1 → RC-2 (the new link) loop.
    // (The file's rows replace only RC-2's and RC-3's buyers; RC-1's new link stays.)
    expect(out.ok).toBe(false);
    expect(out.ok ? [] : out.detail!.preview.errors.map((e) => e.message).join()).toMatch(/loop/);
    expect(await h().db.selectFrom("suppliers").select("id").where("external_ref", "=", "RC-3").execute()).toHaveLength(0);
  });

  it("imports a few thousand suppliers in tiers 1 to 4 through the same path as seed:large", async () => {
    const { csv, links } = largeSupplierCsv(3000);
    const org2 = (await makeOrg(h(), "big", [["c@big.test", "compliance"]])).orgId;
    await h()
      .db.insertInto("countries")
      .values(
        [
          "TR",
          "PK",
          "KH",
          "ID",
          "MY",
          "TH",
          "MX",
          "BR",
          "ET",
          "MM",
          "LK",
          "EG",
          "MA",
          "PT",
          "IT",
          "DE",
          "PL",
          "RO",
          "US",
          "CD",
          "GH",
          "CI",
          "UZ",
          "TM",
          "PH",
          "NP",
        ].map((iso2) => ({ iso2, name: iso2 })),
      )
      .execute();
    const out = await commitCsv(h().db, { orgId: org2, userId: null, label: "seed", ip: null }, csv, mappingOf(csv));
    expect(out.ok).toBe(true);
    if (out.ok) expect(out.value.result).toMatchObject({ created: 3000, links });
    const tiers = await h()
      .db.selectFrom("suppliers")
      .select((eb) => ["tier", eb.fn.countAll<number>().as("n")])
      .where("org_id", "=", org2)
      .groupBy("tier")
      .orderBy("tier")
      .execute();
    expect(tiers.map((t) => [t.tier, Number(t.n)])).toEqual([
      [1, 300],
      [2, 600],
      [3, 900],
      [4, 1200],
    ]);
  });
});
