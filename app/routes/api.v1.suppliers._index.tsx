// GET /api/v1/suppliers: the supplier list (the UI's filters, a cursor); POST: create one supplier.
import { apiJson, apiRoute } from "~/lib/api.server";
import { problem, serviceProblem, validationProblem } from "~/lib/api-problem.server";
import { etagOf } from "~/domain/api/etag";
import { ApiSupplierListQuerySchema } from "~/schemas/api";
import { SupplierApiSchema } from "~/schemas/supplier";
import { apiGetSupplier, apiSupplierPage } from "~/services/api-suppliers.server";
import { createSupplier } from "~/services/suppliers.server";

export const { loader, action } = apiRoute({
  GET: {
    scope: "read",
    async handler(caller, { request, context }) {
      const parsed = ApiSupplierListQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
      if (!parsed.success) return validationProblem(parsed.error, "The query");
      const r = await apiSupplierPage(context.db, caller.key.orgId, parsed.data);
      if (!r.ok) return serviceProblem(r);
      return apiJson({ data: r.value.data, next_cursor: r.value.nextCursor });
    },
  },
  POST: {
    scope: "write",
    async handler(caller, { context, body, ip }) {
      const parsed = SupplierApiSchema.safeParse(body ?? {});
      if (!parsed.success) return validationProblem(parsed.error);
      const r = await createSupplier(context.db, caller.ident, parsed.data, ip);
      if (!r.ok) return serviceProblem(r);
      const s = await apiGetSupplier(context.db, caller.key.orgId, r.value.id);
      if (!s.ok) return problem(404, s.message);
      return apiJson(s.value, { status: 201, headers: { Location: `/api/v1/suppliers/${s.value.id}`, ETag: etagOf(s.value.version) } });
    },
  },
});
