// The supplier form's values: every field as the form holds it (text, numbers as strings), and how a
// stored supplier becomes them for the edit page. Shared by the form, its sections and the routes.
import type { z } from "zod";
import { SUPPLIER_STATUSES, type SupplierEditSchema, type SupplierInput } from "./supplier";

export type SupplierFormValues = z.input<typeof SupplierEditSchema>;

/** What the edit form starts from: a stored supplier (as it arrives from the loader). */
export type SupplierLike = Omit<SupplierInput, "status"> & { status: string };

export function toFormValues(s: SupplierLike & { version?: number }): SupplierFormValues {
  const text = (v: string | null) => v ?? "";
  const num = (v: number | null) => (v == null ? "" : String(v));
  return {
    name: s.name,
    externalRef: text(s.externalRef),
    country: s.country,
    address: text(s.address),
    city: text(s.city),
    latitude: num(s.latitude),
    longitude: num(s.longitude),
    sector: text(s.sector),
    goods: s.goods,
    annualSpend: num(s.annualSpend),
    currency: text(s.currency),
    workersCount: num(s.workersCount),
    contactName: text(s.contactName),
    contactEmail: text(s.contactEmail),
    osId: text(s.osId),
    duns: text(s.duns),
    lei: text(s.lei),
    taxId: text(s.taxId),
    notes: text(s.notes),
    status: (SUPPLIER_STATUSES as readonly string[]).includes(s.status) ? (s.status as SupplierInput["status"]) : "active",
    version: s.version ?? 1,
  };
}
