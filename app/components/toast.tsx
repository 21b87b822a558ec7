// The message a successful form post leaves for the next page ("Supplier saved"). It is announced
// to screen readers, stays for a few seconds (inline: until dismissed), and a new toast replaces it.
import { useEffect, useState } from "react";
import type { Toast as ToastData } from "~/schemas/toast";
import { IconAlert, IconCheck, IconClose, IconInfo } from "./icons";

const ICONS = { success: IconCheck, error: IconAlert, info: IconInfo } as const;

const VISIBLE_MS = 6_000;

// The one word of the toast that is not its message: in the supplier portal's languages.
const DISMISS: Record<string, string> = { en: "Dismiss", fr: "Fermer", es: "Cerrar", "zh-Hans": "关闭" };

/**
 * `lang`: the page's language (the portal's may not be English). `inline`: a banner at the top of the
 * page, in the flow, until dismissed, instead of a card floating over the bottom corner: the supplier
 * portal keeps its save bar there, and a floating card would hide what a keyboard user tabs to.
 */
export function Toast({ toast, lang = "en", inline = false }: { toast: ToastData | null; lang?: string; inline?: boolean }) {
  const [shown, setShown] = useState(toast);
  // A toast stays when the page's data is read again without one (pages that poll do that often);
  // it goes when its time is up, when it is dismissed, or when a new toast replaces it.
  useEffect(() => {
    if (!toast) return;
    setShown(toast);
    if (inline) return;
    const timer = setTimeout(() => setShown(null), VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [toast, inline]);
  return (
    <div className={inline ? "toast-region inline" : "toast-region"} aria-live="polite" aria-atomic="true">
      {shown ? (
        <div className={`toast toast-${shown.kind}`}>
          <ToastIcon kind={shown.kind} />
          <span>{shown.message}</span>
          <button type="button" className="toast-close" aria-label={DISMISS[lang] ?? DISMISS.en} onClick={() => setShown(null)}>
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
