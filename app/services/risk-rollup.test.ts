// The dashboard roll-ups after a recompute: a small recompute for today marks them stale (the next
// read or the periodic refresh rewrites them), a full or backdated one rewrites them at once.
import { beforeAll, expect, it } from "vitest";
import { sql } from "kysely";
import { describeEachEngine, makeOrg } from "~/test/support";
import type { OrgIdentity } from "~/lib/auth.server";
import type { Db } from "~db/client";
import { SupplierSchema } from "~/schemas/supplier";
import { todayIso } from "~/domain/dates";
import { seedReferenceData } from "~db/seed/reference";
import { markRollupStale, orgIdsWithStaleRollup, rollupState } from "~/models/dashboard-rollup.server";
import { createSupplier, updateSupplier } from "./suppliers.server";
import { forgetReferenceData, scoresChanged } from "./risk.server";
import { refreshStaleRollups } from "./risk-sweeps.server";
import { DashboardQuerySchema } from "~/schemas/dashboard";
import { dashboardData } from "./dashboard.server";

const DAY = 86_400_000;

describeEachEngine("risk roll-ups after a recompute", (h) => {
  beforeAll(async () => {
    await seedReferenceData(h().db);
    forgetReferenceData();
  });

  async function tenant(db: Db, slug: string): Promise<OrgIdentity> {
    const { orgId, users } = await makeOrg(db, slug, [[`o@${slug}.test`, "admin"]]);
    return {
      user: { sessionId: "x", userId: users[`o@${slug}.test`]!, email: `o@${slug}.test`, name: "O" },
      org: { id: orgId, slug, name: slug },
      role: "admin",
    };
  }
  async function make(ident: OrgIdentity, name: string, country: string, goods: string[] = []) {
    const r = await createSupplier(h().db, ident, SupplierSchema.parse({ name, country, goods }), "192.0.2.1");
    if (!r.ok) throw new Error(r.message);
    return r.value.id;
  }
  /** The cube's totals per band, and the suppliers table's: they must agree once the roll-up is fresh. */
  async function cubeBands(orgId: number) {
    const rows = await h()
      .db.selectFrom("dashboard_cube")
      .select(["band", sql<number>`sum(suppliers)`.as("n")])
      .where("org_id", "=", orgId)
      .groupBy("band")
      .execute();
    return Object.fromEntries(rows.filter((r) => Number(r.n) > 0).map((r) => [r.band ?? "none", Number(r.n)]));
  }
  async function tableBands(orgId: number) {
    const rows = await h()
      .db.selectFrom("suppliers")
      .select(["risk_band", sql<number>`count(*)`.as("n")])
      .where("org_id", "=", orgId)
      .groupBy("risk_band")
      .execute();
    return Object.fromEntries(rows.map((r) => [r.risk_band ?? "none", Number(r.n)]));
  }
  const snapshot = (orgId: number, day: string) =>
    h().db.selectFrom("risk_snapshots").selectAll().where("org_id", "=", orgId).where("day", "=", day).executeTakeFirst();

  it("marks the roll-ups stale after a small recompute; the periodic refresh rewrites them with today's snapshot", async () => {
    const ident = await tenant(h(), "rollup-a");
    const orgId = ident.org.id;
    expect(await markRollupStale(h().db, orgId)).toBe(false); // nothing written yet: nothing to mark

    // A tenant without roll-ups gets them written by its first recompute.
    await make(ident, "Dhaka Knits", "BD");
    expect(await rollupState(h().db, orgId)).toMatchObject({ stale: false });
    expect((await snapshot(orgId, todayIso()))?.suppliers).toBe(1);

    // The next small recompute only marks them stale: the cube still counts one supplier.
    await make(ident, "Aarhus Mills", "DK");
    expect(await rollupState(h().db, orgId)).toMatchObject({ stale: true });
    expect(await orgIdsWithStaleRollup(h().db)).toContain(orgId);
    expect(Object.values(await cubeBands(orgId)).reduce((a, b) => a + b, 0)).toBe(1);

    expect(await refreshStaleRollups(h().db)).toBeGreaterThanOrEqual(1);
    expect(await rollupState(h().db, orgId)).toMatchObject({ stale: false });
    expect(await orgIdsWithStaleRollup(h().db)).not.toContain(orgId);
    expect(await cubeBands(orgId)).toEqual(await tableBands(orgId));
    const snap = await snapshot(orgId, todayIso());
    expect(snap?.suppliers).toBe(2);
    expect(snap!.low + snap!.medium + snap!.high + snap!.critical).toBe(2);
  });

  it("shows the dashboard figures of the supplier list right after a small recompute (the read refreshes stale roll-ups)", async () => {
    const ident = await tenant(h(), "rollup-b");
    const orgId = ident.org.id;
    const a = await make(ident, "Chittagong Garments", "BD", ["Garments"]);
    await make(ident, "Oslo Fjord Fish", "NO");
    const before = await tableBands(orgId);
    // A supplier moving country moves its band: the cube is stale until read.
    const { version } = await h().db.selectFrom("suppliers").select("version").where("id", "=", a).executeTakeFirstOrThrow();
    const input = SupplierSchema.parse({ name: "Chittagong Garments", country: "DK" });
    const moved = await updateSupplier(h().db, ident, a, version, input, "192.0.2.1");
    expect(moved.ok).toBe(true);
    const after = await tableBands(orgId);
    expect(after).not.toEqual(before);
    const view = await dashboardData(h().db, orgId, DashboardQuerySchema.parse({}));
    expect(view.ok).toBe(true);
    expect(await cubeBands(orgId)).toEqual(after);
    expect(await rollupState(h().db, orgId)).toMatchObject({ stale: false });
  });

  it("on a large tenant shows stale roll-ups as they are and says so; the board report rewrites them first", async () => {
    const ident = await tenant(h(), "rollup-big");
    const orgId = ident.org.id;
    await make(ident, "Hanoi Stitching", "VN");
    expect(await scoresChanged(h().db, orgId, "test: all", "all")).toHaveProperty("inline");
    const fresh = await dashboardData(h().db, orgId, DashboardQuerySchema.parse({}));
    expect(fresh.ok && fresh.value.data.updating).toBe(false);
    await make(ident, "Dhaka Denim", "BD");
    await markRollupStale(h().db, orgId);
    // "Large" here means any supplier at all: the view does not pay for the pass, and says the figures trail.
    const view = await dashboardData(h().db, orgId, DashboardQuerySchema.parse({}), new Date(), { inlineLimit: 0 });
    expect(view.ok && view.value.data.updating).toBe(true);
    expect(view.ok && view.value.data.summary.suppliers).toBe(1);
    expect(await rollupState(h().db, orgId)).toMatchObject({ stale: true });
    // Exact figures (the board report) rewrite them first, whatever the size.
    const exact = await dashboardData(h().db, orgId, DashboardQuerySchema.parse({}), new Date(), { inlineLimit: 0, exact: true });
    expect(exact.ok && exact.value.data.updating).toBe(false);
    expect(exact.ok && exact.value.data.summary.suppliers).toBe(2);
    expect(await rollupState(h().db, orgId)).toMatchObject({ stale: false });
  });

  it("rewrites the roll-ups at once after a full recompute, and after a backdated one (that day's snapshot)", async () => {
    const ident = await tenant(h(), "rollup-c");
    const orgId = ident.org.id;
    const a = await make(ident, "Lagos Cocoa", "NG");
    await make(ident, "Porto Shoes", "PT");
    expect(await rollupState(h().db, orgId)).toMatchObject({ stale: true });
    expect(await scoresChanged(h().db, orgId, "test: all", "all")).toHaveProperty("inline");
    expect(await rollupState(h().db, orgId)).toMatchObject({ stale: false });
    expect(await cubeBands(orgId)).toEqual(await tableBands(orgId));

    const past = new Date(Date.now() - 10 * DAY);
    await scoresChanged(h().db, orgId, "test: backdated", [a], past);
    expect((await snapshot(orgId, todayIso(past)))?.suppliers).toBe(2);
    expect(await rollupState(h().db, orgId)).toMatchObject({ stale: false });
  });
});
