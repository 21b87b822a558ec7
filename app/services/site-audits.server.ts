// Site audits: an officer records a third-party social audit of a supplier's site (SMETA, RBA VAP,
// amfori BSCI, SA8000, other) with its report file, then its findings, typed one by one or imported
// from a CSV or XLSX file (checked first: every row is read and every bad cell named; then committed
// all at once, or discarded). Each finding opens a corrective action (audit-finding-actions.server.ts).
// Every change is audited and recomputes the site's score (risk model v2 reads audits in force and
// open critical findings: domain/site-audit/signals.ts). Admins and compliance officers edit
// (suppliers.edit); executives read (suppliers.view).
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import type { DbOrTrx } from "~/models/types";
import type { OrgIdentity } from "~/lib/auth.server";
import { todayIso } from "~/domain/dates";
import { can } from "~/domain/permissions";
import { fail, ok, type Failure, type Result } from "~/domain/result";
import { readFinding, readFindingRows, type FindingInput, type FindingRowError } from "~/domain/site-audit/findings";
import { auditSignalLabel } from "~/domain/site-audit/signals";
import { STANDARDS, auditLabel, defaultValidUntil, inForce, severityWords } from "~/domain/site-audit/standards";
import { downloadHeaders } from "~/domain/upload/filename";
import { log } from "~/lib/logger.server";
import { kickMailDelivery } from "~/lib/mail.server";
import { getObject, putObject, sha256Of } from "~/lib/storage.server";
import { nowIso } from "~/lib/time";
import { checkUpload, isRefusal } from "~/lib/upload/check.server";
import { readFindingsSheet } from "~/lib/upload/audit-finding-sheet.server";
import { recordAudit } from "~/models/audit.server";
import {
  closeFindingImport,
  findingsWithActions,
  getFindingImport,
  getSiteAudit,
  insertFindingImport,
  insertFindings,
  insertSiteAudit,
  listSiteAudits,
  type SiteAuditRecord,
} from "~/models/site-audit.server";
import { getSupplier } from "~/models/supplier.server";
import type { SiteAuditInput, FindingFormInput } from "~/schemas/site-audit";
import type { UploadedFile } from "./action-notes.server";
import { openFindingActions } from "./audit-finding-actions.server";
import { ORG_QUOTA_BYTES, orgStorageUsed } from "./evidence.server";
import { scoresChanged } from "./risk.server";

type DB = Kysely<Database>;

const FORBIDDEN: Failure = fail("forbidden", "Your role does not allow recording audits.");
const NO_AUDIT: Failure = fail("not_found", "No such audit", { messageKey: "ui.error.not_found" });

function who(id: OrgIdentity, ip: string | null) {
  return { orgId: id.org.id, actorUserId: id.user.userId, actorLabel: id.user.email, ip };
}

/** A supplier's audits as its page lists them: in force or not, open findings, the label the score uses. */
export async function supplierAudits(db: DbOrTrx, orgId: number, supplierId: number, now = new Date()) {
  const today = todayIso(now);
  return (await listSiteAudits(db, orgId, supplierId)).map((a) => {
    const findings = a.findings.map((f) => ({ ...f, open: f.actionStatus !== "verified" }));
    return {
      id: a.id,
      label: auditLabel(a),
      standardLabel: STANDARDS[a.standard].label,
      auditType: a.auditType,
      result: a.result,
      validUntil: a.validUntil,
      inForce: inForce(a, today),
      summary: auditSignalLabel({ ...a, findings }),
      findings: findings.length,
      openFindings: findings.filter((f) => f.open).length,
      openCritical: findings.filter((f) => f.open && f.severity === "critical").length,
    };
  });
}

