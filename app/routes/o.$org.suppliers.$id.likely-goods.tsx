// Likely goods from a supplier's sector (risk model v2): the risk panel's Confirm / Reject / Count it
// again forms post here. Officers who may edit suppliers decide; every decision is audited and the
// score is recomputed.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { requireOrg } from "~/lib/auth.server";
import { formObject, notFound, problemResponse, zodFieldErrors } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { isDbId } from "~/schemas/fields";
import { LikelyGoodSchema } from "~/schemas/likely-goods";
import { decideLikelyGood } from "~/services/likely-goods.server";
import { getSupplier } from "~/models/supplier.server";

/** Nothing to show here: a visit goes to the supplier's page. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { org } = await requireOrg(request, context, params.org, "suppliers.view");
  if (!params.id || !isDbId(params.id) || !(await getSupplier(context.db, org.id, Number(params.id)))) throw notFound("No such supplier");
  return redirect(`/o/${org.slug}/suppliers/${params.id}`);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "suppliers.edit");
  if (!params.id || !isDbId(params.id)) throw notFound("No such supplier");
  const parsed = LikelyGoodSchema.safeParse(await formObject(request));
  if (!parsed.success) return json({ fieldErrors: zodFieldErrors(parsed.error) }, { status: 400 });
  const d = parsed.data;
  const decision = d.intent === "reject" ? { kind: d.intent, good: d.good, reason: d.reason } : { kind: d.intent, good: d.good };
  const r = await decideLikelyGood(context.db, ident, Number(params.id), decision, context.clientIp);
  if (!r.ok) return problemResponse(r);
  return redirectWithToast(`/o/${ident.org.slug}/suppliers/${params.id}`, r.value.message);
}
