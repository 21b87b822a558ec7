// All language catalogues. Importing this module pulls in every catalogue: browser code that only
// needs one language should receive that catalogue from its loader instead.
// Pure module: no node, kysely, remix or react imports.
import type { Catalogue, TranslateParams } from "./catalogue";
import { translate, translatePlural } from "./catalogue";
import { en } from "./en";
import { es } from "./es";
import { fr } from "./fr";
import type { Locale } from "./locale";
import { zhHans } from "./zh-Hans";

export * from "./catalogue";
export * from "./locale";
export { en };

/** Every supported language's catalogue; missing keys fall back to English (`en`). */
export const CATALOGUES: Readonly<Record<Locale, Catalogue>> = Object.freeze({
  en,
  es,
  fr,
  "zh-Hans": zhHans,
});

export type Translate = (key: string, params?: TranslateParams) => string;

/** A `t(key, params)` for one language, falling back to English. */
export function translator(locale: Locale): Translate {
  const catalogue = CATALOGUES[locale];
  return (key, params) => translate(catalogue, en, key, params);
}

/** A plural-aware `t(key, count, params)` for one language (keys `${key}.one`, `${key}.other`, …). */
export function pluralTranslator(locale: Locale): (key: string, count: number, params?: TranslateParams) => string {
  const catalogue = CATALOGUES[locale];
  return (key, count, params) => translatePlural(catalogue, en, locale, key, count, params);
}
