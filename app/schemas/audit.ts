import { z } from "zod";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-01-31")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "Not a valid date");

/** Filters of the audit log page, read from the URL (so a filtered view can be bookmarked). */
export const AuditFilterSchema = z.object({
  action: z.string().max(100).optional(),
  entity: z.string().max(100).optional(),
  actor: z.string().max(254).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
});

export function parseSearchParams<T extends z.ZodTypeAny>(schema: T, url: URL): z.SafeParseReturnType<z.input<T>, z.output<T>> {
  const raw: Record<string, string> = {};
  for (const [k, v] of url.searchParams) if (v !== "") raw[k] = v;
  // Control characters belong in no filter, and PostgreSQL refuses a NUL byte outright (a 500, not a 400).
  const bad = Object.keys(raw).filter((k) => /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(raw[k]!));
  if (bad.length)
    return {
      success: false,
      error: new z.ZodError(bad.map((k) => ({ code: z.ZodIssueCode.custom, path: [k], message: "Remove control characters" }))),
    };
  return schema.safeParse(raw);
}
