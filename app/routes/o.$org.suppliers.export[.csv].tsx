import { todayIso } from "~/domain/dates";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireOrg } from "~/lib/auth.server";
import { SupplierListQuerySchema } from "~/schemas/supplier";
import { parseSearchParams } from "~/schemas/audit";
import { exportSuppliers } from "~/models/supplier-export.server";
import { EXPORT_HEADER, toCsv } from "~/domain/csv/serialize";

// The current filtered list as CSV, in the import template's columns (so it can be edited and
// re-imported) plus the risk score and band (which the import ignores); cells that a spreadsheet
// would run as formulas are neutralised.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { org } = await requireOrg(request, context, params.org, "suppliers.view");
  const parsed = parseSearchParams(SupplierListQuerySchema, new URL(request.url));
  if (!parsed.success) throw json({ message: "Invalid filter" }, { status: 400 });
  const rows = await exportSuppliers(context.db, org.id, parsed.data);
  const csv = toCsv(EXPORT_HEADER, rows, { bom: true });
  const date = todayIso();
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${org.slug}-suppliers-${date}.csv"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
