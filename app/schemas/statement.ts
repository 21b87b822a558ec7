// The statement forms: drafting one (template + year), saving the section texts (each section a
// field `section.<key>`), recording the board approval, publishing. Parsed on the server; the
// section texts' figure tokens are checked by the service against the figure catalogue.
import { z } from "zod";
import { isIsoDay } from "~/domain/dates";

const NO_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
export const SECTION_MAX = 20_000;

const text = (max: number, label: string) =>
  z
    .string({ required_error: `Give the ${label.toLowerCase()}` })
    .trim()
    .min(1, `Give the ${label.toLowerCase()}`)
    .max(max, `${label}: at most ${max} characters`)
    .refine((s) => !NO_CONTROL.test(s), `${label} contains characters that cannot be stored`);

const version = z.coerce.number({ invalid_type_error: "The form is out of date: reload the page." }).int().min(1).max(2_147_483_647);

export const DraftStatementSchema = z.object({
  template: z.string().trim().min(1, "Choose a law").max(60),
  year: z.coerce
    .number({ invalid_type_error: "Give the reporting year, e.g. 2026" })
    .int("Give the reporting year, e.g. 2026")
    .min(2000, "Choose a year from 2000")
    .max(2100, "Choose a year up to 2100"),
});
export type DraftStatementInput = z.output<typeof DraftStatementSchema>;

/** `section.<key>` fields become `sections`; keys are checked against the template by the service. */
export const SaveStatementSchema = z
  .record(z.string())
  .transform((form, ctx) => {
    const sections: Record<string, string> = {};
    for (const [k, v] of Object.entries(form)) {
      if (!k.startsWith("section.")) continue;
      const key = k.slice("section.".length);
      if (v.length > SECTION_MAX) ctx.addIssue({ code: "custom", path: [k], message: `At most ${SECTION_MAX} characters` });
      else if (NO_CONTROL.test(v))
        ctx.addIssue({ code: "custom", path: [k], message: "The text contains characters that cannot be stored" });
      sections[key] = v.replace(/\r\n/g, "\n");
    }
    return { form, sections };
  })
  .pipe(
    z.object({
      form: z.object({ expectedVersion: version, note: z.string().max(500, "Note: at most 500 characters").optional() }),
      sections: z.record(z.string()),
    }),
  )
  .transform(({ form, sections }) => ({ expectedVersion: form.expectedVersion, note: form.note?.trim() || null, sections }));
export type SaveStatementInput = z.output<typeof SaveStatementSchema>;

export const ApproveStatementSchema = z.object({
  expectedVersion: version,
  approverName: text(200, "Approver's name"),
  approverTitle: text(200, "Approver's role or title"),
  approvingBody: text(200, "Approving body"),
  approvedOn: z.string({ required_error: "Give the date of approval" }).trim().refine(isIsoDay, "Use a date like 2027-03-10"),
});
export type ApproveStatementInput = z.output<typeof ApproveStatementSchema>;

export const PublishStatementSchema = z.object({ expectedVersion: version });
