// Supplier CSV import: upload → map columns → check (every row parsed and validated, a preview of
// new / changed / unchanged rows and every bad row) → commit (everything or nothing, in one
// transaction; importing the same file twice changes nothing). The check and the commit run in a
// job runner off the request path (app/server/import-runner.ts); seed:large and the benchmark call
// the same functions directly. The analysis and the preview: import-check.server.ts; the commit:
// import-commit.server.ts.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import type { OrgIdentity } from "~/lib/auth.server";
import { fail, ok, type Result } from "~/domain/result";
import { parseSupplierCsv } from "~/domain/csv/parse";
import { suggestMapping, validateMapping, type ColumnMapping, type RememberedMapping } from "~/domain/csv/mapping";
import { isFieldKey } from "~/domain/csv/fields";
import type { ImportPreview } from "~/domain/csv/preview";
import { ImportOptionsSchema } from "~/schemas/import";
import {
  getImport,
  getImportContent,
  getRememberedMapping,
  importCreatorEmail,
  insertImport,
  setImportProgress,
  transitionImport,
} from "~/models/import.server";
import { signalJobQueued } from "~/lib/job-signal.server";
import { serverId } from "~/lib/server-id.server";
import { checkCsv, DEFAULT_OPTIONS, type ImportOptions, type Progress } from "./import-check.server";
import { commitCsv } from "./import-commit.server";

type DB = Kysely<Database>;

// ---------------------------------------------------------------------------------------------
// Upload and mapping

/** Stores an uploaded file and proposes a column mapping (the organization's remembered one first). */
export async function uploadImport(
  db: DB,
  id: OrgIdentity,
  file: { name: string; text: string; sizeBytes: number },
): Promise<Result<{ importId: number }>> {
  const parsed = parseSupplierCsv(file.text);
  if (!parsed.ok) return fail("invalid", parsed.error);
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
  return ok({ importId });
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
): Promise<Result> {
  const imp = await getImport(db, orgId, importId);
  if (!imp) return fail("not_found", "No such import");
  const headers = JSON.parse(imp.headers) as string[];
  const clean: ColumnMapping = mapping.map((m) => (m && isFieldKey(m) ? m : null));
  const problems = validateMapping(headers, clean);
  if (problems.length) return fail("invalid", problems.map((p) => p.message).join(" "));
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
  if (!moved) return fail("conflict", "This import is already being checked, was imported or was discarded.");
  signalJobQueued("import");
  return ok();
}

/** Throws away an import that was never committed (its file too); the list shows it as discarded. */
export async function discardImport(db: DB, orgId: number, importId: number): Promise<Result> {
  const moved = await transitionImport(db, orgId, importId, ["uploaded", "checked", "failed"], "discarded", {
    finished: true,
    clearContent: true,
  });
  if (moved) return ok();
  const imp = await getImport(db, orgId, importId);
  if (!imp) return fail("not_found", "No such import");
  return fail(
    "conflict",
    imp.status === "committed" ? "This import was committed; it cannot be discarded." : "This import is running; wait until it finishes.",
  );
}

/** Queues the commit of a checked import that has no errors. */
export async function queueCommit(db: DB, orgId: number, importId: number): Promise<Result> {
  const imp = await getImport(db, orgId, importId);
  if (!imp) return fail("not_found", "No such import");
  const preview = imp.preview ? (JSON.parse(imp.preview) as ImportPreview) : null;
  if (imp.status !== "checked" || !preview) return fail("conflict", "Check the file before importing it.");
  if (preview.errorCount > 0 || preview.fileError)
    return fail("conflict", "Fix the errors in the file and upload it again: nothing was imported.");
  const moved = await transitionImport(db, orgId, importId, "checked", "commit_queued");
  if (!moved) return fail("conflict", "This import is already running or finished.");
  signalJobQueued("import");
  return ok();
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

/** Runs a queued check (or takes over one whose server died) as `holder` (serverId()). */
export async function runQueuedCheck(db: DB, orgId: number, importId: number, holder = serverId()): Promise<void> {
  if (!(await transitionImport(db, orgId, importId, ["check_queued", "checking"], "checking", { claim: holder }))) return;
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

/** Runs a queued commit (or takes over one whose server died) as `holder` (serverId()). */
export async function runQueuedCommit(db: DB, orgId: number, importId: number, holder = serverId()): Promise<void> {
  if (!(await transitionImport(db, orgId, importId, ["commit_queued", "committing"], "committing", { claim: holder }))) return;
  const imp = await getImport(db, orgId, importId);
  const content = await getImportContent(db, orgId, importId);
  if (!imp || content === undefined) return;
  const mapping = JSON.parse(imp.mapping ?? "[]") as ColumnMapping;
  const creator = imp.created_by;
  const label = (creator ? await importCreatorEmail(db, orgId, importId) : undefined) ?? "import";
  try {
    const approved = imp.preview ? (JSON.parse(imp.preview) as ImportPreview).outcome : undefined;
    const out = await commitCsv(db, { orgId, userId: creator, label, ip: null }, content, mapping, {
      importId,
      progress: progressWriter(db, orgId, importId),
      options: importOptionsOf(imp.options),
      // An import checked before outcomes were recorded has none: it is committed as re-analysed.
      ...(approved ? { approved } : {}),
    });
    if (!out.ok) await transitionImport(db, orgId, importId, "committing", "checked", { preview: out.detail!.preview });
  } catch (e) {
    await transitionImport(db, orgId, importId, ["committing"], "failed", {
      result: { error: `Nothing was imported: ${e instanceof Error ? e.message : String(e)}` },
      finished: true,
    });
  }
}
