// Fuzzes every route action (each known intent, no intent and a random one) and every loader's query
// string with hostile input (app/test/fuzz.ts), on a small fixture of its own: tenant acme (admin), two
// suppliers, two assessments with answers (one with a supplier-portal session), a corrective action and
// a pending CSV import. Every response must be < 500; a 4xx must carry a readable message and never a
// stack trace or SQL text; an HTML body must never carry the HTML payloads raw. Afterwards the fixture's
// saved rows must be unchanged where every fuzzed input had to be refused. The seed is fixed unless
// FUZZ_SEED says otherwise (a number replays a run, "random" tries new cases; the seed is printed).
// Both engines run the full set (15-45 s each, with the machine's load):
// PostgreSQL refuses inputs SQLite stores (a NUL byte, an id past 32 bits), so it must see the same cases.
/// <reference types="vite/client" />
import { SiteAuditSchema } from "~/schemas/site-audit";
import { BomItemSchema, ProductSchema } from "~/schemas/product";
import { addBomItem, createProduct } from "~/services/products.server";
import { checkFindingsFile, recordSiteAudit } from "~/services/site-audits.server";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, expect, it } from "vitest";
import { contextFor, cookieFor, describeEachEngine, get, makeOrg, responseOf } from "~/test/support";
import {
  encodeBody,
  fuzzForm,
  fuzzQuery,
  fuzzSeed,
  HTML_PAYLOADS,
  IMG_ONERROR,
  payload,
  prng,
  SCRIPT,
  sweepForms,
  type Rng,
} from "~/test/fuzz";
import { ReportSchema } from "~/schemas/voice";
import { fileReport } from "~/services/voice-report.server";
import { createChannel, supplierChannels } from "~/services/voice-channels.server";
import type { OrgIdentity } from "~/lib/auth.server";
import { resetEnvCache } from "~/lib/env.server";
import type { Db } from "~db/client";
import { SupplierSchema } from "~/schemas/supplier";
import { ACTION_STATUSES } from "~/schemas/action";
import { methodologyFormValues } from "~/schemas/methodology";
import { BEST } from "~/domain/questionnaire/test-fixtures";
import { allQuestions, ATHENS_V2 } from "~/domain/questionnaire";
import { createSupplier } from "~/services/suppliers.server";
import { saveAnswer } from "~/services/assessment-answers.server";
import { startAssessments } from "~/services/assessments.server";
import { openSupplierSession, sendAssessmentInvite } from "~/services/invites.server";
import { createManualAction } from "~/services/actions.server";
import { draftStatement } from "~/services/statements.server";
import { uploadImport } from "~/services/import.server";
import { createElement } from "react";
import { profileFormBody } from "~/test/org-profile-fixture";
import { renderToStaticMarkup } from "react-dom/server";
import { StaticRouter } from "react-router-dom/server";
import { SupplierRows, type SupplierListItem } from "~/components/supplier-table";

type Handler = (args: { request: Request; params: Record<string, string>; context: AppLoadContext }) => unknown;
type RouteModule = { action?: Handler; loader?: Handler };
const MODULES = import.meta.glob<RouteModule>("./*.tsx", { eager: true });

interface Fixture {
  supplier: number; // the protected supplier (its assessment A has the portal session, its action is X)
  other: number; // a second supplier, for links
  portalAssessment: number; // A
  officerAssessment: number; // B, which officer-side fuzzing may invite, revoke or add evidence to
  action: number;
  importId: number;
  officer: number;
  token: string; // A's invite link
  siteAudit: number; // an audit of `supplier` (site audits)
  findingImport: number; // a checked findings file of that audit
  channel: number; // the worker-voice channel of supplier
  channelCode: string;
  caseId: number; // a worker's report through it
  product: number; // a product made by supplier, with one input
  bomItem: number; // that input
  statement: number; // a draft UK statement (statements)
}
type Session = "admin" | "portal" | "none";
interface Spec {
  session: Session;
  params?: (f: Fixture) => Record<string, string>;
  intents?: string[];
  /**
   * Fields the action reads, with plausible values (hostile ones are added by the generator). Versions and
   * revisions get only a stale "999".
   */
  fields?: (f: Fixture) => Record<string, string[]>;
  /** Query keys the loader (and, for assessments.new, the action) reads. */
  query?: string[];
}

// About 4,200 cases per engine, 30-40 s each on this 2-core machine (under 90 s when it is busy).
const CASES_PER_INTENT = 30;
const QUERIES_PER_LOADER = 45;
const PROTECTED_KEYS = ["profile.workers", "profile.uses_agencies", "p1.written_policy"];
// A valid base form saves (baseRevision 0) to a question not answered yet, a new one each time; the
// protected, answered ones (revision 1) only ever conflict.
const UNANSWERED = allQuestions(ATHENS_V2)
  .map((q) => q.question.key)
  .filter((k) => !PROTECTED_KEYS.includes(k));
