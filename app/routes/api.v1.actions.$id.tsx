// GET /api/v1/actions/{id}: one corrective action.
import { apiJson, apiRoute } from "~/lib/api.server";
import { problem, serviceProblem } from "~/lib/api-problem.server";
import { IdParamsSchema } from "~/schemas/api";
import { apiAction } from "~/services/api-resources.server";

export const { loader, action } = apiRoute({
  GET: {
    scope: "read",
    async handler(caller, { params, context }) {
      const id = IdParamsSchema.safeParse(params);
      if (!id.success) return problem(404, "No such corrective action");
      const r = await apiAction(context.db, caller.key.orgId, id.data.id);
      return r.ok ? apiJson(r.value) : serviceProblem(r);
    },
  },
});
