import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireOrg } from "~/lib/auth.server";
import { badRequest, formObject, problemResponse } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { getImport } from "~/models/import.server";
import { discardImport, importOptionsOf, queueCheck, queueCommit } from "~/services/import.server";
import type { ImportPreview } from "~/domain/csv/preview";
import { countryName } from "~/domain/country";
import type { ImportResult } from "~/services/import-commit.server";
import type { FieldKey } from "~/domain/csv/fields";
import { FormError } from "~/components/forms";
import { usePollWhileRunning } from "~/components/import-polling";
import { MAX_DB_INT } from "~/schemas/fields";
import { PolicySchema, parseRecheckForm } from "~/schemas/import";
import { MappingForm } from "~/components/import-mapping";
import { LIST_PAGE, type PagedList } from "~/components/import-lists";
import { PreviewView, type PagedPreview } from "~/components/import-preview";
import { countOf, formatInt } from "~/components/format";
import { DiscardImportButton } from "~/components/import-discard";

export const meta: MetaFunction = () => [{ title: "Import suppliers — Lantern" }];

const IdParam = z.coerce.number().int().positive().max(MAX_DB_INT);
const PageParam = z.coerce.number().int().min(1).max(1_000_000).catch(1);
const RUNNING = new Set(["check_queued", "checking", "commit_queued", "committing"]);

