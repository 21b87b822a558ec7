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
// csv-parse library used before needed ~1 s, the whole time budget of an import. This file decodes
// the bytes, picks the delimiter and hands it to Papa, and turns Papa's lenient reading into the
// rules above (see readRecords).

import { hasInvisibleEdge, stripInvisibleEdges } from "./match";
import Papa from "papaparse";
import { normalizeName } from "~/domain/supply-chain/normalize";

export type CsvDelimiter = "," | ";" | "\t";

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

const SAVE_AS_UTF8 = 'In Excel use "Save As" → "CSV UTF-8 (Comma delimited) (*.csv)" and upload that file.';

interface RawRecord {
  line: number;
  cells: string[];
}

class FileError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

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
// Decoding

function decode(input: Uint8Array | string, maxBytes: number): string {
  if (typeof input === "string") {
    const size = input.length > maxBytes ? input.length : utf8Length(input, maxBytes);
    if (size > maxBytes) throw new FileError(`The file is ${formatSize(size)}; the limit is ${formatSize(maxBytes)}.`);
    return input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  }
  const bytes = input;
  if (bytes.length > maxBytes) throw new FileError(`The file is ${formatSize(bytes.length)}; the limit is ${formatSize(maxBytes)}.`);
  if (bytes.length === 0) throw new FileError("The file is empty.");
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    throw new FileError(`This is an Excel workbook (.xlsx), not a CSV file. ${SAVE_AS_UTF8}`);
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw new FileError(`This is an old Excel workbook (.xls), not a CSV file. ${SAVE_AS_UTF8}`);
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? "utf-16le" : "utf-16be";
    try {
      // The decoder drops the BOM itself.
      return new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      throw new FileError(`The file starts like UTF-16 text but is not valid UTF-16. ${SAVE_AS_UTF8}`);
    }
  }
  if (bytes.indexOf(0) !== -1) {
    throw new FileError(
      `The file contains NUL bytes: it is either not a text file or UTF-16 text without a byte-order mark. ${SAVE_AS_UTF8}`,
    );
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const where =
      at < 0
        ? ""
        : ` Line ${lineOfByte(bytes, at)} has a byte (0x${(bytes[at] ?? 0).toString(16).toUpperCase()}) that is not UTF-8, typically an accented letter saved as Windows-1252/Latin-1.`;
    throw new FileError(`The file is not UTF-8 text.${where} ${SAVE_AS_UTF8}`, at < 0 ? undefined : lineOfByte(bytes, at));
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** UTF-8 byte length of a string, stopping early once it exceeds `cap`. */
function utf8Length(s: string, cap: number): number {
  let n = 0;
  for (let i = 0; i < s.length && n <= cap; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** "210 MB", "3.5 MB", "12 KB", "900 bytes" (1 MB = 1,048,576 bytes, as file managers show it). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${kb < 10 ? kb.toFixed(1) : Math.round(kb)} KB`;
  const mb = kb / 1024;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/** Offset of the first byte that breaks UTF-8 (only called once TextDecoder has refused the file). */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) [need, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [need, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function lineOfByte(b: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (b[i] === 10) line++;
  return line;
}

// ---------------------------------------------------------------------------------------------
// Delimiter

/** Most frequent of , ; tab outside quotes in the first non-blank record; "," when none. */
export function detectDelimiter(text: string): CsvDelimiter {
  let i = 0;
  // Skip leading blank lines.
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 32 || c === 9) i++;
    else break;
  }
  // Back up to the start of that line so leading tabs count.
  while (i > 0 && text.charCodeAt(i - 1) !== 10) i--;
  let comma = 0;
  let semicolon = 0;
  let tab = 0;
  let quoted = false;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 10) break;
    else if (c === 44) comma++;
    else if (c === 59) semicolon++;
    else if (c === 9) tab++;
  }
  if (semicolon > comma && semicolon >= tab) return ";";
  if (tab > comma && tab > semicolon) return "\t";
  return ",";
}

// ---------------------------------------------------------------------------------------------
// Reading records (PapaParse)
//
// Papa splits the text; this section only adds what Papa leaves to its caller:
// - line numbers: Papa's step callback reports `meta.cursor`, the offset just past each record, so
//   a record spans [previous cursor, cursor) and its start line is 1 + the "\n"s before it;
// - strictness: Papa reads a stray quote leniently and reports only some quote problems as
//   errors, so every Papa error becomes a CsvFileError naming the line, and a record that contains
//   a `"` is mapped back onto the text to find the cells that were not quoted (see checkQuotes).
// Papa is given newline "\n" explicitly: a CRLF record then ends with "\r" (trimmed with the cell,
// and Papa accepts it as whitespace after a closing quote), and files mixing CRLF and LF line ends
// split the same as LF files. Inside quoted cells line breaks are kept as written.

const QUOTE = 34;
const NEWLINE = 10;

function readRecords(text: string, delimiter: CsvDelimiter, limit: number): RawRecord[] {
  // Spaces and line breaks at the very end change no cell (cells are trimmed, blank lines skipped),
  // but Papa would report `"x" ` at the end of the file as a malformed quote. (Trailing tabs stay in
  // a tab-separated file: there they are delimiters.)
  const input = trimEndExcept(text, delimiter);
  const out: RawRecord[] = [];
  let start = 0; // offset of the record Papa reports next
  let line = 1; // line of `start`
  let nextQuote = input.indexOf('"'); // first `"` at or after `start` (-1: none left)
  let nextNewline = input.indexOf("\n"); // first "\n" at or after `start` (-1: none left)
  // Papa parses a string synchronously: a FileError thrown in `step` ends the parse and reaches
  // parseSupplierCsv. Returning from `step` after parser.abort() stops early at the row limit.
  Papa.parse<string[]>(input, {
    delimiter,
    newline: "\n",
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    step(result, parser) {
      const cells = result.data;
      const end = result.meta.cursor;
      if (nextQuote !== -1 && nextQuote < start) nextQuote = input.indexOf('"', start);
      const hasQuote = nextQuote !== -1 && nextQuote < end;
      const error = result.errors[0];
      if (error !== undefined) throw papaErrorToFileError(error, input, start, line, cells, delimiter);
      if (hasQuote) checkQuotes(input, start, line, cells, delimiter);
      for (let i = 0; i < cells.length; i++) {
        // Trimmed, and invisible characters at either end (a trailing zero-width space) go too:
        // otherwise two spellings of one factory that look identical would differ.
        const v = (cells[i] as string).trim();
        cells[i] = hasInvisibleEdge(v) ? stripInvisibleEdges(v) : v;
      }
      // Blank lines and all-empty rows are skipped. Before the header only blank lines are: a line of
      // bare delimiters there is a header without names (shape() says so).
      const skip = out.length === 0 ? cells.length === 1 && cells[0] === "" : isBlank(cells);
      if (!skip) out.push({ line, cells });
      // The record's line breaks: its line end and those inside quoted cells.
      while (nextNewline !== -1 && nextNewline < end) {
        line++;
        nextNewline = input.indexOf("\n", nextNewline + 1);
      }
      start = end;
      if (out.length >= limit) parser.abort();
    },
  });
  return out;
}

/**
 * Walks a record Papa returned without errors back over the text. Papa treats a cell as quoted only
 * when its first character is `"` (then the text is `"`, the value with each `"` doubled, `"`,
 * optional whitespace); any other cell is the text up to the delimiter, as is. So:
 * - a cell like ` "Acme" ` (spaces before the opening quote) is unquoted for Papa; it is read as
 *   the quoted cell it is meant to be;
 * - any other unquoted cell holding a `"` is a malformed quote: a file error naming line and column.
 */
function checkQuotes(text: string, start: number, line: number, cells: string[], delimiter: CsvDelimiter): void {
  // Only a cell whose value holds a `"` can be at fault (most quoted cells hold none).
  let i = 0;
  while (i < cells.length && (cells[i] as string).indexOf('"') === -1) i++;
  if (i === cells.length) return;
  let p = start;
  for (let i = 0; i < cells.length; i++) {
    const value = cells[i] as string;
    if (text.charCodeAt(p) !== QUOTE && value.indexOf('"') !== -1) {
      const padded = PADDED_QUOTED_CELL.exec(value);
      if (padded === null) throw strayQuote(text, start, line, p, i, value);
      cells[i] = (padded[1] as string).replace(/""/g, '"');
    }
    p = afterCell(text, p, value, delimiter);
  }
}

/** Offset just past the delimiter (or line end) that ends the cell Papa read as `value` at `p`. */
function afterCell(text: string, p: number, value: string, delimiter: CsvDelimiter): number {
  if (text.charCodeAt(p) !== QUOTE) return p + value.length + 1;
  const delim = delimiter.charCodeAt(0);
  let q = p + 2 + value.length + countChar(value, '"');
  // Papa allows only whitespace between the closing quote and the delimiter or line end.
  while (q < text.length) {
    const c = text.charCodeAt(q);
    if (c === delim || c === NEWLINE) break;
    q++;
  }
  return q + 1;
}

/** ` "…" `: a quoted cell (with "" escapes) with whitespace before its opening quote. */
const PADDED_QUOTED_CELL = /^\s+"((?:[^"]|"")*)"\s*$/;

