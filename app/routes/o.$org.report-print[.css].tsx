import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireOrg } from "~/lib/auth.server";
import { todayIso } from "~/domain/dates";
import { parseSearchParams } from "~/schemas/audit";
import { DashboardQuerySchema } from "~/schemas/dashboard";
import { resolvePeriod } from "~/domain/report/period";
import { reportPageCss } from "~/domain/report/print";

// The board report's print stylesheet for the URL's period: the running header (organisation,
// period, "Confidential") and "Page x of y" as @page margin boxes, which need the text in the CSS
// itself (see app/domain/report/print.ts). Linked from the report page with media="print".
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { org } = await requireOrg(request, context, params.org, "reports.view");
  const parsed = parseSearchParams(DashboardQuerySchema, new URL(request.url));
  if (!parsed.success) throw json({ message: "This period cannot be used." }, { status: 400 });
  const period = resolvePeriod(parsed.data, todayIso());
  if ("error" in period) throw json({ message: period.error }, { status: 400 });
  return new Response(reportPageCss({ organization: org.name, period }), {
    headers: { "Content-Type": "text/css; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store" },
  });
}
