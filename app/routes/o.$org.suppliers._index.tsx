import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, isRouteErrorResponse, useLoaderData, useRouteError, useSearchParams } from "@remix-run/react";
import { requireOrg } from "~/lib/auth.server";
import { can } from "~/domain/permissions";
import { parseSearchParams } from "~/schemas/audit";
import { SupplierListQuerySchema } from "~/schemas/supplier";
import { supplierListPage, type ListRow } from "~/models/supplier-list.server";
import { countryName } from "~/domain/country";

import { SupplierRows, SupplierTableHead, type SupplierListItem } from "~/components/supplier-table";
import { SupplierFilters } from "~/components/supplier-filters";
import { useOrg } from "./o.$org";
import { Pager } from "~/components/pager";
import { formatMoney, formatNumber, plural } from "~/components/format";

export const meta: MetaFunction = () => [{ title: "Suppliers — Lantern" }];

// Readable 400s: say which parameter is wrong and what it accepts.
const PARAM_HINTS: Record<string, string> = {
  q: "Search text is at most 200 characters.",
  tier: "Tier is a whole number from 1 to 50.",
  country: "Country is a two-letter code such as BD.",
  sector: "Sector is at most 100 characters.",
  good: "Goods are at most 100 characters.",
  status: "Status is active, inactive, archived or all.",
  risk: "Risk is critical, high, medium, low or none (not scored yet).",
  sort: "Sort is one of name, country, tier, updated, spend, workers, score, band.",
  dir: "Direction is asc or desc.",
  page: "Page is a whole number from 1.",
  size: "Page size is a whole number from 10 to 200.",
  after: "Follow the page links: “after” is a position in the list they write.",
  before: "Follow the page links: “before” is a position in the list they write.",
};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { org, role } = await requireOrg(request, context, params.org, "suppliers.view");
  const url = new URL(request.url);
  const parsed = parseSearchParams(SupplierListQuerySchema, url);
  if (!parsed.success) {
    const keys = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? "")))];
    const shown = (k: string) => JSON.stringify(url.searchParams.get(k)?.slice(0, 40) ?? "");
    const message = keys
      .map((k) => `The filter “${k}” has a value that cannot be used (${shown(k)}). ${PARAM_HINTS[k] ?? ""}`.trim())
      .join(" ");
    throw json({ message }, { status: 400 });
  }
  const f = parsed.data;
  // Lean on purpose (100,000-supplier tenants): the page's rows, its total and the filter menus (the
  // last two reused while the data has not changed, see supplierListPage).
  const { rows, cursors, total, options } = await supplierListPage(context.db, org.id, f);
  const countries = countryMenu(options.countries);
  const nameOf = new Map(countries.map((c) => [c.iso2, c.name]));
  return json({
    rows: rows.map((r) => listItem(r, nameOf)),
    total,
    options: { tiers: options.tiers, sectors: options.sectors, goods: options.goods },
    countries,
    query: f,
    cursors,
    pages: Math.max(1, Math.ceil(total / f.size)),
    mayEdit: can(role, "suppliers.edit"),
    mayImport: can(role, "suppliers.import"),
    mayAssess: can(role, "assessments.manage"),
  });
}

/** A row as the page shows it: the country by name and the spend formatted with its currency. */
function listItem(r: ListRow, countryNames: ReadonlyMap<string, string>): SupplierListItem {
  return {
    id: r.id,
    name: r.name,
    externalRef: r.external_ref,
    country: r.country,
    countryName: countryNames.get(r.country) ?? r.country,
    city: r.city,
    sector: r.sector,
    tier: r.tier,
    status: r.status,
    spend: formatMoney(r.annual_spend, r.currency),
    riskScore: r.risk_score,
    riskBand: r.risk_band,
  };
}

// Country names are resolved on the server, once: the server's and the browser's ICU data differ for
// a few regions (e.g. "Hong Kong" vs "Hong Kong SAR China"), and both renders must agree. The menu
// is the same for every request while the tenant's countries are (the options come from a cache).
const countryMenus = new WeakMap<readonly string[], Array<{ iso2: string; name: string }>>();
function countryMenu(codes: readonly string[]) {
  let menu = countryMenus.get(codes);
  if (!menu) {
    menu = codes.map((c) => ({ iso2: c, name: countryName(c) })).sort((a, b) => a.name.localeCompare(b.name, "en"));
    countryMenus.set(codes, menu);
  }
  return menu;
}

