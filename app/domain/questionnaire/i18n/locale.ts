// Supported languages and language negotiation. Kept apart from the catalogues so that code that
// only needs to pick a language does not pull every catalogue into a browser bundle.
// Pure module: no node, kysely, remix or react imports.

export const SUPPORTED_LOCALES = ["en", "es", "fr", "zh-Hans"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each language's name in that language, for a language switcher. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = {
  en: "English",
  es: "Español",
  fr: "Français",
  "zh-Hans": "简体中文",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

const TRADITIONAL_CHINESE = new Set(["hant", "tw", "hk", "mo"]);

/**
 * The supported locale for a BCP 47 tag ("fr-CA" → fr, "zh-CN" → zh-Hans), with `close` = false
 * when it is only a stand-in: Traditional Chinese readers get Simplified Chinese, but only if they
 * accept no supported language outright.
 */
function match(tag: string): { locale: Locale; close: boolean } | null {
  const parts = tag.trim().toLowerCase().split(/[-_]/);
  const primary = parts[0];
  if (primary === "en" || primary === "es" || primary === "fr") return { locale: primary, close: true };
  if (primary === "zh") return { locale: "zh-Hans", close: !parts.slice(1).some((p) => TRADITIONAL_CHINESE.has(p)) };
  return null;
}

/** A supported locale for a tag such as "zh-CN", "es-419" or "zh-Hans"; null if none fits. */
export function toLocale(tag: string | null | undefined): Locale | null {
  return tag ? (match(tag)?.locale ?? null) : null;
}

const LANGUAGE_RANGE = /^(?:\*|[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*)$/;
const QUALITY = /^q=(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/i;

/**
 * The language to show: `requested` (an explicit choice: the invite's language, a ?lang= switch or
 * a cookie) when supported, else the best supported match of an Accept-Language header in
 * preference order (q-values, then position), else English.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined, requested?: string | null): Locale {
  const explicit = toLocale(requested);
  if (explicit) return explicit;
  if (!acceptLanguage) return DEFAULT_LOCALE;

  const ranges: Array<{ tag: string; q: number; at: number }> = [];
  // Bound the work on hostile headers.
  for (const [at, item] of acceptLanguage.slice(0, 1000).split(",").slice(0, 50).entries()) {
    const [rawTag = "", ...attrs] = item.split(";").map((s) => s.trim());
    if (!LANGUAGE_RANGE.test(rawTag)) continue;
    let q = 1;
    for (const attr of attrs) {
      const m = QUALITY.exec(attr);
      q = m ? Number(m[1]) : -1;
    }
    if (q > 0) ranges.push({ tag: rawTag, q, at });
  }
  ranges.sort((a, b) => b.q - a.q || a.at - b.at);

  let standIn: Locale | null = null;
  for (const { tag } of ranges) {
    const m = match(tag);
    if (!m) continue;
    if (m.close) return m.locale;
    standIn ??= m.locale;
  }
  return standIn ?? DEFAULT_LOCALE;
}
