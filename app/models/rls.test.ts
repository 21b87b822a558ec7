// Row-level security, the second wall behind the org_id filters: on PostgreSQL, as the app role, a
// query that forgot its organisation filter still sees only the organisation of its scope, and
// nothing outside any scope on a handle that fails closed. SQLite has no row-level security: there
// the scope is bookkeeping only and the same unfiltered query sees every tenant.
import { expect, it } from "vitest";
import { sql } from "kysely";
import { createDb, type Db } from "~db/client";
import { asSystem, currentScope, runAsOrg, runInRequestScope, setScopeOrg, setScopeUser } from "~db/scope";
import { TEST_APP_ROLE } from "~db/testing";
import { describeEachEngine, makeOrg } from "~/test/support";
import { SupplierSchema } from "~/schemas/supplier";
import { insertSupplier } from "./supplier.server";
import { insertAssessment, insertVersion, saveAnswerIfRevision } from "./assessment.server";

let run = 0;
async function twoTenants(h: Db) {
  const n = ++run;
  const a = await makeOrg(h, `rls-a${n}`, [[`o${n}@rls-a.test`, "compliance"]]);
  const b = await makeOrg(h, `rls-b${n}`, [[`o${n}@rls-b.test`, "compliance"]]);
  const sa = await insertSupplier(h.db, a.orgId, SupplierSchema.parse({ name: "A Mill", country: "BD" }));
  await insertSupplier(h.db, b.orgId, SupplierSchema.parse({ name: "B Mill", country: "BD" }));
  const sb = await insertSupplier(h.db, b.orgId, SupplierSchema.parse({ name: "B Farm", country: "IN" }));
  const versionId = await insertVersion(h.db, "rls-test", 1, { sections: [] });
  const answer = { value: "yes", comment: null, author: "fixture" };
  const assessmentOf = async (orgId: number, supplierId: number, userId: number) => {
    const id = await insertAssessment(h.db, orgId, { supplierId, versionId, dueAt: null, language: "en", createdBy: userId });
    await saveAnswerIfRevision(h.db, orgId, id, "p1.policy", 0, answer);
    return id;
  };
  const aa = await assessmentOf(a.orgId, sa, a.users[`o${n}@rls-a.test`]!);
  const ab = await assessmentOf(b.orgId, sb, b.users[`o${n}@rls-b.test`]!);
  return { a, b, aa, ab, userA: a.users[`o${n}@rls-a.test`]!, slugA: `rls-a${n}` };
}

// Deliberately without an org_id filter: the query a model would run if it forgot one.
const allSuppliers = (h: Db) => h.db.selectFrom("suppliers").select(["org_id", "name"]).orderBy("name").execute();
const allAnswers = (h: Db) => h.db.selectFrom("answers").select("assessment_id").orderBy("assessment_id").execute();

