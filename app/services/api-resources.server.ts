// The REST API's other resources (decision 0013): a supplier's risk with its explanation, corrective
// actions, assessments (start, status, answers read-only) and grievance counts. API clients are
// treated as executives: grievances are counts only, and no grievance case number or text leaves.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import type { OrgIdentity } from "~/lib/auth.server";
import { fail, ok, type Result } from "~/domain/result";
import { grievanceCounts, type GrievanceCounts } from "~/domain/api/counts";
import { OPEN_STATUSES } from "~/domain/voice/case-status";
import { apiActionRow, apiActionRows, grievanceCountRows, supplyLinksOf } from "~/models/api-read.server";
import { answersOf, getAssessment } from "~/models/assessment.server";
import { getSupplier } from "~/models/supplier.server";
import { supplierRiskView } from "./risk-view.server";
import { startAssessments } from "./assessments.server";
import { addLink } from "./suppliers.server";

type DB = Kysely<Database>;
const NO_SUPPLIER = "No such supplier";

export async function apiSupplierRisk(db: DB, orgId: number, supplierId: number) {
  if (!(await getSupplier(db, orgId, supplierId))) return fail("not_found", NO_SUPPLIER);
  const v = await supplierRiskView(db, orgId, supplierId, { caseNumbers: false });
  const s = v.score;
  return ok({
    supplierId,
    score: s
      ? {
          value: s.value,
          band: s.band,
          computedAt: s.computedAt,
          modelVersion: s.modelVersion,
          methodologyVersion: s.methodologyVersion,
          referenceEdition: s.referenceEdition,
          summary: s.summary,
          explanation: s.lines,
          breakdown: s.breakdown,
        }
      : null,
  });
}

export async function apiActions(db: DB, orgId: number, f: { status?: string; supplierId?: number; cursor?: number; limit: number }) {
  const data = await apiActionRows(db, orgId, { status: f.status, supplierId: f.supplierId, afterId: f.cursor, limit: f.limit });
  const last = data.at(-1);
  return { data, next_cursor: data.length === f.limit && last ? String(last.id) : null };
}

export async function apiAction(db: DB, orgId: number, id: number) {
  const a = await apiActionRow(db, orgId, id);
  return a ? ok(a) : fail("not_found", "No such corrective action");
}

export async function apiGrievanceCounts(db: DB, orgId: number, supplierId?: number): Promise<Result<GrievanceCounts>> {
  if (supplierId !== undefined && !(await getSupplier(db, orgId, supplierId))) return fail("not_found", NO_SUPPLIER);
  return ok(grievanceCounts(await grievanceCountRows(db, orgId, supplierId), new Set(OPEN_STATUSES)));
}

export async function apiAssessment(db: DB, orgId: number, id: number) {
  const a = await getAssessment(db, orgId, id);
  if (!a) return fail("not_found", "No such assessment");
  const answers = await answersOf(db, orgId, id);
  return ok({
    id: a.id,
    supplierId: a.supplierId,
    status: a.status,
    language: a.language,
    dueAt: a.dueAt,
    createdAt: a.createdAt,
    sentAt: a.sentAt,
    submittedAt: a.submittedAt,
    approvedAt: a.approvedAt,
    validUntil: a.validUntil,
    answers: answers.map((x) => ({ questionKey: x.questionKey, value: x.value as unknown, comment: x.comment, updatedAt: x.updatedAt })),
  });
}

export async function apiStartAssessment(
  db: DB,
  ident: OrgIdentity,
  input: { supplierId: number; dueAt?: string; language?: string },
  ip: string,
): Promise<Result<{ id: number }>> {
  const r = await startAssessments(db, ident, [input.supplierId], { dueAt: input.dueAt ?? null, language: input.language ?? "en" }, ip);
  const id = r.created[0];
  if (id !== undefined) return ok({ id });
  const reason = r.skipped[0]?.reason ?? "not found";
  if (reason === "not found") return fail("not_found", NO_SUPPLIER);
  return fail("conflict", reason === "archived" ? "This supplier is archived." : "This supplier already has an open assessment.");
}

/** Who a supplier sells to (buyers; none: it supplies the organisation directly, tier 1) and who sells to it. */
export async function apiSupplyLinks(db: DB, orgId: number, supplierId: number) {
  if (!(await getSupplier(db, orgId, supplierId))) return fail("not_found", NO_SUPPLIER);
  return ok({ supplierId, ...(await supplyLinksOf(db, orgId, supplierId)) });
}

/** "supplierId sells to buyerId": the page's link, with its loop check and tier update. */
export async function apiAddSupplyLink(db: DB, ident: OrgIdentity, supplierId: number, buyerId: number, ip: string) {
  const r = await addLink(db, ident, supplierId, buyerId, ip);
  if (!r.ok) return r;
  return apiSupplyLinks(db, ident.org.id, supplierId);
}
