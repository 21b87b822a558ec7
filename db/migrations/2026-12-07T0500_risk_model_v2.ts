// FROZEN: never edit a migration that has shipped; add a new one instead.
// Risk model v2 arrives beside v1.
// 1. Likely goods from the sector: an officer may reject one for a supplier ("this mill spins
//    cotton yarn, it makes no garments"), with a reason; a rejected likely good no longer counts.
//    Confirming one records it as a good (supplier_goods), so only rejections need a table.
// 2. Every organisation that exists now stays on model v1 until an admin moves it to v2 through the
//    methodology preview: one that never saved a methodology gets version 1 = v1's defaults, written
//    out here in full (this file must not depend on code that may change). New organisations have no
//    saved methodology and start on v2.
import { sql, type Kysely } from "kysely";

const V1_DEFAULTS = {
  model: "v1",
  inherentWeights: { country: 0.45, goods: 0.35, childGoods: 0, workforce: 0.2 },
  principleWeights: { P1: 20, P2: 10, P3: 15, P4: 15, P5: 25, P6: 5, P7: 10 },
  bands: { medium: 30, high: 50, critical: 70 },
  validityMonths: 12,
  fadeMonths: 6,
  countryOverrides: {},
  declaredCredit: 0.5,
  likelyGoodsFactor: 0.8,
  goodsFloor: 30,
};

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("supplier_likely_goods")
    .addColumn("org_id", "integer", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("supplier_id", "integer", (c) => c.notNull().references("suppliers.id").onDelete("cascade"))
    .addColumn("good", "text", (c) => c.notNull())
    .addColumn("decision", "text", (c) => c.notNull().check(sql`decision in ('rejected')`))
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("decided_by_user_id", "integer")
    .addColumn("decided_by_label", "text", (c) => c.notNull())
    .addColumn("decided_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("supplier_likely_goods_pk", ["org_id", "supplier_id", "good"])
    .execute();

  const now = new Date().toISOString();
  await sql`
    insert into methodology_versions (org_id, version, config, note, created_by, created_at)
    select o.id, 1, ${JSON.stringify(V1_DEFAULTS)},
      ${"Kept on risk model v1 when model v2 arrived; an admin moves the organisation to v2 after previewing the change."},
      null, ${now}
    from organizations o
    where not exists (select 1 from methodology_versions m where m.org_id = o.id)
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("supplier_likely_goods").execute();
}
