// The columns of the supplier CSV import, in template order. The import page documents them and
// templateCsv() (serialize.ts) writes them as the template header, so there is one source of truth.
// Pure module: no node, kysely or remix imports.

export interface SupplierField {
  /** Column name in the template and in an exact file (then the mapping step is skipped). */
  readonly key: string;
  /** Human name, shown in the mapping step and in row errors when the file has no such column. */
  readonly label: string;
  readonly required: boolean;
  /** One-line explanation for the import page. */
  readonly help: string;
  /** Example value (first template row). */
  readonly example: string;
  /** Longest accepted text, in characters (text fields; for goods and supplies_to: each item). */
  readonly maxLength?: number;
}

export const SUPPLIER_FIELDS = [
  {
    key: "external_ref",
    label: "Reference",
    required: false,
    help:
      "Your ERP vendor id, unique in your organization. Re-importing a file updates the supplier with the same reference; " +
      "without one, suppliers are matched by name and country.",
    example: "V-1001",
    maxLength: 100,
  },
  {
    key: "name",
    label: "Name",
    required: true,
    help: "Legal or trading name.",
    example: "Saigon Stitch Garment Co., Ltd.",
    maxLength: 200,
  },
  {
    key: "country",
    label: "Country",
    required: true,
    help: 'ISO 3166 two-letter code ("VN") or English country name ("Vietnam", "Viet Nam"), any case.',
    example: "VN",
  },
  {
    key: "address",
    label: "Address",
    required: false,
    help: "Street address of the site.",
    example: "12 Tan Thuan Road, District 7",
    maxLength: 300,
  },
  { key: "city", label: "City", required: false, help: "City or town.", example: "Ho Chi Minh City", maxLength: 200 },
  {
    key: "latitude",
    label: "Latitude",
    required: false,
    help:
      "Position of the site in decimal degrees, -90 to 90 (WGS 84, as in brand factory lists). " +
      "Give both latitude and longitude, or neither.",
    example: "10.7626",
  },
  {
    key: "longitude",
    label: "Longitude",
    required: false,
    help: "Decimal degrees, -180 to 180. Give both latitude and longitude, or neither.",
    example: "106.7216",
  },
  { key: "sector", label: "Sector", required: false, help: "Industry, free text.", example: "Apparel", maxLength: 200 },
  {
    key: "goods",
    label: "Goods",
    required: false,
    help:
      'Goods the supplier produces, separated by "|" or ";" ("Cotton|Garments"). ' +
      "Names from the US DoL TVPRA list feed the risk score; other names are kept as typed.",
    example: "Garments|Cotton",
    maxLength: 200,
  },
  {
    key: "annual_spend",
    label: "Annual spend",
    required: false,
    help: 'Number ≥ 0. "." or "," as decimal mark; thousands separators are accepted ("1,200,000.50", "1.200.000,50", "1 200 000").',
    example: "1250000.50",
  },
  {
    key: "currency",
    label: "Currency",
    required: false,
    help: "ISO 4217 code of the spend (three letters, e.g. USD, EUR).",
    example: "USD",
  },
  { key: "workers_count", label: "Workers", required: false, help: "Number of workers at the site (whole number ≥ 0).", example: "850" },
  {
    key: "contact_name",
    label: "Contact name",
    required: false,
    help: "Person to send questionnaires to.",
    example: "Nguyen Thi Lan",
    maxLength: 200,
  },
  {
    key: "contact_email",
    label: "Contact e-mail",
    required: false,
    help: "E-mail address of the contact.",
    example: "lan.nguyen@example.com",
    maxLength: 254,
  },
  {
    key: "os_id",
    label: "Open Supply Hub ID",
    required: false,
    help: "The facility's Open Supply Hub (OS ID) identifier.",
    example: "VN2021076F4R8XW",
    maxLength: 32,
  },
  { key: "duns", label: "DUNS", required: false, help: "Dun & Bradstreet number: 9 digits, dashes allowed.", example: "15-048-3782" },
  { key: "lei", label: "LEI", required: false, help: "Legal Entity Identifier: 20 letters and digits.", example: "5493001KJTIIGC8Y1R12" },
  { key: "tax_id", label: "Tax ID", required: false, help: "VAT or tax registration number.", example: "0301234567", maxLength: 100 },
  {
    key: "notes",
    label: "Notes",
    required: false,
    help: "Free text, up to 2,000 characters.",
    example: "Main cut-and-sew site",
    maxLength: 2000,
  },
  {
    key: "status",
    label: "Status",
    required: false,
    help: "active, inactive or archived (any case); empty means active.",
    example: "active",
  },
  {
    key: "supplies_to",
    label: "Supplies to",
    required: false,
    help: 'References of the suppliers this one sells to, separated by "|" or ";". Empty: it supplies your organization directly (tier 1).',
    example: "",
    maxLength: 100,
  },
] as const satisfies readonly SupplierField[];

export type FieldKey = (typeof SUPPLIER_FIELDS)[number]["key"];

/**
 * Columns the export writes after the template's: facts Lantern computes, not fields a file can set.
 * The import knows them and always ignores them, so an exported file can be edited and imported
 * again as it is.
 */
export const EXPORT_ONLY_COLUMNS = ["risk_score", "risk_band"] as const;
export type ExportOnlyColumn = (typeof EXPORT_ONLY_COLUMNS)[number];

export function isExportOnlyColumn(header: string): boolean {
  return (EXPORT_ONLY_COLUMNS as readonly string[]).includes(header.trim().toLowerCase());
}

export const FIELD_KEYS: readonly FieldKey[] = SUPPLIER_FIELDS.map((f) => f.key);

const FIELD_BY_KEY = new Map<string, SupplierField>(SUPPLIER_FIELDS.map((f) => [f.key, f]));

export function isFieldKey(value: unknown): value is FieldKey {
  return typeof value === "string" && FIELD_BY_KEY.has(value);
}

export function fieldByKey(key: FieldKey): SupplierField {
  // Every FieldKey is in the map by construction.
  return FIELD_BY_KEY.get(key) as SupplierField;
}

export const SUPPLIER_STATUSES = ["active", "inactive", "archived"] as const;
export type SupplierStatus = (typeof SUPPLIER_STATUSES)[number];
