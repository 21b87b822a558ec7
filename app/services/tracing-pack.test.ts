// Tracing packs against a real database, on the demo tenant: the cotton T-shirt's pack (garment
// factory → fabric mill → spinning mill → cotton farm) unzips, every file matches its manifest, the
// PDF's gaps name the lot of cotton whose origin is unknown, evidence files are copied byte for byte,
// the shirt's pack flags Xinjiang, and each pack made is recorded and audited.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, expect, it } from "vitest";
import type { OrgIdentity } from "~/lib/auth.server";
import { describeEachEngine, withTemporaryEvidenceDir } from "~/test/support";
import { pdfText, readPack } from "~/test/tracing-fixture";
import { seedReferenceData } from "~db/seed/reference";
import { seedDemo } from "~db/seed/demo";
import { seedDemoAssessments } from "~db/seed/demo-assessments";
import { ShipmentSchema } from "~/schemas/product";
import { recompute, forgetReferenceData } from "./risk.server";
import { makeTracingPack } from "./tracing-pack.server";
import { productPage } from "./products.server";
import { decideMatch } from "./screening.server";

const evidenceDir = withTemporaryEvidenceDir("lantern-tracing-");

describeEachEngine("tracing packs", (h) => {
  let admin: OrgIdentity;
  let exec: OrgIdentity;
  const product = async (sku: string) =>
    (await h().db.selectFrom("products").select("id").where("org_id", "=", admin.org.id).where("sku", "=", sku).executeTakeFirstOrThrow())
      .id;

  beforeAll(async () => {
    await seedReferenceData(h().db);
    forgetReferenceData();
    expect(await seedDemo(h().db)).toBe(true);
    await seedDemoAssessments(h().db);
    const org = await h()
      .db.selectFrom("organizations")
      .select(["id", "slug", "name"])
      .where("slug", "=", "acme")
      .executeTakeFirstOrThrow();
    await recompute(h().db, org.id, "all", { trigger: "seed" });
    const user = async (email: string) =>
      (await h().db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
    admin = { user: { sessionId: "x", userId: await user("admin@acme.test"), email: "admin@acme.test", name: "A" }, org, role: "admin" };
    exec = { user: { sessionId: "x", userId: await user("exec@acme.test"), email: "exec@acme.test", name: "E" }, org, role: "executive" };
  }, 120_000);

  it("makes the T-shirt's pack: the manifest verifies and the gaps name the missing origin", async () => {
    const id = await product("TS-CREW-001");
    const shipment = ShipmentSchema.parse({ shipmentRef: "PO-4471", shipmentDate: "2026-12-01", quantity: "12,000 pieces" });
    expect(await makeTracingPack(h().db, exec, id, shipment, "192.0.2.1")).toMatchObject({ ok: false, kind: "forbidden" });
    const r = await makeTracingPack(h().db, admin, id, shipment, "192.0.2.1");
    if (!r.ok) throw new Error(r.message);
    try {
      const zip = fs.readFileSync(r.value.file);
      expect(zip.length).toBe(r.value.size);
      const pack = await readPack(zip);
      expect(pack.problems).toEqual([]);
      expect(pack.manifest.files.map((f) => f.path)).toContain("pack.pdf");
      expect(pack.manifest.shipment).toEqual({ ref: "PO-4471", date: "2026-12-01", quantity: "12,000 pieces" });
      const doc = r.value.document;
      expect(doc.suppliers.map((s) => s.name)).toEqual([
        "Dhaka Knitwear Ltd",
        "Narayanganj Fabric Mills Ltd",
        "Bogura Yarn Mills Ltd",
        "Mato Grosso Algodão Ltda",
      ]);
      expect(doc.gaps).toContain("Raw cotton lint, spot-market lot for Combed cotton yarn 30s: origin unknown.");
      expect(doc.warnings).toEqual([]);
      const text = await pdfText(pack.files.get("pack.pdf")!);
      expect(text).toContain("Raw cotton lint, spot-market lot for Combed cotton yarn 30s: origin unknown.");
      expect(text).toContain("Mato Grosso Algodão Ltda");
      expect(text).toContain("PO-4471");
      // Every evidence file listed by the PDF is in the ZIP, byte for byte.
      for (const s of doc.suppliers) for (const e of s.evidence) expect(pack.files.get(e.path)?.length).toBe(e.size);
      const rows = await h().db.selectFrom("product_packs").selectAll().where("product_id", "=", id).execute();
      expect(rows).toMatchObject([{ zip_sha256: r.value.sha256, shipment_ref: "PO-4471", created_by_label: "admin@acme.test" }]);
      const audit = await h()
        .db.selectFrom("audit_log")
        .select(["action", "entity_id"])
        .where("action", "=", "product.pack_made")
        .execute();
      expect(audit).toContainEqual({ action: "product.pack_made", entity_id: String(id) });
    } finally {
      fs.rmSync(r.value.file, { force: true });
    }
  }, 60_000);

  it("states an evidence file the store lost as a gap, and still makes a pack whose manifest verifies", async () => {
    const id = await product("TS-CREW-001");
    const before = await makeTracingPack(h().db, admin, id, null, null);
    if (!before.ok) throw new Error(before.message);
    fs.rmSync(before.value.file, { force: true });
    const lost = before.value.document.suppliers.flatMap((s) => s.evidence)[0];
    expect(lost, "the demo T-shirt's chain has evidence files").toBeDefined();
    fs.rmSync(path.join(evidenceDir(), String(admin.org.id), lost!.sha256), { force: true });
    const r = await makeTracingPack(h().db, admin, id, null, null);
    if (!r.ok) throw new Error(r.message);
    const pack = await readPack(fs.readFileSync(r.value.file));
    fs.rmSync(r.value.file, { force: true });
    expect(pack.problems).toEqual([]);
    expect(pack.files.has(lost!.path)).toBe(false);
    expect(r.value.document.gaps).toContainEqual(
      expect.stringContaining(`the document ${lost!.filename} is recorded but missing from the file store`),
    );
  }, 60_000);

  it("flags the shirt's Xinjiang cotton and the goods the TVPRA list names", async () => {
    const r = await makeTracingPack(h().db, admin, await product("SH-POP-014"), null, null);
    if (!r.ok) throw new Error(r.message);
    fs.rmSync(r.value.file, { force: true });
    const doc = r.value.document;
    expect(doc.regionFlags.map((f) => f.region)).toContain("Xinjiang Uyghur Autonomous Region");
    expect(doc.goodsFlags).toContainEqual(expect.objectContaining({ where: "Raw cotton", good: "Cotton", country: "China" }));
    // The chain's Xinjiang sites are screening candidates, printed as not yet reviewed.
    expect(doc.screening).toContainEqual(
      expect.objectContaining({
        supplier: "Tarim Basin Cotton Cooperative",
        status: "candidate",
        list: "Regions singled out by regulators",
      }),
    );
  }, 60_000);

  it("prints the screening: each list's edition and what a partial list lacks, and an officer's confirmation", async () => {
    const tarim = await h()
      .db.selectFrom("screening_matches as m")
      .innerJoin("suppliers as s", "s.id", "m.supplier_id")
      .select(["m.id", "m.version"])
      .where("m.org_id", "=", admin.org.id)
      .where("s.name", "=", "Tarim Basin Cotton Cooperative")
      .executeTakeFirstOrThrow();
    const decided = await decideMatch(
      h().db,
      admin,
      tarim.id,
      { decision: "confirm", version: tarim.version, reason: "Cooperative address is in Aksu prefecture" },
      null,
    );
    expect(decided.ok).toBe(true);
    const r = await makeTracingPack(h().db, admin, await product("SH-POP-014"), null, null);
    if (!r.ok) throw new Error(r.message);
    const pack = await readPack(fs.readFileSync(r.value.file));
    fs.rmSync(r.value.file, { force: true });
    const entry = r.value.document.screening.find((e) => e.supplier === "Tarim Basin Cotton Cooperative" && e.status === "confirmed");
    expect(entry).toMatchObject({ status: "confirmed", note: "Confirmed by an officer: Cooperative address is in Aksu prefecture" });
    const text = (await pdfText(pack.files.get("pack.pdf")!)).replace(/\s+/g, " ");
    expect(text).toContain("UFLPA Entity List, edition partial copy");
    expect(text).toContain("This list is partial:");
    expect(text).toMatch(/Tarim Basin Cotton Cooperative: [^•]+ \(confirmed match\)\. Confirmed by an officer: Cooperative address/);
    expect(text).toContain("(possible match, not yet reviewed by an officer)");
  }, 60_000);

  it("shows the product page with its tree, warnings and gaps; another tenant's product is not found", async () => {
    const page = await productPage(h().db, admin, await product("TS-CREW-001"));
    expect(page?.tree.map((t) => [t.level, t.material])).toEqual([
      [1, "Cotton single jersey fabric"],
      [2, "Combed cotton yarn 30s"],
      [3, "Raw cotton lint"],
      [3, "Raw cotton lint, spot-market lot"],
    ]);
    expect(page?.preview.gaps.some((g) => g.includes("origin unknown"))).toBe(true);
    const borealis = await h()
      .db.selectFrom("organizations")
      .select(["id", "slug", "name"])
      .where("slug", "=", "borealis")
      .executeTakeFirstOrThrow();
    const other = { ...admin, org: borealis };
    expect(await productPage(h().db, other, await product("TS-CREW-001"))).toBeNull();
    expect(await makeTracingPack(h().db, other, await product("TS-CREW-001"), null, null)).toMatchObject({ ok: false, kind: "not_found" });
  }, 60_000);
});
