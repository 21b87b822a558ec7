// POST /api/v1/assessments: start an assessment for a supplier (the current questionnaire).
import { apiJson, apiRoute } from "~/lib/api.server";
import { serviceProblem, validationProblem } from "~/lib/api-problem.server";
import { ApiAssessmentStartSchema } from "~/schemas/api";
import { apiAssessment, apiStartAssessment } from "~/services/api-resources.server";

export const { loader, action } = apiRoute({
  POST: {
    scope: "write",
    async handler(caller, { context, body, ip }) {
      const parsed = ApiAssessmentStartSchema.safeParse(body ?? {});
      if (!parsed.success) return validationProblem(parsed.error);
      const r = await apiStartAssessment(context.db, caller.ident, parsed.data, ip);
      if (!r.ok) return serviceProblem(r);
      const a = await apiAssessment(context.db, caller.key.orgId, r.value.id);
      return a.ok ? apiJson(a.value, { status: 201, headers: { Location: `/api/v1/assessments/${r.value.id}` } }) : serviceProblem(a);
    },
  },
});
