/// <reference types="vite/client" />
// Tenant isolation, route by route. Every route module with a loader or an action is discovered from
// the route files and must have an entry in ROUTES (a new route cannot slip through untested). Each
// org route is probed without a session, with the other tenant's session under acme's slug, and with
// acme's session holding boreal's ids (in the URL, the query and the form); portal routes with no
// session, an org session, and boreal's supplier session holding acme's ids; public routes are probed
// too. No probe may show the other tenant's marker, and no refused write may change the database.
import { afterAll, beforeAll, expect, it } from "vitest";
import { cookieFor, describeEachEngine } from "~/test/support";
import {
  PDF,
  buildTwoTenants,
  call,
  expectNoMarker,
  methodologyFormFields,
  multipart,
  request,
  type Body,
  type RouteModule,
  type Tenant,
} from "~/test/route-fixture";
import { changedTables, dbSnapshot } from "~/test/db-snapshot";
import { profileFormBody } from "~/test/org-profile-fixture";

const modules = import.meta.glob<RouteModule>("./*.tsx", { eager: true });

type Ids = (t: Tenant) => Record<string, string>;
type Forms = (own: Tenant) => Body[];
interface OrgSpec {
  kind: "org";
  path: string;
  ids?: Ids;
  /** Queries naming a record (?supplier=, ?comment=): the other tenant's id there must be not found; the first is the own page's. */
  query?: Array<(t: Tenant) => string>;
  /** The action reads the query's record too (else only the loader is probed with the other's id there). */
  actionReadsQuery?: boolean;
  /** A list filter that both tenants' data match (a word of both's supplier names) or naming the other's ids: only acme's own rows. */
  filter?: (other: Tenant) => string;
  /** Query of the tenant's own request when the bare URL shows nothing (a search). */
  ownQuery?: string;
  forms?: Forms;
  /** Forms of acme's own records that carry the other tenant's ids in fields: refused, nothing changes. */
  foreignForms?: (own: Tenant, other: Tenant) => Body[];
  /** Why the tenant's own page shows none of its strings (the other probes are then checked on status alone). */
  plain?: string;
  /** Why a GET answers 302 (not 404) to another tenant's id. */
  redirectsOnGet?: string;
}
interface PortalSpec {
  kind: "portal";
  path: string;
  ids?: Ids;
  /** Forms naming acme's records (ids from `a`), sent with boreal's supplier session. */
  forms?: (a: Tenant, b: Tenant) => Body[];
}
interface PublicSpec {
  kind: "public" | "account";
  reason: string;
  path: string;
  ids?: Ids;
  forms?: Forms;
}
type Spec = OrgSpec | PortalSpec | PublicSpec;

const id = (n: number) => String(n);
const csvFile = (t: Tenant) =>
  multipart({}, { field: "file", name: `${t.marker}.csv`, bytes: new TextEncoder().encode("name,country\nX Mill,BD\n") });

