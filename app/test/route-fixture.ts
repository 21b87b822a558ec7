// Two tenants with data of every kind a route can show (suppliers and links, assessments with answers
// and evidence, a portal session, corrective actions with files, an import, a methodology preview,
// a team invitation), built through the services. Every string a tenant owns carries its marker
// ("zephyr" for acme, "quokka" for boreal), so a response can be searched for the other tenant's data.
// Also: calling loaders/actions directly, and snapshots of the database to prove nothing changed.
import { siteAuditFixture, type SiteAuditIds } from "./site-audit-fixture";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AppLoadContext } from "@remix-run/node";
import { expect } from "vitest";
import type { Db } from "~db/client";
import { runInRequestScope } from "~db/scope";
import { seedReferenceData } from "~db/seed/reference";
import { insertUser } from "~/models/user.server";
import { addMember, insertOrg } from "~/models/org.server";
import { insertJob } from "~/models/risk-jobs.server";
import type { OrgIdentity } from "~/lib/auth.server";
import { resetEnvCache } from "~/lib/env.server";
import { ROLES, type Role } from "~/domain/permissions";
import { ATHENS_V2, allQuestions } from "~/domain/questionnaire";
import { BEST } from "~/domain/questionnaire/test-fixtures";
import { DEFAULT_METHODOLOGY } from "~/domain/risk/methodology";
import { SupplierSchema } from "~/schemas/supplier";
import { methodologyFormValues } from "~/schemas/methodology";
import { addLink, createSupplier } from "~/services/suppliers.server";
import { addReviewComment } from "~/services/assessment-review.server";
import { saveAnswer, submitAssessment } from "~/services/assessment-answers.server";
import { startAssessments } from "~/services/assessments.server";
import type { Actor } from "~/services/assessment-core.server";
import { currentInvite } from "~/models/invite.server";
import { insertDecision } from "~/models/decision.server";
import { uploadEvidence } from "~/services/evidence.server";
import { openSupplierSession, sendAssessmentInvite } from "~/services/invites.server";
import { createManualAction } from "~/services/actions.server";
import { addActionNote } from "~/services/action-notes.server";
import { uploadImport } from "~/services/import.server";
import { inviteMember } from "~/services/members.server";
import { forgetReferenceData } from "~/services/risk.server";
import { voiceFixture, type VoiceFixture } from "./voice-fixture";
import { screeningFixture, type ScreeningFixture } from "./screening-fixture";
import { apiKeyFixture, type ApiKeyFixture } from "./api-key-fixture";
import { productFixture, type ProductFixture } from "./product-fixture";
import { statementFixture, type StatementFixture } from "./statement-fixture";
import { webhookFixture, type WebhookFixture } from "./webhook-fixture";
import { PASSWORD_HASH, contextFor, cookieFor } from "./support";

export const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const IP = "192.0.2.10";

export interface Tenant
  extends SiteAuditIds, VoiceFixture, ScreeningFixture, ProductFixture, StatementFixture, WebhookFixture, ApiKeyFixture {
  slug: string;
  /** Lower-case marker found in every string this tenant owns (org name, emails, supplier and file names). */
  marker: string;
  orgId: number;
  users: Record<Role, { id: number; email: string; cookie: string }>;
  ident(role?: Role): OrgIdentity;
  supplierId: number; // supplied by supplier2Id
  supplier2Id: number;
  looseSupplierId: number; // no links, no assessment
  assessmentId: number; // in progress: answers, one evidence file, an open portal session
  fileId: number; // evidence file of assessmentId
  submittedId: number; // submitted, waiting for review
  commentId: number; // a review comment on submittedId
  actionId: number;
  actionFileId: number;
  importId: number;
  previewId: number;
  teamInviteId: number;
  portalCookie: string;
  linkToken: string; // supplier invite link of assessmentId
  joinToken: string; // team invite link
}

