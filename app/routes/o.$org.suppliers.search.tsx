// Resource route for the supplier picker: GET ?q= → at most 10 suppliers of this organization.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireOrg } from "~/lib/auth.server";
import { searchSuppliers } from "~/models/supplier.server";
import type { SupplierSearchHit } from "~/schemas/supplier";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { org } = await requireOrg(request, context, params.org, "suppliers.view");
  const q = new URL(request.url).searchParams.get("q") ?? "";
  if (q.length > 200) throw json({ message: "Search text is at most 200 characters." }, { status: 400 });
  // PostgreSQL refuses a NUL byte (a 500): no name holds control characters anyway.
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(q))
    throw json({ message: "Remove control characters from the search text." }, { status: 400 });
  const rows = q.trim() ? await searchSuppliers(context.db, org.id, q, 10) : [];
  const hits: SupplierSearchHit[] = rows.map((r) => ({
    id: r.id,
    name: r.name,
    country: r.country,
    tier: r.tier,
    externalRef: r.external_ref,
  }));
  // Private: a tenant's supplier names must not sit in a shared cache.
  return json(hits, { headers: { "Cache-Control": "private, no-store" } });
}