let nextQuestion = 0;
const questions = () => [UNANSWERED[nextQuestion++ % UNANSWERED.length]!, "p5.sample_contract", ...PROTECTED_KEYS, "nope.nope"];
const FUTURE = "2031-06-30";
const supplierFields = () => ({
  name: ["Fuzz Ltd {n}"],
  externalRef: ["FZ-{n}"],
  country: ["BD", "bd", "XX"],
  address: [],
  city: [],
  sector: ["Apparel"],
  goods: ["Cotton"],
  annualSpend: ["1,000"],
  currency: ["USD"],
  workersCount: ["12"],
  contactName: [],
  contactEmail: ["a@b.test"],
  osId: [],
  duns: ["123456789"],
  lei: [],
  taxId: [],
  notes: [],
  status: ["active", "archived"],
});
/** The profile form with a stale version, so every save conflicts (409) and nothing is stored. */
const profileFuzzFields = () => ({
  ...Object.fromEntries(Object.entries(profileFormBody(999)).map(([k, v]) => [k, [v]])),
  headquartersCountry: ["GB", "gb", "XX"],
  "training.0.people": ["12", "-1"],
});
const methodologyFields = () => {
  const flat: Record<string, string[]> = {
    baseVersion: ["999"],
    note: ["because"],
    "overrides.0.iso2": ["BD", "ZZ"],
    "overrides.0.score": ["50"],
    "overrides.0.reason": ["r"],
  };
  for (const [group, v] of Object.entries(methodologyFormValues())) {
    if (typeof v === "object" && !Array.isArray(v))
      for (const [k, n] of Object.entries(v as Record<string, string>)) flat[`${group}.${k}`] = [n];
    else if (typeof v === "string" && group !== "intent" && group !== "baseVersion") flat[group] = [v];
  }
  return flat;
};
const DASHBOARD_QUERY = ["tier", "country", "sector", "good", "band", "days", "from", "to"];
const SUPPLIER_QUERY = ["q", "tier", "country", "sector", "good", "status", "risk", "sort", "dir", "page", "size"];
const org =
  (extra: (f: Fixture) => Record<string, string> = () => ({})) =>
  (f: Fixture) => ({ org: "acme", ...extra(f) });

