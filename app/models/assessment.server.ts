// Assessments, their answers (with every revision kept) and review comments. Every function that
// reads or writes tenant data takes the organization id and filters by it: answers, revisions and
// comments have no org_id column, so they are scoped through their assessment (`ofOrg`). The
// questionnaire versions are the published templates, shared by every organization.
import type { DbOrTrx } from "./types";
import type { AssessmentStatus } from "~db/types";
import { nowIso } from "~/lib/time";

export async function findVersionId(db: DbOrTrx, templateKey: string, version: number): Promise<number | undefined> {
  const r = await db
    .selectFrom("questionnaire_versions")
    .select("id")
    .where("template_key", "=", templateKey)
    .where("version", "=", version)
    .executeTakeFirst();
  return r?.id;
}

/** Publishes a template version once; a published definition is never updated. */
export async function insertVersion(db: DbOrTrx, templateKey: string, version: number, definition: unknown): Promise<number> {
  const r = await db
    .insertInto("questionnaire_versions")
    .values({ template_key: templateKey, version, definition: JSON.stringify(definition), published_at: nowIso() })
    .onConflict((oc) => oc.columns(["template_key", "version"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  return r?.id ?? (await findVersionId(db, templateKey, version))!;
}

export async function getVersionDefinition(db: DbOrTrx, versionId: number): Promise<unknown> {
  const r = await db.selectFrom("questionnaire_versions").select("definition").where("id", "=", versionId).executeTakeFirstOrThrow();
  return JSON.parse(r.definition);
}

export async function insertAssessment(
  db: DbOrTrx,
  orgId: number,
  a: { supplierId: number; versionId: number; dueAt: string | null; language: string; createdBy: number },
): Promise<number> {
  const now = nowIso();
  const r = await db
    .insertInto("assessments")
    .values({
      org_id: orgId,
      supplier_id: a.supplierId,
      version_id: a.versionId,
      status: "draft",
      due_at: a.dueAt,
      language: a.language,
      created_by: a.createdBy,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function getAssessment(db: DbOrTrx, orgId: number, id: number) {
  return db
    .selectFrom("assessments as a")
    .innerJoin("suppliers as s", "s.id", "a.supplier_id")
    .select([
      "a.id",
      "a.supplier_id as supplierId",
      "s.name as supplierName",
      "s.country as supplierCountry",
      "s.contact_email as contactEmail",
      "a.version_id as versionId",
      "a.status",
      "a.due_at as dueAt",
      "a.language",
      "a.created_at as createdAt",
      "a.sent_at as sentAt",
      "a.started_at as startedAt",
      "a.submitted_at as submittedAt",
      "a.changes_requested_at as changesRequestedAt",
      "a.approved_at as approvedAt",
      "a.valid_until as validUntil",
      "a.version",
    ])
    .where("a.org_id", "=", orgId)
    .where("a.id", "=", id)
    .executeTakeFirst();
}

export async function listAssessments(
  db: DbOrTrx,
  orgId: number,
  f: { status?: AssessmentStatus; supplierId?: number; limit: number; offset: number },
) {
  let q = db.selectFrom("assessments as a").innerJoin("suppliers as s", "s.id", "a.supplier_id").where("a.org_id", "=", orgId);
  if (f.status) q = q.where("a.status", "=", f.status);
  if (f.supplierId) q = q.where("a.supplier_id", "=", f.supplierId);
  return q
    .select([
      "a.id",
      "a.supplier_id as supplierId",
      "s.name as supplierName",
      "s.country as supplierCountry",
      "a.status",
      "a.due_at as dueAt",
      "a.updated_at as updatedAt",
    ])
    .orderBy("a.updated_at", "desc")
    .orderBy("a.id", "desc")
    .limit(f.limit)
    .offset(f.offset)
    .execute();
}

/** Moves an assessment along its workflow if it is in one of `from`; false when it was not. */
export async function setAssessmentStatus(
  db: DbOrTrx,
  orgId: number,
  id: number,
  from: AssessmentStatus[],
  to: AssessmentStatus,
  extra: {
    sent_at?: string;
    started_at?: string;
    submitted_at?: string;
    changes_requested_at?: string;
    approved_at?: string | null;
    approved_by?: number | null;
    valid_until?: string | null;
  } = {},
): Promise<boolean> {
  const r = await db
    .updateTable("assessments")
    .set((eb) => ({ status: to, updated_at: nowIso(), version: eb("version", "+", 1), ...extra }))
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .where("status", "in", from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface StoredAnswer {
  questionKey: string;
  value: unknown;
  comment: string | null;
  revision: number;
  updatedBy: string;
  updatedAt: string;
}

/** The ids of one organization's assessments, as a subquery: what answers and comments are scoped by. */
function ofOrg(db: DbOrTrx, orgId: number) {
  return db.selectFrom("assessments").select("assessments.id").where("assessments.org_id", "=", orgId);
}

/** Whether the assessment is this organization's (writes check it before they touch its rows). */
async function isOrgAssessment(db: DbOrTrx, orgId: number, assessmentId: number): Promise<boolean> {
  const r = await ofOrg(db, orgId).where("assessments.id", "=", assessmentId).executeTakeFirst();
  return Boolean(r);
}

export async function answersOf(db: DbOrTrx, orgId: number, assessmentId: number): Promise<StoredAnswer[]> {
  const rows = await db
    .selectFrom("answers")
    .selectAll()
    .where("assessment_id", "=", assessmentId)
    .where("assessment_id", "in", ofOrg(db, orgId))
    .execute();
  return rows.map((r) => ({
    questionKey: r.question_key,
    value: r.value == null ? null : JSON.parse(r.value),
    comment: r.comment,
    revision: r.revision,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
  }));
}

/**
 * Saves one answer if it is still at `baseRevision` (0 = never answered): the previous value goes to
 * the history, the new one gets revision + 1. Returns the new revision, or the current answer when
 * someone saved in between (the caller reports a conflict and shows both); null when the assessment
 * is not this organization's (nothing is written).
 */
export async function saveAnswerIfRevision(
  db: DbOrTrx,
  orgId: number,
  assessmentId: number,
  questionKey: string,
  baseRevision: number,
  a: { value: unknown; comment: string | null; author: string },
): Promise<{ revision: number } | { conflict: StoredAnswer } | null> {
  if (!(await isOrgAssessment(db, orgId, assessmentId))) return null;
  const now = nowIso();
  const value = a.value === undefined ? null : JSON.stringify(a.value);
  const current = await db
    .selectFrom("answers")
    .selectAll()
    .where("assessment_id", "=", assessmentId)
    .where("question_key", "=", questionKey)
    .executeTakeFirst();
  const currentRevision = current?.revision ?? 0;
  if (currentRevision !== baseRevision) {
    return {
      conflict: {
        questionKey,
        value: current?.value == null ? null : JSON.parse(current.value),
        comment: current?.comment ?? null,
        revision: currentRevision,
        updatedBy: current?.updated_by ?? "",
        updatedAt: current?.updated_at ?? "",
      },
    };
  }
  const revision = baseRevision + 1;
  if (current) {
    const r = await db
      .updateTable("answers")
      .set({ value, comment: a.comment, revision, updated_by: a.author, updated_at: now })
      .where("assessment_id", "=", assessmentId)
      .where("question_key", "=", questionKey)
      .where("revision", "=", baseRevision)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return saveAnswerIfRevision(db, orgId, assessmentId, questionKey, baseRevision, a);
  } else {
    await db
      .insertInto("answers")
      .values({
        assessment_id: assessmentId,
        question_key: questionKey,
        value,
        comment: a.comment,
        revision,
        updated_by: a.author,
        updated_at: now,
      })
      .execute();
  }
  await db
    .insertInto("answer_revisions")
    .values({ assessment_id: assessmentId, question_key: questionKey, revision, value, comment: a.comment, author: a.author, at: now })
    .execute();
  return { revision };
}

export async function answerHistory(db: DbOrTrx, orgId: number, assessmentId: number, questionKey?: string) {
  let q = db
    .selectFrom("answer_revisions")
    .selectAll()
    .where("assessment_id", "=", assessmentId)
    .where("assessment_id", "in", ofOrg(db, orgId));
  if (questionKey) q = q.where("question_key", "=", questionKey);
  const rows = await q.orderBy("question_key").orderBy("revision", "desc").execute();
  return rows.map((r) => ({
    questionKey: r.question_key,
    revision: r.revision,
    value: r.value == null ? null : JSON.parse(r.value),
    comment: r.comment,
    author: r.author,
    at: r.at,
  }));
}

/** Adds a review comment; null (nothing written) when the assessment is not this organization's. */
export async function insertReviewComment(
  db: DbOrTrx,
  orgId: number,
  assessmentId: number,
  c: { questionKey: string; authorUserId: number; authorLabel: string; body: string },
): Promise<number | null> {
  if (!(await isOrgAssessment(db, orgId, assessmentId))) return null;
  const r = await db
    .insertInto("review_comments")
    .values({
      assessment_id: assessmentId,
      question_key: c.questionKey,
      author_user_id: c.authorUserId,
      author_label: c.authorLabel,
      body: c.body,
      created_at: nowIso(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Review comments of an assessment; `releasedOnly` for the supplier, who sees only released ones. */
export async function reviewCommentsOf(db: DbOrTrx, orgId: number, assessmentId: number, opts: { releasedOnly?: boolean } = {}) {
  let q = db
    .selectFrom("review_comments")
    .select(["id", "question_key", "author_label", "body", "created_at", "resolved_at", "released_at"])
    .where("assessment_id", "=", assessmentId)
    .where("assessment_id", "in", ofOrg(db, orgId));
  if (opts.releasedOnly) q = q.where("released_at", "is not", null);
  return q.orderBy("id").execute();
}

/** A request for changes shows the supplier every comment open at that moment. */
export async function releaseOpenReviewComments(db: DbOrTrx, orgId: number, assessmentId: number, now: string): Promise<number> {
  const r = await db
    .updateTable("review_comments")
    .set({ released_at: now })
    .where("assessment_id", "=", assessmentId)
    .where("assessment_id", "in", ofOrg(db, orgId))
    .where("resolved_at", "is", null)
    .where("released_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Approval closes every comment still open on the assessment; a thread's first comment records who closed it. */
export async function resolveOpenReviewComments(
  db: DbOrTrx,
  orgId: number,
  assessmentId: number,
  now: string,
  by: { userId: number; label: string },
): Promise<number> {
  await db
    .updateTable("review_comments")
    .set({ resolved_by_user_id: by.userId, resolved_by_label: by.label })
    .where("assessment_id", "=", assessmentId)
    .where("assessment_id", "in", ofOrg(db, orgId))
    .where("resolved_at", "is", null)
    .where("parent_id", "is", null)
    .execute();
  const r = await db
    .updateTable("review_comments")
    .set({ resolved_at: now })
    .where("assessment_id", "=", assessmentId)
    .where("assessment_id", "in", ofOrg(db, orgId))
    .where("resolved_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** One review comment of this organization's assessments, with the assessment's supplier (for an action opened from it). */
export async function reviewCommentOf(db: DbOrTrx, orgId: number, commentId: number) {
  return db
    .selectFrom("review_comments as c")
    .innerJoin("assessments as a", "a.id", "c.assessment_id")
    .select([
      "c.id",
      "c.question_key",
      "c.body",
      "c.author_label",
      "c.created_at",
      "a.id as assessment_id",
      "a.supplier_id",
      "a.version_id",
    ])
    .where("a.org_id", "=", orgId)
    .where("c.id", "=", commentId)
    .executeTakeFirst();
}

/** Of `supplierIds`, those with an assessment not yet approved (a new one is not started for them). */
export async function suppliersWithOpenAssessment(db: DbOrTrx, orgId: number, supplierIds: readonly number[]): Promise<Set<number>> {
  if (!supplierIds.length) return new Set();
  const rows = await db
    .selectFrom("assessments")
    .select("supplier_id")
    .where("org_id", "=", orgId)
    .where("status", "!=", "approved")
    .where("supplier_id", "in", [...supplierIds])
    .execute();
  return new Set(rows.map((r) => r.supplier_id));
}

export async function supplierHasAssessments(db: DbOrTrx, orgId: number, supplierId: number): Promise<boolean> {
  const r = await db
    .selectFrom("assessments")
    .select("id")
    .where("org_id", "=", orgId)
    .where("supplier_id", "=", supplierId)
    .limit(1)
    .executeTakeFirst();
  return Boolean(r);
}
