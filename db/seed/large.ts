// The "big" tenant for trying Lantern at scale: compliance@big.test (password lantern-demo) and N
// suppliers in 4 tiers, written through the same code path as an officer's CSV import.
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

/** Imports N synthetic suppliers (~1.5 links each) into the big tenant; re-running it changes nothing. */
export async function seedLarge(db: Kysely<Database>, suppliers: number): Promise<ImportResult> {
  const { orgId, userId } = await ensureBigTenant(db);
  const { csv } = largeSupplierCsv(suppliers);
  const parsed = parseSupplierCsv(csv);
  if (!parsed.ok) throw new Error(parsed.error);
  const out = await commitCsv(db, { orgId, userId, label: BIG_USER, ip: null }, csv, suggestMapping(parsed.headers));
  if (!out.ok) throw new Error(`the generated file did not import: ${out.detail?.preview.errors[0]?.message ?? out.message}`);
  return out.value.result;
}
