// The site-audit part of the two-tenant route fixture (route-fixture.ts): an audit of a supplier with
// its report, one major hours finding (its action has the records rule) and a checked findings file.
import type { Db } from "~db/client";
import type { OrgIdentity } from "~/lib/auth.server";
import { SiteAuditSchema } from "~/schemas/site-audit";
import { addFinding, checkFindingsFile, recordSiteAudit } from "~/services/site-audits.server";

const IP = "192.0.2.30";
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
/** A site audit of the tenant's supplierId, the action of its major hours finding, a checked findings file. */
export interface SiteAuditIds {
  siteAuditId: number;
  findingActionId: number;
  findingImportId: number;
}

const title = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A site audit (marker in its firm and report name), a major hours finding with its action, a checked findings file. */
export async function siteAuditFixture(db: Db, admin: OrgIdentity, supplierId: number, marker: string): Promise<SiteAuditIds> {
  const input = SiteAuditSchema.parse({
    standard: "smeta_4",
    firm: `${title(marker)} Audit Bureau`,
    auditDate: "2026-03-10",
    auditType: "announced",
  });
  const audit = await recordSiteAudit(db.db, admin, supplierId, input, { name: `${marker}-report.pdf`, bytes: PDF }, IP);
  if (!audit.ok) throw new Error(audit.message);
  const siteAuditId = audit.value.auditId;
  const finding = await addFinding(
    db.db,
    admin,
    supplierId,
    siteAuditId,
    { description: `${marker} hours over 60`, severity: "Major", touches: "excessive overtime", recommendation: null },
    IP,
  );
  if (!finding.ok) throw new Error(finding.message);
  const csv = new TextEncoder().encode(`description,severity,touches
${marker} minor finding,Minor,P2
`);
  const checked = await checkFindingsFile(db.db, admin, supplierId, siteAuditId, { name: `${marker}-findings.csv`, bytes: csv }, IP);
  if (!checked.ok) throw new Error(checked.message);
  return { siteAuditId, findingActionId: finding.value.actionId, findingImportId: checked.value.importId };
}