describeEachEngine("row-level security", (h) => {
  it("a query that forgot its organisation filter sees only the organisation of its scope (all of them on SQLite)", async () => {
    const { a, b, aa, ab } = await twoTenants(h());
    const asA = await runAsOrg(a.orgId, () => allSuppliers(h()));
    const answersAsB = await runAsOrg(b.orgId, () => allAnswers(h()));
    const system = await asSystem("test: both tenants", () => allSuppliers(h()));
    const mine = <R extends { org_id: number }>(rows: R[]) => rows.filter((r) => r.org_id === a.orgId || r.org_id === b.orgId);
    expect(mine(system).map((s) => s.name)).toEqual(["A Mill", "B Farm", "B Mill"]);
    if (h().engine === "postgres") {
      expect(asA).toEqual([{ org_id: a.orgId, name: "A Mill" }]);
      // answers have no org_id: they are policed through their assessment.
      expect(answersAsB).toEqual([{ assessment_id: ab }]);
    } else {
      expect(mine(asA)).toHaveLength(3);
      expect(answersAsB.map((r) => r.assessment_id)).toEqual(expect.arrayContaining([aa, ab]));
    }
  });

  it("refuses to write a row of another organisation (WITH CHECK) on PostgreSQL; SQLite writes it", async () => {
    const { a, b } = await twoTenants(h());
    const write = () => runAsOrg(a.orgId, () => insertSupplier(h().db, b.orgId, SupplierSchema.parse({ name: "Smuggled", country: "BD" })));
    if (h().engine === "postgres") {
      await expect(write()).rejects.toThrow(/row-level security/);
      // Nor can an update move a row out of its tenant, or touch the other tenant's rows.
      const moved = runAsOrg(a.orgId, () =>
        h().db.updateTable("suppliers").set({ org_id: b.orgId }).where("org_id", "=", a.orgId).execute(),
      );
      await expect(moved).rejects.toThrow(/row-level security/);
      const touched = await runAsOrg(a.orgId, () =>
        h().db.updateTable("suppliers").set({ name: "Renamed" }).where("org_id", "=", b.orgId).executeTakeFirst(),
      );
      expect(Number(touched.numUpdatedRows)).toBe(0);
    } else {
      expect(await write()).toBeGreaterThan(0);
    }
  });

  it("a request sees nothing until its guards set the user (its organisations) and then the organisation", async () => {
    const { a, userA: userId, slugA } = await twoTenants(h());
    const orgsOf = () => h().db.selectFrom("organizations").select("slug").orderBy("slug").execute();
    const seen = await runInRequestScope(async () => {
      const before = { orgs: await orgsOf(), suppliers: await allSuppliers(h()) };
      setScopeUser(userId);
      const asUser = { orgs: await orgsOf(), suppliers: await allSuppliers(h()) };
      setScopeOrg(a.orgId);
      const asOrg = { suppliers: await allSuppliers(h()), scope: { ...currentScope() } };
      return { before, asUser, asOrg };
    });
    expect(seen.asOrg.scope).toEqual({ orgId: a.orgId, userId, system: null });
    if (h().engine === "postgres") {
      expect(seen.before).toEqual({ orgs: [], suppliers: [] });
      expect(seen.asUser).toEqual({ orgs: [{ slug: slugA }], suppliers: [] });
      expect(seen.asOrg.suppliers).toEqual([{ org_id: a.orgId, name: "A Mill" }]);
    } else {
      const orgsIn = (rows: { org_id: number }[]) => new Set(rows.map((r) => r.org_id)).size;
      expect(orgsIn(seen.before.suppliers)).toBeGreaterThan(1);
      expect(orgsIn(seen.asOrg.suppliers)).toBeGreaterThan(1);
    }
  });

  it("is on for the app role (not a superuser, not BYPASSRLS), and a handle that fails closed shows nothing outside a scope", async () => {
    if (h().engine !== "postgres") {
      // The scoping calls are no-ops on SQLite: outside any scope there is none.
      expect(currentScope()).toBeUndefined();
      setScopeOrg(1);
      expect(currentScope()).toBeUndefined();
      return;
    }
    const { a } = await twoTenants(h());
    const role = await sql<{ u: string; super: boolean; bypass: boolean }>`
      select current_user as u, rolsuper as super, rolbypassrls as bypass from pg_roles where rolname = current_user`.execute(h().db);
    expect(role.rows).toEqual([{ u: TEST_APP_ROLE, super: false, bypass: false }]);
    const u = new URL(process.env.TEST_PG_URL!);
    u.username = TEST_APP_ROLE;
    u.searchParams.set("schema", h().schema!);
    const server = createDb(u.toString(), { poolSize: 1, defaultScope: "none" });
    try {
      expect(await allSuppliers(server)).toEqual([]);
      expect(await server.db.selectFrom("organizations").select("id").execute()).toEqual([]);
      // The same connection, lent out again inside a scope, takes that scope (and drops it after).
      expect(await runAsOrg(a.orgId, () => allSuppliers(server))).toHaveLength(1);
      expect(await allSuppliers(server)).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
