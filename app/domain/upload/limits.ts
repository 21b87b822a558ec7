// Every limit on uploaded files in one place: the evidence of a questionnaire and the files of a
// corrective action go through the same checks with the same numbers.
import { EVIDENCE_LIMITS } from "~/domain/questionnaire/types";

export const UPLOAD_LIMITS = {
  /** One file, as uploaded. */
  maxBytes: EVIDENCE_LIMITS.maxBytes,
  /** Per organization, evidence and action files together (a runaway uploader cannot fill the disk). */
  orgQuotaBytes: 2 * 1024 * 1024 * 1024,
  /** The name shown and sent back in Content-Disposition, in characters (code points). */
  maxNameChars: 100,
  /** Office documents are ZIP archives: what their central directory may declare. */
  archive: {
    maxEntries: 5_000,
    maxUncompressedBytes: 200 * 1024 * 1024,
    /** Overall uncompressed : compressed, checked once the contents pass graceBytes (tiny files compress oddly). */
    maxRatio: 100,
    graceBytes: 1024 * 1024,
  },
} as const;

export const MB = 1024 * 1024;
