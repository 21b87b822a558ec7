// The analysis of a supplier CSV, shared by the check and the commit: parse, validate every row,
// match against the existing supply base, find repeats and loops, and the preview shown before a
// commit (new / changed / unchanged rows and every bad row).
import { createHash } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "~db/types";
import { parseSupplierCsv, type ParsedCsv } from "~/domain/csv/parse";
import { validateMapping, type ColumnMapping } from "~/domain/csv/mapping";
import {
  displayValue,
  type Conflict,
  type CountryReading,
  type ImportRow,
  type Resolution,
  type RowIssue,
  type ValidationResult,
} from "~/domain/csv/row";
import { validateSupplierRows } from "~/domain/csv/validate";
import type { ChangedSupplier, FieldChange, ImportPreview, ListedSupplier } from "~/domain/csv/preview";
import { diffSupplier } from "~/domain/csv/diff";
import { appliedFields, DEFAULT_POLICY, type UpdatePolicy } from "~/domain/csv/policy";
import { createCountryResolver } from "~/domain/csv/countries";
import type { FieldKey } from "~/domain/csv/fields";
import { findAnyCycle } from "~/domain/supply-chain/tiers";
import { normalizeName } from "~/domain/supply-chain/normalize";
import { knownCountries } from "~/models/supplier.server";
import { goodsIndexRows, loadExisting, type ExistingIndex } from "~/models/import-data.server";

type DbOrTrx = Kysely<Database> | Transaction<Database>;

/** Errors shown in a preview are capped: a file with 100,000 bad rows needs fixing at the source anyway. */
export const MAX_ISSUES_SHOWN = 1000;
/** New and changed suppliers listed in a preview (the counts are always complete). */
export const MAX_LISTED = 1000;
const MAX_CONFLICTS_SHOWN = 300;
const SAMPLE_ROWS = 3;

/** The officer's choices a check and a commit run with. */
export interface ImportOptions {
  policy: UpdatePolicy;
  resolutions: Record<string, Resolution>;
}
export const DEFAULT_OPTIONS: ImportOptions = { policy: DEFAULT_POLICY, resolutions: {} };

export type Progress = (phase: string, done: number, total: number) => void | Promise<void>;

export interface Plan {
  fileRows: number;
  rows: ImportRow[];
  errors: RowIssue[];
  warnings: RowIssue[];
  mappedFields: FieldKey[];
  existing: ExistingIndex;
  /** For each row: the existing supplier it updates, or undefined when it is new. */
  matchOf: Array<number | undefined>;
  changes: Array<FieldKey[] | null>; // null = new; else the fields the policy lets the import write
  /** Per row: fields that differ but the policy keeps (null = new). */
  kept: Array<FieldKey[] | null>;
  policy: UpdatePolicy;
  conflicts: Conflict[];
  countries: CountryReading[];
  linksFromFile: number;
  /** Each row's supplier id: the existing one, or a negative stand-in for a new one. */
  idOf: Map<string, number>;
  /** The organization's links as they will be after the import (stand-in ids for new suppliers). */
  graph: Array<{ supplierId: number; buyerId: number }>;
}

export async function validationContext(db: DbOrTrx) {
  const [countries, goods] = await Promise.all([knownCountries(db), goodsIndexRows(db)]);
  const goodsIndex = new Map<string, string>();
  for (const g of goods) goodsIndex.set(normalizeName(g.good), g.good);
  return { resolveCountry: createCountryResolver(countries), goodsIndex };
}

export async function analyse(
  db: DbOrTrx,
  orgId: number,
  parsed: ParsedCsv,
  mapping: ColumnMapping,
  progress?: Progress,
  options: ImportOptions = DEFAULT_OPTIONS,
): Promise<Plan> {
  const ctx = { ...(await validationContext(db)), resolutions: new Map(Object.entries(options.resolutions)) };
  await progress?.("Validating rows", 0, parsed.rows.length);
  const v = validateSupplierRows(parsed.rows, parsed.headers, mapping, ctx);
  await progress?.("Comparing with your suppliers", parsed.rows.length, parsed.rows.length);
  const existing = await loadExisting(db, orgId);
  const errors = [...v.errors];
  const column = (field: FieldKey) => parsed.headers[mapping.indexOf(field)] ?? field;

  const matchOf = matchRows(v.rows, existing, errors, column);
  const suppliesMapped = v.mappedFields.includes("supplies_to");
  const linksFromFile = suppliesMapped ? checkBuyers(parsed, mapping, v.rows, existing, errors, column) : 0;
  const { changes, kept } = planChanges(v, matchOf, existing, options.policy);

  // Each row's supplier id: the existing one, or a negative stand-in for a new one.
  const idOf = new Map<string, number>();
  v.rows.forEach((r, i) => idOf.set(r.key, matchOf[i] ?? -(i + 1)));
  let graph = existing.links;
  if (suppliesMapped && errors.length === 0) {
    graph = graphAfter(v.rows, changes, idOf, existing);
    const loop = loopError(graph, v.rows, idOf, existing, column);
    if (loop) errors.push(loop);
  }
  errors.sort((a, b) => a.line - b.line);
  return {
    fileRows: parsed.rows.length,
    rows: v.rows,
    errors,
    warnings: v.warnings,
    mappedFields: v.mappedFields,
    existing,
    matchOf,
    changes,
    kept,
    policy: options.policy,
    conflicts: v.conflicts,
    countries: v.countries,
    linksFromFile,
    idOf,
    graph,
  };
}

