// Texts of the supplier portal in the browser: the loader sends the texts of one language (already
// with the English fallback applied); this turns them into t(key, params). No catalogue is bundled.
import { interpolate } from "~/domain/questionnaire/i18n/catalogue";

export type Messages = Readonly<Record<string, string>>;
type Params = Readonly<Record<string, string | number>>;

export interface T {
  (key: string, params?: Params): string;
  has(key: string): boolean;
  /** Plural-aware: `${key}.one`, `${key}.other`, … chosen by the language's plural rules. */
  plural(key: string, count: number, params?: Params): string;
  locale: string;
}

export function makeT(messages: Messages, locale: string): T {
  const has = (key: string) => Object.hasOwn(messages, key) && messages[key] !== "";
  const t = ((key: string, params?: Params) => interpolate(has(key) ? messages[key]! : key, params)) as T;
  t.has = has;
  t.locale = locale;
  t.plural = (key, count, params) => {
    const category = new Intl.PluralRules(locale).select(count);
    const k = has(`${key}.${category}`) ? `${key}.${category}` : `${key}.other`;
    return t(k, { count, ...params });
  };
  return t;
}

/** A date and time in the reader's language and time zone (browser only: use after hydration). */
export function formatTime(iso: string, locale: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(d);
}

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
