// Reads the body of an action form (an officer's note, a supplier's reply): urlencoded, or multipart
// with up to MAX_FILES_PER_ENTRY files under "files". Sizes are bounded while reading (413), before
// the service checks each file's type by its content.
import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { EVIDENCE_LIMITS } from "../domain/questionnaire/types";
import { MAX_FILES_PER_ENTRY, type UploadedFile } from "../services/actions.server";

export type ActionFormBody =
  | { fields: Record<string, string>; files: UploadedFile[] }
  | { refused: { status: 400 | 413; message: string; messageKey: string; params: Record<string, string | number> } };

const MB = EVIDENCE_LIMITS.maxBytes / 1024 / 1024;

function tooLarge(name = "") {
  return { refused: { status: 413 as const, message: `A file is larger than ${MB} MB. Upload a smaller file.`, messageKey: "ui.upload.too_large", params: { name } } };
}
const unreadable = { refused: { status: 400 as const, message: "The form could not be read. Reload the page and try again.", messageKey: "ui.upload.failed", params: { name: "" } } };

export async function readActionForm(request: Request): Promise<ActionFormBody> {
  const type = request.headers.get("Content-Type") ?? "";
  let form: FormData;
  if (type.startsWith("multipart/form-data")) {
    // Refuse an announced oversized body before reading it (the envelope adds a little).
    if (Number(request.headers.get("Content-Length") ?? "0") > MAX_FILES_PER_ENTRY * EVIDENCE_LIMITS.maxBytes + 64 * 1024) return tooLarge();
    try {
      form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: EVIDENCE_LIMITS.maxBytes }));
    } catch (e) {
      return e instanceof MaxPartSizeExceededError ? tooLarge() : unreadable;
    }
  } else {
    try {
      form = await request.formData();
    } catch {
      return unreadable;
    }
  }
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  for (const [k, v] of form.entries()) {
    if (typeof v === "string") fields[k] ??= v;
    // An empty file input still sends a part (no name, no bytes): that is "no file".
    else if (k === "files" && (v.name !== "" || v.size > 0)) files.push({ name: v.name, bytes: new Uint8Array(await v.arrayBuffer()) });
  }
  return { fields, files };
}
