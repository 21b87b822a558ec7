import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, isRouteErrorResponse, useLoaderData, useNavigate, useRouteError, useSearchParams } from "@remix-run/react";
import type { FormEvent } from "react";
import { requireOrg } from "~/lib/auth.server";
import { can } from "~/domain/permissions";
import { parseSearchParams } from "~/schemas/audit";
import { RISK_FILTERS, SUPPLIER_STATUSES, SupplierListQuerySchema } from "~/schemas/supplier";
import { supplierListPage } from "~/models/supplier.server";
import { countryName } from "~/domain/country";
import { formatMoney, formatNumber, statusLabel } from "~/components/supplier-display";
import { RISK_BAND_LABELS } from "~/components/risk-badge";
import { supplierRowsHtml, type SupplierListRow } from "~/components/supplier-rows";
import { useOrg } from "./o.$org";
import { Pager } from "~/components/pager";
import { useDelegatedLinks } from "~/components/delegated-links";
import { FilterSelect } from "~/components/filter-select";
import { plural } from "~/components/format";

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
};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { org, role } = await requireOrg(request, context, params.org, "suppliers.view");
  const url = new URL(request.url);
  const parsed = parseSearchParams(SupplierListQuerySchema, url);
  if (!parsed.success) {
    const keys = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? "")))];
    const message = keys
      .map((k) =>
        `The filter “${k}” has a value that cannot be used (${JSON.stringify(url.searchParams.get(k)?.slice(0, 40) ?? "")}). ${PARAM_HINTS[k] ?? ""}`.trim(),
      )
      .join(" ");
    throw json({ message }, { status: 400 });
  }
  const f = parsed.data;
  // Lean on purpose (100,000-supplier tenants): the page's rows, its total and the filter menus (the
  // last two reused while the data has not changed, see supplierListPage).
  const { rows, total, options } = await supplierListPage(context.db, org.id, f);
  // Only what the page shows, compactly: the rows travel twice (loader JSON, then the page's hydration data).
  return json({
    rows: rows.map(([id, ref, name, country, city, sector, tier, status, spend, currency, score, band]): SupplierListRow => [
      id,
      name,
      ref,
      country,
      city,
      sector,
      tier,
      status,
      formatMoney(spend, currency),
      score,
      band,
    ]),
    total,
    options: { tiers: options.tiers, sectors: options.sectors, goods: options.goods },
    countries: countryMenu(options.countries),
    query: f,
    pages: Math.max(1, Math.ceil(total / f.size)),
    mayEdit: can(role, "suppliers.edit"),
    mayImport: can(role, "suppliers.import"),
    mayAssess: can(role, "assessments.manage"),
  });
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

type SortKey = "name" | "country" | "tier" | "spend" | "score" | "band";

const riskFilterLabel = (value: (typeof RISK_FILTERS)[number]) => (value === "none" ? "Not scored" : (RISK_BAND_LABELS[value] ?? value));

