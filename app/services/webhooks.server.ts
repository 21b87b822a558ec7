// Webhook subscriptions for the settings pages: subscribe (the URL checked and resolved: only public
// addresses), change events, rotate the secret (shown once, like at creation), pause, resume, delete,
// send a test event; the delivery log. Every change is audited; the secret never is.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import type { OrgIdentity } from "~/lib/auth.server";
import { fail, ok, type Result } from "~/domain/result";
import { TEST_EVENT } from "~/domain/webhooks/events";
import { recordAudit } from "~/models/audit.server";
import {
  deleteSubscription,
  getSubscription,
  insertSubscription,
  listSubscriptions,
  updateSubscription,
  type SubscriptionChange,
  type SubscriptionRow,
} from "~/models/webhook.server";
import { deliveryLog } from "~/models/webhook-delivery.server";
import { newWebhookSecret } from "~/lib/webhook-signature.server";
import { resolveTarget, systemResolver, type Resolver } from "~/lib/webhook-target.server";
import type { WebhookAction } from "~/schemas/webhook";
import { emitEvents } from "./webhook-events.server";

type DB = Kysely<Database>;

/** Subscriptions an organisation may have (each one is a queue to feed). */
export const MAX_SUBSCRIPTIONS = 20;

const NOT_FOUND = () => fail("not_found", "No such webhook.");

export function listWebhooks(db: DB, orgId: number): Promise<SubscriptionRow[]> {
  return listSubscriptions(db, orgId);
}

export async function webhookDetail(db: DB, orgId: number, id: number) {
  const sub = await getSubscription(db, orgId, id);
  if (!sub) return NOT_FOUND();
  return ok({ subscription: sub, log: await deliveryLog(db, orgId, id) });
}

function audit(id: OrgIdentity, ip: string, action: string, entityId: number, diff: unknown) {
  return {
    orgId: id.org.id,
    actorUserId: id.user.userId,
    actorLabel: id.user.email,
    action,
    entity: "webhook_subscription",
    entityId,
    diff,
    ip,
  };
}

export async function createWebhook(
  db: DB,
  id: OrgIdentity,
  input: { url: string; description: string | null; events: readonly string[] },
  ip: string,
  resolver: Resolver = systemResolver,
): Promise<Result<{ id: number; secret: string }>> {
  const target = await resolveTarget(input.url, resolver);
  if (!target.ok) return fail("invalid", target.message, { field: "url" });
  if ((await listSubscriptions(db, id.org.id)).length >= MAX_SUBSCRIPTIONS) {
    return fail("conflict", `An organisation can have at most ${MAX_SUBSCRIPTIONS} webhooks. Delete one you no longer use.`);
  }
  const secret = newWebhookSecret();
  const url = target.url.href;
  const subId = await db.transaction().execute(async (trx) => {
    const subId = await insertSubscription(trx, id.org.id, {
      url,
      description: input.description,
      events: input.events,
      secret,
      createdBy: id.user.userId,
    });
    await recordAudit(trx, audit(id, ip, "webhook.created", subId, { url, events: input.events }));
    return subId;
  });
  return ok({ id: subId, secret });
}

export type ActionOutcome = { done: "events" | "pause" | "resume" | "test" | "delete" } | { done: "rotate"; secret: string };

/** One of the actions on a subscription's page. */
export async function actOnWebhook(db: DB, id: OrgIdentity, subId: number, a: WebhookAction, ip: string): Promise<Result<ActionOutcome>> {
  const sub = await getSubscription(db, id.org.id, subId);
  if (!sub) return NOT_FOUND();
  if (a.intent === "test") {
    if (sub.status !== "active") return fail("conflict", "This webhook is paused: resume it to send a test event.");
    const data = { message: "A test event from Lantern's webhook settings." };
    await emitEvents(db, id.org.id, [{ type: TEST_EVENT, data }], { onlySubscription: subId });
    return ok({ done: "test" });
  }
  if (a.intent === "delete") {
    await db.transaction().execute(async (trx) => {
      await deleteSubscription(trx, id.org.id, subId);
      await recordAudit(trx, audit(id, ip, "webhook.deleted", subId, { url: sub.url }));
    });
    return ok({ done: "delete" });
  }
  if (a.intent === "pause" && sub.status === "paused") return fail("conflict", "This webhook is already paused.");
  if (a.intent === "resume" && sub.status === "active") return fail("conflict", "This webhook is already active.");
  const secret = a.intent === "rotate" ? newWebhookSecret() : "";
  const change: SubscriptionChange =
    a.intent === "events"
      ? { kind: "events", events: a.events, description: a.description }
      : a.intent === "rotate"
        ? { kind: "secret", secret }
        : a.intent === "pause"
          ? { kind: "pause", reason: `Paused by ${id.user.email}.` }
          : { kind: "resume" };
  const diff =
    a.intent === "events"
      ? { events: { from: sub.events, to: a.events }, description: { from: sub.description, to: a.description } }
      : a.intent === "rotate"
        ? { secret: "rotated" }
        : { status: { from: sub.status, to: a.intent === "pause" ? "paused" : "active" } };
  await db.transaction().execute(async (trx) => {
    await updateSubscription(trx, id.org.id, subId, change);
    await recordAudit(
      trx,
      audit(
        id,
        ip,
        a.intent === "rotate"
          ? "webhook.secret_rotated"
          : `webhook.${a.intent === "events" ? "changed" : a.intent === "pause" ? "paused" : "resumed"}`,
        subId,
        diff,
      ),
    );
  });
  return a.intent === "rotate" ? ok({ done: "rotate", secret }) : ok({ done: a.intent });
}
