// Statements against a real database: drafting from the year's data, saving text (unknown tokens and
// stale copies refused, every save kept), the board's approval freezing the figures and the rows
// behind them (a later supplier changes neither), 409 once approved, publishing, next year's draft
// beside the approved year, the DOCX carrying the frozen figures, and another tenant seeing nothing.
import yauzl from "yauzl";
import { beforeAll, expect, it } from "vitest";
import { describeEachEngine, makeOrg } from "~/test/support";
import type { OrgIdentity } from "~/lib/auth.server";
import { seedReferenceData } from "~db/seed/reference";
import { SupplierSchema } from "~/schemas/supplier";
import { statementDocx } from "~/services/statement-docx.server";
import { listGroups, supplierGroupsForYears } from "~/models/statement-lists.server";
import type { ListGroup } from "~/domain/statement/types";
import { createSupplier } from "./suppliers.server";
import { forgetReferenceData } from "./risk.server";
import { approveStatement, draftStatement, publishStatement, saveStatement } from "./statements.server";
import { figureListPage, statementDocument, statementPage } from "./statement-pages.server";

const IP = "192.0.2.8";
const NOW = new Date("2026-12-07T10:00:00Z");

function documentXml(buf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      zip.on("entry", (e: yauzl.Entry) => {
        if (e.fileName !== "word/document.xml") return zip.readEntry();
        zip.openReadStream(e, (err2, s) => {
          if (err2) return reject(err2);
          const chunks: Buffer[] = [];
          s.on("data", (c: Buffer) => chunks.push(c));
          s.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
        });
      });
      zip.on("end", () => reject(new Error("no word/document.xml")));
      zip.readEntry();
    });
  });
}

