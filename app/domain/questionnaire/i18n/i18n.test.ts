import { describe, expect, it } from "vitest";
import { ATHENS_V1 } from "~/domain/questionnaire/athens-v1";
import {
  CATALOGUES,
  LOCALE_NAMES,
  SUPPORTED_LOCALES,
  catalogueKeys,
  en,
  interpolate,
  isLocale,
  negotiateLocale,
  placeholders,
  pluralTranslator,
  toLocale,
  translate,
  translatePlural,
  translator,
} from "./index";

describe("translate", () => {
  const fr = { "ui.save": "Enregistrer", "ui.section.position": "Section {n} sur {total}", empty: "" };

  it("uses the catalogue, then English, then the key", () => {
    expect(translate(fr, en, "ui.save")).toBe("Enregistrer");
    expect(translate(fr, en, "ui.submit")).toBe("Submit");
    expect(translate(fr, en, "ui.nope")).toBe("ui.nope");
    expect(translate(fr, en, "empty")).toBe("empty"); // an empty entry is not a translation
    expect(translate({}, {}, "constructor")).toBe("constructor"); // no prototype lookups
  });

  it("interpolates {name} placeholders", () => {
    expect(translate(fr, en, "ui.section.position", { n: 2, total: 8 })).toBe("Section 2 sur 8");
    expect(translate({}, en, "ui.progress.answered", { percent: 40 })).toBe("40% answered");
    expect(interpolate("{a} and {b}", { a: "x" })).toBe("x and {b}");
    // A name ending in a full stop ends the sentence once, not twice.
    expect(interpolate("Sent to {buyer}.", { buyer: "Golden Thread Co., Ltd." })).toBe("Sent to Golden Thread Co., Ltd.");
    expect(interpolate("Sent to {buyer}. Thanks.", { buyer: "Acme Ltd" })).toBe("Sent to Acme Ltd. Thanks.");
    expect(interpolate("{a}", { a: "{b}", b: "no" })).toBe("{b}"); // no double expansion
    expect(placeholders("Enter a number between {min} and {max}")).toEqual(["max", "min"]);
  });

  it("chooses plural forms by language", () => {
    const frCat = { "ui.evidence.files.one": "{count} fichier joint", "ui.evidence.files.other": "{count} fichiers joints" };
    expect(translatePlural(frCat, en, "fr", "ui.evidence.files", 0)).toBe("0 fichier joint"); // French: 0 is singular
    expect(translatePlural(frCat, en, "fr", "ui.evidence.files", 2)).toBe("2 fichiers joints");
    expect(translatePlural({}, en, "en", "ui.evidence.files", 1)).toBe("1 file attached");
    expect(translatePlural({}, en, "en", "ui.evidence.files", 0)).toBe("0 files attached");
    expect(translatePlural({ "k.other": "{count} 个" }, en, "zh-Hans", "k", 1)).toBe("1 个");
  });

  it("gives a translator per locale that falls back to English", () => {
    expect(translator("en")("ui.yes")).toBe("Yes");
    for (const l of SUPPORTED_LOCALES) expect(translator(l)("ui.yes")).toBeTruthy();
    expect(pluralTranslator("en")("ui.missing.count", 3)).toBe("3 items still need your attention");
  });

  it("lists the template keys in order, without duplicates", () => {
    const keys = catalogueKeys(ATHENS_V1);
    expect(keys[0]).toBe("t.athens-fl.title");
    expect(keys).toContain("q.p1.documents_holder.opt.employer_keeps");
    expect(keys).toContain("q.p4.housing_standards.na");
    expect(keys).toContain("q.p1.written_policy.evidence");
    expect(keys).toContain("ui.unit.hours_per_week");
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("uses the same placeholders in every English plural pair", () => {
    for (const k of Object.keys(en).filter((k) => k.endsWith(".one"))) {
      const other = `${k.slice(0, -4)}.other`;
      expect(en[other], other).toBeTruthy();
      expect(placeholders(en[k]!)).toEqual(placeholders(en[other]!));
    }
  });
});

describe("locales", () => {
  it("supports en, es, fr and zh-Hans with their own names", () => {
    expect(SUPPORTED_LOCALES).toEqual(["en", "es", "fr", "zh-Hans"]);
    expect(LOCALE_NAMES).toEqual({ en: "English", es: "Español", fr: "Français", "zh-Hans": "简体中文" });
    expect(Object.keys(CATALOGUES)).toEqual(["en", "es", "fr", "zh-Hans"]);
    expect(isLocale("zh-Hans")).toBe(true);
    expect(isLocale("zh")).toBe(false);
  });

  it("maps tags to supported locales", () => {
    expect(toLocale("fr-CA")).toBe("fr");
    expect(toLocale("es-419")).toBe("es");
    expect(toLocale("zh-CN")).toBe("zh-Hans");
    expect(toLocale("zh_hans_SG")).toBe("zh-Hans");
    expect(toLocale("de")).toBeNull();
    expect(toLocale(undefined)).toBeNull();
  });

  it("prefers an explicit request, then Accept-Language by quality, then English", () => {
    expect(negotiateLocale("fr-FR,fr;q=0.9,en;q=0.8", "es")).toBe("es");
    expect(negotiateLocale("fr-FR,fr;q=0.9,en;q=0.8", "xx")).toBe("fr");
    expect(negotiateLocale("de-DE,de;q=0.9,es;q=0.5,en;q=0.4")).toBe("es");
    expect(negotiateLocale("en;q=0.2, zh-CN;q=0.9")).toBe("zh-Hans");
    expect(negotiateLocale("fr;q=0, es")).toBe("es");
    expect(negotiateLocale("fr;q=0")).toBe("en");
    expect(negotiateLocale("*")).toBe("en");
    expect(negotiateLocale("")).toBe("en");
    expect(negotiateLocale(null)).toBe("en");
    expect(negotiateLocale("de, it")).toBe("en");
    expect(negotiateLocale("fr;q=abc, es;q=0.5")).toBe("es"); // malformed q-value is ignored
    expect(negotiateLocale("<script>, fr")).toBe("fr");
  });

  it("serves Traditional Chinese readers Simplified Chinese only when nothing else fits", () => {
    expect(negotiateLocale("zh-TW")).toBe("zh-Hans");
    expect(negotiateLocale("zh-Hant-HK, en;q=0.5")).toBe("en");
    expect(negotiateLocale("zh-TW, zh;q=0.8")).toBe("zh-Hans");
  });

  it("bounds the work on huge headers", () => {
    expect(negotiateLocale(`${"de,".repeat(10_000)}fr`)).toBe("en");
  });
});
