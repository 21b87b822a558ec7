// Figure tokens in a statement's text: `[[figure:suppliers.total]]` prints the figure and links to its
// source. Officers edit the words around the tokens; a token naming no figure is refused on save.
// Pure module: no node, kysely, remix or react imports.
import type { Figure, Paragraph, Segment } from "./types";

const TOKEN = /\[\[figure:([a-z0-9_.]+)\]\]/g;
/** Anything that opens like a token; what TOKEN does not read is a malformed token. */
const OPENER = /\[\[/g;

export function figureToken(key: string): string {
  return `[[figure:${key}]]`;
}

/** The figure keys a text uses, in order of first use. */
export function tokensIn(text: string): string[] {
  const keys: string[] = [];
  for (const m of text.matchAll(TOKEN)) if (!keys.includes(m[1]!)) keys.push(m[1]!);
  return keys;
}

/**
 * What is wrong with a text's tokens, in words a person can act on; null when every token names a
 * known figure. `isKnown` is the catalogue's test (figures.ts isFigureKey).
 */
export function tokenProblem(text: string, isKnown: (key: string) => boolean): string | null {
  const unknown = tokensIn(text).filter((k) => !isKnown(k));
  if (unknown.length) return `Unknown figure ${unknown.map((k) => `"${k}"`).join(", ")}: use a token from the list of figures.`;
  const opened = [...text.matchAll(OPENER)].length;
  const read = [...text.matchAll(TOKEN)].length;
  if (opened !== read) return 'A figure token is not written as [[figure:<key>]]: check every "[[" in the text.';
  return null;
}

/** A text as paragraphs (split on blank lines) of words and figures. */
export function renderText(text: string, figures: Readonly<Record<string, Figure>>): Paragraph[] {
  return text
    .replace(/\r\n/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => {
      const out: Segment[] = [];
      let at = 0;
      for (const m of p.matchAll(TOKEN)) {
        if (m.index > at) out.push({ kind: "text", text: p.slice(at, m.index) });
        const f = figures[m[1]!];
        out.push(f ? { kind: "figure", key: f.key, text: f.text, source: f.source } : { kind: "text", text: m[0] });
        at = m.index + m[0].length;
      }
      if (at < p.length) out.push({ kind: "text", text: p.slice(at) });
      return out;
    });
}

/** A paragraph as plain text (for the DOCX and for tests). */
export function paragraphText(p: Paragraph): string {
  return p.map((s) => s.text).join("");
}