const ROUTES: Record<string, Spec> = {
  "$.tsx": { kind: "public", reason: "catch-all 404", path: "/nowhere" },
  "map.world[.svg].tsx": {
    kind: "public",
    reason: "the world outline under every map (Natural Earth, nothing of a tenant)",
    path: "/map/world.svg",
  },
  "_index.tsx": { kind: "public", reason: "landing page; sends a signed-in user home", path: "/" },
  "login.tsx": {
    kind: "public",
    reason: "log-in form",
    path: "/login",
    forms: (t): Body[] => [{ email: t.users.admin.email, password: "wrong password!" }],
  },
  "logout.tsx": { kind: "public", reason: "ends the caller's own session", path: "/logout", forms: (): Body[] => [{}] },
  "signup.tsx": {
    kind: "public",
    reason: "sign-up form",
    path: "/signup",
    forms: (): Body[] => [{ name: "N", email: "admin@quokka.test", password: "short", orgName: "" }],
  },
  "forgot-password.tsx": {
    kind: "public",
    reason: "same answer for every address",
    path: "/forgot-password",
    forms: (): Body[] => [{ email: "admin@quokka.test" }, { email: "admin@zephyr.test" }],
  },
  "reset-password.$token.tsx": {
    kind: "public",
    reason: "token link from a mail",
    path: "/reset-password/$token",
    ids: () => ({ token: "A".repeat(43) }),
    forms: (): Body[] => [{ password: "x", confirm: "y" }],
  },
  "sso._index.tsx": {
    kind: "public",
    reason: "single sign-on start: a work email names the organisation owning its verified domain",
    path: "/sso",
    forms: (t): Body[] => [{ email: t.users.admin.email }, { email: "not an email" }],
  },
  "sso.callback.tsx": { kind: "public", reason: "the identity provider's answer; state is single use", path: "/sso/callback" },
  "sso.domain.$token.tsx": {
    kind: "public",
    reason: "domain-proof link mailed to the domain",
    path: "/sso/domain/$token",
    ids: () => ({ token: "A".repeat(43) }),
    forms: (): Body[] => [{}],
  },
  "join.$token.tsx": {
    kind: "public",
    reason: "team invitation link",
    path: "/join/$token",
    ids: (t) => ({ token: t.joinToken }),
    forms: (): Body[] => [{ name: "", password: "", confirm: "" }],
  },
  "signup_.confirm.$token.tsx": {
    kind: "public",
    reason: "sign-up confirmation link",
    path: "/signup/confirm/$token",
    ids: () => ({ token: "B".repeat(43) }),
    forms: (): Body[] => [{}],
  },
  "s.$token.tsx": {
    kind: "public",
    reason: "supplier invite link",
    path: "/s/$token",
    ids: (t) => ({ token: t.linkToken }),
    forms: (): Body[] => [{ intent: "resend" }],
  },
  "v.$code.tsx": {
    kind: "public",
    reason: "a site's worker-voice report form (the code on the poster names the channel)",
    path: "/v/$code",
    ids: (t) => ({ code: t.channelCode }),
    forms: (): Body[] => [{ lang: "bn", happened: "ongoing" }],
  },
  "v.$code_.case.tsx": {
    kind: "public",
    reason: "a reporter's case, opened with its number and passphrase",
    path: "/v/$code/case",
    ids: (t) => ({ code: t.channelCode }),
    forms: (t): Body[] => [{ caseNumber: t.caseNumber, passphrase: "not the passphrase" }],
  },
  "account.tsx": {
    kind: "account",
    reason: "the signed-in user's own account",
    path: "/account",
    forms: (): Body[] => [{ currentPassword: "wrong", password: "a long new passphrase", confirm: "a long new passphrase" }],
  },

  "s.portal.tsx": { kind: "portal", path: "/s/portal" },
  "s.portal._index.tsx": { kind: "portal", path: "/s/portal" },
  "s.portal.actions.tsx": {
    kind: "portal",
    path: "/s/portal/actions",
    forms: (a): Body[] => [{ actionId: id(a.actionId), version: "2", body: "hijack" }],
  },
  "s.portal.answer.tsx": {
    kind: "portal",
    path: "/s/portal/answer",
    forms: (a): Body[] => [{ assessmentId: id(a.assessmentId), questionKey: "profile.workers", value: "5", baseRevision: "1" }],
  },
  "s.portal.files.tsx": {
    kind: "portal",
    path: "/s/portal/files",
    forms: (a): Body[] => [
      multipart({ assessmentId: id(a.assessmentId), questionKey: "p5.sample_contract" }, { field: "file", name: "x.pdf", bytes: PDF }),
    ],
  },
  "s.portal.files.$fileId.tsx": {
    kind: "portal",
    path: "/s/portal/files/$fileId",
    ids: (a) => ({ fileId: id(a.fileId) }),
    forms: (a, b): Body[] => [
      { assessmentId: id(a.assessmentId), intent: "remove" },
      { assessmentId: id(b.assessmentId), intent: "remove" },
    ],
  },
  "s.portal.submit.tsx": {
    kind: "portal",
    path: "/s/portal/submit",
    forms: (a): Body[] => [{ assessmentId: id(a.assessmentId) }, { assessmentId: id(a.submittedId) }],
  },

  "o.$org.tsx": { kind: "org", path: "/o/$org" },
  "o.$org._index.tsx": { kind: "org", path: "/o/$org" },
  "o.$org.actions._index.tsx": {
    kind: "org",
    path: "/o/$org/actions",
    filter: (b) => `?supplier=${b.supplierId}&owner=${b.users.compliance.id}`,
  },
  "o.$org.actions.new.tsx": {
    kind: "org",
    path: "/o/$org/actions/new",
    query: [(t) => `?supplier=${t.supplierId}`, (t) => `?comment=${t.commentId}`],
    forms: (t): Body[] => [{ supplierId: id(t.supplierId), title: "Fix it", dueAt: "2099-01-01" }],
    foreignForms: (a, b): Body[] => [
      { supplierId: id(b.supplierId), title: "Fix it", dueAt: "2099-01-01" },
      { supplierId: id(a.supplierId), title: "Fix it", dueAt: "2099-01-01", ownerUserId: id(b.users.compliance.id) },
      { supplierId: id(b.supplierId), title: "Fix it", dueAt: "2099-01-01", commentId: id(b.commentId) },
      { supplierId: id(a.supplierId), title: "Fix it", dueAt: "2099-01-01", commentId: id(b.commentId) },
    ],
  },
  "o.$org.actions.$id.tsx": {
    kind: "org",
    path: "/o/$org/actions/$id",
    ids: (t) => ({ id: id(t.actionId) }),
    forms: (t): Body[] => [
      { intent: "status", version: "2", status: "in_progress" },
      { intent: "update", version: "2", ownerUserId: id(t.users.admin.id), dueAt: "2099-02-02" },
      { intent: "note", version: "2", body: "note" },
    ],
    foreignForms: (_a, b): Body[] => [{ intent: "update", version: "2", ownerUserId: id(b.users.compliance.id), dueAt: "2099-02-02" }],
  },
  "o.$org.actions.$id.files.$fileId.tsx": {
    kind: "org",
    path: "/o/$org/actions/$id/files/$fileId",
    ids: (t) => ({ id: id(t.actionId), fileId: id(t.actionFileId) }),
  },
  "o.$org.assessments._index.tsx": { kind: "org", path: "/o/$org/assessments", filter: (b) => `?supplier=${b.supplierId}` },
  "o.$org.assessments.new.tsx": {
    kind: "org",
    path: "/o/$org/assessments/new",
    query: [(t) => `?supplier=${t.looseSupplierId}`],
    actionReadsQuery: true,
    forms: (): Body[] => [{ dueAt: "2099-01-01", language: "en" }],
  },
  "o.$org.assessments.$id._index.tsx": {
    kind: "org",
    path: "/o/$org/assessments/$id",
    ids: (t) => ({ id: id(t.submittedId) }),
    forms: (t): Body[] => [
      { intent: "invite", email: "someone@x.test", language: "en" },
      { intent: "revoke" },
      { intent: "comment", questionKey: "profile.workers", body: "why?" },
      { intent: "reply", threadId: id(t.commentId), body: "why?" },
      { intent: "resolve-thread", threadId: id(t.commentId) },
      { intent: "reopen-thread", threadId: id(t.commentId) },
      { intent: "request-changes", reason: "Please look again" },
      { intent: "approve", reason: "Checked the answers", ackComments: "on", ackFlags: "on", ackRetracted: "on" },
      { intent: "reopen", reason: "New facts from the audit" },
    ],
    foreignForms: (_a, b): Body[] => [
      { intent: "reply", threadId: id(b.commentId), body: "why?" },
      { intent: "resolve-thread", threadId: id(b.commentId) },
      { intent: "reopen-thread", threadId: id(b.commentId) },
    ],
  },
  "o.$org.assessments.$id.fill.tsx": {
    kind: "org",
    path: "/o/$org/assessments/$id/fill",
    ids: (t) => ({ id: id(t.assessmentId) }),
    forms: (t): Body[] => [
      { intent: "save", questionKey: "profile.workers", value: "300", baseRevision: "1" },
      { intent: "submit" },
      { intent: "remove-file", fileId: id(t.fileId) },
    ],
    foreignForms: (_a, b): Body[] => [{ intent: "remove-file", fileId: id(b.fileId) }],
  },
  "o.$org.assessments.$id.files.tsx": {
    kind: "org",
    path: "/o/$org/assessments/$id/files",
    ids: (t) => ({ id: id(t.assessmentId) }),
    forms: (): Body[] => [multipart({ questionKey: "p5.sample_contract" }, { field: "file", name: "c.pdf", bytes: PDF })],
    plain: "GET only redirects",
    redirectsOnGet: "GET only sends the browser back to the fill page, which answers 404 for a foreign id",
  },
  "o.$org.assessments.$id.files.$fileId.tsx": {
    kind: "org",
    path: "/o/$org/assessments/$id/files/$fileId",
    ids: (t) => ({ id: id(t.assessmentId), fileId: id(t.fileId) }),
  },
  "o.$org.assessments.$id.evidence.$fileId.tsx": {
    kind: "org",
    path: "/o/$org/assessments/$id/evidence/$fileId",
    ids: (t) => ({ id: id(t.assessmentId), fileId: id(t.fileId) }),
    forms: (): Body[] => [
      { intent: "accept", reason: "Checked against the original" },
      { intent: "reject", reason: "Not signed" },
    ],
    plain: "no loader; a decision answers with a redirect or a refusal",
  },
  "o.$org.audit.tsx": { kind: "org", path: "/o/$org/audit", filter: () => "?actor=admin@" },
  "o.$org.members.tsx": {
    kind: "org",
    path: "/o/$org/members",
    forms: (t): Body[] => [
      { intent: "invite", email: "new@x.test", role: "compliance" },
      { intent: "change-role", userId: id(t.users.executive.id), role: "compliance" },
      { intent: "remove", userId: id(t.users.executive.id) },
      { intent: "revoke-invite", inviteId: id(t.teamInviteId) },
      { intent: "resend-invite", inviteId: id(t.teamInviteId) },
    ],
    foreignForms: (_a, b): Body[] => [
      { intent: "change-role", userId: id(b.users.executive.id), role: "compliance" },
      { intent: "remove", userId: id(b.users.executive.id) },
      { intent: "revoke-invite", inviteId: id(b.teamInviteId) },
      { intent: "resend-invite", inviteId: id(b.teamInviteId) },
    ],
  },
  "o.$org.methodology.tsx": { kind: "org", path: "/o/$org/methodology", plain: "explains the model; no tenant strings" },
  "o.$org.outbox.tsx": { kind: "org", path: "/o/$org/outbox" },
  "o.$org.report.tsx": { kind: "org", path: "/o/$org/report" },
  "o.$org.grievances._index.tsx": { kind: "org", path: "/o/$org/grievances", forms: (): Body[] => [{ years: "7" }] },
  "o.$org.grievances.$id.tsx": {
    kind: "org",
    path: "/o/$org/grievances/$id",
    ids: (t) => ({ id: id(t.caseId) }),
    forms: (): Body[] => [
      { intent: "note", version: "1", body: "note" },
      { intent: "status", version: "1", to: "acknowledged" },
    ],
    foreignForms: (_a, b): Body[] => [{ intent: "assign", version: "1", assignee: id(b.users.compliance.id) }],
  },
  "o.$org.suppliers.$id.voice.tsx": {
    kind: "org",
    path: "/o/$org/suppliers/$id/voice",
    ids: (t) => ({ id: id(t.supplierId) }),
    forms: (): Body[] => [{ languages: "bn" }],
  },
  "o.$org_.voice.$channelId.poster.tsx": {
    kind: "org",
    path: "/o/$org/voice/$channelId/poster",
    ids: (t) => ({ channelId: id(t.channelId) }),
  },
  "o.$org.report[.csv].tsx": { kind: "org", path: "/o/$org/report.csv" },
  "o.$org.report-print[.css].tsx": { kind: "org", path: "/o/$org/report-print.css" },
  "o.$org.statements._index.tsx": {
    kind: "org",
    path: "/o/$org/statements",
    forms: (): Body[] => [{ template: "uk-msa-s54", year: "2026" }],
    plain: "lists the statements' laws and years; no tenant strings",
  },
  "o.$org.statements.$id._index.tsx": {
    kind: "org",
    path: "/o/$org/statements/$id",
    ids: (t) => ({ id: id(t.statementId) }),
    forms: (): Body[] => [
      { intent: "save", expectedVersion: "2", "section.policies": "New words [[figure:suppliers.total]]" },
      {
        intent: "approve",
        expectedVersion: "2",
        approverName: "A B",
        approverTitle: "Director",
        approvingBody: "Board",
        approvedOn: "2026-12-01",
      },
      { intent: "publish", expectedVersion: "2" },
    ],
  },
  "o.$org.statements.$id.figures.$key.tsx": {
    kind: "org",
    path: "/o/$org/statements/$id/figures/$key",
    ids: (t) => ({ id: id(t.approvedStatementId), key: "suppliers.total" }),
  },
  "o.$org.statements.$id.print.tsx": { kind: "org", path: "/o/$org/statements/$id/print", ids: (t) => ({ id: id(t.statementId) }) },
  "o.$org.statements.$id.print[.css].tsx": {
    kind: "org",
    path: "/o/$org/statements/$id/print.css",
    ids: (t) => ({ id: id(t.statementId) }),
    plain: "the running header names the organisation, not the marker",
  },
  "o.$org.statements.$id.docx.tsx": {
    kind: "org",
    path: "/o/$org/statements/$id/docx",
    ids: (t) => ({ id: id(t.statementId) }),
    plain: "a zipped Word document: its words are compressed",
  },
  "o.$org.settings.methodology.tsx": {
    kind: "org",
    path: "/o/$org/settings/methodology",
    forms: (): Body[] => [methodologyFormFields("preview"), methodologyFormFields("save")],
    plain: "weights and thresholds; no tenant strings until a save",
  },
  "o.$org.screening.tsx": {
    kind: "org",
    path: "/o/$org/screening",
    filter: () => "?status=candidate&list=uflpa",
    forms: (t): Body[] => [
      { intent: "dismiss", matchId: id(t.screeningMatchId), version: "1", reason: "Not the same entity" },
      { intent: "rescreen" },
    ],
    foreignForms: (_a, b): Body[] => [
      { intent: "confirm", matchId: id(b.screeningMatchId), version: "1", reason: "Hijack" },
      { intent: "dismiss", matchId: id(b.screeningMatchId), version: "1", reason: "Hijack" },
    ],
  },
  "o.$org.settings.profile.tsx": {
    kind: "org",
    path: "/o/$org/settings/profile",
    forms: (): Body[] => [profileFormBody(0), { ...profileFormBody(0), intent: "add:policies" }],
  },
  // The REST API: an API key, not a session, names the tenant; api-routes.test.ts and
  // api-resources-routes.test.ts check that a key of one organisation never reaches another's ids.
  "api.v1.$.tsx": { kind: "public", reason: "REST API: a session cookie gets a 401 problem", path: "/api/v1/no/such" },
  "api.v1.suppliers._index.tsx": { kind: "public", reason: "REST API: a session cookie gets a 401 problem", path: "/api/v1/suppliers" },
  "api.v1.suppliers.$id._index.tsx": {
    kind: "public",
    reason: "REST API: a session cookie gets a 401 problem",
    path: "/api/v1/suppliers/1",
  },
  "api.v1.suppliers.$id.risk.tsx": {
    kind: "public",
    reason: "REST API: a session cookie gets a 401 problem",
    path: "/api/v1/suppliers/1/risk",
  },
  "api.v1.suppliers.$id.links.tsx": {
    kind: "public",
    reason: "REST API: a session cookie gets a 401 problem",
    path: "/api/v1/suppliers/1/links",
  },
  "api.v1.suppliers.bulk.tsx": { kind: "public", reason: "REST API: a session cookie gets a 401 problem", path: "/api/v1/suppliers/bulk" },
  "api.v1.actions._index.tsx": { kind: "public", reason: "REST API: a session cookie gets a 401 problem", path: "/api/v1/actions" },
  "api.v1.actions.$id.tsx": { kind: "public", reason: "REST API: a session cookie gets a 401 problem", path: "/api/v1/actions/1" },
  "api.v1.assessments._index.tsx": { kind: "public", reason: "REST API: a session cookie gets a 401 problem", path: "/api/v1/assessments" },
  "api.v1.assessments.$id.tsx": { kind: "public", reason: "REST API: a session cookie gets a 401 problem", path: "/api/v1/assessments/1" },
  "api.v1.grievances.counts.tsx": {
    kind: "public",
    reason: "REST API: a session cookie gets a 401 problem",
    path: "/api/v1/grievances/counts",
  },
  "api.v1.openapi[.json].tsx": {
    kind: "public",
    reason: "the API's OpenAPI document, the same for everyone",
    path: "/api/v1/openapi.json",
  },
  "api.v1.docs.tsx": { kind: "public", reason: "the API reference page, the same for everyone", path: "/api/v1/docs" },
  "o.$org.settings.api-keys.tsx": {
    kind: "org",
    path: "/o/$org/settings/api-keys",
    forms: (): Body[] => [{ intent: "create", name: "Isolation ERP", access: "read" }],
    foreignForms: (_a, b): Body[] => [{ intent: "revoke", keyId: id(b.apiKeyId) }],
  },
  "o.$org.settings.sso.tsx": {
    kind: "org",
    path: "/o/$org/settings/sso",
    forms: (t): Body[] => [{ intent: "add-domain", domain: `${t.marker}.example` }, { intent: "test-config" }],
    plain: "a settings form; its only tenant strings are the admins' names in the break-glass list, shown once SSO is set up",
  },
  "o.$org.settings.review.tsx": {
    kind: "org",
    path: "/o/$org/settings/review",
    forms: (): Body[] => [{ intent: "save", fourEyes: "on" }, { intent: "save" }],
    plain: "one switch; no tenant strings",
  },
  "o.$org.settings.webhooks._index.tsx": {
    kind: "org",
    path: "/o/$org/settings/webhooks",
    forms: (): Body[] => [{ intent: "create", url: "https://hooks.example.invalid/in", events: "assessment.submitted" }],
  },
  "o.$org.settings.webhooks.$id.tsx": {
    kind: "org",
    path: "/o/$org/settings/webhooks/$id",
    ids: (t) => ({ id: id(t.webhookId) }),
    forms: (): Body[] => [
      { intent: "events", events: "assessment.approved", description: "Hijack" },
      { intent: "pause" },
      { intent: "rotate" },
      { intent: "test" },
      { intent: "delete" },
    ],
  },
  "o.$org.settings.methodology.preview.$id.tsx": {
    kind: "org",
    path: "/o/$org/settings/methodology/preview/$id",
    ids: (t) => ({ id: id(t.previewId) }),
    plain: "a job's state; no tenant strings",
  },
  "o.$org.suppliers._index.tsx": { kind: "org", path: "/o/$org/suppliers", filter: () => "?q=Cotton&status=all" },
  "o.$org.suppliers.$id._index.tsx": {
    kind: "org",
    path: "/o/$org/suppliers/$id",
    ids: (t) => ({ id: id(t.supplierId) }),
    forms: (t): Body[] => [
      { intent: "add-supplier", otherId: id(t.looseSupplierId) },
      { intent: "add-buyer", otherId: id(t.looseSupplierId) },
      { intent: "remove-link", otherId: id(t.supplier2Id), side: "supplier" },
      { intent: "archive" },
      { intent: "restore" },
      { intent: "delete", confirm: "yes" },
    ],
    foreignForms: (_a, b): Body[] => [
      { intent: "add-supplier", otherId: id(b.looseSupplierId) },
      { intent: "add-buyer", otherId: id(b.looseSupplierId) },
      { intent: "remove-link", otherId: id(b.supplier2Id), side: "supplier" },
    ],
  },
  "o.$org.suppliers.$id.likely-goods.tsx": {
    kind: "org",
    path: "/o/$org/suppliers/$id/likely-goods",
    ids: (t) => ({ id: id(t.supplierId) }),
    forms: (): Body[] => [
      { intent: "reject", good: "Textiles", reason: "It weaves nothing" },
      { intent: "restore", good: "Textiles" },
      { intent: "confirm", good: "Thread/Yarn" },
    ],
    plain: "redirects back to the supplier page; no page of its own",
  },
  "o.$org.products._index.tsx": {
    kind: "org",
    path: "/o/$org/products",
    forms: (): Body[] => [{ intent: "create", name: "Probe shirt", sku: "PROBE-1", hsCode: "610910" }],
    foreignForms: (_a, b): Body[] => [
      { intent: "create", name: "Probe shirt", sku: "PROBE-2", hsCode: "610910", madeBy: id(b.supplierId) },
    ],
  },
  "o.$org.products.$id._index.tsx": {
    kind: "org",
    path: "/o/$org/products/$id",
    ids: (t) => ({ id: id(t.productId) }),
    forms: (t): Body[] => [
      { intent: "details", name: "Renamed shirt", sku: `${t.marker}-TS-1`, hsCode: "610910" },
      { intent: "add-item", material: "Sewing thread", parentId: id(t.bomItemId) },
      { intent: "edit-item", itemId: id(t.rawItemId), material: "Raw cotton", isRaw: "on", originCountry: "BR" },
      { intent: "remove-item", itemId: id(t.rawItemId) },
    ],
    foreignForms: (a, b): Body[] => [
      { intent: "add-item", material: "Sewing thread", parentId: id(b.bomItemId) },
      { intent: "add-item", material: "Sewing thread", supplierId: id(b.supplierId) },
      { intent: "edit-item", itemId: id(b.rawItemId), material: "Raw cotton" },
      { intent: "remove-item", itemId: id(b.rawItemId) },
      { intent: "details", name: "Renamed shirt", sku: `${a.marker}-TS-1`, hsCode: "610910", madeBy: id(b.supplierId) },
    ],
  },
  "o.$org.products.$id.pack.tsx": {
    kind: "org",
    path: "/o/$org/products/$id/pack",
    ids: (t) => ({ id: id(t.productId) }),
    forms: (): Body[] => [{ shipmentRef: "PO-1" }],
    plain: "GET redirects to the product page; POST answers a ZIP (compressed bytes, so the tenant's strings are not readable in it)",
    redirectsOnGet: "GET only sends the browser back to the product page, which answers 404 for a foreign id",
  },
  "o.$org.suppliers.$id.audits.new.tsx": {
    kind: "org",
    path: "/o/$org/suppliers/$id/audits/new",
    ids: (t) => ({ id: id(t.supplierId) }),
    forms: (): Body[] => [{ standard: "smeta_4", firm: "Bureau Veritas", auditDate: "2026-01-10", auditType: "announced" }],
  },
  "o.$org.suppliers.$id.audits.$auditId.tsx": {
    kind: "org",
    path: "/o/$org/suppliers/$id/audits/$auditId",
    ids: (t) => ({ id: id(t.supplierId), auditId: id(t.siteAuditId) }),
    forms: (t): Body[] => [
      { intent: "finding", description: "Hours over 60", severity: "Major", touches: "excessive_overtime" },
      multipart(
        { intent: "check" },
        { field: "file", name: `${t.marker}.csv`, bytes: new TextEncoder().encode("description,severity,touches\nx y z,Minor,P2\n") },
      ),
      { intent: "commit", importId: id(t.findingImportId) },
      { intent: "discard", importId: id(t.findingImportId) },
    ],
    foreignForms: (_a, b): Body[] => [
      { intent: "commit", importId: id(b.findingImportId) },
      { intent: "discard", importId: id(b.findingImportId) },
    ],
  },
  "o.$org.suppliers.$id.audits.$auditId.report.tsx": {
    kind: "org",
    path: "/o/$org/suppliers/$id/audits/$auditId/report",
    ids: (t) => ({ id: id(t.supplierId), auditId: id(t.siteAuditId) }),
    plain: "the report file, as an attachment (the same PDF bytes for both tenants)",
  },
  "o.$org.audit-findings.template[.csv].tsx": {
    kind: "org",
    path: "/o/$org/audit-findings/template.csv",
    plain: "the same blank findings template for every tenant",
  },
  "o.$org.audit-findings.template[.xlsx].tsx": {
    kind: "org",
    path: "/o/$org/audit-findings/template.xlsx",
    plain: "the same blank findings template for every tenant",
  },
  "o.$org.suppliers.$id.edit.tsx": {
    kind: "org",
    path: "/o/$org/suppliers/$id/edit",
    ids: (t) => ({ id: id(t.supplierId) }),
    forms: (): Body[] => [{ version: "1", name: "Renamed", country: "BD" }],
  },
  "o.$org.suppliers.export[.csv].tsx": { kind: "org", path: "/o/$org/suppliers/export.csv", filter: () => "?q=Cotton&status=all" },
  "o.$org.suppliers.import._index.tsx": { kind: "org", path: "/o/$org/suppliers/import", forms: (t): Body[] => [csvFile(t)] },
  "o.$org.suppliers.import.$id.tsx": {
    kind: "org",
    path: "/o/$org/suppliers/import/$id",
    ids: (t) => ({ id: id(t.importId) }),
    forms: (): Body[] => [
      { intent: "check", columns: "2", col0: "name", col1: "country" },
      { intent: "commit" },
      { intent: "recheck", policy: "overwrite", conflicts: "0" },
      { intent: "discard" },
    ],
  },
  "o.$org.suppliers.import.template[.csv].tsx": {
    kind: "org",
    path: "/o/$org/suppliers/import/template.csv",
    plain: "the same blank template for every tenant",
  },
  "o.$org.suppliers.new.tsx": { kind: "org", path: "/o/$org/suppliers/new", forms: (): Body[] => [{ name: "New Mill", country: "BD" }] },
  "o.$org.suppliers.search.tsx": { kind: "org", path: "/o/$org/suppliers/search", filter: () => "?q=Cotton", ownQuery: "?q=Mill" },
};

