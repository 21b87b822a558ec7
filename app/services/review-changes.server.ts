// What changed since the review: the answers revised after the last request for changes (each with
// what it was then and what it is now), and the red flags such a revision removed ("Deposit taken:
// Yes → No"). The approver must acknowledge a retracted flag explicitly (assessment-review.server.ts).
import type { Answers, QuestionnaireTemplate } from "~/domain/questionnaire";
import { redFlagsOf } from "~/domain/questionnaire";
import { answerHistory, answersOf } from "~/models/assessment.server";
import type { Decision } from "~/models/decision.server";
import type { DbOrTrx } from "~/models/types";
import { answersMap } from "./assessment-core.server";

export interface RevisedAnswer {
  questionKey: string;
  /** The answer when changes were requested (null: unanswered then). */
  before: unknown;
  after: unknown;
}
export interface RetractedFlag extends RevisedAnswer {
  indicator: string;
  severity: string;
}
export interface SinceReview {
  /** When the last request for changes was made; null when there was none. */
  since: string | null;
  revised: RevisedAnswer[];
  retracted: RetractedFlag[];
}

type HistoryRow = { questionKey: string; revision: number; value: unknown; at: string };

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Pure: compares the answers as they stood at `since` (from the revisions) with the current ones. */
export function changesSince(
  template: QuestionnaireTemplate,
  since: string | null,
  history: readonly HistoryRow[],
  current: Answers,
): SinceReview {
  if (!since) return { since: null, revised: [], retracted: [] };
  const then: Record<string, { revision: number; value: unknown }> = {};
  const touched = new Set<string>();
  // Nobody can save an answer while the questionnaire is submitted, so a revision stamped at the same
  // millisecond as the request for changes came after it.
  for (const r of history) {
    if (r.at >= since) touched.add(r.questionKey);
    else if (!then[r.questionKey] || then[r.questionKey]!.revision < r.revision) then[r.questionKey] = r;
  }
  const before: Record<string, Answers[string]> = {};
  for (const [k, v] of Object.entries(then)) before[k] = v.value as Answers[string];
  const revised = [...touched]
    .filter((k) => !same(before[k], current[k]))
    .map((questionKey) => ({ questionKey, before: before[questionKey] ?? null, after: current[questionKey] ?? null }));
  const now = new Set(redFlagsOf(template, current).map((f) => `${f.questionKey} ${f.indicator}`));
  const retracted = redFlagsOf(template, before as Answers)
    .filter((f) => !now.has(`${f.questionKey} ${f.indicator}`))
    .map((f) => ({
      questionKey: f.questionKey,
      indicator: f.indicator,
      severity: f.severity,
      before: before[f.questionKey] ?? null,
      after: current[f.questionKey] ?? null,
    }));
  return { since, revised, retracted };
}

/** The changes since the last request for changes among `decisions` (oldest first). */
export async function sinceReview(
  db: DbOrTrx,
  orgId: number,
  assessmentId: number,
  template: QuestionnaireTemplate,
  decisions: readonly Decision[],
): Promise<SinceReview> {
  const since = [...decisions].reverse().find((d) => d.kind === "request_changes")?.createdAt ?? null;
  if (!since) return { since: null, revised: [], retracted: [] };
  const [history, stored] = await Promise.all([answerHistory(db, orgId, assessmentId), answersOf(db, orgId, assessmentId)]);
  return changesSince(template, since, history, answersMap(stored));
}
