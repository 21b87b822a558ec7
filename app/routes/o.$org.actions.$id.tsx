// One corrective action: the supplier, where it came from (the answer and ILO indicator behind a red
// flag, with a link to the assessment), its timeline and files; admins and compliance officers move
// its status, change owner and due date, and add notes with files. Every form carries the version it
// was loaded at: a change made meanwhile by someone else gets 409 and nothing is saved. A change that
// went through redirects back here with a toast ("The action is now in progress.").
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, isRouteErrorResponse, useActionData, useLoaderData, useNavigation, useRouteError } from "@remix-run/react";
import { can } from "~/domain/permissions";
import { ok, type Problem, type Result } from "~/domain/result";
import { requireOrg, type OrgIdentity } from "~/lib/auth.server";
import { STATUS_OF, notFound, zodFieldErrors } from "~/lib/http.server";
import { retryAfterHeaders } from "~/lib/rate-limit.server";
import { redirectWithToast } from "~/lib/toast.server";
import { ActionPageSchema, type ActionPageInput } from "~/schemas/action";
import { isDbId } from "~/schemas/fields";
import type { Toast } from "~/schemas/toast";
import { actionPage } from "~/services/action-pages.server";
import { addActionNote, type UploadedFile } from "~/services/action-notes.server";
import { readActionForm, refusalHeaders } from "~/services/action-upload.server";
import { MAX_FILES_PER_ENTRY, STALE_KEY, changeActionStatus, updateActionOwnerDue } from "~/services/actions.server";
import { ActionOwnerDueForm, ActionNoteForm, ActionStatusForm } from "~/components/action-controls";
import { ActionFileList, ActionSummary, RedFlagBehind } from "~/components/action-details";
import { ACTION_SOURCE_LABELS, ACTION_STATUS_LABELS, ActionStatusBadge } from "~/components/action-display";
import { ActionTimeline } from "~/components/action-timeline";
import { FindingBehind } from "~/components/audit-finding-records";
import { ActionRecordSchema } from "~/schemas/site-audit";
import { attachRecord } from "~/services/audit-finding-actions.server";
import { useOrg } from "./o.$org";

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

/** A refused form: the message on top, next to its field when it names one, and a reload link when the page is stale. */
type Refused = { intent: string; formError: string; fieldErrors?: Record<string, string>; stale?: boolean };

function refused(body: Refused, status: number, headers: HeadersInit = {}) {
  return json(body, { status, headers });
}

function problem(intent: string, p: Problem<unknown>, headers: HeadersInit = {}) {
  const body = {
    intent,
    formError: p.message,
    fieldErrors: p.field ? { [p.field]: p.message } : undefined,
    stale: p.messageKey === STALE_KEY,
  };
  return refused(body, STATUS_OF[p.kind], headers);
}

/** One service call per intent; on success, the toast the page shows next. */
async function change(
  context: ActionFunctionArgs["context"],
  ident: OrgIdentity,
  id: number,
  input: ActionPageInput,
  files: UploadedFile[],
): Promise<Result<Toast | string, unknown>> {
  const ip = context.clientIp;
  if (input.intent === "status") {
    const r = await changeActionStatus(context.db, ident, id, { version: input.version, status: input.status, note: input.note }, ip);
    return r.ok ? ok(`The action is now ${ACTION_STATUS_LABELS[input.status]!.toLowerCase()}.`) : r;
  }
  if (input.intent === "update") {
    const r = await updateActionOwnerDue(
      context.db,
      ident,
      id,
      { version: input.version, ownerUserId: input.ownerUserId, dueAt: input.dueAt },
      ip,
    );
    if (!r.ok) return r;
    return ok(r.value.changed ? "Owner and due date saved." : { kind: "info", message: "Nothing to change." });
  }
  const r = await addActionNote(context.db, { kind: "officer", id: ident }, id, { version: input.version, body: input.body, files }, ip);
  if (!r.ok) return r;
  const n = r.value.files;
  return ok(n ? `Note added with ${n === 1 ? "one file" : `${n} files`}.` : "Note added.");
}

