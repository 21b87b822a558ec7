// The organisation profile (one JSON document per organisation, see app/domain/org-profile.ts).
// Saves are guarded by `version`: a save made from an older copy changes nothing and says so.
import type { OrgProfile } from "~/domain/org-profile";
import { OrgProfileSchema } from "~/schemas/org-profile";
import type { DbOrTrx } from "./types";

export interface StoredOrgProfile {
  profile: OrgProfile;
  version: number;
  updatedAt: string;
  updatedBy: number | null;
}

/** The stored profile, or null when the organisation has not written one yet. */
export async function getOrgProfile(db: DbOrTrx, orgId: number): Promise<StoredOrgProfile | null> {
  const row = await db
    .selectFrom("organization_profiles")
    .select(["data", "version", "updated_at", "updated_by"])
    .where("org_id", "=", orgId)
    .executeTakeFirst();
  if (!row) return null;
  // Only this module writes the column, always after the same schema: a failure here is corruption.
  const profile = OrgProfileSchema.parse(JSON.parse(row.data));
  return { profile, version: row.version, updatedAt: row.updated_at, updatedBy: row.updated_by };
}

/**
 * Writes the profile when `expectedVersion` is the stored version (0 = none stored yet).
 * Returns the new version, or null when someone else saved first.
 */
export async function saveOrgProfile(
  db: DbOrTrx,
  orgId: number,
  profile: OrgProfile,
  at: { expectedVersion: number; userId: number | null; now: string },
): Promise<number | null> {
  const data = JSON.stringify(OrgProfileSchema.parse(profile));
  if (at.expectedVersion === 0) {
    const inserted = await db
      .insertInto("organization_profiles")
      .values({ org_id: orgId, data, version: 1, updated_by: at.userId, updated_at: at.now })
      .onConflict((oc) => oc.column("org_id").doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1 ? 1 : null;
  }
  const updated = await db
    .updateTable("organization_profiles")
    .set({ data, version: at.expectedVersion + 1, updated_by: at.userId, updated_at: at.now })
    .where("org_id", "=", orgId)
    .where("version", "=", at.expectedVersion)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1 ? at.expectedVersion + 1 : null;
}