function strayQuote(text: string, start: number, line: number, at: number, index: number, value: string): FileError {
  const atLine = line + countNewlines(text, start, at);
  const where = `Line ${atLine}, column ${index + 1}`;
  if (value.trimStart().startsWith('"')) {
    return new FileError(
      `${where}: a quoted cell has spaces before its opening quote and holds a delimiter, a line break or a stray quote, so it cannot be split reliably. Remove the spaces before the quote.`,
      atLine,
    );
  }
  return new FileError(
    `${where}: a quote (") appears inside a cell that does not start with one. Put the whole cell in quotes and double the quote inside ("").`,
    atLine,
  );
}

/**
 * Papa's quote errors. Its `index` is the offset just after the opening quote of the cell at
 * fault; the cells before it in `cells` were read normally, so walking them finds the column.
 */
function papaErrorToFileError(
  error: Papa.ParseError,
  text: string,
  start: number,
  line: number,
  cells: string[],
  delimiter: CsvDelimiter,
): FileError {
  const quoteAt = typeof error.index === "number" ? error.index - 1 : -1;
  const at = quoteAt >= start ? line + countNewlines(text, start, quoteAt) : line;
  const column = quoteAt >= start ? columnOf(text, start, cells, delimiter, quoteAt) : undefined;
  const col = column === undefined ? "" : `, column ${column}`;
  // A stray quote earlier in the record (e.g. ` "a,b"`, read by Papa as unquoted) is the first fault.
  if (column !== undefined) checkQuotes(text, start, line, cells.slice(0, column - 1), delimiter);
  switch (error.code) {
    case "MissingQuotes":
      return new FileError(
        `Line ${at}: a quoted cell${column === undefined ? "" : ` (column ${column})`} starts with " and is never closed, so the rest of the file cannot be read. Check that row for a stray quote.`,
        at,
      );
    case "InvalidQuotes":
      return new FileError(
        `Line ${at}${col}: a quoted cell is followed by other text. Inside a quoted cell a quote must be doubled ("").`,
        at,
      );
    default:
      return new FileError(`Line ${at}${col}: the CSV cannot be read (${error.message}).`, at);
  }
}

