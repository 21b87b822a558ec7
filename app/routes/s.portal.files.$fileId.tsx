// One evidence file of the supplier's assessment: GET downloads it (always as an attachment, with
// the headers the evidence service sets); POST intent=remove removes it while the assessment is open.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { STATUS_OF, formObject } from "~/lib/http.server";
import { requireSupplierApi, supplierSession, uploadMessageKey } from "~/lib/portal.server";
import { PortalRemoveFileSchema } from "~/schemas/portal";
import { downloadEvidence, removeEvidence } from "~/services/evidence.server";
import { isDbId } from "~/schemas/fields";

function fileIdOf(raw: string | undefined): number | null {
  return isDbId(raw) ? Number(raw) : null;
}

const text = (status: number, body: string) =>
  new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  // A download is opened by a plain link: answer in plain text, not JSON.
  const s = await supplierSession(request, context);
  if (!s) return text(401, "Your session has ended. Open the link from your invitation email again.");
  const fileId = fileIdOf(params.fileId);
  const file = fileId ? await downloadEvidence(context.db, { kind: "supplier", s }, s.assessmentId, fileId) : null;
  if (!file) return text(404, "Not found");
  return new Response(new Uint8Array(file.body), { headers: { ...file.headers, "Referrer-Policy": "no-referrer" } });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const s = await requireSupplierApi(request, context);
  const fileId = fileIdOf(params.fileId);
  const parsed = PortalRemoveFileSchema.safeParse(await formObject(request));
  if (!fileId || !parsed.success) return json({ messageKey: "ui.error.not_found" }, { status: 404 });
  const r = await removeEvidence(context.db, { kind: "supplier", s }, parsed.data.assessmentId, fileId, context.clientIp);
  if (r.ok) return json({ ok: true as const }, { headers: { "Cache-Control": "no-store" } });
  return json(
    { messageKey: uploadMessageKey(r.messageKey ?? "") },
    { status: STATUS_OF[r.kind], headers: { "Cache-Control": "no-store" } },
  );
}
