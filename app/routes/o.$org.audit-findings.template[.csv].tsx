import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOrg } from "~/lib/auth.server";
import { findingsTemplateCsv } from "~/lib/upload/audit-finding-sheet.server";

// The findings template of the audit page as CSV: the columns the import reads and three example rows.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireOrg(request, context, params.org, "suppliers.view");
  return new Response(findingsTemplateCsv(), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="lantern-audit-findings-template.csv"',
      "X-Content-Type-Options": "nosniff",
    },
  });
}
