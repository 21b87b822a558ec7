// Webhook subscriptions of an organisation. The secret is read only by the delivery (to sign) and is
// never part of what a page lists.
import type { DbOrTrx } from "./types";
import { nowIso } from "~/lib/time";

export interface SubscriptionRow {
  id: number;
  url: string;
  description: string | null;
  events: string[];
  status: "active" | "paused";
  pausedReason: string | null;
  pausedAt: string | null;
  consecutiveFailures: number;
  failingSince: string | null;
  lastSuccessAt: string | null;
  secretRotatedAt: string | null;
  createdAt: string;
  version: number;
}

const COLUMNS = [
  "id",
  "url",
  "description",
  "events",
  "status",
  "paused_reason",
  "paused_at",
  "consecutive_failures",
  "failing_since",
  "last_success_at",
  "secret_rotated_at",
  "created_at",
  "version",
] as const;

type Raw = {
  id: number;
  url: string;
  description: string | null;
  events: string;
  status: "active" | "paused";
  paused_reason: string | null;
  paused_at: string | null;
  consecutive_failures: number;
  failing_since: string | null;
  last_success_at: string | null;
  secret_rotated_at: string | null;
  created_at: string;
  version: number;
};

function toRow(r: Raw): SubscriptionRow {
  return {
    id: r.id,
    url: r.url,
    description: r.description,
    events: JSON.parse(r.events) as string[],
    status: r.status,
    pausedReason: r.paused_reason,
    pausedAt: r.paused_at,
    consecutiveFailures: r.consecutive_failures,
    failingSince: r.failing_since,
    lastSuccessAt: r.last_success_at,
    secretRotatedAt: r.secret_rotated_at,
    createdAt: r.created_at,
    version: r.version,
  };
}

export async function listSubscriptions(db: DbOrTrx, orgId: number): Promise<SubscriptionRow[]> {
  const rows = await db.selectFrom("webhook_subscriptions").select(COLUMNS).where("org_id", "=", orgId).orderBy("id").execute();
  return rows.map(toRow);
}

export async function getSubscription(db: DbOrTrx, orgId: number, id: number): Promise<SubscriptionRow | undefined> {
  const r = await db
    .selectFrom("webhook_subscriptions")
    .select(COLUMNS)
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst();
  return r ? toRow(r) : undefined;
}

/** Active subscriptions of the organisation with their events (the emitters filter by type). */
export async function activeSubscriptions(db: DbOrTrx, orgId: number): Promise<Array<{ id: number; events: string[] }>> {
  const rows = await db
    .selectFrom("webhook_subscriptions")
    .select(["id", "events"])
    .where("org_id", "=", orgId)
    .where("status", "=", "active")
    .execute();
  return rows.map((r) => ({ id: r.id, events: JSON.parse(r.events) as string[] }));
}

/** Organisations with at least one active subscription to `type` (for the periodic sweeps). */
export async function orgsSubscribedTo(db: DbOrTrx, type: string): Promise<number[]> {
  const rows = await db
    .selectFrom("webhook_subscriptions")
    .select(["org_id", "events"])
    .where("status", "=", "active")
    .where("events", "like", `%"${type}"%`)
    .execute();
  return [...new Set(rows.filter((r) => (JSON.parse(r.events) as string[]).includes(type)).map((r) => r.org_id))];
}

export async function insertSubscription(
  db: DbOrTrx,
  orgId: number,
  s: { url: string; description: string | null; events: readonly string[]; secret: string; createdBy: number },
): Promise<number> {
  const at = nowIso();
  const r = await db
    .insertInto("webhook_subscriptions")
    .values({
      org_id: orgId,
      url: s.url,
      description: s.description,
      events: JSON.stringify(s.events),
      secret: s.secret,
      status: "active",
      created_by: s.createdBy,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return r.id;
}

export type SubscriptionChange =
  | { kind: "events"; events: readonly string[]; description: string | null }
  | { kind: "secret"; secret: string }
  | { kind: "pause"; reason: string }
  | { kind: "resume" };

/** Applies one change; false when the subscription is not the organisation's. */
export async function updateSubscription(db: DbOrTrx, orgId: number, id: number, c: SubscriptionChange): Promise<boolean> {
  const at = nowIso();
  const set =
    c.kind === "events"
      ? { events: JSON.stringify(c.events), description: c.description }
      : c.kind === "secret"
        ? { secret: c.secret, secret_rotated_at: at }
        : c.kind === "pause"
          ? { status: "paused" as const, paused_reason: c.reason, paused_at: at }
          : { status: "active" as const, paused_reason: null, paused_at: null, consecutive_failures: 0, failing_since: null };
  const r = await db
    .updateTable("webhook_subscriptions")
    .set((eb) => ({ ...set, updated_at: at, version: eb("version", "+", 1) }))
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteSubscription(db: DbOrTrx, orgId: number, id: number): Promise<boolean> {
  const r = await db.deleteFrom("webhook_subscriptions").where("org_id", "=", orgId).where("id", "=", id).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** After an attempt: a success ends a run of failures; a failure extends it (and starts it when there was none). */
export async function recordOutcome(db: DbOrTrx, orgId: number, id: number, success: boolean, at: string) {
  const q = db.updateTable("webhook_subscriptions").where("org_id", "=", orgId).where("id", "=", id);
  if (success) {
    await q.set({ consecutive_failures: 0, failing_since: null, last_success_at: at }).execute();
    return;
  }
  await q
    .set((eb) => ({
      consecutive_failures: eb("consecutive_failures", "+", 1),
      failing_since: eb.fn.coalesce("failing_since", eb.val(at)),
    }))
    .execute();
}

/** The run of failures of one subscription (read after recordOutcome, in the same transaction). */
export async function failureRun(db: DbOrTrx, orgId: number, id: number) {
  return db
    .selectFrom("webhook_subscriptions")
    .select(["consecutive_failures", "failing_since", "status", "url"])
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** E-mail addresses of the organisation's admins (who are told when a subscription is paused). */
export async function adminEmails(db: DbOrTrx, orgId: number): Promise<string[]> {
  const rows = await db
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select("u.email")
    .where("m.org_id", "=", orgId)
    .where("m.role", "=", "admin")
    .orderBy("u.id")
    .execute();
  return rows.map((r) => r.email);
}
