// What starting assessments for a filtered supplier list would do: how many suppliers the filter
// matches, how many of them would be skipped (archived, or with an assessment still open), and
// their ids. The filter is the supplier list's (supplierListQuery), always within one organization.
import type { DbOrTrx } from "./types";
import { supplierListQuery } from "./supplier.server";

type Filters = Parameters<typeof supplierListQuery>[2];

/** Suppliers the filter matches, and those of them a start would skip (startAssessments' rule). */
export async function startCounts(db: DbOrTrx, orgId: number, f: Filters): Promise<{ count: number; skip: number }> {
  const [c, skip] = await Promise.all([
    supplierListQuery(db, orgId, f)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
    supplierListQuery(db, orgId, f)
      .where((eb) =>
        eb.or([
          eb("status", "=", "archived"),
          eb(
            "id",
            "in",
            eb
              .selectFrom("assessments")
              .select("assessments.supplier_id")
              .where("assessments.org_id", "=", orgId)
              .where("assessments.status", "!=", "approved"),
          ),
        ]),
      )
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { count: Number(c.n), skip: Number(skip.n) };
}

/** Ids of the suppliers the filter matches, in id order, at most `limit`. */
export async function matchingSupplierIds(db: DbOrTrx, orgId: number, f: Filters, limit: number): Promise<number[]> {
  const rows = await supplierListQuery(db, orgId, f).select("id").orderBy("id").limit(limit).execute();
  return rows.map((r) => r.id);
}
