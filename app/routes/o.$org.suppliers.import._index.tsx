import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData, MaxPartSizeExceededError } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireOrg } from "~/lib/auth.server";
import { problemResponse } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { lastCommittedImport, listImports } from "~/models/import.server";
import { uploadImport } from "~/services/import.server";
import { SUPPLIER_FIELDS } from "~/domain/csv/fields";
import { importState } from "~/domain/csv/import-state";
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS, decodeCsvInput } from "~/domain/csv/parse";
import { formatSize } from "~/domain/csv/decode";
import { formatDateTime, formatInt } from "~/components/format";
import { FormError } from "~/components/forms";
import { DiscardImportButton } from "~/components/import-discard";
import { ImportTable } from "~/components/import-table";

export const meta: MetaFunction = () => [{ title: "Import suppliers — Lantern" }];

const RECENT_COLUMNS = [
  { key: "file", label: "File" },
  { key: "uploaded", label: "Uploaded" },
  { key: "status", label: "Status" },
  { key: "actions", label: <span className="sr-only">Actions</span> },
];
const FIELD_DOC_COLUMNS = [
  { key: "column", label: "Column" },
  { key: "field", label: "Field" },
  { key: "what", label: "What to put in it" },
  { key: "example", label: "Example" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { org } = await requireOrg(request, context, params.org, "suppliers.import");
  const [imports, last] = await Promise.all([listImports(context.db, org.id, 10), lastCommittedImport(context.db, org.id)]);
  const now = new Date();
  return json({
    org,
    imports: imports.map((i) => ({ id: i.id, filename: i.filename, created_at: i.created_at, ...importState(i, last, now) })),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const id = await requireOrg(request, context, params.org, "suppliers.import");
  const tooLarge = () =>
    json({ formError: `The file is larger than ${formatSize(DEFAULT_MAX_BYTES)}. Split it into smaller files.` }, { status: 413 });
  const length = Number(request.headers.get("Content-Length") ?? "0");
  if (length > DEFAULT_MAX_BYTES + 64 * 1024) return tooLarge();
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    return json({ formError: "Choose a CSV file to upload." }, { status: 415 });
  }
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: DEFAULT_MAX_BYTES }));
  } catch (e) {
    if (e instanceof MaxPartSizeExceededError) return tooLarge();
    return json({ formError: "The upload could not be read. Please try again." }, { status: 400 });
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return json({ formError: "Choose a CSV file to upload." }, { status: 400 });
  // UTF-8 (with or without BOM) or UTF-16 with BOM; anything else is refused with a message.
  const decoded = decodeCsvInput(new Uint8Array(await file.arrayBuffer()));
  if (!decoded.ok) return json({ formError: decoded.error }, { status: 400 });
  // The name is only shown back; control characters go (PostgreSQL refuses a NUL byte: a 500).
  const name = file.name.replace(/[\u0000-\u001f\u007f]/g, "_") || "upload.csv";
  const r = await uploadImport(context.db, id, { name, text: decoded.text, sizeBytes: file.size });
  if (!r.ok) return problemResponse(r);
  return redirectWithToast(`/o/${id.org.slug}/suppliers/import/${r.value.importId}`, "File uploaded");
}

export default function ImportIndex() {
  const { org, imports } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const nav = useNavigation();
  const base = `/o/${org.slug}/suppliers`;
  return (
    <main className="page">
      <p className="muted small">
        <Link to={base}>Suppliers</Link> › Import
      </p>
      <h1>Import suppliers from a CSV file</h1>
      <p>
        Upload your supplier list as CSV (comma, semicolon or tab separated; UTF-8 or UTF-16). Every row is checked first: you see which
        suppliers are new, which fields would change (before and after), and every problem with its line and column, before anything is
        saved. By default an import only adds new suppliers; you choose whether it may fill in or overwrite fields of suppliers already in
        Lantern. The import then writes everything or nothing, and only what the check showed.
      </p>
      <p>
        <a href={`${base}/import/template.csv`} className="button secondary" download>
          Download the template
        </a>
      </p>
      <FormError message={result?.formError} />
      <Form method="post" encType="multipart/form-data" className="card stack" aria-labelledby="upload-h">
        <h2 id="upload-h">Upload a file</h2>
        <div className="field">
          <label htmlFor="file">CSV file</label>
          <p className="hint" id="file-hint">
            Up to {formatSize(DEFAULT_MAX_BYTES)} and {formatInt(DEFAULT_MAX_ROWS)} rows. Your column names do not have to match the
            template: you map them in the next step.
          </p>
          <input id="file" name="file" type="file" accept=".csv,.txt,text/csv" required aria-describedby="file-hint" />
        </div>
        <button type="submit" className="button" disabled={nav.state === "submitting"}>
          {nav.state === "submitting" ? "Uploading…" : "Upload and map columns"}
        </button>
      </Form>

      {imports.length ? (
        <section aria-labelledby="recent-h" className="card">
          <h2 id="recent-h">Recent imports</h2>
          <ImportTable label="Recent imports" columns={RECENT_COLUMNS}>
            {imports.map((i) => (
              <tr key={i.id}>
                <td>
                  <Link to={`${base}/import/${i.id}`}>{i.filename}</Link>
                </td>
                <td>{formatDateTime(i.created_at)}</td>
                <td>
                  {i.label}
                  {i.abandoned ? <span className="muted small"> ({i.abandoned})</span> : null}
                </td>
                <td>
                  {i.discardable ? (
                    <DiscardImportButton
                      small
                      action={`${base}/import/${i.id}`}
                      label={`Discard ${i.filename} (uploaded ${formatDateTime(i.created_at)})`}
                    />
                  ) : null}
                </td>
              </tr>
            ))}
          </ImportTable>
        </section>
      ) : null}

      <section aria-labelledby="cols-h" className="card">
        <h2 id="cols-h">Columns</h2>
        <ImportTable label="Columns" columns={FIELD_DOC_COLUMNS}>
          {SUPPLIER_FIELDS.map((f) => (
            <tr key={f.key}>
              <td>
                <code>{f.key}</code>
                {f.required ? <strong> (required)</strong> : null}
              </td>
              <td>{f.label}</td>
              <td>{f.help}</td>
              <td>
                <code>{f.example}</code>
              </td>
            </tr>
          ))}
        </ImportTable>
      </section>
    </main>
  );
}
