// Tracing packs: everything a regulator asks about a product (or a shipment of it), gathered from the
// product's bill of materials, the suppliers in its chain (score and its explanation, assessments,
// audits, evidence files, origin answers), the regions and goods regulators single out, and the
// screening results; laid out as one PDF and zipped with copies of the evidence files and a manifest
// of SHA-256 hashes. Every pack made is recorded (who, when, shipment, the ZIP's SHA-256) and audited.
// Making one is recorded, so it is a change: admins and compliance officers (products.edit); everyone
// who reads products sees the packs made and what a pack will say.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import type { OrgIdentity } from "~/lib/auth.server";
import type { DbOrTrx } from "~/models/types";
import { countryName } from "~/domain/country";
import { can } from "~/domain/permissions";
import { fail, ok, type Result } from "~/domain/result";
import type { Breakdown } from "~/domain/risk";
import { summarizeBreakdown } from "~/domain/risk/summary";
import { auditLabel, inForce } from "~/domain/site-audit/standards";
import { chainSupplierIds, type BomItem } from "~/domain/tracing/bom";
import type { AnsweredOrigins } from "~/domain/tracing/origins";
import { buildPack, type PackDocument, type PackEvidenceInput, type PackInput, type PackSupplierInput } from "~/domain/tracing/pack";
import { GRIEVANCE_SOURCE } from "~/domain/voice/flags";
import { getObject } from "~/lib/storage.server";
import { nowIso } from "~/lib/time";
import { renderPackPdf } from "~/lib/tracing/pack-pdf.server";
import { writePackZip, type WrittenZip, type ZipSource } from "~/lib/tracing/pack-zip.server";
import { recordAudit } from "~/models/audit.server";
import {
  assessmentsOf,
  auditsOf,
  chainSupplierRows,
  evidenceOf,
  goodsOf,
  linksAmong,
  originAnswers,
  packScreening,
  tvpraFor,
} from "~/models/product-pack.server";
import { findingsWithActions } from "~/models/site-audit.server";
import { getProduct, insertPack, listBomItems, type ProductRecord } from "~/models/product.server";
import type { ShipmentInput } from "~/schemas/product";

type DB = Kysely<Database>;

/** A pack is read by people outside the company: a grievance stays a count, never a case number (DESIGN.md, worker-voice privacy). */
function masked(b: Breakdown): Breakdown {
  const independent = b.flags.independent;
  if (!independent?.some((f) => f.source.kind === "grievance_case")) return b;
  const flags = independent.map((f) =>
    f.source.kind === "grievance_case" ? { ...f, source: { ...f.source, id: 0, label: GRIEVANCE_SOURCE } } : f,
  );
  return { ...b, flags: { ...b.flags, independent: flags } };
}

function assessmentState(b: Breakdown | null, now: Date): PackSupplierInput["assessment"] {
  const a = b?.controls.assessment;
  if (!a) return null;
  // The stored status is as of the score's computation: read the dates again as of today.
  const today = now.toISOString();
  const end = a.fadeEnd ?? a.validUntil;
  const status = today >= end ? "expired" : today >= a.validUntil ? "fading" : "valid";
  return { approvedAt: a.approvedAt, validUntil: a.validUntil, status };
}

function readOrigins(rows: Array<{ key: string; value: unknown }>, approvedAt: string): AnsweredOrigins | null {
  const keys = rows.find((r) => r.key === "p3.material_origins")?.value;
  if (!Array.isArray(keys) || !keys.length) return null;
  const other = rows.find((r) => r.key === "p3.material_origins_other")?.value;
  return { keys: keys.filter((k): k is string => typeof k === "string"), other: typeof other === "string" ? other : null, approvedAt };
}

type AuditRow = Awaited<ReturnType<typeof auditsOf>>[number];
type FindingRow = Awaited<ReturnType<typeof findingsWithActions>>[number];
type AuditLine = PackSupplierInput["audits"][number];

