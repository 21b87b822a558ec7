import { z } from "zod";

/** A toast: the one-line message a successful form post leaves for the next page. */
export const ToastSchema = z.object({
  kind: z.enum(["success", "info", "error"]).default("success"),
  message: z.string().trim().min(1).max(300),
});
export type Toast = z.infer<typeof ToastSchema>;
