// The PDF embeds Inter from the installed @fontsource/inter package, which ships one file per script
// subset (latin, latin-ext, vietnamese, cyrillic, greek) with the code points each covers (its CSS
// unicode-range). A name like "Đồng Nai" needs three of them, so text is cut into runs that each one
// file can draw; a character none covers falls back to the first subset (drawn as a missing glyph
// rather than dropped).
// Pure module: no node, kysely, remix or react imports.

export interface Subset {
  name: string;
  /** Inclusive code point ranges. */
  ranges: ReadonlyArray<readonly [number, number]>;
}

/** "U+0000-00FF,U+0131" → [[0, 255], [305, 305]]. */
export function parseUnicodeRange(css: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const part of css.split(",")) {
    const m = /^\s*U\+([0-9A-Fa-f]+)(?:-([0-9A-Fa-f]+))?\s*$/.exec(part);
    if (!m) continue;
    const lo = parseInt(m[1]!, 16);
    out.push([lo, m[2] ? parseInt(m[2], 16) : lo]);
  }
  return out;
}

function covers(s: Subset, cp: number): boolean {
  return s.ranges.some(([lo, hi]) => cp >= lo && cp <= hi);
}

/** Cuts `text` into runs, each with the first subset (in the given order) that covers all its characters. */
export function fontRuns(text: string, subsets: readonly Subset[]): Array<{ subset: string; text: string }> {
  const first = subsets[0];
  // Most text is plain Latin: one run, without looking at each character.
  if (first && /^[\u0020-\u007e]*$/.test(text) && covers(first, 0x20) && covers(first, 0x7e)) return [{ subset: first.name, text }];
  const out: Array<{ subset: string; text: string }> = [];
  const fallback = first?.name ?? "";
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    // Spaces and punctuation stay in the current run, so a run changes only where it must.
    const last = out[out.length - 1];
    const current = last ? subsets.find((s) => s.name === last.subset) : undefined;
    const name = current && covers(current, cp) ? current.name : (subsets.find((s) => covers(s, cp))?.name ?? fallback);
    if (last && last.subset === name) last.text += ch;
    else out.push({ subset: name, text: ch });
  }
  return out;
}