/** Every route module with an action or a loader, by file name. A module missing here fails the suite. */
const SPECS: Record<string, Spec> = {
  "$.tsx": { session: "none", params: () => ({ "*": "no/such/page" }) },
  "_index.tsx": { session: "admin" },
  "map.world[.svg].tsx": { session: "none" },
  "account.tsx": {
    session: "admin",
    fields: () => ({ currentPassword: ["not the password"], password: ["a new password 1"], confirm: ["a new password 1"] }),
    query: ["changed"],
  },
  "forgot-password.tsx": { session: "none", fields: () => ({ email: ["admin@acme.test", "nobody@x.test"] }) },
  "join.$token.tsx": {
    session: "none",
    params: () => ({ token: "A".repeat(43) }),
    fields: () => ({ name: ["Ann"], password: ["a long password 1"], confirm: ["a long password 1"] }),
  },
  "login.tsx": {
    session: "none",
    fields: () => ({
      email: ["admin@acme.test", "x@y.test"],
      password: ["wrong password"],
      redirectTo: ["/o/acme", "//evil.example", "https://evil.example/"],
    }),
    query: ["redirectTo", "reset"],
  },
  "logout.tsx": { session: "none" },
  "sso._index.tsx": {
    session: "none",
    fields: () => ({ email: ["admin@acme.test", "x@y.test"], redirectTo: ["/o/acme", "//evil.example"] }),
  },
  "sso.callback.tsx": { session: "none", query: ["state", "code", "error", "error_description", "iss"] },
  "sso.domain.$token.tsx": { session: "none", params: () => ({ token: "D".repeat(43) }) },
  "reset-password.$token.tsx": {
    session: "none",
    params: () => ({ token: "B".repeat(43) }),
    fields: () => ({ password: ["a long password 1"], confirm: ["a long password 1"] }),
  },
  "signup.tsx": {
    session: "none",
    fields: () => ({ name: ["Ann"], email: ["new{n}@signup.test"], password: ["a long password 1"], orgName: ["New Org"] }),
  },
  "signup_.confirm.$token.tsx": { session: "none", params: () => ({ token: "C".repeat(43) }) },
  "s.$token.tsx": {
    session: "none",
    params: (f) => ({ token: f.token }),
    intents: ["start", "resend"],
    fields: () => ({ email: ["x@y.test"] }),
    query: ["lang"],
  },
  "s.portal.tsx": { session: "portal", query: ["lang"] },
  "v.$code.tsx": {
    session: "none",
    params: (f) => ({ code: f.channelCode }),
    fields: () => ({ lang: ["bn", "xx"], category: ["fees", "nope"], happened: ["ongoing", ""], details: ["d", "x".repeat(5000)] }),
    query: ["lang"],
  },
  "v.$code_.case.tsx": {
    session: "none",
    params: (f) => ({ code: f.channelCode }),
    intents: ["read", "add"],
    fields: () => ({ lang: ["vi"], caseNumber: ["AAA-BBB-CCC", "x"], passphrase: ["apple arm bag bed box"], message: ["m"] }),
    query: ["lang"],
  },
  "s.portal._index.tsx": { session: "portal", query: ["section", "lang"] },
  "s.portal.actions.tsx": {
    session: "portal",
    query: ["actionId"],
    fields: (f) => ({ actionId: [String(f.action)], version: ["999"], body: ["reply"] }),
  },
  "s.portal.answer.tsx": {
    session: "portal",
    fields: (f) => ({
      assessmentId: [String(f.portalAssessment)],
      questionKey: questions(),
      value: ["null", '"Nepal"', "250", '["a"]', '"yes"'],
      comment: ["c"],
      baseRevision: ["0", "999"],
    }),
  },
  "s.portal.files.tsx": {
    session: "portal",
    fields: (f) => ({
      assessmentId: [String(f.portalAssessment)],
      questionKey: questions(),
      kind: ["policy_document", "other"],
      validUntil: [FUTURE],
    }),
  },
  "s.portal.files.$fileId.tsx": {
    session: "portal",
    params: () => ({ fileId: "424242" }),
    intents: ["remove"],
    fields: (f) => ({ assessmentId: [String(f.portalAssessment)] }),
  },
  "s.portal.submit.tsx": { session: "portal", fields: (f) => ({ assessmentId: [String(f.portalAssessment)] }) },
  "o.$org.tsx": { session: "admin", params: org() },
  "o.$org._index.tsx": { session: "admin", params: org(), query: DASHBOARD_QUERY },
  "o.$org.actions._index.tsx": { session: "admin", params: org(), query: ["status", "overdue", "owner", "supplier", "source", "page"] },
  "o.$org.actions.new.tsx": {
    session: "admin",
    params: org(),
    query: ["supplier", "comment"],
    fields: (f) => ({
      supplierId: [String(f.supplier)],
      title: ["Fuzz action {n}"],
      details: ["d"],
      ownerUserId: ["", String(f.officer)],
      dueAt: [FUTURE],
      commentId: ["", "424242"],
    }),
  },
  "o.$org.actions.$id.tsx": {
    session: "admin",
    params: org((f) => ({ id: String(f.action) })),
    intents: ["status", "update", "note", "record"],
    fields: (f) => ({
      version: ["999"],
      kind: ["time", "payroll"],
      month: ["2026-04"],
      status: [...ACTION_STATUSES],
      note: ["n"],
      ownerUserId: ["", String(f.officer)],
      dueAt: [FUTURE],
      body: ["b"],
    }),
  },
  "o.$org.actions.$id.files.$fileId.tsx": { session: "admin", params: org((f) => ({ id: String(f.action), fileId: "424242" })) },
  "o.$org.grievances._index.tsx": { session: "admin", params: org(), query: ["all"], fields: () => ({ years: ["5", "0", "x"] }) },
  "o.$org.grievances.$id.tsx": {
    session: "admin",
    params: org((f) => ({ id: String(f.caseId) })),
    intents: ["triage", "assign", "status", "note", "reply", "remedy", "followup"],
    fields: (f) => ({
      version: ["999"],
      category: ["fees", "x"],
      severity: ["high", ""],
      assignee: ["none", String(f.officer), "424242"],
      to: ["acknowledged", "closed"],
      body: ["b", ""],
      kind: ["fees_repaid"],
      amount: ["12.5", "abc"],
      currency: ["USD", "dollars"],
      workers: ["40", "-1"],
      deliveredOn: [FUTURE, "soon"],
      note: ["n"],
    }),
  },
  "o.$org.suppliers.$id.voice.tsx": {
    session: "admin",
    params: org((f) => ({ id: String(f.other) })),
    fields: () => ({ languages: ["bn", "zz", ""] }),
  },
  "o.$org_.voice.$channelId.poster.tsx": { session: "admin", params: org((f) => ({ channelId: String(f.channel) })) },
  "o.$org.assessments._index.tsx": {
    session: "admin",
    params: org(),
    query: ["status", "supplier", "page", "started", "open", "archived"],
  },
  "o.$org.assessments.new.tsx": {
    session: "admin",
    params: org(),
    query: ["supplier", "q", "tier", "country", "sector", "good", "status"],
    fields: () => ({ dueAt: [FUTURE], language: ["en", "zh-Hans"] }),
  },
  "o.$org.assessments.$id._index.tsx": {
    session: "admin",
    params: org((f) => ({ id: String(f.officerAssessment) })),
    intents: ["invite", "revoke", "comment", "request-changes", "approve", "reopen"],
    fields: () => ({
      email: ["hr@other.test"],
      language: ["en", "fr"],
      questionKey: questions(),
      body: ["a comment"],
      reason: ["Checked the answers"],
      ackComments: ["on"],
      ackFlags: ["on"],
    }),
  },
  "o.$org.assessments.$id.fill.tsx": {
    session: "admin",
    params: org((f) => ({ id: String(f.officerAssessment) })),
    intents: ["save", "submit", "remove-file"],
    query: ["section"],
    fields: () => ({
      questionKey: questions(),
      value: ["", "Nepal", "250", "yes", "signed"],
      comment: ["c"],
      baseRevision: ["0", "999"],
      fileId: ["424242"],
      na: [],
    }),
  },
  "o.$org.assessments.$id.files.tsx": {
    session: "admin",
    params: org((f) => ({ id: String(f.officerAssessment) })),
    fields: () => ({ questionKey: questions(), kind: ["policy_document", "other"], validUntil: [FUTURE] }),
  },
  "o.$org.assessments.$id.evidence.$fileId.tsx": {
    session: "admin",
    params: org((f) => ({ id: String(f.officerAssessment), fileId: "424242" })),
    intents: ["accept", "reject"],
    fields: () => ({ reason: ["Signed and dated"] }),
  },
  "o.$org.assessments.$id.files.$fileId.tsx": {
    session: "admin",
    params: org((f) => ({ id: String(f.officerAssessment), fileId: "424242" })),
  },
  "o.$org.audit.tsx": { session: "admin", params: org(), query: ["action", "entity", "actor", "from", "to", "page"] },
  "o.$org.members.tsx": {
    session: "admin",
    params: org(),
    intents: ["invite", "change-role", "remove", "revoke-invite", "resend-invite"],
    fields: (f) => ({
      email: ["new{n}@acme.test"],
      role: ["admin", "compliance", "executive"],
      userId: [String(f.officer)],
      inviteId: ["424242"],
    }),
  },
  "o.$org.methodology.tsx": { session: "admin", params: org() },
  "o.$org.outbox.tsx": { session: "admin", params: org(), query: ["page"] },
  "o.$org.report.tsx": { session: "admin", params: org(), query: DASHBOARD_QUERY },
  "o.$org.report[.csv].tsx": { session: "admin", params: org(), query: DASHBOARD_QUERY },
  "o.$org.report-print[.css].tsx": { session: "admin", params: org(), query: DASHBOARD_QUERY },
  "o.$org.statements._index.tsx": {
    session: "admin",
    params: org(),
    fields: () => ({ template: ["uk-msa-s54", "nope"], year: ["2026", "1999", "2200"] }),
  },
  "o.$org.statements.$id._index.tsx": {
    session: "admin",
    params: org((f) => ({ id: String(f.statement) })),
    query: ["edit", "revision"],
    intents: ["save", "approve", "publish"],
    fields: () => ({
      expectedVersion: ["999"],
      "section.policies": ["Words [[figure:suppliers.total]]", "[[figure:nope]]", "[[figure:"],
      "section.nope": ["x"],
      note: ["edit {n}"],
      approverName: ["Jo"],
      approverTitle: ["Director"],
      approvingBody: ["Board"],
      approvedOn: ["2026-01-05", "2099-01-01", "yesterday"],
    }),
  },
  "o.$org.statements.$id.figures.$key.tsx": {
    session: "admin",
    params: org((f) => ({ id: String(f.statement), key: "suppliers.total" })),
    query: ["page"],
  },
  "o.$org.statements.$id.print.tsx": { session: "admin", params: org((f) => ({ id: String(f.statement) })) },
  "o.$org.statements.$id.print[.css].tsx": { session: "admin", params: org((f) => ({ id: String(f.statement) })) },
  "o.$org.statements.$id.docx.tsx": { session: "admin", params: org((f) => ({ id: String(f.statement) })) },
  "o.$org.settings.methodology.tsx": { session: "admin", params: org(), intents: ["preview", "save"], fields: methodologyFields },
  "o.$org.screening.tsx": {
    session: "admin",
    params: org(),
    intents: ["confirm", "dismiss", "rescreen"],
    query: ["status", "list", "page"],
    fields: () => ({ matchId: ["424242", "1"], version: ["999"], reason: ["Checked the licence"] }),
  },
  "o.$org.settings.profile.tsx": {
    session: "admin",
    params: org(),
    intents: ["add:entities", "remove:policies:0", "add:nope"],
    fields: () => profileFuzzFields(),
  },
  "o.$org.settings.review.tsx": { session: "admin", params: org(), intents: ["save"], fields: () => ({ fourEyes: ["on", "1"] }) },
  "o.$org.settings.webhooks._index.tsx": {
    session: "admin",
    params: org(),
    intents: ["create"],
    fields: () => ({
      url: [
        "https://127.0.0.1/x",
        "https://0x7f000001/",
        "http://hooks.example.invalid/",
        "https://u:p@[::1]/",
        "https://169.254.169.254/",
      ],
      events: ["assessment.submitted", "nope"],
      description: ["ERP"],
    }),
  },
  "o.$org.settings.webhooks.$id.tsx": {
    session: "admin",
    params: org(() => ({ id: "424242" })),
    intents: ["events", "rotate", "pause", "resume", "test", "delete"],
    fields: () => ({ events: ["action.overdue"], description: ["ERP"] }),
  },
  "o.$org.settings.api-keys.tsx": {
    session: "admin",
    params: org(),
    intents: ["create", "revoke"],
    fields: () => ({
      name: ["Fuzz ERP {n}"],
      access: ["read", "write", "admin"],
      expiresOn: ["2031-06-30", "1999-01-01", "tomorrow"],
      keyId: ["424242", "1"],
    }),
  },
  // The REST API without a key: every method and query is a 401 problem (api-routes.test.ts covers calls with keys).
  "api.v1.$.tsx": { session: "none", params: () => ({ "*": "no/such" }) },
  "api.v1.suppliers._index.tsx": { session: "none", query: SUPPLIER_QUERY },
  "api.v1.suppliers.$id._index.tsx": { session: "none", params: () => ({ id: "1" }) },
  "api.v1.suppliers.$id.risk.tsx": { session: "none", params: () => ({ id: "1" }) },
  "api.v1.suppliers.bulk.tsx": { session: "none" },
  "api.v1.suppliers.$id.links.tsx": { session: "none", params: () => ({ id: "1" }) },
  "api.v1.actions._index.tsx": { session: "none", query: ["status", "supplierId", "cursor", "limit"] },
  "api.v1.actions.$id.tsx": { session: "none", params: () => ({ id: "1" }) },
  "api.v1.assessments._index.tsx": { session: "none" },
  "api.v1.assessments.$id.tsx": { session: "none", params: () => ({ id: "1" }) },
  "api.v1.grievances.counts.tsx": { session: "none", query: ["supplierId"] },
  "api.v1.openapi[.json].tsx": { session: "none" },
  "api.v1.docs.tsx": { session: "none" },
  "o.$org.settings.sso.tsx": {
    session: "admin",
    params: org(),
    intents: ["save-config", "test-config", "add-domain", "check-dns", "mail-domain", "remove-domain", "require"],
    fields: () => ({
      issuer: ["https://login.example.com/", "http://10.0.0.1/", "javascript:alert(1)"],
      clientId: ["lantern"],
      clientSecret: ["s3cret"],
      defaultRole: ["executive", "owner"],
      domain: ["example.com", "gmail.com", "not a domain"],
      domainId: ["1", "-1"],
      mailbox: ["postmaster", "ceo"],
      requireSso: ["on", "off"],
      breakGlassUserId: ["1", ""],
    }),
  },
  "o.$org.settings.methodology.preview.$id.tsx": { session: "admin", params: org(() => ({ id: "424242" })) },
  "o.$org.suppliers._index.tsx": { session: "admin", params: org(), query: SUPPLIER_QUERY },
  "o.$org.suppliers.new.tsx": { session: "admin", params: org(), fields: supplierFields },
  "o.$org.suppliers.search.tsx": { session: "admin", params: org(), query: ["q"] },
  "o.$org.suppliers.export[.csv].tsx": { session: "admin", params: org(), query: SUPPLIER_QUERY },
  "o.$org.suppliers.$id._index.tsx": {
    session: "admin",
    params: org((f) => ({ id: String(f.supplier) })),
    intents: ["add-supplier", "add-buyer", "remove-link", "archive", "restore", "delete"],
    fields: (f) => ({ otherId: [String(f.other)], side: ["supplier", "buyer"], confirm: ["no", "on"] }),
  },
  "o.$org.suppliers.$id.likely-goods.tsx": {
    session: "admin",
    params: org((f) => ({ id: String(f.supplier) })),
    intents: ["confirm", "reject", "restore"],
    fields: () => ({ good: ["Textiles", "Garments"], reason: ["ok", "Not a mill"] }),
  },
  "o.$org.suppliers.$id.audits.new.tsx": {
    session: "admin",
    params: org((f) => ({ id: String(f.supplier) })),
    fields: () => ({
      standard: ["smeta_4", "other"],
      standardOther: ["", "WRAP"],
      firm: ["Bureau {n}"],
      auditDate: ["2026-03-10"],
      auditType: ["announced", "unannounced"],
      scope: [""],
      result: ["B"],
      validUntil: ["", "2027-01-01"],
    }),
  },
  "o.$org.suppliers.$id.audits.$auditId.tsx": {
    session: "admin",
    params: org((f) => ({ id: String(f.supplier), auditId: String(f.siteAudit) })),
    query: ["import"],
    intents: ["finding", "check", "commit", "discard"],
    fields: (f) => ({
      description: ["Finding {n}"],
      severity: ["Major", "Zero tolerance"],
      touches: ["excessive_overtime", "P2"],
      recommendation: [""],
      importId: [String(f.findingImport)],
    }),
  },
  "o.$org.products._index.tsx": {
    session: "admin",
    params: org(),
    intents: ["create"],
    fields: (f) => ({
      name: ["Fuzz shirt {n}"],
      sku: ["FZ-{n}"],
      hsCode: ["610910", "6109.10"],
      description: [],
      madeBy: [String(f.other)],
    }),
  },
  "o.$org.products.$id._index.tsx": {
    session: "admin",
    params: org((f) => ({ id: String(f.product) })),
    intents: ["details", "add-item", "edit-item", "remove-item"],
    fields: (f) => ({
      name: ["Fuzz shirt {n}"],
      sku: ["FZ-P-{n}"],
      hsCode: ["610910"],
      madeBy: [String(f.supplier)],
      version: ["999"],
      formKey: ["add"],
      material: ["Yarn {n}"],
      parentId: [String(f.bomItem), "none"],
      supplierId: [String(f.other), "none"],
      supplierSearchId: [],
      isRaw: ["on"],
      originCountry: ["BR", "cn"],
      originSubdivision: ["BR-MT"],
      originRegion: ["Mato Grosso"],
      itemId: [String(f.bomItem)],
    }),
  },
  "o.$org.products.$id.pack.tsx": {
    session: "admin",
    params: org((f) => ({ id: String(f.product) })),
    fields: () => ({ shipmentRef: ["PO-{n}"], shipmentDate: ["2026-12-01"], quantity: ["12,000 pieces"] }),
  },
  "o.$org.suppliers.$id.audits.$auditId.report.tsx": {
    session: "admin",
    params: org((f) => ({ id: String(f.supplier), auditId: String(f.siteAudit) })),
  },
  "o.$org.audit-findings.template[.csv].tsx": { session: "admin", params: org() },
  "o.$org.audit-findings.template[.xlsx].tsx": { session: "admin", params: org() },
  "o.$org.suppliers.$id.edit.tsx": {
    session: "admin",
    params: org((f) => ({ id: String(f.supplier) })),
    fields: () => ({ ...supplierFields(), version: ["999"] }),
  },
  "o.$org.suppliers.import._index.tsx": { session: "admin", params: org(), fields: () => ({}) },
  "o.$org.suppliers.import.$id.tsx": {
    session: "admin",
    params: org((f) => ({ id: String(f.importId) })),
    intents: ["check", "commit", "recheck", "discard"],
    fields: () => ({
      columns: ["2", "0", "501"],
      col0: ["name", "country"],
      col1: ["country", "nope"],
      policy: ["new_only", "overwrite", "nope"],
      conflicts: ["0", "1", "1001"],
      conflictKey0: ["n:mill|BD", ""],
      conflict0: ["first", "both", "merge"],
    }),
  },
  "o.$org.suppliers.import.template[.csv].tsx": { session: "admin", params: org() },
};

