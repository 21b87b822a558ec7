// A document's kind and validity, sent with an upload (portal and the officer's fill page), and a
// reviewer's decision on a document. Upload problems are catalogue keys (the portal shows them in
// the supplier's language; the staff pages in English); the review form is staff-only, in English.
import { z } from "zod";
import { todayIso, isIsoDay } from "~/domain/dates";
import { EVIDENCE_KINDS } from "~/domain/questionnaire/types";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const EVIDENCE_META_MESSAGES = {
  kind: "ui.evidence.kind_invalid",
  validUntil: "ui.evidence.valid_until_invalid",
  past: "ui.evidence.valid_until_past",
} as const;

/** kind: one of EVIDENCE_KINDS (absent: the question's default); validUntil: yyyy-mm-dd, today or later, or absent. */
export const EvidenceMetaSchema = z.object({
  kind: z.preprocess(blankToUndefined, z.enum(EVIDENCE_KINDS, { errorMap: () => ({ message: EVIDENCE_META_MESSAGES.kind }) }).optional()),
  validUntil: z.preprocess(
    blankToUndefined,
    z
      .string({ invalid_type_error: EVIDENCE_META_MESSAGES.validUntil })
      .trim()
      .refine(isIsoDay, EVIDENCE_META_MESSAGES.validUntil)
      .refine((d) => d >= todayIso(), EVIDENCE_META_MESSAGES.past)
      .optional(),
  ),
});
export type EvidenceMeta = z.infer<typeof EvidenceMetaSchema>;

/** The first problem of a failed EvidenceMetaSchema parse, as a catalogue key. */
export function evidenceMetaProblem(error: z.ZodError): string {
  return error.issues[0]?.message ?? EVIDENCE_META_MESSAGES.kind;
}

export const EVIDENCE_REASON_MIN = 3;
export const EVIDENCE_REASON_MAX = 1000;

export const EvidenceReviewSchema = z.object({
  intent: z.enum(["accept", "reject"], { errorMap: () => ({ message: "Choose Accept or Reject." }) }),
  reason: z
    .string({ required_error: "Give a reason." })
    .trim()
    .min(EVIDENCE_REASON_MIN, `Give a reason of at least ${EVIDENCE_REASON_MIN} characters.`)
    .max(EVIDENCE_REASON_MAX, `Use at most ${EVIDENCE_REASON_MAX} characters.`)
    .refine((v) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v), "Remove control characters."),
});
