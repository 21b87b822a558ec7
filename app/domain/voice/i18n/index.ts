// The worker-voice catalogues: English is the source; every other language is marked "translation to
// be reviewed" in the app until a native speaker has checked it (REVIEWED lists the checked ones).
import { BN } from "./bn";
import { EN, type VoiceKey } from "./en";
import { ES } from "./es";
import { FR } from "./fr";
import { VI } from "./vi";
import { ZH_HANS } from "./zh-Hans";

export const VOICE_LANGUAGES = ["en", "es", "fr", "zh-Hans", "bn", "vi"] as const;
export type VoiceLanguage = (typeof VOICE_LANGUAGES)[number];

export const CATALOGUES: Readonly<Record<VoiceLanguage, Readonly<Record<VoiceKey, string>>>> = {
  en: EN,
  es: ES,
  fr: FR,
  "zh-Hans": ZH_HANS,
  bn: BN,
  vi: VI,
};

/** Languages a native speaker has checked. Only the source language so far. */
export const REVIEWED: ReadonlySet<VoiceLanguage> = new Set(["en"]);

export function isVoiceLanguage(v: unknown): v is VoiceLanguage {
  return typeof v === "string" && (VOICE_LANGUAGES as readonly string[]).includes(v);
}

/** The language asked for (a query parameter or form field), else English. */
export function voiceLanguage(v: unknown): VoiceLanguage {
  return isVoiceLanguage(v) ? v : "en";
}

export type VoiceT = (key: VoiceKey, params?: Record<string, string | number>) => string;

export function voiceT(lang: VoiceLanguage): VoiceT {
  const cat = CATALOGUES[lang];
  return (key, params) => {
    const text = cat[key] ?? EN[key];
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
  };
}