function page<T>(items: T[] | undefined, total: number, raw: string | null): PagedList<T> {
  const list = items ?? [];
  const pages = Math.max(1, Math.ceil(list.length / LIST_PAGE));
  const p = Math.min(PageParam.parse(raw ?? 1), pages);
  return { items: list.slice((p - 1) * LIST_PAGE, p * LIST_PAGE), total, page: p, pages };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { org } = await requireOrg(request, context, params.org, "suppliers.import");
  const id = IdParam.safeParse(params.id);
  if (!id.success) throw json(null, { status: 404 });
  const imp = await getImport(context.db, org.id, id.data);
  if (!imp) throw json(null, { status: 404 });
  const url = new URL(request.url);
  const headers = JSON.parse(imp.headers) as string[];
  const full = imp.preview ? (JSON.parse(imp.preview) as ImportPreview) : null;
  // Only the page of each list that is shown goes to the browser (a check may list thousands).
  const preview: PagedPreview | null = full
    ? {
        ...full,
        newList: page(full.newList, full.new, url.searchParams.get("np")),
        changedList: page(full.changedList, full.changedList?.length ?? 0, url.searchParams.get("cp")),
        countries: full.countries?.map((c) => ({ ...c, label: c.iso2 ? countryName(c.iso2) : null })),
      }
    : null;
  return json({
    org,
    imp: {
      id: imp.id,
      filename: imp.filename,
      status: imp.status,
      mapping: JSON.parse(imp.mapping ?? "[]") as Array<FieldKey | null>,
      preview,
      result: imp.result ? (JSON.parse(imp.result) as Partial<ImportResult> & { error?: string }) : null,
      progress: { done: imp.progress_done, total: imp.progress_total },
      policy: importOptionsOf(imp.options).policy,
      samples: imp.samples ? (JSON.parse(imp.samples) as string[][]) : [],
    },
    headers,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { org } = await requireOrg(request, context, params.org, "suppliers.import");
  const id = IdParam.safeParse(params.id);
  if (!id.success) throw json(null, { status: 404 });
  // Another organization's import (or none) is a 404 whatever the form says.
  const imp = await getImport(context.db, org.id, id.data);
  if (!imp) throw json(null, { status: 404 });
  const form = await formObject(request);
  const here = `/o/${org.slug}/suppliers/import/${id.data}`;
  if (form.intent === "check") {
    const count = Number(form.columns ?? "0");
    if (!Number.isInteger(count) || count < 0 || count > 500) return badRequest({ formError: "The mapping could not be read." });
    const mapping = Array.from({ length: count }, (_, i) => {
      const v = form[`col${i}`];
      return typeof v === "string" && v !== "" ? v : null;
    });
    // Without a policy field the import keeps the one it has (the safe default for a new one).
    const policy = PolicySchema.optional().safeParse(form.policy);
    if (!policy.success) return badRequest({ formError: policy.error.issues[0]?.message ?? "Choose an update policy." });
    const r = await queueCheck(context.db, org.id, id.data, mapping, policy.data ? { policy: policy.data } : {});
    return r.ok ? redirectWithToast(here, "Checking the file") : problemResponse(r);
  }
  if (form.intent === "recheck") {
    const choices = parseRecheckForm(form);
    if ("error" in choices) return badRequest({ formError: choices.error });
    const mapping = JSON.parse(imp.mapping ?? "[]") as Array<string | null>;
    const r = await queueCheck(context.db, org.id, id.data, mapping, choices);
    return r.ok ? redirectWithToast(here, "Checking the file again with your choices") : problemResponse(r);
  }
  if (form.intent === "commit") {
    const r = await queueCommit(context.db, org.id, id.data);
    return r.ok ? redirectWithToast(here, "Importing the suppliers") : problemResponse(r);
  }
  if (form.intent === "discard") {
    const r = await discardImport(context.db, org.id, id.data);
    return r.ok ? redirectWithToast(`/o/${org.slug}/suppliers/import`, "Import discarded; nothing was imported") : problemResponse(r);
  }
  return badRequest({ formError: "Unknown request." });
}

export default function ImportStep() {
  const { org, imp, headers } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const running = RUNNING.has(imp.status);
  usePollWhileRunning(running, imp.status);
  const base = `/o/${org.slug}/suppliers`;
  const r = imp.result;
  return (
    <main className="page">
      <p className="muted small">
        <Link to={base}>Suppliers</Link> › <Link to={`${base}/import`}>Import</Link> › {imp.filename}
      </p>
      <h1>Import “{imp.filename}”</h1>
      <FormError message={result?.formError} />
      {imp.status === "uploaded" || (imp.status === "checked" && imp.preview?.fileError) ? (
        <MappingForm headers={headers} mapping={imp.mapping} samples={imp.samples} policy={imp.policy} />
      ) : null}
      {running ? <ProgressView status={imp.status} progress={imp.progress} /> : null}
      {imp.status === "checked" && imp.preview ? <PreviewView preview={imp.preview} policy={imp.policy} base={base} /> : null}
      {imp.status === "committed" && r ? (
        <div className="alert success" role="status">
          <strong>Imported.</strong> {countOf(r.created ?? 0, "new supplier")}, {formatInt(r.updated ?? 0)} updated,{" "}
          {formatInt(r.unchanged ?? 0)} unchanged; {countOf(r.links ?? 0, "supply link")}. <Link to={base}>Go to the supplier list</Link>
        </div>
      ) : null}
      {imp.status === "failed" ? (
        <div className="alert error" role="alert">
          {r?.error ?? "The import failed; nothing was imported."} <Link to={`${base}/import`}>Upload a file</Link>
        </div>
      ) : null}
      {imp.status === "discarded" ? (
        <div className="alert note" role="status">
          This import was discarded; nothing was imported. <Link to={`${base}/import`}>Upload a file</Link>
        </div>
      ) : null}
      {imp.status === "uploaded" || imp.status === "checked" || imp.status === "failed" ? <DiscardForm /> : null}
    </main>
  );
}

// A <div>, not a <p>: the button is a form, and the browser closes a <p> at a <form>, so the page it
// builds would differ from React's and hydration would fail.
function DiscardForm() {
  return (
    <div className="import-discard">
      <DiscardImportButton /> <span className="muted small">Nothing of it has been imported; the file is deleted.</span>
    </div>
  );
}

function ProgressView({ status, progress }: { status: string; progress: { done: number; total: number } }) {
  const what = status.startsWith("check") ? "Checking every row" : "Importing";
  const pct = progress.total ? Math.round((100 * progress.done) / progress.total) : 0;
  return (
    <section className="card" aria-live="polite" aria-busy="true">
      <h2>{what}…</h2>
      <progress max={100} value={progress.total ? pct : undefined} aria-label={`${what}: ${pct}%`} />
      <p className="muted">
        {progress.total ? `${formatInt(progress.done)} of ${countOf(progress.total, "row")}` : "Starting…"} You can leave this page; the
        import carries on.
      </p>
    </section>
  );
}
