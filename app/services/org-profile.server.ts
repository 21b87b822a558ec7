// The organisation profile page: read the stored profile (or an empty one named after the
// organisation), and save it from the version the editor loaded. A save from an older copy is a
// conflict that carries the stored version, so the page can show it beside the editor's own text.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import { emptyOrgProfile, type OrgProfile } from "~/domain/org-profile";
import { fail, ok, type Result } from "~/domain/result";
import type { OrgIdentity } from "~/lib/auth.server";
import { nowIso } from "~/lib/time";
import { recordAudit } from "~/models/audit.server";
import { getOrgProfile, saveOrgProfile, type StoredOrgProfile } from "~/models/org-profile.server";

type DB = Kysely<Database>;

export interface ProfileView {
  profile: OrgProfile;
  /** 0 while nothing is stored. */
  version: number;
  updatedAt: string | null;
}

export async function profileView(db: DB, org: { id: number; name: string }): Promise<ProfileView> {
  const stored = await getOrgProfile(db, org.id);
  if (!stored) return { profile: emptyOrgProfile(org.name), version: 0, updatedAt: null };
  return { profile: stored.profile, version: stored.version, updatedAt: stored.updatedAt };
}

/** Which top-level parts changed: the audit entry names them (the full text is in the profile itself). */
function changedParts(before: OrgProfile | null, after: OrgProfile): string[] {
  const keys = Object.keys(after) as Array<keyof OrgProfile>;
  return keys.filter((k) => JSON.stringify(before?.[k] ?? null) !== JSON.stringify(after[k]));
}

export async function saveProfile(
  db: DB,
  id: OrgIdentity,
  profile: OrgProfile,
  expectedVersion: number,
  ip: string | null,
): Promise<Result<{ version: number }, { current: StoredOrgProfile | null }>> {
  return db.transaction().execute(async (trx) => {
    const before = await getOrgProfile(trx, id.org.id);
    const version = await saveOrgProfile(trx, id.org.id, profile, { expectedVersion, userId: id.user.userId, now: nowIso() });
    if (version === null) {
      const current = await getOrgProfile(trx, id.org.id);
      return fail("conflict", "Someone else saved the organisation profile after you opened it. Nothing of yours was saved yet.", {
        detail: { current },
      });
    }
    await recordAudit(trx, {
      orgId: id.org.id,
      actorUserId: id.user.userId,
      actorLabel: id.user.email,
      action: "profile.saved",
      entity: "organization_profile",
      entityId: id.org.id,
      diff: { version, changed: changedParts(before?.profile ?? null, profile) },
      ip,
    });
    return ok({ version });
  });
}
