// One question of the supplier portal: the shared question display (components/question/field)
// driven by the autosave — its value, its field message, a conflict to settle and its save state.
import type { ReactNode } from "react";
import type { Question, ReviewComment } from "~/domain/questionnaire/types";
import { QuestionField } from "~/components/question/field";
import type { Autosave, QuestionStatus } from "./autosave";
import { questionId } from "~/components/question/types";
import type { T } from "./i18n";

function statusText(status: QuestionStatus | undefined, t: T): string {
  switch (status?.phase) {
    case "saving":
      return t("ui.saving");
    case "saved":
      return t("ui.saved");
    case "waiting":
    case "ended":
      return t("ui.not_sent");
    default:
      return "";
  }
}

interface Props {
  q: Question;
  t: T;
  autosave: Autosave;
  reviewComments: readonly ReviewComment[];
  evidence: ReactNode;
}

export function PortalQuestion({ q, t, autosave, reviewComments, evidence }: Props) {
  const status = autosave.status(q.key);
  const failed = status?.phase === "invalid" || status?.phase === "error";
  const theirs = status?.phase === "conflict" ? status.theirs : undefined;
  return (
    <QuestionField
      q={q}
      t={t}
      id={questionId(q.key)}
      value={autosave.value(q.key)}
      comment={autosave.comment(q.key)}
      error={failed ? t(status.messageKey ?? "ui.save_failed", status.params) : null}
      conflict={theirs ? { theirs, keepMine: () => autosave.keepMine(q.key), keepTheirs: () => autosave.keepTheirs(q.key) } : null}
      reviewComments={reviewComments}
      evidence={evidence}
      status={statusText(status, t)}
      onValue={(value, when) => autosave.edit(q.key, { value }, when)}
      onComment={(comment) => autosave.edit(q.key, { comment }, "typing")}
      onBlur={() => autosave.flush(q.key)}
    />
  );
}
