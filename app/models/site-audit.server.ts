// Site audits and their findings (a supplier record is one site), the findings files checked before
// they are committed, and what the risk model reads of them. Scoped by orgId like every tenant query.
// The payroll and time records of an action: audit-finding-records.server.ts.
import type { AuditStandard, AuditType, FindingSeverity } from "~db/types";
import type { AuditSignalInput } from "~/domain/site-audit/signals";
import type { FindingInput, FindingRowError } from "~/domain/site-audit/findings";
import { chunks } from "./chunks";
import type { DbOrTrx } from "./types";

export interface NewSiteAudit {
  supplierId: number;
  standard: AuditStandard;
  standardOther: string | null;
  firm: string;
  auditDate: string;
  auditType: AuditType;
  scope: string | null;
  result: string | null;
  validUntil: string;
  report: { filename: string; mime: string; size: number; sha256: string } | null;
  createdBy: number;
}

export async function insertSiteAudit(db: DbOrTrx, orgId: number, a: NewSiteAudit, at: string): Promise<number> {
  const r = await db
    .insertInto("site_audits")
    .values({
      org_id: orgId,
      supplier_id: a.supplierId,
      standard: a.standard,
      standard_other: a.standardOther,
      firm: a.firm,
      audit_date: a.auditDate,
      audit_type: a.auditType,
      scope: a.scope,
      result: a.result,
      valid_until: a.validUntil,
      report_filename: a.report?.filename ?? null,
      report_mime: a.report?.mime ?? null,
      report_size: a.report?.size ?? null,
      report_sha256: a.report?.sha256 ?? null,
      created_by: a.createdBy,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return r.id;
}

const AUDIT_COLUMNS = [
  "a.id",
  "a.supplier_id as supplierId",
  "a.standard",
  "a.standard_other as standardOther",
  "a.firm",
  "a.audit_date as auditDate",
  "a.audit_type as auditType",
  "a.scope",
  "a.result",
  "a.valid_until as validUntil",
  "a.report_filename as reportFilename",
  "a.report_mime as reportMime",
  "a.report_size as reportSize",
  "a.report_sha256 as reportSha256",
  "a.created_at as createdAt",
  "u.name as createdByName",
] as const;

export async function getSiteAudit(db: DbOrTrx, orgId: number, supplierId: number, auditId: number) {
  return db
    .selectFrom("site_audits as a")
    .leftJoin("users as u", "u.id", "a.created_by")
    .select([...AUDIT_COLUMNS])
    .where("a.org_id", "=", orgId)
    .where("a.supplier_id", "=", supplierId)
    .where("a.id", "=", auditId)
    .executeTakeFirst();
}
export type SiteAuditRecord = NonNullable<Awaited<ReturnType<typeof getSiteAudit>>>;

/** A supplier's audits, newest first, with how many of their findings are still open. */
export async function listSiteAudits(db: DbOrTrx, orgId: number, supplierId: number) {
  const audits = await db
    .selectFrom("site_audits as a")
    .leftJoin("users as u", "u.id", "a.created_by")
    .select([...AUDIT_COLUMNS])
    .where("a.org_id", "=", orgId)
    .where("a.supplier_id", "=", supplierId)
    .orderBy("a.audit_date", "desc")
    .orderBy("a.id", "desc")
    .limit(200)
    .execute();
  const findings = await findingsWithActions(db, orgId, { supplierIds: [supplierId] });
  return audits.map((a) => ({ ...a, findings: findings.filter((f) => f.auditId === a.id) }));
}

export async function insertFindings(
  db: DbOrTrx,
  orgId: number,
  audit: { id: number; supplierId: number; auditDate: string },
  rows: readonly FindingInput[],
  by: number,
  at: string,
): Promise<number[]> {
  const ids: number[] = [];
  for (const part of chunks(rows, 200)) {
    const r = await db
      .insertInto("audit_findings")
      .values(
        part.map((f) => ({
          org_id: orgId,
          audit_id: audit.id,
          supplier_id: audit.supplierId,
          description: f.description,
          severity_label: f.severityLabel,
          severity: f.severity,
          indicator: f.indicator,
          principle: f.principle,
          recommendation: f.recommendation,
          found_on: audit.auditDate,
          created_by: by,
          created_at: at,
        })),
      )
      .returning("id")
      .execute();
    ids.push(...r.map((x) => x.id));
  }
  return ids;
}

export interface FindingWithAction {
  id: number;
  auditId: number;
  supplierId: number;
  description: string;
  severityLabel: string;
  severity: FindingSeverity;
  indicator: string | null;
  principle: string | null;
  recommendation: string | null;
  foundOn: string;
  actionId: number | null;
  actionStatus: string | null;
}

/** Findings (of some audits or suppliers) with the action opened from each; one query per chunk. */
export async function findingsWithActions(
  db: DbOrTrx,
  orgId: number,
  by: { auditIds?: readonly number[]; supplierIds?: readonly number[] | "all" },
): Promise<FindingWithAction[]> {
  const base = db
    .selectFrom("audit_findings as f")
    .leftJoin("corrective_actions as ca", (j) => j.onRef("ca.audit_finding_id", "=", "f.id").on("ca.org_id", "=", orgId))
    .select([
      "f.id",
      "f.audit_id as auditId",
      "f.supplier_id as supplierId",
      "f.description",
      "f.severity_label as severityLabel",
      "f.severity",
      "f.indicator",
      "f.principle",
      "f.recommendation",
      "f.found_on as foundOn",
      "ca.id as actionId",
      "ca.status as actionStatus",
    ])
    .where("f.org_id", "=", orgId)
    .orderBy("f.id");
  const out: FindingWithAction[] = [];
  if (by.supplierIds === "all") return base.execute();
  const [column, ids] = by.auditIds ? (["f.audit_id", by.auditIds] as const) : (["f.supplier_id", by.supplierIds ?? []] as const);
  for (const part of chunks(ids)) out.push(...(await base.where(column, "in", part).execute()));
  return out;
}

/**
 * What the risk model reads of the sites' audits: per supplier, its audits with their findings and
 * whether each is still open (no verified action). Two queries per chunk of suppliers.
 */
export async function auditSignalInputs(
  db: DbOrTrx,
  orgId: number,
  ids: readonly number[] | "all",
): Promise<Map<number, AuditSignalInput[]>> {
  const out = new Map<number, AuditSignalInput[]>();
  const base = db
    .selectFrom("site_audits")
    .select([
      "id",
      "supplier_id as supplierId",
      "standard",
      "standard_other as standardOther",
      "firm",
      "audit_date as auditDate",
      "valid_until as validUntil",
    ])
    .where("org_id", "=", orgId);
  const parts = ids === "all" ? [null] : chunks(ids);
  const byId = new Map<number, AuditSignalInput>();
  for (const part of parts) {
    const audits = await (part ? base.where("supplier_id", "in", part) : base).execute();
    if (audits.length === 0) continue;
    for (const a of audits) {
      const s: AuditSignalInput = { ...a, findings: [] };
      byId.set(a.id, s);
      const list = out.get(a.supplierId);
      if (list) list.push(s);
      else out.set(a.supplierId, [s]);
    }
    const findings = await findingsWithActions(db, orgId, { supplierIds: part ?? "all" });
    for (const f of findings) {
      (byId.get(f.auditId)?.findings as AuditSignalInput["findings"][number][] | undefined)?.push({
        id: f.id,
        severity: f.severity,
        severityLabel: f.severityLabel,
        indicator: f.indicator,
        principle: f.principle,
        open: f.actionStatus !== "verified",
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Findings files: checked, then committed or discarded

export async function insertFindingImport(
  db: DbOrTrx,
  orgId: number,
  i: { auditId: number; filename: string; rows: readonly FindingInput[]; errors: readonly FindingRowError[]; by: number },
  at: string,
): Promise<number> {
  const r = await db
    .insertInto("audit_finding_imports")
    .values({
      org_id: orgId,
      audit_id: i.auditId,
      filename: i.filename,
      status: "checked",
      rows: JSON.stringify(i.rows),
      errors: JSON.stringify(i.errors),
      created_by: i.by,
      created_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function getFindingImport(db: DbOrTrx, orgId: number, auditId: number, importId: number) {
  const r = await db
    .selectFrom("audit_finding_imports")
    .select(["id", "audit_id as auditId", "filename", "status", "rows", "errors", "created_at as createdAt"])
    .where("org_id", "=", orgId)
    .where("audit_id", "=", auditId)
    .where("id", "=", importId)
    .executeTakeFirst();
  if (!r) return undefined;
  return { ...r, rows: JSON.parse(r.rows) as FindingInput[], errors: JSON.parse(r.errors) as FindingRowError[] };
}

/** Moves a checked import on; false when it was not "checked" any more (committed or discarded meanwhile). */
export async function closeFindingImport(
  db: DbOrTrx,
  orgId: number,
  importId: number,
  status: "committed" | "discarded",
): Promise<boolean> {
  const r = await db
    .updateTable("audit_finding_imports")
    .set({ status })
    .where("org_id", "=", orgId)
    .where("id", "=", importId)
    .where("status", "=", "checked")
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The finding an action was opened from (its date starts the records rule). */
export async function findingOfAction(db: DbOrTrx, orgId: number, findingId: number) {
  return db
    .selectFrom("audit_findings")
    .select(["id", "audit_id as auditId", "found_on as foundOn", "indicator", "severity"])
    .where("org_id", "=", orgId)
    .where("id", "=", findingId)
    .executeTakeFirst();
}

/** Bytes of the tenant's audit reports (they count against the document quota with evidence and action files). */
export async function auditReportBytes(db: DbOrTrx, orgId: number): Promise<number> {
  const r = await db
    .selectFrom("site_audits")
    .select((eb) => eb.fn.sum<number>("report_size").as("n"))
    .where("org_id", "=", orgId)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}
