// The executive dashboard, every role's landing page: where the forced-labour risk is, whether it is
// going down, and whether due diligence is being done. Filters and period live in the URL; every
// bar and row leads to the matching list. Read-only.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { requireOrg } from "~/lib/auth.server";
import { STATUS_OF } from "~/lib/http.server";
import { parseSearchParams } from "~/schemas/audit";
import { DASHBOARD_PARAM_HINTS, DashboardQuerySchema } from "~/schemas/dashboard";
import { dashboardPage } from "~/services/supplier-map.server";
import { grievanceCounts } from "~/services/voice-channels.server";
import { GrievanceCountsPanel } from "~/components/voice/grievance-counts";
import { dashboardSearch, hasFilter } from "~/domain/report/links";
import { periodLabel } from "~/domain/report/period";
import { scopeLabel } from "~/domain/report/figures";
import { DashboardFilters } from "~/components/dashboard-filters";
import { DashboardHeadline } from "~/components/dashboard-headline";
import { DashboardCharts } from "~/components/dashboard-charts";
import { TopRisks } from "~/components/dashboard-top-risks";
import { GettingStarted } from "~/components/dashboard-empty";
import { formatDateTime } from "~/components/format";
import { useOrg } from "./o.$org";
import { FilteredPageError } from "~/components/filtered-page-error";
import { SupplierMap } from "~/components/site-map";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.orgName ?? "Overview"} — Lantern` }];

/** A readable 400: which parameter is wrong and what it accepts. */
function badQuery(url: URL, keys: string[]): never {
  const message = keys
    .map((k) =>
      `The filter “${k}” has a value that cannot be used (${JSON.stringify(url.searchParams.get(k)?.slice(0, 40) ?? "")}). ${
        DASHBOARD_PARAM_HINTS[k] ?? ""
      }`.trim(),
    )
    .join(" ");
  throw json({ message }, { status: 400 });
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const identity = await requireOrg(request, context, params.org, "reports.view");
  const { org } = identity;
  const url = new URL(request.url);
  const parsed = parseSearchParams(DashboardQuerySchema, url);
  if (!parsed.success) badQuery(url, [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? "")))]);
  // The worker-voice counts (masked for executives) sit beside the risk figures; they cover every case.
  const [r, grievances] = await Promise.all([dashboardPage(context.db, org.id, parsed.data), grievanceCounts(context.db, identity)]);
  if (!r.ok) throw json({ message: r.message }, { status: STATUS_OF[r.kind] });
  const { data, options, map } = r.value;
  const anyGrievance = grievances.byCategory.some((c) => c.count !== 0);
  return json({ orgName: org.name, data, options, map, grievances: anyGrievance ? grievances : null });
}

export default function Dashboard() {
  const { orgName, data, options, map, grievances } = useLoaderData<typeof loader>();
  const { org, can } = useOrg();
  const navigation = useNavigation();
  const location = useLocation();
  const loading = navigation.state === "loading" && navigation.location?.pathname === location.pathname;
  const filtered = hasFilter(data.filter);
  const scope = scopeLabel(data.filter, data.countryNames);
  const search = dashboardSearch(data.filter, data.period);
  const links = { slug: org.slug, suppliers: can("suppliers.view"), assessments: can("assessments.view"), actions: can("actions.view") };
  const nothing = !data.emptyTenant && data.summary.suppliers === 0;

  return (
    <main className="page wide dashboard">
      <div className="page-head">
        <div>
          <h1>{orgName}</h1>
          <p className="muted dash-scope">
            Forced-labour risk {scope ? `of ${scope}` : "across the supply base"} · {periodLabel(data.period)}
            {data.refreshedAt ? ` · figures as of ${formatDateTime(data.refreshedAt)}` : ""}
          </p>
        </div>
        {data.emptyTenant ? null : (
          <div className="actions">
            <Link className="button secondary" to={`/o/${org.slug}/report${search}`}>
              Board report
            </Link>
            <a className="button secondary" href={`/o/${org.slug}/report.csv${search}`} download>
              Download the numbers (CSV)
            </a>
          </div>
        )}
      </div>

      {data.updating ? (
        <div className="alert note" role="status">
          Recent supplier changes are being added to these figures; they will show within a minute.
        </div>
      ) : null}

      {data.pending.length ? (
        <div className="alert note" role="status">
          Risk scores are being recomputed ({data.pending.map((p) => (p.total ? `${p.done} of ${p.total}` : "queued")).join(", ")}); the
          figures will update when it finishes.
        </div>
      ) : null}

      {data.emptyTenant ? (
        <GettingStarted
          slug={org.slug}
          mayImport={can("suppliers.import")}
          mayAdd={can("suppliers.edit")}
          mayAssess={can("assessments.manage")}
        />
      ) : (
        <>
          <DashboardFilters options={options} />
          <div className={`dash-body${loading ? " is-loading" : ""}`} aria-busy={loading}>
            {nothing ? (
              <div className="empty">
                <p>No supplier matches these filters.</p>
                <p>
                  <Link to={data.period.preset && data.period.preset !== 90 ? `?days=${data.period.preset}` : "?"}>Clear the filters</Link>
                </p>
              </div>
            ) : (
              <>
                <DashboardHeadline data={data} links={links} />
                <DashboardCharts data={data} links={links} />
                <SupplierMap map={map} filter={data.filter} slug={org.slug} linkable={links.suppliers} />
                <TopRisks
                  rows={data.riskiest}
                  slug={org.slug}
                  linkable={links.suppliers}
                  emptyText={filtered ? "No scored supplier matches these filters." : "No supplier has a risk score yet."}
                />
                {grievances ? (
                  <div className="dash-grievances">
                    <GrievanceCountsPanel counts={grievances} />
                    <p className="muted small">
                      Worker voice, every case of the organisation (the filters above do not apply).{" "}
                      {can("grievances.handle") ? <Link to={`/o/${org.slug}/grievances`}>Open the cases</Link> : null}
                    </p>
                  </div>
                ) : null}
              </>
            )}
          </div>
        </>
      )}
    </main>
  );
}

export function ErrorBoundary() {
  return (
    <FilteredPageError
      title="Overview"
      fallback="The dashboard could not be shown."
      badFilterTitle="These filters cannot be used"
      resetLabel="Show the whole supply base"
    />
  );
}