const file = (key: string) => key.slice(2);
const probed = Object.entries(modules).filter(([, m]) => m.loader || m.action);

it("has an entry for every route file with a loader or an action, and none for a file that is gone", () => {
  const files = new Set(Object.keys(modules).map(file));
  const missing = probed.map(([k]) => file(k)).filter((f) => !(f in ROUTES));
  const gone = Object.keys(ROUTES).filter((f) => !files.has(f));
  expect(missing, "route files with a loader/action but no entry in ROUTES").toEqual([]);
  expect(gone, "ROUTES entries whose file no longer exists").toEqual([]);
  for (const [k, m] of probed) {
    const spec = ROUTES[file(k)]!;
    // An action must be probed with at least one form (portal and org forms say how).
    if (m.action && spec.kind !== "public" && spec.kind !== "account")
      expect(spec.forms, `${file(k)} has an action but no forms`).toBeDefined();
    if (spec.kind === "org") expect(spec.path.startsWith("/o/$org"), file(k)).toBe(true);
  }
});

function fill(path: string, params: Record<string, string>): string {
  return path.replace(/\$(\w+)/g, (_m, k: string) => params[k] ?? `$${k}`);
}
/** The other tenant's ids: all at once, then one parameter at a time. */
function foreignParams(ids: Ids, a: Tenant, b: Tenant): Array<Record<string, string>> {
  const mine = ids(a);
  const theirs = ids(b);
  const keys = Object.keys(mine);
  // A parameter that is no id (a figure's key) is the same for both: swapping it alone probes nothing foreign.
  const swaps = keys.length > 1 ? keys.filter((k) => theirs[k] !== mine[k]).map((k) => ({ ...mine, [k]: theirs[k]! })) : [];
  return [theirs, ...swaps];
}
const REFUSED_ANON = [302, 401, 403, 404];

