import { z } from "zod";
import { MAX_DB_INT } from "./fields";
import { decodeCursor, type ListCursor } from "~/domain/list-cursor";

// Form values arrive as strings; empty means "not known".
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters`)
    .refine((v) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v), "Remove control characters")
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

const optNumber = (label: string, opts: { int?: boolean; max?: number } = {}) =>
  z
    .union([z.string(), z.number()])
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return null;
      const n = typeof v === "number" ? v : Number(v.replace(/[\s,]/g, ""));
      if (!Number.isFinite(n) || n < 0 || (opts.int && !Number.isInteger(n)) || n > 1e15) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${label} must be ${opts.int ? "a whole number" : "a number"} of 0 or more` });
        return z.NEVER;
      }
      if (opts.max !== undefined && n > opts.max) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${label} must be at most ${opts.max.toLocaleString("en-US")}` });
        return z.NEVER;
      }
      return n;
    });

/** A coordinate in WGS 84 decimal degrees within ±limit; empty means "not known". */
const optCoordinate = (label: string, limit: number) =>
  z
    .union([z.string(), z.number()])
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || (typeof v === "string" && v.trim() === "")) return null;
      const n = typeof v === "number" ? v : Number(v.trim());
      if (!Number.isFinite(n) || n < -limit || n > limit) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${label} must be a number from -${limit} to ${limit}` });
        return z.NEVER;
      }
      return n;
    });

const goodsList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .transform((list) => [...new Set(list.map((g) => g.trim()).filter(Boolean))])
  .refine((list) => list.length <= 50, "At most 50 goods")
  .refine((list) => list.every((g) => g.length <= 100), "A good's name is at most 100 characters")
  .refine((list) => list.every((g) => !/[\u0000-\u001f\u007f]/.test(g)), "Remove control characters from the goods");

export const SUPPLIER_STATUSES = ["active", "inactive", "archived"] as const;

const SupplierFields = z.object({
  name: z
    .string({ required_error: "Enter the supplier's name" })
    .trim()
    .min(1, "Enter the supplier's name")
    .max(200, "Use at most 200 characters")
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "Remove control characters"),
  externalRef: optText(100),
  country: z
    .string({ required_error: "Choose a country" })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Choose a country"),
  address: optText(300),
  city: optText(100),
  latitude: optCoordinate("Latitude", 90),
  longitude: optCoordinate("Longitude", 180),
  sector: optText(100),
  goods: goodsList,
  annualSpend: optNumber("Annual spend"),
  currency: optText(3)
    .refine((v) => v === null || /^[A-Za-z]{3}$/.test(v), "Use a 3-letter currency code such as USD")
    .transform((v) => v?.toUpperCase() ?? null),
  // The CSV import's limit; the column is a 32-bit integer (PostgreSQL refuses more: a 500, not a 400).
  workersCount: optNumber("Number of workers", { int: true, max: 10_000_000 }),
  contactName: optText(120),
  contactEmail: optText(254).refine((v) => v === null || z.string().email().safeParse(v).success, "Enter a valid email address"),
  osId: optText(40),
  duns: optText(20)
    .refine((v) => v === null || /^\d{9}$/.test(v.replace(/-/g, "")), "A DUNS number has 9 digits")
    .transform((v) => v?.replace(/-/g, "") ?? null),
  lei: optText(20)
    .refine((v) => v === null || /^[A-Za-z0-9]{20}$/.test(v), "An LEI has 20 letters and digits")
    .transform((v) => v?.toUpperCase() ?? null),
  taxId: optText(50),
  notes: optText(2000),
  status: z.enum(SUPPLIER_STATUSES).default("active"),
});

/**
 * A site is placed by both coordinates or by none: a lone latitude puts no point on a map, and
 * saving it would look like a position was recorded. The error sits on the missing field.
 */
function bothCoordinatesOrNeither(v: { latitude: number | null; longitude: number | null }, ctx: z.RefinementCtx): void {
  if (v.latitude !== null && v.longitude === null) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["longitude"], message: "Enter the longitude too, or leave both coordinates empty" });
  } else if (v.latitude === null && v.longitude !== null) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["latitude"], message: "Enter the latitude too, or leave both coordinates empty" });
  }
}

export const SupplierSchema = SupplierFields.superRefine(bothCoordinatesOrNeither);

export type SupplierInput = z.output<typeof SupplierSchema>;

/** The API's supplier body: the form's fields and rules, and an unknown field is an error (a typo must not be dropped silently). */
export const SupplierApiSchema = SupplierFields.strict().superRefine(bothCoordinatesOrNeither);
/** A partial change through the API (PATCH): any of the fields; merged onto the stored supplier, then checked as a whole. */
export const SupplierPatchSchema = SupplierFields.partial().strict();

export const SupplierEditSchema = SupplierFields.extend({
  version: z.coerce.number({ invalid_type_error: "Reload the page" }).int().positive().max(MAX_DB_INT, "Reload the page"),
}).superRefine(bothCoordinatesOrNeither);

export const LinkSchema = z.object({
  intent: z.enum(["add-supplier", "add-buyer", "remove-link"]),
  otherId: z.coerce
    .number({ invalid_type_error: "Choose a supplier" })
    .int()
    .positive("Choose a supplier")
    .max(MAX_DB_INT, "Choose a supplier"),
});

export const SUPPLIER_SORTS = ["name", "country", "tier", "updated", "spend", "workers", "score", "band"] as const;

/** The list's risk filter: a band, or "none" for suppliers whose score has not been computed yet. */
export const RISK_FILTERS = ["critical", "high", "medium", "low", "none"] as const;

/** Sorts whose natural first order is "riskiest first". */
const RISK_SORTS: ReadonlySet<string> = new Set(["score", "band"]);

/**
 * The supplier list's filters, in the URL so a view can be bookmarked and shared. Without a
 * direction, a sort by risk (score or band) lists the riskiest first; any other sort is ascending.
 */
export const SupplierListQuerySchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    tier: z.coerce.number().int().min(1).max(50).optional(),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, "Unknown country")
      .optional(),
    sector: z.string().trim().max(100).optional(),
    good: z.string().trim().max(100).optional(),
    status: z.enum([...SUPPLIER_STATUSES, "all"]).optional(),
    risk: z.enum(RISK_FILTERS).optional(),
    sort: z.enum(SUPPLIER_SORTS).default("name"),
    dir: z.enum(["asc", "desc"]).optional(),
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    size: z.coerce.number().int().min(10).max(200).default(50),
    // Keyset paging (see app/domain/list-cursor.ts): the row the next page follows, or the previous page precedes.
    after: z.string().max(320).optional(),
    before: z.string().max(320).optional(),
  })
  .transform(({ after, before, ...f }) => ({
    ...f,
    dir: f.dir ?? (RISK_SORTS.has(f.sort) ? ("desc" as const) : ("asc" as const)),
    cursor: cursorOf(after, before),
  }));
export type SupplierListQuery = z.output<typeof SupplierListQuerySchema>;

/** The page's cursor: "after" wins; a cursor that does not read back is dropped (the page number still holds). */
function cursorOf(after: string | undefined, before: string | undefined): (ListCursor & { from: "after" | "before" }) | null {
  const a = decodeCursor(after);
  if (a) return { ...a, from: "after" };
  const b = decodeCursor(before);
  return b ? { ...b, from: "before" } : null;
}

/** One answer of the supplier search (the picker's resource route). */
export interface SupplierSearchHit {
  id: number;
  name: string;
  country: string;
  tier: number | null;
  externalRef: string | null;
}
