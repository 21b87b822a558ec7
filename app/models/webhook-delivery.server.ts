// The webhook delivery queue (like the mail outbox: rows written with the change, claimed by one server
// at a time, each attempt logged) and the marks of events a sweep has already emitted.
import type { DbOrTrx } from "./types";
import { chunks } from "./chunks";

export interface NewDelivery {
  subscriptionId: number;
  eventId: string;
  eventType: string;
  payload: string;
}

export async function insertDeliveries(db: DbOrTrx, orgId: number, rows: readonly NewDelivery[], at: string): Promise<void> {
  // 8 values a row: 100 rows stay under SQLite's 999 bound parameters.
  for (const part of chunks(rows, 100)) {
    await db
      .insertInto("webhook_deliveries")
      .values(
        part.map((d) => ({
          org_id: orgId,
          subscription_id: d.subscriptionId,
          event_id: d.eventId,
          event_type: d.eventType,
          payload: d.payload,
          status: "pending" as const,
          next_attempt_at: at,
          created_at: at,
        })),
      )
      .execute();
  }
}

/** Deliveries due at `now` whose subscription is active, oldest first (across tenants: the delivery job). */
export async function dueDeliveries(db: DbOrTrx, now: string, limit: number) {
  return db
    .selectFrom("webhook_deliveries as d")
    .innerJoin("webhook_subscriptions as s", (j) => j.onRef("s.id", "=", "d.subscription_id").onRef("s.org_id", "=", "d.org_id"))
    .select(["d.id", "d.org_id as orgId", "d.subscription_id as subscriptionId", "d.event_id as eventId", "d.event_type as eventType"])
    .select(["d.payload", "d.attempts", "s.url", "s.secret"])
    .where("d.status", "=", "pending")
    .where("d.next_attempt_at", "<=", now)
    .where("s.status", "=", "active")
    .orderBy("d.next_attempt_at")
    .orderBy("d.id")
    .limit(limit)
    .execute();
}

/**
 * Takes a due delivery for `holder`: true unless another server holds a claim made since
 * `staleBefore` or it is no longer pending (one conditional update, as claimMail).
 */
export async function claimDelivery(db: DbOrTrx, id: number, holder: string, at: string, staleBefore: string): Promise<boolean> {
  const r = await db
    .updateTable("webhook_deliveries")
    .set({ claimed_by: holder, claimed_at: at })
    .where("id", "=", id)
    .where("status", "=", "pending")
    .where((eb) => eb.or([eb("claimed_at", "is", null), eb("claimed_at", "<", staleBefore)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface AttemptOutcome {
  attempt: number;
  at: string;
  status: number | null;
  error: string | null;
  durationMs: number;
  /** When the next attempt is due, or null (delivered, or given up). */
  nextRetryAt: string | null;
  delivered: boolean;
}

/** Logs one attempt and moves the delivery on (delivered, due again later, or failed for good); releases the claim. */
export async function recordAttempt(db: DbOrTrx, orgId: number, d: { id: number; subscriptionId: number }, o: AttemptOutcome) {
  await db
    .insertInto("webhook_attempts")
    .values({
      org_id: orgId,
      delivery_id: d.id,
      subscription_id: d.subscriptionId,
      attempt: o.attempt,
      at: o.at,
      response_status: o.status,
      error: o.error,
      duration_ms: o.durationMs,
      next_retry_at: o.nextRetryAt,
    })
    .execute();
  await db
    .updateTable("webhook_deliveries")
    .set({
      attempts: o.attempt,
      status: o.delivered ? "delivered" : o.nextRetryAt ? "pending" : "failed",
      next_attempt_at: o.nextRetryAt,
      delivered_at: o.delivered ? o.at : null,
      last_status: o.status,
      last_error: o.error,
      claimed_by: null,
      claimed_at: null,
    })
    .where("org_id", "=", orgId)
    .where("id", "=", d.id)
    .execute();
}

/** The delivery log of one subscription: each attempt with its event, newest first; pending deliveries not yet tried too. */
export async function deliveryLog(db: DbOrTrx, orgId: number, subscriptionId: number, limit = 50) {
  const attempts = await db
    .selectFrom("webhook_attempts as a")
    .innerJoin("webhook_deliveries as d", (j) => j.onRef("d.id", "=", "a.delivery_id").onRef("d.org_id", "=", "a.org_id"))
    .select(["a.id", "d.event_id as eventId", "d.event_type as eventType", "a.attempt", "a.at", "a.response_status as status"])
    .select(["a.error", "a.duration_ms as durationMs", "a.next_retry_at as nextRetryAt"])
    .where("a.org_id", "=", orgId)
    .where("a.subscription_id", "=", subscriptionId)
    .orderBy("a.id", "desc")
    .limit(limit)
    .execute();
  const waiting = await db
    .selectFrom("webhook_deliveries")
    .select(["id", "event_id as eventId", "event_type as eventType", "created_at as createdAt", "next_attempt_at as nextAttemptAt"])
    .where("org_id", "=", orgId)
    .where("subscription_id", "=", subscriptionId)
    .where("status", "=", "pending")
    .where("attempts", "=", 0)
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return { attempts, waiting };
}

/** Marks an event a sweep emits as emitted; false when it already was (the unique key decides, across servers). */
export async function markEvent(db: DbOrTrx, orgId: number, key: string, at: string): Promise<boolean> {
  const r = await db
    .insertInto("webhook_event_marks")
    .values({ org_id: orgId, event_key: key, created_at: at })
    .onConflict((oc) => oc.columns(["org_id", "event_key"]).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export async function orgSlugOf(db: DbOrTrx, orgId: number): Promise<string> {
  const r = await db.selectFrom("organizations").select("slug").where("id", "=", orgId).executeTakeFirst();
  return r?.slug ?? "";
}

/** Overdue corrective actions (open or in progress, due before `today`) that fell due since `since` (both YYYY-MM-DD). */
export async function recentlyOverdueActions(db: DbOrTrx, orgId: number, since: string, today: string) {
  return db
    .selectFrom("corrective_actions")
    .select(["id", "supplier_id as supplierId", "title", "due_at as dueAt", "status"])
    .where("org_id", "=", orgId)
    .where("status", "in", ["open", "in_progress"])
    .where("due_at", "<", today)
    .where("due_at", ">=", since)
    .orderBy("id")
    .execute();
}

/** Suppliers' external references (what an ERP knows them by), by id. */
export async function externalRefs(db: DbOrTrx, orgId: number, ids: readonly number[]): Promise<Map<number, string | null>> {
  const out = new Map<number, string | null>();
  for (const part of chunks(ids)) {
    const rows = await db
      .selectFrom("suppliers")
      .select(["id", "external_ref"])
      .where("org_id", "=", orgId)
      .where("id", "in", part)
      .execute();
    for (const r of rows) out.set(r.id, r.external_ref);
  }
  return out;
}
