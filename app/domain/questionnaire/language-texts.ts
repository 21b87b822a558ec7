// A `T` over a whole language catalogue (English fallback), for server code that writes answers as
// text (action notes, risk explanations). Browser code gets its texts from a loader instead: this
// module pulls in every catalogue.
import { CATALOGUES, en, translate, translatePlural, type Locale } from "./i18n";
import type { T } from "./texts";

export function languageT(locale: Locale): T {
  const catalogue = CATALOGUES[locale];
  const own = (key: string) => (Object.hasOwn(catalogue, key) && catalogue[key] !== "") || (Object.hasOwn(en, key) && en[key] !== "");
  const t = ((key, params) => translate(catalogue, en, key, params)) as T;
  t.has = own;
  t.locale = locale;
  t.plural = (key, count, params) => translatePlural(catalogue, en, locale, key, count, params);
  return t;
}
