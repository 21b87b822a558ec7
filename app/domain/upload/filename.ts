// The name an uploaded file is shown and downloaded under. A name is only ever a label: files are
// stored content-addressed (<org>/<sha256>), so nothing a user types becomes a path. Pure.
import { UPLOAD_LIMITS } from "./limits";

// Bidirectional overrides and isolates (U+202E turns "cod.exe" into "exe.doc" on screen), zero-width
// characters and the BOM: invisible, so they only ever mislead.
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A string with every lone surrogate replaced, so that encodeURIComponent cannot throw on it. */
export function wellFormed(s: string): string {
  return s.replace(LONE_SURROGATE, "\ufffd");
}

/** The last path segment (either slash), cleaned of control, invisible and path characters; no extension handling. */
function lastSegment(raw: string): string {
  const normalized = wellFormed(raw).normalize("NFKC"); // fullwidth "／" becomes "/" before the split
  return (normalized.split(/[\\/]/).pop() ?? "").replace(INVISIBLE, "");
}

function clean(s: string): string {
  const base = s.replace(/[^\p{L}\p{M}\p{N} ._()-]+/gu, "_").replace(/^[.\s_]+|[.\s]+$/g, "");
  // Cut by code points, never inside a surrogate pair.
  return Array.from(base).slice(0, UPLOAD_LIMITS.maxNameChars).join("").trim();
}

/**
 * The display name of an upload: the last path segment of what the browser sent, without control,
 * invisible or path characters, no leading or trailing dots or spaces, at most
 * UPLOAD_LIMITS.maxNameChars characters, and the extension of the type the content really is.
 */
export function displayName(raw: string, ext: string): string {
  return `${clean(lastSegment(raw).replace(/\.[A-Za-z0-9]{1,8}$/, "")) || "document"}.${ext}`;
}

/** The cleaned name as sent (its own extension kept), to name a refused file in a message. */
export function nameLabel(raw: string): string {
  return clean(lastSegment(raw)) || "The file";
}

/** RFC 5987 value: UTF-8 percent-encoding of everything outside attr-char. */
function rfc5987(s: string): string {
  return encodeURIComponent(wellFormed(s)).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Always an attachment: a plain-ASCII quoted fallback for old clients, and the exact name in filename*. */
export function contentDisposition(filename: string): string {
  const ascii = wellFormed(filename)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "") // "política" → "politica" rather than "pol_tica"
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\%;]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(filename)}`;
}

/** The types we accept (see ../file-types.ts); anything else is served as opaque bytes. */
export const DOWNLOAD_TYPES: ReadonlySet<string> = new Set([
  "application/pdf",
  "image/png",
  "image/jpeg",
  "image/webp",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "application/vnd.oasis.opendocument.text",
  "application/vnd.oasis.opendocument.spreadsheet",
  "application/x-ole-storage",
]);

/** Headers of a stored upload's download: never rendered inline, never sniffed, never cached. */
export function downloadHeaders(file: { filename: string; mime: string }, length: number): Record<string, string> {
  return {
    "Content-Type": DOWNLOAD_TYPES.has(file.mime) ? file.mime : "application/octet-stream",
    "Content-Length": String(length),
    "Content-Disposition": contentDisposition(file.filename),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
    "Content-Security-Policy": "default-src 'none'; sandbox",
  };
}
