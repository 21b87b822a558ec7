// The product forms: a product (name, SKU, HS code, description, final manufacturer), one
// bill-of-materials item (material, parent, supplier, raw material and its origin), removing an item,
// and the tracing pack's optional shipment. Parsed on the server from form data (strings).
import { z } from "zod";
import { isValidIsoDate } from "~/domain/questionnaire";
import { isDbId } from "./fields";

const NO_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const text = (max: number, label: string) =>
  z
    .string({ required_error: `Give the ${label.toLowerCase()}` })
    .trim()
    .max(max, `${label}: at most ${max} characters`)
    .refine((s) => !NO_CONTROL.test(s), `${label} contains characters that cannot be stored`);

const optional = (max: number, label: string) => z.union([text(max, label), z.undefined(), z.null()]).transform((v) => (v ? v : null));

/** "", undefined or "none" → null; a database id → number; anything else is refused. */
const optionalId = (label: string) =>
  z
    .union([z.string(), z.undefined(), z.null()])
    .refine((v) => !v || v === "none" || isDbId(v), `${label}: choose one from the list`)
    .transform((v) => (v && v !== "none" ? Number(v) : null));

export const ProductSchema = z.object({
  name: text(200, "Name").pipe(z.string().min(2, "Give the product's name")),
  sku: text(64, "SKU")
    .pipe(z.string().min(1, "Give the SKU"))
    .refine((s) => /^[\p{L}\p{N}][\p{L}\p{N}._\-/ ]*$/u.test(s), "SKU: letters, digits, and . _ - / or spaces"),
  // Dots and spaces as people write HS codes ("6109.10") are accepted and dropped.
  hsCode: z
    .string({ required_error: "Give the HS code" })
    .trim()
    .transform((s) => s.replace(/[.\s]/g, ""))
    .refine((s) => /^\d{6,10}$/.test(s), "HS code: 6 to 10 digits, e.g. 610910"),
  description: optional(2000, "Description"),
  madeBy: optionalId("Final manufacturer"),
  /** Editing: no manufacturer chosen in the picker keeps the current one. */
  keepMadeBy: z.union([z.string(), z.undefined()]).transform((v) => v === "1"),
  version: z.union([z.string(), z.undefined()]).transform((v) => (v && /^\d{1,9}$/.test(v) ? Number(v) : null)),
});
export type ProductInput = z.infer<typeof ProductSchema>;

const iso2 = z
  .union([z.string(), z.undefined(), z.null()])
  .transform((v) => (v ?? "").trim().toUpperCase())
  .refine((v) => v === "" || /^[A-Z]{2}$/.test(v), "Country: two letters (ISO 3166-1), e.g. BR")
  .transform((v) => v || null);

const subdivision = z
  .union([z.string(), z.undefined(), z.null()])
  .transform((v) => (v ?? "").trim().toUpperCase())
  .refine((v) => v === "" || /^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(v), "Subdivision: an ISO 3166-2 code, e.g. CN-XJ or BR-MT")
  .transform((v) => v || null);

export const BomItemSchema = z
  .object({
    material: text(200, "Material").pipe(z.string().min(2, "Name the material or input")),
    parentId: optionalId("Goes into"),
    /** The supplier chosen in the list; `supplierSearchId` (the search picker) wins when given. */
    supplierId: optionalId("Supplier"),
    supplierSearchId: optionalId("Supplier"),
    isRaw: z.union([z.string(), z.undefined()]).transform((v) => v === "on" || v === "true" || v === "1"),
    originCountry: iso2,
    originSubdivision: subdivision,
    originRegion: optional(200, "Region"),
  })
  .superRefine((v, ctx) => {
    if (v.originSubdivision && v.originCountry && !v.originSubdivision.startsWith(`${v.originCountry}-`)) {
      ctx.addIssue({
        code: "custom",
        path: ["originSubdivision"],
        message: `Subdivision ${v.originSubdivision} is not in ${v.originCountry}`,
      });
    }
    if (v.originSubdivision && !v.originCountry) {
      ctx.addIssue({ code: "custom", path: ["originCountry"], message: "Give the country of the subdivision" });
    }
  })
  .transform((v) => ({
    material: v.material,
    parentId: v.parentId,
    supplierId: v.supplierSearchId ?? v.supplierId,
    isRaw: v.isRaw,
    origin: v.isRaw
      ? { country: v.originCountry, subdivision: v.originSubdivision, region: v.originRegion }
      : { country: null, subdivision: null, region: null },
  }));
export type BomItemInput = z.infer<typeof BomItemSchema>;

export const ShipmentSchema = z
  .object({
    shipmentRef: optional(100, "Shipment reference"),
    shipmentDate: z
      .union([z.string(), z.undefined(), z.null()])
      .transform((v) => (v ?? "").trim())
      .refine((v) => v === "" || (/^\d{4}-\d{2}-\d{2}$/.test(v) && isValidIsoDate(v)), "Shipment date: a date like 2026-12-01")
      .transform((v) => v || null),
    quantity: optional(100, "Quantity"),
  })
  .transform((v) =>
    v.shipmentRef || v.shipmentDate || v.quantity ? { ref: v.shipmentRef, date: v.shipmentDate, quantity: v.quantity } : null,
  );
export type ShipmentInput = z.infer<typeof ShipmentSchema>;