// What a 4xx may never show: a stack trace, a source location, SQL or driver errors.
const LEAKS = [
  /\bat Object\./,
  /\bat [\w$.<> ]+ \([^()]*:\d+:\d+\)/,
  /\.tsx?:\d+/,
  /\bSQLITE_/,
  /syntax error at/i,
  /relation "/,
  /\bError: .*\n\s+at /,
  /node_modules/,
];
// "detail": the REST API answers with RFC 9457 problem details.
const READABLE_KEYS = ["formError", "message", "messageKey", "detail"] as const;

/** Whether a JSON error body says something a page can show. */
function readableJson(body: unknown): boolean {
  if (typeof body !== "object" || body === null) return false;
  const o = body as Record<string, unknown>;
  if (READABLE_KEYS.some((k) => typeof o[k] === "string" && (o[k] as string).trim() !== "")) return true;
  const fe = o.fieldErrors;
  if (typeof fe === "object" && fe !== null && Object.values(fe).some((v) => typeof v === "string" && v.trim() !== "")) return true;
  // The portal's and the link page's structured answers, each rendered by its page as a message.
  return (
    ["invalid", "expired", "revoked", "open"].includes(String(o.state)) ||
    (Array.isArray(o.missing) && o.missing.length > 0) ||
    "conflict" in o ||
    o.stale === true ||
    o.readOnly === true
  );
}

