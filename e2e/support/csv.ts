// Files the app hands out (CSV exports and templates), read strictly.
import Papa from "papaparse";

/**
 * RFC 4180 CSV → rows of cells, strictly: a UTF-8 BOM is dropped, CRLF or LF ends a record, quoted
 * cells may hold the delimiter, `""` and line breaks; a malformed quote throws (a lenient reader
 * could hide a quoting bug in what the app writes). Independent of the app's own CSV code on purpose.
 */
export function readCsv(text: string, delimiter = ","): string[][] {
  // An independent reader (PapaParse, strict about quotes), not the app's own parse.ts, so a
  // bug in the app's CSV code cannot hide itself in the test.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const out = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: true });
  if (out.errors.length) throw new Error(`CSV: ${out.errors[0]!.message} (row ${out.errors[0]!.row})`);
  return out.data;
}
