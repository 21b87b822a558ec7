// Parsed CSV rows + column mapping → typed import rows, row errors and row warnings.
// Pure module: no node, kysely or remix imports.
//
// Every cell is checked before anything is written; one row can yield several errors. The hot loop
// is hand-written (no zod, regexes compiled once, per-value caches for countries and goods) because
// a 100,000-row import must validate in well under 300 ms.
//
// Decisions the importer relies on:
// - Empty cell → null (goods / supplies_to → []); an empty or unmapped status → "active".
// - A cell that our own export neutralised ("'=SUM(…)", "'-Acme") loses the leading apostrophe,
//   so export → import is lossless.
// - Row key = external_ref, or `n:<normalised name>|<iso2>` when the row has no reference.
//   A key seen again: identical values → a warning and the repeat is dropped; different values → an error.
// - supplies_to is checked only for the row's own reference; existence and cycles are the
//   service's job (they need the database).
// - Numbers: see parseNumber. Ambiguous "1,200" / "1.200" (one separator, three digits after it)
//   is read as a thousands separator unless other values in the same column show that this
//   separator is the decimal mark there ("0,5", "12,75", "1.200,50").

import { normalizeName } from "~/domain/supply-chain/normalize";
import type { CountryResolver } from "./countries";
import { changedFields } from "./diff";
import { addressMatchKey, nameMatchKey } from "./match";
import { SUPPLIER_FIELDS, fieldByKey, type FieldKey, type SupplierStatus } from "./fields";
import { validateMapping } from "./mapping";
import type { CsvRow } from "./parse";

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

const MAX_COUNTRY_READINGS = 500;

const MAX_LIST_ITEMS = 100;
const MAX_SPEND = 1e15;
const MAX_WORKERS = 10_000_000;

