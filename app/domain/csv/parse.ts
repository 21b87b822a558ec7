// Supplier CSV → header + rows of trimmed cells, each with the line it starts on in the file.
// Pure module: no node, kysely or remix imports (PapaParse is the only dependency).
//
// What this file decides (the importer and the UI rely on it):
// - Encoding: UTF-8 (a BOM is stripped), or UTF-16 LE/BE when the file starts with its BOM. Anything
//   else (Windows-1252/Latin-1 bytes, an .xlsx workbook, UTF-16 without BOM) is a file error that
//   says how to save the file as "CSV UTF-8".
// - Delimiter: the most frequent of "," ";" and tab outside quotes on the header line (ties and no
//   delimiter at all → ","), so European Excel files (";") work without asking. An Excel "sep=;"
//   first line overrides the guess and is skipped.
// - Line numbers are 1-based physical lines of the file (the header is usually line 1); a record
//   with an embedded newline in a quoted cell starts on its first line and the next record's number
//   accounts for the newline. CRLF, LF and old-Mac CR files all count the same way.
// - Blank lines and rows whose cells are all empty (Excel's ";;;;" rows) are skipped.
// - Cells are trimmed (also inside quotes).
// - Empty trailing header cells are dropped, and so are empty cells beyond the header's width in a
//   row (Excel writes trailing delimiters). A row that still has a different number of cells is
//   NOT a file error: it comes back padded/truncated to the header's width with `columnCount` set
//   to the number of cells it really had, and validate.ts reports it as a row error
//   ("line 12 has 5 columns, the header has 7"), so one bad row does not hide the others.
// - A malformed quote (a `"` inside an unquoted cell, text after a closing quote, a quote that is
//   never closed) IS a file error: the rest of the file can no longer be split reliably.
//
// Parsing. PapaParse splits the file: ~100,000 supplier rows (18 MB) in ~0.2 s here, where the
// csv-parse library used before needed ~1 s, the whole time budget of an import. decode.ts decodes
// the bytes; records.ts picks the delimiter, hands it to Papa and turns Papa's lenient reading into
// the rules above (see readRecords); this file checks the header and shapes the rows.

import { normalizeName } from "~/domain/supply-chain/normalize";
import { decode, FileError } from "./decode";
import { detectDelimiter, readRecords, type CsvDelimiter, type RawRecord } from "./records";

export interface CsvRow {
  /** 1-based line of the file on which the row starts. */
  line: number;
  /** Exactly headers.length trimmed cells (padded with "" or truncated, see columnCount). */
  cells: string[];
  /** Set only when the row has a different number of cells than the header: the number it has. */
  columnCount?: number;
}

export interface ParsedCsv {
  ok: true;
  headers: string[];
  rows: CsvRow[];
  delimiter: CsvDelimiter;
  /** Line of the header row (1 unless the file starts with blank lines). */
  headerLine: number;
}

export interface CsvFileError {
  ok: false;
  /** One sentence for the officer: what is wrong and how to fix it. */
  error: string;
  /** The line the problem was found on, when there is one. */
  line?: number;
}

export type ParseCsvResult = ParsedCsv | CsvFileError;

export interface ParseCsvOptions {
  /** Most data rows accepted (default 200,000). */
  maxRows?: number;
  /** Largest file accepted, in bytes (default 50 MiB). */
  maxBytes?: number;
}

export const DEFAULT_MAX_ROWS = 200_000;
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
export const MAX_COLUMNS = 500;

// "sep=;" as the first non-blank line (written by Excel and some ERP exports), with its line break.
const SEP_LINE = /^(\s*)"?sep=([,;\t])"?[ \t]*(?=\r?\n|$)/i;

export function parseSupplierCsv(input: Uint8Array | string, opts: ParseCsvOptions = {}): ParseCsvResult {
  const maxRows = opts.maxRows ?? DEFAULT_MAX_ROWS;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  try {
    let text = decode(input, maxBytes);
    // Old Mac line endings: make them newlines so lines are counted the same way everywhere.
    if (text.indexOf("\n") === -1 && text.indexOf("\r") !== -1) text = text.replace(/\r/g, "\n");
    if (text.trim() === "") return fail("The file is empty.");
    let delimiter: CsvDelimiter;
    const sep = SEP_LINE.exec(text);
    if (sep !== null) {
      // Excel's "sep=;" hint line: obey it, then blank it out (line numbers stay as in the file).
      delimiter = sep[2] as CsvDelimiter;
      text = sep[1] + text.slice(sep[0].length);
    } else delimiter = detectDelimiter(text);
    // The header plus one row more than allowed is enough to know the file is too long.
    const limit = maxRows + 2;
    const records = readRecords(text, delimiter, limit);
    return shape(records, delimiter, maxRows);
  } catch (e) {
    if (e instanceof FileError) return e.line === undefined ? fail(e.message) : { ok: false, error: e.message, line: e.line };
    throw e;
  }
}