/** 1-based column of the cell starting at `target`, walking the cells before it as checkQuotes does. */
function columnOf(text: string, start: number, cells: string[], delimiter: CsvDelimiter, target: number): number | undefined {
  let p = start;
  for (let i = 0; i < cells.length && p <= target; i++) {
    if (p === target) return i + 1;
    p = afterCell(text, p, cells[i] as string, delimiter);
  }
  return undefined;
}

function trimEndExcept(text: string, delimiter: CsvDelimiter): string {
  const delim = delimiter.charCodeAt(0);
  let end = text.length;
  while (end > 0) {
    const c = text.charCodeAt(end - 1);
    if (c !== 32 && c !== NEWLINE && c !== 13 && (c !== 9 || c === delim)) break;
    end--;
  }
  return end === text.length ? text : text.slice(0, end);
}

function countChar(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i !== -1; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf("\n", from); i !== -1 && i < to; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

function isBlank(cells: string[]): boolean {
  for (let i = 0; i < cells.length; i++) if (cells[i] !== "") return false;
  return true;
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
        error: `Column ${columnLetter(i)} (number ${i + 1}) has no name in the header row (line ${headerLine}). Name it or delete the column.`,
        line: headerLine,
      };
    }
    if (EMAIL_LIKE.test(h) || NUMBER_LIKE.test(h)) {
      return {
        ok: false,
        error: `The first line looks like data ("${h.slice(0, 60)}"), not column names. Add a header row; the template shows the column names.`,
        line: headerLine,
      };
    }
    const norm = normalizeName(h) || h.toLowerCase();
    const dup = seen.get(norm);
    if (dup !== undefined) {
      return {
        ok: false,
        error: `Columns ${columnLetter(dup)} and ${columnLetter(i)} are both called "${headers[dup]}"${headers[dup] === h ? "" : ` / "${h}"`}. Rename or delete one of them.`,
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
      error: `The file has more than ${maxRows.toLocaleString("en-US")} supplier rows, the most one import accepts. Split it into several files.`,
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
