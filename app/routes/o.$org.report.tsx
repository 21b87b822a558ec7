// The board report: the dashboard's figures for a chosen period (the last 30/90/365 days or two
// dates, in the URL), a short narrative written from them, every chart with its numbers, and the
// same numbers as CSV. Printed to PDF with the browser's print: app.css lays the pages out (two
// charts a page, nothing cut in half, no screen hints), o.$org.report-print[.css] adds the running
// header and "Page x of y".
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireOrg } from "~/lib/auth.server";
import { STATUS_OF } from "~/lib/http.server";
import { parseSearchParams } from "~/schemas/audit";
import { DASHBOARD_PARAM_HINTS, DashboardQuerySchema } from "~/schemas/dashboard";
import { boardReport } from "~/services/dashboard.server";
import { dashboardSearch } from "~/domain/report/links";
import { PERIOD_PRESETS, periodLabel } from "~/domain/report/period";
import { coverageNote } from "~/domain/report/narrative";
import { DashboardHeadline } from "~/components/dashboard-headline";
import { DashboardCharts } from "~/components/dashboard-charts";
import { TopRisks } from "~/components/dashboard-top-risks";
import { formatDateTime } from "~/components/format";
import { useOrg } from "./o.$org";
import { FilteredPageError } from "~/components/filtered-page-error";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Board report — ${data?.orgName ?? "Lantern"}` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { org } = await requireOrg(request, context, params.org, "reports.view");
  const url = new URL(request.url);
  const parsed = parseSearchParams(DashboardQuerySchema, url);
  if (!parsed.success) {
    const keys = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? "")))];
    throw json({ message: keys.map((k) => `“${k}” cannot be used. ${DASHBOARD_PARAM_HINTS[k] ?? ""}`.trim()).join(" ") }, { status: 400 });
  }
  const r = await boardReport(context.db, org.id, parsed.data);
  if (!r.ok) throw json({ message: r.message }, { status: STATUS_OF[r.kind] });
  return json({ orgName: org.name, report: r.value });
}

/** The filters as hidden fields, so choosing another period keeps them. */
function FilterFields({ filter }: { filter: Record<string, string | number | undefined> }) {
  return (
    <>
      {Object.entries(filter).map(([k, v]) =>
        v === undefined || v === "" ? null : <input key={k} type="hidden" name={k} value={String(v)} />,
      )}
    </>
  );
}

export default function BoardReport() {
  const { orgName, report } = useLoaderData<typeof loader>();
  const { org, can } = useOrg();
  const d = report.data;
  const search = dashboardSearch(d.filter, d.period);
  const links = { slug: org.slug, suppliers: can("suppliers.view"), assessments: can("assessments.view"), actions: can("actions.view") };
  const coverage = coverageNote(d.period, d.trend.points);
  return (
    <main className="page report-page">
      {/* The running header and page numbers of the printed report (per period, so not in app.css). */}
      <link rel="stylesheet" media="print" href={`/o/${org.slug}/report-print.css${dashboardSearch({}, d.period)}`} />
      <div className="report-controls no-print">
        <Form method="get" className="inline-form" aria-label="Report on the last days">
          <FilterFields filter={d.filter} />
          <div className="field">
            <label htmlFor="r-days">Period</label>
            <select id="r-days" name="days" defaultValue={String(d.period.preset ?? 90)}>
              {PERIOD_PRESETS.map((n) => (
                <option key={n} value={n}>
                  Last {n} days
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button secondary">
            Show
          </button>
        </Form>
        <Form method="get" className="inline-form" aria-label="Report on chosen dates">
          <FilterFields filter={d.filter} />
          <div className="field">
            <label htmlFor="r-from">From</label>
            <input id="r-from" type="date" name="from" required defaultValue={d.period.from} max={d.period.to} />
          </div>
          <div className="field">
            <label htmlFor="r-to">To</label>
            <input id="r-to" type="date" name="to" required defaultValue={d.period.to} />
          </div>
          <button type="submit" className="button secondary">
            Show these dates
          </button>
        </Form>
        <div className="actions">
          <button type="button" className="button" onClick={() => window.print()}>
            Print or save as PDF
          </button>
          <a className="button secondary" href={`/o/${org.slug}/report.csv${search}`} download>
            Download the numbers (CSV)
          </a>
          <Link className="button link" to={`/o/${org.slug}${search}`}>
            Back to the dashboard
          </Link>
        </div>
      </div>

      <header className="report-head">
        <p className="eyebrow">Board report · forced-labour due diligence</p>
        <h1>{orgName}</h1>
        <p className="report-meta">
          <strong>Period:</strong> {periodLabel(d.period)} · <strong>Scope:</strong> {report.scope ?? "all suppliers"}
        </p>
        <p className="report-meta muted small">
          Generated {formatDateTime(report.generatedAt)}
          {d.refreshedAt ? ` from the roll-up of ${formatDateTime(d.refreshedAt)}` : ""}. Figures under “Today” are as of that time; changes
          are for the period.
          {coverage ? ` ${coverage}` : ""}
        </p>
      </header>

      <section className="card report-narrative" aria-labelledby="summary-h">
        <h2 id="summary-h">Summary</h2>
        {report.narrative.map((s) => (
          <div key={s.heading}>
            <h3>{s.heading}</h3>
            <p>{s.text}</p>
          </div>
        ))}
      </section>

      <h2>Today</h2>
      <DashboardHeadline data={d} links={links} />

      <DashboardCharts data={d} links={links} print />

      <TopRisks rows={d.riskiest} slug={org.slug} linkable={links.suppliers} emptyText="No supplier has a risk score yet." />
    </main>
  );
}

export function ErrorBoundary() {
  return (
    <FilteredPageError
      title="Board report"
      fallback="The report could not be made."
      badFilterTitle="This period or filter cannot be used"
      resetLabel="Report on the last 90 days"
    />
  );
}
