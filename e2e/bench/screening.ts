// Screening figure: every supplier of a 100,000-supplier tenant screened against the lists (names and
// aliases by indexed words, goods from a country, singled-out regions), first run (writing candidates)
// and again (nothing new: the steady state of "Screen all suppliers again"). Fresh migrated SQLite DB,
// in this process; the names are synthetic, a few hundred of them built to match list entries.
import path from "node:path";
import { createDb } from "~db/client";
import { migrateToLatest } from "~db/migrate";
import { seedReferenceData } from "~db/seed/reference";
import { insertOrg } from "~/models/org.server";
import { screenSuppliers } from "~/services/screening.server";
import { log, round, type FigureDef } from "./lib";

const N = 100_000;
const PLACES = ["Dhaka", "Tiruppur", "Ningbo", "Bursa", "Hanoi", "Lahore", "Porto", "Penang", "Aksu", "Keqiao", "Surat", "Izmir"];
const WHAT = ["Knitwear", "Garments", "Denim", "Spinning", "Dyeing", "Trims", "Footwear", "Leather", "Textile", "Yarn", "Weaving"];
const FORM = ["Ltd", "Co., Ltd.", "Pvt Ltd", "A.Ş.", "JSC", "Sdn Bhd", "Lda", "LLC"];
const COUNTRIES = ["BD", "IN", "CN", "TR", "VN", "PK", "PT", "MY", "CN", "CN", "IN", "TR"];
const LISTED = ["Hotan Haolin Hair Accessories", "Hoshine Silicon Industry (Shanshan)", "Natchi Apparel", "Aksu Huafu Textiles"];

export const screeningFigures: FigureDef[] = [
  {
    figures: ["screening.all_100k", "screening.again_100k"],
    description: "screening: all 100,000 suppliers of a tenant against the lists, first run and again",
    async run(ctx) {
      const h = createDb(`file:${path.join(ctx.tmpDir("screening"), "screening.db")}`);
      try {
        await migrateToLatest(h);
        await seedReferenceData(h.db);
        const orgId = await insertOrg(h.db, "Bench Screening", "bench-screening");
        const now = new Date().toISOString();
        for (let start = 0; start < N; start += 500) {
          const rows = Array.from({ length: Math.min(500, N - start) }, (_, k) => {
            const i = start + k;
            const listed = i % 500 === 0;
            const name = listed
              ? `${LISTED[(i / 500) % LISTED.length]} ${FORM[i % FORM.length]}`
              : `${PLACES[i % 12]} ${WHAT[(i >> 3) % 11]} ${i} ${FORM[i % 8]}`;
            const country = listed && LISTED[(i / 500) % LISTED.length] === "Natchi Apparel" ? "IN" : COUNTRIES[(i >> 2) % 12]!;
            return {
              org_id: orgId,
              external_ref: `B-${i}`,
              name,
              name_norm: name.toLowerCase(),
              country,
              latitude: country === "CN" && i % 7 === 0 ? 41.17 : null,
              longitude: country === "CN" && i % 7 === 0 ? 80.26 : null,
              status: "active" as const,
              created_at: now,
              updated_at: now,
              version: 1,
            };
          });
          const ids = await h.db.insertInto("suppliers").values(rows).returning("id").execute();
          await h.db
            .insertInto("supplier_goods")
            .values(ids.map((r, k) => ({ org_id: orgId, supplier_id: r.id, good: k % 3 === 0 ? "Cotton" : "Garments" })))
            .execute();
        }
        const t1 = performance.now();
        const first = await screenSuppliers(h.db, orgId, "all");
        const s1 = (performance.now() - t1) / 1000;
        const t2 = performance.now();
        const again = await screenSuppliers(h.db, orgId, "all");
        const s2 = (performance.now() - t2) / 1000;
        log(`screening: ${first.screened} suppliers, ${first.added} candidates in ${round(s1, 2)} s; again ${round(s2, 2)} s`);
        return [
          { figure: "screening.all_100k", unit: "s", value: round(s1, 2), suppliers: first.screened, candidates: first.added },
          { figure: "screening.again_100k", unit: "s", value: round(s2, 2), suppliers: again.screened, added: again.added },
        ];
      } finally {
        await h.close();
      }
    },
  },
];
