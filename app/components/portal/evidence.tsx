// Supporting documents of one question: what is asked for, the files already attached (download
// links, Remove, their type, validity and the reviewer's decision), the type of the next document and
// until when it is valid, and a file input that uploads at once. Refusals (too large, wrong type, a
// date in the past) are shown in the reader's language; the server decides the type by the content.
// Every control question takes documents; where none is asked for, the box starts folded.
import { useState } from "react";
import { EVIDENCE_KINDS, type Question } from "~/domain/questionnaire/types";
import { defaultEvidenceKind } from "~/domain/questionnaire/evidence";
import { questionId } from "~/components/question/types";
import { formatSize, type T } from "./i18n";

export interface PortalFile {
  id: number;
  questionKey: string;
  filename: string;
  size: number;
  kind: string | null;
  /** The date until which it is valid, already written in the reader's language; null = no end date. */
  validUntil: string | null;
  status: "pending" | "accepted" | "rejected";
  /** The reviewer's reason, shown when the document was not accepted. */
  reason: string | null;
}

/** A document's type, validity and review status, one line each (the portal and the read-only copy show it). */
export function FileFacts({ f, t, buyer }: { f: PortalFile; t: T; buyer: string }) {
  return (
    <span className="portal-file-facts small">
      {f.kind ? <span>{t(`ui.evidence.kind.${f.kind}`)}</span> : null}
      {f.validUntil ? <span>{t("ui.evidence.valid_until", { date: f.validUntil })}</span> : null}
      <span className={`portal-file-status ${f.status}`}>
        {f.status === "pending"
          ? t("ui.evidence.status.pending")
          : f.status === "accepted"
            ? t("ui.evidence.status.accepted", { buyer })
            : t("ui.evidence.status.rejected", { buyer, reason: f.reason ?? "" })}
      </span>
    </span>
  );
}

/** What the portal page knows that every question's documents need. */
export interface EvidencePage {
  /** The questions that take documents (every control question): the portal's template carries no weights. */
  takesDocuments: readonly string[];
  assessmentId: number;
  maxBytes: number;
  /** The buying organization: who accepts or rejects the documents. */
  orgName: string;
  today: string;
}

/**
 * The documents of one question when it takes any: asked for (`requested`), already attached, or a
 * control question (folded until opened). Null otherwise.
 */
export function PortalEvidence(props: {
  q: Question;
  t: T;
  page: EvidencePage;
  files: readonly PortalFile[];
  requested: boolean;
  onChanged: () => void;
}) {
  const { q, page } = props;
  const offered = page.takesDocuments.includes(q.key);
  if (!props.requested && !props.files.length && !offered) return null;
  return (
    <EvidenceBox
      q={q}
      t={props.t}
      assessmentId={page.assessmentId}
      files={props.files}
      editable
      maxBytes={page.maxBytes}
      inputId={`${questionId(q.key)}-file`}
      onChanged={props.onChanged}
      buyer={page.orgName}
      today={page.today}
      folded={!props.requested && !props.files.length}
    />
  );
}

// What the file picker offers; the server still checks every file's content.
const ACCEPT = ".pdf,.png,.jpg,.jpeg,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,application/pdf,image/png,image/jpeg,image/webp";