/** A payroll or time record for an action opened from a wage or hours audit finding (site audits). */
async function attachRecordIntent(
  context: ActionFunctionArgs["context"],
  ident: OrgIdentity,
  id: number,
  fields: Record<string, string>,
  files: UploadedFile[],
) {
  const parsed = ActionRecordSchema.safeParse(fields);
  if (!parsed.success)
    return refused({ intent: "record", fieldErrors: zodFieldErrors(parsed.error), formError: "Please check the record." }, 400);
  const r = await attachRecord(context.db, ident, id, { ...parsed.data, file: files[0] ?? null }, context.clientIp);
  if (!r.ok) {
    if (r.kind === "not_found") throw notFound("No such action");
    return problem("record", r);
  }
  const words = parsed.data.kind === "payroll" ? "Payroll" : "Time";
  return redirectWithToast(`/o/${ident.org.slug}/actions/${id}`, `${words} record for ${parsed.data.month} attached.`);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "actions.edit");
  const id = actionId(params.id);
  // Files count against the upload limits of this officer and this IP (429 with Retry-After).
  const body = await readActionForm(request, { db: context.db, uploader: { ip: context.clientIp, who: `user:${ident.user.userId}` } });
  if (!body.ok) return problem("note", { ...body, field: "files" }, refusalHeaders(body));
  const intent = body.value.fields.intent ?? "";
  if (intent === "record") return attachRecordIntent(context, ident, id, body.value.fields, body.value.files);
  const parsed = ActionPageSchema.safeParse(body.value.fields);
  if (!parsed.success) {
    const fieldErrors = zodFieldErrors(parsed.error);
    return refused(
      { intent, fieldErrors, formError: fieldErrors.intent ? "That request could not be understood." : "Please check the form." },
      400,
    );
  }
  const r = await change(context, ident, id, parsed.data, body.value.files);
  if (!r.ok) {
    if (r.kind === "not_found") throw notFound("No such action");
    return problem(intent, r);
  }
  return redirectWithToast(`/o/${ident.org.slug}/actions/${id}`, r.value);
}

export default function ActionPage() {
  const d = useLoaderData<typeof loader>();
  const { action: a } = d;
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { org } = useOrg();
  const base = `/o/${org.slug}/actions`;
  const errorsOf = (intent: string) => (result && result.intent === intent ? result.fieldErrors : undefined);
  const open = d.mayEdit && a.status !== "verified";
  const fileHref = (fileId: number) => `${base}/${a.id}/files/${fileId}`;
  const answerHref = a.assessmentId ? `/o/${org.slug}/assessments/${a.assessmentId}#q-${a.questionKey ?? ""}` : null;
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
        <div className="alert error" role="alert">
          {result.formError}
          {result.stale ? (
            <>
              {" "}
              <Link to=".">Reload</Link>
            </>
          ) : null}
        </div>
      ) : null}

      <ActionSummary a={a} orgSlug={org.slug} />
      {d.finding ? (
        <FindingBehind
          auditHref={`/o/${org.slug}/suppliers/${a.supplierId}/audits/${d.finding.auditId}`}
          foundOn={d.finding.foundOn}
          records={d.finding.records}
          fileHref={fileHref}
          form={open ? { version: a.version, busy, errors: errorsOf("record") } : null}
        />
      ) : null}
      {a.questionKey || (a.indicator && !d.finding) ? (
        <RedFlagBehind
          flag={{ indicatorLabel: d.indicatorLabel, severity: a.severity, question: d.question, answer: d.answer, answerHref }}
        />
      ) : null}
      {open ? <ActionStatusForm status={a.status} version={a.version} next={d.next} errors={errorsOf("status")} busy={busy} /> : null}
      {open ? (
        <ActionOwnerDueForm
          ownerUserId={a.ownerUserId}
          dueAt={a.dueAt}
          version={a.version}
          owners={d.owners}
          today={d.today}
          errors={errorsOf("update")}
          busy={busy}
        />
      ) : null}
      {d.mayEdit ? <ActionNoteForm version={a.version} maxFiles={d.maxFiles} errors={errorsOf("note")} busy={busy} /> : null}

      <section className="card" aria-labelledby="timeline-h">
        <h2 id="timeline-h">Timeline</h2>
        <ActionTimeline events={d.events} files={d.files} fileHref={fileHref} />
      </section>
      <ActionFileList files={d.files} fileHref={fileHref} />
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
