// The REST API's request schemas (decision 0013), built from the app's own: the supplier list's
// filters, the supplier form's fields and rules, the CSV import's columns and update policy. The
// routes parse with these and the OpenAPI document (api-openapi.ts) is generated from these, so the
// two cannot drift apart.
import { z } from "zod";
import { SupplierListQuerySchema } from "./supplier";
import { PolicySchema } from "./import";
import { language } from "./assessment";
import { ACTION_STATUSES } from "./action";
import { SUPPLIER_FIELDS, type FieldKey } from "~/domain/csv/fields";

/** The supplier list's query: the UI list's filters and sort, with `limit` and an opaque `cursor` instead of pages. */
export const ApiSupplierListQuerySchema = SupplierListQuerySchema.innerType()
  .pick({ q: true, tier: true, country: true, sector: true, good: true, status: true, risk: true, sort: true, dir: true })
  .extend({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(400).optional(),
  })
  .strict();
export type ApiSupplierListQuery = z.output<typeof ApiSupplierListQuerySchema>;

/** A cell of a bulk row: what the CSV column holds, as JSON (lists such as goods may be arrays). */
const BulkCell = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null(), z.array(z.string().max(1000)).max(200)]);

/** One supplier of a bulk upsert: the CSV import's columns (see the import template), checked as the import checks them. */
export const BulkRowSchema = z
  .object(
    Object.fromEntries(SUPPLIER_FIELDS.map((f) => [f.key, BulkCell.optional().describe(f.help)])) as Record<
      FieldKey,
      z.ZodOptional<typeof BulkCell>
    >,
  )
  .strict();
export type BulkRow = z.output<typeof BulkRowSchema>;

export const MAX_BULK_ROWS = 50_000;

export const BulkUpsertSchema = z
  .object({
    policy: PolicySchema.default("new_only").describe(
      "What the upsert may do to suppliers already in Lantern (matched by external_ref, else name and country): " +
        "new_only adds new suppliers and leaves existing ones alone; fill_empty also fills their empty fields; " +
        "overwrite replaces their fields.",
    ),
    rows: z.array(BulkRowSchema).min(1, "Send at least one row").max(MAX_BULK_ROWS, `Send at most ${MAX_BULK_ROWS} rows per call`),
  })
  .strict();
export type BulkUpsertInput = z.output<typeof BulkUpsertSchema>;

const idParam = z.coerce.number().int().positive().max(2_147_483_647);
export const IdParamsSchema = z.object({ id: idParam });

/** Starting an assessment for a supplier (the template and language are the organisation's defaults). */
export const ApiAssessmentStartSchema = z
  .object({
    supplierId: z.number().int().positive().max(2_147_483_647),
    dueAt: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "A date such as 2027-03-31")
      .optional(),
    language: language.optional(),
  })
  .strict();

export const ApiActionListQuerySchema = z
  .object({
    status: z.enum(ACTION_STATUSES).optional(),
    supplierId: idParam.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: idParam.optional().describe("The next_cursor of the previous page"),
  })
  .strict();

export const ApiLinkSchema = z.object({ buyerId: idParam.describe("The supplier this one sells to (same organisation)") }).strict();

export const ApiGrievanceQuerySchema = z.object({ supplierId: idParam.optional() }).strict();
