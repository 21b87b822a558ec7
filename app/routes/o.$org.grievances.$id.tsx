// One worker grievance case, for admins and compliance officers only: the report, the deadlines as
// timers, triage, assignment, status, the thread with the reporter (replies reach them through their
// case number and passphrase), internal notes, remedies, redaction and the retaliation follow-up.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, isRouteErrorResponse, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { STATUS_OF, notFound, zodFieldErrors } from "~/lib/http.server";
import { requireOrg } from "~/lib/auth.server";
import { redirectWithToast } from "~/lib/toast.server";
import { isDbId } from "~/schemas/fields";
import { CaseActionSchema } from "~/schemas/voice";
import { actOnCase, casePage } from "~/services/grievances.server";
import { formObject } from "~/lib/http.server";
import { timerText } from "~/domain/voice/case-status";
import { AssignForm, RedactForm, RemedyForm, StatusForm, TextForm, TriageForm } from "~/components/voice/case-forms";
import { CaseFacts, CaseThread } from "~/components/voice/case-view";
import { useOrg } from "./o.$org";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Case ${data?.case.caseNumber ?? ""} — Lantern` }];

function caseId(raw: string | undefined): number {
  if (!raw || !isDbId(raw)) throw notFound("No such case");
  return Number(raw);
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "grievances.handle");
  const page = await casePage(context.db, ident, caseId(params.id));
  if (!page) throw notFound("No such case");
  return json({ ...page, today: new Date().toISOString().slice(0, 10) });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "grievances.handle");
  const id = caseId(params.id);
  const form = await formObject(request);
  const parsed = CaseActionSchema.safeParse(form);
  const intent = typeof form.intent === "string" ? form.intent : "";
  if (!parsed.success) {
    return json({ intent, formError: "Please check the form.", fieldErrors: zodFieldErrors(parsed.error) }, { status: 400 });
  }
  const r = await actOnCase(context.db, ident, id, parsed.data);
  if (!r.ok) {
    if (r.kind === "not_found") throw notFound("No such case");
    return json({ intent, formError: r.message, fieldErrors: r.field ? { [r.field]: r.message } : {} }, { status: STATUS_OF[r.kind] });
  }
  return redirectWithToast(`/o/${ident.org.slug}/grievances/${id}`, r.value);
}

export default function GrievanceCase() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const c = d.case;
  const errorsOf = (intent: string) => (result && result.intent === intent ? result.fieldErrors : undefined);
  const v = c.version;
  const base = `/o/${useOrg().org.slug}`;
  return (
    <main className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={`${base}/grievances`}>Worker voice</Link> · <Link to={`${base}/suppliers/${c.supplierId}`}>{c.supplierName}</Link>
      </nav>
      <div className="page-head">
        <div>
          <h1>Case {c.caseNumber}</h1>
          <p className="asm-subhead">
            <span className="badge" data-testid="case-status">
              {c.statusLabel}
            </span>{" "}
            <span className="muted small">
              {c.categoryLabel} · received {c.receivedAt.slice(0, 10)}
            </span>
          </p>
        </div>
      </div>
      {result ? (
        <div className="alert error" role="alert">
          {result.formError}
        </div>
      ) : null}
      <section className="card" aria-labelledby="timers-h">
        <h2 id="timers-h">Deadlines</h2>
        <ul className="plain-list">
          {d.timers.map((t) => (
            <li key={t.label} className={t.state === "overdue" ? "danger-text" : undefined}>
              <strong>{t.label}</strong>: {timerText(t)} ({t.dueAt.slice(0, 10)})
            </li>
          ))}
        </ul>
      </section>
      <CaseFacts d={d} base={base} />
      {/* Keyed by version: after each change the forms start empty again. */}
      <div key={v} className="stack">
        <StatusForm version={v} next={d.next} errors={errorsOf("status")} />
        <TriageForm version={v} category={c.category} severity={c.severity} errors={errorsOf("triage")} />
        <AssignForm version={v} assignee={c.assigneeUserId} officers={d.officers} />
        <CaseThread messages={d.messages} notes={d.notes} />
        <TextForm
          intent="reply"
          version={v}
          title="Reply to the reporter"
          hint="The reporter reads this with their case number and passphrase. Write in their language if you can."
          button="Send reply"
          errors={errorsOf("reply")}
        />
        <TextForm
          intent="note"
          version={v}
          title="Internal note"
          hint="Officers only; never shown to the reporter or the supplier."
          button="Add note"
          errors={errorsOf("note")}
        />
        {["substantiated", "remedied"].includes(c.status) ? <RemedyForm version={v} errors={errorsOf("remedy")} today={d.today} /> : null}
        {c.status === "closed" && !c.followupDoneAt ? (
          <TextForm
            intent="followup"
            version={v}
            title="Retaliation follow-up"
            hint="After closing: check with the reporter (through a reply) and the site that nobody was punished for reporting."
            button="Record follow-up"
            errors={errorsOf("followup")}
          />
        ) : null}
        {c.redactedAt ? null : <RedactForm version={v} />}
      </div>
    </main>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return (
    <main className="page">
      <h1>Grievance case</h1>
      <div className="alert error" role="alert">
        {status === 404
          ? "There is no such case."
          : status === 403
            ? "Only admins and compliance officers read grievance cases."
            : "The case could not be shown. Please try again."}
      </div>
    </main>
  );
}
