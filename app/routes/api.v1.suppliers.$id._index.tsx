// GET /api/v1/suppliers/{id}: one supplier with its ETag; PATCH: change some of its fields under If-Match.
import { apiJson, apiRoute } from "~/lib/api.server";
import { problem, serviceProblem, validationProblem } from "~/lib/api-problem.server";
import { etagOf, versionOfIfMatch } from "~/domain/api/etag";
import { IdParamsSchema } from "~/schemas/api";
import { SupplierApiSchema, SupplierPatchSchema } from "~/schemas/supplier";
import { apiGetSupplier, editableOf } from "~/services/api-suppliers.server";
import { updateSupplier } from "~/services/suppliers.server";

const NOT_FOUND = "No such supplier";

export const { loader, action } = apiRoute({
  GET: {
    scope: "read",
    async handler(caller, { params, context }) {
      const id = IdParamsSchema.safeParse(params);
      if (!id.success) return problem(404, NOT_FOUND);
      const s = await apiGetSupplier(context.db, caller.key.orgId, id.data.id);
      if (!s.ok) return serviceProblem(s);
      return apiJson(s.value, { headers: { ETag: etagOf(s.value.version) } });
    },
  },
  PATCH: {
    scope: "write",
    async handler(caller, { request, params, context, body, ip }) {
      const id = IdParamsSchema.safeParse(params);
      if (!id.success) return problem(404, NOT_FOUND);
      const current = await apiGetSupplier(context.db, caller.key.orgId, id.data.id);
      if (!current.ok) return serviceProblem(current);
      const wanted = versionOfIfMatch(request.headers.get("If-Match"));
      if (wanted === "missing")
        return problem(428, "Send the supplier's ETag in If-Match (read it with GET first), so a change never overwrites another.");
      if (wanted !== "any" && wanted !== current.value.version) return staleProblem(current.value.version);
      const change = emptyForNull(body);
      const patch = SupplierPatchSchema.safeParse(change);
      if (!patch.success) return validationProblem(patch.error);
      const merged = SupplierApiSchema.safeParse({ ...emptyForNull(editableOf(current.value)), ...change });
      if (!merged.success) return validationProblem(merged.error);
      const r = await updateSupplier(context.db, caller.ident, id.data.id, current.value.version, merged.data, ip);
      if (!r.ok) return r.detail?.current ? staleProblem(r.detail.current.version) : serviceProblem(r);
      const s = await apiGetSupplier(context.db, caller.key.orgId, id.data.id);
      if (!s.ok) return serviceProblem(s);
      return apiJson(s.value, { headers: { ETag: etagOf(s.value.version) } });
    },
  },
});

function staleProblem(version: number): Response {
  return problem(
    412,
    "The supplier changed since you read it. Read it again (GET) and apply your change to the new version.",
    {},
    { ETag: etagOf(version) },
  );
}

/** null clears a field, as an empty form field does ("not known"). */
function emptyForNull(body: unknown): Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return {};
  return Object.fromEntries(
    Object.entries(body)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, v === null ? "" : v]),
  );
}
