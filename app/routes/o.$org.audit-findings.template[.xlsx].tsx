import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOrg } from "~/lib/auth.server";
import { findingsTemplateXlsx } from "~/lib/upload/audit-finding-sheet.server";

// The findings template of the audit page as an Excel workbook (exceljs): the columns the import reads
// and three example rows (a major hours finding, a zero-tolerance one, a minor one on a principle).
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireOrg(request, context, params.org, "suppliers.view");
  return new Response(Uint8Array.from(await findingsTemplateXlsx()), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": 'attachment; filename="lantern-audit-findings-template.xlsx"',
      "X-Content-Type-Options": "nosniff",
    },
  });
}
