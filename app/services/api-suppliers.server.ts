// Suppliers through the REST API (decision 0013): the UI list's filters with a cursor, one supplier,
// create, change under If-Match, and the bulk upsert, which is the CSV import's commit (same checks,
// messages and update policy, everything or nothing) fed with JSON rows instead of a file.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import type { OrgIdentity } from "~/lib/auth.server";
import { decodeCursor } from "~/domain/list-cursor";
import { decodeApiCursor, encodeApiCursor } from "~/domain/api/cursor";
import { FIELD_KEYS, type FieldKey } from "~/domain/csv/fields";
import { validateMapping, type ColumnMapping } from "~/domain/csv/mapping";
import type { ParsedCsv } from "~/domain/csv/parse";
import type { RowIssue } from "~/domain/csv/row";
import { fail, ok, type Result } from "~/domain/result";
import { supplierPageQuery } from "~/models/supplier-list.server";
import { getSupplier, type SupplierRecord } from "~/models/supplier.server";
import type { ApiSupplierListQuery, BulkRow, BulkUpsertInput } from "~/schemas/api";
import type { SupplierInput, SupplierListQuery } from "~/schemas/supplier";
import { commitParsed, type ImportResult } from "./import-commit.server";

type DB = Kysely<Database>;

const KEYSET_SORTS = new Set(["name", "country", "updated"]);
const RISK_SORTS = new Set(["score", "band"]);

export interface ApiSupplierItem {
  id: number;
  externalRef: string | null;
  name: string;
  country: string;
  city: string | null;
  sector: string | null;
  tier: number | null;
  status: string;
  annualSpend: number | null;
  currency: string | null;
  riskScore: number | null;
  riskBand: string | null;
}

/** One page of the supplier list and the cursor of the next (null on the last page). */
export async function apiSupplierPage(
  db: DB,
  orgId: number,
  q: ApiSupplierListQuery,
): Promise<Result<{ data: ApiSupplierItem[]; nextCursor: string | null }>> {
  const dir = q.dir ?? (RISK_SORTS.has(q.sort) ? "desc" : "asc");
  const c = q.cursor === undefined ? null : decodeApiCursor(q.cursor);
  if (q.cursor !== undefined && (!c || c.sort !== q.sort || c.dir !== dir))
    return fail("invalid", "This cursor does not belong to this list: pass the next_cursor of the previous page with the same sort.", {
      field: "cursor",
    });
  const after = c?.after ? decodeCursor(c.after) : null;
  const { limit: _limit, cursor: _cursor, ...filters } = q;
  const f: SupplierListQuery = {
    ...filters,
    dir,
    page: c?.page ?? 1,
    size: q.limit,
    cursor: after ? { ...after, from: "after" } : null,
  };
  const rows = await supplierPageQuery(db, orgId, f).execute();
  const last = rows.at(-1);
  let nextCursor: string | null = null;
  if (rows.length === q.limit && last) {
    nextCursor = KEYSET_SORTS.has(q.sort)
      ? encodeApiCursor({ sort: q.sort, dir, after: `${last.id}:${String(last.sort_key)}` })
      : encodeApiCursor({ sort: q.sort, dir, page: f.page + 1 });
  }
  const data = rows.map((r) => ({
    id: r.id,
    externalRef: r.external_ref,
    name: r.name,
    country: r.country,
    city: r.city,
    sector: r.sector,
    tier: r.tier,
    status: r.status,
    annualSpend: r.annual_spend == null ? null : Number(r.annual_spend),
    currency: r.currency,
    riskScore: r.risk_score == null ? null : Number(r.risk_score),
    riskBand: r.risk_band,
  }));
  return ok({ data, nextCursor });
}

export async function apiGetSupplier(db: DB, orgId: number, id: number): Promise<Result<SupplierRecord>> {
  const s = await getSupplier(db, orgId, id);
  return s ? ok(s) : fail("not_found", "No such supplier");
}

/** The stored supplier as input, to merge a partial change onto. */
export function editableOf(r: SupplierRecord): SupplierInput {
  const { id: _id, tier: _t, version: _v, createdAt: _c, updatedAt: _u, ...input } = r;
  return input;
}

/** A bulk row as a CSV cell: lists joined with "|", as the import reads them. */
function cellText(v: BulkRow[FieldKey]): string {
  if (v === undefined || v === null) return "";
  if (Array.isArray(v)) return v.join("|");
  return String(v);
}

/** JSON rows as the import's parsed file: a column for each field any row names; row n is "line n". */
export function rowsAsParsed(rows: readonly BulkRow[]): { parsed: ParsedCsv; mapping: ColumnMapping } {
  const present = FIELD_KEYS.filter((k) => rows.some((r) => r[k] !== undefined));
  return {
    parsed: {
      ok: true,
      headers: [...present],
      rows: rows.map((r, i) => ({ line: i + 1, cells: present.map((k) => cellText(r[k]).trim()) })),
      delimiter: ",",
      headerLine: 0,
    },
    mapping: [...present],
  };
}

export type BulkFailure = { issues: RowIssue[]; errorCount: number };

/** All rows or none, under the chosen policy; the failure lists each bad row's messages (row n = rows[n-1]). */
export async function apiBulkUpsert(
  db: DB,
  ident: OrgIdentity,
  input: BulkUpsertInput,
  ip: string,
): Promise<Result<ImportResult, BulkFailure>> {
  const { parsed, mapping } = rowsAsParsed(input.rows);
  const mappingProblems = validateMapping(parsed.headers, mapping);
  if (mappingProblems.length) {
    const issues = mappingProblems.map((p) => ({
      line: 0,
      column: p.field ?? "rows",
      ...(p.field ? { field: p.field } : {}),
      message: p.message,
    }));
    return fail("invalid", "Nothing was saved: every row needs a name and a country.", { detail: { issues, errorCount: issues.length } });
  }
  const actor = { orgId: ident.org.id, userId: ident.user.userId || null, label: ident.user.email, ip };
  const r = await commitParsed(db, actor, parsed, mapping, { options: { policy: input.policy, resolutions: {} } });
  if (r.ok) return ok(r.value.result);
  const preview = r.detail?.preview;
  const issues = preview?.errors ?? [];
  const detail = { issues, errorCount: preview?.errorCount ?? issues.length };
  return r.kind === "conflict"
    ? fail("conflict", "Nothing was saved: suppliers changed while this call ran. Send it again.", { detail })
    : fail("invalid", `Nothing was saved: ${detail.errorCount} problem(s) in the rows; see errors.`, { detail });
}
