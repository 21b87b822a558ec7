// A supplier's questionnaire answered as well as it can be, with a document behind every control
// answer, submitted and approved: set up through the app's own services (one officer fills it in and
// uploads, another approves), as a team would over several days. The spec then reviews the documents.
import { ATHENS_V2 } from "~/domain/questionnaire/athens-v2";
import { allQuestions } from "~/domain/questionnaire/template";
import { takesDocuments } from "~/domain/questionnaire/evidence";
import { BEST, answersFor } from "~/domain/questionnaire/test-fixtures";
import type { Role } from "~/domain/permissions";
import type { OrgIdentity } from "~/lib/auth.server";
import { findUserByEmail } from "~/models/user.server";
import { startAssessments } from "~/services/assessments.server";
import { saveAnswer, submitAssessment } from "~/services/assessment-answers.server";
import { uploadEvidence } from "~/services/evidence.server";
import { approveAssessment } from "~/services/assessment-review.server";
import { reviewEvidence } from "~/services/evidence-review.server";
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import { appDb } from "./app-db";
import { TINY_PDF } from "./http";
import type { Tenant } from "./tenants";

const IP = "127.0.0.1";
const db = () => appDb() as Kysely<Database>;

async function identity(tenant: Tenant, email: string, role: Role): Promise<OrgIdentity> {
  const user = await findUserByEmail(db(), email);
  if (!user) throw new Error(`no user ${email}`);
  return {
    user: { sessionId: "e2e-setup", userId: user.id, email, name: user.name },
    org: { id: tenant.orgId, slug: tenant.slug, name: tenant.name },
    role,
  };
}

const ok = <T extends { ok: boolean; message?: string }>(r: T, what: string): T => {
  if (!r.ok) throw new Error(`${what}: ${r.message}`);
  return r;
};

/**
 * Questionnaire v2 with the best answers and a document on every control question, filled in by the
 * compliance officer and approved by the admin. Returns the assessment and its documents' ids.
 */
export async function provenAssessment(tenant: Tenant, supplierId: number): Promise<{ assessmentId: number; fileIds: number[] }> {
  const officer = await identity(tenant, tenant.compliance, "compliance");
  const admin = await identity(tenant, tenant.admin, "admin");
  const actor = { kind: "officer" as const, id: officer };
  const { created } = await startAssessments(db(), officer, [supplierId], { dueAt: null, language: "en" }, IP);
  const assessmentId = created[0]!;
  // Evidence questions are answered by their uploads, not by a value: saving one is refused and changes nothing.
  for (const [key, value] of Object.entries(answersFor(ATHENS_V2, BEST))) {
    await saveAnswer(db(), actor, assessmentId, key, { value, comment: null, baseRevision: 0 }, IP);
  }
  const fileIds: number[] = [];
  for (const { section, question } of allQuestions(ATHENS_V2)) {
    if (!takesDocuments(section, question)) continue;
    const r = ok(
      await uploadEvidence(db(), actor, assessmentId, question.key, { name: `${question.key}.pdf`, bytes: TINY_PDF }, IP),
      "upload",
    );
    if (r.ok) fileIds.push(r.value.fileId);
  }
  ok(await submitAssessment(db(), actor, assessmentId, IP), "submit");
  ok(await approveAssessment(db(), admin, assessmentId, { reason: "Answers read against the documents", acknowledged: [] }, IP), "approve");
  return { assessmentId, fileIds };
}

/** The admin accepts these documents, each with a reason. */
export async function acceptDocuments(tenant: Tenant, assessmentId: number, fileIds: readonly number[]): Promise<void> {
  const admin = await identity(tenant, tenant.admin, "admin");
  for (const fileId of fileIds) {
    ok(
      await reviewEvidence(db(), admin, assessmentId, fileId, { decision: "accept", reason: "Matches the answer it backs" }, IP),
      "accept",
    );
  }
}
