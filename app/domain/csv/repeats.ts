// Rows of one file that share a key (a reference, or a normalised name and country): an exact repeat
// is imported once; one site written two ways is one supplier; rows that describe different sites
// are a conflict the officer decides (keep the first, keep the last, or import each as a supplier of
// its own); anything else is an error. Pure module.
import { changedFields } from "./diff";
import type { FieldKey } from "./fields";
import { addressMatchKey, nameMatchKey } from "./match";
import type { CsvRow } from "./parse";
import { displayValue, ROW_PROPERTY, type Conflict, type ConflictRow, type ImportRow, type Resolution, type RowIssue } from "./row";
import { show, type RowReader } from "./cells";

/** The rows kept so far, in file order, and what each key was first seen with. */
export class RowSet {
  readonly out: ImportRow[] = [];
  // Key → its first row: the ImportRow when valid, else the index of the CsvRow (to compare cells).
  private readonly seen = new Map<string, ImportRow | number>();
  readonly conflicts = new Map<string, Conflict>();

  constructor(
    private readonly rows: readonly CsvRow[],
    private readonly rd: RowReader,
    private readonly resolutions: ReadonlyMap<string, Resolution> | undefined,
  ) {}

  private get errors(): RowIssue[] {
    return this.rd.errors;
  }

  private get warnings(): RowIssue[] {
    return this.rd.warnings;
  }

  /** Adds the row just read (index `r`; `row` null when it has errors) under `key`. */
  add(r: number, key: string, row: ImportRow | null): void {
    const prev = this.seen.get(key);
    if (prev === undefined) {
      this.seen.set(key, row ?? r);
      if (row !== null) this.out.push(row);
      return;
    }
    const { line } = this.rd;
    // The same cells always validate the same way, so a valid and an invalid row always differ.
    let prevLine: number;
    let differing: FieldKey[] | null; // null: they differ, but not field by field
    if (typeof prev === "number") {
      const prevCsv = this.rows[prev] as CsvRow;
      prevLine = prevCsv.line;
      differing = row === null && sameCells(prevCsv.cells, this.rd.cells) ? [] : null;
    } else {
      prevLine = prev.line;
      differing = row !== null ? changedFields(prev, row) : null;
    }
    if (differing !== null && differing.length === 0) {
      this.warnings.push({ line, column: "Row", message: `line ${line} repeats line ${prevLine}; imported once` });
      return;
    }
    if (differing !== null && row !== null && typeof prev !== "number") {
      if (sameSite(prev, row)) this.mergeSameSite(prev, row, differing);
      else this.conflict(key, prev, row, differing);
      return;
    }
    this.differentValues(prevLine, differing);
  }

  /**
   * One site written two ways ("Co., Ltd." / "Co. Ltd", "Rd." / "Road"): one supplier, the first
   * row's values, with what only the later row gives filled in.
   */
  private mergeSameSite(prev: ImportRow, row: ImportRow, differing: FieldKey[]): void {
    const { line } = this.rd;
    const filled = fillEmpty(prev, row, differing);
    const kept = differing.filter((f) => !filled.includes(f) && displayValue(row, f) !== "");
    const detail = [
      filled.length ? `filled in ${filled.join(", ")} from line ${line}` : "",
      kept.length ? `kept line ${prev.line}'s ${kept.join(", ")}` : "",
    ]
      .filter(Boolean)
      .join("; ");
    this.warnings.push({
      line,
      column: "Row",
      message:
        `line ${line} is the same supplier as line ${prev.line} (same name, country and address once normalised); ` +
        `imported once${detail ? `: ${detail}` : ""}`,
    });
  }

  /** The conflict group for `key`, created with the first row when this is the first repeat. */
  private groupOf(key: string, prev: ImportRow): Conflict {
    let group = this.conflicts.get(key);
    if (group === undefined) {
      group = {
        key,
        label: this.rd.externalRef !== null ? `reference ${this.rd.externalRef}` : `${prev.name} (${prev.country})`,
        fields: [],
        rows: [{ line: prev.line, name: prev.name, address: prev.address, values: {} }],
        resolution: this.resolutions?.get(key) ?? null,
      };
      this.conflicts.set(key, group);
    }
    return group;
  }