export default function SupplierList() {
  const { rows, total, options, countries, query, pages, mayEdit, mayImport, mayAssess } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const onLinkClick = useDelegatedLinks();
  const { org } = useOrg();
  const base = `/o/${org.slug}/suppliers`;

  // Links in this page are plain <a data-discover> elements, navigated by onLinkClick on <main>.
  const withParams = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
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
  const exportQuery = exportParams.toString();

  // Keep bookmarked URLs short: leave out empty fields (without JS the native GET form still works).
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of new FormData(e.currentTarget)) if (typeof v === "string" && v.trim() !== "") next.set(k, v.trim());
    if (next.get("size") === "50") next.delete("size"); // the default
    navigate(`?${next.toString()}`);
  };

  const nameOf = new Map(countries.map((c) => [c.iso2, c.name]));
  const filtered = ["q", "tier", "country", "sector", "good", "status", "risk"].some((k) => params.get(k));

  // A header's link: the first click sorts in `first` order (risk: highest first), the next reverses.
  const sortLink = (k: SortKey, label: string, first: "asc" | "desc" = "asc") => {
    const active = query.sort === k;
    const nextDir = active ? (query.dir === "asc" ? "desc" : "asc") : first;
    return (
      <a href={withParams({ sort: k, dir: nextDir, page: null })} className="sort-link" data-discover="true">
        {label}
        <span aria-hidden="true" className="sort-mark">
          {active ? (query.dir === "asc" ? " ▲" : " ▼") : " ↕"}
        </span>
        <span className="sr-only">{active ? `, sorted ${query.dir === "asc" ? "ascending" : "descending"}` : ", sort"}</span>
      </a>
    );
  };
  const ariaSort = (...keys: SortKey[]) =>
    keys.includes(query.sort as SortKey) ? (query.dir === "asc" ? "ascending" : "descending") : undefined;
  const sortHeader = (k: SortKey, label: string, className?: string) => (
    <th scope="col" className={className} aria-sort={ariaSort(k)}>
      {sortLink(k, label)}
    </th>
  );

  return (
    // onLinkClick: the clicks (and Enter on a focused link) of the links inside.
    <main className="page wide supplier-page" onClick={onLinkClick}>
      <div className="page-head">
        <h1>Suppliers</h1>
        <div className="actions">
          <a className="button secondary" href={`${base}/export.csv${exportQuery ? `?${exportQuery}` : ""}`}>
            Export CSV
          </a>
          {mayAssess && total > 0 ? (
            <a
              className="button secondary"
              href={`/o/${org.slug}/assessments/new${exportQuery ? `?${exportQuery}` : ""}`}
              data-discover="true"
            >
              Assess these suppliers
            </a>
          ) : null}
          {mayImport ? (
            <a className="button secondary" href={`${base}/import`} data-discover="true">
              Import CSV
            </a>
          ) : null}
          {mayEdit ? (
            <a className="button" href={`${base}/new`} data-discover="true">
              New supplier
            </a>
          ) : null}
        </div>
      </div>

      <form
        method="get"
        action={base}
        className="filters supplier-filters"
        aria-label="Search and filter suppliers"
        onSubmit={onSubmit}
        key={params.toString()}
      >
        <div className="field grow">
          <label htmlFor="f-q">Name or reference</label>
          <input id="f-q" name="q" type="search" defaultValue={query.q ?? ""} maxLength={200} />
        </div>
        <FilterSelect
          id="f-tier"
          name="tier"
          label="Tier"
          value={query.tier ? String(query.tier) : ""}
          allLabel="Any tier"
          options={options.tiers.map((t) => [t, `Tier ${t}`] as const)}
        />
        <FilterSelect
          id="f-country"
          name="country"
          label="Country"
          value={query.country ?? ""}
          allLabel="Any country"
          options={countries.map((c) => [c.iso2, c.name] as const)}
        />
        <FilterSelect
          id="f-sector"
          name="sector"
          label="Sector"
          value={query.sector ?? ""}
          allLabel="Any sector"
          options={options.sectors}
        />
        <FilterSelect id="f-good" name="good" label="Goods" value={query.good ?? ""} allLabel="Any goods" options={options.goods} />
        <div className="field">
          <label htmlFor="f-status">Status</label>
          <select id="f-status" name="status" defaultValue={query.status ?? ""}>
            <option value="">Active and inactive</option>
            {SUPPLIER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
            <option value="all">All, including archived</option>
          </select>
        </div>
        <FilterSelect
          id="f-risk"
          name="risk"
          label="Risk"
          value={query.risk ?? ""}
          allLabel="Any risk"
          options={RISK_FILTERS.map((b) => [b, riskFilterLabel(b)] as const)}
        />
        <div className="field">
          <label htmlFor="f-size">Per page</label>
          <select id="f-size" name="size" defaultValue={String(query.size)}>
            {[25, 50, 100, 200].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        {query.sort !== "name" ? <input type="hidden" name="sort" value={query.sort} /> : null}
        {query.sort !== "name" || query.dir !== "asc" ? <input type="hidden" name="dir" value={query.dir} /> : null}
        <button type="submit" className="button secondary">
          Apply
        </button>
        {filtered ? (
          <a href={base} className="button link" data-discover="true">
            Clear filters
          </a>
        ) : null}
      </form>

      <p className="muted" role="status">
        {filtered
          ? `${formatNumber(total)} ${plural(total, "supplier matches", "suppliers match")} these filters`
          : `${formatNumber(total)} ${plural(total, "supplier", "suppliers")}`}
      </p>

      {rows.length ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Suppliers">
          <table className="table supplier-table">
            <caption className="sr-only">{`Suppliers, page ${query.page} of ${pages}`}</caption>
            <thead>
              <tr>
                {sortHeader("name", "Name")}
                <th scope="col">Reference</th>
                {sortHeader("country", "Country")}
                <th scope="col">City</th>
                {sortHeader("tier", "Tier")}
                <th scope="col">Sector</th>
                <th scope="col">Status</th>
                <th scope="col" className="risk" aria-sort={ariaSort("score", "band")}>
                  {sortLink("score", "Risk", "desc")}
                  <span className="sort-alt"> {sortLink("band", "by band", "desc")}</span>
                </th>
                {sortHeader("spend", "Annual spend", "num")}
              </tr>
            </thead>
            {/* One HTML string for the rows (see supplier-rows.ts); its links are handled by onLinkClick. */}
            <tbody dangerouslySetInnerHTML={{ __html: supplierRowsHtml(rows, base, nameOf) }} />
          </table>
        </div>
      ) : (
        <div className="empty">
          {total > 0 ? (
            <p>
              There is no page {query.page}.{" "}
              <a href={withParams({ page: null })} data-discover="true">
                Go to the first page
              </a>
              .
            </p>
          ) : filtered ? (
            <p>
              No supplier matches these filters.{" "}
              <a href={base} data-discover="true">
                Clear the filters
              </a>
              .
            </p>
          ) : (
            <p>No suppliers yet.{mayEdit ? " Add one, or import a CSV file." : ""}</p>
          )}
        </div>
      )}

      <Pager
        prev={query.page > 1 ? withParams({ page: String(query.page - 1) }) : null}
        next={query.page < pages ? withParams({ page: String(query.page + 1) }) : null}
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
