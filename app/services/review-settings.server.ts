// The organisation's review settings: four eyes (on by default). Changing it is audited, old → new.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import type { OrgIdentity } from "~/lib/auth.server";
import { ok, type Result } from "~/domain/result";
import { recordAudit } from "~/models/audit.server";
import { fourEyesOf, setFourEyes } from "~/models/decision.server";

type DB = Kysely<Database>;

export async function reviewSettings(db: DB, orgId: number): Promise<{ fourEyes: boolean }> {
  return { fourEyes: await fourEyesOf(db, orgId) };
}

/** Turns four eyes on or off; `changed` is false when it already was. */
export async function saveReviewSettings(
  db: DB,
  id: OrgIdentity,
  input: { fourEyes: boolean },
  ip: string,
): Promise<Result<{ changed: boolean }>> {
  return db.transaction().execute(async (trx) => {
    const before = await fourEyesOf(trx, id.org.id);
    if (before === input.fourEyes) return ok({ changed: false });
    await setFourEyes(trx, id.org.id, input.fourEyes);
    await recordAudit(trx, {
      orgId: id.org.id,
      actorUserId: id.user.userId,
      actorLabel: id.user.email,
      action: "org.four_eyes_changed",
      entity: "organization",
      entityId: id.org.id,
      diff: { fourEyes: { from: before, to: input.fourEyes } },
      ip,
    });
    return ok({ changed: true });
  });
}
