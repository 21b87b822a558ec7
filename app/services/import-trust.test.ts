// Imports an officer can trust (issue 12, section 3): a brand factory list imports without editing
// the file, a stale check is refused, older lists do not overwrite newer data, the column mapping
// is remembered only by a committed import, coordinates survive export → import, abandoned checks
// can be discarded, and every import is in the audit log with before → after values.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, expect, it } from "vitest";
import { describeEachEngine, makeOrg } from "~/test/support";
import { checkCsv } from "./import-check.server";
import type { ImportPreview } from "~/domain/csv/preview";
import { commitCsv } from "./import-commit.server";
import { discardImport, queueCheck, queueCommit, runQueuedCheck, runQueuedCommit, uploadImport } from "./import.server";
import { suggestMapping } from "~/domain/csv/mapping";
import { parseSupplierCsv } from "~/domain/csv/parse";
import { EXPORT_HEADER, toCsv } from "~/domain/csv/serialize";
import { exportSuppliers } from "~/models/supplier-export.server";
import { getImport, getRememberedMapping } from "~/models/import.server";
import type { OrgIdentity } from "~/lib/auth.server";
import { SupplierListQuerySchema } from "~/schemas/supplier";
import type { Db } from "~db/client";

const FIXTURE = fs.readFileSync(path.join(__dirname, "../../e2e/fixtures/factory-list.csv"), "utf8");
const COUNTRIES = [
  ["VN", "Viet Nam"],
  ["CN", "China"],
  ["BD", "Bangladesh"],
  ["IN", "India"],
  ["TR", "Türkiye"],
  ["MX", "Mexico"],
  ["KH", "Cambodia"],
  ["PK", "Pakistan"],
];

const mappingOf = (csv: string) => {
  const p = parseSupplierCsv(csv);
  if (!p.ok) throw new Error(p.error);
  return suggestMapping(p.headers);
};

