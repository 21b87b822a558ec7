// What an import row would change on the supplier it matches: the preview's new / changed /
// unchanged counts and the per-field change list.
// Pure module: no node, kysely or remix imports.

import { FIELD_KEYS, type FieldKey } from "./fields";
import type { ImportRow } from "./row";

/** The supplier fields an import row carries (everything but its position in the file). */
export type SupplierValues = Omit<ImportRow, "line" | "key">;

/**
 * A stored supplier as the importer compares it: the same fields as an import row, with
 * `suppliesTo` = the external references of the suppliers it sells to (compared as a set, like goods).
 */
export type ExistingSupplier = SupplierValues;

export type DiffKind = "new" | "changed" | "unchanged";

export interface SupplierDiff {
  kind: DiffKind;
  /** Fields whose value would change, in SUPPLIER_FIELDS order (empty for "new" and "unchanged"). */
  changes: FieldKey[];
}

type Comparable = Omit<SupplierValues, "nameNorm">;

const PROPERTY: Record<FieldKey, keyof Comparable> = {
  external_ref: "externalRef",
  name: "name",
  country: "country",
  address: "address",
  city: "city",
  latitude: "latitude",
  longitude: "longitude",
  sector: "sector",
  goods: "goods",
  annual_spend: "annualSpend",
  currency: "currency",
  workers_count: "workersCount",
  contact_name: "contactName",
  contact_email: "contactEmail",
  os_id: "osId",
  duns: "duns",
  lei: "lei",
  tax_id: "taxId",
  notes: "notes",
  status: "status",
  supplies_to: "suppliesTo",
};

/**
 * `fields`: the fields the import file maps. Pass it so that a column the file does not have never
 * shows up as a change (the importer must not clear those fields either). Default: all fields.
 */
export function diffSupplier(
  row: SupplierValues,
  existing: ExistingSupplier | undefined,
  fields: readonly FieldKey[] = FIELD_KEYS,
): SupplierDiff {
  if (existing === undefined) return { kind: "new", changes: [] };
  const changes = changedFields(row, existing, fields);
  return { kind: changes.length === 0 ? "unchanged" : "changed", changes };
}

/** Fields (of `fields`, in that order) whose values differ: lists as sets, numbers numerically. */
export function changedFields(a: Comparable, b: Comparable, fields: readonly FieldKey[] = FIELD_KEYS): FieldKey[] {
  const out: FieldKey[] = [];
  for (const f of fields) {
    const prop = PROPERTY[f];
    if (!sameValue(a[prop], b[prop])) out.push(f);
  }
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || a === undefined || b === null || b === undefined) {
    // An empty list and "no value" mean the same for goods and supplies_to.
    return isEmptyish(a) && isEmptyish(b);
  }
  if (typeof a === "number" && typeof b === "number") return sameNumber(a, b);
  if (Array.isArray(a) && Array.isArray(b)) return sameSet(a as string[], b as string[]);
  return false;
}

function isEmptyish(v: unknown): boolean {
  return v === null || v === undefined || (Array.isArray(v) && v.length === 0);
}

/** Equal up to float noise (a spend stored as NUMERIC comes back as 1200.5 for "1,200.50"). */
function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === b.length) {
    let inOrder = true;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) inOrder = false;
    if (inOrder) return true;
  }
  const sa = new Set(a);
  const sb = new Set(b);
  if (sa.size !== sb.size) return false;
  for (const x of sa) if (!sb.has(x)) return false;
  return true;
}
