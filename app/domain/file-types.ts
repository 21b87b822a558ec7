// What an uploaded file really is, from its first bytes (never from its name or the browser's
// Content-Type, which a disguised file controls). Pure: works on a byte prefix.

export interface SniffedType {
  mime: string;
  ext: string;
  label: string;
}

const PDF: SniffedType = { mime: "application/pdf", ext: "pdf", label: "PDF" };
const PNG: SniffedType = { mime: "image/png", ext: "png", label: "PNG image" };
const JPEG: SniffedType = { mime: "image/jpeg", ext: "jpg", label: "JPEG image" };
const WEBP: SniffedType = { mime: "image/webp", ext: "webp", label: "WebP image" };
const OOXML: Record<string, SniffedType> = {
  word: { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ext: "docx", label: "Word document" },
  xl: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ext: "xlsx", label: "Excel workbook" },
  ppt: { mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation", ext: "pptx", label: "PowerPoint presentation" },
};
const OLE: SniffedType = { mime: "application/x-ole-storage", ext: "doc", label: "older Office document" };
const ODF: Record<string, SniffedType> = {
  "application/vnd.oasis.opendocument.text": { mime: "application/vnd.oasis.opendocument.text", ext: "odt", label: "OpenDocument text" },
  "application/vnd.oasis.opendocument.spreadsheet": {
    mime: "application/vnd.oasis.opendocument.spreadsheet",
    ext: "ods",
    label: "OpenDocument spreadsheet",
  },
};

function starts(b: Uint8Array, sig: number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
}

function ascii(b: Uint8Array, from: number, to: number): string {
  let s = "";
  for (let i = from; i < Math.min(to, b.length); i++) s += String.fromCharCode(b[i]!);
  return s;
}

/**
 * PDF, PNG, JPEG, WebP, Office Open XML (docx/xlsx/pptx), OpenDocument, and legacy OLE Office files.
 * ZIP containers are accepted only when their first entries name an Office or OpenDocument part;
 * any other archive is refused (an archive can unpack to far more than its size).
 */
export function sniffFileType(head: Uint8Array): SniffedType | null {
  if (starts(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return PDF; // %PDF-
  if (starts(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (starts(head, [0xff, 0xd8, 0xff])) return JPEG;
  if (starts(head, [0x52, 0x49, 0x46, 0x46]) && starts(head, [0x57, 0x45, 0x42, 0x50], 8)) return WEBP;
  if (starts(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return OLE;
  if (starts(head, [0x50, 0x4b, 0x03, 0x04])) {
    // OpenDocument stores an uncompressed "mimetype" entry first; OOXML names [Content_Types].xml and
    // its parts (word/, xl/, ppt/) among the first local headers.
    const text = ascii(head, 0, Math.min(head.length, 64 * 1024));
    const odf = /^PK\x03\x04[\s\S]{26}mimetype(application\/vnd\.oasis\.opendocument\.(?:text|spreadsheet))/.exec(text);
    if (odf?.[1] && ODF[odf[1]]) return ODF[odf[1]]!;
    if (text.includes("[Content_Types].xml")) {
      for (const part of ["word", "xl", "ppt"] as const) if (text.includes(`${part}/`)) return OOXML[part]!;
    }
    return null;
  }
  return null;
}

/** A file name that is safe to store and to send back in Content-Disposition. */
export function safeFileName(name: string, ext: string): string {
  const base = name
    .replace(/^.*[\\/]/, "") // no directories (../../etc/passwd, C:\x)
    .replace(/\.[A-Za-z0-9]{1,8}$/, "")
    .normalize("NFKC")
    .replace(/[^\p{L}\p{N} ._()-]+/gu, "_")
    .replace(/^[.\s]+/, "")
    .slice(0, 100)
    .trim();
  return `${base || "evidence"}.${ext}`;
}