/** Records an audit of a supplier's site, with its report file when one is given. */
export async function recordSiteAudit(
  db: DB,
  id: OrgIdentity,
  supplierId: number,
  input: SiteAuditInput,
  report: UploadedFile | null,
  ip: string | null,
  now = new Date(),
): Promise<Result<{ auditId: number }>> {
  if (!can(id.role, "suppliers.edit")) return FORBIDDEN;
  const supplier = await getSupplier(db, id.org.id, supplierId);
  if (!supplier) return fail("not_found", "No such supplier", { messageKey: "ui.error.not_found" });
  if (supplier.status === "archived") return fail("invalid", `${supplier.name} is archived. Restore it before recording an audit.`);
  let stored: { filename: string; mime: string; size: number; sha256: string } | null = null;
  if (report) {
    const c = await checkUpload(report);
    if (isRefusal(c)) {
      const kind = c.code === "too_large" ? "too_large" : c.code === "empty" ? "invalid" : "unsupported_type";
      return fail(kind, c.message, { field: "report" });
    }
    if ((await orgStorageUsed(db, id.org.id)) + report.bytes.length > ORG_QUOTA_BYTES) {
      const full = `Your organization's storage for documents is full (${ORG_QUOTA_BYTES / 1024 ** 3} GB).`;
      return fail("too_large", `${full} Remove files that are no longer needed, then try again.`, { field: "report" });
    }
    const sha256 = sha256Of(report.bytes);
    // The file first: a row never points at a missing file (content-addressed, so a failed insert
    // leaves at most an unreferenced copy).
    await putObject(id.org.id, sha256, report.bytes);
    stored = { filename: c.filename, mime: c.mime, size: report.bytes.length, sha256 };
  }
  const validUntil = input.validUntil ?? defaultValidUntil(input.standard, input.auditDate);
  const auditId = await db.transaction().execute(async (trx) => {
    const at = nowIso(now);
    const auditId = await insertSiteAudit(
      trx,
      id.org.id,
      {
        supplierId,
        standard: input.standard,
        standardOther: input.standard === "other" ? input.standardOther : null,
        firm: input.firm,
        auditDate: input.auditDate,
        auditType: input.auditType,
        scope: input.scope,
        result: input.result,
        validUntil,
        report: stored,
        createdBy: id.user.userId,
      },
      at,
    );
    await recordAudit(trx, {
      ...who(id, ip),
      action: "site_audit.recorded",
      entity: "site_audit",
      entityId: auditId,
      diff: { supplierId, ...input, validUntil, report: stored },
    });
    return auditId;
  });
  await scoresChanged(db, id.org.id, `audit #${auditId} recorded`, [supplierId], now);
  return ok({ auditId });
}

async function auditOf(db: DbOrTrx, id: OrgIdentity, supplierId: number, auditId: number) {
  return getSiteAudit(db, id.org.id, supplierId, auditId);
}

/** The audit page: the audit, its findings with their actions, and a checked findings file when one is open. */
export async function siteAuditPage(
  db: DB,
  id: OrgIdentity,
  supplierId: number,
  auditId: number,
  importId: number | null,
  now = new Date(),
) {
  const [supplier, audit] = await Promise.all([getSupplier(db, id.org.id, supplierId), auditOf(db, id, supplierId, auditId)]);
  if (!supplier || !audit) return null;
  const findings = await findingsWithActions(db, id.org.id, { auditIds: [auditId] });
  const checked = importId !== null ? await getFindingImport(db, id.org.id, auditId, importId) : undefined;
  return {
    supplier: { id: supplier.id, name: supplier.name },
    audit: {
      ...audit,
      label: auditLabel(audit),
      standardLabel: audit.standard === "other" && audit.standardOther ? audit.standardOther : STANDARDS[audit.standard].label,
      inForce: inForce(audit, todayIso(now)),
      covers: STANDARDS[audit.standard].covers,
      severityWords: severityWords(audit.standard),
    },
    findings,
    checked: checked && checked.status === "checked" ? checked : null,
    canEdit: can(id.role, "suppliers.edit"),
  };
}

