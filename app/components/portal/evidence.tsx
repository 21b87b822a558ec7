// Supporting documents of one question: what is asked for, the files already attached (download
// links, Remove) and a file input that uploads at once. Refusals (too large, wrong type) are shown in
// the reader's language; the server decides the type by the content.
import { useState } from "react";
import type { Question } from "~/domain/questionnaire/types";
import { formatSize, type T } from "./i18n";

export interface PortalFile {
  id: number;
  questionKey: string;
  filename: string;
  size: number;
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
}) {
  const { q, t, files, editable } = props;
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const required = q.evidence?.required ?? false;
  const hintId = `${props.inputId}-hint`;

  async function upload(file: File) {
    setMessage(null);
    if (typeof navigator !== "undefined" && !navigator.onLine) return setMessage({ ok: false, text: t("ui.upload.offline") });
    if (file.size > props.maxBytes) return setMessage({ ok: false, text: t("ui.upload.too_large", { name: file.name }) });
    setBusy(file.name);
    const body = new FormData();
    body.set("assessmentId", String(props.assessmentId));
    body.set("questionKey", q.key);
    body.set("file", file);
    try {
      const res = await fetch("/s/portal/files", { method: "POST", body, headers: { Accept: "application/json" } });
      const data = (await res.json().catch(() => ({}))) as { messageKey?: string; params?: Record<string, string | number> };
      if (res.ok) setMessage({ ok: true, text: t("ui.upload.done", { name: file.name }) });
      else if (res.status === 401) setMessage({ ok: false, text: t("ui.portal.session_expired") });
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

  return (
    <div className="portal-evidence">
      <p className="portal-evidence-title">{t("ui.evidence.label")}</p>
      {t.has(`q.${q.key}.evidence`) ? <p>{t("ui.evidence.requested", { what: t(`q.${q.key}.evidence`) })}</p> : null}
      {editable ? (
        <p className="hint" id={hintId}>
          {t(required ? "ui.evidence.required" : "ui.evidence.optional")} {t("ui.upload.allowed")} {t("ui.evidence.hide_personal_data")}
        </p>
      ) : null}
      {files.length ? (
        <ul className="portal-files">
          {files.map((f) => (
            <li key={f.id}>
              <a href={`/s/portal/files/${f.id}`} download={f.filename}>
                {f.filename}
              </a>{" "}
              <span className="muted small">({formatSize(f.size, t.locale)})</span>
              {editable ? (
                <button type="button" className="button secondary small" onClick={() => void remove(f)}>
                  {t("ui.upload.remove")}
                  <span className="sr-only"> {f.filename}</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {editable ? (
        <div className="portal-upload">
          <label htmlFor={props.inputId} className="button secondary portal-big">
            {files.length ? t("ui.upload.more") : t("ui.upload")}
          </label>
          <input
            id={props.inputId}
            type="file"
            accept={ACCEPT}
            className="portal-file-input"
            aria-describedby={hintId}
            disabled={busy !== null}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = "";
              if (file) void upload(file);
            }}
          />
        </div>
      ) : null}
      <p className={message && !message.ok ? "field-error" : "portal-q-status"} aria-live="polite">
        {busy ? t("ui.upload.uploading", { name: busy }) : (message?.text ?? "")}
      </p>
    </div>
  );
}
