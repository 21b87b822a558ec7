// The assessment forms of the officer side: start, invite, review comment, and one answer. Each schema
// is used by the react-hook-form resolver in the browser and parsed again by the action.
// The answer schema is built per question (type and range come from the template) and checks the
// value with the questionnaire domain's own validateAnswer, so browser and server say the same thing.
import { todayIso } from "~/domain/dates";
import { z } from "zod";
import { SUPPORTED_LOCALES } from "~/domain/questionnaire/i18n/locale";
import { isValidIsoDate, validateAnswer } from "~/domain/questionnaire";
import { NA, type AnswerValue, type Question } from "~/domain/questionnaire/types";
import { email, MAX_DB_INT } from "./fields";

export const ASSESSMENT_STATUSES = ["draft", "sent", "in_progress", "submitted", "changes_requested", "approved"] as const;
export type AssessmentStatusValue = (typeof ASSESSMENT_STATUSES)[number];

/** Statuses in which an officer may still change answers (mirrors the service's rule). */
export const OFFICER_EDITABLE: readonly AssessmentStatusValue[] = ["draft", "sent", "in_progress", "changes_requested"];

export const language = z.enum(SUPPORTED_LOCALES, { errorMap: () => ({ message: "Choose a language" }) });

const dueDate = z
  .string({ required_error: "Choose a due date" })
  .trim()
  .min(1, "Choose a due date")
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-01-31")
  .refine(isValidIsoDate, "This date does not exist")
  .refine((d) => d >= todayIso(), "The due date cannot be in the past")
  .refine((d) => d <= "2100-12-31", "Choose a date before 2101");

export const StartAssessmentSchema = z.object({ dueAt: dueDate, language });
export type StartAssessmentInput = z.output<typeof StartAssessmentSchema>;

export const InviteSchema = z.object({ intent: z.literal("invite"), email, language });

const questionKey = z.string({ required_error: "Say which question" }).trim().min(1, "Say which question").max(200);

const commentBody = z
  .string({ required_error: "Write a comment" })
  .trim()
  .min(1, "Write a comment")
  .max(2000, "Use at most 2000 characters")
  .refine((v) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v), "Remove control characters");

export const CommentSchema = z.object({ intent: z.literal("comment"), questionKey, body: commentBody });

/** The thread a reply, a resolution or a reopening is about: its first comment's id (or any of its comments'). */
const threadId = z.coerce
  .number({ invalid_type_error: "Say which thread" })
  .int("Say which thread")
  .positive("Say which thread")
  .max(MAX_DB_INT, "Say which thread");
export const ReplySchema = z.object({ intent: z.literal("reply"), threadId, body: commentBody });
export const ResolveThreadSchema = z.object({ intent: z.literal("resolve-thread"), threadId });
export const ReopenThreadSchema = z.object({ intent: z.literal("reopen-thread"), threadId });

/** A review decision's reason (request changes, approve, reopen): it is the confirmation step. */
export const decisionReason = z
  .string({ required_error: "Give a reason for this decision" })
  .trim()
  .min(3, "Give a reason of at least 3 characters")
  .max(1000, "Use at most 1000 characters")
  .refine((v) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v), "Remove control characters");

/** A ticked checkbox posts "on"; an unticked one posts nothing. */
const ticked = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => v !== undefined && v !== "");

export const ApproveSchema = z.object({
  intent: z.literal("approve"),
  reason: decisionReason,
  ackComments: ticked,
  ackFlags: ticked,
  ackRetracted: ticked,
});
export const RequestChangesSchema = z.object({ intent: z.literal("request-changes"), reason: decisionReason });
export const ReopenSchema = z.object({ intent: z.literal("reopen"), reason: decisionReason });

/** Every form of the assessment page, told apart by `intent`. */
export const AssessmentPageActionSchema = z.discriminatedUnion("intent", [
  InviteSchema,
  CommentSchema,
  ReplySchema,
  ResolveThreadSchema,
  ReopenThreadSchema,
  ApproveSchema,
  RequestChangesSchema,
  ReopenSchema,
  z.object({ intent: z.literal("revoke") }),
]);

// ---------------------------------------------------------------------------------------------
// One answer

export type Translate = (key: string, params?: Readonly<Record<string, string | number>>) => string;

/** The answer form as posted: radios and text give a string, checkboxes a list, N/A a flag. */
export const AnswerBaseSchema = z.object({
  intent: z.literal("save"),
  questionKey,
  baseRevision: z.coerce
    .number({ invalid_type_error: "Reload the page" })
    .int("Reload the page")
    .min(0, "Reload the page")
    .max(MAX_DB_INT, "Reload the page"),
  value: z.union([z.string(), z.array(z.string()), z.boolean(), z.null()]).optional(),
  na: z.union([z.string(), z.boolean()]).optional(),
  // Control characters: PostgreSQL refuses a NUL byte outright (a 500, not a 400).
  comment: z
    .string()
    .max(2000, "Use at most 2000 characters")
    .refine((v) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v), "Remove control characters")
    .optional(),
});
export type AnswerFormInput = z.input<typeof AnswerBaseSchema>;
export interface AnswerFormOutput {
  questionKey: string;
  baseRevision: number;
  value: AnswerValue;
  comment: string | null;
}

/**
 * The answer form of one question. Draft rules: an empty answer clears it (submission checks what
 * is required); otherwise the value must fit the question's type and range. `t` turns the domain's
 * message keys into text (the English catalogue on the server, the loader's texts in the browser).
 */
export function answerSchema(question: Question, t: Translate) {
  return AnswerBaseSchema.extend({ questionKey: z.literal(question.key) }).transform((v, ctx): AnswerFormOutput => {
    const na = v.na === true || v.na === NA;
    // A lone checkbox gives a boolean: it carries no answer of its own.
    const raw = na ? NA : typeof v.value === "boolean" ? null : v.value;
    const checked = validateAnswer(question, raw, { draft: true });
    if (!checked.ok) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [na ? "na" : "value"], message: t(checked.messageKey, checked.params) });
      return z.NEVER;
    }
    const comment = v.comment?.trim() ? v.comment.trim() : null;
    return { questionKey: v.questionKey, baseRevision: v.baseRevision, value: checked.value, comment };
  });
}
