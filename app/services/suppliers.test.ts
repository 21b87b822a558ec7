import { expect, it } from "vitest";
import { describeEachEngine, makeOrg } from "~/test/support";
import type { OrgIdentity } from "~/lib/auth.server";
import { SupplierSchema } from "~/schemas/supplier";
import { addLink, createSupplier, deleteSupplier, removeLink, setArchived, updateSupplier } from "./suppliers.server";
import { getSupplier } from "~/models/supplier.server";
import { insertAssessment, insertVersion } from "~/models/assessment.server";
import type { Db } from "~db/client";

const input = (name: string, extra: Record<string, unknown> = {}) => SupplierSchema.parse({ name, country: "BD", ...extra });

describeEachEngine("supplier service", (h) => {
  let ident: OrgIdentity;
  async function org(db: Db) {
    if (ident) return ident;
    const { orgId, users } = await makeOrg(db, "sup", [["o@sup.test", "compliance"]]);
    ident = {
      user: { sessionId: "x", userId: users["o@sup.test"]!, email: "o@sup.test", name: "O" },
      org: { id: orgId, slug: "sup", name: "SUP" },
      role: "compliance",
    };
    return ident;
  }
  async function make(name: string, extra: Record<string, unknown> = {}) {
    const r = await createSupplier(h().db, await org(h()), input(name, extra), "192.0.2.1");
    if (!r.ok) throw new Error(r.message);
    return r.value.id;
  }
  const tier = async (id: number) => (await getSupplier(h().db, ident.org.id, id))?.tier;

  it("creates a supplier with its goods and refuses a reference used twice", async () => {
    const id = await make("Dhaka Knit Ltd", {
      externalRef: "V-1",
      goods: ["Garments", "Cotton"],
      annualSpend: "1200000",
      workersCount: "850",
    });
    const s = await getSupplier(h().db, ident.org.id, id);
    expect(s).toMatchObject({
      name: "Dhaka Knit Ltd",
      externalRef: "V-1",
      goods: ["Cotton", "Garments"],
      annualSpend: 1200000,
      workersCount: 850,
      tier: 1,
      version: 1,
    });
    const dup = await createSupplier(h().db, ident, input("Other", { externalRef: "V-1" }), "192.0.2.1");
    expect(dup).toMatchObject({ ok: false, kind: "conflict", field: "externalRef" });
  });

  it("saves an edit on the current version, and refuses a stale one with the current record", async () => {
    const id = await make("Versioned Mill", { externalRef: "V-2" });
    const first = await updateSupplier(h().db, ident, id, 1, input("Versioned Mill Ltd", { externalRef: "V-2" }), "192.0.2.1");
    expect(first).toEqual({ ok: true, value: { version: 2 } });
    const stale = await updateSupplier(h().db, ident, id, 1, input("Someone else's edit", { externalRef: "V-2" }), "192.0.2.1");
    expect(stale).toMatchObject({ ok: false, kind: "conflict" });
    if (!stale.ok) expect(stale.detail?.current.name).toBe("Versioned Mill Ltd");
    expect((await getSupplier(h().db, ident.org.id, id))?.name).toBe("Versioned Mill Ltd");
    const audit = await h()
      .db.selectFrom("audit_log")
      .select(["action", "diff"])
      .where("entity_id", "=", String(id))
      .where("action", "=", "supplier.updated")
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.diff!)).toEqual({ name: ["Versioned Mill", "Versioned Mill Ltd"] });
  });

  it("keeps tiers current as links come and go, and refuses a loop naming it", async () => {
    const factory = await make("Factory");
    const mill = await make("Mill");
    const spinner = await make("Spinner");
    const gin = await make("Gin");
    expect(await addLink(h().db, ident, mill, factory, "ip")).toEqual({ ok: true, value: { changedTiers: 1 } });
    await addLink(h().db, ident, spinner, mill, "ip");
    await addLink(h().db, ident, gin, spinner, "ip");
    expect([await tier(factory), await tier(mill), await tier(spinner), await tier(gin)]).toEqual([1, 2, 3, 4]);

    const loop = await addLink(h().db, ident, factory, gin, "ip");
    expect(loop).toMatchObject({ ok: false, kind: "conflict" });
    if (!loop.ok) expect(loop.message).toContain("Factory → Gin → Spinner → Mill → Factory");
    expect(await tier(factory)).toBe(1);

    // a shortcut: the gin also supplies the factory directly → tier 2
    await addLink(h().db, ident, gin, factory, "ip");
    expect(await tier(gin)).toBe(2);
    await removeLink(h().db, ident, gin, factory, "ip");
    expect(await tier(gin)).toBe(4);
    // removing the mill's only buyer makes it tier 1 and its upstream follows
    await removeLink(h().db, ident, mill, factory, "ip");
    expect([await tier(mill), await tier(spinner), await tier(gin)]).toEqual([1, 2, 3]);
    expect(await addLink(h().db, ident, mill, mill, "ip")).toMatchObject({ ok: false, kind: "invalid" });
    expect(await removeLink(h().db, ident, mill, factory, "ip")).toMatchObject({ ok: false, kind: "not_found" });
  });

  it("archives and restores; deleting is refused while suppliers of its own are linked", async () => {
    const a = await make("Buyer A");
    const b = await make("Middle B");
    const c = await make("Source C");
    await addLink(h().db, ident, b, a, "ip");
    await addLink(h().db, ident, c, b, "ip");
    expect(await setArchived(h().db, ident, b, true, "ip")).toEqual({ ok: true, value: undefined });
    expect((await getSupplier(h().db, ident.org.id, b))?.status).toBe("archived");
    await setArchived(h().db, ident, b, false, "ip");
    expect(await tier(c)).toBe(3);
    // Not while C is linked as its supplier (C would be re-tiered as if it sold to us directly).
    expect(await deleteSupplier(h().db, ident, b, "ip")).toMatchObject({ ok: false, kind: "conflict" });
    await removeLink(h().db, ident, c, b, "ip");
    expect(await deleteSupplier(h().db, ident, b, "ip")).toMatchObject({ ok: true });
    expect(await getSupplier(h().db, ident.org.id, b)).toBeUndefined();
    expect(await tier(c)).toBe(1);
  });

  it("never hard-deletes a supplier that has assessments", async () => {
    const assessed = await make("Assessed Mill");
    const versionId = await insertVersion(h().db, "test", 1, { sections: [] });
    await insertAssessment(h().db, ident.org.id, {
      supplierId: assessed,
      versionId,
      dueAt: null,
      language: "en",
      createdBy: ident.user.userId,
    });
    const r = await deleteSupplier(h().db, ident, assessed, "ip");
    expect(r).toMatchObject({ ok: false, kind: "conflict" });
    if (!r.ok) expect(r.message).toMatch(/archive/);
    expect(await getSupplier(h().db, ident.org.id, assessed)).toBeDefined();
  });

  it("never touches another organization's suppliers", async () => {
    const mine = await make("Mine");
    const other = await makeOrg(h(), "oth", [["x@oth.test", "admin"]]);
    const otherIdent: OrgIdentity = { ...ident, org: { id: other.orgId, slug: "oth", name: "OTH" } };
    expect(await addLink(h().db, otherIdent, mine, mine, "ip")).toMatchObject({ ok: false, kind: "not_found" });
    expect(await updateSupplier(h().db, otherIdent, mine, 1, input("Hijack"), "ip")).toMatchObject({ ok: false, kind: "not_found" });
    expect(await setArchived(h().db, otherIdent, mine, true, "ip")).toMatchObject({ ok: false, kind: "not_found" });
    expect(await deleteSupplier(h().db, otherIdent, mine, "ip")).toMatchObject({ ok: false, kind: "not_found" });
    expect((await getSupplier(h().db, ident.org.id, mine))?.name).toBe("Mine");
  });
});
