import { z } from "zod";
import { WEBHOOK_EVENTS } from "~/domain/webhooks/events";
import { MAX_URL_LENGTH } from "~/domain/webhooks/url";

const toArray = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

const events = z.preprocess(
  toArray,
  z.array(z.enum(WEBHOOK_EVENTS, { errorMap: () => ({ message: "Choose events from the list." }) })).min(1, "Choose at least one event."),
);
const description = z
  .string()
  .trim()
  .max(200, "At most 200 characters.")
  .optional()
  .transform((v) => (v ? v : null));

/** The new-subscription form (the URL's safety is checked by the service, which also resolves it). */
export const WebhookCreateSchema = z.object({
  intent: z.literal("create"),
  url: z.string().trim().min(1, "Enter the address that receives the events.").max(MAX_URL_LENGTH, "The address is too long."),
  description,
  events,
});

/** The actions on one subscription's page. */
export const WebhookActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("events"), events, description }),
  z.object({ intent: z.literal("rotate") }),
  z.object({ intent: z.literal("pause") }),
  z.object({ intent: z.literal("resume") }),
  z.object({ intent: z.literal("delete") }),
  z.object({ intent: z.literal("test") }),
]);
export type WebhookAction = z.infer<typeof WebhookActionSchema>;

/** A subscription id in the URL. */
export const WebhookIdSchema = z.coerce.number().int().positive().max(2_147_483_647);
