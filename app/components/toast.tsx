// The message a successful form post leaves for the next page ("Supplier saved"). It is announced
// to screen readers, stays for a few seconds or until dismissed, and a new toast replaces it.
import { useEffect, useState } from "react";
import type { Toast as ToastData } from "~/schemas/toast";
import { IconAlert, IconCheck, IconClose, IconInfo } from "./icons";

const ICONS = { success: IconCheck, error: IconAlert, info: IconInfo } as const;

const VISIBLE_MS = 6_000;

export function Toast({ toast }: { toast: ToastData | null }) {
  const [shown, setShown] = useState(toast);
  // A toast stays when the page's data is read again without one (pages that poll do that often);
  // it goes when its time is up, when it is dismissed, or when a new toast replaces it.
  useEffect(() => {
    if (!toast) return;
    setShown(toast);
    const timer = setTimeout(() => setShown(null), VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [toast]);
  return (
    <div className="toast-region" aria-live="polite" aria-atomic="true">
      {shown ? (
        <div className={`toast toast-${shown.kind}`}>
          <ToastIcon kind={shown.kind} />
          <span>{shown.message}</span>
          <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => setShown(null)}>
            <IconClose className="icon" />
          </button>
        </div>
      ) : null}
    </div>
  );
}

function ToastIcon({ kind }: { kind: ToastData["kind"] }) {
  const Icon = ICONS[kind];
  return <Icon className="icon toast-icon" />;
}
