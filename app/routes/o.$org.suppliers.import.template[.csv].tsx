import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOrg } from "~/lib/auth.server";
import { templateCsv } from "~/domain/csv/serialize";

// The import template: every documented column and two example rows (the second supplies the first).
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireOrg(request, context, params.org, "suppliers.view");
  return new Response(templateCsv({ bom: true }), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="lantern-suppliers-template.csv"',
      "X-Content-Type-Options": "nosniff",
    },
  });
}
