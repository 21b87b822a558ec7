// Supplier CSV import: upload → map columns → check (every row parsed and validated, a preview of
// new / changed / unchanged rows and every bad row) → commit (everything or nothing, in one
// transaction; importing the same file twice changes nothing). The check and the commit run in a
// job runner off the request path (app/server/import-runner.ts); seed:large and the benchmark call
// the same functions directly. The analysis and the preview: import-check.server.ts.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import type { OrgIdentity } from "~/lib/auth.server";
import { scoresChanged } from "./risk.server";
import { parseSupplierCsv } from "~/domain/csv/parse";
import { suggestMapping, validateMapping, rememberableMapping, type ColumnMapping, type RememberedMapping } from "~/domain/csv/mapping";
import type { ImportRow } from "~/domain/csv/validate";
import { isFieldKey, type FieldKey } from "~/domain/csv/fields";
import { ImportOptionsSchema } from "~/schemas/import";
import { computeTiers } from "~/domain/supply-chain/tiers";
import { recordAudit, recordAuditBatch, type AuditEntry } from "~/models/audit.server";
import { graphFingerprint, lockOrgGraph, writeTiers } from "~/models/supplier-graph.server";
import { refreshPlannerStats, sqliteHandleOf } from "~db/client";
import { importRowColumns, insertSuppliers, replaceGoodsBulk, replaceLinksBulk, updateSuppliers } from "~/models/import-data.server";
import {
  getImport,
  getImportContent,
  getRememberedMapping,
  insertImport,
  rememberMapping,
  setImportProgress,
  transitionImport,
} from "~/models/import.server";
import { signalJobQueued } from "~/lib/job-signal.server";
import {
  analyse,
  checkCsv,
  DEFAULT_OPTIONS,
  parseOrPreview,
  previewOf,
  type ImportOptions,
  type ImportPreview,
  type Plan,
  type Progress,
} from "./import-check.server";

const STALE_NOTICE =
  "Nothing was imported: your suppliers changed since you checked this file (another import or an edit), so the import would no longer do what the check showed. Here is the check against your data as it is now; review it and import again if it is still right.";

export { checkCsv, MAX_ISSUES_SHOWN, type ImportOptions, type ImportPreview, type Progress } from "./import-check.server";

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
    samples: parsed.rows.slice(0, 3).map((r) => r.cells),
  });
  return { importId };
}

/** The choices stored with an import (defaults for an import stored before they existed). */
export function importOptionsOf(json: string | null): ImportOptions {
  const parsed = ImportOptionsSchema.safeParse(json ? JSON.parse(json) : {});
  return parsed.success ? parsed.data : DEFAULT_OPTIONS;
}

/**
 * Saves the officer's mapping and choices and queues the check. The mapping is not remembered for
 * the next upload here: only an import that commits teaches the organization its column names.
 */
export async function queueCheck(
  db: DB,
  orgId: number,
  importId: number,
  mapping: Array<string | null>,
  options?: Partial<ImportOptions>,
): Promise<ImportError | { ok: true }> {
  const imp = await getImport(db, orgId, importId);
  if (!imp) return { status: 404, message: "No such import" };
  const headers = JSON.parse(imp.headers) as string[];
  const clean: ColumnMapping = mapping.map((m) => (m && isFieldKey(m) ? m : null));
  const problems = validateMapping(headers, clean);
  if (problems.length) return { status: 400, message: problems.map((p) => p.message).join(" ") };
  const current = importOptionsOf(imp.options);
  const next: ImportOptions = {
    policy: options?.policy ?? current.policy,
    resolutions: { ...current.resolutions, ...(options?.resolutions ?? {}) },
  };
  const moved = await transitionImport(db, orgId, importId, ["uploaded", "checked"], "check_queued", {
    mapping: clean,
    preview: null,
    options: next,
  });
  if (!moved) return { status: 409, message: "This import is already being checked, was imported or was discarded." };
  signalJobQueued("import");
  return { ok: true };
}

/** Throws away an import that was never committed (its file too); the list shows it as discarded. */
export async function discardImport(db: DB, orgId: number, importId: number): Promise<ImportError | { ok: true }> {
  const moved = await transitionImport(db, orgId, importId, ["uploaded", "checked", "failed"], "discarded", {
    finished: true,
    clearContent: true,
  });
  if (!moved) {
    const imp = await getImport(db, orgId, importId);
    if (!imp) return { status: 404, message: "No such import" };
    return {
      status: 409,
      message:
        imp.status === "committed"
          ? "This import was committed; it cannot be discarded."
          : "This import is running; wait until it finishes.",
    };
  }
  return { ok: true };
}

