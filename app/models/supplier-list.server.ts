// The supplier list: its order, one page of rows, the total and what the list page shows (the total
// and the filter menus reused while the data is unchanged). Every function is scoped by orgId.
import { sql, type SelectQueryBuilder } from "kysely";
import { encodeCursor } from "~/domain/list-cursor";
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

/** A row of the list. */
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
  risk_band: "low" | "medium" | "high" | "critical" | null;
}

/**
 * The sorts a page can be reached by keyset (next/previous links): their key is never null, so
 * "after this row" is one index range. The other sorts (nullable scores, bands, tiers, amounts) page
 * by number only.
 */
const KEYSET_COLUMN = { name: "name_norm", country: "country", updated: "updated_at" } as const;
type KeysetSort = keyof typeof KEYSET_COLUMN;
const isKeysetSort = (sort: SupplierListQuery["sort"]): sort is KeysetSort => sort in KEYSET_COLUMN;

/**
 * The ids of one page: after (or before) the cursor's row when the link carried one and the sort
 * allows it, else by page number (OFFSET). The key range is written `key >= k and (key > k or id > i)`
 * (mirrored for the other direction) so that both engines serve it from their (org_id, key, …) indexes.
 */
function pageIdsQuery(db: DbOrTrx, orgId: number, f: SupplierListQuery) {
  const base = supplierListQuery(db, orgId, f).select("id");
  if (!f.cursor || !isKeysetSort(f.sort)) {
    return orderSupplierList(base, f.sort, f.dir)
      .limit(f.size)
      .offset((f.page - 1) * f.size);
  }
  const column = KEYSET_COLUMN[f.sort];
  const { key, id, from } = f.cursor;
  // Reading backwards (the page before the cursor) walks the order the other way, then the outer query restores it.
  const walk = (from === "after") === (f.dir === "asc") ? "asc" : "desc";
  const [wide, strict] = walk === "asc" ? ([">=", ">"] as const) : (["<=", "<"] as const);
  return base
    .where(column, wide, key)
    .where((eb) => eb.or([eb(column, strict, key), eb("id", strict, id)]))
    .orderBy(column, walk)
    .orderBy("id", walk)
    .limit(f.size);
}

/**
 * One page of the list, in the list's order. The page's ids are found first (from an index alone when
 * the filter and the order allow it) and only those rows are read: without this a deep page (OFFSET
 * 2,000) read every row it skipped.
 */
export function supplierPageQuery(db: DbOrTrx, orgId: number, f: SupplierListQuery) {
  const sortKey = isKeysetSort(f.sort) ? sql<string | null>`${sql.ref(KEYSET_COLUMN[f.sort])}` : sql<string | null>`null`;
  return orderSupplierList(
    db
      .selectFrom("suppliers")
      .select([...LIST_COLUMNS, sortKey.as("sort_key")])
      .where("org_id", "=", orgId)
      .where("id", "in", pageIdsQuery(db, orgId, f)),
    f.sort,
    f.dir,
  );
}

/** The cursors of the links around a page: before its first row, after its last (null where the sort has no keyset). */
export interface PageCursors {
  before: string | null;
  after: string | null;
}

/** The page's rows and the cursors of its previous and next links. */
async function pageRows(db: DbOrTrx, orgId: number, f: SupplierListQuery): Promise<{ rows: ListRow[]; cursors: PageCursors }> {
  const found = await supplierPageQuery(db, orgId, f).execute();
  const rows = found.map(({ sort_key: _key, ...row }) => row);
  const cursorAt = (r: (typeof found)[number] | undefined) =>
    r && r.sort_key !== null ? encodeCursor({ key: String(r.sort_key), id: r.id }) : null;
  return { rows, cursors: { before: cursorAt(found[0]), after: cursorAt(found.at(-1)) } };
}

/** How many suppliers the filters match. */
export function supplierCountQuery(db: DbOrTrx, orgId: number, f: ListFilters) {
  return supplierListQuery(db, orgId, f).select((eb) => eb.fn.countAll<number>().as("n"));
}

/** A page of the list and the total it is part of (two statements, nothing cached). */
export async function listSuppliers(db: DbOrTrx, orgId: number, f: SupplierListQuery): Promise<{ rows: ListRow[]; total: number }> {
  const [page, count] = await Promise.all([pageRows(db, orgId, f), supplierCountQuery(db, orgId, f).executeTakeFirstOrThrow()]);
  return { rows: page.rows, total: Number(count.n) };
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
  const [page, total, options] = await Promise.all([
    pageRows(db, orgId, f),
    cachedWhileUnchanged(db, marker, `suppliers.count:${orgId}:${filterKey(f)}`, async () =>
      Number((await supplierCountQuery(db, orgId, f).executeTakeFirstOrThrow()).n),
    ),
    cachedWhileUnchanged(db, marker, `suppliers.filterOptions:${orgId}`, () => filterOptions(db, orgId)),
  ]);
  return { rows: page.rows, cursors: page.cursors, total, options };
}
