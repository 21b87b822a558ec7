// Delivering queued webhook events: every 5 seconds (the periodic job `webhooks`) one server of the
// cluster takes the due deliveries, claims each (so two servers never send the same attempt), checks
// the address again and connects to the address it checked, signs and posts, and logs the attempt. A
// failure is retried with backoff; a subscription that keeps failing is paused and its organisation's
// admins are mailed. Delivery is at least once: receivers de-duplicate on the event id.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import { env } from "~/lib/env.server";
import { log } from "~/lib/logger.server";
import { kickMailDelivery } from "~/lib/mail.server";
import { serverId } from "~/lib/server-id.server";
import { nowIso } from "~/lib/time";
import { signatureHeader } from "~/lib/webhook-signature.server";
import { resolveTarget, systemResolver, type Resolver } from "~/lib/webhook-target.server";
import { postPinned, type Poster } from "~/lib/webhook-http.server";
import { isSuccess, retryDelayMs, shouldPause } from "~/domain/webhooks/retry";
import { EVENT_ID_HEADER, EVENT_TYPE_HEADER, SIGNATURE_HEADER } from "~/domain/webhooks/snippet";
import { claimDelivery, dueDeliveries, recordAttempt } from "~/models/webhook-delivery.server";
import { adminEmails, failureRun, recordOutcome, updateSubscription } from "~/models/webhook.server";
import { enqueueMail } from "~/models/outbox.server";
import { recordAudit } from "~/models/audit.server";
import { orgNameById } from "~/models/portal.server";
import { orgSlugOf } from "~/models/webhook-delivery.server";
import { webhookPausedMail } from "./mail-templates";
import { systemPath } from "~db/scope";

type DB = Kysely<Database>;

/** A receiver has this long to answer (connect, TLS and response headers together). */
export const DELIVERY_TIMEOUT_MS = 10_000;
const BATCH = 25;

export interface DeliveryDeps {
  resolver: Resolver;
  post: Poster;
  random: () => number;
  now: () => Date;
  holder: string;
}

function defaults(): DeliveryDeps {
  return { resolver: systemResolver, post: postPinned, random: Math.random, now: () => new Date(), holder: serverId() };
}

type Due = Awaited<ReturnType<typeof dueDeliveries>>[number];

/** One attempt at one claimed delivery: the address checked again, then the signed POST. */
async function attempt(d: Due, deps: DeliveryDeps): Promise<{ status: number | null; error: string | null }> {
  const target = await resolveTarget(d.url, deps.resolver);
  if (!target.ok) return { status: null, error: `Not sent: ${target.message}` };
  const unix = Math.floor(deps.now().getTime() / 1000);
  const r = await deps.post({
    url: target.url,
    address: target.address,
    family: target.family,
    body: d.payload,
    timeoutMs: DELIVERY_TIMEOUT_MS,
    headers: {
      "Content-Type": "application/json",
      "User-Agent": "Lantern-Webhooks/1",
      [SIGNATURE_HEADER]: signatureHeader(d.secret, d.payload, unix),
      [EVENT_ID_HEADER]: d.eventId,
      [EVENT_TYPE_HEADER]: d.eventType,
    },
  });
  if (r.error) return r;
  if (!isSuccess(r.status)) return { status: r.status, error: `The receiver answered ${r.status}` };
  return r;
}

/** Logs the attempt, moves the delivery and the subscription's failure run on, and pauses it if it keeps failing. */
async function settle(db: DB, d: Due, result: { status: number | null; error: string | null }, started: number, deps: DeliveryDeps) {
  const now = deps.now();
  const at = nowIso(now);
  const delivered = result.error === null && isSuccess(result.status);
  const n = d.attempts + 1;
  const delay = delivered ? null : retryDelayMs(n, deps.random());
  let paused = false;
  await db.transaction().execute(async (trx) => {
    await recordAttempt(trx, d.orgId, d, {
      attempt: n,
      at,
      status: result.status,
      error: result.error,
      durationMs: Math.max(0, Date.now() - started),
      nextRetryAt: delay === null ? null : nowIso(new Date(now.getTime() + delay)),
      delivered,
    });
    await recordOutcome(trx, d.orgId, d.subscriptionId, delivered, at);
    const run = await failureRun(trx, d.orgId, d.subscriptionId);
    if (!run || run.status !== "active" || !shouldPause(run.consecutive_failures, run.failing_since, now)) return;
    paused = true;
    const reason = `Paused after ${run.consecutive_failures} failed attempts in a row since ${run.failing_since}.`;
    await updateSubscription(trx, d.orgId, d.subscriptionId, { kind: "pause", reason });
    await recordAudit(trx, {
      orgId: d.orgId,
      actorUserId: null,
      actorLabel: "Lantern (webhook delivery)",
      action: "webhook.paused",
      entity: "webhook_subscription",
      entityId: d.subscriptionId,
      diff: { reason, url: run.url },
      ip: null,
    });
    const orgName = (await orgNameById(trx, d.orgId)) ?? "your organisation";
    const link = `${env().appUrl}/o/${await orgSlugOf(trx, d.orgId)}/settings/webhooks/${d.subscriptionId}`;
    const mail = webhookPausedMail({ orgName, url: run.url, failures: run.consecutive_failures, since: run.failing_since!, link });
    for (const to of await adminEmails(trx, d.orgId)) await enqueueMail(trx, { orgId: d.orgId, kind: "webhook_paused", to, ...mail });
  });
  if (paused) {
    log.warn("webhook subscription paused: it kept failing", { orgId: d.orgId, subscriptionId: d.subscriptionId });
    kickMailDelivery(db);
  }
  return { delivered, paused };
}

/** Sends what is due; returns how many attempts were made and delivered. Safe to call often. */
async function deliverWebhooksAsSystem(db: DB, overrides: Partial<DeliveryDeps> = {}): Promise<{ attempted: number; delivered: number }> {
  const deps = { ...defaults(), ...overrides };
  const now = deps.now();
  const staleBefore = nowIso(new Date(now.getTime() - env().JOB_LEASE_MS));
  let attempted = 0;
  let delivered = 0;
  const pausedNow = new Set<number>();
  for (const d of await dueDeliveries(db, nowIso(now), BATCH)) {
    // A subscription paused by an earlier delivery of this batch gets no more attempts.
    if (pausedNow.has(d.subscriptionId)) continue;
    if (!(await claimDelivery(db, d.id, deps.holder, nowIso(now), staleBefore))) continue;
    const started = Date.now();
    let result: { status: number | null; error: string | null };
    try {
      result = await attempt(d, deps);
    } catch (e) {
      result = { status: null, error: (e instanceof Error ? e.message : String(e)).slice(0, 300) };
    }
    attempted++;
    const outcome = await settle(db, d, result, started, deps);
    if (outcome.delivered) delivered++;
    if (outcome.paused) pausedNow.add(d.subscriptionId);
  }
  return { attempted, delivered };
}
export const deliverWebhooks = systemPath("webhook delivery: the queue of every tenant", deliverWebhooksAsSystem);
