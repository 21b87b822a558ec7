/// <reference types="vite/client" />
// The role × action matrix, exhaustively, through the routes: every role in ROLES against every org
// loader (200 when `can` allows its permission, else 403) and every action intent of every org route,
// each called with a valid form on a fresh target. Allowed → the intent's success status; refused →
// 403 and not one row of the database changed. Executives change nothing anywhere. The tables below
// are checked against the route files: an org route with a loader or action missing here fails.
import { afterAll, beforeAll, expect, it } from "vitest";
import { ROLES, can, type Action, type Role } from "~/domain/permissions";
import { insertUser } from "~/models/user.server";
import { addMember } from "~/models/org.server";
import { addLink, setArchived } from "~/services/suppliers.server";
import { addReviewComment, approveAssessment } from "~/services/assessment-review.server";
import { changeThread } from "~/services/review-threads.server";
import { startAssessments } from "~/services/assessments.server";
import { uploadEvidence } from "~/services/evidence.server";
import { insertEvidence } from "~/models/evidence.server";
import { sendAssessmentInvite } from "~/services/invites.server";
import { createManualAction } from "~/services/actions.server";
import { addFinding, checkFindingsFile } from "~/services/site-audits.server";
import { queueCheck, runQueuedCheck, uploadImport } from "~/services/import.server";
import { inviteMember } from "~/services/members.server";
import { currentMethodology } from "~/services/risk.server";
import { ReportSchema } from "~/schemas/voice";
import { fileReport } from "~/services/voice-report.server";
import { BomItemSchema, ProductSchema } from "~/schemas/product";
import { addBomItem, createProduct } from "~/services/products.server";
import { approveStatement, draftStatement } from "~/services/statements.server";
import { PASSWORD_HASH, describeEachEngine } from "~/test/support";
import { profileFormBody } from "~/test/org-profile-fixture";
import { freshCandidate } from "~/test/screening-fixture";
import { freshWebhook } from "~/test/webhook-fixture";
import { getOrgProfile } from "~/models/org-profile.server";
import {
  PDF,
  buildTwoTenants,
  call,
  methodologyFormFields,
  multipart,
  newSupplier,
  request,
  submittedAssessment,
  type Body,
  type RouteModule,
  type Tenant,
} from "~/test/route-fixture";
import { changedTables, dbSnapshot, tableCounts } from "~/test/db-snapshot";
import type { Db } from "~db/client";

const modules = import.meta.glob<RouteModule>("./*.tsx", { eager: true });
const sources = import.meta.glob<string>("./*.tsx", { query: "?raw", import: "default", eager: true });

const id = String;
/** The channel form: two poster languages (a repeated field). */
function voiceForm(): FormData {
  const f = new FormData();
  f.append("languages", "bn");
  f.append("languages", "en");
  return f;
}
const IP = "192.0.2.20";

