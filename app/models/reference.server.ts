// Reference data (countries, TIP tiers, TVPRA goods) is shared by all tenants: no orgId here.
import type { DbOrTrx } from "./types";

export interface TipPlacement {
  iso2: string;
  tier: string;
  reportYear: number;
}

/** The latest TIP report placement for each requested country (that year is shown wherever the tier is). */
export async function latestTipTiers(db: DbOrTrx, iso2: string[]): Promise<Map<string, TipPlacement>> {
  const out = new Map<string, TipPlacement>();
  if (!iso2.length) return out;
  const rows = await db
    .selectFrom("tip_tiers as t")
    .select(["t.iso2", "t.tier", "t.report_year"])
    .where("t.iso2", "in", iso2)
    .where(({ eb, selectFrom }) =>
      eb(
        "t.report_year",
        "=",
        selectFrom("tip_tiers as l")
          .select((e) => e.fn.max("l.report_year").as("y"))
          .whereRef("l.iso2", "=", "t.iso2"),
      ),
    )
    .execute();
  for (const r of rows) out.set(r.iso2, { iso2: r.iso2, tier: r.tier, reportYear: r.report_year });
  return out;
}