/** A problem with one response, or null. `thrown` responses are rendered by the error boundary (its own message per status). */
async function problemOf(res: Response, thrown: boolean): Promise<string | null> {
  if (res.status >= 500) return `status ${res.status}: ${(await res.text()).slice(0, 300)}`;
  const type = res.headers.get("Content-Type") ?? "";
  const text = /json|text|csv/.test(type) || type === "" ? await res.text() : "";
  for (const re of LEAKS) if (re.test(text)) return `leaks ${re}: ${text.slice(0, 300)}`;
  if (/text\/html/.test(type) && (text.includes(SCRIPT) || text.includes("<img src=x onerror") || text.includes("<svg/onload")))
    return `unescaped HTML payload: ${text.slice(0, 300)}`;
  if (res.status >= 400 && !thrown) {
    if (/json/.test(type)) {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return `unparseable JSON error: ${text.slice(0, 200)}`;
      }
      if (!readableJson(body)) return `${res.status} without a message: ${text.slice(0, 300)}`;
    } else if (text.trim() === "") return `${res.status} with an empty body`;
  }
  if (thrown && res.status >= 400 && ![400, 401, 403, 404, 405, 409, 410, 413, 415, 429].includes(res.status))
    return `thrown ${res.status} has no page message`;
  return null;
}

