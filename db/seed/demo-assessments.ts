// Demo questionnaires for the demo tenants, written through the same services as the app: a few
// approved (one with an overtime red flag, one with retained passports), one submitted with severe red flags waiting for review,
// one in progress at the supplier, one draft. Runs once, right after the demo tenants are created.
// The approved ones were answered on questionnaire v1, before v2 was published: they keep v1 and its
// answers (and show how v1 answers read under risk model v2). The open ones are on v2, the version new
// assessments start on.
import { addDays } from "~/domain/dates";
import type { Kysely } from "kysely";
import type { Database } from "../types";
import type { OrgIdentity } from "~/lib/auth.server";
import { findBuiltInTemplate, findQuestion, latestBuiltInTemplate, type Answers } from "~/domain/questionnaire";
import { BEST, WORST, answersFor } from "~/domain/questionnaire/test-fixtures";
import { approveAssessment } from "~/services/assessment-review.server";
import { saveAnswer, submitAssessment } from "~/services/assessment-answers.server";
import { startAssessments } from "~/services/assessments.server";
import type { Actor } from "~/services/assessment-core.server";
import { sendAssessmentInvite } from "~/services/invites.server";
import { uploadEvidence } from "~/services/evidence.server";
import { recompute } from "~/services/risk.server";
import { currentInvite } from "~/models/invite.server";

const DAY = 86_400_000;
// A minimal, valid one-page PDF standing in for a signed policy document.
const POLICY_PDF = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

type Plan = { ref: string; answers?: Answers; stage: "approved" | "submitted" | "in_progress" | "draft"; approvedDaysAgo?: number };

const PLANS: Record<string, Plan[]> = {
  acme: [
    { ref: "ACME-V-0001", answers: BEST, stage: "approved", approvedDaysAgo: 90 },
    { ref: "ACME-V-0005", answers: { ...BEST, "p5.weekly_hours": 64, "p5.rest_day": "no" }, stage: "approved", approvedDaysAgo: 40 },
    {
      ref: "ACME-V-0003",
      answers: { ...BEST, "p1.written_policy": "written_not_signed", "p3.kpis": "no", "p7.supplier_list": "no" },
      stage: "approved",
      approvedDaysAgo: 400,
    },
    {
      ref: "ACME-V-0011",
      answers: {
        ...BEST,
        "p1.documents_holder": "employer_keeps",
        "profile.migrant_share": 65,
        "profile.fees_charged": "yes",
        "profile.fees_repaid": "not_repaid",
      },
      stage: "approved",
      approvedDaysAgo: 20,
    },
    { ref: "ACME-V-0034", answers: WORST, stage: "submitted" },
    {
      ref: "ACME-V-0002",
      answers: { "profile.workers": 1850, "profile.migrant_share": 5, "profile.temporary_share": 20 },
      stage: "in_progress",
    },
    { ref: "ACME-V-0004", stage: "draft" },
  ],
  borealis: [
    { ref: "BORE-V-0001", answers: BEST, stage: "approved", approvedDaysAgo: 60 },
    { ref: "BORE-V-0003", answers: { ...BEST, "profile.fees_charged": "yes", "profile.fees_repaid": "repaying" }, stage: "submitted" },
    { ref: "BORE-V-0002", stage: "draft" },
  ],
};

export async function seedDemoAssessments(db: Kysely<Database>): Promise<number> {
  let made = 0;
  for (const template of Object.keys(PLANS)) made += await seedDemoAssessmentsOf(db, template, template);
  return made;
}

