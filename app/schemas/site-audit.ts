// The site-audit forms: recording an audit (with its report file, sent as multipart), one finding
// typed by hand, and the records attached to an action from a wage or hours finding. Used by the
// browser (react-hook-form resolver on the text fields) and parsed again on the server.
import { z } from "zod";
import { isValidIsoDate } from "~/domain/questionnaire";
import { AUDIT_STANDARDS, AUDIT_TYPES } from "~/domain/site-audit/standards";
import { FINDING_LIMITS } from "~/domain/site-audit/findings";

const NO_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const day = (what: string) =>
  z
    .string({ required_error: `Give the ${what}` })
    .trim()
    .min(1, `Give the ${what}`)
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-03-10")
    .refine(isValidIsoDate, "This date does not exist")
    .refine((d) => d >= "2000-01-01" && d <= "2100-12-31", "Choose a date between 2000 and 2100");

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}: at most ${max} characters`)
    .refine((s) => !NO_CONTROL.test(s), `${label} contains characters that cannot be stored`);

const optional = (max: number, label: string) => z.union([text(max, label), z.undefined(), z.null()]).transform((v) => (v ? v : null));

export const SiteAuditSchema = z
  .object({
    standard: z.enum(AUDIT_STANDARDS, { errorMap: () => ({ message: "Choose the standard" }) }),
    standardOther: optional(120, "Standard"),
    firm: text(200, "Audit firm").pipe(z.string().min(2, "Name the audit firm")),
    auditDate: day("audit date"),
    auditType: z.enum(AUDIT_TYPES, { errorMap: () => ({ message: "Choose the type of audit" }) }),
    scope: optional(1000, "Scope"),
    result: optional(200, "Result"),
    /** Empty: the standard's validity from the audit date. */
    validUntil: z.union([day("last valid day"), z.literal(""), z.undefined()]).transform((v) => v || null),
  })
  .superRefine((v, ctx) => {
    if (v.standard === "other" && !v.standardOther) ctx.addIssue({ code: "custom", path: ["standardOther"], message: "Name the standard" });
    if (v.validUntil && v.validUntil < v.auditDate)
      ctx.addIssue({ code: "custom", path: ["validUntil"], message: "The audit cannot end before its date" });
  });
export type SiteAuditInput = z.output<typeof SiteAuditSchema>;

export const FindingSchema = z.object({
  description: text(FINDING_LIMITS.description, "Description").pipe(z.string().min(3, "Describe the finding")),
  severity: text(FINDING_LIMITS.severityLabel, "Severity").pipe(z.string().min(1, "Give the severity as the standard names it")),
  touches: text(80, "Indicator or principle").pipe(z.string().min(1, "Name the ILO indicator or Athens principle")),
  recommendation: optional(FINDING_LIMITS.recommendation, "Recommended fix"),
});
export type FindingFormInput = z.output<typeof FindingSchema>;

export const ActionRecordSchema = z.object({
  version: z.coerce.number().int().min(1),
  kind: z.enum(["payroll", "time"], { errorMap: () => ({ message: "Choose payroll or time records" }) }),
  month: z
    .string()
    .trim()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Give the month the record covers, like 2026-05"),
});
