import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireOrg } from "../lib/auth.server";
import { formObject } from "../lib/http.server";
import { getImport } from "../models/import.server";
import { queueCheck, queueCommit, type ImportPreview, type ImportResult } from "../services/import.server";
import { SUPPLIER_FIELDS, type FieldKey } from "../domain/csv/fields";
import { FormError } from "../components/forms";
import { usePollWhileRunning } from "../components/import-polling";
import { MAX_DB_INT } from "../schemas/fields";

export const meta: MetaFunction = () => [{ title: "Import suppliers — Lantern" }];

const IdParam = z.coerce.number().int().positive().max(MAX_DB_INT);
const RUNNING = new Set(["check_queued", "checking", "commit_queued", "committing"]);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { org } = await requireOrg(request, context, params.org, "suppliers.import");
  const id = IdParam.safeParse(params.id);
  if (!id.success) throw json(null, { status: 404 });
  const imp = await getImport(context.db, org.id, id.data);
  if (!imp) throw json(null, { status: 404 });
  const headers = JSON.parse(imp.headers) as string[];
  return json({
    org,
    imp: {
      id: imp.id,
      filename: imp.filename,
      status: imp.status,
      mapping: JSON.parse(imp.mapping ?? "[]") as Array<FieldKey | null>,
      preview: imp.preview ? (JSON.parse(imp.preview) as ImportPreview) : null,
      result: imp.result ? (JSON.parse(imp.result) as Partial<ImportResult> & { error?: string }) : null,
      progress: { done: imp.progress_done, total: imp.progress_total },
    },
    headers,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { org } = await requireOrg(request, context, params.org, "suppliers.import");
  const id = IdParam.safeParse(params.id);
  if (!id.success) throw json(null, { status: 404 });
  const form = await formObject(request);
  if (form.intent === "check") {
    const count = Number(form.columns ?? "0");
    if (!Number.isInteger(count) || count < 0 || count > 500) return json({ formError: "The mapping could not be read." }, { status: 400 });
    const mapping = Array.from({ length: count }, (_, i) => {
      const v = form[`col${i}`];
      return typeof v === "string" && v !== "" ? v : null;
    });
    const r = await queueCheck(context.db, org.id, id.data, mapping);
    if ("status" in r) return json({ formError: r.message }, { status: r.status });
  } else if (form.intent === "commit") {
    const r = await queueCommit(context.db, org.id, id.data);
    if ("status" in r) return json({ formError: r.message }, { status: r.status });
  } else {
    return json({ formError: "Unknown request." }, { status: 400 });
  }
  return redirect(`/o/${org.slug}/suppliers/import/${id.data}`);
}

export default function ImportStep() {
  const { org, imp, headers } = useLoaderData<typeof loader>();
  const result = useActionData<{ formError?: string }>();
  const running = RUNNING.has(imp.status);
  usePollWhileRunning(running, imp.status);
  const base = `/o/${org.slug}/suppliers`;
  return (
    <main className="page">
      <p className="muted small">
        <Link to={base}>Suppliers</Link> › <Link to={`${base}/import`}>Import</Link> › {imp.filename}
      </p>
      <h1>Import “{imp.filename}”</h1>
      <FormError message={result?.formError} />
      {imp.status === "uploaded" || (imp.status === "checked" && imp.preview?.fileError) ? (
        <MappingForm headers={headers} mapping={imp.mapping} />
      ) : null}
      {running ? <ProgressView status={imp.status} progress={imp.progress} /> : null}
      {imp.status === "checked" && imp.preview ? <PreviewView preview={imp.preview} base={base} /> : null}
      {imp.status === "committed" && imp.result ? (
        <div className="alert success" role="status">
          <strong>Imported.</strong> {imp.result.created ?? 0} new suppliers, {imp.result.updated ?? 0} updated,{" "}
          {imp.result.unchanged ?? 0} unchanged; {imp.result.links ?? 0} supply links.{" "}
          <Link to={base}>Go to the supplier list</Link>
        </div>
      ) : null}
      {imp.status === "failed" ? (
        <div className="alert error" role="alert">
          {imp.result?.error ?? "The import failed; nothing was imported."} <Link to={`${base}/import`}>Upload a file</Link>
        </div>
      ) : null}
    </main>
  );
}

function MappingForm({ headers, mapping }: { headers: string[]; mapping: Array<FieldKey | null> }) {
  const nav = useNavigation();
  return (
    <Form method="post" className="card stack" aria-labelledby="map-h">
      <h2 id="map-h">Match your columns to Lantern's fields</h2>
      <p className="muted">
        We matched what we could from the column names (and from your organization's last import). Choose “Ignore” for columns
        you do not want to import. Name and country are required.
      </p>
      <input type="hidden" name="intent" value="check" />
      <input type="hidden" name="columns" value={headers.length} />
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Column in your file</th>
            <th scope="col">Lantern field</th>
          </tr>
        </thead>
        <tbody>
          {headers.map((h, i) => (
            <tr key={i}>
              <td>
                <label htmlFor={`col${i}`}>{h}</label>
              </td>
              <td>
                <select id={`col${i}`} name={`col${i}`} defaultValue={mapping[i] ?? ""}>
                  <option value="">Ignore this column</option>
                  {SUPPLIER_FIELDS.map((f) => (
                    <option key={f.key} value={f.key}>
                      {f.label}
                      {f.required ? " (required)" : ""}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="submit" className="button" disabled={nav.state === "submitting"}>
        Check the file
      </button>
    </Form>
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
        {progress.total ? `${progress.done.toLocaleString("en")} of ${progress.total.toLocaleString("en")} rows` : "Starting…"} You can
        leave this page; the import carries on.
      </p>
    </section>
  );
}

function PreviewView({ preview, base }: { preview: ImportPreview; base: string }) {
  const nav = useNavigation();
  if (preview.fileError) {
    return (
      <div className="alert error" role="alert">
        {preview.fileError}
      </div>
    );
  }
  const ok = preview.errorCount === 0;
  return (
    <>
      <section className="card" aria-labelledby="prev-h">
        <h2 id="prev-h">What this file would change</h2>
        <dl className="stats">
          <div>
            <dt>Rows in the file</dt>
            <dd>{preview.fileRows.toLocaleString("en")}</dd>
          </div>
          <div>
            <dt>New suppliers</dt>
            <dd>{preview.new.toLocaleString("en")}</dd>
          </div>
          <div>
            <dt>Changed</dt>
            <dd>{preview.changed.toLocaleString("en")}</dd>
          </div>
          <div>
            <dt>Unchanged</dt>
            <dd>{preview.unchanged.toLocaleString("en")}</dd>
          </div>
          <div>
            <dt>Problems found</dt>
            <dd>{preview.errorCount.toLocaleString("en")}</dd>
          </div>
        </dl>
        {ok ? (
          <Form method="post">
            <input type="hidden" name="intent" value="commit" />
            <button type="submit" className="button" disabled={nav.state === "submitting"}>
              Import {(preview.new + preview.changed).toLocaleString("en")} suppliers
            </button>
          </Form>
        ) : (
          <div className="alert error" role="alert">
            Nothing was imported. Fix the {preview.errorCount === 1 ? "problem" : `${preview.errorCount.toLocaleString("en")} problems`} below
            in your file and <Link to={`${base}/import`}>upload it again</Link>.
          </div>
        )}
      </section>
      {preview.errors.length ? <IssueTable title="Problems (rows that cannot be imported)" issues={preview.errors} total={preview.errorCount} /> : null}
      {preview.warnings.length ? <IssueTable title="Warnings (imported as shown)" issues={preview.warnings} total={preview.warningCount} /> : null}
    </>
  );
}

function IssueTable({ title, issues, total }: { title: string; issues: ImportPreview["errors"]; total: number }) {
  return (
    <section className="card">
      <h2>{title}</h2>
      {total > issues.length ? <p className="muted">The first {issues.length.toLocaleString("en")} of {total.toLocaleString("en")} are shown.</p> : null}
      <table className="table">
        <thead>
          <tr>
            <th scope="col" className="num">
              Line
            </th>
            <th scope="col">Column</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((e, i) => (
            <tr key={i}>
              <td className="num">{e.line || "—"}</td>
              <td>{e.column}</td>
              <td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