export function EvidenceBox(props: {
  q: Question;
  t: T;
  assessmentId: number;
  files: readonly PortalFile[];
  editable: boolean;
  maxBytes: number;
  inputId: string;
  onChanged: () => void;
  /** The buying organization: who accepts or rejects the documents. */
  buyer: string;
  /** Today (yyyy-mm-dd, UTC): the earliest "valid until" date. */
  today: string;
  /** Folded behind a summary: no document is asked for, but one would back the answer. */
  folded: boolean;
}) {
  const { q, t, files, editable } = props;
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [kind, setKind] = useState<string>(defaultEvidenceKind(q));
  const [validUntil, setValidUntil] = useState("");
  const required = q.evidence?.required ?? false;
  const hintId = `${props.inputId}-hint`;

  async function upload(file: File) {
    setMessage(null);
    if (typeof navigator !== "undefined" && !navigator.onLine) return setMessage({ ok: false, text: t("ui.upload.offline") });
    if (file.size > props.maxBytes) return setMessage({ ok: false, text: t("ui.upload.too_large", { name: file.name }) });
    if (validUntil && validUntil < props.today) return setMessage({ ok: false, text: t("ui.evidence.valid_until_past") });
    setBusy(file.name);
    const body = new FormData();
    body.set("assessmentId", String(props.assessmentId));
    body.set("questionKey", q.key);
    body.set("kind", kind);
    body.set("validUntil", validUntil);
    body.set("file", file);
    try {
      const res = await fetch("/s/portal/files", { method: "POST", body, headers: { Accept: "application/json" } });
      const data = (await res.json().catch(() => ({}))) as { messageKey?: string; params?: Record<string, string | number> };
      if (res.ok) {
        setMessage({ ok: true, text: t("ui.upload.done", { name: file.name }) });
        setValidUntil("");
      } else if (res.status === 401) setMessage({ ok: false, text: t("ui.portal.session_expired") });
      else setMessage({ ok: false, text: t(data.messageKey ?? "ui.upload.failed", { name: file.name, ...data.params }) });
      props.onChanged();
    } catch {
      setMessage({ ok: false, text: t("ui.upload.offline") });
    } finally {
      setBusy(null);
    }
  }

  async function remove(f: PortalFile) {
    if (!window.confirm(t("ui.upload.remove_confirm", { name: f.filename }))) return;
    const body = new FormData();
    body.set("assessmentId", String(props.assessmentId));
    body.set("intent", "remove");
    try {
      const res = await fetch(`/s/portal/files/${f.id}`, { method: "POST", body, headers: { Accept: "application/json" } });
      if (!res.ok) {
        const data = (await res.json().catch(() => ({}))) as { messageKey?: string };
        setMessage({
          ok: false,
          text: t(res.status === 401 ? "ui.portal.session_expired" : (data.messageKey ?? "ui.upload.failed"), { name: f.filename }),
        });
      } else setMessage(null);
      props.onChanged();
    } catch {
      setMessage({ ok: false, text: t("ui.upload.offline") });
    }
  }

  const rejected = files.some((f) => f.status === "rejected");
  const body = (
    <>
      {t.has(`q.${q.key}.evidence`) ? <p>{t("ui.evidence.requested", { what: t(`q.${q.key}.evidence`) })}</p> : null}
      {props.folded ? <p>{t("ui.evidence.backs_answer")}</p> : null}
      {editable ? (
        <p className="hint" id={hintId}>
          {t(required ? "ui.evidence.required" : "ui.evidence.optional")} {t("ui.upload.allowed")} {t("ui.evidence.hide_personal_data")}
        </p>
      ) : null}
      <FileList t={t} files={files} buyer={props.buyer} onRemove={editable ? (f) => void remove(f) : null} />
      {editable && rejected ? <p className="small">{t("ui.evidence.rejected_next")}</p> : null}
      {editable ? (
        <MetaFields
          t={t}
          inputId={props.inputId}
          today={props.today}
          kind={kind}
          setKind={setKind}
          validUntil={validUntil}
          setValidUntil={setValidUntil}
        />
      ) : null}
      {editable ? (
        <UploadButton t={t} inputId={props.inputId} hintId={hintId} more={files.length > 0} busy={busy !== null} onFile={upload} />
      ) : null}
      <p className={message && !message.ok ? "field-error" : "portal-q-status"} aria-live="polite">
        {busy ? t("ui.upload.uploading", { name: busy }) : (message?.text ?? "")}
      </p>
    </>
  );
  if (props.folded) {
    return (
      <details className="portal-evidence portal-evidence-folded">
        <summary className="portal-evidence-title">{t("ui.evidence.add")}</summary>
        {body}
      </details>
    );
  }
  return (
    <div className="portal-evidence">
      <p className="portal-evidence-title">{t("ui.evidence.label")}</p>
      {body}
    </div>
  );
}

function FileList(props: { t: T; files: readonly PortalFile[]; buyer: string; onRemove: ((f: PortalFile) => void) | null }) {
  const { t, files, onRemove } = props;
  if (!files.length) return null;
  return (
    <ul className="portal-files">
      {files.map((f) => (
        <li key={f.id}>
          <a href={`/s/portal/files/${f.id}`} download={f.filename}>
            {f.filename}
          </a>{" "}
          <span className="muted small">({formatSize(f.size, t.locale)})</span>
          <FileFacts f={f} t={t} buyer={props.buyer} />
          {onRemove ? (
            <button type="button" className="button secondary small" onClick={() => onRemove(f)}>
              {t("ui.upload.remove")}
              <span className="sr-only"> {f.filename}</span>
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The next document's type (default: what the question asks for) and the date until which it is valid. */
function MetaFields(p: {
  t: T;
  inputId: string;
  today: string;
  kind: string;
  setKind: (kind: string) => void;
  validUntil: string;
  setValidUntil: (day: string) => void;
}) {
  const { t, inputId } = p;
  return (
    <div className="portal-evidence-meta">
      <div className="portal-evidence-field">
        <label htmlFor={`${inputId}-kind`}>{t("ui.evidence.kind_label")}</label>
        <select id={`${inputId}-kind`} value={p.kind} onChange={(e) => p.setKind(e.currentTarget.value)}>
          {EVIDENCE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`ui.evidence.kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="portal-evidence-field">
        <label htmlFor={`${inputId}-valid`}>{t("ui.evidence.valid_until_label")}</label>
        <input
          id={`${inputId}-valid`}
          type="date"
          min={p.today}
          value={p.validUntil}
          aria-describedby={`${inputId}-valid-hint`}
          onChange={(e) => p.setValidUntil(e.currentTarget.value)}
        />
        <p className="hint small" id={`${inputId}-valid-hint`}>
          {t("ui.evidence.valid_until_hint")}
        </p>
      </div>
    </div>
  );
}

function UploadButton(p: { t: T; inputId: string; hintId: string; more: boolean; busy: boolean; onFile: (file: File) => Promise<void> }) {
  return (
    <div className="portal-upload">
      <label htmlFor={p.inputId} className="button secondary portal-big">
        {p.more ? p.t("ui.upload.more") : p.t("ui.upload")}
      </label>
      <input
        id={p.inputId}
        type="file"
        accept={ACCEPT}
        className="portal-file-input"
        aria-describedby={p.hintId}
        disabled={p.busy}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = "";
          if (file) void p.onFile(file);
        }}
      />
    </div>
  );
}
