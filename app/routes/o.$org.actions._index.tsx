// Corrective actions of the organization: filters in the URL (status, overdue only, owner, supplier,
// source), 50 a page, the totals on top; overdue rows stand out.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireOrg } from "~/lib/auth.server";
import { can } from "~/domain/permissions";
import { parseSearchParams } from "~/schemas/audit";
import { ACTION_SOURCES, ACTION_STATUSES, ActionListQuerySchema } from "~/schemas/action";
import { actionListPage } from "~/services/actions.server";
import { ACTION_SOURCE_LABELS, ACTION_STATUS_LABELS, ActionTable } from "~/components/action-display";
import { formatNumber } from "~/components/supplier-display";
import { Pager } from "~/components/pager";
import { useOrg } from "./o.$org";
import { FilteredPageError } from "~/components/filtered-page-error";
import { FilterSelect } from "~/components/filter-select";
import { plural } from "~/components/format";

export const meta: MetaFunction = () => [{ title: "Corrective actions — Lantern" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ident = await requireOrg(request, context, params.org, "actions.view");
  const parsed = parseSearchParams(ActionListQuerySchema, new URL(request.url));
  if (!parsed.success) {
    throw json(
      {
        message:
          "These filters cannot be used: status is open, in_progress, done or verified; source is red_flag, review or manual; owner, supplier and page are whole numbers.",
      },
      { status: 400 },
    );
  }
  const page = await actionListPage(context.db, ident, parsed.data);
  return json({ ...page, query: parsed.data, mayEdit: can(ident.role, "actions.edit") });
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

      <dl className="stats" aria-label="Totals">
        <div>
          <dt>Open</dt>
          <dd>{formatNumber(counts.open)}</dd>
        </div>
        <div>
          <dt>In progress</dt>
          <dd>{formatNumber(counts.inProgress)}</dd>
        </div>
        <div>
          <dt>Overdue</dt>
          <dd>
            <Link to="?overdue=1">{formatNumber(counts.overdue)}</Link>
          </dd>
        </div>
        <div>
          <dt>Done, to verify</dt>
          <dd>
            <Link to="?status=done">{formatNumber(counts.done)}</Link>
          </dd>
        </div>
        <div>
          <dt>Verified</dt>
          <dd>{formatNumber(counts.verified)}</dd>
        </div>
      </dl>

      <Form method="get" className="filters" aria-label="Filter actions">
        {supplier ? <input type="hidden" name="supplier" value={supplier.id} /> : null}
        <FilterSelect
          id="f-status"
          name="status"
          label="Status"
          value={query.status ?? ""}
          allLabel="Any status"
          options={ACTION_STATUSES.map((s) => [s, ACTION_STATUS_LABELS[s]] as const)}
        />
        <div className="field">
          <label htmlFor="f-owner">Owner</label>
          <select id="f-owner" name="owner" defaultValue={query.owner === undefined ? "" : String(query.owner)}>
            <option value="">Anyone</option>
            <option value="none">Nobody</option>
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <FilterSelect
          id="f-source"
          name="source"
          label="Source"
          value={query.source ?? ""}
          allLabel="Any source"
          options={ACTION_SOURCES.map((s) => [s, ACTION_SOURCE_LABELS[s]] as const)}
        />
        <div className="field">
          <label>
            <input type="checkbox" name="overdue" value="1" defaultChecked={query.overdue} /> Overdue only
          </label>
        </div>
        <button type="submit" className="button secondary">
          Apply
        </button>
        {filtered ? (
          <Link to="?" className="button link">
            Show all
          </Link>
        ) : null}
      </Form>

      <p className="muted small" role="status">
        {total === 0
          ? "No action matches."
          : `${formatNumber(total)} ${plural(total, "action", "actions")}${filtered ? ` ${plural(total, "matches", "match")}` : ""}${pages > 1 ? ` — page ${query.page} of ${formatNumber(pages)}` : ""}.`}
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
