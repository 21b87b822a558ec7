// Screening in the Acme demo: one invented supplier whose name is a UFLPA Entity List alias, so the
// screening queue has a name candidate to decide; then every demo supplier is screened (the demo's
// Xinjiang sites become candidates too). Tenants other than Acme and its copies are only screened.
import type { Kysely } from "kysely";
import { normalizeName } from "~/domain/supply-chain/normalize";
import { screenSuppliers } from "~/services/screening.server";
import type { Database } from "../types";
import { ACME } from "./demo-data/acme";
import type { DemoOrg } from "./demo-data/types";

/** Invented: a hair-accessories supplier trading under a name the UFLPA Entity List gives as an alias. */
export const DEMO_SCREENING_SUPPLIER = {
  name: "Hotan Haolin Hair Accessories Co., Ltd.",
  country: "CN",
  goods: ["Hair Products"],
} as const;

export async function seedDemoScreening(trx: Kysely<Database>, orgId: number, org: DemoOrg, now: number): Promise<void> {
  if (org.refPrefix === ACME.refPrefix) {
    const at = new Date(now - 20 * 86_400_000).toISOString();
    const { id } = await trx
      .insertInto("suppliers")
      .values({
        org_id: orgId,
        external_ref: `${org.refPrefix}0900`,
        name: DEMO_SCREENING_SUPPLIER.name,
        name_norm: normalizeName(DEMO_SCREENING_SUPPLIER.name),
        country: DEMO_SCREENING_SUPPLIER.country,
        city: "Guangzhou",
        address: "Baiyun District, Guangzhou (trading office)",
        sector: "Fashion accessories",
        annual_spend: 42_000,
        currency: "USD",
        workers_count: 35,
        contact_name: "Li Wei",
        contact_email: "li.wei@example.com",
        notes: "Hair clips and bands for the accessories range; onboarded through a sourcing agent.",
        status: "active",
        tier: 1,
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx.insertInto("supplier_goods").values({ org_id: orgId, supplier_id: id, good: DEMO_SCREENING_SUPPLIER.goods[0] }).execute();
  }
  await screenSuppliers(trx, orgId, "all", new Date(now).toISOString());
}
