import type { DbOrTrx } from "./types";
import type { Role } from "~/domain/permissions";
import { nowIso } from "~/lib/time";
import { RESERVED_SLUGS, slugify } from "~/domain/slug";

export interface OrgMembership {
  orgId: number;
  slug: string;
  orgName: string;
  role: Role;
}

export async function getOrgBySlug(db: DbOrTrx, slug: string) {
  return db.selectFrom("organizations").select(["id", "slug", "name"]).where("slug", "=", slug).executeTakeFirst();
}

/** The membership of a user in the organization with this slug, or undefined (unknown org or not a member alike). */
export async function findMembership(db: DbOrTrx, userId: number, slug: string): Promise<OrgMembership | undefined> {
  return db
    .selectFrom("memberships")
    .innerJoin("organizations", "organizations.id", "memberships.org_id")
    .select(["organizations.id as orgId", "organizations.slug as slug", "organizations.name as orgName", "memberships.role as role"])
    .where("memberships.user_id", "=", userId)
    .where("organizations.slug", "=", slug)
    .executeTakeFirst();
}

export async function listUserOrgs(db: DbOrTrx, userId: number): Promise<OrgMembership[]> {
  return db
    .selectFrom("memberships")
    .innerJoin("organizations", "organizations.id", "memberships.org_id")
    .select(["organizations.id as orgId", "organizations.slug as slug", "organizations.name as orgName", "memberships.role as role"])
    .where("memberships.user_id", "=", userId)
    .orderBy("organizations.name")
    .execute();
}

/** A slug derived from the name that no organization uses yet (acme, acme-2, …). */
export async function freeSlug(db: DbOrTrx, name: string): Promise<string> {
  const raw = slugify(name) || "org";
  const base = RESERVED_SLUGS.has(raw) || raw.length < 2 ? `${raw}-org` : raw;
  const taken = new Set(
    (
      await db
        .selectFrom("organizations")
        .select("slug")
        .where((eb) => eb.or([eb("slug", "=", base), eb("slug", "like", `${base}-%`)]))
        .execute()
    ).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

export async function insertOrg(db: DbOrTrx, name: string, slug: string): Promise<number> {
  const row = await db
    .insertInto("organizations")
    .values({ name: name.trim(), slug, created_at: nowIso() })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addMember(db: DbOrTrx, orgId: number, userId: number, role: Role): Promise<void> {
  await db.insertInto("memberships").values({ org_id: orgId, user_id: userId, role, created_at: nowIso() }).execute();
}

export async function listMembers(db: DbOrTrx, orgId: number) {
  return db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select(["users.id as userId", "users.email", "users.name", "memberships.role", "memberships.created_at as since"])
    .where("memberships.org_id", "=", orgId)
    .orderBy("users.name")
    .execute();
}

export async function getMemberRole(db: DbOrTrx, orgId: number, userId: number): Promise<Role | undefined> {
  const row = await db
    .selectFrom("memberships")
    .select("role")
    .where("org_id", "=", orgId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row?.role;
}

export async function countAdmins(db: DbOrTrx, orgId: number): Promise<number> {
  const row = await db
    .selectFrom("memberships")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("org_id", "=", orgId)
    .where("role", "=", "admin")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function setMemberRole(db: DbOrTrx, orgId: number, userId: number, role: Role): Promise<void> {
  await db.updateTable("memberships").set({ role }).where("org_id", "=", orgId).where("user_id", "=", userId).execute();
}

export async function deleteMember(db: DbOrTrx, orgId: number, userId: number): Promise<void> {
  await db.deleteFrom("memberships").where("org_id", "=", orgId).where("user_id", "=", userId).execute();
}