async function seedCountries(h: Db) {
  await h.db
    .insertInto("countries")
    .values(COUNTRIES.map(([iso2, name]) => ({ iso2: iso2!, name: name! })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

describeEachEngine("imports an officer can trust", (h) => {
  let orgId = 0;
  let userId = 0;
  let ident: OrgIdentity;
  const actor = () => ({ orgId, userId, label: "o@trust.test", ip: null });
  const preview = async (importId: number) => JSON.parse((await getImport(h().db, orgId, importId))!.preview!) as ImportPreview;
  const supplier = (ref: string) =>
    h()
      .db.selectFrom("suppliers")
      .select(["id", "name", "address", "sector", "latitude", "longitude", "version"])
      .where("org_id", "=", orgId)
      .where("external_ref", "=", ref)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    await seedCountries(h());
    const made = await makeOrg(h(), "trust", [["o@trust.test", "compliance"]]);
    orgId = made.orgId;
    userId = made.users["o@trust.test"]!;
    ident = {
      user: { sessionId: "s", userId, email: "o@trust.test", name: "O" },
      org: { id: orgId, slug: "trust", name: "TRUST" },
      role: "compliance",
    };
  });

  /** Upload, map as suggested, check (through the job steps the runner calls). */
  async function uploadAndCheck(name: string, text: string, options?: Parameters<typeof queueCheck>[4]) {
    const up = await uploadImport(h().db, ident, { name, text, sizeBytes: text.length });
    if (!up.ok) throw new Error(up.message);
    const { importId } = up.value;
    const imp = (await getImport(h().db, orgId, importId))!;
    expect(await queueCheck(h().db, orgId, importId, JSON.parse(imp.mapping!) as string[], options)).toEqual({ ok: true });
    await runQueuedCheck(h().db, orgId, importId);
    return importId;
  }

  async function commit(importId: number) {
    expect(await queueCommit(h().db, orgId, importId)).toEqual({ ok: true });
    await runQueuedCommit(h().db, orgId, importId);
    return (await getImport(h().db, orgId, importId))!;
  }

  it("imports a brand factory list as it is: repeats and variants once, conflicts decided by the officer, coordinates kept", async () => {
    const mapping = mappingOf(FIXTURE);
    expect(mapping).toEqual(["country", "name", "address", "sector", "latitude", "longitude"]);
    // The mapping step shows the file's first rows under each column.
    const id = await uploadAndCheck("factory-list.csv", FIXTURE);
    const imp = (await getImport(h().db, orgId, id))!;
    expect((JSON.parse(imp.samples!) as string[][])[0]).toEqual(
      FIXTURE.split("\r\n")[1]!
        .match(/("[^"]*"|[^,]+|(?<=,)(?=,|$))/g)!
        .map((c) => c.replace(/^"|"$/g, "")),
    );

    const first = await preview(id);
    // Four names are listed for a second site: the officer must decide, nothing else blocks.
    expect(first.unresolvedConflicts).toBe(4);
    expect(first.errorCount).toBe(4);
    expect(first.conflicts!.every((c) => c.rows.length === 2 && c.fields.includes("address"))).toBe(true);
    // Repeats, invisible characters, legal-form and street variants: one supplier each, with a warning.
    expect(first.warnings.filter((w) => /repeats line|same supplier as line/.test(w.message)).length).toBe(58);
    expect(first.countries!.every((c) => c.iso2 !== null)).toBe(true);
    expect(first.countries!.find((c) => c.value === "VIETNAM")).toMatchObject({ iso2: "VN" });

    const keys = first.conflicts!.map((c) => c.key);
    const decisions = { [keys[0]!]: "first", [keys[1]!]: "last", [keys[2]!]: "both", [keys[3]!]: "both" } as const;
    expect(await queueCheck(h().db, orgId, id, mapping, { resolutions: decisions })).toEqual({ ok: true });
    await runQueuedCheck(h().db, orgId, id);
    const decided = await preview(id);
    expect(decided).toMatchObject({ errorCount: 0, unresolvedConflicts: 0, new: 252, changed: 0, unchanged: 0 });
    expect(decided.samples![0]!.map((s) => s.field)).toEqual(["name", "country", "address", "latitude", "longitude", "sector"]);
    expect(decided.newList).toHaveLength(252);

    const done = await commit(id);
    expect(done.status).toBe("committed");
    expect(JSON.parse(done.result!)).toMatchObject({ created: 252, updated: 0 });
    const rows = await h()
      .db.selectFrom("suppliers")
      .select(["name", "latitude", "longitude", "external_ref"])
      .where("org_id", "=", orgId)
      .execute();
    expect(rows).toHaveLength(252);
    expect(rows.some((r) => /[\u200b\u2060\ufeff\u00a0]$/.test(r.name))).toBe(false);
    expect(rows.some((r) => /有限公司/.test(r.name))).toBe(true);
    expect(rows.filter((r) => r.latitude !== null && r.longitude !== null).length).toBeGreaterThan(200);
    expect(rows.filter((r) => r.external_ref?.startsWith("ROW-"))).toHaveLength(4);

    // The same list again (the conflicts decided the same way) changes nothing.
    const again = await uploadAndCheck("factory-list.csv", FIXTURE, { resolutions: decisions });
    expect(await preview(again)).toMatchObject({ errorCount: 0, new: 0, changed: 0, unchanged: 252 });
  });

  it("refuses to commit a check that went stale, showing the new check, and the audit log has before → after", async () => {
    const older = "external_ref,name,address,country\nST-1,Old Name Mill,1 Old Road,CN\nST-2,Stale Two,2 Road,CN";
    const newer = "external_ref,name,address,country\nST-1,New Name Mill,9 New Road,CN";
    const overwrite = { policy: "overwrite" as const };
    // Check the older list first (2 new), then import a newer one, then commit the older check.
    const oldId = await uploadAndCheck("older.csv", older, overwrite);
    expect(await preview(oldId)).toMatchObject({ new: 2, changed: 0 });
    const newId = await uploadAndCheck("newer.csv", newer, overwrite);
    expect((await commit(newId)).status).toBe("committed");

    const refused = await commit(oldId);
    expect(refused.status).toBe("checked");
    const now = JSON.parse(refused.preview!) as ImportPreview;
    expect(now.staleNotice).toMatch(/changed since you checked/);
    expect(now).toMatchObject({ new: 1, changed: 1 });
    expect(now.changedList![0]!.changes).toEqual([
      { field: "name", before: "New Name Mill", after: "Old Name Mill" },
      { field: "address", before: "9 New Road", after: "1 Old Road" },
    ]);
    expect(now.overwrites).toEqual({ name: 1, address: 1 });
    expect(await supplier("ST-1")).toMatchObject({ name: "New Name Mill", address: "9 New Road" }); // nothing written

    // Approving the new check commits it, and the audit log holds the values before and after.
    expect((await commit(oldId)).status).toBe("committed");
    const audit = await h()
      .db.selectFrom("audit_log")
      .select(["action", "entity_id", "diff"])
      .where("org_id", "=", orgId)
      .where("action", "=", "supplier.updated")
      .execute();
    const st1 = (await supplier("ST-1")).id;
    const entry = audit.find((a) => a.entity_id === String(st1))!;
    expect(JSON.parse(entry.diff!)).toMatchObject({
      name: ["New Name Mill", "Old Name Mill"],
      address: ["9 New Road", "1 Old Road"],
      import: oldId,
    });
    const summary = await h()
      .db.selectFrom("audit_log")
      .select("diff")
      .where("action", "=", "supplier.import_committed")
      .where("entity_id", "=", String(oldId))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(summary.diff!)).toMatchObject({ created: 1, updated: 1, policy: "overwrite", newSuppliers: ["ST-2"] });
  });

  it(
    "by default only adds: an older list leaves newer values alone and says which fields differ; " + "fill-empty fills only blanks",
    async () => {
      const start = "external_ref,name,country,sector\nPO-1,Policy Mill,CN,";
      await commitCsv(h().db, actor(), start, mappingOf(start));
      const older = "external_ref,name,country,sector,lat,lng\nPO-1,Policy Mill Old,CN,Apparel,22.5,113.9\nPO-2,Policy Two,CN,,,";
      const safe = await checkCsv(h().db, orgId, older, mappingOf(older));
      expect(safe).toMatchObject({
        policy: "new_only",
        new: 1,
        changed: 0,
        unchanged: 1,
        keptSuppliers: 1,
        keptFields: { name: 1, sector: 1, latitude: 1, longitude: 1 },
      });
      expect(safe.changedList![0]!.kept.map((k) => k.field)).toEqual(["name", "latitude", "longitude", "sector"]);
      const fill = { policy: "fill_empty" as const, resolutions: {} };
      const filled = await checkCsv(h().db, orgId, older, mappingOf(older), undefined, fill);
      expect(filled).toMatchObject({ changed: 1, overwrites: {}, keptFields: { name: 1 } });
      expect(await commitCsv(h().db, actor(), older, mappingOf(older), { options: fill })).toMatchObject({ ok: true });
      expect(await supplier("PO-1")).toMatchObject({ name: "Policy Mill", sector: "Apparel", latitude: 22.5, longitude: 113.9 });
    },
  );

  it("remembers the column mapping only when an import commits", async () => {
    const org = await makeOrg(h(), "remember", [["r@remember.test", "compliance"]]);
    const rIdent: OrgIdentity = {
      user: { sessionId: "s", userId: org.users["r@remember.test"]!, email: "r@remember.test", name: "R" },
      org: { id: org.orgId, slug: "remember", name: "R" },
      role: "compliance",
    };
    const csv = "Factory ID,Factory,Land,Remarks\nRM-1,Remember Mill,CN,hello";
    const up = await uploadImport(h().db, rIdent, { name: "r.csv", text: csv, sizeBytes: csv.length });
    if (!up.ok) throw new Error(up.message);
    const { importId } = up.value;
    // The officer maps "Remarks" to notes and checks, but never imports.
    expect(await queueCheck(h().db, org.orgId, importId, ["external_ref", "name", "country", "notes"])).toEqual({ ok: true });
    await runQueuedCheck(h().db, org.orgId, importId);
    expect(await getRememberedMapping(h().db, org.orgId)).toBeUndefined();
    expect(await queueCommit(h().db, org.orgId, importId)).toEqual({ ok: true });
    await runQueuedCommit(h().db, org.orgId, importId);
    expect(await getRememberedMapping(h().db, org.orgId)).toEqual({
      "factory id": "external_ref",
      factory: "name",
      land: "country",
      remarks: "notes",
    });
  });

  it("exports and imports latitude and longitude without loss", async () => {
    const csv = "external_ref,name,country,lat,lng\nGEO-1,Geo One,VN,10.762622,106.660172\nGEO-2,Geo Two,MX,-0.000001,-179.999999";
    expect(await commitCsv(h().db, actor(), csv, mappingOf(csv))).toMatchObject({ ok: true });
    expect(await supplier("GEO-2")).toMatchObject({ latitude: -0.000001, longitude: -179.999999 });
    const exported = toCsv(EXPORT_HEADER, await exportSuppliers(h().db, orgId, SupplierListQuerySchema.parse({ q: "Geo" })));
    expect(exported).toContain("GEO-1,Geo One,VN,,,10.762622,106.660172,");
    const back = await checkCsv(h().db, orgId, exported, mappingOf(exported), undefined, { policy: "overwrite", resolutions: {} });
    expect(back).toMatchObject({ errorCount: 0, new: 0, changed: 0, unchanged: 2 });
  });

  it("lets the officer discard a check that was never imported, but not a committed import", async () => {
    const id = await uploadAndCheck("abandon.csv", "name,country\nAbandoned Mill,CN");
    expect(await discardImport(h().db, orgId, id)).toEqual({ ok: true });
    const imp = (await getImport(h().db, orgId, id))!;
    expect(imp.status).toBe("discarded");
    expect(await queueCommit(h().db, orgId, id)).toMatchObject({ ok: false, kind: "conflict" });
    const committed = await uploadAndCheck("kept.csv", "name,country\nKept Mill,CN");
    await commit(committed);
    expect(await discardImport(h().db, orgId, committed)).toMatchObject({ ok: false, kind: "conflict" });
  });
});
