// Review comments as threads: a first comment on an answer and its replies (parent_id), resolved or
// reopened as a whole, with who and when. Comments have no org_id column: every function scopes them
// through their assessment, which must be this organization's.
import type { DbOrTrx } from "./types";

function ofOrg(db: DbOrTrx, orgId: number) {
  return db.selectFrom("assessments").select("assessments.id").where("assessments.org_id", "=", orgId);
}

export interface CommentRow {
  id: number;
  parentId: number | null;
  questionKey: string;
  authorUserId: number | null;
  authorLabel: string;
  body: string;
  createdAt: string;
  resolvedAt: string | null;
  resolvedByLabel: string | null;
  reopenedAt: string | null;
  reopenedByLabel: string | null;
  releasedAt: string | null;
}

/** Every comment of an assessment (first comments and replies), oldest first. */
export async function commentRowsOf(db: DbOrTrx, orgId: number, assessmentId: number): Promise<CommentRow[]> {
  const rows = await db
    .selectFrom("review_comments")
    .selectAll()
    .where("assessment_id", "=", assessmentId)
    .where("assessment_id", "in", ofOrg(db, orgId))
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    questionKey: r.question_key,
    authorUserId: r.author_user_id,
    authorLabel: r.author_label,
    body: r.body,
    createdAt: r.created_at,
    resolvedAt: r.resolved_at,
    resolvedByLabel: r.resolved_by_label,
    reopenedAt: r.reopened_at,
    reopenedByLabel: r.reopened_by_label,
    releasedAt: r.released_at,
  }));
}

/** A thread's first comment of this organization's assessment (a reply's id gives its thread's first comment). */
export async function threadRootOf(db: DbOrTrx, orgId: number, assessmentId: number, commentId: number) {
  const c = await db
    .selectFrom("review_comments")
    .select(["id", "parent_id"])
    .where("id", "=", commentId)
    .where("assessment_id", "=", assessmentId)
    .where("assessment_id", "in", ofOrg(db, orgId))
    .executeTakeFirst();
  if (!c) return undefined;
  return db
    .selectFrom("review_comments")
    .select(["id", "question_key as questionKey", "resolved_at as resolvedAt"])
    .where("id", "=", c.parent_id ?? c.id)
    .where("assessment_id", "=", assessmentId)
    .executeTakeFirst();
}

/** Adds a reply to a thread (its first comment is `rootId`, on `questionKey`). */
export async function insertReply(
  db: DbOrTrx,
  assessmentId: number,
  root: { id: number; questionKey: string },
  c: { authorUserId: number; authorLabel: string; body: string; at: string },
): Promise<number> {
  const r = await db
    .insertInto("review_comments")
    .values({
      assessment_id: assessmentId,
      question_key: root.questionKey,
      parent_id: root.id,
      author_user_id: c.authorUserId,
      author_label: c.authorLabel,
      body: c.body,
      created_at: c.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return r.id;
}

/**
 * Resolves or reopens a thread: its first comment keeps
 * who and when, and every reply follows its resolved_at (what the portal and the counts read).
 * False when the thread was already in that state.
 */
export async function setThreadResolved(
  db: DbOrTrx,
  assessmentId: number,
  rootId: number,
  change: { resolve: boolean; userId: number; label: string; at: string },
): Promise<boolean> {
  const root = await db
    .updateTable("review_comments")
    .set(
      change.resolve
        ? { resolved_at: change.at, resolved_by_user_id: change.userId, resolved_by_label: change.label }
        : { resolved_at: null, reopened_at: change.at, reopened_by_user_id: change.userId, reopened_by_label: change.label },
    )
    .where("id", "=", rootId)
    .where("assessment_id", "=", assessmentId)
    .where("resolved_at", change.resolve ? "is" : "is not", null)
    .executeTakeFirst();
  if (Number(root.numUpdatedRows) !== 1) return false;
  await db
    .updateTable("review_comments")
    .set({ resolved_at: change.resolve ? change.at : null })
    .where("parent_id", "=", rootId)
    .where("assessment_id", "=", assessmentId)
    .execute();
  return true;
}
