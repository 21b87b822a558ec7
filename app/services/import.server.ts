// Supplier CSV import: upload → map columns → check (every row parsed and validated, a preview of
// new / changed / unchanged rows and every bad row) → commit (everything or nothing, in one
// transaction; importing the same file twice changes nothing). The check and the commit run in a
// job runner off the request path (app/server/import-runner.ts); seed:large and the benchmark call
// the same functions directly. The analysis and the preview: import-check.server.ts.
import type { Kysely } from "kysely";
import type { Database } from "../../db/types";
import type { OrgIdentity } from "../lib/auth.server";
import { scoresChanged } from "./risk.server";
import { parseSupplierCsv } from "../domain/csv/parse";
import { suggestMapping, validateMapping, rememberableMapping, type ColumnMapping, type RememberedMapping } from "../domain/csv/mapping";
import type { ImportRow } from "../domain/csv/validate";
import { isFieldKey, type FieldKey } from "../domain/csv/fields";
import { computeTiers } from "../domain/supply-chain/tiers";
import { recordAudit, recordAuditBatch, type AuditEntry } from "../models/audit.server";
import { graphFingerprint, lockOrgGraph, writeTiers } from "../models/supplier-graph.server";
import { refreshPlannerStats, sqliteHandleOf } from "../../db/client";
import {
  importRowColumns,
  insertSuppliers,
  replaceGoodsBulk,
  replaceLinksBulk,
  updateSuppliers,
} from "../models/import-data.server";
import {
  getImport,
  getImportContent,
  getRememberedMapping,
  insertImport,
  rememberMapping,
  setImportProgress,
  transitionImport,
} from "../models/import.server";
import { signalJobQueued } from "../lib/job-signal.server";
import { analyse, checkCsv, parseOrPreview, previewOf, type ImportPreview, type Plan, type Progress } from "./import-check.server";

export { checkCsv, MAX_ISSUES_SHOWN, type ImportPreview, type Progress } from "./import-check.server";

type DB = Kysely<Database>;
export type ImportError = { status: 400 | 404 | 409 | 413 | 415; message: string };

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  links: number;
  tiersChanged: number;
  ms: number;
}


// ---------------------------------------------------------------------------------------------
// Upload and mapping

/** Stores an uploaded file and proposes a column mapping (the organization's remembered one first). */
export async function uploadImport(
  db: DB,
  id: OrgIdentity,
  file: { name: string; text: string; sizeBytes: number },
): Promise<ImportError | { importId: number }> {
  const parsed = parseSupplierCsv(file.text);
  if (!parsed.ok) return { status: 400, message: parsed.error };
  const remembered = (await getRememberedMapping(db, id.org.id)) as RememberedMapping | undefined;
  const mapping = suggestMapping(parsed.headers, remembered);
  const importId = await insertImport(db, id.org.id, {
    createdBy: id.user.userId,
    filename: file.name.slice(0, 200),
    sizeBytes: file.sizeBytes,
    content: file.text,
    headers: parsed.headers,
    mapping,
  });
  return { importId };
}

/** Saves the officer's mapping and queues the check. */
export async function queueCheck(db: DB, orgId: number, importId: number, mapping: Array<string | null>): Promise<ImportError | { ok: true }> {
  const imp = await getImport(db, orgId, importId);
  if (!imp) return { status: 404, message: "No such import" };
  const headers = JSON.parse(imp.headers) as string[];
  const clean: ColumnMapping = mapping.map((m) => (m && isFieldKey(m) ? m : null));
  const problems = validateMapping(headers, clean);
  if (problems.length) return { status: 400, message: problems.map((p) => p.message).join(" ") };
  const moved = await transitionImport(db, orgId, importId, ["uploaded", "checked"], "check_queued", { mapping: clean, preview: null });
  if (!moved) return { status: 409, message: "This import is already being checked or was imported." };
  signalJobQueued("import");
  // Remembered now, not only after a commit: after "check, fix the file, upload again" the officer
  // should not have to map the columns a second time.
  const old = (await getRememberedMapping(db, orgId)) ?? {};
  await rememberMapping(db, orgId, { ...old, ...rememberableMapping(headers, clean) });
  return { ok: true };
}

