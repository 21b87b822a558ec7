// One question of the fill page: a small form of its own (react-hook-form + the question's zod
// schema), saved on its own with the revision it was loaded at. A stale save answers 409: the card
// shows both versions and the form restarts from theirs. Files go through a plain multipart form.
import { zodResolver } from "@hookform/resolvers/zod";
import { useFetcher } from "@remix-run/react";
import { useId, useMemo } from "react";
import { useForm, type UseFormRegisterReturn } from "react-hook-form";
import { evidenceRequested, numericBounds } from "~/domain/questionnaire/logic";
import { NA, type AnswerValue, type Question } from "~/domain/questionnaire/types";
import { answerSchema, type AnswerFormInput, type AnswerFormOutput, type Translate } from "~/schemas/assessment";
import { answerText } from "~/domain/questionnaire/answer-text";
import { fileSize, type FileRef, type ReviewComment, type StoredAnswerLike } from "./assessment-review";
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
  t: Translate;
  files: FileRef[];
  fileHref: (id: number) => string;
  uploadAction: string;
  /** Open review comments on this question (after "request changes"). */
  comments: ReviewComment[];
}

export function QuestionCard({ question, stored, t, files, fileHref, uploadAction, comments }: Props) {
  const fetcher = useFetcher<SaveData>({ key: `save:${question.key}` });
  const mine = fetcher.data?.questionKey === question.key ? fetcher.data : undefined;
  const conflict = mine?.conflict;
  // "Theirs wins": restart from the stored answer, or from theirs when it is newer than what we loaded.
  const current = conflict && conflict.theirs.revision > (stored?.revision ?? 0) ? conflict.theirs : stored;
  const headingId = useId();
  const value = (current?.value ?? null) as AnswerValue;
  const wantsFiles = question.type === "evidence" || evidenceRequested(question, value) || files.length > 0;
  return (
    <article id={`q-${question.key}`} className="asm-q" aria-labelledby={headingId}>
      <h3 id={headingId} className="asm-question">
        {t(`q.${question.key}.text`)}
        {question.required ? (
          <span className="asm-required" title="Required">
            {" "}
            *
          </span>
        ) : null}
      </h3>
      <details className="asm-help">
        <summary>Why we ask this</summary>
        <p>{t(`q.${question.key}.help`)}</p>
      </details>
      {comments.length ? (
        <ul className="asm-comments" aria-label="Reviewer's comments">
          {comments.map((c) => (
            <li key={c.id}>
              <p className="small muted">
                Reviewer's comment — {c.author_label}, {formatDateTime(c.created_at)}
              </p>
              <p className="asm-comment-body">{c.body}</p>
            </li>
          ))}
        </ul>
      ) : null}
      {conflict ? <ConflictAlert question={question} yours={conflict.yours} theirs={conflict.theirs} t={t} /> : null}
      {question.type !== "evidence" ? (
        <AnswerForm
          key={`${question.key}@${current?.revision ?? 0}`}
          question={question}
          current={current}
          labelId={headingId}
          t={t}
          fetcher={fetcher}
          result={mine}
        />
      ) : null}
      {wantsFiles ? <Evidence question={question} files={files} t={t} fileHref={fileHref} uploadAction={uploadAction} /> : null}
    </article>
  );
}

function ConflictAlert({ question, yours, theirs, t }: { question: Question; yours?: unknown; theirs: StoredAnswerLike; t: Translate }) {
  return (
    <div className="alert error stale" role="alert">
      <p className="alert-title">
        {theirs.updatedBy || "Someone"} saved this answer{theirs.updatedAt ? ` at ${formatDateTime(theirs.updatedAt)}` : ""} while you were
        editing. Their answer is kept; yours was not saved.
      </p>
      <table className="table compare">
        <thead>
          <tr>
            <th scope="col">Yours (not saved)</th>
            <th scope="col">Theirs (kept)</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td className="yours">{answerText(question, yours, t)}</td>
            <td className="theirs">{answerText(question, theirs.value, t)}</td>
          </tr>
        </tbody>
      </table>
      <p className="small">The form now shows their answer. If yours is right, enter it again and save.</p>
    </div>
  );
}

function defaultsOf(question: Question, current: StoredAnswerLike | undefined): AnswerFormInput {
  const v = current?.value ?? null;
  const na = v === NA && question.allowNa;
  let value: AnswerFormInput["value"];
  if (na || v === null) value = question.type === "multi" ? [] : question.type === "yes_no" || question.type === "single" ? null : "";
  else if (Array.isArray(v)) value = v.map(String);
  else value = String(v);
  return { intent: "save", questionKey: question.key, baseRevision: current?.revision ?? 0, value, na, comment: current?.comment ?? "" };
}

interface AnswerFormProps {
  question: Question;
  current: StoredAnswerLike | undefined;
  labelId: string;
  t: Translate;
  fetcher: ReturnType<typeof useFetcher<SaveData>>;
  result: SaveData | undefined;
}

