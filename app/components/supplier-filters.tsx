// The supplier list's search and filter form (a GET form: without JavaScript it still works).
import { Link, useNavigate, useSearchParams } from "@remix-run/react";
import type { FormEvent } from "react";
import { RISK_FILTERS, SUPPLIER_STATUSES, type SupplierListQuery } from "~/schemas/supplier";
import { FilterSelect } from "./filter-select";
import { RISK_BAND_LABELS } from "./risk-badge";
import { statusLabel } from "./supplier-display";

const riskFilterLabel = (value: (typeof RISK_FILTERS)[number]) => (value === "none" ? "Not scored" : (RISK_BAND_LABELS[value] ?? value));

interface Props {
  /** The list's path ("/o/acme/suppliers"). */
  base: string;
  query: SupplierListQuery;
  options: { tiers: number[]; sectors: string[]; goods: string[] };
  countries: Array<{ iso2: string; name: string }>;
  /** Whether any filter is set (then "Clear filters" is offered). */
  filtered: boolean;
}

export function SupplierFilters({ base, query, options, countries, filtered }: Props) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  // Keep bookmarked URLs short: leave out empty fields (without JS the native GET form still works).
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of new FormData(e.currentTarget)) if (typeof v === "string" && v.trim() !== "") next.set(k, v.trim());
    if (next.get("size") === "50") next.delete("size"); // the default
    navigate(`?${next.toString()}`);
  };
  return (
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
      <FilterSelect id="f-sector" name="sector" label="Sector" value={query.sector ?? ""} allLabel="Any sector" options={options.sectors} />
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
        <Link to={base} className="button link">
          Clear filters
        </Link>
      ) : null}
    </form>
  );
}
