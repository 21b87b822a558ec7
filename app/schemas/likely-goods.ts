// An officer's decision on one likely good of a supplier (the risk panel's forms).
import { z } from "zod";

const good = z
  .string({ required_error: "Say which good.", invalid_type_error: "Say which good." })
  .trim()
  .min(1, "Say which good.")
  .max(200, "That good's name is too long.");

export const LikelyGoodSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("confirm"), good }),
    z.object({
      intent: z.literal("reject"),
      good,
      reason: z
        .string({ required_error: "Say why it is not one of this supplier's goods." })
        .trim()
        .min(3, "Say why it is not one of this supplier's goods (at least 3 characters).")
        .max(500, "Keep the reason to 500 characters or fewer."),
    }),
    z.object({ intent: z.literal("restore"), good }),
  ],
  { errorMap: () => ({ message: "Choose Confirm, Reject or Count it again." }) },
);
export type LikelyGoodInput = z.infer<typeof LikelyGoodSchema>;
