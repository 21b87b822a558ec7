import { useId, type ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { SUPPORTED_LOCALES } from "~/domain/questionnaire/i18n/locale";

/** Staff-facing names of the questionnaire's languages (English first, then the language's own name). */
export const LANGUAGE_LABELS: Record<string, string> = {
  en: "English",
  es: "Spanish (Español)",
  fr: "French (Français)",
  "zh-Hans": "Chinese, Simplified (简体中文)",
};

export function languageLabel(locale: string): string {
  return LANGUAGE_LABELS[locale] ?? locale;
}

/** The questionnaire-language select of the staff forms (start an assessment, invite a supplier). */
export function LanguageSelect({ label, hint, registration }: { label: string; hint?: ReactNode; registration: UseFormRegisterReturn }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? <p className="hint">{hint}</p> : null}
      <select id={id} {...registration}>
        {SUPPORTED_LOCALES.map((l) => (
          <option key={l} value={l}>
            {languageLabel(l)}
          </option>
        ))}
      </select>
    </div>
  );
}
