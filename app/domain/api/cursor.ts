// The API list's cursor: opaque to the client, it carries the sort it was made for and where the next
// page starts — after a row (the sorts with a keyset: name, country, updated) or at a page number
// (the others). Pure; read back defensively, as anything in a URL.

export interface ApiCursor {
  sort: string;
  dir: "asc" | "desc";
  /** The list cursor ("<id>:<key>") the next page follows, for keyset sorts. */
  after?: string;
  /** The 1-based page number, for the other sorts. */
  page?: number;
}

export function encodeApiCursor(c: ApiCursor): string {
  const json = JSON.stringify({ s: c.sort, d: c.dir, ...(c.after !== undefined ? { a: c.after } : { p: c.page ?? 1 }) });
  return btoa(unescape(encodeURIComponent(json)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

export function decodeApiCursor(text: string): ApiCursor | null {
  try {
    const json = decodeURIComponent(escape(atob(text.replace(/-/g, "+").replace(/_/g, "/"))));
    const v = JSON.parse(json) as { s?: unknown; d?: unknown; a?: unknown; p?: unknown };
    if (typeof v.s !== "string" || (v.d !== "asc" && v.d !== "desc")) return null;
    if (typeof v.a === "string") return { sort: v.s, dir: v.d, after: v.a };
    if (typeof v.p === "number" && Number.isInteger(v.p) && v.p >= 1 && v.p <= 1_000_000) return { sort: v.s, dir: v.d, page: v.p };
    return null;
  } catch {
    return null;
  }
}
