// GET /api/v1/grievances/counts: worker-voice cases as numbers only ("fewer than 5" under five).
import { apiJson, apiRoute } from "~/lib/api.server";
import { serviceProblem, validationProblem } from "~/lib/api-problem.server";
import { ApiGrievanceQuerySchema } from "~/schemas/api";
import { apiGrievanceCounts } from "~/services/api-resources.server";

export const { loader, action } = apiRoute({
  GET: {
    scope: "read",
    async handler(caller, { request, context }) {
      const q = ApiGrievanceQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
      if (!q.success) return validationProblem(q.error, "The query");
      const r = await apiGrievanceCounts(context.db, caller.key.orgId, q.data.supplierId);
      return r.ok ? apiJson(r.value) : serviceProblem(r);
    },
  },
});
