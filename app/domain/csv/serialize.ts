// CSV out: the supplier export and the import template, safe to open in Excel / LibreOffice /
// Google Sheets. Pure module: no node, kysely or remix imports.

import { stringify } from "csv-stringify/sync";
import type { SupplierValues } from "./diff";
import { EXPORT_ONLY_COLUMNS, FIELD_KEYS, SUPPLIER_FIELDS, type FieldKey } from "./fields";

export interface ToCsvOptions {
  /** Prepend a UTF-8 byte-order mark so Excel opens accented text correctly (default false). */
  bom?: boolean;
  /** "," (default) or ";" for European Excel. */
  delimiter?: "," | ";";
}

// Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection"), plus the
// full-width forms Apple Numbers normalises to them.
const FORMULA_START = new Set(["=", "+", "-", "@", "\t", "\r", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"]);

/** "=HYPERLINK(…)" → "'=HYPERLINK(…)": the spreadsheet shows the text instead of running it. */
export function neutralizeFormula(cell: string): string {
  return cell.length > 0 && FORMULA_START.has(cell[0] as string) ? `'${cell}` : cell;
}

/**
 * Rows → CSV text (CRLF line ends, quotes only where needed). String cells are neutralised; numbers
 * are written as numbers, so -2 stays a negative number while the string "-2" becomes "'-2".
 * null/undefined and non-finite numbers become empty cells.
 */
export function toCsv(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>,
  opts: ToCsvOptions = {},
): string {
  const records: string[][] = [header.map(neutralizeFormula)];
  for (const row of rows) {
    const rec: string[] = new Array(row.length);
    for (let i = 0; i < row.length; i++) {
      const v = row[i];
      rec[i] = typeof v === "number" ? (Number.isFinite(v) ? String(v) : "") : v === null || v === undefined ? "" : neutralizeFormula(v);
    }
    records.push(rec);
  }
  return stringify(records, {
    bom: opts.bom === true,
    delimiter: opts.delimiter ?? ",",
    record_delimiter: "windows",
    // Without this, setting record_delimiter makes csv-stringify stop quoting cells that contain a
    // lone "\n" or "\r", which breaks the row apart in every reader.
    quote_record_delimiter: true,
  });
}

// Second template row: a fabric mill that sells to the first row's supplier (tier 2).
const SECOND_EXAMPLE: Record<FieldKey, string> = {
  external_ref: "V-2002",
  name: "Nam Dinh Weaving Mill",
  country: "Viet Nam",
  address: "45 Tran Hung Dao",
  city: "Nam Dinh",
  latitude: "20.4388",
  longitude: "106.1621",
  sector: "Textiles",
  goods: "Textiles",
  annual_spend: "",
  currency: "",
  workers_count: "320",
  contact_name: "",
  contact_email: "",
  os_id: "",
  duns: "",
  lei: "",
  tax_id: "",
  notes: "Fabric for V-1001",
  status: "active",
  supplies_to: "V-1001",
};

/** The downloadable import template: every field key as header and two example rows. */
export function templateCsv(opts: ToCsvOptions = {}): string {
  const header = SUPPLIER_FIELDS.map((f) => f.key);
  const first = SUPPLIER_FIELDS.map((f) => f.example);
  const second = SUPPLIER_FIELDS.map((f) => SECOND_EXAMPLE[f.key]);
  return toCsv(header, [first, second], opts);
}

/**
 * One supplier as an export row in template column order (FIELD_KEYS), so an exported list can be
 * edited and imported again without a mapping step. Lists are joined with "|"; numbers stay numbers.
 * Append extra read-only columns (tier, risk band…) after these: the importer ignores unknown columns
 * once they are mapped to "ignore".
 */
export function supplierCsvRow(s: SupplierValues): Array<string | number | null> {
  return [
    s.externalRef,
    s.name,
    s.country,
    s.address,
    s.city,
    s.latitude,
    s.longitude,
    s.sector,
    s.goods.join("|"),
    s.annualSpend,
    s.currency,
    s.workersCount,
    s.contactName,
    s.contactEmail,
    s.osId,
    s.duns,
    s.lei,
    s.taxId,
    s.notes,
    s.status,
    s.suppliesTo.join("|"),
  ];
}

/** The export's header: the template's columns, then the computed ones the import ignores. */
export const EXPORT_HEADER: readonly string[] = [...FIELD_KEYS, ...EXPORT_ONLY_COLUMNS];

/** The supplier export: template header + one row per supplier (formula-safe). */
export function suppliersToCsv(suppliers: Iterable<SupplierValues>, opts: ToCsvOptions = {}): string {
  const rows: Array<Array<string | number | null>> = [];
  for (const s of suppliers) rows.push(supplierCsvRow(s));
  return toCsv(FIELD_KEYS, rows, opts);
}
