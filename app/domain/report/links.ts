// Where a bar, a slice or a row of the dashboard leads: the supplier list with the matching filters
// (the list's URL parameters, app/schemas/supplier.ts SupplierListQuerySchema: tier, country,
// sector, good, and `risk` for the band), and the dashboard's own URL with a filter changed.
// Pure module: no node, kysely, remix or react imports.
import { NO_TIER, type Band, type DashboardFilter } from "./types";

export interface ListTarget extends DashboardFilter {
  band?: Band;
}

/**
 * The supplier list showing exactly the suppliers a figure counts. The list has no parameter for
 * "not linked" (tier 0), so that tier is left out of the link rather than mislabelled.
 */
export function supplierListHref(slug: string, filter: DashboardFilter, target: ListTarget = {}): string {
  const f = { ...filter, ...target };
  const p = new URLSearchParams();
  if (f.tier !== undefined && f.tier !== NO_TIER) p.set("tier", String(f.tier));
  if (f.country) p.set("country", f.country);
  if (f.sector) p.set("sector", f.sector);
  if (f.good) p.set("good", f.good);
  if (f.band) p.set("risk", f.band);
  const s = p.toString();
  return `/o/${slug}/suppliers${s ? `?${s}` : ""}`;
}

/** The dashboard's query string for a filter and period (defaults left out, so URLs stay short). */
export function dashboardSearch(
  filter: DashboardFilter,
  period: { preset: number | null; from: string; to: string },
  defaultPreset = 90,
): string {
  const p = new URLSearchParams();
  if (filter.tier !== undefined) p.set("tier", String(filter.tier));
  if (filter.country) p.set("country", filter.country);
  if (filter.sector) p.set("sector", filter.sector);
  if (filter.good) p.set("good", filter.good);
  if (filter.band) p.set("band", filter.band);
  if (period.preset === null) {
    p.set("from", period.from);
    p.set("to", period.to);
  } else if (period.preset !== defaultPreset) {
    p.set("days", String(period.preset));
  }
  const s = p.toString();
  return s ? `?${s}` : "";
}

export function hasFilter(f: DashboardFilter): boolean {
  return f.tier !== undefined || Boolean(f.country || f.sector || f.band || f.good);
}
