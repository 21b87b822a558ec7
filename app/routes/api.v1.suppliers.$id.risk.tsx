// GET /api/v1/suppliers/{id}/risk: the current score, its band and its explanation.
import { apiJson, apiRoute } from "~/lib/api.server";
import { problem, serviceProblem } from "~/lib/api-problem.server";
import { IdParamsSchema } from "~/schemas/api";
import { apiSupplierRisk } from "~/services/api-resources.server";

export const { loader, action } = apiRoute({
  GET: {
    scope: "read",
    async handler(caller, { params, context }) {
      const id = IdParamsSchema.safeParse(params);
      if (!id.success) return problem(404, "No such supplier");
      const r = await apiSupplierRisk(context.db, caller.key.orgId, id.data.id);
      return r.ok ? apiJson(r.value) : serviceProblem(r);
    },
  },
});
