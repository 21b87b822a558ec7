// The state of a methodology preview that runs in the background (large tenants): pending, done
// with its band moves, or failed. Polled by the settings page; JSON only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireOrg } from "~/lib/auth.server";
import { notFound } from "~/lib/http.server";
import { previewStatus } from "~/services/risk-methodology.server";
import { isDbId } from "~/schemas/fields";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { org } = await requireOrg(request, context, params.org, "methodology.edit");
  if (!params.id || !isDbId(params.id)) throw notFound("No such preview");
  const status = await previewStatus(context.db, org.id, Number(params.id));
  if (!status) throw notFound("No such preview");
  return json(status, { headers: { "Cache-Control": "no-store" } });
}