/** Each supplier's audits as the pack lists them (open findings counted), their reports handed to `push` as evidence. */
function auditLines(
  audits: readonly AuditRow[],
  findings: readonly FindingRow[],
  now: Date,
  push: (supplierId: number, e: PackEvidenceInput, storageKey: string) => void,
): Map<number, AuditLine[]> {
  const today = now.toISOString().slice(0, 10);
  const openBy = new Map<number, { open: number; critical: number }>();
  for (const f of findings) {
    if (f.actionStatus === "verified") continue;
    const c = openBy.get(f.auditId) ?? { open: 0, critical: 0 };
    openBy.set(f.auditId, { open: c.open + 1, critical: c.critical + (f.severity === "critical" ? 1 : 0) });
  }
  const auditsBy = new Map<number, AuditLine[]>();
  for (const a of audits) {
    const label = auditLabel({ standard: a.standard, standardOther: a.standard_other, auditDate: a.audit_date, firm: a.firm });
    const open = openBy.get(a.id) ?? { open: 0, critical: 0 };
    const line = {
      label,
      auditDate: a.audit_date,
      validUntil: a.valid_until,
      inForce: inForce({ auditDate: a.audit_date, validUntil: a.valid_until }, today),
    };
    auditsBy.set(a.supplier_id, [
      ...(auditsBy.get(a.supplier_id) ?? []),
      { ...line, openFindings: open.open, openCritical: open.critical },
    ]);
    if (a.report_sha256) {
      const e = {
        key: `r${a.id}`,
        filename: a.report_filename ?? "audit-report",
        kind: "audit report",
        validUntil: a.valid_until,
        reviewStatus: "recorded",
      };
      push(a.supplier_id, { ...e, size: a.report_size ?? 0, sha256: a.report_sha256, source: "audit" }, a.report_sha256);
    }
  }
  return auditsBy;
}

interface Loaded {
  input: Omit<PackInput, "orgName" | "generatedAt" | "generatedBy" | "shipment">;
  sources: Map<string, () => Promise<Buffer>>;
}

/** Everything the pack needs to know, read in a few queries per chunk of suppliers. */
export async function loadPackInput(
  db: DbOrTrx,
  orgId: number,
  product: ProductRecord,
  items: BomItem[],
  now = new Date(),
): Promise<Loaded> {
  const ids = chainSupplierIds(items, product.madeBy);
  const [rows, goods, assessments, audits, findings, links, screening] = await Promise.all([
    chainSupplierRows(db, orgId, ids),
    goodsOf(db, orgId, ids),
    assessmentsOf(db, orgId, ids),
    auditsOf(db, orgId, ids),
    findingsWithActions(db, orgId, { supplierIds: ids }),
    linksAmong(db, orgId, ids),
    packScreening(db, orgId, ids),
  ]);
  const latestApproved = new Map<number, { id: number; approvedAt: string }>();
  for (const a of assessments) {
    if (a.status === "approved" && a.approved_at && !latestApproved.has(a.supplier_id))
      latestApproved.set(a.supplier_id, { id: a.id, approvedAt: a.approved_at });
  }
  const approvedIds = [...latestApproved.values()].map((a) => a.id);
  const [answers, evidence, tvpra] = await Promise.all([
    originAnswers(db, orgId, approvedIds),
    evidenceOf(db, orgId, approvedIds),
    tvpraFor(db, [...rows.map((r) => r.country), ...items.map((i) => i.origin.country).filter((c): c is string => Boolean(c))]),
  ]);
  const sources = new Map<string, () => Promise<Buffer>>();
  const evidenceBy = new Map<number, PackEvidenceInput[]>();
  const push = (supplierId: number, e: PackEvidenceInput, storageKey: string) => {
    evidenceBy.set(supplierId, [...(evidenceBy.get(supplierId) ?? []), e]);
    sources.set(`${supplierId}:${e.key}`, () => getObject(orgId, storageKey));
  };
  const supplierOfAssessment = new Map([...latestApproved].map(([s, a]) => [a.id, s]));
  for (const f of evidence) {
    const s = supplierOfAssessment.get(f.assessment_id)!;
    const e = {
      key: `a${f.id}`,
      filename: f.filename,
      kind: f.kind,
      validUntil: f.valid_until,
      reviewStatus: f.review_status,
      size: f.size_bytes,
    };
    push(s, { ...e, sha256: f.sha256, source: "assessment" }, f.storage_key);
  }
  const auditsBy = auditLines(audits, findings, now, push);
  const suppliers = new Map<number, PackSupplierInput>();
  for (const r of rows) {
    const b = r.breakdown ? masked(JSON.parse(r.breakdown) as Breakdown) : null;
    const approved = latestApproved.get(r.id);
    suppliers.set(r.id, {
      id: r.id,
      name: r.name,
      country: r.country,
      city: r.city,
      tier: r.tier,
      status: r.status,
      risk:
        r.risk_score !== null && r.risk_band
          ? {
              score: r.risk_score,
              band: r.risk_band,
              computedAt: r.risk_computed_at ?? "",
              explanation: b ? summarizeBreakdown(b, { countryName }) : [],
            }
          : null,
      goods: goods.get(r.id) ?? [],
      assessment: assessmentState(b, now),
      answeredOrigins: approved
        ? readOrigins(
            answers.filter((x) => x.assessmentId === approved.id),
            approved.approvedAt,
          )
        : null,
      assessments: assessments
        .filter((a) => a.supplier_id === r.id)
        .slice(0, 5)
        .map((a) => ({ id: a.id, status: a.status, sentAt: a.sent_at, submittedAt: a.submitted_at, approvedAt: a.approved_at })),
      audits: auditsBy.get(r.id) ?? [],
      evidence: evidenceBy.get(r.id) ?? [],
    });
  }
  const input = {
    product: {
      id: product.id,
      name: product.name,
      sku: product.sku,
      hsCode: product.hsCode,
      description: product.description,
      madeBy: product.madeBy,
    },
    items,
    suppliers,
    hasLink: (s: number, b: number) => links.has(`${s}>${b}`),
    tvpra,
    screening: screening.screening,
    screeningCoverage: screening.coverage,
    countryName,
  };
  return { input, sources };
}

