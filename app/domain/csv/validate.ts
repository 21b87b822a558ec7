// Parsed CSV rows + column mapping → typed import rows, row errors and row warnings.
// Pure module: no node, kysely or remix imports.
//
// Every cell is checked before anything is written; one row can yield several errors. The hot loop
// is hand-written (no zod, regexes compiled once, per-value caches for countries and goods) because
// a 100,000-row import must validate in well under 300 ms. This file runs the loop; cells.ts reads a
// row field by field, repeats.ts decides what a key seen again means, numbers.ts reads numbers and
// identifiers, and row.ts holds the shapes.
//
// Decisions the importer relies on:
// - Empty cell → null (goods / supplies_to → []); an empty or unmapped status → "active".
// - A cell that our own export neutralised ("'=SUM(…)", "'-Acme") loses the leading apostrophe,
//   so export → import is lossless.
// - Row key = external_ref, or `n:<normalised name>|<iso2>` when the row has no reference.
//   A key seen again: identical values → a warning and the repeat is dropped; the same site written
//   two ways → one supplier; different sites → a conflict the officer decides; otherwise an error.
// - supplies_to is checked only for the row's own reference; existence and cycles are the
//   service's job (they need the database).
// - Numbers: see parseNumber (numbers.ts). Ambiguous "1,200" / "1.200" (one separator, three digits after it)
//   is read as a thousands separator unless other values in the same column show that this
//   separator is the decimal mark there ("0,5", "12,75", "1.200,50").

import { SUPPLIER_FIELDS, fieldByKey, type FieldKey } from "./fields";
import { validateMapping } from "./mapping";
import type { CsvRow } from "./parse";
import { columnsOf, RowReader } from "./cells";
import { RowSet } from "./repeats";
import type { RowIssue, ValidationContext, ValidationResult } from "./row";

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

  const c = columnsOf(mapping);
  const names = {} as Record<FieldKey, string>;
  for (const f of SUPPLIER_FIELDS) names[f.key] = c[f.key] >= 0 ? (headers[c[f.key]] as string) : fieldByKey(f.key).label;
  const reader = new RowReader(rows, c, names, ctx, errors, warnings);
  const kept = new RowSet(rows, reader, ctx.resolutions);
  const width = headers.length;

  for (let r = 0; r < rows.length; r++) {
    const csvRow = rows[r] as CsvRow;
    if (csvRow.columnCount !== undefined) {
      const line = csvRow.line;
      const hint = csvRow.columnCount > width ? " (a cell that contains the delimiter must be in quotes)" : "";
      errors.push({ line, column: "Row", message: `line ${line} has ${csvRow.columnCount} columns, the header has ${width}${hint}` });
      continue;
    }
    const { key, row } = reader.read(csvRow);
    if (key !== null) kept.add(r, key, row);
  }
  kept.reportUndecided();
  return {
    rows: kept.out,
    errors,
    warnings,
    mappedFields,
    conflicts: [...kept.conflicts.values()],
    countries: [...reader.countryReadings.values()],
  };
}