describeEachEngine("statements", (h) => {
  beforeAll(async () => {
    await seedReferenceData(h().db);
    forgetReferenceData();
  });
  let n = 0;
  async function world() {
    const slug = `st${++n}${Math.random().toString(36).slice(2, 6)}`;
    const roles = { admin: "admin", officer: "compliance", exec: "executive" } as const;
    const { orgId, users } = await makeOrg(
      h(),
      slug,
      Object.entries(roles).map(([k, r]) => [`${k}@${slug}.test`, r]),
    );
    const ident = (k: keyof typeof roles): OrgIdentity => ({
      user: { sessionId: "x", userId: users[`${k}@${slug}.test`]!, email: `${k}@${slug}.test`, name: k },
      org: { id: orgId, slug, name: slug.toUpperCase() },
      role: roles[k],
    });
    const admin = ident("admin");
    for (const [name, country] of [
      ["Knit Co", "BD"],
      ["Dye Works", "IN"],
    ]) {
      const s = await createSupplier(h().db, admin, SupplierSchema.parse({ name, country }), IP);
      if (!s.ok) throw new Error(s.message);
      await h().db.updateTable("suppliers").set({ created_at: "2026-02-01T00:00:00.000Z" }).where("id", "=", s.value.id).execute();
      await h()
        .db.insertInto("corrective_actions")
        .values({
          org_id: orgId,
          supplier_id: s.value.id,
          source: "red_flag",
          indicator: "debt_bondage",
          title: `Debt at ${name}`,
          due_at: "2026-09-01",
          status: "open",
          created_at: "2026-05-01T00:00:00.000Z",
          updated_at: "2026-05-01T00:00:00.000Z",
        })
        .execute();
    }
    return { orgId, admin, officer: ident("officer"), exec: ident("exec") };
  }

  it("drafts, edits, approves (freezing figures and lists), publishes, and compares next year", async () => {
    const w = await world();
    const db = h().db;
    expect((await draftStatement(db, w.exec, { template: "uk-msa-s54", year: 2026 }, IP, NOW)).ok).toBe(false);
    const bad = await draftStatement(db, w.officer, { template: "nope", year: 2026 }, IP, NOW);
    expect(bad.ok ? null : bad.kind).toBe("invalid");
    const d = await draftStatement(db, w.officer, { template: "uk-msa-s54", year: 2026 }, IP, NOW);
    if (!d.ok) throw new Error(d.message);
    const id = d.value.statementId;

    const page = (await statementPage(db, w.officer, id))!;
    const structure = page.sections.find((s) => s.key === "structure")!;
    const figure = structure.paragraphs.flat().find((s) => s.kind === "figure" && s.key === "suppliers.total");
    expect(figure).toMatchObject({ text: "2", href: `/o/${w.admin.org.slug}/statements/${id}/figures/suppliers.total` });
    expect(
      page.sections
        .find((s) => s.key === "policies")!
        .paragraphs.flat()
        .map((s) => s.text)
        .join(""),
    ).toMatch(/No policies are recorded in the organisation profile yet/);
    expect(page.comparison).toMatchObject({ year: 2025, from: "live" });
    expect(page.can).toEqual({ edit: true, approve: false, publish: false });

    const unknown = await saveStatement(
      db,
      w.officer,
      id,
      { expectedVersion: 1, note: null, sections: { policies: "[[figure:nope]]" } },
      IP,
      NOW,
    );
    expect(unknown.ok ? null : [unknown.kind, unknown.field, unknown.message]).toEqual([
      "invalid",
      "section.policies",
      expect.stringMatching(/Unknown figure "nope"/),
    ]);
    const edited = "Our board adopted a supplier code. We had [[figure:suppliers.total]] suppliers.";
    const saved = await saveStatement(db, w.officer, id, { expectedVersion: 1, note: "policies", sections: { policies: edited } }, IP, NOW);
    expect(saved.ok && saved.value.revision).toBe(2);
    // Every saved revision stays readable: revision 1 is the template's draft, revision 2 the edit.
    const text = (p: Awaited<ReturnType<typeof statementPage>>) =>
      p!.sections
        .find((s) => s.key === "policies")!
        .paragraphs.flat()
        .map((s) => s.text)
        .join("");
    const first = await statementPage(db, w.exec, id, 1);
    expect(first?.viewing).toMatchObject({ revision: 1, latest: false });
    expect(text(first)).toMatch(/No policies are recorded in the organisation profile yet/);
    const second = await statementPage(db, w.exec, id, 2);
    expect(second?.viewing).toMatchObject({ revision: 2, latest: true, note: "policies" });
    expect(text(second)).toBe("Our board adopted a supplier code. We had 2 suppliers.");
    expect(await statementPage(db, w.exec, id, 3)).toBeNull();
    const stale = await saveStatement(db, w.officer, id, { expectedVersion: 1, note: null, sections: { policies: "x" } }, IP, NOW);
    expect(stale.ok ? null : stale.kind).toBe("conflict");

    const approval = {
      expectedVersion: 2,
      approverName: "Jo Bloggs",
      approverTitle: "Director",
      approvingBody: "Board of directors",
      approvedOn: "2026-12-01",
    };
    expect((await approveStatement(db, w.officer, id, approval, IP, NOW)).ok).toBe(false);
    const approved = await approveStatement(db, w.admin, id, approval, IP, NOW);
    if (!approved.ok) throw new Error(approved.message);
    expect(approved.value.frozenRows).toBeGreaterThanOrEqual(4);

    // A supplier added after approval changes neither the frozen figure nor its list.
    const later = await createSupplier(db, w.admin, SupplierSchema.parse({ name: "Later Ltd", country: "VN" }), IP);
    expect(later.ok).toBe(true);
    const frozen = (await statementPage(db, w.exec, id))!;
    expect(frozen.statement.frozen).toBe(true);
    const policies = frozen.sections
      .find((s) => s.key === "policies")!
      .paragraphs.flat()
      .map((s) => s.text)
      .join("");
    expect(policies).toBe("Our board adopted a supplier code. We had 2 suppliers.");
    const list = (await figureListPage(db, w.exec, id, "suppliers.total", 1))!;
    expect(list.total).toBe(2);
    expect(list.rows.map((r) => r.label)).toEqual(["Dye Works", "Knit Co"]);
    const flags = (await figureListPage(db, w.exec, id, "flags.total", 1))!;
    expect(flags.rows.map((r) => r.detail)).toEqual(["debt_bondage", "debt_bondage"]);
    expect(await figureListPage(db, w.exec, id, "profile.policies", 1)).toBeNull();

    const after = await saveStatement(db, w.officer, id, { expectedVersion: 3, note: null, sections: { policies: "x" } }, IP, NOW);
    expect(after.ok ? null : [after.kind, after.message]).toEqual(["conflict", expect.stringMatching(/approved.*frozen/)]);
    expect((await approveStatement(db, w.admin, id, { ...approval, expectedVersion: 3 }, IP, NOW)).ok).toBe(false);
    const pub = await publishStatement(db, w.admin, id, 3, IP, NOW);
    expect(pub.ok).toBe(true);

    const docx = await documentXml(await statementDocx((await statementDocument(db, w.exec, id))!, "https://lantern.test"));
    expect(docx).toContain("We had ");
    expect(docx).toContain(">2<");
    expect(docx).toContain("Jo Bloggs, Director");

    const next = await draftStatement(db, w.officer, { template: "uk-msa-s54", year: 2027 }, IP, NOW);
    if (!next.ok) throw new Error(next.message);
    const np = (await statementPage(db, w.officer, next.value.statementId))!;
    expect(np.comparison).toMatchObject({ year: 2026, from: "approved", statementId: id });
    expect(np.comparison.rows.find((r) => r.key === "suppliers.total")).toMatchObject({ now: "3", before: "2" });
  });

  it("reads the suppliers of several years in one scan, as the year's own list counts them", async () => {
    const w = await world();
    const later = await createSupplier(h().db, w.admin, SupplierSchema.parse({ name: "New Co", country: "VN" }), IP);
    if (!later.ok) throw new Error(later.message);
    await h().db.updateTable("suppliers").set({ created_at: "2027-03-01T00:00:00.000Z" }).where("id", "=", later.value.id).execute();
    const years = [2025, 2026, 2027].map((y) => ({ from: `${y}-01-01`, to: `${y}-12-31` }));
    const both = await supplierGroupsForYears(h().db, w.orgId, years);
    const norm = (g: ListGroup[]) => g.map((x) => `${x.tier}|${x.country}|${x.status}|${x.n}`).sort();
    for (const [i, p] of years.entries()) {
      const own = (await listGroups(h().db, w.orgId, p)).filter((g) => g.list === "suppliers");
      expect(norm(both[i]!), p.to).toEqual(norm(own));
    }
    expect(both.map((g) => g.reduce((n, x) => n + x.n, 0))).toEqual([0, 2, 3]);
  });

  it("another tenant sees nothing of it", async () => {
    const a = await world();
    const b = await world();
    const d = await draftStatement(h().db, a.officer, { template: "au-msa", year: 2026 }, IP, NOW);
    if (!d.ok) throw new Error(d.message);
    expect(await statementPage(h().db, b.admin, d.value.statementId)).toBeNull();
    expect(await figureListPage(h().db, b.admin, d.value.statementId, "suppliers.total", 1)).toBeNull();
    const r = await saveStatement(h().db, b.admin, d.value.statementId, { expectedVersion: 1, note: null, sections: {} }, IP, NOW);
    expect(r.ok ? null : r.kind).toBe("not_found");
  });
});