function title(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

async function mailedToken(db: Db, email: string, re: RegExp): Promise<string> {
  const m = await db.db
    .selectFrom("mail_outbox")
    .select("body_text")
    .where("to_address", "=", email)
    .orderBy("id", "desc")
    .executeTakeFirstOrThrow();
  const token = re.exec(m.body_text)?.[1];
  if (!token) throw new Error(`no token in the mail to ${email}`);
  return token;
}

/** A new supplier of the tenant (through the service, so tiers and scores follow). */
export async function newSupplier(db: Db, t: Pick<Tenant, "ident" | "marker">, name: string): Promise<number> {
  const r = await createSupplier(
    db.db,
    t.ident("admin"),
    SupplierSchema.parse({ name: `${title(t.marker)} ${name}`, country: "BD", sector: `${t.marker} weaving` }),
    IP,
  );
  if (!r.ok) throw new Error(r.message);
  return r.value.id;
}

/** A submitted assessment of a new supplier, every required answer given. */
/**
 * A submitted assessment with the BEST answers, filled in by the supplier through its link (so that,
 * with four eyes on, any reviewer may approve it); `by: "compliance"` has the officer fill it in.
 */
export async function submittedAssessment(
  db: Db,
  t: Pick<Tenant, "ident" | "marker" | "orgId">,
  name: string,
  by: "supplier" | "compliance" = "supplier",
): Promise<number> {
  const supplierId = await newSupplier(db, t, name);
  const id = t.ident("compliance");
  const { created } = await startAssessments(db.db, id, [supplierId], { dueAt: null, language: "en" }, IP);
  const assessmentId = created[0]!;
  let actor: Actor = { kind: "officer", id };
  if (by === "supplier") {
    const email = `answers-${assessmentId}@${t.marker}-supplier.test`;
    await sendAssessmentInvite(db.db, id, assessmentId, { email, language: "en" }, IP);
    const invite = (await currentInvite(db.db, t.orgId, assessmentId))!;
    actor = { kind: "supplier", s: { sessionId: "fixture", assessmentId, orgId: t.orgId, inviteId: invite.id, email, language: "en" } };
  }
  for (const { question } of allQuestions(ATHENS_V2)) {
    const value = BEST[question.key];
    if (question.type === "evidence" || value === undefined) continue;
    await saveAnswer(db.db, actor, assessmentId, question.key, { value, comment: null, baseRevision: 0 }, null);
  }
  for (;;) {
    const r = await submitAssessment(db.db, actor, assessmentId, null);
    if (r.ok) return assessmentId;
    if (!r.detail?.length || r.detail.some((m) => m.reason !== "evidence")) throw new Error(`not submitted: ${JSON.stringify(r)}`);
    for (const m of r.detail)
      await uploadEvidence(db.db, actor, assessmentId, m.questionKey, { name: `${t.marker}-evidence.pdf`, bytes: PDF }, null);
  }
}

async function tenant(db: Db, slug: string, marker: string): Promise<Tenant> {
  const orgId = await insertOrg(db.db, `${title(marker)} Trading`, slug);
  const users = {} as Tenant["users"];
  for (const role of ROLES) {
    const email = `${role}@${marker}.test`;
    const id = await insertUser(db.db, { email, name: `${title(marker)} ${role}`, passwordHash: PASSWORD_HASH });
    await addMember(db.db, orgId, id, role);
    users[role] = { id, email, cookie: await cookieFor(db, id) };
  }
  const ident = (role: Role = "admin"): OrgIdentity => ({
    user: { sessionId: "fixture", userId: users[role].id, email: users[role].email, name: role },
    org: { id: orgId, slug, name: `${title(marker)} Trading` },
    role,
  });
  const base = { ident, marker, orgId };
  const supplierId = await newSupplier(db, base, "Spinning Mill");
  const supplier2Id = await newSupplier(db, base, "Cotton Farm");
  const looseSupplierId = await newSupplier(db, base, "Button Works");
  const linked = await addLink(db.db, ident(), supplier2Id, supplierId, IP);
  if (!linked.ok) throw new Error(linked.message);

  const officer = ident("compliance");
  const { created } = await startAssessments(db.db, officer, [supplierId], { dueAt: "2099-01-31", language: "en" }, IP);
  const assessmentId = created[0]!;
  const contact = `contact@${marker}-mill.test`;
  const sent = await sendAssessmentInvite(db.db, officer, assessmentId, { email: contact, language: "en" }, IP);
  if (!sent.ok) throw new Error(sent.message);
  const linkToken = await mailedToken(db, contact, /\/s\/([A-Za-z0-9_-]{43})/);
  const opened = await openSupplierSession(db.db, linkToken);
  if (!("cookie" in opened)) throw new Error("the supplier link did not open");
  const actor = { kind: "officer", id: officer } as const;
  await saveAnswer(db.db, actor, assessmentId, "profile.workers", { value: 250, comment: `${marker} comment`, baseRevision: 0 }, IP);
  const up = await uploadEvidence(db.db, actor, assessmentId, "p5.sample_contract", { name: `${marker}-contract.pdf`, bytes: PDF }, IP);
  if (!up.ok) throw new Error(up.message);
  const submittedId = await submittedAssessment(db, base, "Dye House", "compliance");
  const comment = await addReviewComment(db.db, officer, submittedId, "profile.workers", `${title(marker)} asks: count seasonal staff`, IP);
  if (!comment.ok) throw new Error(comment.message);
  // A decision with the tenant's marker in its reason (the page's decision timeline shows it).
  await insertDecision(db.db, orgId, submittedId, {
    kind: "reopen",
    userId: users.compliance.id,
    userLabel: users.compliance.email,
    reason: `${title(marker)} reopened: recheck the wages`,
    acknowledged: [],
  });

  const act = await createManualAction(
    db.db,
    officer,
    { supplierId, title: `${title(marker)} wage fix`, details: `${marker} details`, ownerUserId: users.compliance.id, dueAt: "2099-06-30" },
    IP,
  );
  if (!act.ok) throw new Error(act.message);
  const actionId = act.value.actionId;
  const note = await addActionNote(
    db.db,
    actor,
    actionId,
    { version: 1, body: `${marker} note`, files: [{ name: `${marker}-payslip.pdf`, bytes: PDF }] },
    IP,
  );
  if (!note.ok) throw new Error(note.message);
  const actionFileId = (await db.db.selectFrom("action_files").select("id").where("action_id", "=", actionId).executeTakeFirstOrThrow()).id;

  const csv = `name,country\n${title(marker)} Imported Mill,BD\n`;
  const imp = await uploadImport(db.db, ident(), { name: `${marker}-suppliers.csv`, text: csv, sizeBytes: csv.length });
  if (!imp.ok) throw new Error(imp.message);
  const previewId = await insertJob(db.db, orgId, "preview", "all", { config: DEFAULT_METHODOLOGY });
  // Independent signals: an audit with findings, a worker-voice channel with a report.
  const signals = {
    ...(await siteAuditFixture(db, ident(), supplierId, marker)),
    ...(await voiceFixture(db, ident(), supplierId, marker)),
    ...(await screeningFixture(db, orgId, supplierId, marker)),
    ...(await productFixture(db, ident(), supplierId, supplier2Id, marker)),
    ...(await statementFixture(db, ident(), marker)),
    ...(await webhookFixture(db, orgId, ident().user.userId, marker)),
    ...(await apiKeyFixture(db, ident(), marker)),
  };
  const newbie = `newbie@${marker}.test`;
  const inv = await inviteMember(db.db, ident(), newbie, "compliance", IP);
  if (!inv.ok) throw new Error(inv.message);
  const joinToken = await mailedToken(db, newbie, /\/join\/([A-Za-z0-9_-]{43})/);

  return {
    slug,
    marker,
    orgId,
    users,
    ident,
    supplierId,
    supplier2Id,
    looseSupplierId,
    assessmentId,
    fileId: up.value.fileId,
    submittedId,
    commentId: comment.value.commentId,
    actionId,
    actionFileId,
    importId: imp.value.importId,
    previewId,
    ...signals,
    teamInviteId: inv.value.inviteId,
    portalCookie: opened.cookie.split(";")[0]!,
    linkToken,
    joinToken,
  };
}

/**
 * Reference data, an evidence directory, the tenants acme ("zephyr") and boreal ("quokka"), and a
 * person in both: executive of acme, admin of boreal (a role must not carry over between tenants).
 */
export async function buildTwoTenants(
  db: Db,
): Promise<{ a: Tenant; b: Tenant; dual: { id: number; cookie: string }; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), "lantern-route-fixture-"));
  process.env.EVIDENCE_DIR = dir;
  resetEnvCache();
  await seedReferenceData(db.db);
  forgetReferenceData();
  const a = await tenant(db, "acme", "zephyr");
  const b = await tenant(db, "boreal", "quokka");
  const dualId = await insertUser(db.db, { email: "both@shared.test", name: "Both", passwordHash: PASSWORD_HASH });
  await addMember(db.db, a.orgId, dualId, "executive");
  await addMember(db.db, b.orgId, dualId, "admin");
  return { a, b, dual: { id: dualId, cookie: await cookieFor(db, dualId) }, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

// ---- calling routes ----

export type RouteArgs = { request: Request; params: Record<string, string>; context: AppLoadContext };
export type RouteFn = (args: RouteArgs) => unknown;
export interface RouteModule {
  loader?: RouteFn;
  action?: RouteFn;
}
/** A form: url-encoded fields, or a multipart body built afresh for every request. */
export type Body = Record<string, string> | (() => FormData);

export function request(path: string, method: "GET" | "POST", cookie?: string, body?: Body): Request {
  const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
  if (method === "GET") return new Request(`http://localhost${path}`, { headers });
  if (typeof body === "function") return new Request(`http://localhost${path}`, { method, headers, body: body() });
  headers["Content-Type"] = "application/x-www-form-urlencoded";
  return new Request(`http://localhost${path}`, { method, headers, body: new URLSearchParams(body ?? {}).toString() });
}

export function multipart(
  fields: Record<string, string>,
  file?: { field: string; name: string; bytes: Uint8Array<ArrayBuffer> },
): () => FormData {
  return () => {
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) fd.set(k, v);
    if (file) fd.append(file.field, new File([file.bytes], file.name));
    return fd;
  };
}

