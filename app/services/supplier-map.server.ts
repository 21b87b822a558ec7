// The dashboard with its supplier map. In a small tenant, a filter matching few suppliers shows
// each site (a capped read, see mappedSuppliers); otherwise the map shows countries, counted from
// the roll-up rows the dashboard has already read: no pass over the tenant's suppliers.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import { countriesFromCells, drawOrder, type DashboardMap } from "~/domain/map/geo";
import { countryName } from "~/domain/country";
import { countryCentre } from "~/lib/world-map.server";
import { mappedSuppliers, rolledUpSupplierCount } from "~/models/supplier-map.server";
import type { DashboardQuery } from "~/schemas/dashboard";
import { ok, type Result } from "~/domain/result";
import { dashboardData, type DashboardView } from "./dashboard.server";

/** Up to this many matching suppliers, the map places each one; above it, it aggregates by country. */
export const POINT_LIMIT = 300;
/** Tenants up to this size may have their sites read one by one: any filter's query then reads a few thousand rows at most. */
export const POINT_TENANT_LIMIT = 2_000;

export type DashboardPage = DashboardView & { map: DashboardMap };

export async function dashboardPage(
  db: Kysely<Database>,
  orgId: number,
  q: DashboardQuery,
  opts: { now?: Date; pointLimit?: number; pointTenantLimit?: number } = {},
): Promise<Result<DashboardPage>> {
  const limit = opts.pointLimit ?? POINT_LIMIT;
  const r = await dashboardData(db, orgId, q, opts.now ?? new Date());
  if (!r.ok) return r;
  const view = r.value;
  const suppliers = view.data.summary.suppliers;
  const names = view.data.countryNames;
  const nameOf = (iso2: string) => names[iso2] ?? countryName(iso2);
  let map: DashboardMap;
  const few =
    suppliers > 0 && suppliers <= limit && (await rolledUpSupplierCount(db, orgId)) <= (opts.pointTenantLimit ?? POINT_TENANT_LIMIT);
  if (few) {
    const rows = await mappedSuppliers(db, orgId, view.data.filter, limit);
    map = { mode: "points", suppliers, points: drawOrder(rows).map((p) => ({ ...p, countryName: nameOf(p.country) })) };
  } else {
    const countries = countriesFromCells(view.countryCells, (iso2) => ({ name: nameOf(iso2), at: countryCentre(iso2) ?? null }));
    map = { mode: "countries", suppliers, countries };
  }
  return ok({ ...view, map });
}
