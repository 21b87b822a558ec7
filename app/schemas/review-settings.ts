import { z } from "zod";

/** The review settings card: a checkbox posts "on" when ticked and nothing otherwise. */
export const ReviewSettingsSchema = z.object({
  intent: z.literal("save"),
  fourEyes: z
    .union([z.literal("on"), z.literal("1"), z.literal("true")])
    .optional()
    .transform((v) => v !== undefined),
});
