// Record a third-party audit of a supplier's site (standard, firm, date, type, scope, result, how
// long it is in force) with its report file; admins and compliance officers only. The form is
// multipart: the text fields go through the same zod schema as the browser's form.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { UPLOAD_LIMITS } from "~/domain/upload/limits";
import { requireOrg } from "~/lib/auth.server";
import { badRequest, notFound, problemResponse, zodFieldErrors } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { SiteAuditSchema } from "~/schemas/site-audit";
import { isDbId } from "~/schemas/fields";
import { parseUpload } from "~/services/action-upload.server";
import { newAuditForm, recordSiteAudit } from "~/services/site-audits.server";
import { SiteAuditForm } from "~/components/site-audit-form";
import { useOrg } from "./o.$org";

export const meta: MetaFunction = () => [{ title: "Record an audit — Lantern" }];

function supplierId(raw: string | undefined): number {
  if (!raw || !isDbId(raw)) throw notFound("No such supplier");
  return Number(raw);
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "suppliers.edit");
  const data = await newAuditForm(context.db, ident, supplierId(params.id));
  if (!data) throw notFound("No such supplier");
  return json(data);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "suppliers.edit");
  const id = supplierId(params.id);
  let fields: Record<string, string> = {};
  let report: { name: string; bytes: Uint8Array } | null = null;
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const parsed = await parseUpload(request, UPLOAD_LIMITS.maxBytes + 64 * 1024);
    if ("error" in parsed) {
      const tooLarge = parsed.error === "too_large";
      const message = tooLarge ? `The report is larger than ${UPLOAD_LIMITS.maxBytes / 1024 / 1024} MB.` : "The form could not be read.";
      return json({ formError: message, fieldErrors: { report: message } }, { status: tooLarge ? 413 : 400 });
    }
    for (const [k, v] of parsed.form.entries()) {
      if (typeof v === "string") fields[k] ??= v;
      else if (k === "report" && (v.name !== "" || v.size > 0)) report = { name: v.name, bytes: new Uint8Array(await v.arrayBuffer()) };
    }
  } else {
    try {
      fields = Object.fromEntries([...(await request.formData()).entries()].filter((e): e is [string, string] => typeof e[1] === "string"));
    } catch {
      return badRequest({ formError: "The form could not be read." });
    }
  }
  const parsed = SiteAuditSchema.safeParse(fields);
  if (!parsed.success) return badRequest({ fieldErrors: zodFieldErrors(parsed.error), formError: "Please check the form." });
  const r = await recordSiteAudit(context.db, ident, id, parsed.data, report, context.clientIp);
  if (!r.ok) {
    if (r.kind === "not_found") throw notFound("No such supplier");
    return problemResponse(r, { formError: r.message });
  }
  return redirectWithToast(`/o/${ident.org.slug}/suppliers/${id}/audits/${r.value.auditId}`, "Audit recorded. Add its findings below.");
}

export default function NewSiteAudit() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { org } = useOrg();
  const back = `/o/${org.slug}/suppliers/${d.supplier.id}`;
  const reportError = result && "fieldErrors" in result ? result.fieldErrors?.report : undefined;
  return (
    <main className="page narrow">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={`/o/${org.slug}/suppliers`}>Suppliers</Link>
        {" · "}
        <Link to={back}>{d.supplier.name}</Link>
      </nav>
      <h1>Record an audit of {d.supplier.name}</h1>
      <p className="muted">
        A third-party social audit of this site. While it is in force it counts as independent verification of the Athens principles its
        standard checks; its critical findings raise red flags.
      </p>
      <SiteAuditForm standards={d.standards} cancelHref={back} reportError={reportError} />
    </main>
  );
}
