// Reads the body of an action form (an officer's note, a supplier's reply): urlencoded, or multipart
// with up to MAX_FILES_PER_ENTRY files under "files". A multipart body counts against the upload rate
// limits before it is read (throttled: the route answers 429 with Retry-After); sizes are bounded while
// reading (too large), before the service checks each file's type by its content.
import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { UPLOAD_LIMITS, MB } from "~/domain/upload/limits";
import { countUploads, tooManyUploadsMessage, uploadWait, type Uploader } from "~/lib/rate-limit.server";
import { fail, ok, type Failure, type Result } from "~/domain/result";
import type { DbOrTrx } from "~/models/types";
import { MAX_FILES_PER_ENTRY } from "./actions.server";
import type { UploadedFile } from "./action-notes.server";

/** Why a body was not read: too large (413), unreadable (400) or too many uploads (429, retry after `detail.retryAfter` seconds). */
export type UploadRefusal = Failure<{ retryAfter: number }>;
export type ActionFormBody = Result<{ fields: Record<string, string>; files: UploadedFile[] }, { retryAfter: number }>;

function tooLarge(name = ""): UploadRefusal {
  return fail("too_large", `A file is larger than ${UPLOAD_LIMITS.maxBytes / MB} MB. Upload a smaller file.`, {
    messageKey: "ui.upload.too_large",
    params: { name },
  });
}
const unreadable = (): UploadRefusal =>
  fail("invalid", "The form could not be read. Reload the page and try again.", { messageKey: "ui.upload.failed", params: { name: "" } });

/**
 * A multipart upload read into memory with two bounds: each part (maxPartSize), and the whole body,
 * counted while it streams in, so a chunked body with no Content-Length (or a false one) cannot grow
 * past maxTotalBytes. An announced oversized body is refused before a byte is read.
 */
export async function parseUpload(
  request: Request,
  maxTotalBytes: number,
): Promise<{ form: FormData } | { error: "too_large" | "unreadable" }> {
  if (Number(request.headers.get("Content-Length") ?? "0") > maxTotalBytes) return { error: "too_large" };
  let seen = 0;
  let bounded = request;
  if (request.body) {
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, ctl) {
        seen += chunk.byteLength;
        if (seen > maxTotalBytes) ctl.error(new Error("request body too large"));
        else ctl.enqueue(chunk);
      },
    });
    const init: RequestInit & { duplex: "half" } = {
      method: request.method,
      headers: request.headers,
      body: request.body.pipeThrough(counter),
      duplex: "half",
    };
    bounded = new Request(request.url, init);
  }
  try {
    return {
      form: await unstable_parseMultipartFormData(bounded, unstable_createMemoryUploadHandler({ maxPartSize: UPLOAD_LIMITS.maxBytes })),
    };
  } catch (e) {
    return { error: e instanceof MaxPartSizeExceededError || seen > maxTotalBytes ? "too_large" : "unreadable" };
  }
}

/** The headers of a refusal: Retry-After when too many uploads were refused. */
export function refusalHeaders(r: UploadRefusal): Record<string, string> {
  return r.detail?.retryAfter ? { "Retry-After": String(r.detail.retryAfter) } : {};
}

export async function readActionForm(request: Request, limit?: { db: DbOrTrx; uploader: Uploader }): Promise<ActionFormBody> {
  const type = request.headers.get("Content-Type") ?? "";
  let form: FormData;
  if (type.startsWith("multipart/form-data")) {
    if (limit) {
      const wait = await uploadWait(limit.db, limit.uploader);
      if (wait > 0) {
        return fail("throttled", tooManyUploadsMessage(wait), {
          messageKey: "ui.link.too_many_attempts",
          params: { name: "" },
          detail: { retryAfter: wait },
        });
      }
    }
    // The files plus a little for the envelope and the text fields.
    const parsed = await parseUpload(request, MAX_FILES_PER_ENTRY * UPLOAD_LIMITS.maxBytes + 64 * 1024);
    if ("error" in parsed) {
      if (limit) await countUploads(limit.db, limit.uploader, 1); // a refused body is an attempt too
      return parsed.error === "too_large" ? tooLarge() : unreadable();
    }
    form = parsed.form;
  } else {
    try {
      form = await request.formData();
    } catch {
      return unreadable();
    }
  }
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  for (const [k, v] of form.entries()) {
    if (typeof v === "string") fields[k] ??= v;
    // An empty file input still sends a part (no name, no bytes): that is "no file".
    else if (k === "files" && (v.name !== "" || v.size > 0)) files.push({ name: v.name, bytes: new Uint8Array(await v.arrayBuffer()) });
  }
  // Every file counts, accepted or not (a note without files is not an upload).
  if (limit && files.length) await countUploads(limit.db, limit.uploader, files.length);
  return ok({ fields, files });
}
