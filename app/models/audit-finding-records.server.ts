// Payroll and time records attached to a corrective action opened from a wage or hours audit finding:
// each is an action file (action_files) with the kind of record and the calendar month it covers.
import type { RecordKind } from "~db/types";
import type { DbOrTrx } from "./types";

export async function insertActionRecord(
  db: DbOrTrx,
  orgId: number,
  r: { actionId: number; fileId: number; kind: RecordKind; month: string },
  at: string,
): Promise<number> {
  const row = await db
    .insertInto("action_records")
    .values({ org_id: orgId, action_id: r.actionId, file_id: r.fileId, kind: r.kind, month: r.month, created_at: at })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An action's records with their files, by month. */
export async function recordsOfAction(db: DbOrTrx, orgId: number, actionId: number) {
  return db
    .selectFrom("action_records as r")
    .innerJoin("action_files as f", (j) => j.onRef("f.id", "=", "r.file_id").on("f.org_id", "=", orgId))
    .select(["r.id", "r.kind", "r.month", "r.file_id as fileId", "f.filename", "r.created_at as createdAt"])
    .where("r.org_id", "=", orgId)
    .where("r.action_id", "=", actionId)
    .orderBy("r.month")
    .orderBy("r.id")
    .execute();
}
