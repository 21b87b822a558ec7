// Keyset paging: a "next" or "previous" link carries the sort key and id of the row it continues from,
// so the next page is found by an index range ("after this row") instead of counting past every row of
// the pages before it (OFFSET), which grows with the page number. A cursor is text in a URL, so it is
// read back defensively: anything that is not one becomes null and the page falls back to its number.

/** The row a page continues from: its sort key (as text) and its id, the tie-breaker. */
export interface ListCursor {
  key: string;
  id: number;
}

/** `<id>:<key>`: the id first, so the key may hold any character (a colon too). */
export function encodeCursor(c: ListCursor): string {
  return `${c.id}:${c.key}`;
}

/** The cursor in `text`, or null when the text is not one (edited or truncated by hand). */
export function decodeCursor(text: string | null | undefined): ListCursor | null {
  if (!text) return null;
  const m = /^([1-9]\d{0,14}):([\s\S]{0,300})$/.exec(text);
  return m ? { id: Number(m[1]), key: m[2]! } : null;
}
