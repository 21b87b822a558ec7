// What the officers' pages of corrective actions show: the list with its totals and filter choices,
// the "new action" form, and one action with the answer and indicator behind it, its timeline and files.
// The changes themselves: actions.server.ts.
import { findingBehind } from "./audit-finding-verify.server";
import { addDays, todayIso } from "~/domain/dates";
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import type { OrgIdentity } from "~/lib/auth.server";
import { findQuestion } from "~/domain/questionnaire";
import { languageT } from "~/domain/questionnaire/language-texts";
import { answerText } from "~/domain/questionnaire/answer-text";
import { reviewCommentOf } from "~/models/assessment.server";
import { getSupplier } from "~/models/supplier.server";
import { actionCounts, getAction, listActions, possibleOwners } from "~/models/action.server";
import { actionEvents, actionFiles } from "~/models/action-events.server";
import { ACTION_TRANSITIONS, DEFAULT_DUE_DAYS, type ActionListQuery } from "~/schemas/action";
import { templateOf } from "./actions.server";

type DB = Kysely<Database>;

/** Actions a page of the list shows. */
export const PAGE_SIZE = 50;

const en = languageT("en");

/** The list page: one page of actions, the totals, the filter choices. */
export async function actionListPage(db: DB, id: OrgIdentity, q: ActionListQuery, now = new Date()) {
  const [list, counts, owners, supplier] = await Promise.all([
    listActions(
      db,
      id.org.id,
      { status: q.status, overdue: q.overdue, owner: q.owner, supplierId: q.supplier, source: q.source, page: q.page, pageSize: PAGE_SIZE },
      now,
    ),
    actionCounts(db, id.org.id, now),
    possibleOwners(db, id.org.id),
    q.supplier ? getSupplier(db, id.org.id, q.supplier) : Promise.resolve(undefined),
  ]);
  return {
    ...list,
    pageSize: PAGE_SIZE,
    counts,
    owners: owners.map((o) => ({ id: o.id, name: o.name })),
    supplier: supplier ? { id: supplier.id, name: supplier.name } : null,
  };
}

/** What the "new action" form needs: the owners to choose from, and the supplier if one is given. */
export async function newActionForm(
  db: DB,
  id: OrgIdentity,
  from: { supplierId: number | null; commentId?: number | null },
  now = new Date(),
) {
  const comment = from.commentId ? await reviewCommentOf(db, id.org.id, from.commentId) : null;
  if (from.commentId && !comment) return null;
  const supplierId = comment ? comment.supplier_id : from.supplierId;
  const [owners, supplier] = await Promise.all([
    possibleOwners(db, id.org.id),
    supplierId ? getSupplier(db, id.org.id, supplierId) : Promise.resolve(undefined),
  ]);
  if (supplierId && !supplier) return null;
  return {
    owners: owners.map((o) => ({ id: o.id, name: o.name, email: o.email })),
    supplier: supplier ? { id: supplier.id, name: supplier.name, status: supplier.status } : null,
    comment: comment
      ? {
          id: comment.id,
          assessmentId: comment.assessment_id,
          question: en(`q.${comment.question_key}.text`),
          body: comment.body,
          author: comment.author_label,
          at: comment.created_at,
        }
      : null,
    today: todayIso(now),
    defaultDue: addDays(now, DEFAULT_DUE_DAYS),
    me: id.user.userId,
  };
}

/** Everything an action's page shows: the action, the answer and indicator behind it, its timeline and files. */
export async function actionPage(db: DB, id: OrgIdentity, actionId: number, now = new Date()) {
  const a = await getAction(db, id.org.id, actionId, now);
  if (!a) return null;
  const [events, files, owners, finding] = await Promise.all([
    actionEvents(db, id.org.id, actionId),
    actionFiles(db, id.org.id, actionId),
    possibleOwners(db, id.org.id),
    findingBehind(db, id.org.id, a),
  ]);
  let question: string | null = null;
  let answer: string | null = null;
  if (a.questionKey) {
    question = en(`q.${a.questionKey}.text`);
    const found = a.assessmentVersionId ? findQuestion(await templateOf(db, a.assessmentVersionId), a.questionKey) : undefined;
    answer = found
      ? answerText(found.question, a.answer, en)
      : a.answer == null
        ? null
        : typeof a.answer === "string"
          ? a.answer
          : JSON.stringify(a.answer);
  }
  return {
    action: a,
    indicatorLabel: a.indicator ? en(`ilo.${a.indicator}`) : null,
    question,
    answer,
    events,
    files,
    owners: owners.map((o) => ({ id: o.id, name: o.name })),
    next: ACTION_TRANSITIONS[a.status],
    today: todayIso(now),
    /** The audit finding behind it, with the records its rule needs (site audits). */
    finding,
  };
}