export default function SupplierList() {
  const { rows, cursors, total, options, countries, query, pages, mayEdit, mayImport, mayAssess } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { org } = useOrg();
  const base = `/o/${org.slug}/suppliers`;

  // Every link but previous/next starts the paging afresh: a cursor belongs to the page it was read on.
  const withParams = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    next.delete("after");
    next.delete("before");
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === "") next.delete(k);
      else next.set(k, v);
    }
    const s = next.toString();
    return s ? `${base}?${s}` : base;
  };
  const exportParams = new URLSearchParams(params);
  exportParams.delete("page");
  exportParams.delete("size");
  exportParams.delete("after");
  exportParams.delete("before");
  const exportQuery = exportParams.toString();

  const filtered = ["q", "tier", "country", "sector", "good", "status", "risk"].some((k) => params.get(k));

  return (
    <main className="page wide supplier-page">
      <div className="page-head">
        <h1>Suppliers</h1>
        <div className="actions">
          <a className="button secondary" href={`${base}/export.csv${exportQuery ? `?${exportQuery}` : ""}`}>
            Export CSV
          </a>
          {mayAssess && total > 0 ? (
            <Link className="button secondary" to={`/o/${org.slug}/assessments/new${exportQuery ? `?${exportQuery}` : ""}`}>
              Assess these suppliers
            </Link>
          ) : null}
          {mayImport ? (
            <Link className="button secondary" to={`${base}/import`}>
              Import CSV
            </Link>
          ) : null}
          {mayEdit ? (
            <Link className="button" to={`${base}/new`}>
              New supplier
            </Link>
          ) : null}
        </div>
      </div>

      <SupplierFilters base={base} query={query} options={options} countries={countries} filtered={filtered} />

      <p className="muted" role="status">
        {filtered
          ? `${formatNumber(total)} ${plural(total, "supplier matches", "suppliers match")} these filters`
          : `${formatNumber(total)} ${plural(total, "supplier", "suppliers")}`}
      </p>

      {rows.length ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Suppliers">
          <table className="table supplier-table">
            <caption className="sr-only">{`Suppliers, page ${query.page} of ${pages}`}</caption>
            <SupplierTableHead query={query} sortHref={(sort, dir) => withParams({ sort, dir, page: null })} />
            <SupplierRows suppliers={rows} base={base} />
          </table>
        </div>
      ) : (
        <div className="empty">
          {total > 0 ? (
            <p>
              There is no page {query.page}. <Link to={withParams({ page: null })}>Go to the first page</Link>.
            </p>
          ) : filtered ? (
            <p>
              No supplier matches these filters. <Link to={base}>Clear the filters</Link>.
            </p>
          ) : (
            <p>No suppliers yet.{mayEdit ? " Add one, or import a CSV file." : ""}</p>
          )}
        </div>
      )}

      <Pager
        prev={query.page > 1 ? withParams({ page: String(query.page - 1), before: cursors.before }) : null}
        next={query.page < pages ? withParams({ page: String(query.page + 1), after: cursors.after }) : null}
        label={`Page ${formatNumber(Math.min(query.page, pages))} of ${formatNumber(pages)}`}
      />
    </main>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 400) {
    const message =
      typeof error.data === "object" && error.data && "message" in error.data
        ? String(error.data.message)
        : "These filters cannot be used.";
    return (
      <main className="page">
        <h1>Suppliers</h1>
        <div className="alert error" role="alert">
          <p className="alert-title">These filters cannot be used</p>
          <p>{message}</p>
        </div>
        <p>
          <Link to="?">Show all suppliers</Link>
        </p>
      </main>
    );
  }
  return (
    <main className="page">
      <h1>Suppliers</h1>
      <div className="alert error" role="alert">
        {isRouteErrorResponse(error) && error.status === 403
          ? "Your role does not allow this."
          : "The supplier list could not be shown. Please try again."}
      </div>
    </main>
  );
}
