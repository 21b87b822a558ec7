// GET /api/v1/actions: corrective actions (those opened from a worker's grievance stay internal).
import { apiJson, apiRoute } from "~/lib/api.server";
import { validationProblem } from "~/lib/api-problem.server";
import { ApiActionListQuerySchema } from "~/schemas/api";
import { apiActions } from "~/services/api-resources.server";

export const { loader, action } = apiRoute({
  GET: {
    scope: "read",
    async handler(caller, { request, context }) {
      const q = ApiActionListQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
      if (!q.success) return validationProblem(q.error, "The query");
      return apiJson(await apiActions(context.db, caller.key.orgId, q.data));
    },
  },
});
