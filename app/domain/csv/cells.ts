// Reading one CSV row into a typed import row, field by field; every bad cell is an error with the
// row's line and the file's column name. Pure module.
//
// This is the hot loop of an import (100,000 rows): one RowReader is created per file and reused for
// every row; regexes are compiled once and goods lists are cached per distinct cell.
import { normalizeName } from "~/domain/supply-chain/normalize";
import { SUPPLIER_FIELDS, type FieldKey, type SupplierStatus } from "./fields";
import { nameMatchKey } from "./match";
import { leiChecksumOk, parseCoordinate, parseNumber, decimalMarkOf, type DecimalMark } from "./numbers";
import type { CsvRow } from "./parse";
import { tvpraGoodsForSectorWord } from "~/domain/risk/sector-goods";
import type { CountryReading, ImportRow, RowIssue, ValidationContext } from "./row";

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
const REF_FORBIDDEN = /[|;]/;
// Full-width = + - @, which serialize.ts neutralises too.
const FULLWIDTH_FORMULA = new Set([0xff1d, 0xff0b, 0xff0d, 0xff20]);

// Longest text per field, from fields.ts (read as MAX.name etc.: constant property loads in the hot loop).
const MAX = {} as Record<FieldKey, number>;
for (const f of SUPPLIER_FIELDS) MAX[f.key] = "maxLength" in f ? f.maxLength : Infinity;

/** Column index per field, -1 when the field is not mapped. */
export type Columns = Record<FieldKey, number>;

export function columnsOf(mapping: ReadonlyArray<FieldKey | null>): Columns {
  const c = {} as Columns;
  for (const f of SUPPLIER_FIELDS) c[f.key] = mapping.indexOf(f.key);
  return c;
}

interface ParsedGoods {
  goods: string[];
  unknown: string[];
  error: string | null;
}

/**
 * Reads the rows of one file. The per-row state (line, cells, and the reference, name and country
 * read from them) is kept on the reader, so the repeat checks can quote a row that was invalid.
 */
export class RowReader {
  line = 0;
  cells: string[] = [];
  externalRef: string | null = null;
  name: string | null = null;
  country: string | null = null;
  readonly countryReadings = new Map<string, CountryReading>();
  private readonly goodsCache = new Map<string, ParsedGoods>();
  // The decimal mark of a number column is only worked out when a value needs it ("1,200").
  private spendMark: DecimalMark | undefined;
  private workersMark: DecimalMark | undefined;
  private readonly spendDecimal = () =>
    this.spendMark === undefined ? (this.spendMark = decimalMarkOf(this.rows, this.c.annual_spend)) : this.spendMark;
  private readonly workersDecimal = () =>
    this.workersMark === undefined ? (this.workersMark = decimalMarkOf(this.rows, this.c.workers_count)) : this.workersMark;

  constructor(
    private readonly rows: readonly CsvRow[],
    private readonly c: Columns,
    /** The file's header text per field (the field label when the file has no such column). */
    readonly names: Record<FieldKey, string>,
    private readonly ctx: ValidationContext,
    readonly errors: RowIssue[],
    readonly warnings: RowIssue[],
  ) {}

  err(field: FieldKey, message: string): void {
    this.errors.push({ line: this.line, column: this.names[field], field, message });
  }

  cell(i: number): string {
    if (i < 0) return "";
    const v = this.cells[i] as string;
    // Undo our own formula neutralisation (serialize.ts): "'=x" → "=x".
    if (v.charCodeAt(0) === 39 && v.length > 1) {
      const n = v.charCodeAt(1);
      if (n === 61 || n === 43 || n === 45 || n === 64 || n === 9 || n === 13 || (n >= 0xff0b && FULLWIDTH_FORMULA.has(n)))
        return v.slice(1);
    }
    return v;
  }

  text(field: FieldKey): string | null {
    const v = this.cell(this.c[field]);
    if (v === "") return null;
    const max = MAX[field];
    if (v.length > max) {
      this.err(field, `${field} is too long (${v.length} characters, at most ${max})`);
      return null;
    }
    return v;
  }

