// The dashboard's filters (tier, country, sector, band, goods) and period, kept in the URL: a plain
// GET form that also works without JavaScript; with it, a change applies at once.
import { Form, Link, useSearchParams, useSubmit } from "@remix-run/react";
import type { ChangeEvent, FormEvent } from "react";
import { BAND_LABELS, BANDS, tierLabel } from "~/domain/report/types";
import { PERIOD_PRESETS } from "~/domain/report/period";
import { FilterSelect } from "./filter-select";

export interface FilterOptions {
  tiers: number[];
  countries: Array<{ iso2: string; name: string }>;
  sectors: string[];
  goods: string[];
}

const FIELDS = ["tier", "country", "sector", "band", "good"] as const;

/** Only the fields that hold a value, so shared URLs stay short. */
function compact(form: HTMLFormElement): URLSearchParams {
  const next = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (typeof v === "string" && v.trim() !== "") next.set(k, v.trim());
  if (next.get("days") === "90") next.delete("days");
  return next;
}

export function DashboardFilters({ options, withPeriod = true }: { options: FilterOptions; withPeriod?: boolean }) {
  const [params] = useSearchParams();
  const submit = useSubmit();
  const value = (k: string) => params.get(k) ?? "";
  const filtered = FIELDS.some((k) => params.get(k));
  const go = (form: HTMLFormElement) => submit(compact(form), { method: "get", preventScrollReset: true });
  const onChange = (e: ChangeEvent<HTMLFormElement>) => go(e.currentTarget);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    go(e.currentTarget);
  };
  const hasDates = Boolean(params.get("from") || params.get("to"));
  return (
    <Form
      method="get"
      className="filters dash-filters"
      aria-label="Filter the dashboard"
      onChange={onChange}
      onSubmit={onSubmit}
      key={params.toString()}
      preventScrollReset
    >
      <FilterSelect
        id="d-tier"
        name="tier"
        label="Tier"
        value={value("tier")}
        allLabel="All tiers"
        options={options.tiers.map((t) => [t, tierLabel(t)] as const)}
      />
      <FilterSelect
        id="d-country"
        name="country"
        label="Country"
        value={value("country")}
        allLabel="All countries"
        options={options.countries.map((c) => [c.iso2, c.name] as const)}
      />
      <FilterSelect id="d-sector" name="sector" label="Sector" value={value("sector")} allLabel="All sectors" options={options.sectors} />
      <FilterSelect
        id="d-band"
        name="band"
        label="Risk band"
        value={value("band")}
        allLabel="All bands"
        options={BANDS.map((b) => [b, BAND_LABELS[b]] as const)}
      />
      <FilterSelect id="d-good" name="good" label="Goods" value={value("good")} allLabel="All goods" options={options.goods} />
      {withPeriod ? (
        hasDates ? (
          <>
            <input type="hidden" name="from" value={value("from")} />
            <input type="hidden" name="to" value={value("to")} />
          </>
        ) : (
          <div className="field">
            <label htmlFor="d-days">Period</label>
            <select id="d-days" name="days" defaultValue={value("days") || "90"}>
              {PERIOD_PRESETS.map((d) => (
                <option key={d} value={d}>
                  Last {d} days
                </option>
              ))}
            </select>
          </div>
        )
      ) : null}
      <button type="submit" className="button secondary">
        Apply
      </button>
      {filtered ? (
        <Link to={params.get("days") ? `?days=${params.get("days")}` : "?"} className="button link" preventScrollReset>
          Clear filters
        </Link>
      ) : null}
    </Form>
  );
}
