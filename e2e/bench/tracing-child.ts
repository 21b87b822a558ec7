// Child process of the tracing figure (tracing.ts), started with tsx so that its memory is its own.
//
//   tsx e2e/bench/tracing-child.ts <db file> <evidence dir> <suppliers> <result.json>
//
// Fresh migrated + reference-seeded SQLite database, one organisation with N suppliers in a supply
// chain (each supplier supplies the one before it, in a tree of fan-out 4), scored by the risk model;
// one product whose bill of materials names every supplier once (the same tree, raw materials at the
// leaves, one leaf in ten of unknown origin), one approved assessment with a 200 KB evidence file for
// one supplier in ten. Times makeTracingPack (read, PDF, ZIP to disk, recorded) three times after a
// warm-up; peak RSS is read before the first pack and at the end.
import fs from "node:fs";
import { createHash } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import { createDb } from "~db/client";
import { migrateToLatest } from "~db/migrate";
import { seedReferenceData } from "~db/seed/reference";
import { insertOrg } from "~/models/org.server";
import { putObject } from "~/lib/storage.server";
import { recompute } from "~/services/risk.server";
import { currentTemplateVersionId } from "~/services/assessment-core.server";
import { makeTracingPack } from "~/services/tracing-pack.server";
import type { OrgIdentity } from "~/lib/auth.server";

const [dbFile, evidenceDir, nArg, outFile] = process.argv.slice(2);
const n = Number(nArg);
if (!dbFile || !evidenceDir || !outFile || !Number.isInteger(n) || n < 10) {
  console.error("usage: tsx e2e/bench/tracing-child.ts <db file> <evidence dir> <suppliers> <result.json>");
  process.exit(2);
}
process.env.EVIDENCE_DIR = evidenceDir;
const FAN_OUT = 4;
const COUNTRIES = ["BD", "IN", "CN", "VN", "TR", "BR", "PK", "ID"];
const mb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** N suppliers in a tree of fan-out FAN_OUT (each supplies its parent) and one product whose BOM names each once. */
async function seedChain(db: Kysely<Database>, orgId: number, now: string): Promise<number[]> {
  const ids: number[] = [];
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < n; i++) {
      const name = `Bench Supplier ${i} Co., Ltd.`;
      const parent = i === 0 ? null : ids[Math.floor((i - 1) / FAN_OUT)]!;
      const r = await trx
        .insertInto("suppliers")
        .values({
          org_id: orgId,
          name,
          name_norm: name.toLowerCase(),
          country: COUNTRIES[i % COUNTRIES.length]!,
          city: i % 7 === 0 ? "Đồng Nai" : "Dhaka",
          sector: i % 2 ? "Spinning mill" : "Textile mill (knit fabric)",
          status: "active",
          tier: null,
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      ids.push(r.id);
      await trx
        .insertInto("supplier_goods")
        .values({ org_id: orgId, supplier_id: r.id, good: i % 2 ? "Cotton" : "Textiles" })
        .execute();
      if (parent !== null)
        await trx.insertInto("supplier_links").values({ org_id: orgId, supplier_id: r.id, buyer_id: parent, created_at: now }).execute();
    }
    const product = await trx
      .insertInto("products")
      .values({
        org_id: orgId,
        name: "Bench T-shirt",
        sku: "BENCH-1",
        hs_code: "610910",
        description: null,
        made_by_supplier_id: ids[0]!,
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    // Item i is supplied by supplier i + 1 and goes into item (i - 1) / FAN_OUT: a tree over every supplier but the maker.
    const items: number[] = [];
    for (let i = 0; i < n - 1; i++) {
      const leaf = i * FAN_OUT + 1 >= n - 1;
      const r = await trx
        .insertInto("bom_items")
        .values({
          org_id: orgId,
          product_id: product.id,
          parent_id: i < FAN_OUT ? null : items[Math.floor(i / FAN_OUT) - 1]!,
          material: leaf ? `Raw cotton lot ${i}` : `Cotton yarn ${i}`,
          supplier_id: ids[i + 1]!,
          is_raw: leaf ? 1 : 0,
          origin_country: leaf && i % 10 !== 0 ? "IN" : null,
          origin_subdivision: null,
          origin_region: leaf && i % 10 !== 0 ? "Gujarat" : null,
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      items.push(r.id);
    }
  });
  return ids;
}

/** One supplier in ten gets an approved assessment with a 200 KB document in the evidence store. */
async function seedEvidence(db: Kysely<Database>, orgId: number, ids: readonly number[], now: string): Promise<void> {
  const versionId = await currentTemplateVersionId(db);
  const pdfBytes = Buffer.alloc(200 * 1024, 7);
  for (let i = 0; i < n; i += 10) {
    const bytes = Buffer.concat([pdfBytes, Buffer.from(String(i))]);
    const sha = createHash("sha256").update(bytes).digest("hex");
    await putObject(orgId, sha, bytes);
    const a = await db
      .insertInto("assessments")
      .values({
        org_id: orgId,
        supplier_id: ids[i]!,
        version_id: versionId,
        status: "approved",
        created_at: now,
        updated_at: now,
        approved_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("evidence_files")
      .values({
        org_id: orgId,
        assessment_id: a.id,
        question_key: "p1.written_policy",
        filename: `policy-${i}.pdf`,
        mime: "application/pdf",
        size_bytes: bytes.length,
        sha256: sha,
        storage_key: sha,
        uploaded_by: "bench",
        created_at: now,
        kind: "policy_document",
      })
      .execute();
  }
}

async function main() {
  const h = createDb(`file:${dbFile}`);
  await migrateToLatest(h);
  await seedReferenceData(h.db);
  const orgId = await insertOrg(h.db, "Bench Apparel", "bench");
  const now = new Date().toISOString();
  const user = await h.db
    .insertInto("users")
    .values({ email: "admin@bench.test", name: "Bench", password_hash: "x", created_at: now, password_changed_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  await h.db.insertInto("memberships").values({ org_id: orgId, user_id: user.id, role: "admin", created_at: now }).execute();
  const ids = await seedChain(h.db, orgId, now);
  await seedEvidence(h.db, orgId, ids, now);
  await recompute(h.db, orgId, "all", { trigger: "bench" });
  const productId = (await h.db.selectFrom("products").select("id").where("org_id", "=", orgId).executeTakeFirstOrThrow()).id;
  const ident: OrgIdentity = {
    user: { sessionId: "bench", userId: user.id, email: "admin@bench.test", name: "Bench" },
    org: { id: orgId, slug: "bench", name: "Bench Apparel" },
    role: "admin",
  };
  const rssBefore = mb();
  const runs: number[] = [];
  let last: { size: number; files: number; suppliers: number; gaps: number; pages?: number } | null = null;
  for (let run = 0; run < 4; run++) {
    const t = performance.now();
    const r = await makeTracingPack(h.db, ident, productId, { ref: `B-${run}`, date: null, quantity: null }, null);
    const ms = performance.now() - t;
    if (!r.ok) throw new Error(r.message);
    if (run > 0) runs.push(ms);
    last = {
      size: r.value.size,
      files: r.value.manifest.files.length,
      suppliers: r.value.document.summary.suppliers,
      gaps: r.value.document.summary.gaps,
    };
    fs.rmSync(r.value.file, { force: true });
  }
  await h.close();
  fs.writeFileSync(outFile!, JSON.stringify({ runs, rssBeforeMb: rssBefore, peakMb: mb(), ...last }));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
