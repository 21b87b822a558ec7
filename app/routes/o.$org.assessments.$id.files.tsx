import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, Outlet, useActionData, useParams } from "@remix-run/react";
import { requireOrg } from "~/lib/auth.server";
import { STATUS_OF, notFound } from "~/lib/http.server";
import { EVIDENCE_LIMITS } from "~/domain/questionnaire/types";
import { findQuestion } from "~/domain/questionnaire";
import { getAssessment } from "~/models/assessment.server";
import { templateOfVersion } from "~/services/assessment-core.server";
import { uploadEvidence } from "~/services/evidence.server";
import { countUploads, retryAfterHeaders, tooManyUploadsMessage, uploadWait } from "~/lib/rate-limit.server";
import { parseUpload } from "~/services/action-upload.server";
import { isDbId } from "~/schemas/fields";
import { EvidenceMetaSchema, evidenceMetaProblem } from "~/schemas/evidence";
import { translator } from "~/domain/questionnaire/i18n";

// Evidence upload by an officer filling in on the supplier's behalf: multipart with `questionKey`,
// `file` and the document's `kind` and `validUntil` (optional, not in the past). The fill page posts
// here through a fetcher and shows the answer next to the question (400 a bad kind or date, 413 too
// large, 415 not an accepted document type, 429 too many uploads); without JavaScript this page
// shows it.

export const meta: MetaFunction = () => [{ title: "Upload a file — Lantern" }];
export const headers: HeadersFunction = retryAfterHeaders;

function assessmentId(raw: string | undefined): number {
  if (!raw || !isDbId(raw)) throw notFound("No such assessment");
  return Number(raw);
}

/** Nothing to show on a GET: back to the questionnaire. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { org } = await requireOrg(request, context, params.org, "assessments.manage");
  return redirect(`/o/${org.slug}/assessments/${assessmentId(params.id)}/fill`);
}

type UploadData = { questionKey?: string; ok?: boolean; fileId?: number; filename?: string; message?: string; back?: string };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "assessments.manage");
  const id = assessmentId(params.id);
  const a = await getAssessment(context.db, ident.org.id, id);
  if (!a) throw notFound("No such assessment");
  const fill = `/o/${ident.org.slug}/assessments/${id}/fill`;
  const maxMb = EVIDENCE_LIMITS.maxBytes / 1024 / 1024;
  const tooLarge = (questionKey?: string) =>
    json<UploadData>({ questionKey, message: `The file is larger than ${maxMb} MB. Upload a smaller file.`, back: fill }, { status: 413 });
  const uploader = { ip: context.clientIp, who: `user:${ident.user.userId}` };
  const wait = await uploadWait(context.db, uploader);
  if (wait > 0)
    return json<UploadData>(
      { message: tooManyUploadsMessage(wait), back: fill },
      { status: 429, headers: { "Retry-After": String(wait) } },
    );
  await countUploads(context.db, uploader, 1);
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    return json<UploadData>({ message: "Choose a file to upload.", back: fill }, { status: 415 });
  }
  // One file plus a little for the envelope and the field (bounded while streaming, too).
  const body = await parseUpload(request, EVIDENCE_LIMITS.maxBytes + 64 * 1024);
  if ("error" in body) {
    return body.error === "too_large"
      ? tooLarge()
      : json<UploadData>({ message: "The upload could not be read. Please try again.", back: fill }, { status: 400 });
  }
  const form = body.form;
  const questionKey = String(form.get("questionKey") ?? "").slice(0, 200);
  const found = findQuestion(await templateOfVersion(context.db, a.versionId), questionKey);
  const back = found ? `${fill}?section=${found.section.key}#q-${questionKey}` : fill;
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0)
    return json<UploadData>({ questionKey, message: "Choose a file to upload (it must not be empty).", back }, { status: 400 });
  const meta = EvidenceMetaSchema.safeParse({ kind: form.get("kind") ?? undefined, validUntil: form.get("validUntil") ?? undefined });
  if (!meta.success) {
    return json<UploadData>({ questionKey, message: translator("en")(evidenceMetaProblem(meta.error)), back }, { status: 400 });
  }
  const r = await uploadEvidence(
    context.db,
    { kind: "officer", id: ident },
    id,
    questionKey,
    { name: file.name || "file", bytes: new Uint8Array(await file.arrayBuffer()) },
    context.clientIp,
    meta.data,
  );
  if (!r.ok) return json<UploadData>({ questionKey, message: r.message, back }, { status: STATUS_OF[r.kind] });
  return json<UploadData>({ questionKey, ok: true, fileId: r.value.fileId, filename: r.value.filename, back });
}

/** Shown only when the upload was posted without JavaScript; the fill page shows the same inline. */
export default function UploadResult() {
  const result = useActionData<typeof action>();
  const { org, id } = useParams();
  const back = result?.back ?? `/o/${org}/assessments/${id}/fill`;
  return (
    <main className="page narrow">
      <h1>{result?.ok ? "File uploaded" : "The file was not uploaded"}</h1>
      {result ? (
        <div className={`alert ${result.ok ? "success" : "error"}`} role={result.ok ? "status" : "alert"}>
          {result.ok ? `${result.filename} was attached to the answer.` : result.message}
        </div>
      ) : null}
      <p>
        <Link to={back}>Back to the questionnaire</Link>
      </p>
      <Outlet />
    </main>
  );
}
