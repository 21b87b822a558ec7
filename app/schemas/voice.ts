// Worker-voice forms. The public forms' error messages are catalogue keys (app/domain/voice/i18n), so
// the route answers in the worker's language; the officers' forms speak English like the rest of the app.
import { z } from "zod";
import { CATEGORIES, REMEDY_KINDS, SEVERITIES, WHEN } from "~/domain/voice/categories";
import { CASE_STATUSES } from "~/domain/voice/case-status";
import { VOICE_LANGUAGES } from "~/domain/voice/i18n";

export const MAX_DETAILS = 4000;

/** Free text as stored: line ends made \n, control characters other than tab and newline dropped (PostgreSQL refuses NUL). */
const clean = (v: string) =>
  v
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .trim();

const text = (max: number) => z.string().max(max).transform(clean);

export const ReportSchema = z.object({
  category: z.enum(CATEGORIES, { errorMap: () => ({ message: "error.category" }) }),
  happened: z.enum(WHEN, { errorMap: () => ({ message: "error.when" }) }),
  details: z
    .string()
    .max(MAX_DETAILS, "error.details_long")
    .optional()
    .transform((v) => clean(v ?? "")),
  lang: z.enum(VOICE_LANGUAGES).catch("en"),
});
export type ReportInput = z.output<typeof ReportSchema>;

export const CaseLookupSchema = z.object({
  caseNumber: z.string().max(40),
  passphrase: z.string().max(200),
  message: z
    .string()
    .max(MAX_DETAILS, "error.details_long")
    .optional()
    .transform((v) => clean(v ?? "")),
  intent: z.enum(["read", "add"]).catch("read"),
  lang: z.enum(VOICE_LANGUAGES).catch("en"),
});

export const ChannelSchema = z.object({
  languages: z
    .array(z.enum(VOICE_LANGUAGES), { invalid_type_error: "Choose two languages for the poster" })
    .or(z.enum(VOICE_LANGUAGES).transform((v) => [v]))
    .refine((v) => new Set(v).size === 2, "Choose two different languages for the poster"),
});

const version = z.coerce.number().int().min(1);
const id = z.coerce.number().int().min(1);

export const CaseActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("triage"),
    version,
    category: z.enum(CATEGORIES, { errorMap: () => ({ message: "Choose a category" }) }),
    severity: z.enum(SEVERITIES, { errorMap: () => ({ message: "Choose a severity" }) }),
  }),
  z.object({ intent: z.literal("assign"), version, assignee: z.union([z.literal("none"), id]) }),
  z.object({
    intent: z.literal("status"),
    version,
    to: z.enum(CASE_STATUSES, { errorMap: () => ({ message: "Choose a status" }) }),
    note: text(2000).optional(),
    openAction: z.literal("on").optional(),
  }),
  z.object({ intent: z.literal("note"), version, body: text(4000).pipe(z.string().min(1, "Write the note")) }),
  z.object({ intent: z.literal("reply"), version, body: text(4000).pipe(z.string().min(1, "Write the reply")) }),
  z.object({
    intent: z.literal("remedy"),
    version,
    kind: z.enum(REMEDY_KINDS, { errorMap: () => ({ message: "Choose what was given" }) }),
    amount: z
      .string()
      .trim()
      .regex(/^(\d{1,12}(\.\d{1,2})?)?$/, "Enter an amount such as 1250.50")
      .transform((v) => (v === "" ? null : v)),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^([A-Z]{3})?$/, "Enter a three-letter currency code such as USD")
      .transform((v) => (v === "" ? null : v)),
    workers: z
      .string()
      .trim()
      .regex(/^\d{0,7}$/, "Enter a whole number of workers")
      .transform((v) => (v === "" ? null : Number(v))),
    deliveredOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date it was given"),
    evidence: text(2000).transform((v) => (v === "" ? null : v)),
  }),
  z.object({ intent: z.literal("redact"), version }),
  z.object({ intent: z.literal("followup"), version, note: text(2000).pipe(z.string().min(1, "Say what the follow-up found")) }),
]);
export type CaseActionInput = z.output<typeof CaseActionSchema>;

export const RetentionSchema = z.object({ years: z.coerce.number().int().min(1, "At least 1 year").max(30, "At most 30 years") });
