// Texts of the supplier portal in the browser: the loader sends the texts of one language (already
// with the English fallback applied); this turns them into t(key, params). No catalogue is bundled.
import { messagesT } from "~/domain/questionnaire/texts";

export type { Messages, T } from "~/domain/questionnaire/texts";

/** t(key, params) over the texts the loader sent (one language, English fallback applied). */
export const makeT = messagesT;

/** A time of day in the reader's language ("14:05", "2:05 PM"; browser only). */
export function formatClock(iso: string, locale: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(locale, { timeStyle: "short" }).format(d);
}

/** A file size such as "2.4 MB" in the reader's language. */
export function formatSize(bytes: number, locale: string): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / 1024 / 1024, "megabyte"] : [Math.max(1, Math.round(bytes / 1024)), "kilobyte"];
  return new Intl.NumberFormat(locale, { style: "unit", unit, maximumFractionDigits: 1 }).format(value);
}
