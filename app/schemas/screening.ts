// The screening queue's forms and filters: an officer's decision on a candidate (with a required
// reason), "Screen all suppliers again", and the queue's query string.
import { z } from "zod";
import { SCREENING_LIST_KEYS } from "~/domain/screening/lists";
import { MAX_DB_INT } from "./fields";

const NO_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const dbId = z.coerce.number().int().min(1).max(MAX_DB_INT);

export const ScreeningDecisionSchema = z.object({
  intent: z.enum(["confirm", "dismiss"], { errorMap: () => ({ message: "Choose true match or not the same entity" }) }),
  matchId: dbId,
  version: dbId,
  reason: z
    .string({ required_error: "Give the reason for your decision" })
    .trim()
    .min(3, "Give the reason for your decision (what you checked)")
    .max(1000, "Reason: at most 1000 characters")
    .refine((s) => !NO_CONTROL.test(s), "The reason contains characters that cannot be stored"),
});

export const ScreeningActionSchema = z.discriminatedUnion("intent", [
  ScreeningDecisionSchema.extend({ intent: z.literal("confirm") }),
  ScreeningDecisionSchema.extend({ intent: z.literal("dismiss") }),
  z.object({ intent: z.literal("rescreen") }),
]);

export const SCREENING_STATUSES = ["candidate", "confirmed", "dismissed"] as const;
export const QUEUE_PAGE_SIZE = 50;

/** The queue's filters; anything unknown falls back to "all" rather than failing the page. */
export const ScreeningQuerySchema = z.object({
  status: z.enum(SCREENING_STATUSES).optional().catch(undefined),
  list: z.enum(SCREENING_LIST_KEYS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type ScreeningQuery = z.output<typeof ScreeningQuerySchema>;
