// Review comments are threads: a reviewer's first comment on an answer and the replies to it. A thread
// is resolved or reopened as a whole, with who and when; every comment is signed with its author's
// name (never the e-mail address). What the supplier sees is unchanged: the comments a request for
// changes released, signed with the organisation's name (app/routes/s.portal._index.tsx).
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import type { OrgIdentity } from "~/lib/auth.server";
import { fail, ok, type Result } from "~/domain/result";
import { nowIso } from "~/lib/time";
import { recordAudit } from "~/models/audit.server";
import { getAssessment } from "~/models/assessment.server";
import { commentRowsOf, insertReply, setThreadResolved, threadRootOf, type CommentRow } from "~/models/review-comment.server";

type DB = Kysely<Database>;

/** How a person signs a comment or a decision: their name (the e-mail address only if they have none). */
export function signature(user: { name: string; email: string }): string {
  return user.name.trim() || user.email;
}

export interface ThreadComment {
  id: number;
  authorLabel: string;
  body: string;
  createdAt: string;
  /** Null while internal: a reply written after a request for changes waits for the next one. */
  releasedAt: string | null;
}
export interface Thread {
  id: number;
  questionKey: string;
  comments: ThreadComment[];
  resolvedAt: string | null;
  resolvedByLabel: string | null;
  reopenedAt: string | null;
  reopenedByLabel: string | null;
  /** When a request for changes showed the first comment to the supplier; null while internal. */
  releasedAt: string | null;
}

/** Groups comments (oldest first) into threads: each first comment with its replies. */
export function threadsOf(rows: readonly CommentRow[]): Thread[] {
  const threads = new Map<number, Thread>();
  for (const r of rows) {
    const comment = { id: r.id, authorLabel: r.authorLabel, body: r.body, createdAt: r.createdAt, releasedAt: r.releasedAt };
    if (r.parentId === null) {
      threads.set(r.id, {
        id: r.id,
        questionKey: r.questionKey,
        comments: [comment],
        resolvedAt: r.resolvedAt,
        resolvedByLabel: r.resolvedAt ? r.resolvedByLabel : null,
        reopenedAt: r.reopenedAt,
        reopenedByLabel: r.reopenedByLabel,
        releasedAt: r.releasedAt,
      });
    } else threads.get(r.parentId)?.comments.push(comment);
  }
  return [...threads.values()];
}

export async function reviewThreads(db: DB, orgId: number, assessmentId: number): Promise<Thread[]> {
  return threadsOf(await commentRowsOf(db, orgId, assessmentId));
}

export type ThreadChange =
  | { intent: "reply"; threadId: number; body: string }
  | { intent: "resolve-thread"; threadId: number }
  | { intent: "reopen-thread"; threadId: number };

const DONE: Record<ThreadChange["intent"], { action: string; message: string }> = {
  reply: { action: "assessment.comment_replied", message: "Reply added." },
  "resolve-thread": { action: "assessment.thread_resolved", message: "Thread resolved." },
  "reopen-thread": { action: "assessment.thread_reopened", message: "Thread reopened." },
};

/**
 * Replies to a thread, resolves it or reopens it. Threads change while the questionnaire is under
 * review (not in draft, not approved); a resolved thread takes no reply until it is reopened.
 */
export async function changeThread(
  db: DB,
  id: OrgIdentity,
  assessmentId: number,
  change: ThreadChange,
  ip: string,
): Promise<Result<{ questionKey: string; message: string }>> {
  return db.transaction().execute(async (trx) => {
    const a = await getAssessment(trx, id.org.id, assessmentId);
    if (!a) return fail("not_found", "No such assessment");
    const root = await threadRootOf(trx, id.org.id, assessmentId, change.threadId);
    if (!root) return fail("not_found", "No such comment");
    if (a.status === "approved" || a.status === "draft") {
      return fail("conflict", "The review comments of an approved questionnaire are closed: reopen the questionnaire first.");
    }
    const at = nowIso();
    const by = { userId: id.user.userId, label: signature(id.user), at };
    let replyId: number | undefined;
    if (change.intent === "reply") {
      if (root.resolvedAt) return fail("conflict", "This thread is resolved: reopen it to reply.");
      replyId = await insertReply(trx, assessmentId, root, {
        authorUserId: by.userId,
        authorLabel: by.label,
        body: change.body.trim().slice(0, 2000),
        at,
      });
    } else if (!(await setThreadResolved(trx, assessmentId, root.id, { resolve: change.intent === "resolve-thread", ...by }))) {
      return fail("conflict", change.intent === "resolve-thread" ? "This thread is already resolved." : "This thread is already open.");
    }
    await recordAudit(trx, {
      orgId: id.org.id,
      actorUserId: id.user.userId,
      actorLabel: id.user.email,
      action: DONE[change.intent].action,
      entity: "assessment",
      entityId: assessmentId,
      diff: { threadId: root.id, questionKey: root.questionKey, ...(replyId ? { commentId: replyId } : {}) },
      ip,
    });
    return ok({ questionKey: root.questionKey, message: DONE[change.intent].message });
  });
}
