import type { DbOrTrx } from "./types";

export interface SessionRow {
  id: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  /** How the session was made; password unless said. */
  auth_method?: "password" | "sso";
  sso_org_id?: number | null;
}

export async function insertSession(db: DbOrTrx, s: SessionRow & { ip: string | null; user_agent: string | null }): Promise<void> {
  await db.insertInto("sessions").values(s).execute();
}

export async function findSessionWithUser(db: DbOrTrx, id: string) {
  return db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "sessions.id as sessionId",
      "sessions.created_at as createdAt",
      "sessions.last_seen_at as lastSeenAt",
      "sessions.expires_at as expiresAt",
      "sessions.auth_method as authMethod",
      "sessions.sso_org_id as ssoOrgId",
      "users.id as userId",
      "users.email as email",
      "users.name as name",
    ])
    .where("sessions.id", "=", id)
    .executeTakeFirst();
}

export async function touchSession(db: DbOrTrx, id: string, at: string): Promise<void> {
  await db.updateTable("sessions").set({ last_seen_at: at }).where("id", "=", id).execute();
}

export async function deleteSession(db: DbOrTrx, id: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", id).execute();
}

/** Ends every session of a user except, optionally, the one making the change. */
export async function deleteUserSessions(db: DbOrTrx, userId: number, exceptId?: string): Promise<void> {
  let q = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (exceptId) q = q.where("id", "!=", exceptId);
  await q.execute();
}

export async function deleteExpiredSessions(db: DbOrTrx, nowIso: string): Promise<void> {
  await db.deleteFrom("sessions").where("expires_at", "<", nowIso).execute();
}
