// Submission from the supplier portal (resource route): 200 {ok} | 400 {missing: [{sectionKey,
// questionKey, reason}]} saying exactly what is missing | 409 {readOnly} | 401 | 404.
import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { STATUS_OF, formObject } from "~/lib/http.server";
import { requireSupplierApi } from "~/lib/portal.server";
import { PortalSubmitSchema } from "~/schemas/portal";
import { submitAssessment } from "~/services/assessment-answers.server";

const NO_STORE = { "Cache-Control": "no-store" };

export async function action({ request, context }: ActionFunctionArgs) {
  const s = await requireSupplierApi(request, context);
  const parsed = PortalSubmitSchema.safeParse(await formObject(request));
  if (!parsed.success) return json({ messageKey: "ui.error.not_found" }, { status: 404, headers: NO_STORE });
  const r = await submitAssessment(context.db, { kind: "supplier", s }, parsed.data.assessmentId, context.clientIp);
  if (r.ok) return json({ ok: true as const }, { headers: NO_STORE });
  if (r.detail) return json({ missing: r.detail }, { status: 400, headers: NO_STORE });
  if (r.kind === "conflict") return json({ readOnly: true, messageKey: "ui.error.read_only" }, { status: 409, headers: NO_STORE });
  return json({ messageKey: "ui.error.not_found" }, { status: STATUS_OF[r.kind], headers: NO_STORE });
}
