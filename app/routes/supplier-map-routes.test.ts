// The maps against a real database, on both engines: the dashboard's map follows its filters,
// places each site when few match and counts by country (from the roll-up) when many do; the world
// outline is served as a cacheable image; the supplier page carries what its location map needs.
import { beforeAll, expect, it } from "vitest";
import { contextFor, cookieFor, describeEachEngine, get, makeOrg, responseOf } from "~/test/support";
import * as dashboard from "./o.$org._index";
import * as world from "./map.world[.svg]";
import type { OrgIdentity } from "~/lib/auth.server";
import { SupplierSchema } from "~/schemas/supplier";
import { createSupplier } from "~/services/suppliers.server";
import { dashboardPage } from "~/services/supplier-map.server";
import { DashboardQuerySchema } from "~/schemas/dashboard";
import { forgetReferenceData } from "~/services/risk.server";
import { seedReferenceData } from "~db/seed/reference";
import type { DashboardMap } from "~/domain/map/geo";

describeEachEngine("supplier maps", (h) => {
  let ident: OrgIdentity;
  let cookie = "";
  let orgId = 0;
  const ids: Record<string, number> = {};
  const ctx = () => contextFor(h());

  beforeAll(async () => {
    await seedReferenceData(h().db);
    forgetReferenceData();
    const org = await makeOrg(h(), "mapco", [["officer@m.test", "compliance"]]);
    orgId = org.orgId;
    cookie = await cookieFor(h(), org.users["officer@m.test"]!);
    ident = {
      user: { sessionId: "t", userId: org.users["officer@m.test"]!, email: "officer@m.test", name: "officer" },
      org: { id: org.orgId, slug: "mapco", name: "Map Co" },
      role: "compliance",
    };
    const make = async (name: string, extra: Record<string, unknown>) => {
      const r = await createSupplier(h().db, ident, SupplierSchema.parse({ name, ...extra }), "192.0.2.1");
      if (!r.ok) throw new Error(r.message);
      ids[name] = r.value.id;
    };
    await make("Dhaka Knit Ltd", { country: "BD", sector: "Apparel", latitude: "23.8103", longitude: "90.4125" });
    await make("Chittagong Denim", { country: "BD", sector: "Denim", latitude: "22.3569", longitude: "91.7832" });
    await make("Hanoi Shoes", { country: "VN", sector: "Footwear", latitude: "21.0278", longitude: "105.8342" });
    await make("Unplaced Trims", { country: "VN", sector: "Trims" });
  });

  async function mapOf(query: string): Promise<DashboardMap> {
    const r = await responseOf(() =>
      dashboard.loader({ request: get(`/o/mapco${query}`, cookie), params: { org: "mapco" }, context: ctx() }),
    );
    expect(r.status, query).toBe(200);
    return ((await r.json()) as { map: DashboardMap }).map;
  }

  it("places each matching site with its band, says how many have no coordinates, and follows the filters", async () => {
    const all = await mapOf("");
    expect(all.mode).toBe("points");
    if (all.mode !== "points") return;
    expect(all.suppliers).toBe(4);
    expect(all.points.map((p) => p.name).sort()).toEqual(["Chittagong Denim", "Dhaka Knit Ltd", "Hanoi Shoes"]);
    const dhaka = all.points.find((p) => p.name === "Dhaka Knit Ltd")!;
    expect(dhaka).toMatchObject({
      id: ids["Dhaka Knit Ltd"],
      country: "BD",
      countryName: "Bangladesh",
      latitude: 23.8103,
      longitude: 90.4125,
    });
    expect(["low", "medium", "high", "critical"]).toContain(dhaka.band);
    expect(typeof dhaka.score).toBe("number");

    const vn = await mapOf("?country=VN");
    expect(vn.mode === "points" && vn.points.map((p) => p.name)).toEqual(["Hanoi Shoes"]);
    expect(vn.suppliers).toBe(2);
    const denim = await mapOf("?sector=Denim");
    expect(denim.mode === "points" && denim.points.map((p) => p.name)).toEqual(["Chittagong Denim"]);
  });

  it("counts by country, with the worst band, when more suppliers match than it places one by one", async () => {
    const q = DashboardQuerySchema.parse({});
    const page = await dashboardPage(h().db, orgId, q, { pointLimit: 2 });
    if (!page.ok) throw new Error(page.message);
    const r = page.value;
    expect(r.map.mode).toBe("countries");
    if (r.map.mode !== "countries") return;
    const bd = r.map.countries.find((c) => c.country === "BD")!;
    const vn = r.map.countries.find((c) => c.country === "VN")!;
    // Every supplier counts here, placed or not: the country is always known.
    expect(bd.suppliers).toBe(2);
    expect(vn.suppliers).toBe(2);
    expect(bd.name).toBe("Bangladesh");
    expect(bd.at!.latitude).toBeGreaterThan(22);
    expect(bd.at!.longitude).toBeGreaterThan(88);
    const sum = (c: typeof bd) => c.bands.critical + c.bands.high + c.bands.medium + c.bands.low + c.bands.none;
    expect(sum(bd)).toBe(2);
    expect(bd.worst).toBe((["critical", "high", "medium", "low", "none"] as const).find((b) => bd.bands[b] > 0));
    // A large tenant is drawn by country even when its filter matches few suppliers.
    const large = await dashboardPage(h().db, orgId, DashboardQuerySchema.parse({ country: "VN" }), { pointTenantLimit: 3 });
    if (!large.ok) throw new Error(large.message);
    expect(large.value.map.mode).toBe("countries");
    // The filter applies to the aggregates too.
    const only = await dashboardPage(h().db, orgId, DashboardQuerySchema.parse({ country: "VN" }), { pointLimit: 1 });
    if (!only.ok || only.value.map.mode !== "countries") throw new Error("expected countries");
    expect(only.value.map.countries.map((c) => [c.country, c.suppliers])).toEqual([["VN", 2]]);
  });

  it("serves the world outline as a cacheable SVG image that loads nothing else", async () => {
    const r = await world.loader();
    expect(r.status).toBe(200);
    expect(r.headers.get("Content-Type")).toMatch(/^image\/svg\+xml/);
    expect(r.headers.get("Cache-Control")).toMatch(/max-age=\d+/);
    const svg = await r.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 3600 1800"/);
    expect(svg).toMatch(/<path d="M/);
    expect(svg).not.toMatch(/href|<script|url\(/i);
  });
});
