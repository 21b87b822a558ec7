// Splitting CSV text into records with PapaParse, and what Papa leaves to its caller: the delimiter
// (picked from the header line), each record's line in the file, and strict quoting. Pure module
// (PapaParse is the only dependency).
import Papa from "papaparse";
import { hasInvisibleEdge, stripInvisibleEdges } from "./match";
import { FileError } from "./decode";

export type CsvDelimiter = "," | ";" | "\t";

export interface RawRecord {
  line: number;
  cells: string[];
}

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

export function readRecords(text: string, delimiter: CsvDelimiter, limit: number): RawRecord[] {
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
      `${where}: a quoted cell has spaces before its opening quote and holds a delimiter, a line break or a stray quote, ` +
        "so it cannot be split reliably. Remove the spaces before the quote.",
      atLine,
    );
  }
  return new FileError(
    `${where}: a quote (") appears inside a cell that does not start with one. ` +
      'Put the whole cell in quotes and double the quote inside ("").',
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
        `Line ${at}: a quoted cell${column === undefined ? "" : ` (column ${column})`} starts with " and is never closed, ` +
          "so the rest of the file cannot be read. Check that row for a stray quote.",
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