let evidenceDir = "";
beforeAll(async () => {
  evidenceDir = await mkdtemp(path.join(tmpdir(), "lantern-fuzz-"));
  process.env.EVIDENCE_DIR = evidenceDir;
  resetEnvCache();
});
afterAll(async () => {
  await rm(evidenceDir, { recursive: true, force: true });
});

async function buildFixture(h: Db) {
  const acme = await makeOrg(h, "acme", [
    ["admin@acme.test", "admin"],
    ["officer@acme.test", "compliance"],
  ]);
  const adminId = acme.users["admin@acme.test"]!;
  const ident: OrgIdentity = {
    user: { sessionId: "s", userId: adminId, email: "admin@acme.test", name: "admin" },
    org: { id: acme.orgId, slug: "acme", name: "ACME" },
    role: "admin",
  };
  const make = async (name: string, ref: string) => {
    const r = await createSupplier(
      h.db,
      ident,
      SupplierSchema.parse({ name, externalRef: ref, country: "BD", city: "Dhaka", goods: ["Cotton"] }),
      "ip",
    );
    if (!r.ok) throw new Error(r.message);
    return r.value.id;
  };
  const supplier = await make("Fixture Mill", "FX-1");
  const other = await make("Other Mill", "FX-2");
  const { created } = await startAssessments(h.db, ident, [supplier, other], { dueAt: null, language: "en" }, "ip");
  const [portalAssessment, officerAssessment] = created as [number, number];
  const actor = { kind: "officer", id: ident } as const;
  for (const a of [portalAssessment, officerAssessment]) {
    for (const key of PROTECTED_KEYS) {
      expect(await saveAnswer(h.db, actor, a, key, { value: BEST[key], comment: null, baseRevision: 0 }, null)).toHaveProperty(
        "value.revision",
      );
    }
  }
  expect(await sendAssessmentInvite(h.db, ident, portalAssessment, { email: "hr@fixture.test", language: "en" }, "ip")).toHaveProperty(
    "value.inviteId",
  );
  const mail = await h.db
    .selectFrom("mail_outbox")
    .select("body_text")
    .where("to_address", "=", "hr@fixture.test")
    .executeTakeFirstOrThrow();
  const token = /\/s\/([A-Za-z0-9_-]{43})/.exec(mail.body_text)![1]!;
  const opened = await openSupplierSession(h.db, token);
  if (!("cookie" in opened)) throw new Error("link not open");
  const made = await createManualAction(
    h.db,
    ident,
    { supplierId: supplier, title: "Fixture action", details: "keep me", ownerUserId: null, dueAt: FUTURE },
    "ip",
  );
  if (!made.ok) throw new Error(made.message);
  const imported = await uploadImport(h.db, ident, { name: "a.csv", text: "name,country\nImported Mill,BD\n", sizeBytes: 30 });
  if (!imported.ok) throw new Error(imported.message);
  const auditInput = SiteAuditSchema.parse({
    standard: "smeta_4",
    firm: "Fixture Bureau",
    auditDate: "2026-03-10",
    auditType: "announced",
  });
  const audit = await recordSiteAudit(h.db, ident, supplier, auditInput, null, "ip");
  if (!audit.ok) throw new Error(audit.message);
  const findingsCsv = new TextEncoder().encode("description,severity,touches\nFixture finding,Minor,P2\n");
  const checkedFile = await checkFindingsFile(h.db, ident, supplier, audit.value.auditId, { name: "f.csv", bytes: findingsCsv }, "ip");
  if (!checkedFile.ok) throw new Error(checkedFile.message);
  const channel = await createChannel(h.db, ident, supplier, ["bn", "en"]);
  if (!channel.ok) throw new Error(channel.message);
  const channelCode = (await supplierChannels(h.db, ident, supplier))[0]!.code;
  const report = ReportSchema.parse({ category: "wages", happened: "ongoing", details: "keep me", lang: "en" });
  const filed = await fileReport(h.db, channelCode, report, "198.18.0.1");
  if (!filed.ok) throw new Error(filed.message);
  const caseId = (
    await h.db.selectFrom("grievance_cases").select("id").where("case_number", "=", filed.value.caseNumber).executeTakeFirstOrThrow()
  ).id;
  const made2 = await createProduct(
    h.db,
    ident,
    ProductSchema.parse({ name: "Fixture shirt", sku: "FX-1", hsCode: "610910", madeBy: String(supplier) }),
    "ip",
  );
  if (!made2.ok) throw new Error(made2.message);
  const item = await addBomItem(
    h.db,
    ident,
    made2.value.productId,
    BomItemSchema.parse({ material: "Fixture fabric", supplierId: String(other) }),
    "ip",
  );
  if (!item.ok) throw new Error(item.message);
  const drafted = await draftStatement(h.db, ident, { template: "uk-msa-s54", year: 2026 }, "ip");
  if (!drafted.ok) throw new Error(drafted.message);
  const fixture: Fixture = {
    product: made2.value.productId,
    bomItem: item.value.itemId,
    statement: drafted.value.statementId,
    siteAudit: audit.value.auditId,
    findingImport: checkedFile.value.importId,
    channel: channel.value.channelId,
    channelCode,
    caseId,
    supplier,
    other,
    portalAssessment,
    officerAssessment,
    action: made.value.actionId,
    importId: imported.value.importId,
    officer: acme.users["officer@acme.test"]!,
    token,
  };
  const cookies: Record<Session, string | undefined> = {
    admin: await cookieFor(h, adminId),
    portal: opened.cookie.split(";")[0]!,
    none: undefined,
  };
  return { fixture, cookies, ident };
}