let ipSeq = 0;
/**
 * Runs a loader or action as the server does, in a request scope of its own (on PostgreSQL the
 * handle's role is then policed by row-level security until the route's guards set the user and
 * organisation); every call gets its own client IP, so no rate limit bites.
 */
export function call(
  db: Db,
  fn: RouteFn,
  req: Request,
  params: Record<string, string>,
): Promise<{ status: number; text: string; headers: string }> {
  return runInRequestScope(() => callInScope(db, fn, req, params));
}

async function callInScope(
  db: Db,
  fn: RouteFn,
  req: Request,
  params: Record<string, string>,
): Promise<{ status: number; text: string; headers: string }> {
  const context = contextFor(db, `10.9.${Math.floor(++ipSeq / 250) % 250}.${(ipSeq % 250) + 1}`);
  let r: Response;
  try {
    const out = await fn({ request: req, params, context });
    // Plain data (null included) is what Remix sends as a 200 JSON body.
    r = out instanceof Response ? out : new Response(JSON.stringify(out ?? null), { status: 200 });
  } catch (e) {
    if (!(e instanceof Response)) throw e;
    r = e;
  }
  const text = r.body ? Buffer.from(await r.arrayBuffer()).toString("utf8") : "";
  const headers = [...r.headers.entries()].map(([k, v]) => `${k}: ${v}`).join("\n");
  return { status: r.status, text, headers };
}

/** Fails if the response shows anything of the tenant with this marker (body or headers). */
export function expectNoMarker(r: { text: string; headers: string }, marker: string, what: string): void {
  expect(r.text.toLowerCase().includes(marker), `${what}: body shows "${marker}" data`).toBe(false);
  expect(r.headers.toLowerCase().includes(marker), `${what}: headers show "${marker}" data`).toBe(false);
}

/** The methodology settings form as posted (flat "group.field" names), with the default values. */
export function methodologyFormFields(intent: "preview" | "save", baseVersion = 0): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (prefix: string, v: unknown) => {
    if (v !== null && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(prefix ? `${prefix}.${k}` : k, x);
    else out[prefix] = String(v);
  };
  walk("", { ...methodologyFormValues(), intent, baseVersion: String(baseVersion), note: intent === "save" ? "route probe" : "" });
  return out;
}
