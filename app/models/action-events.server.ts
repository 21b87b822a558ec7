// The timeline of a corrective action (its events: opening, status changes, notes, supplier replies)
// and the files attached to those events. Scoped by orgId like every action query.
import type { DbOrTrx } from "./types";
import { nowIso } from "~/lib/time";

export async function actionEvents(db: DbOrTrx, orgId: number, actionId: number) {
  return db
    .selectFrom("action_events")
    .select([
      "id",
      "kind",
      "author_user_id as authorUserId",
      "author_label as authorLabel",
      "body",
      "status_from as statusFrom",
      "status_to as statusTo",
      "created_at as createdAt",
    ])
    .where("org_id", "=", orgId)
    .where("action_id", "=", actionId)
    .orderBy("id")
    .execute();
}

export async function actionFiles(db: DbOrTrx, orgId: number, actionId: number) {
  return db
    .selectFrom("action_files")
    .select([
      "id",
      "event_id as eventId",
      "filename",
      "mime",
      "size_bytes as sizeBytes",
      "uploaded_by as uploadedBy",
      "created_at as createdAt",
    ])
    .where("org_id", "=", orgId)
    .where("action_id", "=", actionId)
    .orderBy("id")
    .execute();
}

export async function getActionFile(db: DbOrTrx, orgId: number, actionId: number, fileId: number) {
  return db
    .selectFrom("action_files")
    .select(["id", "event_id as eventId", "filename", "mime", "size_bytes as sizeBytes", "storage_key as storageKey"])
    .where("org_id", "=", orgId)
    .where("action_id", "=", actionId)
    .where("id", "=", fileId)
    .executeTakeFirst();
}

export async function countActionFiles(db: DbOrTrx, orgId: number, actionId: number): Promise<number> {
  const r = await db
    .selectFrom("action_files")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("org_id", "=", orgId)
    .where("action_id", "=", actionId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Bytes stored for an organization's action files (counted with its evidence against one quota). */
export async function actionStorageBytes(db: DbOrTrx, orgId: number): Promise<number> {
  const r = await db
    .selectFrom("action_files")
    .select((eb) => eb.fn.sum<number>("size_bytes").as("n"))
    .where("org_id", "=", orgId)
    .executeTakeFirstOrThrow();
  return Number(r.n ?? 0);
}

export async function insertActionEvent(
  db: DbOrTrx,
  orgId: number,
  e: {
    actionId: number;
    kind: "created" | "note" | "status" | "supplier_reply";
    authorUserId: number | null;
    authorLabel: string;
    body?: string | null;
    statusFrom?: string | null;
    statusTo?: string | null;
  },
  at: string = nowIso(),
): Promise<number> {
  const r = await db
    .insertInto("action_events")
    .values({
      org_id: orgId,
      action_id: e.actionId,
      kind: e.kind,
      author_user_id: e.authorUserId,
      author_label: e.authorLabel,
      body: e.body ?? null,
      status_from: e.statusFrom ?? null,
      status_to: e.statusTo ?? null,
      created_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function insertActionFile(
  db: DbOrTrx,
  orgId: number,
  f: { actionId: number; eventId: number | null; filename: string; mime: string; sizeBytes: number; sha256: string; uploadedBy: string },
): Promise<number> {
  const r = await db
    .insertInto("action_files")
    .values({
      org_id: orgId,
      action_id: f.actionId,
      event_id: f.eventId,
      filename: f.filename,
      mime: f.mime,
      size_bytes: f.sizeBytes,
      sha256: f.sha256,
      storage_key: f.sha256,
      uploaded_by: f.uploadedBy,
      created_at: nowIso(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return r.id;
}
