// The supplier portal's requests (answer autosave, evidence, submit). The answer value travels as
// JSON so that "cleared" (null), text, numbers as typed and lists stay distinct; its type and range
// are checked by the questionnaire domain (saveAnswer → validateAnswer), not here.
import { z } from "zod";
import { MAX_DB_INT } from "./fields";

const assessmentId = z.coerce.number().int().positive().max(MAX_DB_INT);
const questionKey = z.string().trim().min(1).max(200);

function parseJson(s: string, ctx: z.RefinementCtx): unknown {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: "value must be JSON" });
    return z.NEVER;
  }
}

export const PortalAnswerSchema = z.object({
  assessmentId,
  questionKey,
  value: z.string().max(100_000).transform(parseJson),
  comment: z
    .string()
    .max(2000)
    // PostgreSQL refuses a NUL byte outright (a 500, not a 400).
    .refine((v) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v))
    .optional()
    .transform((c) => (c?.trim() ? c.trim() : null)),
  baseRevision: z.coerce.number().int().min(0).max(MAX_DB_INT),
});

export const PortalSubmitSchema = z.object({ assessmentId });

export const PortalUploadSchema = z.object({ assessmentId, questionKey });

export const PortalRemoveFileSchema = z.object({ assessmentId, intent: z.literal("remove") });