/** Queues the commit of a checked import that has no errors. */
export async function queueCommit(db: DB, orgId: number, importId: number): Promise<ImportError | { ok: true }> {
  const imp = await getImport(db, orgId, importId);
  if (!imp) return { status: 404, message: "No such import" };
  const preview = imp.preview ? (JSON.parse(imp.preview) as ImportPreview) : null;
  if (imp.status !== "checked" || !preview) return { status: 409, message: "Check the file before importing it." };
  if (preview.errorCount > 0 || preview.fileError) return { status: 409, message: "Fix the errors in the file and upload it again: nothing was imported." };
  const moved = await transitionImport(db, orgId, importId, "checked", "commit_queued");
  if (!moved) return { status: 409, message: "This import is already running or finished." };
  signalJobQueued("import");
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Commit

interface Write {
  mapped: Set<FieldKey>;
  newRows: ImportRow[];
  updates: Array<{ id: number; set: Partial<ReturnType<typeof importRowColumns>> }>;
  auditEntries: AuditEntry[];
  tiers: Map<number, number | null>;
  tierChanges: Map<number, number | null>;
}

/** What a plan writes: new rows, per-field updates with their audit entries, and tiers after the import. */
function prepareWrite(plan: Plan, base: Omit<AuditEntry, "action">, importId: number | undefined): Write {
  const mapped = new Set(plan.mappedFields);
  const newRows: ImportRow[] = [];
  const updates: Array<{ id: number; set: Partial<ReturnType<typeof importRowColumns>> }> = [];
  const auditEntries: AuditEntry[] = [];
  const COLUMN_OF: Partial<Record<FieldKey, keyof ReturnType<typeof importRowColumns>>> = {
    external_ref: "external_ref", name: "name", country: "country", address: "address", city: "city", sector: "sector",
    annual_spend: "annual_spend", currency: "currency", workers_count: "workers_count", contact_name: "contact_name",
    contact_email: "contact_email", os_id: "os_id", duns: "duns", lei: "lei", tax_id: "tax_id", notes: "notes", status: "status",
  };
  plan.rows.forEach((r, i) => {
    const id = plan.matchOf[i];
    const changes = plan.changes[i];
    if (id === undefined) {
      newRows.push(r);
      return;
    }
    if (!changes || changes.length === 0) return;
    const cols = importRowColumns(r);
    const set: Partial<typeof cols> = {};
    for (const f of changes) {
      const c = COLUMN_OF[f];
      if (c) (set as Record<string, unknown>)[c] = cols[c];
      if (f === "name") set.name_norm = cols.name_norm;
    }
    if (Object.keys(set).length) updates.push({ id, set });
    const before = plan.existing.values.get(id)!;
    const diff: Record<string, [unknown, unknown]> = {};
    const prop: Record<string, keyof ImportRow> = { external_ref: "externalRef", annual_spend: "annualSpend", workers_count: "workersCount", contact_name: "contactName", contact_email: "contactEmail", os_id: "osId", tax_id: "taxId", supplies_to: "suppliesTo" };
    for (const f of changes) {
      const k = prop[f] ?? (f as keyof ImportRow);
      diff[f] = [before[k as keyof typeof before], r[k]];
    }
    auditEntries.push({ ...base, action: "supplier.updated", entityId: id, diff: { ...diff, import: importId ?? null, line: r.line } });
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

  return { mapped, newRows, updates, auditEntries, tiers, tierChanges };
}

/** Thrown inside the write transaction when the data changed since the analysis and the file no longer fits. */
class StalePlan extends Error {
  constructor(readonly preview: ImportPreview) {
    super("the supply base changed during the import");
  }
}


/**
 * Writes a checked file in ONE transaction: everything or nothing. The analysis is re-run first
 * against the data as it is now (someone may have changed suppliers since the preview).
 */
export async function commitCsv(
  db: DB,
  actor: { orgId: number; userId: number | null; label: string; ip: string | null },
  content: string,
  mapping: ColumnMapping,
  opts: { importId?: number; progress?: Progress } = {},
): Promise<{ ok: true; result: ImportResult; preview: ImportPreview } | { ok: false; preview: ImportPreview }> {
  const started = Date.now();
  const { orgId } = actor;
  const p = parseOrPreview(content, mapping);
  if ("preview" in p) return { ok: false, preview: p.preview };
  const before = await graphFingerprint(db, orgId);
  let plan = await analyse(db, orgId, p.parsed, mapping, opts.progress);
  if (plan.errors.length) return { ok: false, preview: previewOf(plan) };
  const base = { orgId, actorUserId: actor.userId, actorLabel: actor.label, ip: actor.ip, entity: "supplier" };
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
        plan = await analyse(trx, orgId, p.parsed, mapping);
        if (plan.errors.length) throw new StalePlan(previewOf(plan));
        write = prepareWrite(plan, base, opts.importId);
      }
      const { mapped, newRows, updates, auditEntries, tiers, tierChanges } = write;
      const target = { trx, raw };
      const newIds = await insertSuppliers(target, orgId, newRows, (r) => tiers.get(plan.idOf.get(r.key)!) ?? null);
      await updateSuppliers(trx, orgId, updates);
      const realId = (stand: number) => (stand < 0 ? newIds.get(plan.rows[-stand - 1]!.key)! : stand);

      if (mapped.has("goods")) {
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

      let linkCount = 0;
      if (mapped.has("supplies_to")) {
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
        linkCount = links.length;
      }
      await writeTiers(trx, orgId, tierChanges);
      await recordAuditBatch(trx, auditEntries);
      const res: ImportResult = {
        created: newRows.length,
        updated: updates.length,
        unchanged: plan.rows.length - newRows.length - updates.length,
        links: linkCount,
        tiersChanged: tierChanges.size,
        ms: 0,
      };
      // One entry for the suppliers the import created (the file is kept with the import); one per
      // changed supplier above, with its before/after values.
      await recordAudit(trx, { ...base, action: "supplier.import_committed", entity: "import", entityId: opts.importId ?? null, diff: { ...res, file: opts.importId ?? null } });
      if (opts.importId !== undefined) {
        await transitionImport(trx, orgId, opts.importId, ["commit_queued", "committing"], "committed", { result: res, finished: true });
      }
      return res;
    });
  } catch (e) {
    if (e instanceof StalePlan) return { ok: false, preview: e.preview };
    throw e;
  }
  refreshPlannerStats(db);
  // New or changed suppliers and links move scores: recompute (a large import goes to the job runner).
  if (result.created + result.updated + result.links > 0) await scoresChanged(db, orgId, opts.importId ? `import #${opts.importId}` : "import", "all");
  result.ms = Date.now() - started;
  await opts.progress?.("Done", total, total);
  return { ok: true, result, preview: previewOf(plan) };
}