/** The pack's document for the product page (no files read). */
export async function packPreview(
  db: DbOrTrx,
  id: OrgIdentity,
  product: ProductRecord,
  items: BomItem[],
  now = new Date(),
): Promise<PackDocument> {
  const { input } = await loadPackInput(db, id.org.id, product, items, now);
  return buildPack({ ...input, orgName: id.org.name, generatedAt: nowIso(now), generatedBy: id.user.email, shipment: null });
}

export interface MadePack extends WrittenZip {
  filename: string;
  packId: number;
  document: PackDocument;
}

/** Builds the tracing pack's ZIP (on disk; the caller streams and removes it) and records it. */
export async function makeTracingPack(
  db: DB,
  id: OrgIdentity,
  productId: number,
  shipment: ShipmentInput,
  ip: string | null,
  now = new Date(),
): Promise<Result<MadePack>> {
  if (!can(id.role, "products.edit")) return fail("forbidden", "Your role does not allow making tracing packs.");
  const product = await getProduct(db, id.org.id, productId);
  if (!product) return fail("not_found", "No such product", { messageKey: "ui.error.not_found" });
  const items = await listBomItems(db, id.org.id, productId);
  const { input, sources } = await loadPackInput(db, id.org.id, product, items, now);
  const at = nowIso(now);
  const base = { ...input, orgName: id.org.name, generatedAt: at, generatedBy: id.user.email, shipment };
  const first = buildPack(base);
  const evidence: ZipSource[] = first.suppliers.flatMap((s) =>
    s.evidence.map((e) => ({
      path: e.path,
      read: sources.get(`${s.id}:${e.key}`) ?? (() => Promise.reject(new Error(`no source for ${e.key}`))),
    })),
  );
  // The document is final once the ZIP knows which files the store could not give.
  let doc = first;
  const makePdf = async (missing: ReadonlySet<string>) => {
    if (missing.size) doc = buildPack({ ...base, missingEvidence: missing });
    return renderPackPdf(doc);
  };
  const meta = {
    product: { name: product.name, sku: product.sku, hsCode: product.hsCode },
    shipment,
    generatedAt: at,
    generatedBy: id.user.email,
    organisation: id.org.name,
  };
  const zip = await writePackZip(makePdf, evidence, meta, now);
  const packId = await db.transaction().execute(async (trx) => {
    const packId = await insertPack(
      trx,
      id.org.id,
      {
        productId,
        shipment,
        zipSha256: zip.sha256,
        zipSize: zip.size,
        suppliers: doc.summary.suppliers,
        gaps: doc.summary.gaps,
        userId: id.user.userId,
        userLabel: id.user.email,
      },
      at,
    );
    await recordAudit(trx, {
      orgId: id.org.id,
      actorUserId: id.user.userId,
      actorLabel: id.user.email,
      ip,
      action: "product.pack_made",
      entity: "product",
      entityId: productId,
      diff: { packId, shipment, zipSha256: zip.sha256, zipSize: zip.size, suppliers: doc.summary.suppliers, gaps: doc.summary.gaps },
    });
    return packId;
  });
  const stamp = at.slice(0, 10);
  const ref = shipment?.ref ? `-${shipment.ref}` : "";
  const filename = `tracing-pack-${product.sku}${ref}-${stamp}.zip`.replace(/[^\p{L}\p{N}._-]+/gu, "-");
  return ok({ ...zip, filename, packId, document: doc });
}