type ColumnOf = (field: FieldKey) => string;

/** Matches rows to existing suppliers: by reference, else by normalised name and country. */
function matchRows(rows: ImportRow[], existing: ExistingIndex, errors: RowIssue[], column: ColumnOf): Array<number | undefined> {
  return rows.map((r) => {
    if (r.externalRef) return existing.byRef.get(r.externalRef);
    // The row key without a reference is `n:${nameMatchKey}|${country}`, as the index is keyed.
    const found = existing.byNameCountry.get(r.key.slice(2)) ?? [];
    if (found.length > 1) {
      errors.push({
        line: r.line,
        column: column("name"),
        field: "name",
        message: `"${r.name}" in ${r.country} matches ${found.length} suppliers already in Lantern; add a reference column to say which`,
      });
    }
    return found.length === 1 ? found[0] : undefined;
  });
}

/** supplies_to must name suppliers of this file or already in Lantern; returns the number of links the file gives. */
function checkBuyers(
  parsed: ParsedCsv,
  mapping: ColumnMapping,
  rows: ImportRow[],
  existing: ExistingIndex,
  errors: RowIssue[],
  column: ColumnOf,
): number {
  // References of every row of the file, valid or not: a row that points at a bad row is not
  // reported again (the bad row is).
  const refCol = mapping.indexOf("external_ref");
  const fileRefs = new Set(refCol < 0 ? [] : parsed.rows.map((r) => r.cells[refCol]?.trim() ?? "").filter(Boolean));
  let links = 0;
  for (const r of rows) {
    for (const ref of r.suppliesTo) {
      links++;
      if (!fileRefs.has(ref) && !existing.byRef.has(ref)) {
        errors.push({
          line: r.line,
          column: column("supplies_to"),
          field: "supplies_to",
          message: `supplies_to names "${ref}", which is not the reference of a supplier in this file or in Lantern`,
        });
      }
    }
  }
  return links;
}

/** Per row: the fields the policy lets the import write and those it keeps (null for a new supplier). */
function planChanges(
  v: ValidationResult,
  matchOf: Array<number | undefined>,
  existing: ExistingIndex,
  policy: UpdatePolicy,
): { changes: Array<FieldKey[] | null>; kept: Array<FieldKey[] | null> } {
  const kept: Array<FieldKey[] | null> = [];
  const changes = v.rows.map((r, i) => {
    const id = matchOf[i];
    if (id === undefined) {
      kept.push(null);
      return null;
    }
    const before = existing.values.get(id)!;
    const differing = diffSupplier(r, before, v.mappedFields).changes;
    const applied = appliedFields(r, before, differing, policy);
    kept.push(differing.filter((f) => !applied.includes(f)));
    return applied;
  });
  return { changes, kept };
}

/**
 * The supply chain as it will be after the import. Links are written for new suppliers and for
 * existing ones whose buyers the policy lets the import change.
 */
function graphAfter(
  rows: ImportRow[],
  changes: Array<FieldKey[] | null>,
  idOf: Map<string, number>,
  existing: ExistingIndex,
): Array<{ supplierId: number; buyerId: number }> {
  const refIndex = new Map<string, number>();
  for (const r of rows) if (r.externalRef) refIndex.set(r.externalRef, idOf.get(r.key)!);
  const resolve = (ref: string) => refIndex.get(ref) ?? existing.byRef.get(ref)!;
  const replaced = new Set<number>();
  rows.forEach((r, i) => {
    const c = changes[i];
    if (c === null || c === undefined || c.includes("supplies_to")) replaced.add(idOf.get(r.key)!);
  });
  const graph = existing.links.filter((l) => !replaced.has(l.supplierId));
  for (const r of rows) {
    const sid = idOf.get(r.key)!;
    if (!replaced.has(sid)) continue;
    for (const ref of new Set(r.suppliesTo)) graph.push({ supplierId: sid, buyerId: resolve(ref) });
  }
  return graph;
}

/** The error for a supply chain that loops back on itself (it must have no loop), or null. */
function loopError(
  graph: Array<{ supplierId: number; buyerId: number }>,
  rows: ImportRow[],
  idOf: Map<string, number>,
  existing: ExistingIndex,
  column: ColumnOf,
): RowIssue | null {
  const loop = findAnyCycle(graph);
  if (!loop) return null;
  const rowOfId = new Map<number, ImportRow>();
  rows.forEach((r) => rowOfId.set(idOf.get(r.key)!, r));
  const label = (id: number) => {
    const r = rowOfId.get(id);
    if (r) return `${r.externalRef ?? r.name} (line ${r.line})`;
    return existing.refOf.get(id) ?? existing.values.get(id)?.name ?? `#${id}`;
  };
  const first = rowOfId.get(loop[0]!) ?? [...rowOfId.values()][0]!;
  return {
    line: first.line,
    column: column("supplies_to"),
    field: "supplies_to",
    message: `supplies_to makes a loop: ${loop.map(label).join(" → ")}. A supply chain cannot loop back on itself.`,
  };
}