/** Loaders: the permission each one asks requireOrg for, and its own URL in acme. */
const LOADERS: Record<string, { perm: Action; path: (a: Tenant) => string; params?: (a: Tenant) => Record<string, string>; ok?: number }> =
  {
    "o.$org.tsx": { perm: "org.view", path: () => "/o/acme" },
    "o.$org._index.tsx": { perm: "reports.view", path: () => "/o/acme" },
    "o.$org.actions._index.tsx": { perm: "actions.view", path: () => "/o/acme/actions" },
    "o.$org.actions.new.tsx": { perm: "actions.edit", path: (a) => `/o/acme/actions/new?supplier=${a.supplierId}` },
    "o.$org.actions.$id.tsx": {
      perm: "actions.view",
      path: (a) => `/o/acme/actions/${a.actionId}`,
      params: (a) => ({ id: id(a.actionId) }),
    },
    "o.$org.actions.$id.files.$fileId.tsx": {
      perm: "actions.view",
      path: (a) => `/o/acme/actions/${a.actionId}/files/${a.actionFileId}`,
      params: (a) => ({ id: id(a.actionId), fileId: id(a.actionFileId) }),
    },
    "o.$org.assessments._index.tsx": { perm: "assessments.view", path: () => "/o/acme/assessments" },
    "o.$org.assessments.new.tsx": { perm: "assessments.manage", path: (a) => `/o/acme/assessments/new?supplier=${a.looseSupplierId}` },
    "o.$org.assessments.$id._index.tsx": {
      perm: "assessments.view",
      path: (a) => `/o/acme/assessments/${a.submittedId}`,
      params: (a) => ({ id: id(a.submittedId) }),
    },
    "o.$org.assessments.$id.fill.tsx": {
      perm: "assessments.manage",
      path: (a) => `/o/acme/assessments/${a.assessmentId}/fill`,
      params: (a) => ({ id: id(a.assessmentId) }),
    },
    // GET of the upload endpoint only sends the browser back to the fill page.
    "o.$org.assessments.$id.files.tsx": {
      perm: "assessments.manage",
      path: (a) => `/o/acme/assessments/${a.assessmentId}/files`,
      params: (a) => ({ id: id(a.assessmentId) }),
      ok: 302,
    },
    "o.$org.assessments.$id.files.$fileId.tsx": {
      perm: "assessments.view",
      path: (a) => `/o/acme/assessments/${a.assessmentId}/files/${a.fileId}`,
      params: (a) => ({ id: id(a.assessmentId), fileId: id(a.fileId) }),
    },
    "o.$org.audit.tsx": { perm: "audit.view", path: () => "/o/acme/audit" },
    "o.$org.members.tsx": { perm: "members.view", path: () => "/o/acme/members" },
    "o.$org.methodology.tsx": { perm: "risk.view", path: () => "/o/acme/methodology" },
    "o.$org.outbox.tsx": { perm: "outbox.view", path: () => "/o/acme/outbox" },
    "o.$org.report.tsx": { perm: "reports.view", path: () => "/o/acme/report" },
    "o.$org.report[.csv].tsx": { perm: "reports.view", path: () => "/o/acme/report.csv" },
    "o.$org.report-print[.css].tsx": { perm: "reports.view", path: () => "/o/acme/report-print.css" },
    "o.$org.statements._index.tsx": { perm: "statements.view", path: () => "/o/acme/statements" },
    "o.$org.statements.$id._index.tsx": {
      perm: "statements.view",
      path: (a) => `/o/acme/statements/${a.statementId}`,
      params: (a) => ({ id: id(a.statementId) }),
    },
    "o.$org.statements.$id.figures.$key.tsx": {
      perm: "statements.view",
      path: (a) => `/o/acme/statements/${a.approvedStatementId}/figures/suppliers.total`,
      params: (a) => ({ id: id(a.approvedStatementId), key: "suppliers.total" }),
    },
    "o.$org.statements.$id.print.tsx": {
      perm: "statements.view",
      path: (a) => `/o/acme/statements/${a.statementId}/print`,
      params: (a) => ({ id: id(a.statementId) }),
    },
    "o.$org.statements.$id.print[.css].tsx": {
      perm: "statements.view",
      path: (a) => `/o/acme/statements/${a.statementId}/print.css`,
      params: (a) => ({ id: id(a.statementId) }),
    },
    "o.$org.statements.$id.docx.tsx": {
      perm: "statements.view",
      path: (a) => `/o/acme/statements/${a.statementId}/docx`,
      params: (a) => ({ id: id(a.statementId) }),
    },
    "o.$org.settings.methodology.tsx": { perm: "risk.view", path: () => "/o/acme/settings/methodology" },
    "o.$org.settings.review.tsx": { perm: "review.settings", path: () => "/o/acme/settings/review" },
    "o.$org.settings.webhooks._index.tsx": { perm: "integrations.manage", path: () => "/o/acme/settings/webhooks" },
    "o.$org.settings.webhooks.$id.tsx": {
      perm: "integrations.manage",
      path: (a) => `/o/acme/settings/webhooks/${a.webhookId}`,
      params: (a) => ({ id: id(a.webhookId) }),
    },
    "o.$org.settings.api-keys.tsx": { perm: "integrations.manage", path: () => "/o/acme/settings/api-keys" },
    "o.$org.settings.sso.tsx": { perm: "integrations.manage", path: () => "/o/acme/settings/sso" },
    "o.$org.settings.profile.tsx": { perm: "org.view", path: () => "/o/acme/settings/profile" },
    "o.$org.screening.tsx": { perm: "suppliers.view", path: () => "/o/acme/screening" },
    "o.$org.settings.methodology.preview.$id.tsx": {
      perm: "methodology.edit",
      path: (a) => `/o/acme/settings/methodology/preview/${a.previewId}`,
      params: (a) => ({ id: id(a.previewId) }),
    },
    "o.$org.products._index.tsx": { perm: "products.view", path: () => "/o/acme/products" },
    "o.$org.products.$id._index.tsx": {
      perm: "products.view",
      path: (a) => `/o/acme/products/${a.productId}`,
      params: (a) => ({ id: id(a.productId) }),
    },
    // GET of the pack endpoint only sends the browser back to the product page.
    "o.$org.products.$id.pack.tsx": {
      perm: "products.view",
      path: (a) => `/o/acme/products/${a.productId}/pack`,
      params: (a) => ({ id: id(a.productId) }),
      ok: 302,
    },
    "o.$org.suppliers._index.tsx": { perm: "suppliers.view", path: () => "/o/acme/suppliers" },
    "o.$org.suppliers.$id._index.tsx": {
      perm: "suppliers.view",
      path: (a) => `/o/acme/suppliers/${a.supplierId}`,
      params: (a) => ({ id: id(a.supplierId) }),
    },
    "o.$org.suppliers.$id.audits.new.tsx": {
      perm: "suppliers.edit",
      path: (a) => `/o/acme/suppliers/${a.supplierId}/audits/new`,
      params: (a) => ({ id: id(a.supplierId) }),
    },
    "o.$org.suppliers.$id.audits.$auditId.tsx": {
      perm: "suppliers.view",
      path: (a) => `/o/acme/suppliers/${a.supplierId}/audits/${a.siteAuditId}`,
      params: (a) => ({ id: id(a.supplierId), auditId: id(a.siteAuditId) }),
    },
    "o.$org.suppliers.$id.audits.$auditId.report.tsx": {
      perm: "suppliers.view",
      path: (a) => `/o/acme/suppliers/${a.supplierId}/audits/${a.siteAuditId}/report`,
      params: (a) => ({ id: id(a.supplierId), auditId: id(a.siteAuditId) }),
    },
    "o.$org.audit-findings.template[.csv].tsx": { perm: "suppliers.view", path: () => "/o/acme/audit-findings/template.csv" },
    "o.$org.audit-findings.template[.xlsx].tsx": { perm: "suppliers.view", path: () => "/o/acme/audit-findings/template.xlsx" },
    "o.$org.suppliers.$id.edit.tsx": {
      perm: "suppliers.edit",
      path: (a) => `/o/acme/suppliers/${a.supplierId}/edit`,
      params: (a) => ({ id: id(a.supplierId) }),
    },
    "o.$org.suppliers.$id.likely-goods.tsx": {
      perm: "suppliers.view",
      path: (a) => `/o/acme/suppliers/${a.supplierId}/likely-goods`,
      params: (a) => ({ id: id(a.supplierId) }),
      ok: 302,
    },
    "o.$org.suppliers.export[.csv].tsx": { perm: "suppliers.view", path: () => "/o/acme/suppliers/export.csv" },
    "o.$org.suppliers.import._index.tsx": { perm: "suppliers.import", path: () => "/o/acme/suppliers/import" },
    "o.$org.suppliers.import.$id.tsx": {
      perm: "suppliers.import",
      path: (a) => `/o/acme/suppliers/import/${a.importId}`,
      params: (a) => ({ id: id(a.importId) }),
    },
    "o.$org.suppliers.import.template[.csv].tsx": { perm: "suppliers.view", path: () => "/o/acme/suppliers/import/template.csv" },
    "o.$org.suppliers.new.tsx": { perm: "suppliers.edit", path: () => "/o/acme/suppliers/new" },
    "o.$org.suppliers.search.tsx": { perm: "suppliers.view", path: () => "/o/acme/suppliers/search?q=Mill" },
    "o.$org.grievances._index.tsx": { perm: "reports.view", path: () => "/o/acme/grievances" },
    "o.$org.grievances.$id.tsx": {
      perm: "grievances.handle",
      path: (a) => `/o/acme/grievances/${a.caseId}`,
      params: (a) => ({ id: id(a.caseId) }),
    },
    "o.$org.suppliers.$id.voice.tsx": {
      perm: "grievances.handle",
      path: (a) => `/o/acme/suppliers/${a.supplierId}/voice`,
      params: (a) => ({ id: id(a.supplierId) }),
    },
    "o.$org_.voice.$channelId.poster.tsx": {
      perm: "grievances.handle",
      path: (a) => `/o/acme/voice/${a.channelId}/poster`,
      params: (a) => ({ channelId: id(a.channelId) }),
    },
  };

