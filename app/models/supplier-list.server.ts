// The supplier list: its order, one page of rows, the total and what the list page shows (the total
// and the filter menus reused while the data is unchanged). Every function is scoped by orgId.
import { PostgresAdapter, sql, type RawBuilder, type SelectQueryBuilder } from "kysely";
import type { Database } from "~db/types";
import type { DbOrTrx } from "./types";
import { cachedWhileUnchanged, changeMarker } from "./change-marker.server";
import type { SupplierInput, SupplierListQuery } from "~/schemas/supplier";
import { filterOptions, supplierListQuery, type ListFilters } from "./supplier.server";

/** Risk bands from highest to lowest: the band sort's order (unscored suppliers come last). */
const BAND_RANK = sql<number | null>`case risk_band when 'critical' then 4 when 'high' then 3 when 'medium' then 2 when 'low' then 1 end`;

/**
 * The list's order: the chosen column, then id, so that pages never overlap. Risk scores and bands
 * put unscored suppliers last in both directions (SQLite's natural order for "desc", where the
 * (org_id, risk_score) index serves the default "highest first"); suppliers of one band by name.
 * The export uses it too, so a CSV lists the suppliers in the order the list shows them.
 */
export function orderSupplierList<O>(
  q: SelectQueryBuilder<Database, "suppliers", O>,
  sort: SupplierListQuery["sort"],
  dir: "asc" | "desc",
): SelectQueryBuilder<Database, "suppliers", O> {
  switch (sort) {
    case "score":
      return q.orderBy("risk_score", (o) => (dir === "asc" ? o.asc() : o.desc()).nullsLast()).orderBy("id", dir);
    case "band":
      return q
        .orderBy(BAND_RANK, (o) => (dir === "asc" ? o.asc() : o.desc()).nullsLast())
        .orderBy("name_norm")
        .orderBy("id");
    default:
      return q.orderBy(SORT_COLUMN[sort], dir).orderBy("id", dir);
  }
}

const SORT_COLUMN = {
  name: "name_norm",
  country: "country",
  tier: "tier",
  updated: "updated_at",
  spend: "annual_spend",
  workers: "workers_count",
} as const;

/** The columns the list page shows. */
export const LIST_COLUMNS = [
  "id",
  "external_ref",
  "name",
  "country",
  "city",
  "sector",
  "tier",
  "status",
  "annual_spend",
  "currency",
  "risk_score",
  "risk_band",
] as const;

/** A row of the list: LIST_COLUMNS' values, in that order. */
export type ListRowValues = [
  id: number,
  external_ref: string | null,
  name: string,
  country: string,
  city: string | null,
  sector: string | null,
  tier: number | null,
  status: SupplierInput["status"],
  annual_spend: number | null,
  currency: string | null,
  risk_score: number | null,
  risk_band: "low" | "medium" | "high" | "critical" | null,
];

/** A row of the list as an object (listSuppliers). */
export interface ListRow {
  id: number;
  external_ref: string | null;
  name: string;
  country: string;
  city: string | null;
  sector: string | null;
  tier: number | null;
  status: SupplierInput["status"];
  annual_spend: number | null;
  currency: string | null;
  risk_score: number | null;
  risk_band: ListRowValues[11];
}

/**
 * One page of the list, each row as one JSON array of LIST_COLUMNS built by the database
 * (json_array / json_build_array): reading 12 columns into a JavaScript object per row cost about
 * as much as finding the rows. The page's ids are found first (from an index alone when the filter
 * and the order allow it) and only those rows are read: without this a deep page (OFFSET 2,000)
 * read every row it skipped.
 */
export function supplierPageQuery(db: DbOrTrx, orgId: number, f: SupplierListQuery) {
  const ids = orderSupplierList(supplierListQuery(db, orgId, f).select("id"), f.sort, f.dir)
    .limit(f.size)
    .offset((f.page - 1) * f.size);
  const values = sql.join(LIST_COLUMNS.map((c) => sql.ref(c)));
  const row: RawBuilder<string | ListRowValues> =
    db.getExecutor().adapter instanceof PostgresAdapter ? sql`json_build_array(${values})` : sql`json_array(${values})`;
  return orderSupplierList(
    db.selectFrom("suppliers").select(row.as("r")).where("org_id", "=", orgId).where("id", "in", ids),
    f.sort,
    f.dir,
  );
}

/** The page's rows as arrays (SQLite returns the JSON as text, pg has already parsed it). */
async function pageRows(db: DbOrTrx, orgId: number, f: SupplierListQuery): Promise<ListRowValues[]> {
  const rows = await supplierPageQuery(db, orgId, f).execute();
  return rows.map((x) => (typeof x.r === "string" ? (JSON.parse(x.r) as ListRowValues) : x.r));
}

function rowObject(v: ListRowValues): ListRow {
  const [id, external_ref, name, country, city, sector, tier, status, annual_spend, currency, risk_score, risk_band] = v;
  return { id, external_ref, name, country, city, sector, tier, status, annual_spend, currency, risk_score, risk_band };
}

/** How many suppliers the filters match. */
export function supplierCountQuery(db: DbOrTrx, orgId: number, f: ListFilters) {
  return supplierListQuery(db, orgId, f).select((eb) => eb.fn.countAll<number>().as("n"));
}

/** A page of the list and the total it is part of (two statements, nothing cached). */
export async function listSuppliers(db: DbOrTrx, orgId: number, f: SupplierListQuery): Promise<{ rows: ListRow[]; total: number }> {
  const [rows, count] = await Promise.all([pageRows(db, orgId, f), supplierCountQuery(db, orgId, f).executeTakeFirstOrThrow()]);
  return { rows: rows.map(rowObject), total: Number(count.n) };
}

/** The filters that decide the count, as a cache key (order, page and size do not). */
function filterKey(f: ListFilters): string {
  return JSON.stringify([
    f.q ?? null,
    f.tier ?? null,
    f.country ?? null,
    f.sector ?? null,
    f.good ?? null,
    f.status ?? null,
    f.risk ?? null,
  ]);
}

/**
 * What the list page shows: a page of rows (as objects), its total and the filter menus. The total and the menus
 * are answers that only change with the data, so they are kept per process and reused while the
 * database's change marker stays the same (see change-marker.server.ts): at 100,000 suppliers the
 * unfiltered total alone is a scan of 100,000 index entries.
 */
export async function supplierListPage(db: DbOrTrx, orgId: number, f: SupplierListQuery) {
  const marker = await changeMarker(db);
  const [rows, total, options] = await Promise.all([
    pageRows(db, orgId, f),
    cachedWhileUnchanged(db, marker, `suppliers.count:${orgId}:${filterKey(f)}`, async () =>
      Number((await supplierCountQuery(db, orgId, f).executeTakeFirstOrThrow()).n),
    ),
    cachedWhileUnchanged(db, marker, `suppliers.filterOptions:${orgId}`, () => filterOptions(db, orgId)),
  ]);
  return { rows: rows.map(rowObject), total, options };
}
