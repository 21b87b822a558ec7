// A corrective action written by hand: for the supplier of ?supplier=<id>, or one chosen with the
// supplier picker; title, details, owner (a member who can change actions), due date (30 days by default).
// From a review comment (?comment=<id>) the supplier is the assessment's and the comment is quoted.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { requireOrg } from "~/lib/auth.server";
import { badRequest, formObject, notFound, problemResponse, zodFieldErrors } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { NewActionSchema } from "~/schemas/action";
import { newActionForm } from "~/services/action-pages.server";
import { createManualAction } from "~/services/actions.server";
import { NewActionForm } from "~/components/action-form";
import { useOrg } from "./o.$org";
import { isDbId } from "~/schemas/fields";

export const meta: MetaFunction = () => [{ title: "New corrective action — Lantern" }];

/** ?supplier=<id> or ?comment=<review comment id>; a malformed id is simply not found. */
function idParam(url: URL, name: "supplier" | "comment"): number | null {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === "") return null;
  if (!isDbId(raw)) throw notFound(name === "supplier" ? "No such supplier" : "No such review comment");
  return Number(raw);
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "actions.edit");
  const url = new URL(request.url);
  const data = await newActionForm(context.db, ident, { supplierId: idParam(url, "supplier"), commentId: idParam(url, "comment") });
  if (!data) throw notFound("No such supplier or review comment");
  return json(data);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "actions.edit");
  const parsed = NewActionSchema.safeParse(await formObject(request));
  if (!parsed.success) return badRequest({ fieldErrors: zodFieldErrors(parsed.error), formError: "Please check the form." });
  const r = await createManualAction(context.db, ident, parsed.data, context.clientIp);
  // The form shows the message on top and, when the problem is about one field, next to it too.
  if (!r.ok) return problemResponse(r, { formError: r.message });
  return redirectWithToast(`/o/${ident.org.slug}/actions/${r.value.actionId}`, "Corrective action opened.");
}

export default function NewAction() {
  const d = useLoaderData<typeof loader>();
  const { org } = useOrg();
  const back = d.comment
    ? `/o/${org.slug}/assessments/${d.comment.assessmentId}`
    : d.supplier
      ? `/o/${org.slug}/suppliers/${d.supplier.id}`
      : `/o/${org.slug}/actions`;
  return (
    <main className="page narrow">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={`/o/${org.slug}/actions`}>Corrective actions</Link>
        {d.supplier ? (
          <>
            {" · "}
            <Link to={back}>{d.supplier.name}</Link>
          </>
        ) : null}
      </nav>
      <h1>New corrective action{d.supplier ? ` for ${d.supplier.name}` : ""}</h1>
      <p className="muted">
        Red flags of approved assessments open their actions by themselves; add one here for anything else that must be put right.
      </p>
      {d.comment ? (
        <figure className="card quote">
          <figcaption className="small muted">
            Review comment by {d.comment.author} on “{d.comment.question}”
          </figcaption>
          <blockquote>{d.comment.body}</blockquote>
        </figure>
      ) : null}
      {d.supplier?.status === "archived" ? (
        <div className="alert error">This supplier is archived. Restore it before opening an action for it.</div>
      ) : null}
      <NewActionForm
        orgSlug={org.slug}
        supplier={d.supplier}
        owners={d.owners}
        me={d.me}
        today={d.today}
        defaultDue={d.defaultDue}
        cancelHref={back}
        fromComment={d.comment ? { id: d.comment.id, details: d.comment.body } : null}
      />
    </main>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return (
    <main className="page narrow">
      <h1>New corrective action</h1>
      <div className="alert error" role="alert">
        {status === 403
          ? "Your role does not allow opening corrective actions."
          : status === 404
            ? "There is no such supplier or review comment."
            : "The form could not be shown. Please try again."}
      </div>
    </main>
  );
}
