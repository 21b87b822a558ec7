// A link that exists only in this one response (no mail server: the person who created it passes it
// on). It is never stored where it could be read again, so reloading the page makes it disappear.
import { useState } from "react";

export function CopyOnceLink({ link, label }: { link: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="card copy-once">
      <label htmlFor="copy-once-link">{label}</label>
      <div className="copy-once-row">
        <input id="copy-once-link" type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
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
        {copied ? "Copied. " : ""}Shown only this once: it is not kept in the outbox or anywhere else.
      </p>
    </div>
  );
}
