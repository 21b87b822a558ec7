// Evidence upload from the supplier portal (resource route, multipart: assessmentId, questionKey,
// file, and the document's kind and validity date: kind, validUntil). Rate-limited per IP and per
// portal session before the body is read (429 with Retry-After); the size is bounded while reading
// (413); the type is judged by the content (415); a kind not on the list or a date in the past: 400.
// 200 {fileId, filename} | 4xx {messageKey, params} in the portal catalogue's wording.
import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { EVIDENCE_LIMITS } from "~/domain/questionnaire/types";
import { STATUS_OF } from "~/lib/http.server";
import { requireSupplierApi, uploadMessageKey } from "~/lib/portal.server";
import { countUploads, uploadWait } from "~/lib/rate-limit.server";
import { parseUpload } from "~/services/action-upload.server";
import { PortalUploadSchema } from "~/schemas/portal";
import { EvidenceMetaSchema, evidenceMetaProblem } from "~/schemas/evidence";
import { uploadEvidence } from "~/services/evidence.server";

const NO_STORE = { "Cache-Control": "no-store" };
const MAX_MB = EVIDENCE_LIMITS.maxBytes / 1024 / 1024;

function refuse(status: number, messageKey: string, name: string) {
  return json({ messageKey, params: { name, max: EVIDENCE_LIMITS.maxFilesPerQuestion, mb: MAX_MB } }, { status, headers: NO_STORE });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const s = await requireSupplierApi(request, context);
  const uploader = { ip: context.clientIp, who: `assessment:${s.assessmentId}` };
  const wait = await uploadWait(context.db, uploader);
  if (wait > 0) {
    return json(
      { messageKey: "ui.link.too_many_attempts", params: { name: "", seconds: wait } },
      { status: 429, headers: { ...NO_STORE, "Retry-After": String(wait) } },
    );
  }
  await countUploads(context.db, uploader, 1);
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data")) return refuse(400, "ui.upload.failed", "");
  // One file plus a little for the envelope and the two fields.
  const body = await parseUpload(request, EVIDENCE_LIMITS.maxBytes + 64 * 1024);
  if ("error" in body) return body.error === "too_large" ? refuse(413, "ui.upload.too_large", "") : refuse(400, "ui.upload.failed", "");
  const form = body.form;
  const file = form.get("file");
  const parsed = PortalUploadSchema.safeParse({ assessmentId: form.get("assessmentId"), questionKey: form.get("questionKey") });
  if (!parsed.success || !(file instanceof File)) return refuse(400, "ui.upload.failed", file instanceof File ? file.name : "");
  const name = file.name.slice(0, 200) || "document";
  const meta = EvidenceMetaSchema.safeParse({ kind: form.get("kind") ?? undefined, validUntil: form.get("validUntil") ?? undefined });
  if (!meta.success) return refuse(400, evidenceMetaProblem(meta.error), name);
  const r = await uploadEvidence(
    context.db,
    { kind: "supplier", s },
    parsed.data.assessmentId,
    parsed.data.questionKey,
    { name, bytes: new Uint8Array(await file.arrayBuffer()) },
    context.clientIp,
    meta.data,
  );
  if (r.ok) return json({ fileId: r.value.fileId, filename: r.value.filename }, { headers: NO_STORE });
  return refuse(STATUS_OF[r.kind], uploadMessageKey(r.messageKey ?? ""), name);
}