function AnswerForm({ question, current, labelId, t, fetcher, result }: AnswerFormProps) {
  // The schema depends on the question only; the texts do not change while the page is open.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const schema = useMemo(() => answerSchema(question, t), [question.key]);
  const form = useForm<AnswerFormInput, unknown, AnswerFormOutput>({
    resolver: zodResolver(schema),
    defaultValues: defaultsOf(question, current),
    mode: "onSubmit",
  });
  const id = useId();
  const na = Boolean(form.watch("na"));
  const saving = fetcher.state !== "idle";
  const errors = form.formState.errors;
  const error =
    errors.value?.message ??
    errors.na?.message ??
    errors.comment?.message ??
    result?.fieldErrors?.value ??
    result?.fieldErrors?.na ??
    result?.formError;
  const saved = result?.ok && result.revision === current?.revision && !form.formState.isDirty;
  const errorId = `${id}-err`;
  const describedBy = error ? errorId : undefined;
  const onSubmit = form.handleSubmit((_data, event) => {
    const el = event?.target;
    if (el instanceof HTMLFormElement) fetcher.submit(el, { method: "post" });
  });
  return (
    <fetcher.Form method="post" noValidate onSubmit={onSubmit} className="asm-answer-form" aria-labelledby={labelId}>
      <input type="hidden" {...form.register("intent")} />
      <input type="hidden" {...form.register("questionKey")} />
      <input type="hidden" {...form.register("baseRevision")} />
      <div className={`asm-input${error ? " has-error" : ""}${na ? " is-na" : ""}`}>
        <Input
          question={question}
          registration={form.register("value")}
          disabled={na}
          t={t}
          labelId={labelId}
          describedBy={describedBy}
          id={id}
        />
      </div>
      {question.allowNa ? (
        <label className="checkbox asm-na">
          <input type="checkbox" value={NA} {...form.register("na")} />
          {t(`q.${question.key}.na`) === `q.${question.key}.na` ? t("ui.na") : t(`q.${question.key}.na`)}
        </label>
      ) : null}
      <details className="asm-note-field" open={Boolean(current?.comment)}>
        <summary>Note with the answer (optional)</summary>
        <textarea rows={2} maxLength={2000} aria-label="Note with the answer" {...form.register("comment")} />
      </details>
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
      <div className="inline-form">
        <button type="submit" className="button small" disabled={saving}>
          {saving ? "Saving…" : "Save"}
        </button>
        <span className="small muted" role="status">
          {saved
            ? "Saved."
            : form.formState.isDirty
              ? "Not saved yet."
              : current
                ? `Saved by ${current.updatedBy}, ${formatDateTime(current.updatedAt)}`
                : ""}
        </span>
      </div>
    </fetcher.Form>
  );
}

interface InputProps {
  question: Question;
  registration: UseFormRegisterReturn;
  disabled: boolean;
  t: Translate;
  labelId: string;
  describedBy: string | undefined;
  id: string;
}

function Input({ question: q, registration, disabled, t, labelId, describedBy, id }: InputProps) {
  const choice = (key: string, label: string, type: "radio" | "checkbox") => (
    <label key={key} className="asm-choice">
      <input type={type} value={key} disabled={disabled} {...registration} />
      {label}
    </label>
  );
  switch (q.type) {
    case "yes_no":
      return (
        <div role="radiogroup" aria-labelledby={labelId} aria-describedby={describedBy} className="asm-choices inline">
          {choice("yes", t("ui.yes"), "radio")}
          {choice("no", t("ui.no"), "radio")}
        </div>
      );
    case "single":
      return (
        <div role="radiogroup" aria-labelledby={labelId} aria-describedby={describedBy} className="asm-choices">
          {q.options.map((o) => choice(o.key, t(`q.${q.key}.opt.${o.key}`), "radio"))}
        </div>
      );
    case "multi":
      return (
        <div role="group" aria-labelledby={labelId} aria-describedby={describedBy} className="asm-choices">
          <p className="hint small muted">Tick all that apply.</p>
          {q.options.map((o) => choice(o.key, t(`q.${q.key}.opt.${o.key}`), "checkbox"))}
        </div>
      );
    case "number":
    case "percent": {
      const { min, max } = numericBounds(q);
      const unit = q.type === "percent" ? "%" : q.unit ? t(`ui.unit.${q.unit}`) : "";
      return (
        <span className="asm-number">
          <input
            id={id}
            type="number"
            inputMode="decimal"
            min={min}
            max={max}
            step={q.integer ? 1 : "any"}
            disabled={disabled}
            aria-labelledby={labelId}
            aria-describedby={describedBy}
            {...registration}
          />
          {unit ? <span className="asm-unit">{unit}</span> : null}
          {min !== undefined || max !== undefined ? (
            <span className="muted small">
              {min !== undefined && max !== undefined
                ? `${fmt(min)} to ${fmt(max)}`
                : min !== undefined
                  ? `at least ${fmt(min)}`
                  : `at most ${fmt(max ?? 0)}`}
              {q.integer ? ", whole number" : ""}
            </span>
          ) : null}
        </span>
      );
    }
    case "text":
      return (
        <textarea
          id={id}
          rows={3}
          maxLength={q.maxLength ?? 5000}
          disabled={disabled}
          aria-labelledby={labelId}
          aria-describedby={describedBy}
          {...registration}
        />
      );
    case "date":
      return (
        <input
          id={id}
          type="date"
          min="1900-01-01"
          max="2100-12-31"
          disabled={disabled}
          aria-labelledby={labelId}
          aria-describedby={describedBy}
          {...registration}
        />
      );
    case "evidence":
      return null;
  }
}

const NUMBER = new Intl.NumberFormat("en");
const fmt = (n: number) => NUMBER.format(n);

type UploadData = { questionKey?: string; ok?: boolean; message?: string; filename?: string; formError?: string };

function Evidence({
  question,
  files,
  t,
  fileHref,
  uploadAction,
}: {
  question: Question;
  files: FileRef[];
  t: Translate;
  fileHref: (id: number) => string;
  uploadAction: string;
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
