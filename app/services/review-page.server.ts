// What the assessment page shows of the review: the threads of comments, what changed since the last
// request for changes, the timeline (decisions and submissions), a first approval waiting for a
// second reviewer, and why this reviewer may not approve (four eyes), so the page can say so instead
// of offering a form that would be refused.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import type { OrgIdentity } from "~/lib/auth.server";
import type { QuestionnaireTemplate } from "~/domain/questionnaire";
import { decisionsOf, filledOnBehalf, fourEyesOf, submissionsOf } from "~/models/decision.server";
import { FILLER_MESSAGE, OWN_FIRST_MESSAGE, awaitingSecond } from "./assessment-review.server";
import { sinceReview } from "./review-changes.server";
import { reviewThreads } from "./review-threads.server";

type DB = Kysely<Database>;

export async function reviewOf(db: DB, id: OrgIdentity, a: { id: number; status: string }, template: QuestionnaireTemplate) {
  const orgId = id.org.id;
  const [decisions, submissions, threads, fourEyes] = await Promise.all([
    decisionsOf(db, orgId, a.id),
    submissionsOf(db, orgId, a.id),
    reviewThreads(db, orgId, a.id),
    fourEyesOf(db, orgId),
  ]);
  const awaiting = awaitingSecond(decisions, a.status);
  const filler = fourEyes && a.status === "submitted" && (await filledOnBehalf(db, orgId, a.id, id.user));
  const ownFirst = fourEyes && awaiting !== null && awaiting.userId === id.user.userId;
  return {
    decisions,
    submissions,
    threads,
    awaiting,
    changes: await sinceReview(db, orgId, a.id, template, decisions),
    /** Why this reviewer cannot approve (four eyes); null when they may. */
    approveBlocked: filler ? FILLER_MESSAGE : ownFirst ? OWN_FIRST_MESSAGE : null,
  };
}
