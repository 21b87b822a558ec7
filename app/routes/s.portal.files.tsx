// Evidence upload from the supplier portal (resource route, multipart: assessmentId, questionKey,
// file). The size is bounded while reading (413); the type is judged by the content (415).
// 200 {fileId, filename} | 4xx {messageKey, params} in the portal catalogue's wording.
import type { ActionFunctionArgs } from "@remix-run/node";
import { MaxPartSizeExceededError, json, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { EVIDENCE_LIMITS } from "../domain/questionnaire/types";
import { requireSupplierApi, uploadMessageKey } from "../lib/portal.server";
import { PortalUploadSchema } from "../schemas/portal";
import { uploadEvidence } from "../services/evidence.server";

const NO_STORE = { "Cache-Control": "no-store" };
const MAX_MB = EVIDENCE_LIMITS.maxBytes / 1024 / 1024;

function refuse(status: number, messageKey: string, name: string) {
  return json({ messageKey, params: { name, max: EVIDENCE_LIMITS.maxFilesPerQuestion, mb: MAX_MB } }, { status, headers: NO_STORE });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const s = await requireSupplierApi(request, context);
  // Refuse an announced oversized body before reading it.
  if (Number(request.headers.get("Content-Length") ?? "0") > EVIDENCE_LIMITS.maxBytes + 64 * 1024) return refuse(413, "ui.upload.too_large", "");
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data")) return refuse(400, "ui.upload.failed", "");
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: EVIDENCE_LIMITS.maxBytes }));
  } catch (e) {
    if (e instanceof MaxPartSizeExceededError) return refuse(413, "ui.upload.too_large", "");
    return refuse(400, "ui.upload.failed", "");
  }
  const file = form.get("file");
  const parsed = PortalUploadSchema.safeParse({ assessmentId: form.get("assessmentId"), questionKey: form.get("questionKey") });
  if (!parsed.success || !(file instanceof File)) return refuse(400, "ui.upload.failed", file instanceof File ? file.name : "");
  const name = file.name.slice(0, 200) || "document";
  const r = await uploadEvidence(
    context.db,
    { kind: "supplier", s },
    parsed.data.assessmentId,
    parsed.data.questionKey,
    { name, bytes: new Uint8Array(await file.arrayBuffer()) },
    context.clientIp,
  );
  if ("fileId" in r) return json({ fileId: r.fileId, filename: r.filename }, { headers: NO_STORE });
  return refuse(r.status, uploadMessageKey(r.messageKey), name);
}