  /** The row's key (reference, or normalised name and country) and the row when every cell is valid. */
  read(csvRow: CsvRow): { key: string | null; row: ImportRow | null } {
    this.line = csvRow.line;
    this.cells = csvRow.cells;
    const errorsBefore = this.errors.length;
    const externalRef = (this.externalRef = this.reference());
    const { name, nameNorm } = this.readName();
    const country = (this.country = this.readCountry());
    const address = this.text("address");
    const city = this.text("city");
    const sector = this.text("sector");
    const [latitude, longitude] = this.coordinates();
    const goods = this.goods();
    const annualSpend = this.spend();
    const currency = this.currency();
    const workersCount = this.workers();
    const contactName = this.text("contact_name");
    const contactEmail = this.contactEmail();
    const osId = this.osId();
    const duns = this.duns();
    const lei = this.lei();
    const taxId = this.text("tax_id");
    const notes = this.text("notes");
    const status = this.status();
    const suppliesTo = this.suppliesTo(externalRef);
    const key = externalRef !== null ? externalRef : nameNorm !== "" && country !== null ? `n:${nameMatchKey(nameNorm)}|${country}` : null;
    if (this.errors.length !== errorsBefore) return { key, row: null };
    const row: ImportRow = {
      line: this.line,
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
    };
    return { key, row };
  }

  private reference(): string | null {
    const externalRef = this.text("external_ref");
    if (externalRef !== null && REF_FORBIDDEN.test(externalRef)) {
      this.err(
        "external_ref",
        `external_ref must not contain "|" or ";" (they separate references in supplies_to), got '${show(externalRef)}'`,
      );
      return null;
    }
    return externalRef;
  }

  private readName(): { name: string | null; nameNorm: string } {
    const name = (this.name = this.text("name"));
    let nameNorm = "";
    if (name === null) {
      if (this.cell(this.c.name) === "") this.err("name", "name is required");
    } else {
      nameNorm = normalizeName(name);
      if (nameNorm === "") this.err("name", `name must contain letters or digits, got '${show(name)}'`);
    }
    return { name, nameNorm };
  }

  private readCountry(): string | null {
    const countryCell = this.cell(this.c.country);
    if (countryCell === "") {
      this.err("country", "country is required");
      return null;
    }
    const country = this.ctx.resolveCountry(countryCell);
    if (country === null) this.err("country", `country '${show(countryCell)}' is not a known country or ISO code`);
    const reading = this.countryReadings.get(countryCell);
    if (reading !== undefined) reading.rows++;
    else if (this.countryReadings.size < MAX_COUNTRY_READINGS)
      this.countryReadings.set(countryCell, { value: countryCell, iso2: country, rows: 1 });
    return country;
  }

  /** Coordinates: both or neither, in range. */
  private coordinates(): [number | null, number | null] {
    const latCell = this.cell(this.c.latitude);
    const lngCell = this.cell(this.c.longitude);
    if (latCell === "" && lngCell === "") return [null, null];
    const lat = latCell === "" ? null : parseCoordinate(latCell, 90);
    const lng = lngCell === "" ? null : parseCoordinate(lngCell, 180);
    if (Number.isNaN(lat)) this.err("latitude", `latitude must be a number from -90 to 90 (decimal degrees), got '${show(latCell)}'`);
    if (Number.isNaN(lng)) this.err("longitude", `longitude must be a number from -180 to 180 (decimal degrees), got '${show(lngCell)}'`);
    if (lat === null) this.err("latitude", "latitude is empty but longitude is given: give both or neither");
    else if (lng === null) this.err("longitude", "longitude is empty but latitude is given: give both or neither");
    else if (!Number.isNaN(lat) && !Number.isNaN(lng)) return [lat, lng];
    return [null, null];
  }

  private goods(): string[] {
    const goodsCell = this.cell(this.c.goods);
    if (goodsCell === "") return [];
    let parsed = this.goodsCache.get(goodsCell);
    if (parsed === undefined) {
      parsed = parseGoods(goodsCell, this.ctx.goodsIndex);
      if (this.goodsCache.size < 50_000) this.goodsCache.set(goodsCell, parsed);
    }
    if (parsed.error !== null) {
      this.err("goods", parsed.error);
      return [];
    }
    for (const u of parsed.unknown) {
      // "Apparel" is a sector, not a good: say which listed good it stands for (risk model v2 reads the
      // sector the same way when no goods are recorded).
      const suggested = tvpraGoodsForSectorWord(u);
      this.warnings.push({
        line: this.line,
        column: this.names.goods,
        field: "goods",
        message: suggested
          ? `goods '${show(u)}' names a sector; the TVPRA list calls it ${suggested.map((g) => `'${g}'`).join(" or ")}; kept as typed`
          : `goods '${show(u)}' is not on the TVPRA list; kept as typed`,
      });
    }
    return parsed.goods;
  }

