// The commit of a checked supplier CSV: everything or nothing, in one transaction, and only what the
// check showed (the analysis runs again against the data as it is now; a commit whose outcome differs
// from the approved check writes nothing and answers with the new check). Importing the same file
// twice changes nothing. The analysis and the preview: import-check.server.ts.
import type { Kysely, Transaction } from "kysely";
import type { Database } from "~db/types";
import type SQLite from "better-sqlite3";
import { scoresChanged } from "./risk.server";
import { suppliersChangedForScreening } from "./screening.server";
import { fail, ok, type Failure, type Result } from "~/domain/result";
import type { ImportPreview } from "~/domain/csv/preview";
import { rememberableMapping, type ColumnMapping } from "~/domain/csv/mapping";
import type { ImportRow } from "~/domain/csv/row";
import type { FieldKey } from "~/domain/csv/fields";
import type { ParsedCsv } from "~/domain/csv/parse";
import { computeTiers } from "~/domain/supply-chain/tiers";
import { recordAudit, recordAuditBatch, type AuditEntry } from "~/models/audit.server";
import { graphFingerprint, lockOrgGraph, writeTiers } from "~/models/supplier-graph.server";
import { refreshPlannerStats, sqliteHandleOf } from "~db/client";
import {
  importRowColumns,
  insertSuppliers,
  replaceGoodsBulk,
  replaceLinksBulk,
  updateSuppliers,
  type BulkTarget,
} from "~/models/import-data.server";
import { getRememberedMapping, rememberMapping, transitionImport } from "~/models/import.server";
import { analyse, DEFAULT_OPTIONS, parseOrPreview, previewOf, type ImportOptions, type Plan, type Progress } from "./import-check.server";

const STALE_NOTICE =
  "Nothing was imported: your suppliers changed since you checked this file (another import or an edit), so the import would " +
  "no longer do what the check showed. Here is the check against your data as it is now; review it and import again if it is still right.";

type DB = Kysely<Database>;
type Columns = ReturnType<typeof importRowColumns>;

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  links: number;
  tiersChanged: number;
  ms: number;
}

export interface CommitActor {
  orgId: number;
  userId: number | null;
  label: string;
  ip: string | null;
}

export interface CommitOptions {
  importId?: number;
  progress?: Progress;
  options?: ImportOptions;
  /** The outcome digest of the check the officer approved: the commit refuses to write anything else. */
  approved?: string;
}

/** What a commit wrote, or why it wrote nothing; either way the check as it stands now. */
export type CommitOutcome = Result<{ result: ImportResult; preview: ImportPreview }, { preview: ImportPreview }>;

const FILE_ERRORS = "Nothing was imported: the file has errors. Correct them and upload it again.";

/** Nothing written: the file has errors ("invalid"), or the data moved since the approved check ("conflict"). */
function refused(preview: ImportPreview): Failure<{ preview: ImportPreview }> {
  return preview.staleNotice !== undefined
    ? fail("conflict", STALE_NOTICE, { detail: { preview } })
    : fail("invalid", preview.fileError ?? FILE_ERRORS, { detail: { preview } });
}

interface Write {
  mapped: Set<FieldKey>;
  newRows: ImportRow[];
  updates: Array<{ id: number; set: Partial<Columns> }>;
  auditEntries: AuditEntry[];
  tiers: Map<number, number | null>;
  tierChanges: Map<number, number | null>;
}

type AuditBase = Omit<AuditEntry, "action">;

const COLUMN_OF: Partial<Record<FieldKey, keyof Columns>> = {
  external_ref: "external_ref",
  name: "name",
  country: "country",
  address: "address",
  city: "city",
  latitude: "latitude",
  longitude: "longitude",
  sector: "sector",
  annual_spend: "annual_spend",
  currency: "currency",
  workers_count: "workers_count",
  contact_name: "contact_name",
  contact_email: "contact_email",
  os_id: "os_id",
  duns: "duns",
  lei: "lei",
  tax_id: "tax_id",
  notes: "notes",
  status: "status",
};

const PROPERTY_OF: Partial<Record<FieldKey, keyof ImportRow>> = {
  external_ref: "externalRef",
  annual_spend: "annualSpend",
  workers_count: "workersCount",
  contact_name: "contactName",
  contact_email: "contactEmail",
  os_id: "osId",
  tax_id: "taxId",
  supplies_to: "suppliesTo",
};

/** The columns a row's changed fields write, and its audit entry with before → after values. */
function updateOf(plan: Plan, i: number, changes: FieldKey[], base: AuditBase, importId: number | undefined) {
  const r = plan.rows[i]!;
  const id = plan.matchOf[i]!;
  const cols = importRowColumns(r);
  const set: Partial<Columns> = {};
  for (const f of changes) {
    const c = COLUMN_OF[f];
    if (c) (set as Record<string, unknown>)[c] = cols[c];
    if (f === "name") set.name_norm = cols.name_norm;
  }
  const before = plan.existing.values.get(id)!;
  const diff: Record<string, [unknown, unknown]> = {};
  for (const f of changes) {
    const k = PROPERTY_OF[f] ?? (f as keyof ImportRow);
    diff[f] = [before[k as keyof typeof before], r[k]];
  }
  const audit: AuditEntry = {
    ...base,
    action: "supplier.updated",
    entityId: id,
    diff: { ...diff, import: importId ?? null, line: r.line },
  };
  return { id, set, audit };
}

