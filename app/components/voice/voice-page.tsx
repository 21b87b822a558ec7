// Shared pieces of the worker-voice pages: the language links (plain links, no JavaScript, no cookie)
// and the "translation to be reviewed" note.
import type { ReactNode } from "react";
import type { VoiceKey } from "~/domain/voice/i18n/en";

export type Texts = Record<VoiceKey, string>;

export function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function VoicePage(props: {
  lang: string;
  texts: Texts;
  reviewed: boolean;
  languages: Array<{ code: string; name: string }>;
  path: string;
  children: ReactNode;
}) {
  const { lang, texts, reviewed, languages, path, children } = props;
  return (
    <main>
      <nav className="langs" aria-label={texts["lang.choose"]}>
        {languages.map((l) => (
          <a
            key={l.code}
            href={`${path}?lang=${l.code}`}
            lang={l.code}
            hrefLang={l.code}
            aria-current={l.code === lang ? "true" : undefined}
          >
            {l.name}
          </a>
        ))}
      </nav>
      {reviewed ? null : <p className="review">{texts["page.review"]}</p>}
      {children}
    </main>
  );
}