export function previewOf(plan: Plan): ImportPreview {
  // Rows with a problem found against the database (unknown buyer, ambiguous match, loop) count as
  // problems, not as new or changed suppliers.
  const badLines = new Set(plan.errors.map((e) => e.line));
  let created = 0;
  let changed = 0;
  let unchanged = 0;
  let keptSuppliers = 0;
  const newList: ListedSupplier[] = [];
  const changedList: ChangedSupplier[] = [];
  const overwrites: Partial<Record<FieldKey, number>> = {};
  const keptFields: Partial<Record<FieldKey, number>> = {};
  const hash = createHash("sha256");
  hash.update(`${plan.policy}\n`);
  plan.changes.forEach((c, i) => {
    const r = plan.rows[i]!;
    if (badLines.has(r.line)) return;
    const listed = { line: r.line, ref: r.externalRef, name: r.name, country: r.country };
    if (c === null) {
      created++;
      if (newList.length < MAX_LISTED) newList.push(listed);
      hash.update(`+${r.key}\n`);
      return;
    }
    const kept = plan.kept[i] ?? [];
    if (c.length) changed++;
    else unchanged++;
    if (kept.length) keptSuppliers++;
    const id = plan.matchOf[i]!;
    // The approved outcome: which supplier each row writes, and every field's value before and after.
    hash.update(`=${r.key}>${id}`);
    if (c.length === 0 && kept.length === 0) {
      hash.update("\n");
      return;
    }
    const before = plan.existing.values.get(id)!;
    const fieldChange = (f: FieldKey): FieldChange => ({ field: f, before: displayValue(before, f), after: displayValue(r, f) });
    const changes = c.map(fieldChange);
    for (const ch of changes) {
      hash.update(`|${ch.field}:${ch.before}>${ch.after}`);
      if (ch.before !== "") overwrites[ch.field] = (overwrites[ch.field] ?? 0) + 1;
    }
    for (const f of kept) keptFields[f] = (keptFields[f] ?? 0) + 1;
    hash.update("\n");
    if (changedList.length < MAX_LISTED) changedList.push({ ...listed, changes, kept: kept.map(fieldChange) });
  });
  const samples = plan.rows
    .filter((r) => !badLines.has(r.line))
    .slice(0, SAMPLE_ROWS)
    .map((r) => plan.mappedFields.map((field) => ({ field, value: displayValue(r, field) })));
  const unresolved = plan.conflicts.filter((g) => g.resolution === null).length;
  return {
    fileRows: plan.fileRows,
    rows: plan.rows.length,
    new: created,
    changed,
    unchanged,
    links: plan.linksFromFile,
    errors: plan.errors.slice(0, MAX_ISSUES_SHOWN),
    errorCount: plan.errors.length,
    warnings: plan.warnings.slice(0, MAX_ISSUES_SHOWN),
    warningCount: plan.warnings.length,
    mappedFields: plan.mappedFields,
    policy: plan.policy,
    newList,
    changedList,
    keptSuppliers,
    overwrites,
    keptFields,
    samples,
    countries: plan.countries,
    conflicts: plan.conflicts.slice(0, MAX_CONFLICTS_SHOWN),
    conflictCount: plan.conflicts.length,
    unresolvedConflicts: unresolved,
    outcome: hash.digest("base64url"),
  };
}

export function fileErrorPreview(fileError: string): ImportPreview {
  return {
    fileRows: 0,
    rows: 0,
    new: 0,
    changed: 0,
    unchanged: 0,
    links: 0,
    errors: [],
    errorCount: 1,
    warnings: [],
    warningCount: 0,
    fileError,
    mappedFields: [],
  };
}

export function parseOrPreview(content: string, mapping: ColumnMapping): { parsed: ParsedCsv } | { preview: ImportPreview } {
  const parsed = parseSupplierCsv(content);
  if (!parsed.ok) return { preview: fileErrorPreview(parsed.error) };
  const problems = validateMapping(parsed.headers, mapping);
  if (problems.length) return { preview: fileErrorPreview(problems.map((x) => x.message).join(" ")) };
  return { parsed };
}

/** Checks a file against a mapping without writing anything (the preview). */
export async function checkCsv(
  db: DbOrTrx,
  orgId: number,
  content: string,
  mapping: ColumnMapping,
  progress?: Progress,
  options: ImportOptions = DEFAULT_OPTIONS,
): Promise<ImportPreview> {
  const p = parseOrPreview(content, mapping);
  if ("preview" in p) return p.preview;
  return previewOf(await analyse(db, orgId, p.parsed, mapping, progress, options));
}
