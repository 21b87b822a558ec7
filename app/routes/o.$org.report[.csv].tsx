import { todayIso } from "~/domain/dates";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireOrg } from "~/lib/auth.server";
import { STATUS_OF } from "~/lib/http.server";
import { parseSearchParams } from "~/schemas/audit";
import { DashboardQuerySchema } from "~/schemas/dashboard";
import { boardReportCsv } from "~/services/dashboard.server";

// The numbers behind every chart of the dashboard / board report for the URL's filters and period,
// as CSV (section, item, series, value); cells a spreadsheet would run as formulas are neutralised.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { org } = await requireOrg(request, context, params.org, "reports.view");
  const parsed = parseSearchParams(DashboardQuerySchema, new URL(request.url));
  if (!parsed.success) throw json({ message: "These filters or this period cannot be used." }, { status: 400 });
  const r = await boardReportCsv(context.db, org, parsed.data);
  if (!r.ok) throw json({ message: r.message }, { status: STATUS_OF[r.kind] });
  const csv = r.value;
  const date = todayIso();
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${org.slug}-board-report-${date}.csv"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