  /** Rows for one key that describe different sites: held back until the officer decides, then as decided. */
  private conflict(key: string, prev: ImportRow, row: ImportRow, differing: FieldKey[]): void {
    const { line } = this.rd;
    const group = this.groupOf(key, prev);
    const first = group.rows[0] as ConflictRow;
    const values: Partial<Record<FieldKey, string>> = {};
    for (const f of differing) {
      values[f] = displayValue(row, f);
      if (!(f in first.values)) first.values[f] = displayValue(prev, f);
      if (!group.fields.includes(f)) group.fields.push(f);
    }
    group.rows.push({ line, name: row.name, address: row.address, values });
    const decision = group.resolution;
    if (decision === null) return; // held back until the officer decides; the import is blocked
    if (decision === "first") {
      this.warnings.push({ line, column: "Row", message: `line ${line} skipped: you chose to keep line ${prev.line} for ${group.label}` });
      return;
    }
    if (decision === "last") {
      const at = this.out.indexOf(prev);
      row.key = prev.key;
      if (at >= 0) this.out[at] = row;
      this.seen.set(key, row);
      this.warnings.push({
        line,
        column: "Row",
        message: `line ${line} replaces line ${prev.line}: you chose to keep the last row for ${group.label}`,
      });
      return;
    }
    this.importBoth(prev, row);
  }

  /** "both": every row of the group becomes a supplier of its own, with a reference of its own. */
  private importBoth(prev: ImportRow, row: ImportRow): void {
    const { line, externalRef } = this.rd;
    if (prev.externalRef === null) {
      prev.externalRef = `ROW-${prev.line}`;
      prev.key = prev.externalRef;
      this.warnings.push({
        line: prev.line,
        column: "Row",
        message: `line ${prev.line} imported as a separate supplier with reference ${prev.externalRef}`,
      });
    }
    row.externalRef = externalRef !== null ? `${externalRef}-ROW-${line}` : `ROW-${line}`;
    row.key = row.externalRef;
    if (this.seen.has(row.key)) {
      this.errors.push({
        line,
        column: this.rd.names.external_ref,
        field: "external_ref",
        message: `line ${line} would get the reference ${row.key}, which the file already uses; give the rows references of their own`,
      });
      return;
    }
    this.seen.set(row.key, row);
    this.out.push(row);
    this.warnings.push({ line, column: "Row", message: `line ${line} imported as a separate supplier with reference ${row.externalRef}` });
  }

  /** A key seen again with different values that are not a conflict the officer can decide: an error. */
  private differentValues(prevLine: number, differing: FieldKey[] | null): void {
    const { line, externalRef, name, country, names } = this.rd;
    const what = differing === null ? "" : ` (${differing.join(", ")})`;
    if (externalRef !== null) {
      this.errors.push({
        line,
        column: names.external_ref,
        field: "external_ref",
        message: `reference ${externalRef} also appears on line ${prevLine} with different values${what}`,
      });
    } else {
      this.errors.push({
        line,
        column: names.name,
        field: "name",
        message:
          `supplier '${show(name)}' (${country}) also appears on line ${prevLine} with different values${what}; ` +
          "give each a reference (external_ref) to import both",
      });
    }
  }

  /** One error per conflict still undecided (counted as one problem per group; the page lists them with a choice each). */
  reportUndecided(): void {
    const conflicts = [...this.conflicts.values()];
    if (!conflicts.some((g) => g.resolution === null)) return;
    for (const g of conflicts) {
      if (g.resolution !== null) continue;
      const lines = g.rows.map((r) => r.line);
      this.errors.push({
        line: lines[1] as number,
        column: "Row",
        message:
          `${g.label} appears on lines ${lines.join(", ")} with different ${g.fields.join(", ")}: ` +
          "choose which row to keep, or import them as separate suppliers",
      });
    }
    this.errors.sort((a, b) => a.line - b.line);
  }
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

function sameCells(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
