// The webhooks part of the two-tenant route fixture (route-fixture.ts): a subscription per tenant whose
// address and description carry the tenant's marker, with one queued test event in its log. Written
// through the model (the service would resolve the name, and tests have no DNS); `freshWebhook` makes
// another one for an action to work on.
import type { Db } from "~db/client";
import { insertSubscription, updateSubscription } from "~/models/webhook.server";
import { emitEvents } from "~/services/webhook-events.server";

export interface WebhookFixture {
  webhookId: number;
}

export async function freshWebhook(db: Db, orgId: number, userId: number, marker: string, paused = false): Promise<number> {
  const id = await insertSubscription(db.db, orgId, {
    url: `https://${marker}-erp.example.com/hooks/lantern`,
    description: `${marker} ERP`,
    events: ["assessment.submitted", "supplier.risk_band_changed"],
    secret: `whsec_${marker}_fixture`,
    createdBy: userId,
  });
  if (paused) await updateSubscription(db.db, orgId, id, { kind: "pause", reason: `${marker} paused` });
  return id;
}

export async function webhookFixture(db: Db, orgId: number, userId: number, marker: string): Promise<WebhookFixture> {
  const webhookId = await freshWebhook(db, orgId, userId, marker);
  await emitEvents(db.db, orgId, [{ type: "webhook.test", data: { note: `${marker} fixture` } }], { onlySubscription: webhookId });
  return { webhookId };
}
