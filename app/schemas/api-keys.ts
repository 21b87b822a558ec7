// The admin's form for a new API key, and the revoke button.
import { z } from "zod";

export const ApiKeyCreateSchema = z.object({
  intent: z.literal("create"),
  name: z
    .string({ required_error: "Give the key a name" })
    .trim()
    .min(1, "Give the key a name, e.g. the system that will use it")
    .max(100, "Use at most 100 characters")
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "Remove control characters"),
  access: z.enum(["read", "write"], { errorMap: () => ({ message: "Choose what the key may do" }) }),
  expiresOn: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))), "Enter a date, or leave it empty"),
});
export type ApiKeyCreateInput = z.output<typeof ApiKeyCreateSchema>;

export const ApiKeyRevokeSchema = z.object({
  intent: z.literal("revoke"),
  keyId: z.coerce.number().int().positive().max(2_147_483_647),
});