/** Queues the commit of a checked import that has no errors. */
export async function queueCommit(db: DB, orgId: number, importId: number): Promise<ImportError | { ok: true }> {
  const imp = await getImport(db, orgId, importId);
  if (!imp) return { status: 404, message: "No such import" };
  const preview = imp.preview ? (JSON.parse(imp.preview) as ImportPreview) : null;
  if (imp.status !== "checked" || !preview) return { status: 409, message: "Check the file before importing it." };
  if (preview.errorCount > 0 || preview.fileError)
    return { status: 409, message: "Fix the errors in the file and upload it again: nothing was imported." };
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
    const prop: Record<string, keyof ImportRow> = {
      external_ref: "externalRef",
      annual_spend: "annualSpend",
      workers_count: "workersCount",
      contact_name: "contactName",
      contact_email: "contactEmail",
      os_id: "osId",
      tax_id: "taxId",
      supplies_to: "suppliesTo",
    };
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
  opts: {
    importId?: number;
    progress?: Progress;
    options?: ImportOptions;
    /** The outcome digest of the check the officer approved: the commit refuses to write anything else. */
    approved?: string;
  } = {},
): Promise<{ ok: true; result: ImportResult; preview: ImportPreview } | { ok: false; preview: ImportPreview; stale?: boolean }> {
  const started = Date.now();
  const { orgId } = actor;
  const options = opts.options ?? DEFAULT_OPTIONS;
  const p = parseOrPreview(content, mapping);
  if ("preview" in p) return { ok: false, preview: p.preview };
  const before = await graphFingerprint(db, orgId);
  let plan = await analyse(db, orgId, p.parsed, mapping, opts.progress, options);
  if (plan.errors.length) return { ok: false, preview: previewOf(plan) };
  // The data may have moved since the officer approved the check (another import, an edit): then
  // this commit would write something else than what was shown. Refuse, with the new check.
  const stale = (preview: ImportPreview) => opts.approved !== undefined && preview.outcome !== opts.approved;
  const fresh = previewOf(plan);
  if (stale(fresh)) return { ok: false, stale: true, preview: { ...fresh, staleNotice: STALE_NOTICE } };
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
        plan = await analyse(trx, orgId, p.parsed, mapping, undefined, options);
        if (plan.errors.length) throw new StalePlan(previewOf(plan));
        const again = previewOf(plan);
        if (stale(again)) throw new StalePlan({ ...again, staleNotice: STALE_NOTICE });
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
      if (opts.importId !== undefined) {
        // The column mapping is remembered only once an import has used it (not on a mere check).
        const old = (await getRememberedMapping(trx, orgId)) ?? {};
        await rememberMapping(trx, orgId, { ...old, ...rememberableMapping(p.parsed.headers, mapping) });
        await transitionImport(trx, orgId, opts.importId, ["commit_queued", "committing"], "committed", { result: res, finished: true });
      }
      return res;
    });
  } catch (e) {
    if (e instanceof StalePlan) return { ok: false, preview: e.preview, stale: e.preview.staleNotice !== undefined };
    throw e;
  }
  refreshPlannerStats(db);
  // New or changed suppliers and links move scores: recompute (a large import goes to the job runner).
  if (result.created + result.updated + result.links > 0)
    await scoresChanged(db, orgId, opts.importId ? `import #${opts.importId}` : "import", "all");
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
    const preview = await checkCsv(db, orgId, content, mapping, progressWriter(db, orgId, importId), importOptionsOf(imp.options));
    await transitionImport(db, orgId, importId, "checking", "checked", { preview });
  } catch (e) {
    await transitionImport(db, orgId, importId, "checking", "failed", {
      result: { error: `The check failed: ${e instanceof Error ? e.message : String(e)}` },
      finished: true,
    });
  }
}

export async function runQueuedCommit(db: DB, orgId: number, importId: number): Promise<void> {
  if (!(await transitionImport(db, orgId, importId, ["commit_queued", "committing"], "committing", { claim: true }))) return;
  const imp = await getImport(db, orgId, importId);
  const content = await getImportContent(db, orgId, importId);
  if (!imp || content === undefined) return;
  const mapping = JSON.parse(imp.mapping ?? "[]") as ColumnMapping;
  const creator = imp.created_by;
  const label = creator
    ? ((await db.selectFrom("users").select("email").where("id", "=", creator).executeTakeFirst())?.email ?? "import")
    : "import";
  try {
    const approved = imp.preview ? (JSON.parse(imp.preview) as ImportPreview).outcome : undefined;
    const out = await commitCsv(db, { orgId, userId: creator, label, ip: null }, content, mapping, {
      importId,
      progress: progressWriter(db, orgId, importId),
      options: importOptionsOf(imp.options),
      // An import checked before outcomes were recorded has none: it is committed as re-analysed.
      ...(approved ? { approved } : {}),
    });
    if (!out.ok) await transitionImport(db, orgId, importId, "committing", "checked", { preview: out.preview });
  } catch (e) {
    await transitionImport(db, orgId, importId, ["committing"], "failed", {
      result: { error: `Nothing was imported: ${e instanceof Error ? e.message : String(e)}` },
      finished: true,
    });
  }
}
