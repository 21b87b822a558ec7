// The printable statement: the document alone (no editing controls), printed to PDF by the browser
// with the board report's print rules (app.css hides the navigation; the per-statement stylesheet adds
// the running header and page numbers). Figures stay links to their sources when read in the app.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireOrg } from "~/lib/auth.server";
import { notFound } from "~/lib/http.server";
import { isDbId } from "~/schemas/fields";
import { statementDocument } from "~/services/statement-pages.server";
import { SectionList } from "~/components/statement-parts";
import { useOrg } from "./o.$org";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "Statement"} ${data?.year ?? ""} — Lantern` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "statements.view");
  if (!params.id || !isDbId(params.id)) throw notFound("No such statement");
  const d = await statementDocument(context.db, ident, Number(params.id));
  if (!d) throw notFound("No such statement");
  return json({ ...d, id: Number(params.id) });
}

export default function StatementPrint() {
  const d = useLoaderData<typeof loader>();
  const { org } = useOrg();
  const base = `/o/${org.slug}/statements/${d.id}`;
  return (
    <main className="page report-page statement-print">
      <link rel="stylesheet" media="print" href={`${base}/print.css`} />
      <p className="no-print">
        <Link to={base}>Back to the statement</Link> ·{" "}
        <button type="button" className="button" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </p>
      <h1>
        {d.orgName}: {d.title} {d.year}
      </h1>
      <p className="muted">
        {d.law}. Reporting period {d.period.from} to {d.period.to}.
        {d.status === "draft" ? " Draft: not yet approved; figures computed now." : " Figures as frozen at the board's approval."}
      </p>
      <SectionList sections={d.sections} />
      {d.approval ? (
        <section className="statement-section" aria-labelledby="approval-h">
          <h2 id="approval-h">Board approval record</h2>
          <p>
            Approved by the {d.approval.approvingBody} on {d.approval.approvedOn}.
          </p>
          <p>
            Signed: {d.approval.approverName}, {d.approval.approverTitle}.
          </p>
        </section>
      ) : null}
    </main>
  );
}