async function afterFindings(db: DB, id: OrgIdentity, audit: SiteAuditRecord, rows: readonly FindingInput[], trigger: string, now: Date) {
  if (rows.some((r) => r.severity === "critical")) kickMailDelivery(db);
  await scoresChanged(db, id.org.id, trigger, [audit.supplierId], now);
}

/** Stores findings and opens their actions in one transaction (all or nothing). */
async function storeFindings(
  trx: DbOrTrx,
  id: OrgIdentity,
  audit: SiteAuditRecord,
  supplierName: string,
  rows: readonly FindingInput[],
  ip: string | null,
  now: Date,
) {
  const at = nowIso(now);
  const ids = await insertFindings(trx, id.org.id, audit, rows, id.user.userId, at);
  const label = auditLabel(audit);
  const actionIds = await openFindingActions(
    trx,
    id,
    { id: audit.id, supplierId: audit.supplierId, supplierName, label },
    ids.map((fid, i) => ({ id: fid, input: rows[i]! })),
    ip,
    now,
  );
  return { ids, actionIds };
}

/** One finding typed by an officer; its corrective action opens with it. */
export async function addFinding(
  db: DB,
  id: OrgIdentity,
  supplierId: number,
  auditId: number,
  input: FindingFormInput,
  ip: string | null,
  now = new Date(),
): Promise<Result<{ findingId: number; actionId: number }>> {
  if (!can(id.role, "suppliers.edit")) return FORBIDDEN;
  const [audit, supplier] = await Promise.all([auditOf(db, id, supplierId, auditId), getSupplier(db, id.org.id, supplierId)]);
  if (!audit || !supplier) return NO_AUDIT;
  const read = readFinding(audit.standard, { ...input, recommendation: input.recommendation ?? "" });
  if (!read.ok) return fail("invalid", read.errors[0]!.message, { field: read.errors[0]!.field });
  const r = await db.transaction().execute(async (trx) => {
    const stored = await storeFindings(trx, id, audit, supplier.name, [read.value], ip, now);
    await recordAudit(trx, {
      ...who(id, ip),
      action: "audit_finding.added",
      entity: "audit_finding",
      entityId: stored.ids[0]!,
      diff: { auditId, supplierId, ...read.value, actionId: stored.actionIds[0] },
    });
    return { findingId: stored.ids[0]!, actionId: stored.actionIds[0]! };
  });
  await afterFindings(db, id, audit, [read.value], `audit #${auditId} finding added`, now);
  return ok(r);
}

/** Reads a findings file and keeps what it found (rows and row errors) for the officer to review. */
export async function checkFindingsFile(
  db: DB,
  id: OrgIdentity,
  supplierId: number,
  auditId: number,
  file: UploadedFile | null,
  ip: string | null,
): Promise<Result<{ importId: number; rows: number; errors: FindingRowError[] }>> {
  if (!can(id.role, "suppliers.edit")) return FORBIDDEN;
  const audit = await auditOf(db, id, supplierId, auditId);
  if (!audit) return NO_AUDIT;
  if (!file) return fail("invalid", "Choose a findings file (CSV or XLSX) to upload.", { field: "file" });
  const sheet = await readFindingsSheet(file);
  if (!sheet.ok) return fail(file.bytes.length > 2 * 1024 * 1024 ? "too_large" : "invalid", sheet.message, { field: "file" });
  const { rows, errors } = readFindingRows(audit.standard, sheet.headers, sheet.rows);
  const filename = file.name.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 200) || "findings";
  const importId = await db.transaction().execute(async (trx) => {
    const importId = await insertFindingImport(trx, id.org.id, { auditId, filename, rows, errors, by: id.user.userId }, nowIso());
    await recordAudit(trx, {
      ...who(id, ip),
      action: "audit_finding.import_checked",
      entity: "audit_finding_import",
      entityId: importId,
      diff: { auditId, filename, sha256: sha256Of(file.bytes), rows: rows.length, errors: errors.length },
    });
    return importId;
  });
  return ok({ importId, rows: rows.length, errors });
}

