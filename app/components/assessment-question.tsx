// One question of the officer's fill page: the shared question display (components/question/field)
// with a Save button. The answer is saved on its own with the revision it was loaded at; a stale save
// answers 409 and the card shows both versions: keep yours (saved again on the newer revision) or
// theirs. Files go through a plain multipart form.
import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useState } from "react";
import { evidenceRequested, validateAnswer } from "~/domain/questionnaire";
import { EVIDENCE_KINDS, NA, type AnswerValue, type Question, type ReviewComment } from "~/domain/questionnaire/types";
import { defaultEvidenceKind } from "~/domain/questionnaire/evidence";
import type { T } from "~/domain/questionnaire/texts";
import { QuestionField } from "~/components/question/field";
import { questionId, toRaw, type RawValue } from "~/components/question/types";
import { fileSize, type FileRef, type StoredAnswerLike } from "./assessment-review";
import { formatDateTime } from "./format";

export type SaveData = {
  intent: string;
  questionKey?: string;
  ok?: boolean;
  revision?: number;
  message?: string;
  fieldErrors?: Record<string, string>;
  formError?: string;
  conflict?: { yours?: unknown; theirs: StoredAnswerLike };
};

interface Props {
  question: Question;
  stored: StoredAnswerLike | undefined;
  t: T;
  files: FileRef[];
  fileHref: (id: number) => string;
  uploadAction: string;
  /** Open review comments on this question (after "request changes"). */
  comments: ReviewComment[];
  /** A control question: it takes documents whatever the answer. */
  takesDocuments: boolean;
  /** Today (yyyy-mm-dd, UTC): the earliest "valid until" date of a document. */
  today: string;
}

/** The answer as the form posts it: the same fields the server's answer schema reads. */
function formOf(q: Question, value: RawValue, comment: string, baseRevision: number): FormData {
  const fd = new FormData();
  fd.set("intent", "save");
  fd.set("questionKey", q.key);
  fd.set("baseRevision", String(baseRevision));
  fd.set("comment", comment);
  if (value === NA) fd.set("na", NA);
  else if (Array.isArray(value)) for (const v of value) fd.append("value", v);
  else if (value !== null) fd.set("value", value);
  return fd;
}

/** One answer being edited: a draft over the stored answer, checked here and saved with a fetcher. */
function useOfficerAnswer(question: Question, stored: StoredAnswerLike | undefined, t: T) {
  const fetcher = useFetcher<SaveData>({ key: `save:${question.key}` });
  const [draft, setDraft] = useState<{ value: RawValue; comment: string } | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [settled, setSettled] = useState<number | null>(null);
  const [edited, setEdited] = useState(false);
  const mine = fetcher.data?.questionKey === question.key ? fetcher.data : undefined;
  const conflict = mine?.conflict && settled !== mine.conflict.theirs.revision ? mine.conflict : undefined;
  // Theirs is newer than what was loaded until the page revalidates: edit on top of it.
  const current = mine?.conflict && mine.conflict.theirs.revision > (stored?.revision ?? 0) ? mine.conflict.theirs : stored;
  const savedRevision = mine?.ok ? mine.revision : undefined;
  useEffect(() => {
    if (savedRevision !== undefined) setDraft(null);
  }, [savedRevision]);
  const value = draft ? draft.value : toRaw(current?.value);
  const comment = draft ? draft.comment : (current?.comment ?? "");
  const change = (patch: Partial<{ value: RawValue; comment: string }>) => {
    setCheckError(null);
    setEdited(true);
    setDraft({ value, comment, ...patch });
  };
  const save = () => {
    const checked = validateAnswer(question, value, { draft: true });
    if (!checked.ok) return setCheckError(t(checked.messageKey, checked.params));
    setEdited(false);
    fetcher.submit(formOf(question, value, comment, current?.revision ?? 0), { method: "post" });
  };
  const keepTheirs = () => {
    setDraft(null);
    if (mine?.conflict) setSettled(mine.conflict.theirs.revision);
  };
  const serverError = mine?.fieldErrors?.value ?? mine?.fieldErrors?.na ?? mine?.formError;
  const error = checkError ?? (edited ? null : (serverError ?? null));
  return { fetcher, mine, conflict, current, draft, value, comment, change, save, keepTheirs, error };
}

function statusOf(a: ReturnType<typeof useOfficerAnswer>): string {
  if (a.fetcher.state !== "idle") return "Saving…";
  if (a.draft) return "Not saved yet.";
  if (a.mine?.ok && a.mine.revision === a.current?.revision) return "Saved.";
  return a.current ? `Saved by ${a.current.updatedBy}, ${formatDateTime(a.current.updatedAt)}` : "";
}