/** What a plan writes: new rows, per-field updates with their audit entries, and tiers after the import. */
function prepareWrite(plan: Plan, base: AuditBase, importId: number | undefined): Write {
  const newRows: ImportRow[] = [];
  const updates: Write["updates"] = [];
  const auditEntries: AuditEntry[] = [];
  plan.rows.forEach((r, i) => {
    const changes = plan.changes[i];
    if (plan.matchOf[i] === undefined) {
      newRows.push(r);
      return;
    }
    if (!changes || changes.length === 0) return;
    const { id, set, audit } = updateOf(plan, i, changes, base, importId);
    if (Object.keys(set).length) updates.push({ id, set });
    auditEntries.push(audit);
  });

  // Tiers of the whole organization as they will be, computed in memory before writing: new
  // suppliers are inserted with their tier, and only existing suppliers whose tier moves are updated.
  const allIds = [...plan.existing.values.keys(), ...[...plan.idOf.values()].filter((x) => x < 0)];
  const tiers = computeTiers(allIds, plan.graph);
  const tierChanges = new Map<number, number | null>();
  for (const id of plan.existing.values.keys()) {
    const t = tiers.get(id) ?? null;
    if (t !== plan.existing.tierOf.get(id)) tierChanges.set(id, t);
  }
  return { mapped: new Set(plan.mappedFields), newRows, updates, auditEntries, tiers, tierChanges };
}

/** Thrown inside the write transaction when the data changed since the analysis and the file no longer fits. */
class StalePlan extends Error {
  constructor(readonly preview: ImportPreview) {
    super("the supply base changed during the import");
  }
}

/** Goods of new suppliers and of existing ones whose goods the import changes. */
async function writeGoods(target: BulkTarget, orgId: number, plan: Plan, realId: (stand: number) => number): Promise<void> {
  const goods = new Map<number, string[]>();
  const replaceFor: number[] = [];
  plan.rows.forEach((r, i) => {
    const c = plan.changes[i] ?? null;
    if (c === null || c.includes("goods")) {
      const sid = realId(plan.idOf.get(r.key)!);
      if (c !== null) replaceFor.push(sid);
      if (r.goods.length) goods.set(sid, r.goods);
    }
  });
  await replaceGoodsBulk(target, orgId, goods, replaceFor);
}

/** Buyers of new suppliers and of existing ones whose buyers the import changes; returns the links written. */
async function writeLinks(target: BulkTarget, orgId: number, plan: Plan, realId: (stand: number) => number): Promise<number> {
  const replaced = new Set<number>();
  const clear: number[] = [];
  plan.rows.forEach((r, i) => {
    const c = plan.changes[i] ?? null;
    if (c === null || c.includes("supplies_to")) replaced.add(plan.idOf.get(r.key)!);
    if (c !== null && c.includes("supplies_to")) clear.push(plan.idOf.get(r.key)!);
  });
  const links = plan.graph
    .filter((l) => replaced.has(l.supplierId))
    .map((l) => ({ supplierId: realId(l.supplierId), buyerId: realId(l.buyerId) }));
  await replaceLinksBulk(target, orgId, clear, links);
  return links.length;
}

/**
 * One entry for the suppliers the import created (the file is kept with the import); one per
 * changed supplier is written with the updates, with its before/after values.
 */
async function auditCommit(trx: Transaction<Database>, base: AuditBase, res: ImportResult, newRows: ImportRow[], opts: CommitOptions) {
  const options = opts.options ?? DEFAULT_OPTIONS;
  const decisions = Object.values(options.resolutions);
  await recordAudit(trx, {
    ...base,
    action: "supplier.import_committed",
    entity: "import",
    entityId: opts.importId ?? null,
    diff: {
      ...res,
      file: opts.importId ?? null,
      policy: options.policy,
      conflicts: {
        first: decisions.filter((d) => d === "first").length,
        last: decisions.filter((d) => d === "last").length,
        both: decisions.filter((d) => d === "both").length,
      },
      // The new suppliers' ids are in the log through their own rows' created_at; the first few
      // are named here so the entry says what the import added without growing with the file.
      newSuppliers: newRows.slice(0, 20).map((r) => r.externalRef ?? r.name),
    },
  });
}