/**
 * The rows the fuzzing must leave as they are (archive/restore of a supplier is a valid mutation, so its
 * status and version are not compared).
 */
async function protectedRows(h: Db, f: Fixture, adminId: number) {
  return {
    supplier: await h.db
      .selectFrom("suppliers")
      .select(["id", "name", "external_ref", "country", "city", "sector", "annual_spend", "notes"])
      .where("id", "in", [f.supplier, f.other])
      .orderBy("id")
      .execute(),
    answers: await h.db
      .selectFrom("answers")
      .select(["assessment_id", "question_key", "value", "comment", "revision"])
      .where("assessment_id", "in", [f.portalAssessment, f.officerAssessment])
      .where("question_key", "in", PROTECTED_KEYS)
      .orderBy("assessment_id")
      .orderBy("question_key")
      .execute(),
    action: await h.db
      .selectFrom("corrective_actions")
      .select(["id", "title", "details", "status", "version", "due_at", "owner_user_id"])
      .where("id", "=", f.action)
      .execute(),
    portalAssessment: await h.db.selectFrom("assessments").select(["id", "status"]).where("id", "=", f.portalAssessment).execute(),
    admin: await h.db.selectFrom("memberships").select(["user_id", "role"]).where("user_id", "=", adminId).execute(),
  };
}

