// One corrective action: the supplier, where it came from (the answer and ILO indicator behind a red
// flag, with a link to the assessment), its timeline and files; admins and compliance officers move
// its status, change owner and due date, and add notes with files. Every form carries the version it
// was loaded at: a change made meanwhile by someone else gets 409 and nothing is saved.
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, isRouteErrorResponse, useActionData, useLoaderData, useNavigation, useRouteError } from "@remix-run/react";
import { requireOrg } from "~/lib/auth.server";
import { notFound, zodFieldErrors } from "~/lib/http.server";
import { can } from "~/domain/permissions";
import { ActionPageSchema } from "~/schemas/action";
import { actionPage, changeActionStatus, MAX_FILES_PER_ENTRY, updateActionOwnerDue } from "~/services/actions.server";
import { addActionNote } from "~/services/action-notes.server";
import { readActionForm, refusalHeaders } from "~/components/action-upload.server";
import { retryAfterHeaders } from "~/lib/rate-limit.server";
import { ACTION_MOVE_LABELS, ACTION_SOURCE_LABELS, ACTION_STATUS_LABELS, ActionDue, ActionStatusBadge } from "~/components/action-display";
import { ActionTimeline } from "~/components/action-timeline";
import { formatDate } from "~/components/format";
import { useOrg } from "./o.$org";
import { isDbId } from "~/schemas/fields";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.action.title ?? "Corrective action"} — Lantern` }];
export const headers: HeadersFunction = retryAfterHeaders;

/** Ids are positive integers; anything else is simply not found. */
function actionId(raw: string | undefined): number {
  if (!raw || !isDbId(raw)) throw notFound("No such action");
  return Number(raw);
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "actions.view");
  const view = await actionPage(context.db, ident, actionId(params.id));
  if (!view) throw notFound("No such action");
  return json({ ...view, mayEdit: can(ident.role, "actions.edit"), maxFiles: MAX_FILES_PER_ENTRY });
}

type ActionData = {
  intent: string;
  ok?: boolean;
  message?: string;
  formError?: string;
  fieldErrors?: Record<string, string>;
  stale?: boolean;
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "actions.edit");
  const id = actionId(params.id);
  // Files count against the upload limits of this officer and this IP (429 with Retry-After).
  const body = await readActionForm(request, { db: context.db, uploader: { ip: context.clientIp, who: `user:${ident.user.userId}` } });
  if ("refused" in body) {
    return json<ActionData>(
      { intent: "note", formError: body.refused.message, fieldErrors: { files: body.refused.message } },
      { status: body.refused.status, headers: refusalHeaders(body.refused) },
    );
  }
  const intent = body.fields.intent ?? "";
  const parsed = ActionPageSchema.safeParse(body.fields);
  if (!parsed.success) {
    const fieldErrors = zodFieldErrors(parsed.error);
    return json<ActionData>(
      { intent, fieldErrors, formError: fieldErrors.intent ? "That request could not be understood." : "Please check the form." },
      { status: 400 },
    );
  }
  const input = parsed.data;
  const ip = context.clientIp;
  const r =
    input.intent === "status"
      ? await changeActionStatus(context.db, ident, id, { version: input.version, status: input.status, note: input.note }, ip)
      : input.intent === "update"
        ? await updateActionOwnerDue(
            context.db,
            ident,
            id,
            { version: input.version, ownerUserId: input.ownerUserId, dueAt: input.dueAt },
            ip,
          )
        : await addActionNote(
            context.db,
            { kind: "officer", id: ident },
            id,
            { version: input.version, body: input.body, files: body.files },
            ip,
          );
  if ("status" in r) {
    if (r.status === 404) throw notFound("No such action");
    return json<ActionData>(
      {
        intent,
        formError: r.message,
        fieldErrors: r.field ? { [r.field]: r.message } : undefined,
        stale: r.status === 409 && r.messageKey === "ui.actions.stale",
      },
      { status: r.status },
    );
  }
  const message =
    input.intent === "status"
      ? `The action is now ${ACTION_STATUS_LABELS[input.status]!.toLowerCase()}.`
      : input.intent === "update"
        ? "changed" in r && !r.changed
          ? "Nothing to change."
          : "Owner and due date saved."
        : "files" in r && r.files
          ? `Note added with ${r.files === 1 ? "one file" : `${r.files} files`}.`
          : "Note added.";
  return json<ActionData>({ intent, ok: true, message });
}

export default function ActionPage() {
  const d = useLoaderData<typeof loader>();
  const { action: a } = d;
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { org } = useOrg();
  const base = `/o/${org.slug}/actions`;
  const err = (intent: string, field: string) => (result && result.intent === intent ? result.fieldErrors?.[field] : undefined);
  const final = a.status === "verified";
  return (
    <main className="page action-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={base}>Corrective actions</Link> · <Link to={`${base}?supplier=${a.supplierId}`}>{a.supplierName}</Link>
      </nav>
      <div className="page-head">
        <div>
          <h1>{a.title}</h1>
          <p className="asm-subhead">
            <ActionStatusBadge status={a.status} /> <span className="muted small">{ACTION_SOURCE_LABELS[a.source] ?? a.source}</span>
          </p>
        </div>
      </div>

      {result ? (
        <div className={`alert ${result.ok ? "success" : "error"}`} role={result.ok ? "status" : "alert"}>
          {result.ok ? result.message : (result.formError ?? "Please check the form.")}
          {result.stale ? (
            <>
              {" "}
              <Link to=".">Reload</Link>
            </>
          ) : null}
        </div>
      ) : null}

      <section className="card" aria-label="Summary">
        <dl className="details">
          <div className="details-item">
            <dt>Supplier</dt>
            <dd>
              <Link to={`/o/${org.slug}/suppliers/${a.supplierId}`}>{a.supplierName}</Link>
            </dd>
          </div>
          <div className="details-item">
            <dt>Due</dt>
            <dd>
              <ActionDue dueAt={a.dueAt} overdue={a.overdue} />
            </dd>
          </div>
          <div className="details-item">
            <dt>Owner</dt>
            <dd>{a.ownerName ?? <span className="muted">nobody</span>}</dd>
          </div>
          <div className="details-item">
            <dt>Source</dt>
            <dd>
              {ACTION_SOURCE_LABELS[a.source] ?? a.source}
              {a.assessmentId ? (
                <>
                  {" — "}
                  <Link to={`/o/${org.slug}/assessments/${a.assessmentId}`}>the assessment that raised it</Link>
                </>
              ) : null}
            </dd>
          </div>
          <div className="details-item">
            <dt>Timeline</dt>
            <dd className="small">
              <div>
                Opened {formatDate(a.createdAt)}
                {a.createdByName ? ` by ${a.createdByName}` : ""}
              </div>
              {a.doneAt ? <div>Done {formatDate(a.doneAt)}</div> : null}
              {a.verifiedAt ? (
                <div>
                  Verified {formatDate(a.verifiedAt)}
                  {a.verifiedByName ? ` by ${a.verifiedByName}` : ""}
                </div>
              ) : null}
            </dd>
          </div>
        </dl>
        {a.details ? <p className="action-details">{a.details}</p> : null}
      </section>

      {a.indicator || a.questionKey ? (
        <section className="card asm-redflags" aria-labelledby="flag-h">
          <h2 id="flag-h">The red flag behind it</h2>
          <dl className="details">
            {d.indicatorLabel ? (
              <div className="details-item">
                <dt>ILO indicator</dt>
                <dd>
                  <span className={`asm-flag ${a.severity === "severe" ? "severe" : ""}`}>{d.indicatorLabel}</span>{" "}
                  <span className="muted small">{a.severity === "severe" ? "severe" : "other indicator"}</span>
                </dd>
              </div>
            ) : null}
            {d.question ? (
              <div className="details-item">
                <dt>Question</dt>
                <dd>{d.question}</dd>
              </div>
            ) : null}
            <div className="details-item">
              <dt>Answer</dt>
              <dd>{d.answer ?? <span className="muted">not kept</span>}</dd>
            </div>
          </dl>
          {a.assessmentId ? (
            <p className="small">
              <Link to={`/o/${org.slug}/assessments/${a.assessmentId}#q-${a.questionKey ?? ""}`}>See the answer in the assessment</Link>
            </p>
          ) : null}
        </section>
      ) : null}

      {d.mayEdit && !final ? (
        <section className="card" aria-labelledby="status-h">
          <h2 id="status-h">Status</h2>
          <Form method="post" className="stack" preventScrollReset>
            <input type="hidden" name="intent" value="status" />
            <input type="hidden" name="version" value={a.version} />
            <div className={`field${err("status", "note") ? " has-error" : ""}`}>
              <label htmlFor="status-note">Note on this change (optional)</label>
              <textarea id="status-note" name="note" rows={2} maxLength={4000} />
              {err("status", "note") ? <p className="field-error">{err("status", "note")}</p> : null}
            </div>
            <div className="actions">
              {d.next.map((s) => (
                <button
                  key={s}
                  type="submit"
                  name="status"
                  value={s}
                  className={s === "in_progress" && a.status === "done" ? "button secondary" : "button"}
                  disabled={busy}
                >
                  {s === "in_progress" && a.status === "done" ? "Reopen (back to in progress)" : ACTION_MOVE_LABELS[s]}
                </button>
              ))}
            </div>
          </Form>
        </section>
      ) : null}

      {d.mayEdit && !final ? (
        <section className="card" aria-labelledby="owner-h">
          <h2 id="owner-h">Owner and due date</h2>
          <Form method="post" className="filters" preventScrollReset>
            <input type="hidden" name="intent" value="update" />
            <input type="hidden" name="version" value={a.version} />
            <div className={`field${err("update", "ownerUserId") ? " has-error" : ""}`}>
              <label htmlFor="owner">Owner</label>
              <select id="owner" name="ownerUserId" defaultValue={a.ownerUserId ?? ""} key={`o${a.version}`}>
                <option value="">Nobody</option>
                {d.owners.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
              {err("update", "ownerUserId") ? <p className="field-error">{err("update", "ownerUserId")}</p> : null}
            </div>
            <div className={`field${err("update", "dueAt") ? " has-error" : ""}`}>
              <label htmlFor="due">Due date</label>
              <input id="due" name="dueAt" type="date" min={d.today} defaultValue={a.dueAt.slice(0, 10)} key={`d${a.version}`} required />
              {err("update", "dueAt") ? <p className="field-error">{err("update", "dueAt")}</p> : null}
            </div>
            <button type="submit" className="button secondary" disabled={busy}>
              Save
            </button>
          </Form>
        </section>
      ) : null}

      {d.mayEdit ? (
        <section className="card" aria-labelledby="note-h">
          <h2 id="note-h">Add a note</h2>
          <Form method="post" encType="multipart/form-data" className="stack" preventScrollReset key={`n${a.version}`}>
            <input type="hidden" name="intent" value="note" />
            <input type="hidden" name="version" value={a.version} />
            <div className={`field${err("note", "body") ? " has-error" : ""}`}>
              <label htmlFor="note-body">Note</label>
              <textarea id="note-body" name="body" rows={3} maxLength={4000} />
              {err("note", "body") ? <p className="field-error">{err("note", "body")}</p> : null}
            </div>
            <div className={`field${err("note", "files") ? " has-error" : ""}`}>
              <label htmlFor="note-files">Files (optional)</label>
              <p className="hint">Up to {d.maxFiles} at a time: PDF, images or Office documents, 10 MB each.</p>
              <input id="note-files" name="files" type="file" multiple />
              {err("note", "files") ? <p className="field-error">{err("note", "files")}</p> : null}
            </div>
            <div className="actions">
              <button type="submit" className="button secondary" disabled={busy}>
                Add note
              </button>
            </div>
          </Form>
        </section>
      ) : null}

      <section className="card" aria-labelledby="timeline-h">
        <h2 id="timeline-h">Timeline</h2>
        <ActionTimeline events={d.events} files={d.files} fileHref={(fileId) => `${base}/${a.id}/files/${fileId}`} />
      </section>

      <section className="card" aria-labelledby="files-h">
        <h2 id="files-h">Files</h2>
        {d.files.length ? (
          <ul className="action-files">
            {d.files.map((f) => (
              <li key={f.id}>
                <a href={`${base}/${a.id}/files/${f.id}`} download={f.filename}>
                  {f.filename}
                </a>{" "}
                <span className="muted small">
                  ({Math.max(1, Math.round(Number(f.sizeBytes) / 1024))} KB, from{" "}
                  {f.uploadedBy.startsWith("supplier ") ? `the supplier (${f.uploadedBy.slice(9)})` : f.uploadedBy},{" "}
                  {formatDate(f.createdAt)})
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No files yet.</p>
        )}
      </section>
    </main>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return (
    <main className="page">
      <h1>Corrective action</h1>
      <div className="alert error" role="alert">
        {status === 404
          ? "There is no such action."
          : status === 403
            ? "Your role does not allow changing corrective actions."
            : "The action could not be shown. Please try again."}
      </div>
      <p>
        <Link to=".." relative="path">
          All corrective actions
        </Link>
      </p>
    </main>
  );
}
