// One audit of a supplier's site: what it is (standard, firm, date, type, scope, result, in force
// until, the principles its standard covers, the report), its findings with the corrective action each
// opened, and for admins and compliance officers: a finding typed by hand, or a findings file (CSV or
// XLSX, from the template) checked first (?import=<id> shows the check: rows and row errors), then
// committed all at once or discarded.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireOrg } from "~/lib/auth.server";
import { badRequest, notFound, problemResponse, zodFieldErrors } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { FINDINGS_FILE_MAX_BYTES } from "~/lib/upload/audit-finding-sheet.server";
import { FindingSchema } from "~/schemas/site-audit";
import { isDbId } from "~/schemas/fields";
import { parseUpload } from "~/services/action-upload.server";
import { addFinding, checkFindingsFile, commitFindingsImport, discardFindingsImport, siteAuditPage } from "~/services/site-audits.server";
import { AuditFacts, FindingsCheck, FindingsImportForm, FindingsTable, NewFindingForm } from "~/components/audit-finding-list";
import { useOrg } from "./o.$org";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.audit.label ?? "Audit"} — Lantern` }];

function idOf(raw: string | undefined, what: string): number {
  if (!raw || !isDbId(raw)) throw notFound(`No such ${what}`);
  return Number(raw);
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "suppliers.view");
  const raw = new URL(request.url).searchParams.get("import");
  const importId = raw && isDbId(raw) ? Number(raw) : null;
  const page = await siteAuditPage(context.db, ident, idOf(params.id, "supplier"), idOf(params.auditId, "audit"), importId);
  if (!page) throw notFound("No such audit");
  return json(page);
}

const ImportIdSchema = z.object({ importId: z.coerce.number().int().positive().max(2_147_483_647) });

async function readForm(
  request: Request,
): Promise<{ fields: Record<string, string>; file: { name: string; bytes: Uint8Array } | null } | string> {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    try {
      const form = await request.formData();
      return { fields: Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string")), file: null };
    } catch {
      return "The form could not be read.";
    }
  }
  const parsed = await parseUpload(request, FINDINGS_FILE_MAX_BYTES + 64 * 1024);
  if ("error" in parsed) return parsed.error === "too_large" ? "too_large" : "The form could not be read.";
  const fields: Record<string, string> = {};
  let file: { name: string; bytes: Uint8Array } | null = null;
  for (const [k, v] of parsed.form.entries()) {
    if (typeof v === "string") fields[k] ??= v;
    else if (k === "file" && (v.name !== "" || v.size > 0)) file = { name: v.name, bytes: new Uint8Array(await v.arrayBuffer()) };
  }
  return { fields, file };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "suppliers.edit");
  const [supplierId, auditId] = [idOf(params.id, "supplier"), idOf(params.auditId, "audit")];
  const here = `/o/${ident.org.slug}/suppliers/${supplierId}/audits/${auditId}`;
  const body = await readForm(request);
  if (body === "too_large") {
    const message = `The file is larger than ${FINDINGS_FILE_MAX_BYTES / 1024 / 1024} MB: a findings file is much smaller.`;
    return json({ intent: "check", formError: message, fieldErrors: { file: message } }, { status: 413 });
  }
  if (typeof body === "string") return badRequest({ formError: body });
  const intent = body.fields.intent ?? "";
  const [db, ip] = [context.db, context.clientIp];
  if (intent === "finding") {
    const parsed = FindingSchema.safeParse(body.fields);
    if (!parsed.success)
      return json({ intent, fieldErrors: zodFieldErrors(parsed.error), formError: "Please check the finding." }, { status: 400 });
    const r = await addFinding(db, ident, supplierId, auditId, parsed.data, ip);
    if (!r.ok) return r.kind === "not_found" ? notFound("No such audit") : problemResponse(r, { intent, formError: r.message });
    return redirectWithToast(here, "Finding added; its corrective action is open.");
  }
  if (intent === "check") {
    const r = await checkFindingsFile(db, ident, supplierId, auditId, body.file, ip);
    if (!r.ok) return r.kind === "not_found" ? notFound("No such audit") : problemResponse(r, { intent, formError: r.message });
    const n = r.value.errors.length;
    return redirectWithToast(
      `${here}?import=${r.value.importId}`,
      n
        ? `The file has ${n} ${n === 1 ? "error" : "errors"}: nothing is imported yet.`
        : `${r.value.rows} ${r.value.rows === 1 ? "finding" : "findings"} ready to import.`,
    );
  }
  if (intent === "commit" || intent === "discard") {
    const parsed = ImportIdSchema.safeParse(body.fields);
    if (!parsed.success) return badRequest({ formError: "That request could not be understood." });
    if (intent === "discard") {
      const r = await discardFindingsImport(db, ident, supplierId, auditId, parsed.data.importId, ip);
      if (!r.ok) return r.kind === "not_found" ? notFound("No such audit") : problemResponse(r, { intent });
      return redirectWithToast(here, "File discarded: nothing was imported.");
    }
    const r = await commitFindingsImport(db, ident, supplierId, auditId, parsed.data.importId, ip);
    if (!r.ok) return r.kind === "not_found" ? notFound("No such audit") : problemResponse(r, { intent, formError: r.message });
    return redirectWithToast(
      here,
      `${r.value.findings} ${r.value.findings === 1 ? "finding" : "findings"} imported, each with its corrective action.`,
    );
  }
  return badRequest({ formError: "That request could not be understood." });
}

export default function SiteAuditPage() {
  const d = useLoaderData<typeof loader>();
  const { org } = useOrg();
  const supplierHref = `/o/${org.slug}/suppliers/${d.supplier.id}`;
  const here = `${supplierHref}/audits/${d.audit.id}`;
  return (
    <main className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={`/o/${org.slug}/suppliers`}>Suppliers</Link>
        {" · "}
        <Link to={supplierHref}>{d.supplier.name}</Link>
      </nav>
      <h1>{d.audit.label}</h1>
      <AuditFacts audit={d.audit} reportHref={`${here}/report`} />
      <FindingsTable findings={d.findings} orgSlug={org.slug} />
      {d.canEdit && d.checked ? <FindingsCheck checked={d.checked} /> : null}
      {d.canEdit ? (
        <div className="chain">
          <FindingsImportForm templateBase={`/o/${org.slug}/audit-findings/template`} />
          <NewFindingForm severityWords={d.audit.severityWords} />
        </div>
      ) : null}
    </main>
  );
}