const LIST_SPLIT = /[|;]/;
const EMAIL = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\]{2,}$/;
const CURRENCY = /^[A-Za-z]{3}$/;
const OS_ID = /^[A-Za-z0-9]{6,32}$/;
const DUNS_SEPARATORS = /[-\s]/g;
const DUNS = /^\d{9}$/;
const LEI_SPACES = /\s/g;
const LEI = /^[A-Z0-9]{18}\d{2}$/;
const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;
const SCIENTIFIC = /^\d+(?:\.\d+)?[eE][+-]?\d+$/;
const DIGITS = /^\d+$/;
const GROUPING_CHARS = /[\s\u00a0\u202f\u2009'’]/g;
const HAS_GROUPING_CHAR = /[\s\u00a0\u202f\u2009'’]/;
const REF_FORBIDDEN = /[|;]/;
// Full-width = + - @, which serialize.ts neutralises too.
const FULLWIDTH_FORMULA = new Set([0xff1d, 0xff0b, 0xff0d, 0xff20]);

// Longest text per field, from fields.ts (read as MAX.name etc.: constant property loads in the hot loop).
const MAX = {} as Record<FieldKey, number>;
for (const f of SUPPLIER_FIELDS) MAX[f.key] = "maxLength" in f ? f.maxLength : Infinity;

type Col = number; // column index, -1 when the field is not mapped

export function validateSupplierRows(
  rows: readonly CsvRow[],
  headers: readonly string[],
  mapping: ReadonlyArray<FieldKey | null>,
  ctx: ValidationContext,
): ValidationResult {
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const mappedFields = SUPPLIER_FIELDS.map((f) => f.key).filter((k) => mapping.includes(k));

  const problems = validateMapping(headers, mapping);
  if (problems.length > 0) {
    for (const p of problems) {
      const column = p.column !== undefined ? (headers[p.column] ?? `column ${p.column + 1}`) : p.field ? fieldByKey(p.field).label : "";
      errors.push({ line: 0, column, ...(p.field ? { field: p.field } : {}), message: p.message });
    }
    return { rows: [], errors, warnings, mappedFields, conflicts: [], countries: [] };
  }

  const col = (key: FieldKey): Col => mapping.indexOf(key);
  const c = {
    external_ref: col("external_ref"),
    name: col("name"),
    country: col("country"),
    address: col("address"),
    city: col("city"),
    latitude: col("latitude"),
    longitude: col("longitude"),
    sector: col("sector"),
    goods: col("goods"),
    annual_spend: col("annual_spend"),
    currency: col("currency"),
    workers_count: col("workers_count"),
    contact_name: col("contact_name"),
    contact_email: col("contact_email"),
    os_id: col("os_id"),
    duns: col("duns"),
    lei: col("lei"),
    tax_id: col("tax_id"),
    notes: col("notes"),
    status: col("status"),
    supplies_to: col("supplies_to"),
  } satisfies Record<FieldKey, Col>;
  const columnName = (key: FieldKey): string => {
    const i = c[key];
    return i >= 0 ? (headers[i] as string) : fieldByKey(key).label;
  };
  const names = {} as Record<FieldKey, string>;
  for (const f of SUPPLIER_FIELDS) names[f.key] = columnName(f.key);

  // The decimal mark of a number column is only worked out when a value needs it ("1,200").
  let spendMark: DecimalMark | undefined;
  let workersMark: DecimalMark | undefined;
  const spendDecimal = () => (spendMark === undefined ? (spendMark = decimalMarkOf(rows, c.annual_spend)) : spendMark);
  const workersDecimal = () => (workersMark === undefined ? (workersMark = decimalMarkOf(rows, c.workers_count)) : workersMark);
  const goodsCache = new Map<string, ParsedGoods>();

  const out: ImportRow[] = [];
  // Key → its first row: the ImportRow when valid, else the index of the CsvRow (to compare cells).
  const seen = new Map<string, ImportRow | number>();
  const conflicts = new Map<string, Conflict>();
  const countryReadings = new Map<string, CountryReading>();
  const width = headers.length;

  // Per-row state read by the helpers below (created once, not per row: 100,000 rows).
  let line = 0;
  let cells: string[] = [];
  const err = (field: FieldKey, message: string) => {
    errors.push({ line, column: names[field], field, message });
  };
  const cell = (i: Col): string => {
    if (i < 0) return "";
    const v = cells[i] as string;
    // Undo our own formula neutralisation (serialize.ts): "'=x" → "=x".
    if (v.charCodeAt(0) === 39 && v.length > 1) {
      const n = v.charCodeAt(1);
      if (n === 61 || n === 43 || n === 45 || n === 64 || n === 9 || n === 13 || (n >= 0xff0b && FULLWIDTH_FORMULA.has(n)))
        return v.slice(1);
    }
    return v;
  };
  const text = (field: FieldKey, i: Col, max: number): string | null => {
    const v = cell(i);
    if (v === "") return null;
    if (v.length > max) {
      err(field, `${field} is too long (${v.length} characters, at most ${max})`);
      return null;
    }
    return v;
  };

  for (let r = 0; r < rows.length; r++) {
    const csvRow = rows[r] as CsvRow;
    line = csvRow.line;
    cells = csvRow.cells;
    if (csvRow.columnCount !== undefined) {
      const hint = csvRow.columnCount > width ? " (a cell that contains the delimiter must be in quotes)" : "";
      errors.push({ line, column: "Row", message: `line ${line} has ${csvRow.columnCount} columns, the header has ${width}${hint}` });
      continue;
    }
    const errorsBefore = errors.length;

    // Reference
    let externalRef = text("external_ref", c.external_ref, MAX.external_ref);
    if (externalRef !== null && REF_FORBIDDEN.test(externalRef)) {
      err("external_ref", `external_ref must not contain "|" or ";" (they separate references in supplies_to), got '${show(externalRef)}'`);
      externalRef = null;
    }

    // Name
    const name = text("name", c.name, MAX.name);
    let nameNorm = "";
    if (name === null) {
      if (cell(c.name) === "") err("name", "name is required");
    } else {
      nameNorm = normalizeName(name);
      if (nameNorm === "") err("name", `name must contain letters or digits, got '${show(name)}'`);
    }

    // Country
    const countryCell = cell(c.country);
    let country: string | null = null;
    if (countryCell === "") err("country", "country is required");
    else {
      country = ctx.resolveCountry(countryCell);
      if (country === null) err("country", `country '${show(countryCell)}' is not a known country or ISO code`);
      const reading = countryReadings.get(countryCell);
      if (reading !== undefined) reading.rows++;
      else if (countryReadings.size < MAX_COUNTRY_READINGS)
        countryReadings.set(countryCell, { value: countryCell, iso2: country, rows: 1 });
    }

    const address = text("address", c.address, MAX.address);
    const city = text("city", c.city, MAX.city);
    const sector = text("sector", c.sector, MAX.sector);

    // Coordinates: both or neither, in range.
    let latitude: number | null = null;
    let longitude: number | null = null;
    const latCell = cell(c.latitude);
    const lngCell = cell(c.longitude);
    if (latCell !== "" || lngCell !== "") {
      const lat = latCell === "" ? null : parseCoordinate(latCell, 90);
      const lng = lngCell === "" ? null : parseCoordinate(lngCell, 180);
      if (Number.isNaN(lat)) err("latitude", `latitude must be a number from -90 to 90 (decimal degrees), got '${show(latCell)}'`);
      if (Number.isNaN(lng)) err("longitude", `longitude must be a number from -180 to 180 (decimal degrees), got '${show(lngCell)}'`);
      if (lat === null) err("latitude", "latitude is empty but longitude is given: give both or neither");
      else if (lng === null) err("longitude", "longitude is empty but latitude is given: give both or neither");
      else if (!Number.isNaN(lat) && !Number.isNaN(lng)) {
        latitude = lat;
        longitude = lng;
      }
    }

    // Goods
    let goods: string[] = [];
    const goodsCell = cell(c.goods);
    if (goodsCell !== "") {
      let parsed = goodsCache.get(goodsCell);
      if (parsed === undefined) {
        parsed = parseGoods(goodsCell, ctx.goodsIndex);
        if (goodsCache.size < 50_000) goodsCache.set(goodsCell, parsed);
      }
      if (parsed.error !== null) err("goods", parsed.error);
      else {
        goods = parsed.goods;
        for (const u of parsed.unknown) {
          warnings.push({
            line,
            column: names.goods,
            field: "goods",
            message: `goods '${show(u)}' is not on the TVPRA list; kept as typed`,
          });
        }
      }
    }

    // Spend and currency
    let annualSpend: number | null = null;
    const spendCell = cell(c.annual_spend);
    if (spendCell !== "") {
      const n = parseNumber(spendCell, spendDecimal);
      if (Number.isNaN(n) || n < 0 || n > MAX_SPEND) {
        err("annual_spend", `annual_spend must be a number ≥ 0 (e.g. 1200000.50, 1,200,000.50 or 1.200.000,50), got '${show(spendCell)}'`);
      } else annualSpend = n;
    }
    let currency: string | null = null;
    const currencyCell = cell(c.currency);
    if (currencyCell !== "") {
      if (CURRENCY.test(currencyCell)) currency = currencyCell.toUpperCase();
      else err("currency", `currency must be a three-letter ISO 4217 code such as USD or EUR, got '${show(currencyCell)}'`);
    }

    // Workers
    let workersCount: number | null = null;
    const workersCell = cell(c.workers_count);
    if (workersCell !== "") {
      const n = parseNumber(workersCell, workersDecimal);
      if (!Number.isInteger(n) || n < 0 || n > MAX_WORKERS) {
        err("workers_count", `workers_count must be a whole number ≥ 0, got '${show(workersCell)}'`);
      } else workersCount = n;
    }

    const contactName = text("contact_name", c.contact_name, MAX.contact_name);
    let contactEmail = text("contact_email", c.contact_email, MAX.contact_email);
    if (contactEmail !== null && !EMAIL.test(contactEmail)) {
      err("contact_email", `contact_email is not an e-mail address, got '${show(contactEmail)}'`);
      contactEmail = null;
    }

    // Identifiers
    let osId: string | null = null;
    const osCell = cell(c.os_id);
    if (osCell !== "") {
      if (OS_ID.test(osCell)) osId = osCell.toUpperCase();
      else err("os_id", `os_id must be 6 to 32 letters and digits (e.g. CN2019303BQ3FQV), got '${show(osCell)}'`);
    }
    let duns: string | null = null;
    const dunsCell = cell(c.duns);
    if (dunsCell !== "") {
      const d = dunsCell.replace(DUNS_SEPARATORS, "");
      if (DUNS.test(d)) duns = d;
      else err("duns", `duns must be 9 digits (dashes allowed), got '${show(dunsCell)}'`);
    }
    let lei: string | null = null;
    const leiCell = cell(c.lei);
    if (leiCell !== "") {
      const l = leiCell.replace(LEI_SPACES, "").toUpperCase();
      if (!LEI.test(l)) err("lei", `lei must be 20 letters and digits, got '${show(leiCell)}'`);
      else if (!leiChecksumOk(l)) err("lei", `lei '${show(leiCell)}' has wrong check digits (a typo?)`);
      else lei = l;
    }
    const taxId = text("tax_id", c.tax_id, MAX.tax_id);
    const notes = text("notes", c.notes, MAX.notes);

    // Status
    let status: SupplierStatus = "active";
    const statusCell = cell(c.status);
    if (statusCell !== "") {
      const s = statusCell.toLowerCase();
      if (s === "active" || s === "inactive" || s === "archived") status = s;
      else err("status", `status must be active, inactive or archived, got '${show(statusCell)}'`);
    }

    // Supplies to
    let suppliesTo: string[] = [];
    const suppliesCell = cell(c.supplies_to);
    if (suppliesCell !== "") {
      const refs = splitList(suppliesCell);
      if (refs.length > MAX_LIST_ITEMS) err("supplies_to", `supplies_to lists ${refs.length} references; at most ${MAX_LIST_ITEMS}`);
      else {
        const tooLong = refs.find((x) => x.length > 100);
        if (tooLong !== undefined) err("supplies_to", `supplies_to reference '${show(tooLong)}' is too long (at most 100 characters)`);
        else if (externalRef !== null && refs.includes(externalRef)) {
          err("supplies_to", `supplies_to names the supplier's own reference '${show(externalRef)}'`);
        } else suppliesTo = refs;
      }
    }

    const valid = errors.length === errorsBefore;
    const key = externalRef !== null ? externalRef : nameNorm !== "" && country !== null ? `n:${nameMatchKey(nameNorm)}|${country}` : null;
    const row: ImportRow | null = valid
      ? {
          line,
          key: key as string,
          externalRef,
          name: name as string,
          nameNorm,
          country: country as string,
          address,
          city,
          latitude,
          longitude,
          sector,
          goods,
          annualSpend,
          currency,
          workersCount,
          contactName,
          contactEmail,
          osId,
          duns,
          lei,
          taxId,
          notes,
          status,
          suppliesTo,
        }
      : null;
    if (key === null) continue;
    const prev = seen.get(key);
    if (prev === undefined) {
      seen.set(key, row ?? r);
      if (row !== null) out.push(row);
      continue;
    }
    // The same cells always validate the same way, so a valid and an invalid row always differ.
    let prevLine: number;
    let differing: FieldKey[] | null; // null: they differ, but not field by field
    if (typeof prev === "number") {
      const prevCsv = rows[prev] as CsvRow;
      prevLine = prevCsv.line;
      differing = row === null && sameCells(prevCsv.cells, cells) ? [] : null;
    } else {
      prevLine = prev.line;
      differing = row !== null ? changedFields(prev, row) : null;
    }
    if (differing !== null && differing.length === 0) {
      warnings.push({ line, column: "Row", message: `line ${line} repeats line ${prevLine}; imported once` });
      continue;
    }
    if (differing !== null && row !== null && typeof prev !== "number") {
      if (sameSite(prev, row)) {
        // One site written two ways ("Co., Ltd." / "Co. Ltd", "Rd." / "Road"): one supplier, the
        // first row's values, with what only the later row gives filled in.
        const filled = fillEmpty(prev, row, differing);
        const kept = differing.filter((f) => !filled.includes(f) && displayValue(row, f) !== "");
        const detail = [
          filled.length ? `filled in ${filled.join(", ")} from line ${line}` : "",
          kept.length ? `kept line ${prevLine}'s ${kept.join(", ")}` : "",
        ]
          .filter(Boolean)
          .join("; ");
        warnings.push({
          line,
          column: "Row",
          message: `line ${line} is the same supplier as line ${prevLine} (same name, country and address once normalised); imported once${detail ? `: ${detail}` : ""}`,
        });
        continue;
      }
      let group = conflicts.get(key);
      const decision = ctx.resolutions?.get(key) ?? null;
      if (group === undefined) {
        group = {
          key,
          label: externalRef !== null ? `reference ${externalRef}` : `${prev.name} (${prev.country})`,
          fields: [],
          rows: [{ line: prev.line, name: prev.name, address: prev.address, values: {} }],
          resolution: decision,
        };
        conflicts.set(key, group);
      }
      const first = group.rows[0] as ConflictRow;
      const values: Partial<Record<FieldKey, string>> = {};
      for (const f of differing) {
        values[f] = displayValue(row, f);
        if (!(f in first.values)) first.values[f] = displayValue(prev, f);
        if (!group.fields.includes(f)) group.fields.push(f);
      }
      group.rows.push({ line, name: row.name, address: row.address, values });
      if (decision === null) continue; // held back until the officer decides; the import is blocked
      if (decision === "first") {
        warnings.push({ line, column: "Row", message: `line ${line} skipped: you chose to keep line ${prevLine} for ${group.label}` });
        continue;
      }
      if (decision === "last") {
        const at = out.indexOf(prev);
        row.key = prev.key;
        if (at >= 0) out[at] = row;
        seen.set(key, row);
        warnings.push({
          line,
          column: "Row",
          message: `line ${line} replaces line ${prevLine}: you chose to keep the last row for ${group.label}`,
        });
        continue;
      }
      // "both": every row of the group becomes a supplier of its own, with a reference of its own.
      if (prev.externalRef === null) {
        prev.externalRef = `ROW-${prev.line}`;
        prev.key = prev.externalRef;
        warnings.push({
          line: prev.line,
          column: "Row",
          message: `line ${prev.line} imported as a separate supplier with reference ${prev.externalRef}`,
        });
      }
      row.externalRef = externalRef !== null ? `${externalRef}-ROW-${line}` : `ROW-${line}`;
      row.key = row.externalRef;
      if (seen.has(row.key)) {
        errors.push({
          line,
          column: names.external_ref,
          field: "external_ref",
          message: `line ${line} would get the reference ${row.key}, which the file already uses; give the rows references of their own`,
        });
        continue;
      }
      seen.set(row.key, row);
      out.push(row);
      warnings.push({ line, column: "Row", message: `line ${line} imported as a separate supplier with reference ${row.externalRef}` });
      continue;
    }
    const what = differing === null ? "" : ` (${differing.join(", ")})`;
    if (externalRef !== null) {
      errors.push({
        line,
        column: names.external_ref,
        field: "external_ref",
        message: `reference ${externalRef} also appears on line ${prevLine} with different values${what}`,
      });
    } else {
      errors.push({
        line,
        column: names.name,
        field: "name",
        message: `supplier '${show(name)}' (${country}) also appears on line ${prevLine} with different values${what}; give each a reference (external_ref) to import both`,
      });
    }
  }
  const unresolved = [...conflicts.values()].filter((g) => g.resolution === null).length;
  if (unresolved > 0) {
    // Counted as one problem per group in the totals; the page lists them with a choice each.
    for (const g of conflicts.values()) {
      if (g.resolution !== null) continue;
      const lines = g.rows.map((r) => r.line);
      errors.push({
        line: lines[1] as number,
        column: "Row",
        message: `${g.label} appears on lines ${lines.join(", ")} with different ${g.fields.join(", ")}: choose which row to keep, or import them as separate suppliers`,
      });
    }
    errors.sort((a, b) => a.line - b.line);
  }
  return { rows: out, errors, warnings, mappedFields, conflicts: [...conflicts.values()], countries: [...countryReadings.values()] };
}

/**
 * Same name, country and address (street and city) once normalised (legal forms, abbreviations,
 * punctuation, case), and not placed more than about a kilometre apart when both rows give a position.
 */
function sameSite(a: ImportRow, b: ImportRow): boolean {
  return (
    a.country === b.country &&
    (a.nameNorm === b.nameNorm || nameMatchKey(a.nameNorm) === nameMatchKey(b.nameNorm)) &&
    (a.address === b.address || addressMatchKey(a.address) === addressMatchKey(b.address)) &&
    (a.city === b.city || addressMatchKey(a.city) === addressMatchKey(b.city)) &&
    !farApart(a, b)
  );
}

function farApart(a: ImportRow, b: ImportRow): boolean {
  if (a.latitude === null || b.latitude === null || a.longitude === null || b.longitude === null) return false;
  return Math.abs(a.latitude - b.latitude) > 0.01 || Math.abs(a.longitude - b.longitude) > 0.01;
}

const ROW_PROPERTY = {
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

/** Copies into `into` the fields (of `fields`) that are empty there and set in `from`; returns them. */
function fillEmpty(into: ImportRow, from: ImportRow, fields: readonly FieldKey[]): FieldKey[] {
  const filled: FieldKey[] = [];
  const target = into as unknown as Record<string, unknown>;
  for (const f of fields) {
    const p = ROW_PROPERTY[f];
    const have = into[p];
    const give = from[p];
    const empty = have === null || (Array.isArray(have) && have.length === 0);
    const given = give !== null && !(Array.isArray(give) && give.length === 0);
    if (empty && given) {
      target[p] = give;
      filled.push(f);
    }
  }
  // Coordinates go in pairs: never take one from each row.
  if (filled.includes("latitude") !== filled.includes("longitude")) {
    target.latitude = from.latitude;
    target.longitude = from.longitude;
  }
  return filled;
}

/** A cell value quoted in a message: long values are cut so one bad cell cannot flood the preview. */
function show(v: string | null): string {
  if (v === null) return "";
  return v.length > 60 ? `${v.slice(0, 57)}…` : v;
}

function sameCells(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** "a | b;c" → ["a", "b", "c"]: trimmed, empties dropped, first spelling of each kept. */
function splitList(v: string): string[] {
  const semicolon = v.indexOf(";") !== -1;
  if (!semicolon && v.indexOf("|") === -1) return [v];
  const out: string[] = [];
  // A one-character string separator takes V8's fast split path; the regex only when ";" is used.
  for (const part of semicolon ? v.split(LIST_SPLIT) : v.split("|")) {
    const p = part.trim();
    if (p !== "" && !out.includes(p)) out.push(p);
  }
  return out;
}

interface ParsedGoods {
  goods: string[];
  unknown: string[];
  error: string | null;
}

function parseGoods(v: string, index: ReadonlyMap<string, string>): ParsedGoods {
  const items = splitList(v);
  if (items.length > MAX_LIST_ITEMS)
    return { goods: [], unknown: [], error: `goods lists ${items.length} items; at most ${MAX_LIST_ITEMS}` };
  const goods: string[] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (item.length > 200) return { goods: [], unknown: [], error: `goods '${show(item)}' is too long (at most 200 characters)` };
    const norm = normalizeName(item);
    const canonical = index.get(norm);
    const good = canonical ?? item;
    const dedupe = norm === "" ? item : norm;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    goods.push(good);
    if (canonical === undefined) unknown.push(item);
  }
  return { goods, unknown, error: null };
}

// ---------------------------------------------------------------------------------------------
// Numbers

const COORDINATE = /^[+-]?\d{1,3}(?:[.,]\d+)?$/;

/** "10.7626", "-33,86", "+151" → number within ±limit; NaN otherwise (no thousands separators here). */
export function parseCoordinate(raw: string, limit: number): number {
  if (!COORDINATE.test(raw)) return NaN;
  const n = Number(raw.indexOf(",") === -1 ? raw : raw.replace(",", "."));
  return n >= -limit && n <= limit ? n : NaN;
}

type DecimalMark = "." | "," | null;

/**
 * The decimal mark a column uses, from its unambiguous values: both separators ("1.200,50": the
 * last one), a separator repeated ("1.200.000": the other one), or one separator not followed by
 * exactly three digits ("0,5", "12.75"). Majority wins; null when no value tells.
 */
export function decimalMarkOf(rows: readonly CsvRow[], col: number): DecimalMark {
  if (col < 0) return null;
  let dot = 0;
  let comma = 0;
  for (let r = 0; r < rows.length; r++) {
    const v = (rows[r] as CsvRow).cells[col];
    if (v === undefined || v === "") continue;
    const d = v.lastIndexOf(".");
    const k = v.lastIndexOf(",");
    if (d < 0 && k < 0) continue;
    if (d >= 0 && k >= 0) {
      if (d > k) dot++;
      else comma++;
      continue;
    }
    const sep = d >= 0 ? "." : ",";
    const at = d >= 0 ? d : k;
    if (v.indexOf(sep) !== at) {
      // Repeated: a thousands separator, so the other one is the decimal mark.
      if (sep === ".") comma++;
      else dot++;
      continue;
    }
    if (isAmbiguous(v, at)) continue;
    if (sep === ".") dot++;
    else comma++;
  }
  if (dot === comma) return null;
  return dot > comma ? "." : ",";
}

/** One separator at `at` with exactly three digits after it and a 1–3 digit, non-zero integer part. */
function isAmbiguous(v: string, at: number): boolean {
  const frac = v.length - at - 1;
  if (frac !== 3) return false;
  let start = 0;
  const first = v.charCodeAt(0);
  if (first === 45 || first === 43) start = 1;
  const intLen = at - start;
  if (intLen < 1 || intLen > 3) return false;
  return !(intLen === 1 && v.charCodeAt(start) === 48);
}

/**
 * "1200", "1,200,000.50", "1.200.000,50", "1 200 000", "1'200.5", "12,5", "1.2E+06", "-5" → number;
 * anything else → NaN. Thousands groups must be well-formed (3 digits; Indian 2-digit groups such as
 * "12,34,567" are accepted too). `decimalHint` (a value, or a function called
 * only when needed) settles "1,200" / "1.200" (see decimalMarkOf).
 */
export function parseNumber(raw: string, decimalHint: DecimalMark | (() => DecimalMark) = null): number {
  let s = raw;
  if (HAS_GROUPING_CHAR.test(s)) s = s.replace(GROUPING_CHARS, "");
  let sign = 1;
  const first = s.charCodeAt(0);
  if (first === 45 || first === 43) {
    if (first === 45) sign = -1;
    s = s.slice(1);
  }
  if (PLAIN_NUMBER.test(s)) {
    // "1200" or "1200.50"; "1.200" only when the column says "." is its decimal mark.
    const at = s.indexOf(".");
    if (at < 0 || !isAmbiguous(s, at) || hint(decimalHint) === ".") return sign * Number(s);
  }
  if (SCIENTIFIC.test(s)) return sign * Number(s);
  const d = s.lastIndexOf(".");
  const k = s.lastIndexOf(",");
  let decimal: "." | "," | null;
  if (d >= 0 && k >= 0) decimal = d > k ? "." : ",";
  else if (d < 0 && k < 0) return NaN;
  else {
    const sep = d >= 0 ? "." : ",";
    const at = d >= 0 ? d : k;
    if (s.indexOf(sep) !== at)
      decimal = null; // repeated: thousands only
    else if (isAmbiguous(s, at)) decimal = hint(decimalHint) === sep ? sep : null;
    else decimal = sep;
  }
  let intPart = s;
  let fracPart = "";
  if (decimal !== null) {
    const at = s.lastIndexOf(decimal);
    intPart = s.slice(0, at);
    fracPart = s.slice(at + 1);
    if (!DIGITS.test(fracPart)) return NaN;
    if (intPart === "") intPart = "0";
  }
  const thousands = decimal === "." ? "," : decimal === "," ? "." : d >= 0 ? "." : ",";
  const digits = groupedDigits(intPart, thousands);
  if (digits === null) return NaN;
  return sign * Number(fracPart === "" ? digits : `${digits}.${fracPart}`);
}

function hint(h: DecimalMark | (() => DecimalMark)): DecimalMark {
  return typeof h === "function" ? h() : h;
}

/** "1,200,000" → "1200000"; null unless groups are 3 digits (or Indian: 2-digit groups, last one 3). */
function groupedDigits(intPart: string, sep: string): string | null {
  if (DIGITS.test(intPart)) return intPart;
  const groups = intPart.split(sep);
  const head = groups[0] as string;
  if (!DIGITS.test(head) || head.length > 3) return null;
  const last = groups.length - 1;
  let western = head.length <= 3;
  // Indian grouping (lakh, crore) is written with commas only.
  let indian = sep === "," && head.length <= 2;
  for (let i = 1; i <= last; i++) {
    const g = groups[i] as string;
    if (!DIGITS.test(g)) return null;
    if (g.length !== 3) western = false;
    if (i < last ? g.length !== 2 : g.length !== 3) indian = false;
  }
  if (head === "0" || (!western && !indian)) return null;
  return groups.join("");
}

// ---------------------------------------------------------------------------------------------
// Identifiers

/** ISO 17442 check digits (ISO 7064 MOD 97-10): the LEI read as a base-36 number mod 97 is 1. */
export function leiChecksumOk(lei: string): boolean {
  let rem = 0;
  for (let i = 0; i < lei.length; i++) {
    const ch = lei.charCodeAt(i);
    const v = ch >= 65 ? ch - 55 : ch - 48;
    rem = v >= 10 ? (rem * 100 + v) % 97 : (rem * 10 + v) % 97;
  }
  return rem === 1;
}