/** The demo questionnaires of demo tenant `template` (acme, borealis), in the tenant `slug` (itself or a copy of it). */
export async function seedDemoAssessmentsOf(db: Kysely<Database>, template: string, slug: string): Promise<number> {
  let made = 0;
  const plans = PLANS[template] ?? [];
  const org = await db.selectFrom("organizations").select(["id", "name"]).where("slug", "=", slug).executeTakeFirst();
  const officer = await db
    .selectFrom("users")
    .select(["id", "email", "name"])
    .where("email", "=", `compliance@${slug}.test`)
    .executeTakeFirst();
  // A second reviewer: four eyes (on by default) lets neither a filler nor the first approver approve alone.
  const admin = await db.selectFrom("users").select(["id", "email", "name"]).where("email", "=", `admin@${slug}.test`).executeTakeFirst();
  if (!org || !officer) return 0;
  const id: OrgIdentity = {
    user: { sessionId: "seed", userId: officer.id, email: officer.email, name: officer.name },
    org: { id: org.id, slug, name: org.name },
    role: "compliance",
  };
  const officerActor: Actor = { kind: "officer", id };
  const second: OrgIdentity | null = admin
    ? { ...id, user: { sessionId: "seed", userId: admin.id, email: admin.email, name: admin.name }, role: "admin" }
    : null;
  // A score history to show trends: the supply base as it looked before the first approval, then
  // each approval on its own date (oldest first).
  const oldest = Math.max(0, ...plans.map((p) => p.approvedDaysAgo ?? 0));
  if (oldest > 0) await recompute(db, org.id, "all", { trigger: "seed baseline", now: new Date(Date.now() - (oldest + 30) * DAY) });
  const ordered = [...plans].sort((a, b) => (b.approvedDaysAgo ?? -1) - (a.approvedDaysAgo ?? -1));
  for (const p of ordered) {
    const supplier = await db
      .selectFrom("suppliers")
      .select(["id", "contact_email"])
      .where("org_id", "=", org.id)
      .where("external_ref", "=", p.ref)
      .executeTakeFirst();
    if (!supplier) throw new Error(`demo questionnaire: no supplier ${p.ref} in ${slug}`);
    const due = addDays(new Date(), 21);
    const template = p.stage === "approved" ? findBuiltInTemplate("athens-fl", 1)! : latestBuiltInTemplate("athens-fl")!;
    const start = { dueAt: due, language: "en", templateVersion: template.version };
    const { created } = await startAssessments(db, id, [supplier.id], start, "seed");
    const assessmentId = created[0];
    if (assessmentId === undefined) continue;
    made++;
    if (p.stage === "draft") continue;
    if (supplier.contact_email) await sendAssessmentInvite(db, id, assessmentId, { email: supplier.contact_email, language: "en" }, "seed");
    // The supplier answers through its link when it has one; otherwise the officer fills in on its behalf.
    const invite = await currentInvite(db, org.id, assessmentId);
    const actor: Actor = invite
      ? {
          kind: "supplier",
          s: { sessionId: "seed", assessmentId, orgId: org.id, inviteId: invite.id, email: invite.email, language: "en" },
        }
      : officerActor;
    // The answer sets cover both versions; each assessment gets the answers its version asks.
    for (const [key, value] of Object.entries(answersFor(template, p.answers ?? {}))) {
      if (value === undefined) continue;
      if (findQuestion(template, key)?.question.type === "evidence") {
        // An evidence answer is its files, which must be this assessment's own: upload one.
        await uploadEvidence(db, actor, assessmentId, key, { name: `${key.split(".").pop()}.pdf`, bytes: POLICY_PDF }, "seed");
        continue;
      }
      const r = await saveAnswer(db, actor, assessmentId, key, { value, comment: null, baseRevision: 0 }, "seed");
      if (!r.ok && r.kind !== "conflict") throw new Error(`demo answer ${key} for ${p.ref}: ${r.message}`);
    }
    if (p.stage === "in_progress") continue;
    if (p.answers?.["p1.written_policy"] === "signed" || p.answers?.["p1.written_policy"] === "written_not_signed") {
      await uploadEvidence(
        db,
        actor,
        assessmentId,
        "p1.written_policy",
        { name: "anti-trafficking-policy.pdf", bytes: POLICY_PDF },
        "seed",
      );
    }
    const submitted = await submitAssessment(db, actor, assessmentId, "seed");
    if (!submitted.ok) throw new Error(`demo questionnaire for ${p.ref} is incomplete: ${JSON.stringify(submitted).slice(0, 300)}`);
    if (p.stage === "approved") {
      const at = new Date(Date.now() - (p.approvedDaysAgo ?? 0) * DAY);
      const input = { reason: "Demo review: answers and evidence checked", acknowledged: ["unresolved_comments", "severe_flags"] as const };
      // The officer approves what the supplier filled in; the admin approves (or confirms) otherwise.
      const reviewers = actor.kind === "supplier" ? [id, second] : [second];
      for (const reviewer of reviewers) {
        if (!reviewer) continue;
        const r = await approveAssessment(db, reviewer, assessmentId, input, "seed", at);
        if (r.ok && r.value.approved) break;
      }
    }
  }
  return made;
}
