// Emitting webhook events: one delivery row per active subscription that asked for the event, written
// in the caller's transaction (so a change and its events commit or roll back together, as mail does).
// Delivery happens after commit (webhook-delivery.server.ts).
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import type { DbOrTrx } from "~/models/types";
import { activeSubscriptions, orgsSubscribedTo } from "~/models/webhook.server";
import {
  externalRefs,
  insertDeliveries,
  markEvent,
  orgSlugOf,
  recentlyOverdueActions,
  type NewDelivery,
} from "~/models/webhook-delivery.server";
import {
  envelope,
  grievanceData,
  subscribesTo,
  type ActionOverdueData,
  type AnyWebhookEvent,
  type AssessmentData,
  type BandChangedData,
} from "~/domain/webhooks/events";
import { todayIso } from "~/domain/dates";
import { nowIso } from "~/lib/time";
import { systemPath } from "~db/scope";

export function newEventId(): string {
  return `evt_${randomUUID()}`;
}

/** Queues `events` (type and data each) for every active subscription that asked for them; returns the deliveries queued. */
export async function emitEvents(
  db: DbOrTrx,
  orgId: number,
  events: ReadonlyArray<{ type: AnyWebhookEvent; data: unknown }>,
  opts: { onlySubscription?: number; now?: Date } = {},
): Promise<number> {
  if (events.length === 0) return 0;
  const subs = (await activeSubscriptions(db, orgId)).filter((s) => opts.onlySubscription === undefined || s.id === opts.onlySubscription);
  if (subs.length === 0) return 0;
  const slug = await orgSlugOf(db, orgId);
  const at = nowIso(opts.now);
  const rows: NewDelivery[] = [];
  for (const e of events) {
    const id = newEventId();
    const payload = JSON.stringify(envelope(id, e.type, at, slug, e.data));
    for (const s of subs) if (subscribesTo(s.events, e.type)) rows.push({ subscriptionId: s.id, eventId: id, eventType: e.type, payload });
  }
  await insertDeliveries(db, orgId, rows, at);
  return rows.length;
}

export function emitEvent(db: DbOrTrx, orgId: number, type: AnyWebhookEvent, data: unknown): Promise<number> {
  return emitEvents(db, orgId, [{ type, data }]);
}

export interface BandChange {
  supplierId: number;
  name: string;
  before: string;
  after: string;
  score: number;
}

/** Suppliers whose band moved in one score write (a recompute's batch); nothing is read when nobody subscribed. */
export async function emitBandChanges(
  db: DbOrTrx,
  orgId: number,
  changes: readonly BandChange[],
  meta: { computedAt: string; trigger: string },
): Promise<number> {
  const subs = await activeSubscriptions(db, orgId);
  if (!subs.some((s) => subscribesTo(s.events, "supplier.risk_band_changed"))) return 0;
  const refs = await externalRefs(
    db,
    orgId,
    changes.map((c) => c.supplierId),
  );
  const events = changes.map((c) => {
    const data: BandChangedData = {
      supplier: { id: c.supplierId, name: c.name, externalRef: refs.get(c.supplierId) ?? null },
      previousBand: c.before,
      band: c.after,
      score: c.score,
      computedAt: meta.computedAt,
      trigger: meta.trigger,
    };
    return { type: "supplier.risk_band_changed" as const, data };
  });
  return emitEvents(db, orgId, events);
}

export function emitAssessment(
  db: DbOrTrx,
  orgId: number,
  type: "assessment.submitted" | "assessment.approved",
  a: { id: number; supplierId: number; by: "supplier" | "officer"; at: string },
): Promise<number> {
  const data: AssessmentData = {
    assessment: { id: a.id, supplierId: a.supplierId, status: type === "assessment.submitted" ? "submitted" : "approved" },
    by: a.by,
    at: a.at,
  };
  return emitEvent(db, orgId, type, data);
}

export function emitGrievanceReceived(
  db: DbOrTrx,
  orgId: number,
  c: { id: number; channelId: number; supplierId: number; category: string; receivedAt: string },
): Promise<number> {
  return emitEvent(db, orgId, "grievance.received", grievanceData(c));
}

/** How far back the overdue sweep looks: a new subscription hears of actions that fell due this week, not of years of backlog. */
export const OVERDUE_LOOKBACK_DAYS = 7;

/**
 * The periodic sweep behind `action.overdue`: in each organisation subscribed to it, every open or
 * in-progress action that fell due (in the last week) and was not emitted yet for that due date.
 * The mark (action id and due date) makes it once per due date, across servers and runs.
 */
async function emitOverdueActionsAsSystem(db: Kysely<Database>, now: Date): Promise<number> {
  let emitted = 0;
  const today = todayIso(now);
  const since = todayIso(new Date(now.getTime() - OVERDUE_LOOKBACK_DAYS * 86_400_000));
  for (const orgId of await orgsSubscribedTo(db, "action.overdue")) {
    const actions = await recentlyOverdueActions(db, orgId, since, today);
    for (const a of actions) {
      emitted += await db.transaction().execute(async (trx) => {
        if (!(await markEvent(trx, orgId, `action.overdue:${a.id}:${a.dueAt.slice(0, 10)}`, nowIso(now)))) return 0;
        const data: ActionOverdueData = {
          action: { id: a.id, supplierId: a.supplierId, title: a.title, dueAt: a.dueAt.slice(0, 10), status: a.status },
        };
        await emitEvent(trx, orgId, "action.overdue", data);
        return 1;
      });
    }
  }
  return emitted;
}
export const emitOverdueActions = systemPath("webhooks: overdue corrective actions of every subscribed tenant", emitOverdueActionsAsSystem);