/** Commits a checked file without errors: every finding and its action, all or nothing. */
export async function commitFindingsImport(
  db: DB,
  id: OrgIdentity,
  supplierId: number,
  auditId: number,
  importId: number,
  ip: string | null,
  now = new Date(),
): Promise<Result<{ findings: number }>> {
  if (!can(id.role, "suppliers.edit")) return FORBIDDEN;
  const [audit, supplier] = await Promise.all([auditOf(db, id, supplierId, auditId), getSupplier(db, id.org.id, supplierId)]);
  if (!audit || !supplier) return NO_AUDIT;
  const checked = await getFindingImport(db, id.org.id, auditId, importId);
  if (!checked) return fail("not_found", "No such findings file", { messageKey: "ui.error.not_found" });
  if (checked.status !== "checked") return fail("conflict", `This file was already ${checked.status}. Upload it again to import it.`);
  if (checked.errors.length > 0) {
    return fail("invalid", "The file has rows with errors: fix them in the file and upload it again. Nothing was imported.");
  }
  const r = await db.transaction().execute(async (trx): Promise<Result<{ findings: number }>> => {
    if (!(await closeFindingImport(trx, id.org.id, importId, "committed"))) {
      return fail("conflict", "This file was committed or discarded meanwhile. Nothing was imported twice.");
    }
    const stored = await storeFindings(trx, id, audit, supplier.name, checked.rows, ip, now);
    await recordAudit(trx, {
      ...who(id, ip),
      action: "audit_finding.imported",
      entity: "audit_finding_import",
      entityId: importId,
      diff: { auditId, supplierId, filename: checked.filename, findingIds: stored.ids, actionIds: stored.actionIds },
    });
    return ok({ findings: stored.ids.length });
  });
  if (r.ok) await afterFindings(db, id, audit, checked.rows, `audit #${auditId} findings imported`, now);
  return r;
}

export async function discardFindingsImport(
  db: DB,
  id: OrgIdentity,
  supplierId: number,
  auditId: number,
  importId: number,
  ip: string | null,
): Promise<Result<null>> {
  if (!can(id.role, "suppliers.edit")) return FORBIDDEN;
  if (!(await auditOf(db, id, supplierId, auditId))) return NO_AUDIT;
  if (!(await getFindingImport(db, id.org.id, auditId, importId))) return fail("not_found", "No such findings file");
  return db.transaction().execute(async (trx): Promise<Result<null>> => {
    if (!(await closeFindingImport(trx, id.org.id, importId, "discarded"))) return ok(null);
    await recordAudit(trx, {
      ...who(id, ip),
      action: "audit_finding.import_discarded",
      entity: "audit_finding_import",
      entityId: importId,
    });
    return ok(null);
  });
}

/** The audit's report, always as an attachment with nosniff. */
export async function downloadAuditReport(db: DB, id: OrgIdentity, supplierId: number, auditId: number) {
  const a = await auditOf(db, id, supplierId, auditId);
  if (!a || !a.reportSha256 || !a.reportFilename || !a.reportMime) return null;
  try {
    const body = await getObject(id.org.id, a.reportSha256);
    return { body, headers: downloadHeaders({ filename: a.reportFilename, mime: a.reportMime }, body.length) };
  } catch (e) {
    log.error("audit report missing from storage", { orgId: id.org.id, auditId, error: e instanceof Error ? e.message : String(e) });
    return null;
  }
}

/** What the "record an audit" form needs: the supplier, each standard's validity for the hint. */
export async function newAuditForm(db: DB, id: OrgIdentity, supplierId: number) {
  const supplier = await getSupplier(db, id.org.id, supplierId);
  if (!supplier) return null;
  const standards = Object.entries(STANDARDS).map(([key, s]) => ({ key, label: s.label, validityMonths: s.validityMonths }));
  return { supplier: { id: supplier.id, name: supplier.name, archived: supplier.status === "archived" }, standards };
}