describeEachEngine("route isolation", (h) => {
  let a: Tenant;
  let b: Tenant;
  let dual = "";
  let cleanup = async () => {};
  const counts = { routes: 0, loaders: 0, actions: 0, probes: 0 };
  beforeAll(async () => {
    const fx = await buildTwoTenants(h());
    ({ a, b } = fx);
    dual = fx.dual.cookie;
    cleanup = fx.cleanup;
  });
  afterAll(() => cleanup());

  async function probe(
    what: string,
    fn: RouteModule["loader"],
    path: string,
    params: Record<string, string>,
    opts: { cookie?: string; body?: Body; status: number[]; notMarker: string },
  ) {
    counts.probes++;
    const r = await call(h(), fn!, request(path, opts.body ? "POST" : "GET", opts.cookie, opts.body), params);
    expect(opts.status, `${what}: ${path} answered ${r.status} ${r.text.slice(0, 200)}`).toContain(r.status);
    if (r.status === 302 && (!opts.cookie || opts.cookie.startsWith("lantern_supplier=")))
      expect(r.headers, `${what}: ${path}`).toMatch(/location: \/(login|s\/|$)/);
    expectNoMarker(r, opts.notMarker, `${what}: ${path}`);
    return r;
  }
  /** Runs refused writes and proves the database did not change. */
  async function unchanged(what: string, run: () => Promise<void>) {
    const before = await dbSnapshot(h());
    await run();
    expect(changedTables(before, await dbSnapshot(h())), `${what} changed the database`).toEqual([]);
  }

  it("keeps every org route to its tenant", async () => {
    for (const [key, m] of probed) {
      const spec = ROUTES[file(key)];
      if (spec?.kind !== "org") continue;
      const name = file(key);
      const own = spec.ids?.(a) ?? {};
      const at = (params: Record<string, string>, query = "") => fill(spec.path, { org: "acme", ...params }) + query;
      const q = (t: Tenant, i = 0) => spec.query?.[i]?.(t) ?? "";
      const foreign = [...(spec.ids ? foreignParams(spec.ids, a, b) : []), ...(spec.query ?? []).map((_, i) => ({ query: String(i) }))];
      const foreignAt = (p: Record<string, string>) => ("query" in p ? at(own, q(b, Number(p.query))) : at(p, q(a)));
      const paramsOf = (p: Record<string, string>) => ({ org: "acme", ...("query" in p ? own : p) });
      if (m.loader) {
        counts.loaders++;
        const mine = await probe(
          `${name} own`,
          m.loader,
          at(own, spec.ownQuery ?? q(a)),
          { org: "acme", ...own },
          { cookie: a.users.admin.cookie, status: [200, 302], notMarker: b.marker },
        );
        // The tenant's own request does show its data: the probes below look at real pages, not empty ones.
        if (!spec.plain) expect(`${mine.text}${mine.headers}`.toLowerCase(), `${name} own page shows no acme data`).toContain(a.marker);
        await probe(`${name} anonymous`, m.loader, at(own, q(a)), { org: "acme", ...own }, { status: REFUSED_ANON, notMarker: a.marker });
        // A supplier's portal session is no org session, not even for the tenant that invited it.
        await probe(
          `${name} portal session`,
          m.loader,
          at(own, q(a)),
          { org: "acme", ...own },
          { cookie: a.portalCookie, status: REFUSED_ANON, notMarker: a.marker },
        );
        await probe(
          `${name} other tenant's session`,
          m.loader,
          at(own, q(a)),
          { org: "acme", ...own },
          { cookie: b.users.admin.cookie, status: [404], notMarker: a.marker },
        );
        for (const p of foreign) {
          await probe(`${name} foreign id`, m.loader, foreignAt(p), paramsOf(p), {
            cookie: a.users.admin.cookie,
            status: spec.redirectsOnGet ? [302, 403, 404] : [403, 404],
            notMarker: b.marker,
          });
        }
        if (spec.filter)
          await probe(
            `${name} foreign filter`,
            m.loader,
            at(own, spec.filter(b)),
            { org: "acme", ...own },
            { cookie: a.users.admin.cookie, status: [200, 400], notMarker: b.marker },
          );
      }
      if (m.action && spec.forms) {
        counts.actions++;
        await unchanged(name, async () => {
          for (const body of spec.forms!(a)) {
            await probe(
              `${name} anonymous POST`,
              m.action,
              at(own, q(a)),
              { org: "acme", ...own },
              { body, status: REFUSED_ANON, notMarker: a.marker },
            );
            await probe(
              `${name} portal session POST`,
              m.action,
              at(own, q(a)),
              { org: "acme", ...own },
              { body, cookie: a.portalCookie, status: REFUSED_ANON, notMarker: a.marker },
            );
            await probe(
              `${name} other tenant's POST`,
              m.action,
              at(own, q(a)),
              { org: "acme", ...own },
              { body, cookie: b.users.admin.cookie, status: [404], notMarker: a.marker },
            );
            for (const p of foreign.filter((x) => spec.actionReadsQuery || !("query" in x))) {
              await probe(`${name} POST foreign id`, m.action, foreignAt(p), paramsOf(p), {
                body,
                cookie: a.users.admin.cookie,
                status: [403, 404],
                notMarker: b.marker,
              });
            }
          }
          for (const body of spec.foreignForms?.(a, b) ?? []) {
            await probe(
              `${name} POST foreign ids in the form`,
              m.action,
              at(own, q(a)),
              { org: "acme", ...own },
              { body, cookie: a.users.admin.cookie, status: [400, 403, 404, 409], notMarker: b.marker },
            );
          }
        });
      }
    }
  });

  it("does not carry a role over from another tenant: boreal's admin who is acme's executive changes nothing in acme", async () => {
    for (const [key, m] of probed) {
      const spec = ROUTES[file(key)];
      if (spec?.kind !== "org" || !m.action || !spec.forms) continue;
      const own = spec.ids?.(a) ?? {};
      const path = fill(spec.path, { org: "acme", ...own }) + (spec.query?.[0]?.(a) ?? "");
      await unchanged(`${file(key)} as acme's executive`, async () => {
        for (const body of spec.forms!(a))
          await probe(
            `${file(key)} dual member POST`,
            m.action,
            path,
            { org: "acme", ...own },
            { body, cookie: dual, status: [403], notMarker: b.marker },
          );
      });
    }
  });

  it("keeps a supplier's portal session to its own assessment", async () => {
    for (const [key, m] of probed) {
      const spec = ROUTES[file(key)];
      if (spec?.kind !== "portal") continue;
      const name = file(key);
      const ids = spec.ids?.(a) ?? {};
      const path = fill(spec.path, ids);
      const refused = [302, 401, 403, 404];
      if (m.loader) {
        counts.loaders++;
        const mine = await probe(`${name} own session`, m.loader, fill(spec.path, spec.ids?.(b) ?? {}), spec.ids?.(b) ?? {}, {
          cookie: b.portalCookie,
          status: [200],
          notMarker: a.marker,
        });
        expect(`${mine.text}${mine.headers}`.toLowerCase(), `${name}: boreal's supplier sees its own data`).toContain(b.marker);
        await probe(`${name} no session`, m.loader, path, ids, { status: refused, notMarker: a.marker });
        await probe(`${name} org session only`, m.loader, path, ids, {
          cookie: a.users.admin.cookie,
          status: refused,
          notMarker: a.marker,
        });
        // Boreal's supplier asking for acme's records: not found (pages without ids show boreal's own).
        await probe(`${name} other assessment`, m.loader, path, ids, {
          cookie: b.portalCookie,
          status: spec.ids ? [404] : [200],
          notMarker: a.marker,
        });
      }
      if (m.action && spec.forms) {
        counts.actions++;
        await unchanged(name, async () => {
          for (const body of spec.forms!(a, b)) {
            await probe(`${name} no session POST`, m.action, path, ids, { body, status: refused, notMarker: a.marker });
            await probe(`${name} org session POST`, m.action, path, ids, {
              body,
              cookie: a.users.admin.cookie,
              status: refused,
              notMarker: a.marker,
            });
            await probe(`${name} other assessment POST`, m.action, path, ids, {
              body,
              cookie: b.portalCookie,
              status: [404],
              notMarker: a.marker,
            });
          }
        });
      }
    }
  });

  it("shows nothing of the other tenant on public pages", async () => {
    for (const [key, m] of probed) {
      const spec = ROUTES[file(key)];
      if (spec?.kind !== "public" && spec?.kind !== "account") continue;
      const name = file(key);
      const ids = spec.ids?.(a) ?? {};
      const path = fill(spec.path, ids);
      const any = [200, 302, 400, 401, 404, 405, 409, 410];
      // A fresh cookie per probe: logging out (or in) ends the session it carries.
      const who = async () => [undefined, await cookieFor(h(), a.users.admin.id)];
      if (m.loader) {
        counts.loaders++;
        for (const cookie of await who()) {
          const r = await probe(`${name} GET`, m.loader, path, ids, {
            cookie,
            status: spec.kind === "account" && !cookie ? [302] : any,
            notMarker: b.marker,
          });
          if (spec.kind === "account" && cookie) expect(r.status).toBe(200);
        }
        if (spec.kind === "account")
          await probe(`${name} as the other tenant`, m.loader, path, ids, {
            cookie: b.users.admin.cookie,
            status: [200],
            notMarker: a.marker,
          });
      }
      if (m.action) {
        counts.actions++;
        for (const body of spec.forms?.(a) ?? [{}])
          for (const cookie of await who())
            await probe(`${name} POST`, m.action, path, ids, { cookie, body, status: any, notMarker: b.marker });
      }
    }
  });

  it("after every probe, acme's own pages (outbox, audit log, dashboard, lists) still show nothing of boreal", async () => {
    // The public probes asked for boreal's password reset and sign-up: account mail must not land in a tenant's outbox.
    for (const f of [
      "o.$org.outbox.tsx",
      "o.$org.audit.tsx",
      "o.$org._index.tsx",
      "o.$org.suppliers._index.tsx",
      "o.$org.actions._index.tsx",
      "o.$org.members.tsx",
    ]) {
      const spec = ROUTES[f] as OrgSpec;
      await probe(
        `${f} after the probes`,
        modules[`./${f}`]!.loader,
        fill(spec.path, { org: "acme" }),
        { org: "acme" },
        { cookie: a.users.admin.cookie, status: [200], notMarker: b.marker },
      );
    }
  });

  it("notices a change in a snapshot (so 'unchanged' means something)", async () => {
    const before = await dbSnapshot(h());
    await h().db.updateTable("suppliers").set({ notes: "touched" }).where("id", "=", a.looseSupplierId).execute();
    expect(changedTables(before, await dbSnapshot(h()))).toEqual(["suppliers"]);
  });

  it("counts what it probed", () => {
    counts.routes = probed.length;
    console.log(
      `route isolation: ${Object.keys(modules).length} route files, ${counts.routes} with a loader or action, ` +
        `${counts.loaders} loaders, ${counts.actions} actions, ${counts.probes} probes`,
    );
    expect(counts.routes).toBeGreaterThanOrEqual(45);
    expect(counts.loaders).toBeGreaterThanOrEqual(38);
    expect(counts.actions).toBeGreaterThanOrEqual(25);
    expect(counts.probes).toBeGreaterThanOrEqual(250);
  });
});
