// One statement: its sections with every figure linked to its source, last year's figures beside
// this year's, its revisions; for officers (statements.edit) the text editor (?edit=1: a textarea per
// section, figure tokens kept); for admins (statements.approve) the board-approval form, then publish.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { requireOrg } from "~/lib/auth.server";
import { badRequest, formObject, notFound, problemResponse, zodFieldErrors } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { isDbId } from "~/schemas/fields";
import { ApproveStatementSchema, PublishStatementSchema, SaveStatementSchema } from "~/schemas/statement";
import { approveStatement, publishStatement, saveStatement } from "~/services/statements.server";
import { statementPage } from "~/services/statement-pages.server";
import { Comparison, SectionList, StatusBadge } from "~/components/statement-parts";
import { ApprovalCard, SectionEditor } from "~/components/statement-forms";
import { formatDateTime } from "~/components/format";
import { useOrg } from "./o.$org";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.template?.title ?? "Statement"} ${data?.statement.year ?? ""} — Lantern` },
];

function idOf(raw: string | undefined): number {
  if (!raw || !isDbId(raw)) throw notFound("No such statement");
  return Number(raw);
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "statements.view");
  const raw = new URL(request.url).searchParams.get("revision");
  if (raw !== null && !isDbId(raw)) throw badRequest({ formError: "A revision is a whole number, as listed under Versions." });
  const page = await statementPage(context.db, ident, idOf(params.id), raw === null ? null : Number(raw));
  if (!page) throw notFound(raw === null ? "No such statement" : "No such revision of this statement");
  return json(page);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "statements.edit");
  const id = idOf(params.id);
  const here = `/o/${ident.org.slug}/statements/${id}`;
  const form = await formObject(request);
  const intent = form.intent;
  const [db, ip] = [context.db, context.clientIp];
  if (intent === "save") {
    const parsed = SaveStatementSchema.safeParse(form);
    if (!parsed.success)
      return json({ intent, fieldErrors: zodFieldErrors(parsed.error), formError: "Please check the text." }, { status: 400 });
    const r = await saveStatement(db, ident, id, parsed.data, ip);
    if (!r.ok) return problemResponse(r, { intent, formError: r.message });
    return redirectWithToast(here, `Saved as revision ${r.value.revision}.`);
  }
  if (intent === "approve") {
    const parsed = ApproveStatementSchema.safeParse(form);
    if (!parsed.success)
      return json({ intent, fieldErrors: zodFieldErrors(parsed.error), formError: "Please check the approval." }, { status: 400 });
    const r = await approveStatement(db, ident, id, parsed.data, ip);
    if (!r.ok) return problemResponse(r, { intent, formError: r.message });
    return redirectWithToast(here, "Board approval recorded: the figures and the lists behind them are frozen.");
  }
  if (intent === "publish") {
    const parsed = PublishStatementSchema.safeParse(form);
    if (!parsed.success) return json({ intent, formError: "The form is out of date: reload the page." }, { status: 400 });
    const r = await publishStatement(db, ident, id, parsed.data.expectedVersion, ip);
    if (!r.ok) return problemResponse(r, { intent, formError: r.message });
    return redirectWithToast(here, "Statement published.");
  }
  return badRequest({ formError: "That request could not be understood." });
}

export default function StatementPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { org } = useOrg();
  const busy = useNavigation().state !== "idle";
  const [search] = useSearchParams();
  const editing = d.can.edit && search.get("edit") === "1" && !d.viewing;
  const s = d.statement;
  const base = `/o/${org.slug}/statements/${s.id}`;
  const errors = result && "intent" in result ? result : null;
  return (
    <main className="page statement-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={`/o/${org.slug}/statements`}>Statements</Link>
      </nav>
      <h1>
        {d.template?.title ?? "Statement"} {s.year}
      </h1>
      <p className="muted">
        {d.template?.law} · reporting year {s.period.from} to {s.period.to} · <StatusBadge status={s.status} />
      </p>
      <p className="statement-tools">
        <a className="button secondary" href={`${base}/print`}>
          Printable version (PDF)
        </a>{" "}
        <a className="button secondary" href={`${base}/docx`} download>
          Download DOCX
        </a>{" "}
        {d.can.edit && !editing ? (
          <Link className="button secondary" to="?edit=1">
            Edit the text
          </Link>
        ) : null}
      </p>
      <p className="muted small">
        {s.frozen
          ? "The figures were frozen when the board's approval was recorded: each links to the list as it was then."
          : "Draft: the figures are computed now from the year's data; each links to the list it counts."}
      </p>
      {!d.hasProfile ? (
        <p className="alert">
          No organisation profile is recorded yet, so the statement says so where it needs it.{" "}
          <a href={`/o/${org.slug}/settings/profile`}>Write the profile</a>
        </p>
      ) : null}
      {errors?.intent === "save" && editing ? null : errors && "formError" in errors && errors.formError ? (
        <p className="alert error" role="alert">
          {errors.formError}
        </p>
      ) : null}
      {d.viewing ? (
        <p className="alert" role="status">
          You are reading revision {d.viewing.revision}
          {d.viewing.latest ? " (the latest)" : ""}, saved {formatDateTime(d.viewing.at)} by {d.viewing.by}
          {d.viewing.note ? ` (${d.viewing.note})` : ""}. <Link to={base}>Back to the current text</Link>
        </p>
      ) : null}
      {editing ? (
        <SectionEditor sections={d.sections} version={s.version} catalogue={d.catalogue} errors={errors} busy={busy} cancelHref={base} />
      ) : (
        <article className="card statement-body">
          <SectionList sections={d.sections} />
        </article>
      )}
      <ApprovalCard
        approval={s.approval}
        approvalNote={d.template?.approvalNote ?? ""}
        version={s.version}
        can={d.can}
        published={s.publishedAt}
        errors={errors}
        busy={busy}
      />
      <Comparison comparison={d.comparison} year={s.year} slug={org.slug} />
      <section className="card" aria-labelledby="rev-h">
        <h2 id="rev-h">Versions</h2>
        <ul className="statement-revisions">
          {d.revisions.map((r) => (
            <li key={r.revision}>
              <Link to={`?revision=${r.revision}`} aria-current={d.viewing?.revision === r.revision ? "page" : undefined}>
                Revision {r.revision}
              </Link>{" "}
              · {formatDateTime(r.at)} · {r.by}
              {r.note ? ` · ${r.note}` : ""}
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