/** One call of an action: its URL (with the ids in params) and a valid form, on a target made for it. */
type Cell = { path: string; params?: Record<string, string>; body: Body };
type Make = (db: Db, a: Tenant, role: Role) => Promise<Cell>;
/** Actions: every intent each route handles ("" for a route with a single form), its permission, and the status of success. */
type Intent = { perm: Action; make: Make; ok?: number[]; why?: string };

// Fresh targets, so each allowed call does its work (never a 404 because an earlier role already did it).
const supplier = (db: Db, a: Tenant, role: Role, what = "Target") =>
  newSupplier(db, a, `${what} ${role} ${Math.random().toString(36).slice(2, 8)}`);
async function started(db: Db, a: Tenant, role: Role): Promise<number> {
  const { created } = await startAssessments(
    db.db,
    a.ident("compliance"),
    [await supplier(db, a, role, "Assessed")],
    { dueAt: "2099-03-01", language: "en" },
    IP,
  );
  return created[0]!;
}
async function member(db: Db, a: Tenant, role: Role): Promise<number> {
  const userId = await insertUser(db.db, {
    email: `spare-${role}-${Math.random().toString(36).slice(2, 8)}@zephyr.test`,
    name: "Spare",
    passwordHash: PASSWORD_HASH,
  });
  await addMember(db.db, a.orgId, userId, "executive");
  return userId;
}
async function teamInvite(db: Db, a: Tenant, role: Role): Promise<number> {
  const r = await inviteMember(db.db, a.ident(), `invitee-${role}-${Math.random().toString(36).slice(2, 8)}@zephyr.test`, "compliance", IP);
  if (!r.ok) throw new Error(r.message);
  return r.value.inviteId;
}
async function action(db: Db, a: Tenant): Promise<number> {
  const r = await createManualAction(
    db.db,
    a.ident("compliance"),
    { supplierId: a.looseSupplierId, title: "Zephyr role probe", details: null, ownerUserId: null, dueAt: "2099-05-01" },
    IP,
  );
  if (!r.ok) throw new Error(r.message);
  return r.value.actionId;
}
/** A fresh worker report through acme's channel (from a source of its own, so no limit is reached). */
async function grievance(db: Db, a: Tenant): Promise<number> {
  const details = `Zephyr role probe ${Math.random().toString(36).slice(2, 8)}`;
  const ip = `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  const r = await fileReport(db.db, a.channelCode, ReportSchema.parse({ category: "fees", happened: "ongoing", details, lang: "en" }), ip);
  if (!r.ok) throw new Error(r.message);
  const row = await db.db
    .selectFrom("grievance_cases")
    .select("id")
    .where("case_number", "=", r.value.caseNumber)
    .executeTakeFirstOrThrow();
  return row.id;
}
const onCase = (caseId: number, body: Body): Cell => ({ path: `/o/acme/grievances/${caseId}`, params: { id: id(caseId) }, body });
async function importOf(db: Db, a: Tenant, checked: boolean): Promise<number> {
  const csv = `name,country\nZephyr Import ${Math.random().toString(36).slice(2, 8)},BD\n`;
  const r = await uploadImport(db.db, a.ident(), { name: "zephyr-roles.csv", text: csv, sizeBytes: csv.length });
  if (!r.ok) throw new Error(r.message);
  if (checked) {
    await queueCheck(db.db, a.orgId, r.value.importId, ["name", "country"]);
    await runQueuedCheck(db.db, a.orgId, r.value.importId);
    const imp = await db.db
      .selectFrom("supplier_imports")
      .select(["status", "result"])
      .where("id", "=", r.value.importId)
      .executeTakeFirstOrThrow();
    if (imp.status !== "checked") throw new Error(`import not checked: ${imp.status} ${imp.result ?? ""}`);
  }
  return r.value.importId;
}
/** A fresh product with one input, so each allowed call finds its own target. */
async function product(db: Db, a: Tenant, role: Role): Promise<{ id: number; sku: string; itemId: number }> {
  const sku = `Z-${role}-${Math.random().toString(36).slice(2, 8)}`;
  const p = await createProduct(db.db, a.ident(), ProductSchema.parse({ name: "Zephyr probe", sku, hsCode: "610910" }), IP);
  if (!p.ok) throw new Error(p.message);
  const item = await addBomItem(db.db, a.ident(), p.value.productId, BomItemSchema.parse({ material: "Zephyr fabric" }), IP);
  if (!item.ok) throw new Error(item.message);
  return { id: p.value.productId, sku, itemId: item.value.itemId };
}
const onProduct = (p: { id: number; sku: string; itemId: number }, body: (p: { sku: string; itemId: number }) => Body): Cell => ({
  path: `/o/acme/products/${p.id}`,
  params: { id: id(p.id) },
  body: body(p),
});
/** An action on a fresh webhook of acme's (paused for "resume"). */
async function onWebhook(db: Db, a: Tenant, body: Body, paused = false): Promise<Cell> {
  const hook = await freshWebhook(db, a.orgId, a.users.admin.id, "zephyr", paused);
  return { path: `/o/acme/settings/webhooks/${hook}`, params: { id: id(hook) }, body };
}

/** A decision on a fresh screening candidate of acme's supplier. */
async function onCandidate(db: Db, a: Tenant, intent: "confirm" | "dismiss"): Promise<Cell> {
  const m = await freshCandidate(db, a.orgId, a.looseSupplierId);
  return { path: "/o/acme/screening", body: { intent, matchId: id(m.id), version: id(m.version), reason: "Checked the address" } };
}
const onSupplier = (sid: number, body: Body): Cell => ({ path: `/o/acme/suppliers/${sid}`, params: { id: id(sid) }, body });
const onAssessment = (aid: number, body: Body, tail = ""): Cell => ({
  path: `/o/acme/assessments/${aid}${tail}`,
  params: { id: id(aid) },
  body,
});
/** A decision on a fresh document the supplier uploaded (no staff member uploaded it or filled in its answer). */
async function onEvidence(db: Db, a: Tenant, role: Role, intent: "accept" | "reject"): Promise<Cell> {
  const aid = await started(db, a, role);
  const fileId = await insertEvidence(db.db, a.orgId, {
    assessmentId: aid,
    questionKey: "p1.written_policy",
    filename: "zephyr-policy.pdf",
    mime: "application/pdf",
    sizeBytes: PDF.length,
    sha256: "0".repeat(64),
    uploadedBy: "supplier hr@zephyr.test",
  });
  return {
    path: `/o/acme/assessments/${aid}/evidence/${fileId}`,
    params: { id: id(aid), fileId: id(fileId) },
    body: { intent, reason: "Checked against the original" },
  };
}
/** A checked findings file on the fixture's audit (site audits). */
async function findingsFile(db: Db, a: Tenant): Promise<number> {
  const csv = new TextEncoder().encode("description,severity,touches\nZephyr role probe finding,Minor,P2\n");
  const r = await checkFindingsFile(db.db, a.ident(), a.supplierId, a.siteAuditId, { name: "zephyr.csv", bytes: csv }, IP);
  if (!r.ok) throw new Error(r.message);
  return r.value.importId;
}
/** A fresh action from a major hours finding (records rule), at version 1. */
async function findingAction(db: Db, a: Tenant): Promise<number> {
  const f = { description: "Zephyr hours over 60", severity: "Major", touches: "excessive_overtime", recommendation: null };
  const r = await addFinding(db.db, a.ident(), a.supplierId, a.siteAuditId, f, IP);
  if (!r.ok) throw new Error(r.message);
  return r.value.actionId;
}
const onAudit = (a: Tenant, body: Body): Cell => ({
  path: `/o/acme/suppliers/${a.supplierId}/audits/${a.siteAuditId}`,
  params: { id: id(a.supplierId), auditId: id(a.siteAuditId) },
  body,
});
const onAction = (xid: number, body: Body): Cell => ({ path: `/o/acme/actions/${xid}`, params: { id: id(xid) }, body });

/** A fresh UK draft for 2026 (statements), so each role's save or approval starts from version 1. */
async function freshStatement(db: Db, a: Tenant, approve = false): Promise<number> {
  const d = await draftStatement(db.db, a.ident(), { template: "uk-msa-s54", year: 2026 }, IP);
  if (!d.ok) throw new Error(d.message);
  if (approve) {
    const approval = {
      expectedVersion: 1,
      approverName: "Zephyr Chair",
      approverTitle: "Chair",
      approvingBody: "Board",
      approvedOn: "2026-01-05",
    };
    const r = await approveStatement(db.db, a.ident(), d.value.statementId, approval, IP);
    if (!r.ok) throw new Error(r.message);
  }
  return d.value.statementId;
}
const onStatement = (sid: number, body: Body): Cell => ({ path: `/o/acme/statements/${sid}`, params: { id: id(sid) }, body });
const APPROVAL = { approverName: "Zephyr Chair", approverTitle: "Chair", approvingBody: "Board", approvedOn: "2026-01-05" };

const ACTIONS: Record<string, Record<string, Intent>> = {
  "o.$org.statements._index.tsx": {
    "": {
      perm: "statements.edit",
      ok: [302],
      make: async () => ({ path: "/o/acme/statements", body: { template: "au-msa", year: "2026" } }),
    },
  },
  "o.$org.statements.$id._index.tsx": {
    save: {
      perm: "statements.edit",
      ok: [302],
      make: async (db, a) =>
        onStatement(await freshStatement(db, a), {
          intent: "save",
          expectedVersion: "1",
          "section.policies": "Zephyr [[figure:profile.policies]]",
        }),
    },
    approve: {
      perm: "statements.approve",
      ok: [302],
      make: async (db, a) => onStatement(await freshStatement(db, a), { intent: "approve", expectedVersion: "1", ...APPROVAL }),
    },
    publish: {
      perm: "statements.approve",
      ok: [302],
      make: async (db, a) => onStatement(await freshStatement(db, a, true), { intent: "publish", expectedVersion: "2" }),
    },
  },
  "o.$org.members.tsx": {
    invite: {
      perm: "members.manage",
      make: async (_db, _a, role) => ({
        path: "/o/acme/members",
        body: { intent: "invite", email: `new-${role}@x.test`, role: "compliance" },
      }),
    },
    "change-role": {
      perm: "members.manage",
      ok: [302],
      make: async (db, a, role) => ({
        path: "/o/acme/members",
        body: { intent: "change-role", userId: id(await member(db, a, role)), role: "compliance" },
      }),
    },
    remove: {
      perm: "members.manage",
      ok: [302],
      make: async (db, a, role) => ({ path: "/o/acme/members", body: { intent: "remove", userId: id(await member(db, a, role)) } }),
    },
    "revoke-invite": {
      perm: "members.manage",
      ok: [302],
      make: async (db, a, role) => ({
        path: "/o/acme/members",
        body: { intent: "revoke-invite", inviteId: id(await teamInvite(db, a, role)) },
      }),
    },
    "resend-invite": {
      perm: "members.manage",
      make: async (db, a, role) => ({
        path: "/o/acme/members",
        body: { intent: "resend-invite", inviteId: id(await teamInvite(db, a, role)) },
      }),
    },
  },
  "o.$org.screening.tsx": {
    rescreen: { perm: "screening.review", ok: [302], make: async () => ({ path: "/o/acme/screening", body: { intent: "rescreen" } }) },
    confirm: { perm: "screening.review", ok: [302], make: (db, a) => onCandidate(db, a, "confirm") },
    dismiss: { perm: "screening.review", ok: [302], make: (db, a) => onCandidate(db, a, "dismiss") },
  },
  "o.$org.settings.profile.tsx": {
    // Saves from the stored version, so each allowed role's save is a real one (not a conflict).
    "": {
      perm: "profile.edit",
      ok: [302],
      make: async (db, a) => {
        const stored = await getOrgProfile(db.db, a.orgId);
        return { path: "/o/acme/settings/profile", body: profileFormBody(stored?.version ?? 0) };
      },
    },
  },
  "o.$org.settings.webhooks._index.tsx": {
    // A literal public address: no name to resolve (the tests have no DNS). The secret is in the 200 answer.
    create: {
      perm: "integrations.manage",
      make: async () => ({
        path: "/o/acme/settings/webhooks",
        body: { intent: "create", url: "https://93.184.215.14/lantern", events: "assessment.submitted" },
      }),
    },
  },
  "o.$org.settings.webhooks.$id.tsx": {
    events: {
      perm: "integrations.manage",
      ok: [302],
      make: (db, a) => onWebhook(db, a, { intent: "events", events: "assessment.approved" }),
    },
    rotate: { perm: "integrations.manage", make: (db, a) => onWebhook(db, a, { intent: "rotate" }) },
    pause: { perm: "integrations.manage", ok: [302], make: (db, a) => onWebhook(db, a, { intent: "pause" }) },
    resume: { perm: "integrations.manage", ok: [302], make: (db, a) => onWebhook(db, a, { intent: "resume" }, true) },
    test: { perm: "integrations.manage", ok: [302], make: (db, a) => onWebhook(db, a, { intent: "test" }) },
    delete: { perm: "integrations.manage", ok: [302], make: (db, a) => onWebhook(db, a, { intent: "delete" }) },
  },
  "o.$org.settings.api-keys.tsx": {
    create: {
      perm: "integrations.manage",
      ok: [200],
      make: async () => ({ path: "/o/acme/settings/api-keys", body: { intent: "create", name: "Roles ERP", access: "read" } }),
    },
    revoke: {
      perm: "integrations.manage",
      ok: [302],
      make: async (_db, a) => ({ path: "/o/acme/settings/api-keys", body: { intent: "revoke", keyId: String(a.apiKeyId) } }),
    },
  },
  "o.$org.settings.sso.tsx": {
    "add-domain": {
      perm: "integrations.manage",
      ok: [302],
      make: async () => ({ path: "/o/acme/settings/sso", body: { intent: "add-domain", domain: `roles-${Date.now()}.example` } }),
    },
  },
  "o.$org.settings.review.tsx": {
    save: {
      perm: "review.settings",
      ok: [302],
      make: async () => ({ path: "/o/acme/settings/review", body: { intent: "save", fourEyes: "on" } }),
    },
  },
  "o.$org.settings.methodology.tsx": {
    preview: {
      perm: "methodology.edit",
      make: async () => ({ path: "/o/acme/settings/methodology", body: methodologyFormFields("preview") }),
    },
    save: {
      perm: "methodology.edit",
      ok: [302],
      make: async (db, a) => ({
        path: "/o/acme/settings/methodology",
        body: methodologyFormFields("save", (await currentMethodology(db.db, a.orgId)).version),
      }),
    },
  },
  "o.$org.suppliers.new.tsx": {
    "": {
      perm: "suppliers.edit",
      ok: [302],
      make: async (_db, _a, role) => ({ path: "/o/acme/suppliers/new", body: { name: `Zephyr New ${role}`, country: "BD" } }),
    },
  },
  "o.$org.suppliers.$id.edit.tsx": {
    "": {
      perm: "suppliers.edit",
      ok: [302],
      make: async (db, a, role) => {
        const sid = await supplier(db, a, role);
        return {
          path: `/o/acme/suppliers/${sid}/edit`,
          params: { id: id(sid) },
          body: { version: "1", name: `Zephyr Renamed ${role}`, country: "BD" },
        };
      },
    },
  },
  "o.$org.suppliers.$id.likely-goods.tsx": {
    reject: {
      perm: "suppliers.edit",
      ok: [302],
      make: async (db, a, role) => {
        // The fixture's suppliers are in a weaving sector: textiles are one of their likely goods.
        const sid = await supplier(db, a, role);
        const body = { intent: "reject", good: "Textiles", reason: "It only dyes yarn it buys" };
        return { path: `/o/acme/suppliers/${sid}/likely-goods`, params: { id: id(sid) }, body };
      },
    },
  },
  "o.$org.suppliers.$id._index.tsx": {
    "add-supplier": {
      perm: "suppliers.edit",
      ok: [302],
      make: async (db, a, role) =>
        onSupplier(await supplier(db, a, role), { intent: "add-supplier", otherId: id(await supplier(db, a, role)) }),
    },
    "add-buyer": {
      perm: "suppliers.edit",
      ok: [302],
      make: async (db, a, role) =>
        onSupplier(await supplier(db, a, role), { intent: "add-buyer", otherId: id(await supplier(db, a, role)) }),
    },
    "remove-link": {
      perm: "suppliers.edit",
      ok: [302],
      make: async (db, a, role) => {
        const [buyer, seller] = [await supplier(db, a, role), await supplier(db, a, role)];
        await addLink(db.db, a.ident(), seller, buyer, IP);
        return onSupplier(buyer, { intent: "remove-link", otherId: id(seller), side: "supplier" });
      },
    },
    archive: {
      perm: "suppliers.edit",
      ok: [302],
      make: async (db, a, role) => onSupplier(await supplier(db, a, role), { intent: "archive" }),
    },
    restore: {
      perm: "suppliers.edit",
      ok: [302],
      make: async (db, a, role) => {
        const sid = await supplier(db, a, role);
        await setArchived(db.db, a.ident(), sid, true, IP);
        return onSupplier(sid, { intent: "restore" });
      },
    },
    delete: {
      perm: "suppliers.edit",
      ok: [302],
      make: async (db, a, role) => onSupplier(await supplier(db, a, role), { intent: "delete", confirm: "yes" }),
    },
  },
  "o.$org.suppliers.$id.audits.new.tsx": {
    "": {
      perm: "suppliers.edit",
      ok: [302],
      make: async (_db, a) => ({
        path: `/o/acme/suppliers/${a.supplierId}/audits/new`,
        params: { id: id(a.supplierId) },
        body: { standard: "rba_vap", firm: "Zephyr Role Audits", auditDate: "2026-02-01", auditType: "unannounced" },
      }),
    },
  },
  "o.$org.products._index.tsx": {
    create: {
      perm: "products.edit",
      ok: [302],
      make: async () => ({
        path: "/o/acme/products",
        body: { intent: "create", name: "Zephyr probe shirt", sku: `Z-${Math.random().toString(36).slice(2, 10)}`, hsCode: "610910" },
      }),
    },
  },
  "o.$org.products.$id._index.tsx": {
    details: {
      perm: "products.edit",
      ok: [302],
      make: async (db, a, role) =>
        onProduct(await product(db, a, role), (p) => ({ intent: "details", name: "Zephyr renamed", sku: p.sku, hsCode: "6109100010" })),
    },
    "add-item": {
      perm: "products.edit",
      ok: [302],
      make: async (db, a, role) =>
        onProduct(await product(db, a, role), (p) => ({ intent: "add-item", material: "Zephyr thread", parentId: id(p.itemId) })),
    },
    "edit-item": {
      perm: "products.edit",
      ok: [302],
      make: async (db, a, role) =>
        onProduct(await product(db, a, role), (p) => ({
          intent: "edit-item",
          itemId: id(p.itemId),
          material: "Zephyr knit",
          isRaw: "on",
          originCountry: "BR",
        })),
    },
    "remove-item": {
      perm: "products.edit",
      ok: [302],
      make: async (db, a, role) => onProduct(await product(db, a, role), (p) => ({ intent: "remove-item", itemId: id(p.itemId) })),
    },
  },
  "o.$org.products.$id.pack.tsx": {
    "": {
      perm: "products.edit",
      ok: [200],
      make: async (db, a, role) => {
        const p = await product(db, a, role);
        return { path: `/o/acme/products/${p.id}/pack`, params: { id: id(p.id) }, body: { shipmentRef: "Z-1" } };
      },
    },
  },
  "o.$org.suppliers.$id.audits.$auditId.tsx": {
    finding: {
      perm: "suppliers.edit",
      ok: [302],
      make: async (_db, a) => onAudit(a, { intent: "finding", description: "Zephyr finding", severity: "Minor", touches: "P2" }),
    },
    check: {
      perm: "suppliers.edit",
      ok: [302],
      make: async (_db, a) =>
        onAudit(
          a,
          multipart(
            { intent: "check" },
            { field: "file", name: "zephyr.csv", bytes: new TextEncoder().encode("description,severity,touches\nZephyr x,Minor,P2\n") },
          ),
        ),
    },
    commit: {
      perm: "suppliers.edit",
      ok: [302],
      make: async (db, a) => onAudit(a, { intent: "commit", importId: id(await findingsFile(db, a)) }),
    },
    discard: {
      perm: "suppliers.edit",
      ok: [302],
      make: async (db, a) => onAudit(a, { intent: "discard", importId: id(await findingsFile(db, a)) }),
    },
  },
  "o.$org.suppliers.import._index.tsx": {
    "": {
      perm: "suppliers.import",
      ok: [302],
      make: async () => ({
        path: "/o/acme/suppliers/import",
        body: multipart(
          {},
          { field: "file", name: "zephyr.csv", bytes: new TextEncoder().encode("name,country\nZephyr Upload Mill,BD\n") },
        ),
      }),
    },
  },
  "o.$org.suppliers.import.$id.tsx": {
    check: {
      perm: "suppliers.import",
      ok: [302],
      make: async (db, a) => {
        const iid = await importOf(db, a, false);
        return {
          path: `/o/acme/suppliers/import/${iid}`,
          params: { id: id(iid) },
          body: { intent: "check", columns: "2", col0: "name", col1: "country" },
        };
      },
    },
    commit: {
      perm: "suppliers.import",
      ok: [302],
      make: async (db, a) => {
        const iid = await importOf(db, a, true);
        return { path: `/o/acme/suppliers/import/${iid}`, params: { id: id(iid) }, body: { intent: "commit" } };
      },
    },
    recheck: {
      perm: "suppliers.import",
      ok: [302],
      make: async (db, a) => {
        const iid = await importOf(db, a, true);
        return {
          path: `/o/acme/suppliers/import/${iid}`,
          params: { id: id(iid) },
          body: { intent: "recheck", policy: "overwrite", conflicts: "0" },
        };
      },
    },
    discard: {
      perm: "suppliers.import",
      ok: [302],
      make: async (db, a) => {
        const iid = await importOf(db, a, false);
        return { path: `/o/acme/suppliers/import/${iid}`, params: { id: id(iid) }, body: { intent: "discard" } };
      },
    },
  },
  "o.$org.assessments.new.tsx": {
    "": {
      perm: "assessments.manage",
      ok: [302],
      make: async (db, a, role) => ({
        path: `/o/acme/assessments/new?supplier=${await supplier(db, a, role)}`,
        body: { dueAt: "2099-01-01", language: "en" },
      }),
    },
  },
  "o.$org.assessments.$id._index.tsx": {
    invite: {
      perm: "assessments.manage",
      make: async (db, a, role) =>
        onAssessment(await started(db, a, role), { intent: "invite", email: `hr-${role}@zephyr-mill.test`, language: "en" }),
    },
    revoke: {
      perm: "assessments.manage",
      ok: [302],
      make: async (db, a, role) => {
        const aid = await started(db, a, role);
        await sendAssessmentInvite(db.db, a.ident("compliance"), aid, { email: "revoke@zephyr-mill.test", language: "en" }, IP);
        return onAssessment(aid, { intent: "revoke" });
      },
    },
    comment: {
      perm: "assessments.review",
      make: async (_db, a) => onAssessment(a.submittedId, { intent: "comment", questionKey: "profile.workers", body: "Please confirm." }),
    },
    reply: {
      perm: "assessments.review",
      make: async (db, a) => {
        const aid = a.submittedId; // a new thread on the tenant's submitted questionnaire: cheaper than a new questionnaire
        const c = await addReviewComment(db.db, a.ident("compliance"), aid, "profile.workers", "Count seasonal staff too.", IP);
        if (!c.ok) throw new Error(c.message);
        return onAssessment(aid, { intent: "reply", threadId: String(c.value.commentId), body: "The audit says 180." });
      },
    },
    "resolve-thread": {
      perm: "assessments.review",
      make: async (db, a) => {
        const aid = a.submittedId;
        const c = await addReviewComment(db.db, a.ident("compliance"), aid, "profile.workers", "Count seasonal staff too.", IP);
        if (!c.ok) throw new Error(c.message);
        return onAssessment(aid, { intent: "resolve-thread", threadId: String(c.value.commentId) });
      },
    },
    "reopen-thread": {
      perm: "assessments.review",
      make: async (db, a) => {
        const aid = a.submittedId;
        const c = await addReviewComment(db.db, a.ident("compliance"), aid, "profile.workers", "Count seasonal staff too.", IP);
        if (!c.ok) throw new Error(c.message);
        const threadId = c.value.commentId;
        const r = await changeThread(db.db, a.ident("compliance"), aid, { intent: "resolve-thread", threadId }, IP);
        if (!r.ok) throw new Error(r.message);
        return onAssessment(aid, { intent: "reopen-thread", threadId: String(threadId) });
      },
    },
    "request-changes": {
      perm: "assessments.review",
      ok: [302],
      make: async (db, a, role) => {
        const aid = await submittedAssessment(db, a, `Review ${role}`);
        await addReviewComment(db.db, a.ident("compliance"), aid, "profile.workers", "Count seasonal staff too.", IP);
        return onAssessment(aid, { intent: "request-changes", reason: "Please look again" });
      },
    },
    approve: {
      perm: "assessments.review",
      ok: [302],
      make: async (db, a, role) =>
        onAssessment(await submittedAssessment(db, a, `Approve ${role}`), {
          intent: "approve",
          reason: "Checked the answers",
          ackComments: "on",
          ackFlags: "on",
        }),
    },
    reopen: {
      perm: "assessments.review",
      ok: [302],
      make: async (db, a, role) => {
        const aid = await submittedAssessment(db, a, `Reopen ${role}`);
        const r = await approveAssessment(db.db, a.ident("admin"), aid, { reason: "Approved to reopen", acknowledged: [] }, IP);
        if (!r.ok) throw new Error(r.message);
        return onAssessment(aid, { intent: "reopen", reason: "The audit found new facts" });
      },
    },
  },
  "o.$org.assessments.$id.fill.tsx": {
    save: {
      perm: "assessments.manage",
      make: async (db, a, role) =>
        onAssessment(
          await started(db, a, role),
          { intent: "save", questionKey: "profile.workers", value: "42", baseRevision: "0" },
          "/fill",
        ),
    },
    submit: {
      perm: "assessments.manage",
      ok: [400],
      why: "a blank questionnaire: past the guard, the answer lists what is missing",
      make: async (db, a, role) => onAssessment(await started(db, a, role), { intent: "submit" }, "/fill"),
    },
    "remove-file": {
      perm: "assessments.manage",
      make: async (db, a, role) => {
        const aid = await started(db, a, role);
        const up = await uploadEvidence(
          db.db,
          { kind: "officer", id: a.ident("compliance") },
          aid,
          "p5.sample_contract",
          { name: "zephyr-c.pdf", bytes: PDF },
          IP,
        );
        if (!up.ok) throw new Error(up.message);
        return onAssessment(aid, { intent: "remove-file", fileId: id(up.value.fileId) }, "/fill");
      },
    },
  },
  "o.$org.assessments.$id.files.tsx": {
    "": {
      perm: "assessments.manage",
      make: async (db, a, role) =>
        onAssessment(
          await started(db, a, role),
          multipart({ questionKey: "p5.sample_contract" }, { field: "file", name: "zephyr.pdf", bytes: PDF }),
          "/files",
        ),
    },
  },
  "o.$org.assessments.$id.evidence.$fileId.tsx": {
    accept: { perm: "assessments.review", ok: [302], make: (db, a, role) => onEvidence(db, a, role, "accept") },
    reject: { perm: "assessments.review", ok: [302], make: (db, a, role) => onEvidence(db, a, role, "reject") },
  },
  "o.$org.actions.new.tsx": {
    "": {
      perm: "actions.edit",
      ok: [302],
      make: async (_db, a) => ({
        path: "/o/acme/actions/new",
        body: { supplierId: id(a.looseSupplierId), title: "Zephyr manual fix", dueAt: "2099-01-01" },
      }),
    },
  },
  "o.$org.grievances._index.tsx": {
    "": { perm: "grievances.settings", ok: [302], make: async () => ({ path: "/o/acme/grievances", body: { years: "6" } }) },
  },
  "o.$org.grievances.$id.tsx": {
    triage: {
      perm: "grievances.handle",
      ok: [302],
      make: async (db, a) => onCase(await grievance(db, a), { intent: "triage", version: "1", category: "fees", severity: "high" }),
    },
    status: {
      perm: "grievances.handle",
      ok: [302],
      make: async (db, a) => onCase(await grievance(db, a), { intent: "status", version: "1", to: "acknowledged" }),
    },
    reply: {
      perm: "grievances.handle",
      ok: [302],
      make: async (db, a) => onCase(await grievance(db, a), { intent: "reply", version: "1", body: "We read your report." }),
    },
    note: {
      perm: "grievances.handle",
      ok: [302],
      make: async (db, a) => onCase(await grievance(db, a), { intent: "note", version: "1", body: "Call the site." }),
    },
    redact: {
      perm: "grievances.handle",
      ok: [302],
      make: async (db, a) => onCase(await grievance(db, a), { intent: "redact", version: "1" }),
    },
  },
  "o.$org.suppliers.$id.voice.tsx": {
    "": {
      perm: "grievances.handle",
      ok: [302],
      make: async (db, a, role) => {
        const sid = await supplier(db, a, role, "Voiced");
        return { path: `/o/acme/suppliers/${sid}/voice`, params: { id: id(sid) }, body: () => voiceForm() };
      },
    },
  },
  "o.$org.actions.$id.tsx": {
    status: {
      perm: "actions.edit",
      ok: [302],
      make: async (db, a) => onAction(await action(db, a), { intent: "status", version: "1", status: "in_progress" }),
    },
    update: {
      perm: "actions.edit",
      ok: [302],
      make: async (db, a) =>
        onAction(await action(db, a), { intent: "update", version: "1", ownerUserId: id(a.users.compliance.id), dueAt: "2099-07-01" }),
    },
    note: {
      perm: "actions.edit",
      ok: [302],
      make: async (db, a) => onAction(await action(db, a), { intent: "note", version: "1", body: "Called the supplier." }),
    },
    record: {
      perm: "actions.edit",
      ok: [302],
      make: async (db, a) =>
        onAction(
          await findingAction(db, a),
          multipart({ intent: "record", version: "1", kind: "time", month: "2026-04" }, { field: "files", name: "april.pdf", bytes: PDF }),
        ),
    },
  },
};

const file = (key: string) => key.slice(2);
const orgRoutes = Object.entries(modules).filter(([k]) => file(k).startsWith("o.$org"));
/** The intents a route file names itself (hidden inputs and comparisons). */
function intentsIn(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/(?:intent ===|name="intent" value=|intent: z\.literal\()\s*"([a-z-]+)"/g)) found.add(m[1]!);
  for (const m of source.matchAll(/intent: z\.enum\(\[([^\]]+)\]/g)) for (const v of m[1]!.matchAll(/"([a-z-]+)"/g)) found.add(v[1]!);
  found.delete("string"); // typeof body.intent === "string"
  return [...found];
}

it("has a loader entry for every org loader, an action entry for every org action, and every intent the route files name", () => {
  const names = new Set(orgRoutes.map(([k]) => file(k)));
  expect(
    orgRoutes
      .filter(([, m]) => m.loader)
      .map(([k]) => file(k))
      .filter((f) => !(f in LOADERS)),
    "org loaders missing from LOADERS",
  ).toEqual([]);
  expect(
    orgRoutes
      .filter(([, m]) => m.action)
      .map(([k]) => file(k))
      .filter((f) => !(f in ACTIONS)),
    "org actions missing from ACTIONS",
  ).toEqual([]);
  expect(
    [...Object.keys(LOADERS), ...Object.keys(ACTIONS)].filter((f) => !names.has(f)),
    "entries for files that are gone",
  ).toEqual([]);
  for (const [k] of orgRoutes) {
    const f = file(k);
    const src = sources[k]!;
    if (LOADERS[f])
      expect(src, `${f} loader asks for ${LOADERS[f].perm}`).toContain(
        LOADERS[f].perm === "org.view" ? "requireOrg(request, context, params.org)" : `"${LOADERS[f].perm}"`,
      );
    if (ACTIONS[f])
      expect(
        intentsIn(src).filter((i) => !(i in ACTIONS[f]!)),
        `${f} intents missing from ACTIONS`,
      ).toEqual([]);
  }
});

describeEachEngine("route roles", (h) => {
  let a: Tenant;
  let cleanup = async () => {};
  const cells = { loaders: 0, actions: 0, executive: 0 };
  beforeAll(async () => {
    const fx = await buildTwoTenants(h());
    a = fx.a;
    cleanup = fx.cleanup;
  });
  afterAll(() => cleanup());

  it("answers every loader with 200 to a role that may, else 403", async () => {
    for (const [key, m] of orgRoutes) {
      const spec = LOADERS[file(key)];
      if (!m.loader || !spec) continue;
      for (const role of ROLES) {
        cells.loaders++;
        const r = await call(h(), m.loader, request(spec.path(a), "GET", a.users[role].cookie), { org: "acme", ...spec.params?.(a) });
        expect(r.status, `${role} GET ${file(key)} (${spec.perm}): ${r.text.slice(0, 160)}`).toBe(
          can(role, spec.perm) ? (spec.ok ?? 200) : 403,
        );
      }
    }
  });

  it("lets every role do exactly what `can` allows, and a refused role changes nothing", async () => {
    for (const [key, m] of orgRoutes) {
      const intents = ACTIONS[file(key)];
      if (!m.action || !intents) continue;
      for (const [intent, spec] of Object.entries(intents)) {
        // Refused roles first: their "nothing changed" is measured on the same data the allowed ones then use.
        for (const role of [...ROLES].sort((x, y) => Number(can(x, spec.perm)) - Number(can(y, spec.perm)))) {
          cells.actions++;
          const what = `${role} POST ${file(key)} intent=${intent || "(form)"} (${spec.perm})`;
          const cell = await spec.make(h(), a, role);
          const [counts, before] = [await tableCounts(h()), await dbSnapshot(h())];
          const r = await call(h(), m.action, request(cell.path, "POST", a.users[role].cookie, cell.body), { org: "acme", ...cell.params });
          if (can(role, spec.perm)) {
            expect(r.status, `${what}: ${r.text.slice(0, 200)}`).not.toBe(403);
            expect(spec.ok ?? [200], `${what}: ${r.text.slice(0, 200)}`).toContain(r.status);
          } else {
            expect(r.status, `${what}: ${r.text.slice(0, 200)}`).toBe(403);
            expect(changedTables(before, await dbSnapshot(h())), `${what} changed the database`).toEqual([]);
          }
          if (role === "executive") {
            cells.executive++;
            expect([403, 404], what).toContain(r.status);
            expect(changedTables(counts, await tableCounts(h())), `${what} changed row counts`).toEqual([]);
          }
        }
      }
    }
    // Every route × intent × role in one test: on a loaded PostgreSQL it outgrows the default 30 s.
  }, 120_000);

  it("counts the matrix", () => {
    console.log(
      `route roles: ${ROLES.length} roles × ${cells.loaders / ROLES.length} loaders = ${cells.loaders} cells; ` +
        `${ROLES.length} roles × ${cells.actions / ROLES.length} action intents = ${cells.actions} cells ` +
        `(${cells.executive} executive, all refused)`,
    );
    expect(cells.loaders).toBeGreaterThanOrEqual(ROLES.length * 29);
    expect(cells.actions).toBeGreaterThanOrEqual(ROLES.length * 30);
    expect(cells.executive).toBe(cells.actions / ROLES.length);
  });
});
