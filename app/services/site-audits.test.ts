// Site audits against a real database: recording an audit with its report, a findings file checked
// (row errors, unreadable files) then committed all at once, each finding opening its corrective
// action (critical ones mailed at once), the records rule refusing "verified" on a wage or hours
// action until two calendar months of new records are attached, and the score naming the audit.
import ExcelJS from "exceljs";
import { beforeAll, expect, it } from "vitest";
import { describeEachEngine, makeOrg, withTemporaryEvidenceDir } from "~/test/support";
import type { OrgIdentity } from "~/lib/auth.server";
import type { Breakdown } from "~/domain/risk";
import { explainBreakdown } from "~/domain/risk";
import { seedReferenceData } from "~db/seed/reference";
import { SiteAuditSchema } from "~/schemas/site-audit";
import { SupplierSchema } from "~/schemas/supplier";
import { getAction, listForSupplier } from "~/models/action.server";
import { createSupplier } from "./suppliers.server";
import { forgetReferenceData } from "./risk.server";
import { changeActionStatus } from "./actions.server";
import { attachRecord } from "./audit-finding-actions.server";
import { addFinding, checkFindingsFile, commitFindingsImport, recordSiteAudit, siteAuditPage, supplierAudits } from "./site-audits.server";

const IP = "192.0.2.7";
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
withTemporaryEvidenceDir("lantern-site-audits-");

