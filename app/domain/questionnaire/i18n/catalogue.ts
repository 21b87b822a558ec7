// Language catalogues: flat maps from a key to a text with {name} placeholders. English is the
// reference and the fallback; a new language is a new file with the same keys.
// Pure module: no node, kysely, remix or react imports.
import { FLAG_INDICATORS, PRINCIPLES, type Question, type QuestionnaireTemplate } from "~/domain/questionnaire/types";

export type Catalogue = Record<string, string>;
export type TranslateParams = Readonly<Record<string, string | number>>;

/** The catalogue keys of template texts. */
export const textKeys = {
  templateTitle: (templateKey: string) => `t.${templateKey}.title`,
  templateIntro: (templateKey: string) => `t.${templateKey}.intro`,
  sectionTitle: (sectionKey: string) => `s.${sectionKey}.title`,
  sectionIntro: (sectionKey: string) => `s.${sectionKey}.intro`,
  questionText: (questionKey: string) => `q.${questionKey}.text`,
  questionHelp: (questionKey: string) => `q.${questionKey}.help`,
  questionEvidence: (questionKey: string) => `q.${questionKey}.evidence`,
  /** The label of the "not applicable" choice of this question. */
  questionNa: (questionKey: string) => `q.${questionKey}.na`,
  option: (questionKey: string, optionKey: string) => `q.${questionKey}.opt.${optionKey}`,
  iloIndicator: (indicator: string) => `ilo.${indicator}`,
  principle: (principle: string) => `principle.${principle}`,
  unit: (unit: string) => `ui.unit.${unit}`,
} as const;

function lookup(catalogue: Catalogue, key: string): string | undefined {
  // Own, non-empty entries only: "constructor" or "" must not count as a translation.
  if (!Object.hasOwn(catalogue, key)) return undefined;
  const text = catalogue[key];
  return typeof text === "string" && text !== "" ? text : undefined;
}

/**
 * Replaces {name} with params.name; unknown placeholders stay as they are. A value that ends with a
 * full stop ("Golden Thread Co., Ltd.") swallows the sentence's own full stop right after it, so a
 * name never ends a sentence with "..".
 */
export function interpolate(text: string, params?: TranslateParams): string {
  if (!params) return text;
  return text.replace(/\{([A-Za-z0-9_]+)\}(\.?)/g, (whole, name: string, stop: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = String(params[name]);
    return stop && value.endsWith(".") ? value : value + stop;
  });
}

/** The text for `key`, from `catalogue`, else from `fallback` (English), else the key itself. */
export function translate(catalogue: Catalogue, fallback: Catalogue, key: string, params?: TranslateParams): string {
  return interpolate(lookup(catalogue, key) ?? lookup(fallback, key) ?? key, params);
}

/**
 * Plural-aware text: looks up `${key}.${category}` (category from Intl.PluralRules for the locale:
 * zero, one, two, few, many, other), then `${key}.other`. {count} is set to `count`.
 */
export function translatePlural(
  catalogue: Catalogue,
  fallback: Catalogue,
  locale: string,
  key: string,
  count: number,
  params?: TranslateParams,
): string {
  const all = { count, ...params };
  const own = lookup(catalogue, `${key}.${new Intl.PluralRules(locale).select(count)}`) ?? lookup(catalogue, `${key}.other`);
  if (own !== undefined) return interpolate(own, all);
  const english = lookup(fallback, `${key}.${new Intl.PluralRules("en").select(count)}`) ?? lookup(fallback, `${key}.other`);
  return interpolate(english ?? key, all);
}

/** The placeholder names used in a text, sorted ("{min} to {max}" → ["max", "min"]). */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]!))].sort();
}

function questionKeys(q: Question): string[] {
  const keys = [textKeys.questionText(q.key), textKeys.questionHelp(q.key)];
  if (q.evidence) keys.push(textKeys.questionEvidence(q.key));
  if (q.allowNa) keys.push(textKeys.questionNa(q.key));
  if (q.type === "single" || q.type === "multi") for (const o of q.options) keys.push(textKeys.option(q.key, o.key));
  if (q.type === "yes_no") keys.push("ui.yes", "ui.no");
  if ((q.type === "number" || q.type === "percent") && q.unit) keys.push(textKeys.unit(q.unit));
  return keys;
}

/** Every catalogue key a template needs, in template order, without duplicates. */
export function catalogueKeys(template: QuestionnaireTemplate): string[] {
  const keys = [template.title, template.intro];
  for (const section of template.sections) {
    keys.push(textKeys.sectionTitle(section.key), textKeys.sectionIntro(section.key));
    for (const q of section.questions) keys.push(...questionKeys(q));
  }
  return [...new Set(keys)];
}

/**
 * Keys shared by every template and the buyer-side screens: the names of what a red flag can name
 * (the ILO indicators, child labour, state-imposed labour; all under "ilo.") and of the principles.
 */
export function commonKeys(): string[] {
  return [...FLAG_INDICATORS.map(textKeys.iloIndicator), ...PRINCIPLES.map(textKeys.principle)];
}
