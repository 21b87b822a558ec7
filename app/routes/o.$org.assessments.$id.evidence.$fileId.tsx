import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useParams } from "@remix-run/react";
import { requireOrg } from "~/lib/auth.server";
import { formObject, notFound, problemResponse, zodFieldErrors } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { EvidenceReviewSchema } from "~/schemas/evidence";
import { isDbId } from "~/schemas/fields";
import { reviewEvidence } from "~/services/evidence-review.server";

// A reviewer's decision on one document of an assessment: POST intent=accept|reject with a reason.
// The review page posts here through a fetcher and shows a refusal next to the document (400 no
// reason, 403 the reviewer uploaded the document or filled in its answer, 404 not this tenant's or
// this assessment's document); without JavaScript this page shows it. No loader: a loader that sent a
// GET back to the assessment page would also redirect the page rendered after a refused POST.

export const meta: MetaFunction = () => [{ title: "Review a document — Lantern" }];

function ids(params: { id?: string; fileId?: string }): { assessmentId: number; fileId: number } {
  if (!isDbId(params.id) || !isDbId(params.fileId)) throw notFound("No such document");
  return { assessmentId: Number(params.id), fileId: Number(params.fileId) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "assessments.review");
  const { assessmentId, fileId } = ids(params);
  const parsed = EvidenceReviewSchema.safeParse(await formObject(request));
  if (!parsed.success) return json({ fileId, fieldErrors: zodFieldErrors(parsed.error) }, { status: 400 });
  const { intent, reason } = parsed.data;
  const r = await reviewEvidence(context.db, ident, assessmentId, fileId, { decision: intent, reason }, context.clientIp);
  if (!r.ok) return problemResponse(r, { fileId });
  const page = `/o/${ident.org.slug}/assessments/${assessmentId}`;
  return redirectWithToast(`${page}#evidence`, r.value.status === "accepted" ? "Document accepted." : "Document rejected.");
}

/**
 * Shown when the decision was posted without JavaScript and refused (the review page shows the same
 * inline), or on a plain GET, which changes and reveals nothing.
 */
export default function EvidenceDecisionResult() {
  const result = useActionData<typeof action>();
  const { org, id } = useParams();
  const errors = result && "fieldErrors" in result ? Object.values(result.fieldErrors ?? {}) : [];
  const message = result
    ? "formError" in result
      ? result.formError
      : errors.join(" ")
    : "Documents are accepted or rejected on the assessment page.";
  return (
    <main className="page narrow">
      <h1>{result ? "The decision was not recorded" : "Review a document"}</h1>
      {message ? (
        <div className={`alert ${result ? "error" : "note"}`} role={result ? "alert" : "status"}>
          {message}
        </div>
      ) : null}
      <p>
        <Link to={`/o/${org}/assessments/${id}#evidence`}>Back to the assessment</Link>
      </p>
    </main>
  );
}
