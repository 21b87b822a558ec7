import type { DbOrTrx } from "./types";
import { nowIso } from "~/lib/time";

export interface UserRow {
  id: number;
  email: string;
  name: string;
  password_hash: string;
  password_changed_at: string;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: DbOrTrx, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom("users")
    .select(["id", "email", "name", "password_hash", "password_changed_at"])
    .where("email", "=", normalizeEmail(email))
    .executeTakeFirst();
}

export async function getUserById(db: DbOrTrx, id: number): Promise<UserRow | undefined> {
  return db
    .selectFrom("users")
    .select(["id", "email", "name", "password_hash", "password_changed_at"])
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function insertUser(db: DbOrTrx, input: { email: string; name: string; passwordHash: string }): Promise<number> {
  const now = nowIso();
  const row = await db
    .insertInto("users")
    .values({
      email: normalizeEmail(input.email),
      name: input.name.trim(),
      password_hash: input.passwordHash,
      created_at: now,
      password_changed_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setPasswordHash(db: DbOrTrx, userId: number, passwordHash: string): Promise<void> {
  await db.updateTable("users").set({ password_hash: passwordHash, password_changed_at: nowIso() }).where("id", "=", userId).execute();
}
