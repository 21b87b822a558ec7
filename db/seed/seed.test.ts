// Migrates a fresh database, loads reference data and the demo tenants, and checks the result:
// on SQLite always, on PostgreSQL too when TEST_PG_URL is set (each run in its own throwaway schema).
import fs from "node:fs";
import { randomBytes } from "node:crypto";
import Papa from "papaparse";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "~/lib/password.server";
import { normalizeName } from "~/domain/supply-chain/normalize";
import { computeTiers } from "~/domain/supply-chain/tiers";
import { createDb, type Db } from "../client";
import { migrateToLatest } from "../migrate";
import { DEMO_PASSWORD, seedDemo } from "./demo";
import { parseReferenceCsv, seedReferenceData } from "./reference";

/** Row count of a shipped CSV, counted independently of the loader. */
function csvRows(file: string): number {
  const text = fs.readFileSync(new URL(`./${file}`, import.meta.url), "utf8");
  return Papa.parse(text, { header: true, skipEmptyLines: true }).data.length;
}

function seedSuite(open: () => Promise<Db>, cleanup: () => Promise<void> = async () => {}) {
  let handle: Db;
  const db = () => handle.db;

  async function count(
    table:
      | "countries"
      | "tip_tiers"
      | "tip_proxies"
      | "tvpra_goods"
      | "organizations"
      | "users"
      | "memberships"
      | "suppliers"
      | "supplier_goods"
      | "supplier_links"
      | "audit_log",
  ): Promise<number> {
    const { n } = await db()
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(n);
  }

  async function orgId(slug: string): Promise<number> {
    const row = await db().selectFrom("organizations").select("id").where("slug", "=", slug).executeTakeFirstOrThrow();
    return row.id;
  }

  beforeAll(async () => {
    handle = await open();
    await migrateToLatest(handle);
    expect(await seedReferenceData(handle.db)).toEqual({
      countries: csvRows("countries.csv"),
      tipTiers: csvRows("tip-tiers.csv"),
      goods: csvRows("tvpra-goods.csv"),
      proxies: csvRows("territory-proxies.csv"),
      skipped: 0,
    });
    expect(await seedDemo(handle.db)).toBe(true);
  }, 60_000);

  afterAll(async () => {
    await handle?.close();
    await cleanup();
  });

  it("loads every country in countries.csv", async () => {
    expect(await count("countries")).toBe(csvRows("countries.csv"));
    const de = await db().selectFrom("countries").selectAll().where("iso2", "=", "DE").executeTakeFirst();
    expect(de).toEqual({ iso2: "DE", name: "Germany" });
    const bo = await db().selectFrom("countries").select("name").where("iso2", "=", "BO").executeTakeFirstOrThrow();
    expect(bo.name).toBe("Bolivia, Plurinational State of"); // quoted field with a comma
  });

  it("loads the stand-ins for territories and micro-states without a TIP placement of their own", async () => {
    expect(await count("tip_proxies")).toBe(49);
    const pr = await db().selectFrom("tip_proxies").selectAll().where("iso2", "=", "PR").executeTakeFirstOrThrow();
    expect(pr).toMatchObject({ proxy_iso2: "US", kind: "sovereign" });
    const mc = await db().selectFrom("tip_proxies").selectAll().where("iso2", "=", "MC").executeTakeFirstOrThrow();
    expect(mc).toMatchObject({ proxy_iso2: "FR", kind: "neighbour" });
    // Every stand-in has a placement of its own to lend.
    const lenders = await db().selectFrom("tip_proxies").select("proxy_iso2").distinct().execute();
    const placed = new Set((await db().selectFrom("tip_tiers").select("iso2").distinct().execute()).map((r) => r.iso2));
    expect(lenders.map((r) => r.proxy_iso2).filter((iso2) => !placed.has(iso2))).toEqual([]);
  });

  it("loads TIP tiers for every report year", async () => {
    expect(await count("tip_tiers")).toBe(csvRows("tip-tiers.csv"));
    const years = await db().selectFrom("tip_tiers").select("report_year").distinct().orderBy("report_year").execute();
    expect(years.map((y) => y.report_year)).toEqual([2023, 2024, 2025]);
    // Kosovo's user-assigned code is kept although ISO (and countries.csv) has no Kosovo.
    const xk = await db().selectFrom("tip_tiers").select("report_year").where("iso2", "=", "XK").execute();
    expect(xk).toHaveLength(2);
  });

  it("gives the latest TIP placement of well-known countries", async () => {
    const latest = async (iso2: string) =>
      db()
        .selectFrom("tip_tiers")
        .select(["tier", "report_year"])
        .where("iso2", "=", iso2)
        .orderBy("report_year", "desc")
        .limit(1)
        .executeTakeFirstOrThrow();
    // Viet Nam: Tier 2 Watch List in 2023, Tier 2 in 2024 and 2025.
    expect(await latest("VN")).toEqual({ tier: "Tier 2", report_year: 2025 });
    expect(await latest("CN")).toEqual({ tier: "Tier 3", report_year: 2025 });
    expect(await latest("US")).toEqual({ tier: "Tier 1", report_year: 2025 });
    expect(await latest("CD")).toEqual({ tier: "Tier 2 Watch List", report_year: 2025 });
  });

  it("loads the TVPRA list with yes/no as 1/0", async () => {
    expect(await count("tvpra_goods")).toBe(csvRows("tvpra-goods.csv"));
    const flags = (good: string, iso2: string) =>
      db()
        .selectFrom("tvpra_goods")
        .select(["child_labor", "forced_labor", "forced_child_labor", "list_year"])
        .where("good", "=", good)
        .where("iso2", "=", iso2)
        .executeTakeFirstOrThrow();
    expect(await flags("Cobalt ore (heterogenite)", "CD")).toEqual({
      child_labor: 1,
      forced_labor: 0,
      forced_child_labor: 0,
      list_year: 2022,
    });
    expect(await flags("Garments", "BD")).toEqual({ child_labor: 1, forced_labor: 1, forced_child_labor: 0, list_year: 2022 });
    expect(await flags("Solar Modules", "CN")).toEqual({ child_labor: 0, forced_labor: 0, forced_child_labor: 0, list_year: 2022 });
  });

  it("creates both demo tenants with an admin, a compliance officer and an executive", async () => {
    const orgs = await db().selectFrom("organizations").select(["slug", "name"]).orderBy("slug").execute();
    expect(orgs).toEqual([
      { slug: "acme", name: "Acme Apparel" },
      { slug: "borealis", name: "Borealis Electronics" },
    ]);
    for (const slug of ["acme", "borealis"]) {
      const members = await db()
        .selectFrom("memberships")
        .innerJoin("users", "users.id", "memberships.user_id")
        .select(["users.email", "memberships.role"])
        .where("memberships.org_id", "=", await orgId(slug))
        .orderBy("users.email")
        .execute();
      expect(members).toEqual([
        { email: `admin@${slug}.test`, role: "admin" },
        { email: `compliance@${slug}.test`, role: "compliance" },
        { email: `exec@${slug}.test`, role: "executive" },
      ]);
    }
  });

  it("stores a password hash that verifies", async () => {
    const users = await db().selectFrom("users").select(["email", "password_hash"]).execute();
    expect(users).toHaveLength(6);
    const hash = users.find((u) => u.email === "compliance@borealis.test")!.password_hash;
    expect(await verifyPassword(hash, DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(hash, "not-the-password")).toBe(false);
  });

  it("gives each tenant a tier 1-4 supply chain whose stored tiers match the links", async () => {
    for (const slug of ["acme", "borealis"]) {
      const id = await orgId(slug);
      const suppliers = await db()
        .selectFrom("suppliers")
        .select(["id", "tier", "name", "name_norm", "external_ref", "status", "version", "country", "currency"])
        .where("org_id", "=", id)
        .execute();
      expect(suppliers.length).toBeGreaterThanOrEqual(30);
      expect(suppliers.length).toBeLessThanOrEqual(40);
      expect(new Set(suppliers.map((s) => s.tier))).toEqual(new Set([1, 2, 3, 4]));

      const links = await db()
        .selectFrom("supplier_links")
        .select(["supplier_id", "buyer_id", "org_id"])
        .where("org_id", "=", id)
        .execute();
      const computed = computeTiers(
        suppliers.map((s) => s.id),
        links.map((l) => ({ supplierId: l.supplier_id, buyerId: l.buyer_id })),
      );
      for (const s of suppliers) expect(s.tier).toBe(computed.get(s.id));

      // Some suppliers feed two or more buyers.
      const buyerCounts = new Map<number, number>();
      for (const l of links) buyerCounts.set(l.supplier_id, (buyerCounts.get(l.supplier_id) ?? 0) + 1);
      expect([...buyerCounts.values()].filter((c) => c >= 2).length).toBeGreaterThanOrEqual(3);

      const prefix = slug === "acme" ? "ACME-V-" : "BORE-V-";
      for (const s of suppliers) {
        expect(s.external_ref).toMatch(new RegExp(`^${prefix}\\d{4}$`));
        expect(s.name_norm).toBe(normalizeName(s.name));
        expect(s.version).toBe(1);
        expect(s.currency).toBe("USD");
        expect(s.country).toMatch(/^[A-Z]{2}$/);
      }
      expect(suppliers.some((s) => s.status === "inactive")).toBe(true);
      expect(suppliers.filter((s) => s.status === "active").length).toBeGreaterThan(25);
    }
  });

  it("uses TVPRA spellings so demo goods match the list", async () => {
    for (const slug of ["acme", "borealis"]) {
      const matched = await db()
        .selectFrom("supplier_goods")
        .innerJoin("suppliers", "suppliers.id", "supplier_goods.supplier_id")
        .innerJoin("tvpra_goods", (j) =>
          j.onRef("tvpra_goods.good", "=", "supplier_goods.good").onRef("tvpra_goods.iso2", "=", "suppliers.country"),
        )
        .select("supplier_goods.good")
        .distinct()
        .where("supplier_goods.org_id", "=", await orgId(slug))
        .execute();
      expect(matched.length).toBeGreaterThanOrEqual(4);
    }
    const cobalt = await db().selectFrom("supplier_goods").select("good").where("good", "=", "Cobalt ore (heterogenite)").execute();
    expect(cobalt.length).toBeGreaterThan(0);
  });

  it("keeps the tenants apart and the audit log empty", async () => {
    const names = await db()
      .selectFrom("suppliers")
      .innerJoin("organizations", "organizations.id", "suppliers.org_id")
      .select(["organizations.slug", "suppliers.name_norm"])
      .execute();
    const acme = new Set(names.filter((n) => n.slug === "acme").map((n) => n.name_norm));
    expect(names.filter((n) => n.slug === "borealis").some((n) => acme.has(n.name_norm))).toBe(false);
    const crossTenantLinks = await db()
      .selectFrom("supplier_links as l")
      .innerJoin("suppliers as s", "s.id", "l.supplier_id")
      .innerJoin("suppliers as b", "b.id", "l.buyer_id")
      .select("l.supplier_id")
      .where((eb) => eb.or([eb("s.org_id", "!=", eb.ref("l.org_id")), eb("b.org_id", "!=", eb.ref("l.org_id"))]))
      .execute();
    expect(crossTenantLinks).toEqual([]);
    expect(await count("audit_log")).toBe(0);
  });

  it("does not duplicate anything when seeded again", async () => {
    const tables = [
      "countries",
      "tip_tiers",
      "tvpra_goods",
      "organizations",
      "users",
      "memberships",
      "suppliers",
      "supplier_goods",
      "supplier_links",
    ] as const;
    const before = await Promise.all(tables.map(count));
    expect(await seedDemo(db())).toBe(false);
    await seedReferenceData(db());
    await seedReferenceData(db());
    expect(await Promise.all(tables.map(count))).toEqual(before);
  });
}

describe("seed on SQLite", () => {
  seedSuite(async () => createDb(":memory:"));
});

const PG_URL = process.env.TEST_PG_URL;
describe.skipIf(!PG_URL)(PG_URL ? "seed on PostgreSQL" : "seed on PostgreSQL (skipped: TEST_PG_URL is not set)", () => {
  const schema = `seed_test_${randomBytes(6).toString("hex")}`;
  async function admin(statement: string) {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  }
  seedSuite(
    async () => {
      await admin(`create schema ${schema}`);
      const url = new URL(PG_URL!);
      url.searchParams.set("schema", schema);
      return createDb(url.toString());
    },
    () => admin(`drop schema if exists ${schema} cascade`),
  );
});

describe("parseReferenceCsv", () => {
  it("skips and counts rows with a blank iso2", () => {
    const { rows, skipped } = parseReferenceCsv(
      "tip-tiers",
      "iso2,country,tier,report_year\nDE,Germany,Tier 1,2025\n ,Nowhere,Tier 2,2025\n,Atlantis,Tier 3,2024\n",
    );
    expect(rows).toEqual([{ iso2: "DE", country: "Germany", tier: "Tier 1", report_year: 2025 }]);
    expect(skipped).toBe(2);
  });

  it("rejects any other invalid row with its line number", () => {
    expect(() =>
      parseReferenceCsv(
        "tvpra-goods",
        "good,country,iso2,child_labor,forced_labor,list_year,forced_child_labor\nCotton,India,IN,yes,maybe,2022,no\n",
      ),
    ).toThrow(/line 2.*forced_labor/);
    expect(() => parseReferenceCsv("countries", "iso2,name\nDEU,Germany\n")).toThrow(/line 2: iso2/);
  });

  it("maps yes/no to 1/0 and upper-cases codes", () => {
    const { rows } = parseReferenceCsv(
      "tvpra-goods",
      "good,country,iso2,child_labor,forced_labor,list_year,forced_child_labor\nCotton,India,in,Yes,no,2022,no\n",
    );
    expect(rows[0]).toMatchObject({ iso2: "IN", child_labor: 1, forced_labor: 0, forced_child_labor: 0 });
  });
});
