import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, isRouteErrorResponse, useLoaderData, useNavigate, useRouteError, useSearchParams } from "@remix-run/react";
import type { FormEvent } from "react";
import { requireOrg } from "../lib/auth.server";
import { can } from "../domain/permissions";
import { parseSearchParams } from "../schemas/audit";
import { SUPPLIER_STATUSES, SupplierListQuerySchema } from "../schemas/supplier";
import { filterOptions, listSuppliers } from "../models/supplier.server";
import { countryName } from "../components/country";
import { StatusBadge, TierBadge, formatMoney, formatNumber, statusLabel } from "../components/supplier-display";
import { useOrg } from "./o.$org";
import { Pager } from "../components/pager";

export const meta: MetaFunction = () => [{ title: "Suppliers — Lantern" }];

// Readable 400s: say which parameter is wrong and what it accepts.
const PARAM_HINTS: Record<string, string> = {
  q: "Search text is at most 200 characters.",
  tier: "Tier is a whole number from 1 to 50.",
  country: "Country is a two-letter code such as BD.",
  sector: "Sector is at most 100 characters.",
  good: "Goods are at most 100 characters.",
  status: "Status is active, inactive, archived or all.",
  sort: "Sort is one of name, country, tier, updated, spend, workers.",
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
      .map((k) => `The filter “${k}” has a value that cannot be used (${JSON.stringify(url.searchParams.get(k)?.slice(0, 40) ?? "")}). ${PARAM_HINTS[k] ?? ""}`.trim())
      .join(" ");
    throw json({ message }, { status: 400 });
  }
  const f = parsed.data;
  // Lean on purpose (100,000-supplier tenants): one page query (+ its count) and the filter menus.
  const [{ rows, total }, options] = await Promise.all([listSuppliers(context.db, org.id, f), filterOptions(context.db, org.id)]);
  // Country names are resolved here, once: the server's and the browser's ICU data differ for a few
  // regions (e.g. "Hong Kong" vs "Hong Kong SAR China"), and both renders must agree.
  const countries = options.countries.map((c) => ({ iso2: c, name: countryName(c) })).sort((a, b) => a.name.localeCompare(b.name, "en"));
  return json({
    rows,
    total,
    options,
    countries,
    query: f,
    pages: Math.max(1, Math.ceil(total / f.size)),
    mayEdit: can(role, "suppliers.edit"),
    mayImport: can(role, "suppliers.import"),
    mayAssess: can(role, "assessments.manage"),
  });
}

type SortKey = "name" | "country" | "tier" | "spend";

export default function SupplierList() {
  const { rows, total, options, countries, query, pages, mayEdit, mayImport, mayAssess } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { org } = useOrg();
  const base = `/o/${org.slug}/suppliers`;

  const withParams = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === "") next.delete(k);
      else next.set(k, v);
    }
    const s = next.toString();
    return s ? `?${s}` : "?";
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
  const filtered = ["q", "tier", "country", "sector", "good", "status"].some((k) => params.get(k));

  const sortHeader = (k: SortKey, label: string, className?: string) => {
    const active = query.sort === k;
    const nextDir = active && query.dir === "asc" ? "desc" : "asc";
    return (
      <th scope="col" key={k} className={className} aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
        <Link to={withParams({ sort: k, dir: nextDir, page: null })} className="sort-link">
          {label}
          <span aria-hidden="true" className="sort-mark">
            {active ? (query.dir === "asc" ? " ▲" : " ▼") : " ↕"}
          </span>
          <span className="sr-only">{active ? `, sorted ${query.dir === "asc" ? "ascending" : "descending"}` : ", sort"}</span>
        </Link>
      </th>
    );
  };

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

      <Form method="get" className="filters supplier-filters" aria-label="Search and filter suppliers" onSubmit={onSubmit} key={params.toString()}>
        <div className="field grow">
          <label htmlFor="f-q">Name or reference</label>
          <input id="f-q" name="q" type="search" defaultValue={query.q ?? ""} maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="f-tier">Tier</label>
          <select id="f-tier" name="tier" defaultValue={query.tier ? String(query.tier) : ""}>
            <option value="">Any tier</option>
            {options.tiers.map((t) => (
              <option key={t} value={t}>
                Tier {t}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-country">Country</label>
          <select id="f-country" name="country" defaultValue={query.country ?? ""}>
            <option value="">Any country</option>
            {countries.map((c) => (
              <option key={c.iso2} value={c.iso2}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-sector">Sector</label>
          <select id="f-sector" name="sector" defaultValue={query.sector ?? ""}>
            <option value="">Any sector</option>
            {options.sectors.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-good">Goods</label>
          <select id="f-good" name="good" defaultValue={query.good ?? ""}>
            <option value="">Any goods</option>
            {options.goods.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </div>
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
        {query.dir !== "asc" ? <input type="hidden" name="dir" value={query.dir} /> : null}
        <button type="submit" className="button secondary">
          Apply
        </button>
        {filtered ? (
          <Link to="?" className="button link">
            Clear filters
          </Link>
        ) : null}
      </Form>

      <p className="muted" role="status">
        {formatNumber(total)} {total === 1 ? "supplier" : "suppliers"}
        {filtered ? " match these filters" : ""}
      </p>

      {rows.length ? (
        <div className="table-scroll">
          <table className="table supplier-table">
            <caption className="sr-only">Suppliers, page {query.page} of {pages}</caption>
            <thead>
              <tr>
                {sortHeader("name", "Name")}
                <th scope="col">Reference</th>
                {sortHeader("country", "Country")}
                <th scope="col">City</th>
                {sortHeader("tier", "Tier")}
                <th scope="col">Sector</th>
                <th scope="col">Status</th>
                {sortHeader("spend", "Annual spend", "num")}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`${base}/${r.id}`}>{r.name}</Link>
                  </td>
                  <td className="nowrap">{r.external_ref ?? ""}</td>
                  <td>{nameOf.get(r.country) ?? r.country}</td>
                  <td>{r.city ?? ""}</td>
                  <td className="nowrap">
                    <TierBadge tier={r.tier} />
                  </td>
                  <td>{r.sector ?? ""}</td>
                  <td>
                    <StatusBadge status={r.status} />
                  </td>
                  <td className="num nowrap">{formatMoney(r.annual_spend == null ? null : Number(r.annual_spend), r.currency)}</td>
                </tr>
              ))}
            </tbody>
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
              No supplier matches these filters. <Link to="?">Clear the filters</Link>.
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
    const message = typeof error.data === "object" && error.data && "message" in error.data ? String(error.data.message) : "These filters cannot be used.";
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
