// Which column of an uploaded file feeds which supplier field. A mapping is an array aligned with
// the file's headers: mapping[i] is the field column i goes to, or null to ignore the column.
// Pure module: no node, kysely or remix imports.

import { normalizeName } from "~/domain/supply-chain/normalize";
import { FIELD_KEYS, SUPPLIER_FIELDS, fieldByKey, isExportOnlyColumn, isFieldKey, type FieldKey } from "./fields";

export type ColumnMapping = Array<FieldKey | null>;
/** What an organization remembers between imports: normalised header text → field (null = ignore). */
export type RememberedMapping = Record<string, FieldKey | null>;

/** Header text as mappings compare it: "Vendor No." → "vendor no", "E-Mail" → "e mail". */
export function normalizeHeader(header: string): string {
  return normalizeName(header);
}

// Header spellings seen in ERP exports (SAP, Oracle, Dynamics, Coupa, Excel lists), compared after
// normalizeHeader. A header with a parenthetical unit is also tried without it ("Annual Spend (EUR)").
const SYNONYMS: Record<FieldKey, readonly string[]> = {
  external_ref: [
    "ref",
    "reference",
    "external ref",
    "external reference",
    "external id",
    "vendor id",
    "vendor no",
    "vendor number",
    "vendor code",
    "supplier id",
    "supplier no",
    "supplier number",
    "supplier code",
    "supplier ref",
    "supplier reference",
    "erp id",
    "erp ref",
    "erp reference",
    "erp vendor id",
    "id",
    "account number",
    "creditor",
    "creditor number",
    "kreditor",
    "lieferantennummer",
    "no",
    "factory id",
    "facility id",
    "site id",
    "factory code",
    "facility code",
  ],
  name: [
    "name",
    "supplier",
    "supplier name",
    "vendor name",
    "company",
    "company name",
    "legal name",
    "business name",
    "organisation",
    "organization",
    "organisation name",
    "organization name",
    "factory",
    "factory name",
    "facility name",
    "site name",
    "name 1",
    "name1",
    "lieferant",
  ],
  country: [
    "country",
    "country code",
    "country region",
    "country or region",
    "iso country",
    "iso country code",
    "country iso",
    "country iso code",
    "country name",
    "nation",
    "land",
    "pays",
    "pais",
  ],
  address: ["address", "street", "street address", "address line 1", "address 1", "street and number", "strasse", "adresse"],
  city: ["city", "town", "city town", "locality", "ort", "stadt", "ville"],
  latitude: ["lat", "latitude", "gps latitude", "geo latitude"],
  longitude: ["lng", "lon", "long", "longitude", "gps longitude", "geo longitude"],
  sector: ["sector", "industry", "category", "vendor category", "supplier category", "commodity group", "branche"],
  goods: ["goods", "products", "product", "commodities", "commodity", "materials", "items", "product categories", "produkte"],
  annual_spend: [
    "spend",
    "annual spend",
    "annual spend usd",
    "yearly spend",
    "total spend",
    "spend amount",
    "purchase volume",
    "purchasing volume",
    "annual purchase volume",
    "einkaufsvolumen",
  ],
  currency: ["currency", "currency code", "curr", "ccy", "waehrung", "wahrung", "devise"],
  workers_count: [
    "workers",
    "workers count",
    "number of workers",
    "no of workers",
    "worker count",
    "employees",
    "number of employees",
    "no of employees",
    "employee count",
    "headcount",
    "head count",
    "staff",
    "workforce",
    "mitarbeiter",
  ],
  contact_name: ["contact", "contact name", "contact person", "contact person name", "ansprechpartner"],
  contact_email: [
    "email",
    "e mail",
    "email address",
    "e mail address",
    "contact email",
    "contact e mail",
    "contact email address",
    "mail",
    "supplier email",
    "vendor email",
  ],
  os_id: ["os id", "osid", "open supply hub id", "open supply hub", "oar id", "open apparel registry id", "osh id"],
  duns: ["duns", "duns number", "duns no", "d u n s", "d u n s number", "dunsnumber"],
  lei: ["lei", "lei code", "legal entity identifier"],
  tax_id: ["tax id", "tax number", "vat", "vat id", "vat number", "vat no", "vat registration number", "tin", "ust id", "ustid"],
  notes: ["notes", "note", "comment", "comments", "remarks", "remark", "description", "bemerkung"],
  status: ["status", "vendor status", "supplier status"],
  supplies_to: [
    "supplies to",
    "supplies",
    "buyers",
    "buyer",
    "buyer refs",
    "buyer references",
    "customer refs",
    "customers",
    "customer references",
    "sells to",
    "tier 1 ref",
    "parent",
    "parent ref",
    "parent supplier",
    "delivers to",
  ],
};

