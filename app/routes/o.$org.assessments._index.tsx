import { todayIso } from "~/domain/dates";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requireOrg } from "~/lib/auth.server";
import { can } from "~/domain/permissions";
import { parseSearchParams } from "~/schemas/audit";
import { ASSESSMENT_STATUSES } from "~/schemas/assessment";
import { listAssessments } from "~/models/assessment.server";
import { lastDecisionIsApproval } from "~/models/decision.server";
import { getSupplier } from "~/models/supplier.server";
import { countryName } from "~/domain/country";
import { ASSESSMENT_STATUS_LABELS, AssessmentStatusBadge, DueDate } from "~/components/assessment-display";
import { formatDate } from "~/components/format";
import { Pager } from "~/components/pager";
import { useOrg } from "./o.$org";
import { MAX_DB_INT } from "~/schemas/fields";
import { FilteredPageError } from "~/components/filtered-page-error";
import { FilterSelect } from "~/components/filter-select";

export const meta: MetaFunction = () => [{ title: "Assessments — Lantern" }];

const PAGE_SIZE = 50;

const ListQuerySchema = z.object({
  status: z.enum(ASSESSMENT_STATUSES).optional(),
  supplier: z.coerce.number().int().positive().max(MAX_DB_INT).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { org, role } = await requireOrg(request, context, params.org, "assessments.view");
  const parsed = parseSearchParams(ListQuerySchema, new URL(request.url));
  if (!parsed.success)
    throw json(
      {
        message:
          "These filters cannot be used: status is one of draft, sent, in_progress, submitted, changes_requested, approved; " +
          "supplier and page are whole numbers.",
      },
      { status: 400 },
    );
  const f = parsed.data;
  const [rows, supplier] = await Promise.all([
    listAssessments(context.db, org.id, {
      status: f.status,
      supplierId: f.supplier,
      limit: PAGE_SIZE + 1,
      offset: (f.page - 1) * PAGE_SIZE,
    }),
    f.supplier ? getSupplier(context.db, org.id, f.supplier) : Promise.resolve(undefined),
  ]);
  const page = rows.slice(0, PAGE_SIZE);
  // A submitted assessment whose last decision is a first approval waits for a second approver (four eyes).
  const waiting = await lastDecisionIsApproval(
    context.db,
    org.id,
    page.filter((r) => r.status === "submitted").map((r) => r.id),
  );
  return json({
    rows: page.map((r) => ({ ...r, countryLabel: countryName(r.supplierCountry), awaitingSecond: waiting.has(r.id) })),
    more: rows.length > PAGE_SIZE,
    query: f,
    supplier: supplier ? { id: supplier.id, name: supplier.name } : null,
    mayStart: can(role, "assessments.manage") && can(role, "suppliers.view"),
    today: todayIso(),
  });
}

export default function AssessmentList() {
  const { rows, more, query, supplier, mayStart, today } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { org } = useOrg();
  const base = `/o/${org.slug}/assessments`;
  const pageLink = (page: number) => {
    const next = new URLSearchParams(params);
    if (page > 1) next.set("page", String(page));
    else next.delete("page");
    return `?${next.toString()}`;
  };
  return (
    <main className="page wide">
      <div className="page-head">
        <h1>Assessments{supplier ? ` of ${supplier.name}` : ""}</h1>
        {mayStart ? (
          <div className="actions">
            <Link className="button" to={supplier ? `${base}/new?supplier=${supplier.id}` : `/o/${org.slug}/suppliers`}>
              {supplier ? "Start an assessment" : "Choose suppliers to assess"}
            </Link>
          </div>
        ) : null}
      </div>

      <Form method="get" className="filters supplier-filters" aria-label="Filter assessments">
        {supplier ? <input type="hidden" name="supplier" value={supplier.id} /> : null}
        <FilterSelect
          id="f-status"
          name="status"
          label="Status"
          value={query.status ?? ""}
          allLabel="Any status"
          options={ASSESSMENT_STATUSES.map((s) => [s, ASSESSMENT_STATUS_LABELS[s]] as const)}
        />
        <button type="submit" className="button secondary">
          Apply
        </button>
        {query.status || supplier ? (
          <Link to="?" className="button link">
            Show all
          </Link>
        ) : null}
      </Form>

      {rows.length ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Assessments">
          <table className="table supplier-table">
            <caption className="sr-only">Assessments</caption>
            <thead>
              <tr>
                <th scope="col">Supplier</th>
                <th scope="col">Country</th>
                <th scope="col">Status</th>
                <th scope="col">Due</th>
                <th scope="col">Last change</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`${base}/${r.id}`}>{r.supplierName}</Link>
                  </td>
                  <td>{r.countryLabel}</td>
                  <td>
                    <AssessmentStatusBadge status={r.status} />
                    {r.awaitingSecond ? <div className="small asm-awaiting">Awaiting a second approver</div> : null}
                  </td>
                  <td>
                    <DueDate dueAt={r.dueAt} status={r.status} today={today} />
                  </td>
                  <td className="nowrap">{formatDate(r.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <div className="empty">
          {query.page > 1 ? (
            <p>
              There is no page {query.page}. <Link to={pageLink(1)}>Go to the first page</Link>.
            </p>
          ) : query.status || supplier ? (
            <p>
              No assessment matches. <Link to="?">Show all assessments</Link>.
            </p>
          ) : (
            <p>
              No assessments yet.
              {mayStart ? " Start one from a supplier's page, or for many suppliers at once from the filtered supplier list." : ""}
            </p>
          )}
        </div>
      )}

      <Pager
        prev={query.page > 1 ? pageLink(query.page - 1) : null}
        next={more ? pageLink(query.page + 1) : null}
        label={`Page ${query.page}`}
      />
    </main>
  );
}

export function ErrorBoundary() {
  return <FilteredPageError title="Assessments" fallback="The assessments could not be shown." resetLabel="Show all assessments" />;
}
