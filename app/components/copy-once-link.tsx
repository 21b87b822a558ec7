// A link or a secret that exists only in this one response (no mail server, or a key Lantern keeps only a
// digest of): it is never stored where it could be read again, so reloading the page makes it disappear.
import { useState } from "react";

const NOT_KEPT = "Shown only this once: it is not kept in the outbox or anywhere else.";

/** `note` says what happens to the value now; `id` names the field when a page shows more than one. */
export function CopyOnceLink({
  link,
  label,
  note = NOT_KEPT,
  id = "copy-once-link",
}: {
  link: string;
  label: string;
  note?: string;
  id?: string;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="card copy-once">
      <label htmlFor={id}>{label}</label>
      <div className="copy-once-row">
        <input id={id} type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            navigator.clipboard?.writeText(link).then(
              () => setCopied(true),
              () => setCopied(false),
            );
          }}
        >
          Copy
        </button>
      </div>
      <p className="small muted" aria-live="polite">
        {copied ? "Copied. " : ""}
        {note}
      </p>
    </div>
  );
}