const BY_KEY = new Map<string, FieldKey>();
const BY_LABEL = new Map<string, FieldKey>();
const BY_SYNONYM = new Map<string, FieldKey>();
for (const f of SUPPLIER_FIELDS) {
  BY_KEY.set(normalizeHeader(f.key), f.key);
  BY_LABEL.set(normalizeHeader(f.label), f.key);
}
for (const key of FIELD_KEYS) for (const s of SYNONYMS[key]) if (!BY_SYNONYM.has(s)) BY_SYNONYM.set(s, key);

/** The header, then the header without a trailing "(…)" unit: "annual spend eur" → "annual spend". */
function candidates(header: string): string[] {
  const full = normalizeHeader(header);
  const paren = header.indexOf("(");
  if (paren <= 0) return [full];
  const bare = normalizeHeader(header.slice(0, paren));
  return bare === "" || bare === full ? [full] : [full, bare];
}

/**
 * Suggested field per header (index-aligned; null = ignore). Strongest evidence first, over all
 * headers: the organization's remembered mapping, then the exact field key, the label, the synonym
 * table. No field is suggested twice; within one kind of evidence the leftmost header wins.
 * The export's own computed columns (risk_score, risk_band) are always ignored, whatever was
 * remembered: importing an exported file must not write a score into some field.
 */
export function suggestMapping(headers: readonly string[], remembered?: RememberedMapping | null): ColumnMapping {
  const result: ColumnMapping = headers.map(() => null);
  const decided = headers.map((h) => isExportOnlyColumn(h));
  const used = new Set<FieldKey>();
  const assign = (i: number, field: FieldKey | null) => {
    decided[i] = true;
    if (field !== null && !used.has(field)) {
      used.add(field);
      result[i] = field;
    }
  };
  if (remembered) {
    headers.forEach((h, i) => {
      const norm = normalizeHeader(h);
      if (decided[i] || !Object.prototype.hasOwnProperty.call(remembered, norm)) return;
      const field = remembered[norm];
      // A stored mapping may predate a field rename: ignore what is no longer a field.
      if (field === null) assign(i, null);
      else if (isFieldKey(field)) assign(i, field);
    });
  }
  for (const table of [BY_KEY, BY_LABEL, BY_SYNONYM]) {
    headers.forEach((h, i) => {
      if (decided[i]) return;
      for (const c of candidates(h)) {
        const field = table.get(c);
        if (field !== undefined && !used.has(field)) {
          assign(i, field);
          return;
        }
      }
    });
  }
  return result;
}

export interface MappingProblem {
  field?: FieldKey;
  /** 0-based column index, when the problem is about one column. */
  column?: number;
  message: string;
}

/** Problems that block an import: required fields unmapped, a field fed by two columns, a bad shape. */
export function validateMapping(headers: readonly string[], mapping: ReadonlyArray<FieldKey | null | undefined>): MappingProblem[] {
  const problems: MappingProblem[] = [];
  if (mapping.length !== headers.length) {
    problems.push({
      message: `The mapping has ${mapping.length} entries but the file has ${headers.length} columns.`,
    });
  }
  const firstColumn = new Map<FieldKey, number>();
  mapping.forEach((field, i) => {
    if (field === null || field === undefined) return;
    if (i >= headers.length) {
      problems.push({ column: i, message: `The mapping names column ${i + 1}, but the file has only ${headers.length} columns.` });
      return;
    }
    if (!isFieldKey(field)) {
      problems.push({ column: i, message: `Column "${headers[i]}" is mapped to "${String(field)}", which is not a supplier field.` });
      return;
    }
    const earlier = firstColumn.get(field);
    if (earlier !== undefined) {
      problems.push({
        field,
        column: i,
        message: `${fieldByKey(field).label} is mapped from both "${headers[earlier]}" and "${headers[i]}"; choose one.`,
      });
      return;
    }
    firstColumn.set(field, i);
  });
  for (const f of SUPPLIER_FIELDS) {
    if (f.required && !firstColumn.has(f.key)) {
      problems.push({ field: f.key, message: `${f.label} is required: choose the column that holds it.` });
    }
  }
  return problems;
}

/**
 * True when every header is a field key (any case) or one of the export's computed columns: the file
 * follows the template (or is an export), skip the mapping step.
 */
export function mappingIsExact(headers: readonly string[]): boolean {
  if (headers.length === 0) return false;
  const seen = new Set<string>();
  for (const h of headers) {
    const k = h.trim().toLowerCase();
    if (!(isFieldKey(k) || isExportOnlyColumn(k)) || seen.has(k)) return false;
    seen.add(k);
  }
  return true;
}

/** The mapping as the organization stores it for its next import (headers with no letters or digits are left out). */
export function rememberableMapping(headers: readonly string[], mapping: ReadonlyArray<FieldKey | null>): RememberedMapping {
  const out: RememberedMapping = {};
  headers.forEach((h, i) => {
    const norm = normalizeHeader(h);
    if (norm === "" || Object.prototype.hasOwnProperty.call(out, norm)) return;
    const field = mapping[i];
    out[norm] = field !== undefined && isFieldKey(field) ? field : null;
  });
  return out;
}
