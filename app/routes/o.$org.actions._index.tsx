// Corrective actions of the organization: filters in the URL (status, overdue only, owner, supplier,
// source), 50 a page, the totals on top; overdue rows stand out.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireOrg } from "~/lib/auth.server";
import { can } from "~/domain/permissions";
import { parseSearchParams } from "~/schemas/audit";
import { ActionListQuerySchema } from "~/schemas/action";
import { actionListPage } from "~/services/action-pages.server";
import { ActionTable } from "~/components/action-display";
import { ActionFilters, ActionTotals } from "~/components/action-filters";

import { Pager } from "~/components/pager";
import { useOrg } from "./o.$org";
import { FilteredPageError } from "~/components/filtered-page-error";
import { formatNumber, plural } from "~/components/format";

export const meta: MetaFunction = () => [{ title: "Corrective actions — Lantern" }];

const BAD_FILTERS =
  "These filters cannot be used: status is open, in_progress, done or verified; source is red_flag, review or manual; " +
  "owner, supplier and page are whole numbers.";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "actions.view");
  const parsed = parseSearchParams(ActionListQuerySchema, new URL(request.url));
  if (!parsed.success) {
    throw json({ message: BAD_FILTERS }, { status: 400 });
  }
  const page = await actionListPage(context.db, ident, parsed.data);
  return json({ ...page, query: parsed.data, mayEdit: can(ident.role, "actions.edit") });
}

/** "12 actions match — page 1 of 2." */
function countLine(total: number, filtered: boolean, page: number, pages: number): string {
  if (total === 0) return "No action matches.";
  const match = filtered ? ` ${plural(total, "matches", "match")}` : "";
  const of = pages > 1 ? ` — page ${page} of ${formatNumber(pages)}` : "";
  return `${formatNumber(total)} ${plural(total, "action", "actions")}${match}${of}.`;
}

export default function ActionList() {
  const { rows, total, pageSize, counts, owners, supplier, query, mayEdit } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { org } = useOrg();
  const base = `/o/${org.slug}/actions`;
  const pageLink = (page: number) => {
    const next = new URLSearchParams(params);
    if (page > 1) next.set("page", String(page));
    else next.delete("page");
    return `?${next.toString()}`;
  };
  const filtered = Boolean(query.status || query.overdue || query.owner || query.source || query.supplier);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <main className="page wide">
      <div className="page-head">
        <h1>Corrective actions{supplier ? ` of ${supplier.name}` : ""}</h1>
        {mayEdit ? (
          <div className="actions">
            <Link className="button" to={supplier ? `${base}/new?supplier=${supplier.id}` : `${base}/new`}>
              New action
            </Link>
          </div>
        ) : null}
      </div>

      <ActionTotals counts={counts} />
      <ActionFilters query={query} owners={owners} supplier={supplier} filtered={filtered} />

      <p className="muted small" role="status">
        {countLine(total, filtered, query.page, pages)}
      </p>

      {rows.length ? (
        <ActionTable rows={rows} base={base} label="Corrective actions" supplierHref={(id) => `/o/${org.slug}/suppliers/${id}`} />
      ) : (
        <div className="empty">
          {query.page > 1 && total > 0 ? (
            <p>
              There is no page {query.page}. <Link to={pageLink(1)}>Go to the first page</Link>.
            </p>
          ) : filtered ? (
            <p>
              No action matches. <Link to="?">Show all actions</Link>.
            </p>
          ) : (
            <p>
              No corrective actions yet. Approving an assessment whose answers raise red flags opens one per red flag
              {mayEdit ? "; you can also add one by hand" : ""}.
            </p>
          )}
        </div>
      )}

      <Pager
        prev={query.page > 1 ? pageLink(query.page - 1) : null}
        next={query.page < pages ? pageLink(query.page + 1) : null}
        label={`Page ${query.page} of ${formatNumber(pages)}`}
      />
    </main>
  );
}

export function ErrorBoundary() {
  return <FilteredPageError title="Corrective actions" fallback="The actions could not be shown." resetLabel="Show all actions" />;
}
