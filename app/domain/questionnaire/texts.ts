// The translation function every question display uses (the officer's pages in English, the
// supplier portal in four languages): t(key, params), whether a key has a text, plurals, and the
// language (for numbers and dates). Built from the texts a loader sent (`messagesT`) or, on the
// server, from a whole catalogue (`languageT` in ./language-texts).
import { interpolate, type TranslateParams } from "./i18n/catalogue";

export interface T {
  (key: string, params?: TranslateParams): string;
  has(key: string): boolean;
  /** Plural-aware: `${key}.one`, `${key}.other`, … chosen by the language's plural rules. */
  plural(key: string, count: number, params?: TranslateParams): string;
  locale: string;
}

export type Messages = Readonly<Record<string, string>>;

/** A `T` over the texts of one language the loader sent (already with the English fallback applied). */
export function messagesT(messages: Messages, locale: string): T {
  const has = (key: string) => Object.hasOwn(messages, key) && messages[key] !== "";
  const t = ((key: string, params?: TranslateParams) => interpolate(has(key) ? messages[key]! : key, params)) as T;
  t.has = has;
  t.locale = locale;
  t.plural = (key, count, params) => {
    const category = new Intl.PluralRules(locale).select(count);
    const k = has(`${key}.${category}`) ? `${key}.${category}` : `${key}.other`;
    return t(k, { count, ...params });
  };
  return t;
}
