// Screening on both engines: a supplier whose name is a UFLPA alias becomes a candidate on creation;
// a candidate raises no flag; confirming it (with a reason, audited) raises a severe red flag that
// names the list and the entry in the score's explanation; dismissing another leaves the score alone;
// screening again never brings a dismissal back, a renamed supplier is screened afresh, and a supplier
// that no longer matches loses its undecided candidate. screeningForSuppliers hands the results on.
import { beforeAll, expect, it } from "vitest";
import { describeEachEngine, makeOrg } from "~/test/support";
import type { OrgIdentity } from "~/lib/auth.server";
import { explainBreakdown, type Breakdown } from "~/domain/risk";
import { seedReferenceData } from "~db/seed/reference";
import { SupplierSchema } from "~/schemas/supplier";
import { getSupplier } from "~/models/supplier.server";
import { listMatches, screeningForSuppliers } from "~/models/screening.server";
import { createSupplier, updateSupplier } from "./suppliers.server";
import { forgetReferenceData } from "./risk.server";
import { decideMatch, rescreenAll, screenSuppliers } from "./screening.server";
import { toFormValues } from "~/schemas/supplier-form";
import { SupplierEditSchema } from "~/schemas/supplier";

const IP = "192.0.2.9";

describeEachEngine("screening", (h) => {
  beforeAll(async () => {
    await seedReferenceData(h().db);
    forgetReferenceData();
  });
  let n = 0;
  async function world() {
    const slug = `scr${++n}${Math.random().toString(36).slice(2, 6)}`;
    const email = `officer@${slug}.test`;
    const { orgId, users } = await makeOrg(h(), slug, [[email, "compliance"]]);
    const officer: OrgIdentity = {
      user: { sessionId: "x", userId: users[email]!, email, name: "Ola" },
      org: { id: orgId, slug, name: slug },
      role: "compliance",
    };
    const make = async (name: string, country = "CN", goods: string[] = []) => {
      const r = await createSupplier(h().db, officer, SupplierSchema.parse({ name, country, goods }), IP);
      if (!r.ok) throw new Error(r.message);
      return r.value.id;
    };
    const latest = async (supplierId: number) => {
      const r = await h()
        .db.selectFrom("risk_scores")
        .select(["breakdown", "score"])
        .where("supplier_id", "=", supplierId)
        .orderBy("id", "desc")
        .executeTakeFirstOrThrow();
      return { score: r.score, b: JSON.parse(r.breakdown) as Breakdown };
    };
    const matches = async (supplierId: number) =>
      (await listMatches(h().db, orgId, { limit: 50, offset: 0 })).rows.filter((m) => m.supplierId === supplierId);
    return { orgId, officer, make, latest, matches };
  }

  it("confirming a candidate raises a red flag naming the list; a candidate alone raises none", async () => {
    const w = await world();
    const id = await w.make("Hotan Haolin Hair Accessories Co., Ltd.", "CN", ["Hair Products"]);
    const [m] = await w.matches(id);
    expect(m).toMatchObject({ status: "candidate", list: "uflpa", matchedOn: "Hotan Haolin Hair Accessories", score: 100 });
    expect(m!.reason).toContain("Name matches UFLPA alias 'Hotan Haolin Hair Accessories'");
    const before = await w.latest(id);
    expect(before.b.flags.independent ?? []).toEqual([]);

    const r = await decideMatch(
      h().db,
      w.officer,
      m!.id,
      { decision: "confirm", reason: "Same company: address and licence match", version: m!.version },
      IP,
    );
    expect(r).toEqual({ ok: true, value: { status: "confirmed", supplierId: id } });
    const after = await w.latest(id);
    expect(after.score).toBeGreaterThanOrEqual(80);
    expect(after.score).toBeGreaterThan(before.score);
    expect(after.b.flags.independent).toMatchObject([
      {
        indicator: "state_imposed_labour",
        severity: "severe",
        source: { kind: "screening_match", label: "UFLPA Entity List: confirmed match 'Hetian Haolin Hair Accessories Co. Ltd.'" },
      },
    ]);
    expect(explainBreakdown(after.b, { countryName: (c) => c }).join("\n")).toContain(
      "UFLPA Entity List: confirmed match 'Hetian Haolin Hair Accessories Co. Ltd.'",
    );

    // Decided once: a second decision on the old version is a conflict, and the audit log has the first.
    const again = await decideMatch(h().db, w.officer, m!.id, { decision: "dismiss", reason: "Oops", version: m!.version }, IP);
    expect(again).toMatchObject({ ok: false, kind: "conflict" });
    const log = await h()
      .db.selectFrom("audit_log")
      .select(["action", "diff"])
      .where("org_id", "=", w.orgId)
      .where("action", "like", "screening.%")
      .execute();
    expect(log.map((l) => l.action)).toEqual(["screening.confirmed"]);
    expect(JSON.parse(log[0]!.diff!)).toMatchObject({ reason: "Same company: address and licence match", list: "uflpa" });

    const handed = await screeningForSuppliers(h().db, w.orgId, [id]);
    expect(handed).toMatchObject([
      { status: "confirmed", listName: "UFLPA Entity List", listPartial: true, entryName: "Hetian Haolin Hair Accessories Co. Ltd." },
    ]);
  });

  it("a dismissal stays dismissed on re-screening; a renamed supplier is screened afresh; a moved one loses its candidate", async () => {
    const w = await world();
    const id = await w.make("Natchi Apparel Pvt Ltd", "IN", ["Garments"]);
    const [m] = await w.matches(id);
    expect(m).toMatchObject({ status: "candidate", list: "cbp", entryName: "Natchi Apparel" });
    const before = await w.latest(id);
    const d = await decideMatch(
      h().db,
      w.officer,
      m!.id,
      { decision: "dismiss", reason: "Different company in Chennai", version: m!.version },
      IP,
    );
    expect(d.ok).toBe(true);
    expect((await w.latest(id)).score).toBe(before.score);

    const run = await rescreenAll(h().db, w.officer, IP);
    expect(run).toMatchObject({ ok: true, value: { screened: 1, added: 0 } });
    expect((await w.matches(id)).map((x) => x.status)).toEqual(["dismissed"]);
    expect(await screeningForSuppliers(h().db, w.orgId, [id])).toEqual([]);

    // Renamed: screened afresh (the old dismissal stays on record with its name).
    const s = await getSupplier(h().db, w.orgId, id);
    const edit = SupplierEditSchema.parse({ ...toFormValues(s!), name: "Natchi Apparel Exports" });
    const { version, ...input } = edit;
    expect((await updateSupplier(h().db, w.officer, id, version, input, IP)).ok).toBe(true);
    expect((await w.matches(id)).map((x) => x.status).sort()).toEqual(["candidate", "dismissed"]);

    // Moved to another country: the CBP order names India, so the undecided candidate goes.
    const s2 = await getSupplier(h().db, w.orgId, id);
    const moved = SupplierEditSchema.parse({ ...toFormValues(s2!), country: "BD" });
    const { version: v2, ...input2 } = moved;
    expect((await updateSupplier(h().db, w.officer, id, v2, input2, IP)).ok).toBe(true);
    expect((await w.matches(id)).map((x) => x.status)).toEqual(["dismissed"]);
  });

  it("an order on goods from a country matches suppliers there with the good, and ordinary names match nothing", async () => {
    const w = await world();
    const grower = await w.make("Lilongwe Leaf Growers", "MW", ["Tobacco"]);
    const tea = await w.make("Lilongwe Tea Estates", "MW", ["Tea"]);
    const mill = await w.make("Dhaka Knitwear Ltd", "BD", ["Garments"]);
    expect((await w.matches(grower)).map((m) => m.entryKey)).toEqual(["mw-2019-tobacco"]);
    expect(await w.matches(tea)).toEqual([]);
    expect(await w.matches(mill)).toEqual([]);
    const again = await screenSuppliers(h().db, w.orgId, "all");
    expect(again).toEqual({ screened: 3, added: 0, dropped: 0 });
  });
});
