// The supplier portal's requests (answer autosave, evidence, submit). The answer value travels as
// JSON so that "cleared" (null), text, numbers as typed and lists stay distinct; its type and range
// are checked by the questionnaire domain (saveAnswer → validateAnswer), not here.
import { z } from "zod";

const assessmentId = z.coerce.number().int().positive();
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
    .optional()
    .transform((c) => (c?.trim() ? c.trim() : null)),
  baseRevision: z.coerce.number().int().min(0),
});

export const PortalSubmitSchema = z.object({ assessmentId });

export const PortalUploadSchema = z.object({ assessmentId, questionKey });

export const PortalRemoveFileSchema = z.object({ assessmentId, intent: z.literal("remove") });
