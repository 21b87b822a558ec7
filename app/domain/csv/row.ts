// The shapes validation works in: a typed import row, a problem with a row, a conflict between rows
// that share a key, and how a row's fields are shown to the officer. Pure module.
import type { CountryResolver } from "./countries";
import type { FieldKey, SupplierStatus } from "./fields";

export interface RowIssue {
  /** Line of the file (0: the mapping / the file as a whole). */
  line: number;
  /** The file's header text for the cell, or the field label when the file has no such column. */
  column: string;
  field?: FieldKey;
  message: string;
}

export interface ImportRow {
  line: number;
  /** external_ref, or `n:${nameNorm}|${country}` when there is no reference. Unique in `rows`. */
  key: string;
  externalRef: string | null;
  name: string;
  nameNorm: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  address: string | null;
  city: string | null;
  /** WGS 84 decimal degrees; both set or both null. */
  latitude: number | null;
  longitude: number | null;
  sector: string | null;
  /** Canonical TVPRA spelling when the good is on the list, otherwise as typed. */
  goods: string[];
  annualSpend: number | null;
  /** ISO 4217, upper case. */
  currency: string | null;
  workersCount: number | null;
  contactName: string | null;
  contactEmail: string | null;
  osId: string | null;
  /** 9 digits, dashes removed. */
  duns: string | null;
  /** 20 characters, upper case. */
  lei: string | null;
  taxId: string | null;
  notes: string | null;
  status: SupplierStatus;
  /** External references of the buyers this supplier sells to; [] = the organization itself. */
  suppliesTo: string[];
}

export interface ValidationContext {
  resolveCountry: CountryResolver;
  /** normalizeName(good) → canonical TVPRA spelling. */
  goodsIndex: ReadonlyMap<string, string>;
  /** The officer's decision per conflict (Conflict.key); a conflict without one blocks the import. */
  resolutions?: ReadonlyMap<string, Resolution>;
}

/**
 * What to do with rows that share a key (reference, or name and country) but describe different
 * sites: keep the first row, keep the last, or import every row as its own supplier (each given a
 * reference of its own, ROW-<line>, or <reference>-ROW-<line> when they share a reference).
 */
export type Resolution = "first" | "last" | "both";
export const RESOLUTIONS: readonly Resolution[] = ["first", "last", "both"];

export interface ConflictRow {
  line: number;
  name: string;
  address: string | null;
  /** Values of the fields that differ from the group's first row, as written in the file (after reading). */
  values: Partial<Record<FieldKey, string>>;
}

export interface Conflict {
  /** The rows' shared key: stable for one file, so the decision can be stored with the import. */
  key: string;
  /** "reference V-1" or "Alpha Garment (VN)". */
  label: string;
  fields: FieldKey[];
  rows: ConflictRow[];
  resolution: Resolution | null;
}

/** How one distinct country cell was read: the ISO code, or null when unknown (a row error). */
export interface CountryReading {
  value: string;
  iso2: string | null;
  rows: number;
}

export interface ValidationResult {
  /** Valid rows, repeats removed, in file order. */
  rows: ImportRow[];
  errors: RowIssue[];
  warnings: RowIssue[];
  /** The fields the file maps, in SUPPLIER_FIELDS order: the importer updates only these on existing suppliers. */
  mappedFields: FieldKey[];
  /** Groups of rows for one key that describe different sites, in file order (resolved or not). */
  conflicts: Conflict[];
  /** Distinct country cells and how they were read (at most MAX_COUNTRY_READINGS). */
  countries: CountryReading[];
}

export const ROW_PROPERTY = {
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
} as const satisfies Record<FieldKey, keyof ImportRow>;

/** The row's value of a field as shown to the officer ("" when empty; lists joined with "|"). */
export function displayValue(row: Omit<ImportRow, "line" | "key" | "nameNorm">, f: FieldKey): string {
  const v = row[ROW_PROPERTY[f]];
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return v.join("|");
  return String(v);
}