describeEachEngine("route fuzzing", (h) => {
  const seed = fuzzSeed();
  let fx: Awaited<ReturnType<typeof buildFixture>>;
  let before: Awaited<ReturnType<typeof protectedRows>>;
  const totals = { actions: 0, intents: 0, cases: 0, loaders: 0, queries: 0, serverErrors: 0 };
  const failures: string[] = [];
  let ip = 0;
  const ctx = () => contextFor(h(), `198.18.${(++ip >> 8) & 255}.${ip & 255}`);

  beforeAll(async () => {
    fx = await buildFixture(h());
    before = await protectedRows(h(), fx.fixture, fx.ident.user.userId);
    console.log(`fuzz seed ${seed} (${h().engine}); replay with FUZZ_SEED=${seed}`);
  });

  function paramsOf(rng: Rng, spec: Spec): Record<string, string> {
    const params = spec.params?.(fx.fixture) ?? {};
    // Now and then a hostile path parameter (Remix decodes them from the URL: anything may arrive).
    const keys = Object.keys(params);
    if (keys.length && rng.chance(0.08)) params[rng.pick(keys)] = payload(rng).slice(0, 2000);
    return params;
  }
  function cookieOf(rng: Rng, spec: Spec): string | undefined {
    if (rng.chance(0.02))
      return rng.pick([
        "lantern_session=' OR 1=1--",
        `lantern_supplier=${"A".repeat(4000)}`,
        "lantern_session=%00; lantern_supplier=%ED%A0%80",
      ]);
    return fx.cookies[spec.session];
  }

  async function run(label: string, call: () => Promise<unknown>) {
    totals.cases++;
    let res: Response;
    let thrown = false;
    try {
      const r = await call();
      // A loader may return plain data: Remix sends it as JSON.
      res = r instanceof Response ? r : Response.json(r ?? null);
    } catch (e) {
      if (!(e instanceof Response)) {
        totals.serverErrors++;
        failures.push(
          `${label}: server error ${e instanceof Error ? `${e.message}\n${e.stack?.split("\n").slice(1, 4).join("\n")}` : String(e)}`,
        );
        return;
      }
      res = e;
      thrown = true;
    }
    if (res.status >= 500) totals.serverErrors++;
    const problem = await problemOf(res, thrown);
    if (problem) failures.push(`${label}: ${problem}`);
  }

  const fileName = (key: string) => key.replace(/^\.\//, "");
  const actionFiles = Object.entries(MODULES)
    .filter(([, m]) => m.action)
    .map(([k]) => fileName(k));
  const loaderFiles = Object.entries(MODULES)
    .filter(([, m]) => m.loader)
    .map(([k]) => fileName(k));

  it("has a fuzz entry for every route with an action or a loader", () => {
    expect(actionFiles.length).toBeGreaterThan(20);
    expect([...actionFiles, ...loaderFiles].filter((f) => !SPECS[f])).toEqual([]);
  });

  for (const file of actionFiles) {
    it(`action ${file}: never a 500, always a readable refusal`, async () => {
      const spec = SPECS[file];
      if (!spec) throw new Error(`no fuzz entry for ${file}`);
      const mod = MODULES[`./${file}`]!;
      const rng = prng(seed ^ hash(file));
      const n = CASES_PER_INTENT;
      const intents: Array<string | null> = [...(spec.intents ?? []), null, payload(rng).slice(0, 300)];
      totals.actions++;
      totals.intents += intents.length;
      for (const intent of intents) {
        for (let i = 0; i < n; i++) {
          const entries = fuzzForm(rng, intent, spec.fields?.(fx.fixture) ?? {});
          const body = encodeBody(rng, entries);
          const query = spec.query && rng.chance(0.5) ? `?${fuzzQuery(rng, spec.query)}` : ""; // some actions read the URL too
          const cookie = cookieOf(rng, spec);
          const headers: Record<string, string> = { ...body.headers, ...(cookie ? { Cookie: cookie } : {}) };
          const request = new Request(`http://localhost/fuzz${query}`, { method: "POST", headers, body: body.body });
          await run(`${file} action intent=${JSON.stringify(intent?.slice(0, 40))} case ${i} (${body.kind})`, () =>
            Promise.resolve(mod.action!({ request, params: paramsOf(rng, spec), context: ctx() })),
          );
        }
      }
      for (const intent of spec.intents ?? [null]) {
        for (const [i, entries] of sweepForms(intent, () => spec.fields?.(fx.fixture) ?? {}).entries()) {
          const headers = new Headers(fx.cookies[spec.session] ? { Cookie: fx.cookies[spec.session]! } : {});
          const urlEncoded = rng.chance(0.5);
          if (urlEncoded) headers.set("Content-Type", "application/x-www-form-urlencoded");
          const request = new Request("http://localhost/fuzz", {
            method: "POST",
            headers,
            body: urlEncoded ? new URLSearchParams(entries).toString() : formDataOf(entries),
          });
          await run(`${file} action intent=${JSON.stringify(intent)} sweep ${i}: ${JSON.stringify(entries).slice(0, 200)}`, () =>
            Promise.resolve(mod.action!({ request, params: spec.params?.(fx.fixture) ?? {}, context: ctx() })),
          );
        }
      }
      expect(failures.filter((f) => f.startsWith(`${file} action`))).toEqual([]);
    });
  }

  for (const file of loaderFiles) {
    it(`loader ${file}: hostile query strings are refused or ignored, never a 500`, async () => {
      const spec = SPECS[file]!;
      const mod = MODULES[`./${file}`]!;
      const rng = prng(seed ^ hash(`loader:${file}`));
      const n = spec.query ? QUERIES_PER_LOADER : 8;
      totals.loaders++;
      for (let i = 0; i < n; i++) {
        totals.queries++;
        const request = get(`/fuzz?${fuzzQuery(rng, spec.query ?? ["q", "page"])}`, cookieOf(rng, spec));
        await run(`${file} loader case ${i}`, () => Promise.resolve(mod.loader!({ request, params: paramsOf(rng, spec), context: ctx() })));
      }
      expect(failures.filter((f) => f.startsWith(`${file} loader`))).toEqual([]);
    });
  }

  it("renders hostile supplier names and references escaped in the list's HTML rows and formula-safe in the export", async () => {
    for (const [i, name] of [...HTML_PAYLOADS, '=HYPERLINK("http://evil.example","x")'].entries()) {
      const r = await createSupplier(
        h().db,
        fx.ident,
        SupplierSchema.parse({ name: `${name} #${i}`, externalRef: `${i % 2 ? IMG_ONERROR : SCRIPT}${i}`, country: "BD", city: SCRIPT }),
        "ip",
      );
      expect(r.ok).toBe(true);
    }
    const list = MODULES["./o.$org.suppliers._index.tsx"]!;
    const res = await responseOf(async () =>
      list.loader!({
        request: get("/o/acme/suppliers?size=200&status=all&q=alert", fx.cookies.admin),
        params: { org: "acme" },
        context: ctx(),
      }),
    );
    expect(res.status).toBe(200);
    const { rows } = (await res.json()) as { rows: SupplierListItem[] };
    expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining([`${SCRIPT} #0`, `${IMG_ONERROR} #1`]));
    const table = createElement(SupplierRows, { suppliers: rows, base: "/o/acme/suppliers" });
    const html = renderToStaticMarkup(createElement(StaticRouter, { location: "/o/acme/suppliers" }, table));
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<svg");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    const csv = MODULES["./o.$org.suppliers.export[.csv].tsx"]!;
    const exported = await responseOf(async () =>
      csv.loader!({ request: get("/o/acme/suppliers/export.csv?status=all", fx.cookies.admin), params: { org: "acme" }, context: ctx() }),
    );
    const text = await exported.text();
    expect(text).toContain(`'=HYPERLINK(`);
    expect(text).not.toMatch(/(^|[,;\n])"?=HYPERLINK/);
  });

  it("loses nothing that was saved, and counts: N actions, M intents, K cases, 0 server errors", async () => {
    expect(await protectedRows(h(), fx.fixture, fx.ident.user.userId)).toEqual(before);
    // The supplier and its action still exist (delete needs confirm=yes, which the fuzzer never sends).
    expect(before.supplier).toHaveLength(2);
    expect(before.action).toHaveLength(1);
    console.log(
      `fuzz [${h().engine}] seed ${seed}: ${totals.actions} actions, ${totals.intents} intents, ${totals.cases} cases ` +
        `(${totals.queries} loader queries on ${totals.loaders} loaders), ${totals.serverErrors} server errors`,
    );
    if (failures.length) console.log(failures.slice(0, 30).join("\n\n"));
    expect(totals.actions).toBe(actionFiles.length);
    expect(totals.cases).toBeGreaterThan(3000);
    expect(totals.serverErrors).toBe(0);
    expect(failures).toEqual([]);
  });
});

function formDataOf(entries: Array<[string, string]>): FormData {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
}

function hash(s: string): number {
  let x = 2166136261;
  for (let i = 0; i < s.length; i++) x = Math.imul(x ^ s.charCodeAt(i), 16777619);
  return x >>> 0;
}
