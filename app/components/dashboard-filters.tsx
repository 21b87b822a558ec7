// The dashboard's filters (tier, country, sector, band, goods) and period, kept in the URL: a plain
// GET form that also works without JavaScript; with it, a change applies at once.
import { Form, Link, useSearchParams, useSubmit } from "@remix-run/react";
import type { ChangeEvent, FormEvent } from "react";
import { BAND_LABELS, BANDS, tierLabel } from "../domain/report/types";
import { PERIOD_PRESETS } from "../domain/report/period";

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
    <Form method="get" className="filters dash-filters" aria-label="Filter the dashboard" onChange={onChange} onSubmit={onSubmit} key={params.toString()} preventScrollReset>
      <div className="field">
        <label htmlFor="d-tier">Tier</label>
        <select id="d-tier" name="tier" defaultValue={value("tier")}>
          <option value="">All tiers</option>
          {options.tiers.map((t) => (
            <option key={t} value={t}>
              {tierLabel(t)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="d-country">Country</label>
        <select id="d-country" name="country" defaultValue={value("country")}>
          <option value="">All countries</option>
          {options.countries.map((c) => (
            <option key={c.iso2} value={c.iso2}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="d-sector">Sector</label>
        <select id="d-sector" name="sector" defaultValue={value("sector")}>
          <option value="">All sectors</option>
          {options.sectors.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="d-band">Risk band</label>
        <select id="d-band" name="band" defaultValue={value("band")}>
          <option value="">All bands</option>
          {BANDS.map((b) => (
            <option key={b} value={b}>
              {BAND_LABELS[b]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="d-good">Goods</label>
        <select id="d-good" name="good" defaultValue={value("good")}>
          <option value="">All goods</option>
          {options.goods.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </select>
      </div>
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
