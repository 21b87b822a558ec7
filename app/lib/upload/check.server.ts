// The checks every uploaded file goes through, whichever form it came from (a questionnaire's
// evidence, an officer's note, a supplier's reply): size, emptiness, type by content, and for Office
// documents (ZIP archives) what they would unpack to. Returns the name to store and the real type.
import { sniffFileType } from "~/domain/file-types";
import { inspectOfficeArchive, type ArchiveKind, type ArchiveReason } from "./archive.server";
import { displayName, nameLabel } from "~/domain/upload/filename";
import { UPLOAD_LIMITS, MB } from "~/domain/upload/limits";

export type UploadRefusalCode = "too_large" | "empty" | "wrong_type" | "archive";
export interface UploadRefusal {
  status: 400 | 413 | 415;
  code: UploadRefusalCode;
  /** For archives: which rule refused it. */
  archive?: ArchiveReason;
  /** A plain-English sentence naming the file (its cleaned name). */
  message: string;
}
export interface CheckedUpload {
  /** The display name: basename, cleaned, capped, with the extension of the real type. */
  filename: string;
  mime: string;
}

const ARCHIVES = new Set<string>(["docx", "xlsx", "pptx", "odt", "ods"]);
const ACCEPTED = "upload a PDF, an image (JPEG, PNG, WebP) or an Office document";

export function isRefusal(r: UploadRefusal | CheckedUpload): r is UploadRefusal {
  return "status" in r;
}

export async function checkUpload(file: { name: string; bytes: Uint8Array }): Promise<UploadRefusal | CheckedUpload> {
  const label = nameLabel(file.name);
  if (file.bytes.length > UPLOAD_LIMITS.maxBytes) {
    return { status: 413, code: "too_large", message: `${label} is larger than ${UPLOAD_LIMITS.maxBytes / MB} MB. Upload a smaller file.` };
  }
  if (file.bytes.length === 0) return { status: 400, code: "empty", message: `${label} is empty. Choose another file.` };
  const type = sniffFileType(file.bytes.subarray(0, 64 * 1024));
  if (!type)
    return {
      status: 415,
      code: "wrong_type",
      message: `${label} is not accepted: this kind of file cannot be stored. Please ${ACCEPTED}.`,
    };
  if (ARCHIVES.has(type.ext)) {
    const p = await inspectOfficeArchive(file.bytes, type.ext as ArchiveKind);
    if (p) return { status: 415, code: "archive", archive: p.reason, message: `${label} is not accepted: ${p.detail}.` };
  }
  return { filename: displayName(file.name, type.ext), mime: type.mime };
}