/**
 * The text of an uploaded file (UTF-8 with or without BOM, UTF-16 with BOM), or the same clear
 * error parseSupplierCsv would give (wrong encoding, a workbook instead of CSV, too large, empty).
 */
export function decodeCsvInput(input: Uint8Array, maxBytes: number = DEFAULT_MAX_BYTES): { ok: true; text: string } | CsvFileError {
  try {
    return { ok: true, text: decode(input, maxBytes) };
  } catch (e) {
    if (e instanceof FileError) return e.line === undefined ? fail(e.message) : { ok: false, error: e.message, line: e.line };
    throw e;
  }
}

function fail(error: string): CsvFileError {
  return { ok: false, error };
}

// ---------------------------------------------------------------------------------------------
// Header and row shape

function shape(records: RawRecord[], delimiter: CsvDelimiter, maxRows: number): ParseCsvResult {
  const first = records[0];
  if (first === undefined) return fail("The file is empty.");
  const headers = first.cells.slice();
  while (headers.length > 0 && headers[headers.length - 1] === "") headers.pop();
  const headerLine = first.line;
  if (headers.length === 0) {
    return { ok: false, error: `The first line (line ${headerLine}) must hold the column names, but it is empty.`, line: headerLine };
  }
  if (headers.length > MAX_COLUMNS) {
    return { ok: false, error: `The header row has ${headers.length} columns; at most ${MAX_COLUMNS} are supported.`, line: headerLine };
  }
  const seen = new Map<string, number>();
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i] as string;
    if (h === "") {
      return {
        ok: false,
        error:
          `Column ${columnLetter(i)} (number ${i + 1}) has no name in the header row (line ${headerLine}). ` +
          "Name it or delete the column.",
        line: headerLine,
      };
    }
    if (EMAIL_LIKE.test(h) || NUMBER_LIKE.test(h)) {
      return {
        ok: false,
        error:
          `The first line looks like data ("${h.slice(0, 60)}"), not column names. ` +
          "Add a header row; the template shows the column names.",
        line: headerLine,
      };
    }
    const norm = normalizeName(h) || h.toLowerCase();
    const dup = seen.get(norm);
    if (dup !== undefined) {
      return {
        ok: false,
        error:
          `Columns ${columnLetter(dup)} and ${columnLetter(i)} are both called "${headers[dup]}"` +
          `${headers[dup] === h ? "" : ` / "${h}"`}. Rename or delete one of them.`,
        line: headerLine,
      };
    }
    seen.set(norm, i);
  }
  const width = headers.length;
  const dataCount = records.length - 1;
  if (dataCount > maxRows) {
    return {
      ok: false,
      error:
        `The file has more than ${maxRows.toLocaleString("en-US")} supplier rows, the most one import accepts. ` +
        "Split it into several files.",
    };
  }
  if (dataCount === 0) return { ok: false, error: "The file has a header row but no supplier rows.", line: headerLine };
  const rows: CsvRow[] = new Array(dataCount);
  for (let r = 1; r < records.length; r++) {
    const rec = records[r] as RawRecord;
    const cells = rec.cells;
    let n = cells.length;
    if (n > width) {
      // Trailing empty cells beyond the header are Excel noise, not data.
      while (n > width && cells[n - 1] === "") n--;
      cells.length = n;
    }
    if (n === width) rows[r - 1] = { line: rec.line, cells };
    else {
      const fixed = cells.slice(0, width);
      while (fixed.length < width) fixed.push("");
      rows[r - 1] = { line: rec.line, cells: fixed, columnCount: n };
    }
  }
  return { ok: true, headers, rows, delimiter, headerLine };
}

const EMAIL_LIKE = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;
const NUMBER_LIKE = /^[-+]?\d+[.,]\d+$/;

/** 0 → "A", 25 → "Z", 26 → "AA": the column as Excel shows it. */
export function columnLetter(index: number): string {
  let s = "";
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
