// What the questionnaire services share: who acts (an officer, or a supplier through its link), what
// each may change, the pinned template of an assessment, and its answers and files as the
// questionnaire logic reads them.
import type { AssessmentStatus } from "~db/types";
import type { OrgIdentity } from "~/lib/auth.server";
import type { SupplierIdentity } from "~/lib/supplier-session.server";
import {
  findQuestion,
  latestBuiltInTemplate,
  loadTemplate,
  type Answers,
  type Attachments,
  type QuestionnaireTemplate,
} from "~/domain/questionnaire";
import { findVersionId, getVersionDefinition, insertVersion, type StoredAnswer } from "~/models/assessment.server";
import { listEvidence } from "~/models/evidence.server";
import type { DbOrTrx } from "~/models/types";

export type Actor = { kind: "officer"; id: OrgIdentity } | { kind: "supplier"; s: SupplierIdentity };

export const EDITABLE: Record<Actor["kind"], AssessmentStatus[]> = {
  officer: ["draft", "sent", "in_progress", "changes_requested"],
  supplier: ["sent", "in_progress", "changes_requested"],
};

export function orgOf(a: Actor): number {
  return a.kind === "officer" ? a.id.org.id : a.s.orgId;
}
export function labelOf(a: Actor): string {
  return a.kind === "officer" ? a.id.user.email : `supplier ${a.s.email}`;
}
export function auditActor(a: Actor, ip: string | null) {
  return a.kind === "officer"
    ? { orgId: a.id.org.id, actorUserId: a.id.user.userId, actorLabel: a.id.user.email, ip }
    : { orgId: a.s.orgId, actorUserId: null, actorLabel: `supplier ${a.s.email}`, ip };
}
/** A supplier session reaches exactly one assessment; any other id is "not found". */
export function reaches(a: Actor, assessmentId: number): boolean {
  return a.kind === "officer" || a.s.assessmentId === assessmentId;
}

// ---------------------------------------------------------------------------------------------
// Templates

/** The built-in template new assessments start on: the newest version of the Athens questionnaire. */
export function currentTemplate(): QuestionnaireTemplate {
  return latestBuiltInTemplate("athens-fl")!;
}

/**
 * The id of a published built-in template version, by default the one new assessments start on
 * (published on first use; never changed after). An assessment keeps the version id it started with,
 * so one started on v1 keeps v1 and its answers when v2 is published.
 */
export async function currentTemplateVersionId(db: DbOrTrx, template: QuestionnaireTemplate = currentTemplate()): Promise<number> {
  return (await findVersionId(db, template.key, template.version)) ?? insertVersion(db, template.key, template.version, template);
}

const templateCache = new Map<number, QuestionnaireTemplate>();
/** The template an assessment started on, from its stored snapshot (immutable, so cached). */
export async function templateOfVersion(db: DbOrTrx, versionId: number): Promise<QuestionnaireTemplate> {
  let t = templateCache.get(versionId);
  if (!t) {
    t = loadTemplate(await getVersionDefinition(db, versionId));
    templateCache.set(versionId, t);
  }
  return t;
}

// ---------------------------------------------------------------------------------------------
// Answers and files

export async function attachmentsOf(db: DbOrTrx, orgId: number, assessmentId: number, template: QuestionnaireTemplate) {
  const files = await listEvidence(db, orgId, assessmentId);
  const attachments: Record<string, string[]> = {};
  for (const f of files) {
    const q = findQuestion(template, f.question_key);
    if (q && q.question.type !== "evidence") (attachments[f.question_key] ??= []).push(String(f.id));
  }
  return { files, attachments: attachments as Attachments };
}

export function answersMap(stored: readonly StoredAnswer[]): Answers {
  const out: Record<string, Answers[string]> = {};
  for (const a of stored) out[a.questionKey] = a.value as Answers[string];
  return out;
}
