// GET /api/v1/suppliers/{id}/links: whom the supplier sells to and who sells to it; POST: add "sells to".
import { apiJson, apiRoute } from "~/lib/api.server";
import { problem, serviceProblem, validationProblem } from "~/lib/api-problem.server";
import { ApiLinkSchema, IdParamsSchema } from "~/schemas/api";
import { apiAddSupplyLink, apiSupplyLinks } from "~/services/api-resources.server";

const NOT_FOUND = "No such supplier";

export const { loader, action } = apiRoute({
  GET: {
    scope: "read",
    async handler(caller, { params, context }) {
      const id = IdParamsSchema.safeParse(params);
      if (!id.success) return problem(404, NOT_FOUND);
      const r = await apiSupplyLinks(context.db, caller.key.orgId, id.data.id);
      return r.ok ? apiJson(r.value) : serviceProblem(r);
    },
  },
  POST: {
    scope: "write",
    async handler(caller, { params, context, body, ip }) {
      const id = IdParamsSchema.safeParse(params);
      if (!id.success) return problem(404, NOT_FOUND);
      const parsed = ApiLinkSchema.safeParse(body ?? {});
      if (!parsed.success) return validationProblem(parsed.error);
      const r = await apiAddSupplyLink(context.db, caller.ident, id.data.id, parsed.data.buyerId, ip);
      return r.ok ? apiJson(r.value, { status: 201 }) : serviceProblem(r);
    },
  },
});