  private spend(): number | null {
    const spendCell = this.cell(this.c.annual_spend);
    if (spendCell === "") return null;
    const n = parseNumber(spendCell, this.spendDecimal);
    if (Number.isNaN(n) || n < 0 || n > MAX_SPEND) {
      this.err(
        "annual_spend",
        `annual_spend must be a number ≥ 0 (e.g. 1200000.50, 1,200,000.50 or 1.200.000,50), got '${show(spendCell)}'`,
      );
      return null;
    }
    return n;
  }

  private currency(): string | null {
    const currencyCell = this.cell(this.c.currency);
    if (currencyCell === "") return null;
    if (CURRENCY.test(currencyCell)) return currencyCell.toUpperCase();
    this.err("currency", `currency must be a three-letter ISO 4217 code such as USD or EUR, got '${show(currencyCell)}'`);
    return null;
  }

  private workers(): number | null {
    const workersCell = this.cell(this.c.workers_count);
    if (workersCell === "") return null;
    const n = parseNumber(workersCell, this.workersDecimal);
    if (!Number.isInteger(n) || n < 0 || n > MAX_WORKERS) {
      this.err("workers_count", `workers_count must be a whole number ≥ 0, got '${show(workersCell)}'`);
      return null;
    }
    return n;
  }

  private contactEmail(): string | null {
    const contactEmail = this.text("contact_email");
    if (contactEmail !== null && !EMAIL.test(contactEmail)) {
      this.err("contact_email", `contact_email is not an e-mail address, got '${show(contactEmail)}'`);
      return null;
    }
    return contactEmail;
  }

  private osId(): string | null {
    const osCell = this.cell(this.c.os_id);
    if (osCell === "") return null;
    if (OS_ID.test(osCell)) return osCell.toUpperCase();
    this.err("os_id", `os_id must be 6 to 32 letters and digits (e.g. CN2019303BQ3FQV), got '${show(osCell)}'`);
    return null;
  }

  private duns(): string | null {
    const dunsCell = this.cell(this.c.duns);
    if (dunsCell === "") return null;
    const d = dunsCell.replace(DUNS_SEPARATORS, "");
    if (DUNS.test(d)) return d;
    this.err("duns", `duns must be 9 digits (dashes allowed), got '${show(dunsCell)}'`);
    return null;
  }

  private lei(): string | null {
    const leiCell = this.cell(this.c.lei);
    if (leiCell === "") return null;
    const l = leiCell.replace(LEI_SPACES, "").toUpperCase();
    if (!LEI.test(l)) this.err("lei", `lei must be 20 letters and digits, got '${show(leiCell)}'`);
    else if (!leiChecksumOk(l)) this.err("lei", `lei '${show(leiCell)}' has wrong check digits (a typo?)`);
    else return l;
    return null;
  }

  private status(): SupplierStatus {
    const statusCell = this.cell(this.c.status);
    if (statusCell === "") return "active";
    const s = statusCell.toLowerCase();
    if (s === "active" || s === "inactive" || s === "archived") return s;
    this.err("status", `status must be active, inactive or archived, got '${show(statusCell)}'`);
    return "active";
  }

  private suppliesTo(externalRef: string | null): string[] {
    const suppliesCell = this.cell(this.c.supplies_to);
    if (suppliesCell === "") return [];
    const refs = splitList(suppliesCell);
    if (refs.length > MAX_LIST_ITEMS) {
      this.err("supplies_to", `supplies_to lists ${refs.length} references; at most ${MAX_LIST_ITEMS}`);
      return [];
    }
    const tooLong = refs.find((x) => x.length > 100);
    if (tooLong !== undefined) this.err("supplies_to", `supplies_to reference '${show(tooLong)}' is too long (at most 100 characters)`);
    else if (externalRef !== null && refs.includes(externalRef)) {
      this.err("supplies_to", `supplies_to names the supplier's own reference '${show(externalRef)}'`);
    } else return refs;
    return [];
  }
}

/** A cell value quoted in a message: long values are cut so one bad cell cannot flood the preview. */
export function show(v: string | null): string {
  if (v === null) return "";
  return v.length > 60 ? `${v.slice(0, 57)}…` : v;
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
