// The "big" tenant for trying Lantern at scale: compliance@big.test (password lantern-demo) and N
// suppliers in 4 tiers, written through the same code path as an officer's CSV import, one in five
// with an approved questionnaire.
import type { Kysely } from "kysely";
import type { Database } from "../types";
import { hashPassword } from "~/lib/password.server";
import { commitCsv, type ImportResult } from "~/services/import-commit.server";
import { parseSupplierCsv } from "~/domain/csv/parse";
import { suggestMapping } from "~/domain/csv/mapping";
import { insertUser, findUserByEmail } from "~/models/user.server";
import { addMember, getOrgBySlug, insertOrg } from "~/models/org.server";
import { DEMO_PASSWORD } from "./demo";
import { largeSupplierCsv } from "./large-csv";
import { seedLargeAssessments, type SeededAssessments } from "./large-assessments";

export const BIG_SLUG = "big";
export const BIG_USER = "compliance@big.test";

export async function ensureBigTenant(db: Kysely<Database>): Promise<{ orgId: number; userId: number }> {
  const existing = await getOrgBySlug(db, BIG_SLUG);
  const orgId = existing?.id ?? (await insertOrg(db, "Big Retail Group", BIG_SLUG));
  let user = await findUserByEmail(db, BIG_USER);
  if (!user) {
    const id = await insertUser(db, { email: BIG_USER, name: "Sam Okafor", passwordHash: await hashPassword(DEMO_PASSWORD) });
    user = await findUserByEmail(db, BIG_USER);
    if (!user || user.id !== id) throw new Error("could not create the big tenant's user");
  }
  const member = await db
    .selectFrom("memberships")
    .select("role")
    .where("org_id", "=", orgId)
    .where("user_id", "=", user.id)
    .executeTakeFirst();
  if (!member) await addMember(db, orgId, user.id, "compliance");
  return { orgId, userId: user.id };
}

/**
 * Imports N synthetic suppliers (~1.5 links each) into the big tenant and (unless told not to) gives
 * one in five an approved assessment (large-assessments.ts); re-running it changes nothing. The
 * import queues a full recompute (runRiskJobs runs it), which scores the assessments too.
 */
export async function seedLarge(
  db: Kysely<Database>,
  suppliers: number,
  opts: { assessments?: boolean } = {},
): Promise<ImportResult & { assessments: SeededAssessments | null }> {
  const { orgId, userId } = await ensureBigTenant(db);
  const { csv } = largeSupplierCsv(suppliers);
  const parsed = parseSupplierCsv(csv);
  if (!parsed.ok) throw new Error(parsed.error);
  const out = await commitCsv(db, { orgId, userId, label: BIG_USER, ip: null }, csv, suggestMapping(parsed.headers));
  if (!out.ok) throw new Error(`the generated file did not import: ${out.detail?.preview.errors[0]?.message ?? out.message}`);
  const assessments = opts.assessments === false ? null : await seedLargeAssessments(db, orgId, { userId, label: BIG_USER });
  return { ...out.value.result, assessments };
}
