import { sql } from "kysely";
import type { DbOrTrx } from "./types";
import { nowIso } from "~/lib/time";

export interface AuditEntry {
  orgId: number | null;
  actorUserId: number | null;
  actorLabel: string;
  action: string;
  entity: string;
  entityId?: string | number | null;
  diff?: unknown;
  ip?: string | null;
}

function toRow(e: AuditEntry, at: string) {
  return {
    org_id: e.orgId,
    actor_user_id: e.actorUserId,
    actor_label: e.actorLabel,
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId == null ? null : String(e.entityId),
    diff: e.diff === undefined ? null : JSON.stringify(e.diff),
    ip: e.ip ?? null,
    at,
  };
}

/** Append-only: the app has no code path that updates or deletes audit rows. */
export async function recordAudit(db: DbOrTrx, e: AuditEntry): Promise<void> {
  await db.insertInto("audit_log").values(toRow(e, nowIso())).execute();
}

export interface AuditFilter {
  action?: string;
  actor?: string;
  entity?: string;
  from?: string; // ISO date (inclusive)
  to?: string; // ISO date (inclusive, whole day)
  page: number;
  pageSize: number;
}

/**
 * An organization's audit trail: its own rows, plus sign-in rows (which belong to no organization)
 * of the people who are its members now.
 */
export async function listAudit(db: DbOrTrx, orgId: number, f: AuditFilter) {
  let q = db
    .selectFrom("audit_log")
    .where((eb) =>
      eb.or([
        eb("org_id", "=", orgId),
        eb.and([
          eb("org_id", "is", null),
          eb("actor_user_id", "in", eb.selectFrom("memberships").select("user_id").where("org_id", "=", orgId)),
        ]),
      ]),
    );
  if (f.action) q = q.where("action", "=", f.action);
  if (f.entity) q = q.where("entity", "=", f.entity);
  if (f.actor) q = q.where(sql<boolean>`actor_label like ${`%${escapeLike(f.actor.toLowerCase())}%`} escape '\\'`);
  if (f.from) q = q.where("at", ">=", f.from);
  if (f.to) q = q.where("at", "<", nextDay(f.to));
  const [rows, total] = await Promise.all([
    q
      .select(["id", "at", "actor_label", "action", "entity", "entity_id", "diff", "ip"])
      .orderBy("at", "desc")
      .orderBy("id", "desc")
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function listAuditActions(db: DbOrTrx, orgId: number): Promise<string[]> {
  const rows = await db
    .selectFrom("audit_log")
    .select("action")
    .distinct()
    .where((eb) => eb.or([eb("org_id", "=", orgId), eb("org_id", "is", null)]))
    .orderBy("action")
    .execute();
  return rows.map((r) => r.action);
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function nextDay(isoDate: string): string {
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

/** Many entries at once (a committed import audits every supplier it created or changed). */
export async function recordAuditBatch(db: DbOrTrx, entries: readonly AuditEntry[]): Promise<void> {
  const at = nowIso();
  for (let i = 0; i < entries.length; i += 500) {
    await db
      .insertInto("audit_log")
      .values(entries.slice(i, i + 500).map((e) => toRow(e, at)))
      .execute();
  }
}
