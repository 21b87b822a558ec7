// The analysis of a supplier CSV, shared by the check and the commit: parse, validate every row,
// match against the existing supply base, find repeats and loops, and the preview shown before a
// commit (new / changed / unchanged rows and every bad row).
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/types";
import { parseSupplierCsv, type ParsedCsv } from "../domain/csv/parse";
import { validateMapping, type ColumnMapping } from "../domain/csv/mapping";
import { validateSupplierRows, type ImportRow, type RowIssue } from "../domain/csv/validate";
import { diffSupplier } from "../domain/csv/diff";
import { createCountryResolver } from "../domain/csv/countries";
import type { FieldKey } from "../domain/csv/fields";
import { findAnyCycle } from "../domain/supply-chain/tiers";
import { normalizeName } from "../domain/supply-chain/normalize";
import { knownCountries } from "../models/supplier.server";
import { goodsIndexRows, loadExisting, type ExistingIndex } from "../models/import-data.server";

type DbOrTrx = Kysely<Database> | Transaction<Database>;


/** Errors shown in a preview are capped: a file with 100,000 bad rows needs fixing at the source anyway. */
export const MAX_ISSUES_SHOWN = 1000;

export interface ImportPreview {
  /** Data rows in the file. */
  fileRows: number;
  /** Valid rows, repeats counted once. */
  rows: number;
  new: number;
  changed: number;
  unchanged: number;
  links: number;
  errors: RowIssue[];
  errorCount: number;
  warnings: RowIssue[];
  warningCount: number;
  fileError?: string;
  mappedFields: FieldKey[];
}

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
  changes: Array<FieldKey[] | null>; // null = new
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

export async function analyse(db: DbOrTrx, orgId: number, parsed: ParsedCsv, mapping: ColumnMapping, progress?: Progress): Promise<Plan> {
  const ctx = await validationContext(db);
  await progress?.("Validating rows", 0, parsed.rows.length);
  const v = validateSupplierRows(parsed.rows, parsed.headers, mapping, ctx);
  await progress?.("Comparing with your suppliers", parsed.rows.length, parsed.rows.length);
  const existing = await loadExisting(db, orgId);
  const errors = [...v.errors];
  const column = (field: FieldKey) => parsed.headers[mapping.indexOf(field)] ?? field;

  // Match rows to existing suppliers: by reference, else by normalised name and country.
  const matchOf: Array<number | undefined> = v.rows.map((r) => {
    if (r.externalRef) return existing.byRef.get(r.externalRef);
    const found = existing.byNameCountry.get(`${r.nameNorm}|${r.country}`) ?? [];
    if (found.length > 1) {
      errors.push({ line: r.line, column: column("name"), field: "name", message: `"${r.name}" in ${r.country} matches ${found.length} suppliers already in Lantern; add a reference column to say which` });
    }
    return found.length === 1 ? found[0] : undefined;
  });

  // supplies_to must name suppliers of this file or already in Lantern.
  const suppliesMapped = v.mappedFields.includes("supplies_to");
  // References of every row of the file, valid or not: a row that points at a bad row is not
  // reported again (the bad row is).
  const refCol = mapping.indexOf("external_ref");
  const fileRefs = new Set(refCol < 0 ? [] : parsed.rows.map((r) => r.cells[refCol]?.trim() ?? "").filter(Boolean));
  let linksFromFile = 0;
  if (suppliesMapped) {
    for (const r of v.rows) {
      for (const ref of r.suppliesTo) {
        linksFromFile++;
        if (!fileRefs.has(ref) && !existing.byRef.has(ref)) {
          errors.push({ line: r.line, column: column("supplies_to"), field: "supplies_to", message: `supplies_to names "${ref}", which is not the reference of a supplier in this file or in Lantern` });
        }
      }
    }
  }

  const changes = v.rows.map((r, i) => {
    const id = matchOf[i];
    if (id === undefined) return null;
    return diffSupplier(r, existing.values.get(id), v.mappedFields).changes;
  });

  // The supply chain as it will be after the import; it must have no loop.
  const idOf = new Map<string, number>();
  v.rows.forEach((r, i) => idOf.set(r.key, matchOf[i] ?? -(i + 1)));
  let graph = existing.links;
  if (suppliesMapped && errors.length === 0) {
    const refIndex = new Map<string, number>();
    for (const r of v.rows) if (r.externalRef) refIndex.set(r.externalRef, idOf.get(r.key)!);
    const resolve = (ref: string) => refIndex.get(ref) ?? existing.byRef.get(ref)!;
    const replaced = new Set(idOf.values());
    graph = existing.links.filter((l) => !replaced.has(l.supplierId));
    for (const r of v.rows) for (const ref of new Set(r.suppliesTo)) graph.push({ supplierId: idOf.get(r.key)!, buyerId: resolve(ref) });
    const loop = findAnyCycle(graph);
    if (loop) {
      const rowOfId = new Map<number, ImportRow>();
      v.rows.forEach((r) => rowOfId.set(idOf.get(r.key)!, r));
      const label = (id: number) => {
        const r = rowOfId.get(id);
        if (r) return `${r.externalRef ?? r.name} (line ${r.line})`;
        return existing.refOf.get(id) ?? existing.values.get(id)?.name ?? `#${id}`;
      };
      const first = rowOfId.get(loop[0]!) ?? [...rowOfId.values()][0]!;
      errors.push({
        line: first.line,
        column: column("supplies_to"),
        field: "supplies_to",
        message: `supplies_to makes a loop: ${loop.map(label).join(" → ")}. A supply chain cannot loop back on itself.`,
      });
    }
  }
  errors.sort((a, b) => a.line - b.line);
  return { fileRows: parsed.rows.length, rows: v.rows, errors, warnings: v.warnings, mappedFields: v.mappedFields, existing, matchOf, changes, linksFromFile, idOf, graph };
}

export function previewOf(plan: Plan): ImportPreview {
  // Rows with a problem found against the database (unknown buyer, ambiguous match, loop) count as
  // problems, not as new or changed suppliers.
  const badLines = new Set(plan.errors.map((e) => e.line));
  let created = 0;
  let changed = 0;
  let unchanged = 0;
  plan.changes.forEach((c, i) => {
    if (badLines.has(plan.rows[i]!.line)) return;
    if (c === null) created++;
    else if (c.length) changed++;
    else unchanged++;
  });
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
  };
}

export function fileErrorPreview(fileError: string): ImportPreview {
  return { fileRows: 0, rows: 0, new: 0, changed: 0, unchanged: 0, links: 0, errors: [], errorCount: 1, warnings: [], warningCount: 0, fileError, mappedFields: [] };
}

export function parseOrPreview(content: string, mapping: ColumnMapping): { parsed: ParsedCsv } | { preview: ImportPreview } {
  const parsed = parseSupplierCsv(content);
  if (!parsed.ok) return { preview: fileErrorPreview(parsed.error) };
  const problems = validateMapping(parsed.headers, mapping);
  if (problems.length) return { preview: fileErrorPreview(problems.map((x) => x.message).join(" ")) };
  return { parsed };
}

/** Checks a file against a mapping without writing anything (the preview). */
export async function checkCsv(db: DbOrTrx, orgId: number, content: string, mapping: ColumnMapping, progress?: Progress): Promise<ImportPreview> {
  const p = parseOrPreview(content, mapping);
  if ("preview" in p) return p.preview;
  return previewOf(await analyse(db, orgId, p.parsed, mapping, progress));
}