export function QuestionCard({ question, stored, t, files, fileHref, uploadAction, comments, takesDocuments, today }: Props) {
  const a = useOfficerAnswer(question, stored, t);
  const checked = validateAnswer(question, a.value, { draft: true });
  const wantsFiles =
    takesDocuments ||
    question.type === "evidence" ||
    (checked.ok && evidenceRequested(question, checked.value as AnswerValue)) ||
    files.length > 0;
  const saving = a.fetcher.state !== "idle";
  return (
    <QuestionField
      q={question}
      t={t}
      id={questionId(question.key)}
      value={a.value}
      comment={a.comment}
      error={a.error}
      conflict={
        a.conflict ? { theirs: { ...a.conflict.theirs, value: a.conflict.theirs.value }, keepMine: a.save, keepTheirs: a.keepTheirs } : null
      }
      reviewComments={comments}
      evidence={
        wantsFiles ? (
          <Evidence question={question} files={files} t={t} fileHref={fileHref} uploadAction={uploadAction} today={today} />
        ) : null
      }
      status={statusOf(a)}
      footer={
        question.type === "evidence" ? null : (
          <div className="inline-form">
            <button type="button" className="button small" disabled={saving} onClick={a.save}>
              {saving ? "Saving…" : "Save"}
            </button>
          </div>
        )
      }
      onValue={(value) => a.change({ value })}
      onComment={(comment) => a.change({ comment })}
      onBlur={() => undefined}
    />
  );
}

type UploadData = { questionKey?: string; ok?: boolean; message?: string; filename?: string; formError?: string };

function Evidence({
  question,
  files,
  t,
  fileHref,
  uploadAction,
  today,
}: {
  question: Question;
  files: FileRef[];
  t: T;
  fileHref: (id: number) => string;
  uploadAction: string;
  today: string;
}) {
  const upload = useFetcher<UploadData>({ key: `upload:${question.key}` });
  const remove = useFetcher<SaveData>({ key: `remove:${question.key}` });
  const inputId = useId();
  const mine = upload.data?.questionKey === question.key ? upload.data : undefined;
  const request = question.evidence;
  return (
    <div className="asm-evidence">
      {request ? (
        <p className="small">
          <strong>{question.type === "evidence" ? "Documents" : "Supporting document"}:</strong> {t(`q.${question.key}.evidence`)}
          {request.required ? " (required)" : " (welcome, not required)"}
        </p>
      ) : null}
      {files.length ? (
        <ul className="asm-files">
          {files.map((f) => (
            <li key={f.id}>
              <a href={fileHref(f.id)} download>
                {f.filename}
              </a>{" "}
              <span className="muted small">({fileSize(f.size_bytes)})</span>{" "}
              <remove.Form method="post" className="inline">
                <input type="hidden" name="intent" value="remove-file" />
                <input type="hidden" name="fileId" value={f.id} />
                <button type="submit" className="link-button small" disabled={remove.state !== "idle"} aria-label={`Remove ${f.filename}`}>
                  Remove
                </button>
              </remove.Form>
            </li>
          ))}
        </ul>
      ) : null}
      <upload.Form key={files.length} method="post" encType="multipart/form-data" action={uploadAction} className="asm-upload">
        <input type="hidden" name="questionKey" value={question.key} />
        <label htmlFor={`${inputId}-kind`} className="small">
          Type of document
        </label>
        <select id={`${inputId}-kind`} name="kind" defaultValue={defaultEvidenceKind(question)}>
          {EVIDENCE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`ui.evidence.kind.${k}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${inputId}-valid`} className="small">
          Valid until (optional)
        </label>
        <input id={`${inputId}-valid`} type="date" name="validUntil" min={today} />
        <label htmlFor={inputId} className="small">
          Add a file (PDF, image, Word, Excel; up to 10 MB)
        </label>
        <input
          id={inputId}
          type="file"
          name="file"
          required
          accept=".pdf,.png,.jpg,.jpeg,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods"
        />
        <button type="submit" className="button small secondary" disabled={upload.state !== "idle"}>
          {upload.state !== "idle" ? "Uploading…" : "Upload"}
        </button>
      </upload.Form>
      {mine && !mine.ok ? (
        <p className="field-error" role="alert">
          {mine.message ?? mine.formError}
        </p>
      ) : mine?.ok ? (
        <p className="small" role="status">
          {mine.filename} uploaded.
        </p>
      ) : null}
      {remove.data?.formError ? (
        <p className="field-error" role="alert">
          {remove.data.formError}
        </p>
      ) : null}
    </div>
  );
}
