// Autosave of one answer from the supplier portal (a resource route: JSON in, JSON out).
// 200 {revision} | 409 {conflict: the saved answer} | 409 {readOnly} | 400 {messageKey, params} |
// 401 {sessionEnded} | 404 (another assessment than the session's, or no such question).
import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { STATUS_OF, formObject } from "~/lib/http.server";
import { publicAuthor, requireSupplierApi } from "~/lib/portal.server";
import { orgNameById } from "~/models/portal.server";
import { PortalAnswerSchema } from "~/schemas/portal";
import { saveAnswer } from "~/services/assessment-answers.server";

const NO_STORE = { "Cache-Control": "no-store" };

export async function action({ request, context }: ActionFunctionArgs) {
  const s = await requireSupplierApi(request, context);
  const parsed = PortalAnswerSchema.safeParse(await formObject(request));
  if (!parsed.success) return json({ messageKey: "ui.save_failed", params: {} }, { status: 400, headers: NO_STORE });
  const { assessmentId, questionKey, value, comment, baseRevision } = parsed.data;
  const r = await saveAnswer(
    context.db,
    { kind: "supplier", s },
    assessmentId,
    questionKey,
    { value, comment, baseRevision },
    context.clientIp,
  );
  if (r.ok) return json({ revision: r.value.revision }, { headers: NO_STORE });
  if (r.detail) {
    const orgName = (await orgNameById(context.db, s.orgId)) ?? "";
    const c = r.detail;
    return json(
      {
        conflict: {
          value: c.value,
          comment: c.comment,
          revision: c.revision,
          updatedBy: publicAuthor(c.updatedBy, orgName),
          updatedAt: c.updatedAt,
        },
      },
      { status: 409, headers: NO_STORE },
    );
  }
  if (r.kind === "conflict") return json({ readOnly: true, messageKey: "ui.error.read_only" }, { status: 409, headers: NO_STORE });
  if (r.kind === "not_found") return json({ messageKey: "ui.error.not_found" }, { status: 404, headers: NO_STORE });
  return json({ messageKey: r.messageKey ?? "ui.save_failed", params: r.params ?? {} }, { status: STATUS_OF[r.kind], headers: NO_STORE });
}
