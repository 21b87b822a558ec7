// POST /api/v1/suppliers/bulk: upsert suppliers by reference, everything or nothing, with the CSV
// import's columns, checks, messages and update policy (chosen per call).
import { apiJson, apiRoute } from "~/lib/api.server";
import { problem, validationProblem } from "~/lib/api-problem.server";
import { BulkUpsertSchema } from "~/schemas/api";
import { apiBulkUpsert } from "~/services/api-suppliers.server";

export const { loader, action } = apiRoute({
  POST: {
    scope: "write",
    async handler(caller, { context, body, ip }) {
      const parsed = BulkUpsertSchema.safeParse(body ?? {});
      if (!parsed.success) return validationProblem(parsed.error);
      const r = await apiBulkUpsert(context.db, caller.ident, parsed.data, ip);
      if (r.ok) return apiJson(r.value);
      const issues = r.detail?.issues ?? [];
      const errors = issues.map((i) => ({
        pointer: i.line > 0 ? `#/rows/${i.line - 1}${i.field ? `/${i.field}` : ""}` : "#/rows",
        detail: i.message,
        ...(i.line > 0 ? { row: i.line - 1 } : {}),
      }));
      return problem(r.kind === "conflict" ? 409 : 422, r.message, { errors, errorCount: r.detail?.errorCount ?? errors.length });
    },
  },
});