/** Writes a plan inside the commit's transaction and returns the counts. */
async function writePlan(
  trx: Transaction<Database>,
  raw: SQLite.Database | undefined,
  orgId: number,
  plan: Plan,
  write: Write,
): Promise<ImportResult> {
  const { mapped, newRows, updates, auditEntries, tiers, tierChanges } = write;
  const target = { trx, raw };
  const newIds = await insertSuppliers(target, orgId, newRows, (r) => tiers.get(plan.idOf.get(r.key)!) ?? null);
  await updateSuppliers(trx, orgId, updates);
  const realId = (stand: number) => (stand < 0 ? newIds.get(plan.rows[-stand - 1]!.key)! : stand);
  if (mapped.has("goods")) await writeGoods(target, orgId, plan, realId);
  const links = mapped.has("supplies_to") ? await writeLinks(target, orgId, plan, realId) : 0;
  await writeTiers(trx, orgId, tierChanges);
  await recordAuditBatch(trx, auditEntries);
  return {
    created: newRows.length,
    updated: updates.length,
    unchanged: plan.rows.length - newRows.length - updates.length,
    links,
    tiersChanged: tierChanges.size,
    ms: 0,
  };
}

/**
 * Writes a checked file in ONE transaction: everything or nothing. The analysis is re-run first
 * against the data as it is now (someone may have changed suppliers since the preview).
 */
export async function commitCsv(
  db: DB,
  actor: CommitActor,
  content: string,
  mapping: ColumnMapping,
  opts: CommitOptions = {},
): Promise<CommitOutcome> {
  const p = parseOrPreview(content, mapping);
  if ("preview" in p) return refused(p.preview);
  return commitParsed(db, actor, p.parsed, mapping, opts);
}

/** The commit of rows already read (a CSV file, or the API's JSON rows): the same checks, policy and messages. */
export async function commitParsed(
  db: DB,
  actor: CommitActor,
  parsed: ParsedCsv,
  mapping: ColumnMapping,
  opts: CommitOptions = {},
): Promise<CommitOutcome> {
  const started = Date.now();
  const { orgId } = actor;
  const options = opts.options ?? DEFAULT_OPTIONS;
  const p = { parsed };
  const before = await graphFingerprint(db, orgId);
  let plan = await analyse(db, orgId, p.parsed, mapping, opts.progress, options);
  if (plan.errors.length) return refused(previewOf(plan));
  // The data may have moved since the officer approved the check (another import, an edit): then
  // this commit would write something else than what was shown. Refuse, with the new check.
  const stale = (preview: ImportPreview) => opts.approved !== undefined && preview.outcome !== opts.approved;
  const fresh = previewOf(plan);
  if (stale(fresh)) return refused({ ...fresh, staleNotice: STALE_NOTICE });
  const base: AuditBase = { orgId, actorUserId: actor.userId, actorLabel: actor.label, ip: actor.ip, entity: "supplier" };
  let write = prepareWrite(plan, base, opts.importId);

  const total = write.newRows.length + write.updates.length;
  await opts.progress?.("Writing suppliers", 0, total);
  const raw = sqliteHandleOf(db);
  let result: ImportResult;
  try {
    result = await db.transaction().execute(async (trx) => {
      // Graph changes of this organization wait for the import (PostgreSQL; SQLite has one writer).
      // If anything changed since the analysis, analyse again, now that nothing else can write.
      await lockOrgGraph(trx, orgId);
      if ((await graphFingerprint(trx, orgId)) !== before) {
        plan = await analyse(trx, orgId, p.parsed, mapping, undefined, options);
        if (plan.errors.length) throw new StalePlan(previewOf(plan));
        const again = previewOf(plan);
        if (stale(again)) throw new StalePlan({ ...again, staleNotice: STALE_NOTICE });
        write = prepareWrite(plan, base, opts.importId);
      }
      const res = await writePlan(trx, raw, orgId, plan, write);
      await auditCommit(trx, base, res, write.newRows, opts);
      if (opts.importId !== undefined) await finishImport(trx, orgId, opts.importId, p.parsed, mapping, res);
      return res;
    });
  } catch (e) {
    if (e instanceof StalePlan) return refused(e.preview);
    throw e;
  }
  refreshPlannerStats(db);
  // New or changed suppliers and links move scores: recompute (a large import goes to the job runner).
  if (result.created + result.updated + result.links > 0)
    await scoresChanged(db, orgId, opts.importId ? `import #${opts.importId}` : "import", "all");
  if (result.created + result.updated > 0) await suppliersChangedForScreening(db, orgId, "all");
  result.ms = Date.now() - started;
  await opts.progress?.("Done", total, total);
  return ok({ result, preview: previewOf(plan) });
}

/** The import is committed; its column mapping is remembered (only once an import has used it, not on a mere check). */
async function finishImport(
  trx: Transaction<Database>,
  orgId: number,
  importId: number,
  parsed: ParsedCsv,
  mapping: ColumnMapping,
  res: ImportResult,
): Promise<void> {
  const old = (await getRememberedMapping(trx, orgId)) ?? {};
  await rememberMapping(trx, orgId, { ...old, ...rememberableMapping(parsed.headers, mapping) });
  await transitionImport(trx, orgId, importId, ["commit_queued", "committing"], "committed", { result: res, finished: true });
}
