// Office documents (docx, xlsx, pptx, odt, ods) are ZIP archives, and an archive can unpack to far
// more than it weighs. Before one is accepted its central directory is read (never unpacked to disk):
// entry count, declared sizes and ratio, names, encryption and the parts an Office package must have.
// Then every entry is inflated into nothing, bounded by the sizes already checked, to prove that the
// directory told the truth. Nothing here touches the disk or the network.
import yauzl from "yauzl";
import type { Entry, ZipFile } from "yauzl";
import { UPLOAD_LIMITS, MB } from "~/domain/upload/limits";

export type ArchiveKind = "docx" | "xlsx" | "pptx" | "odt" | "ods";
export type ArchiveReason =
  "corrupt" | "entries" | "size" | "ratio" | "path" | "encrypted" | "method" | "nested" | "duplicate" | "not_office" | "mismatch";
export interface ArchiveProblem {
  reason: ArchiveReason;
  /** Why, in plain words, to follow "<name> is not accepted: ". */
  detail: string;
}

const A = UPLOAD_LIMITS.archive;
const STORED = 0;
const DEFLATED = 8;
// An archive inside a document is not something Office writes (embedded Office files are fine).
const NESTED = /\.(zip|7z|rar|gz|tgz|bz2|xz|tar|cab|jar|apk|iso)$/i;
const PART: Record<ArchiveKind, string> = { docx: "word/", xlsx: "xl/", pptx: "ppt/", odt: "content.xml", ods: "content.xml" };

const problem = (reason: ArchiveReason, detail: string): ArchiveProblem => ({ reason, detail });

/** A name that would escape the folder it is unpacked into, or that no Office program writes. */
export function unsafeEntryName(name: string): boolean {
  return (
    name.length === 0 ||
    name.includes("\\") ||
    name.startsWith("/") ||
    /^[A-Za-z]:/.test(name) ||
    name.split("/").some((seg) => seg === "..") ||
    // Control characters and NUL (which truncate names in C libraries).
    /[\u0000-\u001f\u007f]/.test(name)
  );
}

function fromYauzlError(e: unknown): ArchiveProblem {
  const m = e instanceof Error ? e.message : String(e);
  if (/^(invalid characters in fileName|absolute path|invalid relative path)/.test(m))
    return problem("path", "a file inside it has a name that points outside the document");
  if (/encryption/.test(m)) return problem("encrypted", "it is encrypted or password-protected");
  return problem("corrupt", "it is damaged or not a complete Office document");
}

async function drain(zip: ZipFile, entry: Entry): Promise<number> {
  // validateEntrySizes (on by default) makes the stream fail as soon as it yields more (or fewer)
  // bytes than the directory declared, so this reads at most what was already accepted.
  const stream = await zip.openReadStreamPromise(entry);
  let n = 0;
  for await (const chunk of stream) n += (chunk as Buffer).length;
  return n;
}

/** Null when the archive is an acceptable Office package of this kind; otherwise why not. */
export async function inspectOfficeArchive(bytes: Uint8Array, kind: ArchiveKind): Promise<ArchiveProblem | null> {
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      lazyEntries: true,
      validateEntrySizes: true,
      strictFileNames: true, // a backslash is an error, not silently turned into a folder
      decodeStrings: true,
    });
  } catch (e) {
    return fromYauzlError(e);
  }
  try {
    if (zip.entryCount > A.maxEntries) return problem("entries", `it holds more than ${A.maxEntries.toLocaleString("en")} files`);
    const entries: Entry[] = [];
    const names = new Set<string>();
    let declared = 0;
    let compressed = 0;
    try {
      for await (const entry of zip.eachEntry()) {
        entries.push(entry);
        if (entries.length > A.maxEntries) return problem("entries", `it holds more than ${A.maxEntries.toLocaleString("en")} files`);
        const name = entry.fileName;
        if (unsafeEntryName(name)) return problem("path", "a file inside it has a name that points outside the document");
        if (names.has(name.toLowerCase())) return problem("duplicate", "it holds two files with the same name");
        names.add(name.toLowerCase());
        if (entry.isEncrypted()) return problem("encrypted", "it is encrypted or password-protected");
        if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED)
          return problem("method", "it is compressed in a way Office documents are not");
        if (NESTED.test(name)) return problem("nested", "it contains another archive");
        declared += entry.uncompressedSize;
        compressed += entry.compressedSize;
        if (declared > A.maxUncompressedBytes) return problem("size", `it would unpack to more than ${A.maxUncompressedBytes / MB} MB`);
      }
    } catch (e) {
      return fromYauzlError(e);
    }
    // Entries may overlap (several directory entries over the same bytes) and each claim most of the
    // file: what they can really hold together is at most the file itself.
    const packed = Math.max(1, Math.min(compressed, bytes.byteLength));
    if (declared > A.graceBytes && declared > A.maxRatio * packed) {
      return problem("ratio", `it would unpack to more than ${A.maxRatio} times its size`);
    }
    const isOdf = kind === "odt" || kind === "ods";
    const required = isOdf ? ["mimetype", PART[kind]] : ["[Content_Types].xml"];
    const hasPart = isOdf || [...names].some((n) => n.startsWith(PART[kind]));
    if (!required.every((r) => names.has(r.toLowerCase())) || !hasPart)
      return problem("not_office", "it is not a complete Office document");
    // The directory said what the contents weigh; make sure they do not weigh more.
    let actual = 0;
    try {
      for (const entry of entries) {
        if (entry.fileName.endsWith("/")) continue;
        actual += await drain(zip, entry);
        if (actual > A.maxUncompressedBytes) return problem("size", `it would unpack to more than ${A.maxUncompressedBytes / MB} MB`);
      }
    } catch (e) {
      const m = e instanceof Error ? e.message : "";
      return /too (many|few) bytes|size mismatch/.test(m)
        ? problem("mismatch", "its contents do not match the sizes it declares")
        : fromYauzlError(e);
    }
    return null;
  } finally {
    zip.close();
  }
}
