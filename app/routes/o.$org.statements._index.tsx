// Yearly statements: the organisation's statements (law, year, status) and, for admins and compliance
// officers, "Draft a statement": a law and a reporting year. The draft opens pre-filled from the data.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireOrg } from "~/lib/auth.server";
import { badRequest, formObject, problemResponse, zodFieldErrors } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { DraftStatementSchema } from "~/schemas/statement";
import { draftStatement } from "~/services/statements.server";
import { statementsIndex } from "~/services/statement-pages.server";
import { formatDateTime } from "~/components/format";
import { StatusBadge } from "~/components/statement-parts";
import { useOrg } from "./o.$org";

export const meta: MetaFunction = () => [{ title: "Statements — Lantern" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "statements.view");
  return json(await statementsIndex(context.db, ident));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "statements.edit");
  const parsed = DraftStatementSchema.safeParse(await formObject(request));
  if (!parsed.success) return badRequest({ fieldErrors: zodFieldErrors(parsed.error), formError: "Please check the form." });
  const r = await draftStatement(context.db, ident, parsed.data, context.clientIp);
  if (!r.ok) return problemResponse(r, { formError: r.message });
  return redirectWithToast(`/o/${ident.org.slug}/statements/${r.value.statementId}`, "Statement drafted from this year's data.");
}

export default function Statements() {
  const d = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>();
  const { org } = useOrg();
  const busy = useNavigation().state !== "idle";
  const fe = (errors && "fieldErrors" in errors ? errors.fieldErrors : undefined) ?? {};
  return (
    <main className="page">
      <h1>Statements</h1>
      <p className="muted">
        Yearly modern-slavery statements and due-diligence reports, drafted from your suppliers, assessments, red flags, actions, audits and
        grievances. Every figure links to the list it was counted from; approval freezes them.
      </p>
      {!d.hasProfile ? (
        <p className="alert">
          No organisation profile is recorded yet: statements will say so where they need your structure, policies and training.{" "}
          <a href={`/o/${org.slug}/settings/profile`}>Write the profile</a>
        </p>
      ) : null}
      {d.canEdit ? (
        <section className="card" aria-labelledby="draft-h">
          <h2 id="draft-h">Draft a statement</h2>
          {errors && "formError" in errors && errors.formError ? (
            <p className="alert error" role="alert">
              {errors.formError}
            </p>
          ) : null}
          <Form method="post" className="stack statement-draft-form">
            <div className={`field${fe.template ? " has-error" : ""}`}>
              <label htmlFor="template">Law</label>
              <select id="template" name="template" defaultValue={d.templates[0]?.key}>
                {d.templates.map((t) => (
                  <option key={t.key} value={t.key}>
                    {t.law}: {t.title}
                  </option>
                ))}
              </select>
              {fe.template ? <p className="field-error">{fe.template}</p> : null}
            </div>
            <div className={`field${fe.year ? " has-error" : ""}`}>
              <label htmlFor="year">Reporting year</label>
              <input id="year" name="year" type="number" min={2000} max={d.maxYear} defaultValue={d.defaultYear} inputMode="numeric" />
              <p className="hint">The financial year ending in this year (from the organisation profile; 31 December by default).</p>
              {fe.year ? <p className="field-error">{fe.year}</p> : null}
            </div>
            <div>
              <button type="submit" className="button" disabled={busy}>
                Draft from the data
              </button>
            </div>
          </Form>
        </section>
      ) : null}
      <section className="card" aria-labelledby="list-h">
        <h2 id="list-h">All statements</h2>
        {d.statements.length === 0 ? (
          <p className="muted">No statement yet.</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Table of statements">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Statement</th>
                  <th scope="col">Year</th>
                  <th scope="col">Status</th>
                  <th scope="col">Last change</th>
                </tr>
              </thead>
              <tbody>
                {d.statements.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <Link to={`/o/${org.slug}/statements/${s.id}`}>{s.title}</Link>
                      <div className="muted small">{s.law}</div>
                    </td>
                    <td>{s.year}</td>
                    <td>
                      <StatusBadge status={s.status} />
                    </td>
                    <td>{formatDateTime(s.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </main>
  );
}
