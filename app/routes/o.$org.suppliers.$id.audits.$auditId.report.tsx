import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOrg } from "~/lib/auth.server";
import { notFound } from "~/lib/http.server";
import { downloadAuditReport } from "~/services/site-audits.server";
import { isDbId } from "~/schemas/fields";

// An audit's report file, always as an attachment with nosniff (never rendered inline). Another
// tenant's audit, or an audit of another supplier: 404, like a report that never existed.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "suppliers.view");
  const ok = (raw: string | undefined) => Boolean(raw && isDbId(raw));
  if (!ok(params.id) || !ok(params.auditId)) throw notFound("No such report");
  const file = await downloadAuditReport(context.db, ident, Number(params.id), Number(params.auditId));
  if (!file) throw notFound("No such report");
  return new Response(Uint8Array.from(file.body), { status: 200, headers: file.headers });
}