// ---------------------------------------------------------------------------------------------
// Steps run by the job runner

function progressWriter(db: DB, orgId: number, importId: number): Progress {
  let last = 0;
  return async (_phase, done, total) => {
    const now = Date.now();
    if (now - last < 250 && done !== total) return;
    last = now;
    await setImportProgress(db, orgId, importId, done, total);
  };
}

export async function runQueuedCheck(db: DB, orgId: number, importId: number): Promise<void> {
  if (!(await transitionImport(db, orgId, importId, ["check_queued", "checking"], "checking", { claim: true }))) return;
  const imp = await getImport(db, orgId, importId);
  const content = await getImportContent(db, orgId, importId);
  if (!imp || content === undefined) return;
  const mapping = JSON.parse(imp.mapping ?? "[]") as ColumnMapping;
  try {
    const preview = await checkCsv(db, orgId, content, mapping, progressWriter(db, orgId, importId));
    await transitionImport(db, orgId, importId, "checking", "checked", { preview });
  } catch (e) {
    await transitionImport(db, orgId, importId, "checking", "failed", { result: { error: `The check failed: ${e instanceof Error ? e.message : String(e)}` }, finished: true });
  }
}

export async function runQueuedCommit(db: DB, orgId: number, importId: number): Promise<void> {
  if (!(await transitionImport(db, orgId, importId, ["commit_queued", "committing"], "committing", { claim: true }))) return;
  const imp = await getImport(db, orgId, importId);
  const content = await getImportContent(db, orgId, importId);
  if (!imp || content === undefined) return;
  const mapping = JSON.parse(imp.mapping ?? "[]") as ColumnMapping;
  const creator = imp.created_by;
  const label = creator ? ((await db.selectFrom("users").select("email").where("id", "=", creator).executeTakeFirst())?.email ?? "import") : "import";
  try {
    const out = await commitCsv(db, { orgId, userId: creator, label, ip: null }, content, mapping, { importId, progress: progressWriter(db, orgId, importId) });
    if (!out.ok) await transitionImport(db, orgId, importId, "committing", "checked", { preview: out.preview });
  } catch (e) {
    await transitionImport(db, orgId, importId, ["committing"], "failed", {
      result: { error: `Nothing was imported: ${e instanceof Error ? e.message : String(e)}` },
      finished: true,
    });
  }
}
