// The events a subscription can ask for, and the payload every delivery carries: a versioned JSON
// envelope with the event's id (the same on every retry: receivers de-duplicate on it), its type, when
// it happened, the organisation, and data. Payloads carry ids and states, never personal data beyond a
// supplier's name; a grievance carries its ids, channel, category and time only, never anything of the
// reporter (retaliation starts with a tip-off, and a receiving system is one more place to leak from).

export const WEBHOOK_EVENTS = [
  "supplier.risk_band_changed",
  "assessment.submitted",
  "assessment.approved",
  "action.overdue",
  "grievance.received",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** The test event an admin sends from the settings page (every subscription receives it). */
export const TEST_EVENT = "webhook.test";
export type AnyWebhookEvent = WebhookEvent | typeof TEST_EVENT;

export const EVENT_WORDS: Record<WebhookEvent, string> = {
  "supplier.risk_band_changed": "A supplier's risk band changed",
  "assessment.submitted": "A questionnaire was submitted",
  "assessment.approved": "A questionnaire was approved",
  "action.overdue": "A corrective action became overdue",
  "grievance.received": "A worker grievance was received",
};

export const PAYLOAD_VERSION = 1;

export interface Envelope<D> {
  version: typeof PAYLOAD_VERSION;
  id: string;
  type: AnyWebhookEvent;
  createdAt: string;
  organisation: { slug: string };
  data: D;
}

export function envelope<D>(id: string, type: AnyWebhookEvent, createdAt: string, orgSlug: string, data: D): Envelope<D> {
  return { version: PAYLOAD_VERSION, id, type, createdAt, organisation: { slug: orgSlug }, data };
}

export interface BandChangedData {
  supplier: { id: number; name: string; externalRef: string | null };
  previousBand: string;
  band: string;
  score: number;
  computedAt: string;
  trigger: string;
}

export interface AssessmentData {
  assessment: { id: number; supplierId: number; status: "submitted" | "approved" };
  by: "supplier" | "officer";
  at: string;
}

export interface ActionOverdueData {
  action: { id: number; supplierId: number; title: string; dueAt: string; status: string };
}

/** Everything a grievance event may say: ids, the channel, the category and the time. */
export interface GrievanceData {
  grievance: { id: number; channelId: number; supplierId: number; category: string; receivedAt: string };
}

/** Built field by field from the case, so nothing of the reporter can ride along by accident. */
export function grievanceData(c: {
  id: number;
  channelId: number;
  supplierId: number;
  category: string;
  receivedAt: string;
}): GrievanceData {
  return { grievance: { id: c.id, channelId: c.channelId, supplierId: c.supplierId, category: c.category, receivedAt: c.receivedAt } };
}

/** Whether a subscription's stored events (JSON array) include `type`; a test event goes to every subscription. */
export function subscribesTo(events: readonly string[], type: AnyWebhookEvent): boolean {
  return type === TEST_EVENT || events.includes(type);
}
