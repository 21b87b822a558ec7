import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOrg } from "~/lib/auth.server";
import { notFound } from "~/lib/http.server";
import { findingsTemplateCsv, findingsTemplateXlsx } from "~/lib/upload/audit-finding-sheet.server";

// The findings template of the audit page, as XLSX or CSV: the columns the import reads and three
// example rows (a major hours finding, a zero-tolerance one, a minor one on a principle).
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireOrg(request, context, params.org, "suppliers.view");
  const common = { "X-Content-Type-Options": "nosniff" };
  if (params.format === "csv") {
    return new Response(findingsTemplateCsv(), {
      headers: {
        ...common,
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="lantern-audit-findings-template.csv"',
      },
    });
  }
  if (params.format === "xlsx") {
    return new Response(Uint8Array.from(await findingsTemplateXlsx()), {
      headers: {
        ...common,
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": 'attachment; filename="lantern-audit-findings-template.xlsx"',
      },
    });
  }
  throw notFound("No such template");
}