async function xlsx(rows: string[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Findings");
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
const HEADER = ["description", "severity", "touches", "recommended_fix"];

describeEachEngine("site audits", (h) => {
  beforeAll(async () => {
    await seedReferenceData(h().db);
    forgetReferenceData();
  });
  let n = 0;
  async function world() {
    const slug = `sa${++n}${Math.random().toString(36).slice(2, 6)}`;
    const emails = { admin: `admin@${slug}.test`, exec: `exec@${slug}.test` };
    const { orgId, users } = await makeOrg(h(), slug, [
      [emails.admin, "admin"],
      [emails.exec, "executive"],
    ]);
    const ident = (email: string, role: "admin" | "executive"): OrgIdentity => ({
      user: { sessionId: "x", userId: users[email]!, email, name: "Ada" },
      org: { id: orgId, slug, name: slug },
      role,
    });
    const admin = ident(emails.admin, "admin");
    const s = await createSupplier(h().db, admin, SupplierSchema.parse({ name: "Knit Co", country: "BD" }), IP);
    if (!s.ok) throw new Error(s.message);
    return { orgId, admin, exec: ident(emails.exec, "executive"), supplierId: s.value.id };
  }
  async function audit(w: Awaited<ReturnType<typeof world>>, over: Record<string, string> = {}) {
    const input = SiteAuditSchema.parse({
      standard: "smeta_4",
      firm: "Bureau X",
      auditDate: "2026-03-10",
      auditType: "semi_announced",
      result: "",
      ...over,
    });
    const r = await recordSiteAudit(h().db, w.admin, w.supplierId, input, { name: "report.pdf", bytes: PDF }, IP, new Date("2026-06-01"));
    if (!r.ok) throw new Error(r.message);
    return r.value.auditId;
  }

  it("records an audit with its report; in force until the standard's validity; executives may not", async () => {
    const w = await world();
    const auditId = await audit(w);
    const list = await supplierAudits(h().db, w.orgId, w.supplierId, new Date("2026-06-01"));
    expect(list).toMatchObject([{ id: auditId, label: "SMETA 4-pillar, 2026-03-10, Bureau X", validUntil: "2028-03-09", inForce: true }]);
    const page = await siteAuditPage(h().db, w.admin, w.supplierId, auditId, null);
    expect(page?.audit).toMatchObject({ reportFilename: "report.pdf", reportMime: "application/pdf" });
    const input = SiteAuditSchema.parse({ standard: "rba_vap", firm: "Yardstick", auditDate: "2026-01-01", auditType: "announced" });
    const denied = await recordSiteAudit(h().db, w.exec, w.supplierId, input, null, IP);
    expect(denied).toMatchObject({ ok: false, kind: "forbidden" });
    const bad = await recordSiteAudit(h().db, w.admin, w.supplierId, input, { name: "x.exe", bytes: new Uint8Array([77, 90, 0, 1]) }, IP);
    expect(bad).toMatchObject({ ok: false, kind: "unsupported_type", field: "report" });
    const log = await h().db.selectFrom("audit_log").select("action").where("org_id", "=", w.orgId).execute();
    expect(log.map((l) => l.action)).toContain("site_audit.recorded");
  });

  it("checks a findings file: row errors name the line; nothing is imported until a clean file is committed", async () => {
    const w = await world();
    const auditId = await audit(w);
    const bad = await checkFindingsFile(
      h().db,
      w.admin,
      w.supplierId,
      auditId,
      {
        name: "f.xlsx",
        bytes: await xlsx([HEADER, ["72 hours a week", "Major", "excessive overtime", ""], ["x", "Priority", "hours", ""]]),
      },
      IP,
    );
    expect(bad.ok && bad.value.errors.map((e) => [e.row, e.field])).toEqual([
      [3, "description"],
      [3, "severity"],
      [3, "touches"],
    ]);
    const refused = await commitFindingsImport(h().db, w.admin, w.supplierId, auditId, bad.ok ? bad.value.importId : 0, IP);
    expect(refused).toMatchObject({ ok: false, kind: "invalid" });
    expect(await listForSupplier(h().db, w.orgId, w.supplierId)).toEqual([]);

    for (const [name, bytes, text] of [
      ["empty.csv", new Uint8Array(), "empty"],
      ["report.pdf", PDF, "CSV or XLSX"],
      ["broken.xlsx", new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), ""],
      ["wrong.csv", new TextEncoder().encode("name,country\nA,BD\n"), "no column description, severity, touches"],
    ] as const) {
      const r = await checkFindingsFile(h().db, w.admin, w.supplierId, auditId, { name, bytes }, IP);
      if (r.ok) expect(r.value.errors[0]!.message).toContain(text);
      else expect(r).toMatchObject({ kind: "invalid", field: "file" });
      if (!r.ok) expect(r.message).toContain(text);
    }
  });

  it("an imported major hours finding opens an action that cannot be verified before two months of time records", async () => {
    const w = await world();
    const auditId = await audit(w);
    const file = await xlsx([HEADER, ["Workers worked 72 hours in 3 of 12 weeks", "Major", "Excessive overtime", "Cap hours at 60"]]);
    const checked = await checkFindingsFile(h().db, w.admin, w.supplierId, auditId, { name: "findings.xlsx", bytes: file }, IP);
    if (!checked.ok) throw new Error(checked.message);
    expect(checked.value).toMatchObject({ rows: 1, errors: [] });
    const committed = await commitFindingsImport(
      h().db,
      w.admin,
      w.supplierId,
      auditId,
      checked.value.importId,
      IP,
      new Date("2026-06-01"),
    );
    expect(committed).toEqual({ ok: true, value: { findings: 1 } });
    const again = await commitFindingsImport(h().db, w.admin, w.supplierId, auditId, checked.value.importId, IP);
    expect(again).toMatchObject({ ok: false, kind: "conflict" });

    const [row] = await listForSupplier(h().db, w.orgId, w.supplierId);
    expect(row).toMatchObject({ source: "red_flag", severity: "major", status: "open" });
    const a = (await getAction(h().db, w.orgId, row!.id))!;
    expect(a).toMatchObject({ verifyRule: "records_two_months" });
    expect(a.title).toContain("Major audit finding (excessive overtime)");

    let version = a.version;
    const move = async (status: "done" | "verified") => changeActionStatus(h().db, w.admin, a.id, { version, status, note: null }, IP);
    const done = await move("done");
    if (!done.ok) throw new Error(done.message);
    version = done.value.version;
    const refused = await move("verified");
    expect(refused).toMatchObject({ ok: false, kind: "conflict" });
    expect(!refused.ok && refused.message).toContain("time records for two calendar months after 2026-03");

    const attach = async (kind: "time" | "payroll", month: string) => {
      const r = await attachRecord(h().db, w.admin, a.id, { version, kind, month, file: { name: `${month}.pdf`, bytes: PDF } }, IP);
      if (!r.ok) throw new Error(r.message);
      version = r.value.version;
    };
    await attach("time", "2026-03"); // the finding's own month does not count
    await attach("payroll", "2026-04"); // a wage record does not show hours
    await attach("time", "2026-04");
    expect(await move("verified")).toMatchObject({ ok: false, kind: "conflict" });
    await attach("time", "2026-05");
    expect(await move("verified")).toMatchObject({ ok: true });
    const log = await h().db.selectFrom("audit_log").select("action").where("org_id", "=", w.orgId).execute();
    expect(log.map((l) => l.action)).toEqual(expect.arrayContaining(["audit_finding.imported", "action.opened", "action.record_attached"]));
  });

  it("the score names the audit; an open zero-tolerance finding on debt bondage is a red flag mailed at once", async () => {
    const w = await world();
    const auditId = await audit(w, { auditDate: new Date().toISOString().slice(0, 10) });
    const added = await addFinding(
      h().db,
      w.admin,
      w.supplierId,
      auditId,
      { description: "Working hours over 60 a week", severity: "Major", touches: "excessive overtime", recommendation: null },
      IP,
    );
    expect(added.ok).toBe(true);
    const latest = async () => {
      const r = await h()
        .db.selectFrom("risk_scores")
        .select(["breakdown", "score"])
        .where("supplier_id", "=", w.supplierId)
        .orderBy("id", "desc")
        .executeTakeFirstOrThrow();
      return { score: r.score, b: JSON.parse(r.breakdown) as Breakdown };
    };
    const before = await latest();
    const lines = explainBreakdown(before.b, { countryName: (c) => c });
    expect(lines.join("\n")).toContain(": 1 open major finding on excessive overtime");
    expect(before.b.controls.verification).toMatch(
      /^SMETA 4-pillar, \d{4}-\d{2}-\d{2}, Bureau X: 1 open major finding on excessive overtime$/,
    );

    const zt = await addFinding(
      h().db,
      w.admin,
      w.supplierId,
      auditId,
      { description: "Workers repay recruitment debts", severity: "Zero tolerance", touches: "debt bondage", recommendation: "Repay fees" },
      IP,
    );
    expect(zt.ok).toBe(true);
    const after = await latest();
    expect(after.score).toBeGreaterThanOrEqual(80);
    expect(after.b.flags.independent).toMatchObject([{ indicator: "debt_bondage", severity: "severe", source: { kind: "audit_finding" } }]);
    const action = zt.ok ? await getAction(h().db, w.orgId, zt.value.actionId) : undefined;
    expect(action).toMatchObject({ severity: "critical", source: "red_flag" });
    const mail = await h().db.selectFrom("mail_outbox").select(["to_address", "subject"]).where("org_id", "=", w.orgId).execute();
    expect(mail).toEqual([{ to_address: w.admin.user.email, subject: "Critical audit finding at Knit Co: act within 7 days" }]);
    const bad = await addFinding(
      h().db,
      w.admin,
      w.supplierId,
      auditId,
      { description: "x y z", severity: "Priority", touches: "P1", recommendation: null },
      IP,
    );
    expect(bad).toMatchObject({ ok: false, kind: "invalid", field: "severity" });
  });
});
