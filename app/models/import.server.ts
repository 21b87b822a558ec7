// Supplier CSV imports: the uploaded file and each step's outcome live in supplier_imports, so any
// app server (and a restarted one) can pick up a queued step. Scoped by orgId.
import type { DbOrTrx } from "./types";
import type { ImportStatus } from "~db/types";
import { nowIso } from "~/lib/time";

export async function insertImport(
  db: DbOrTrx,
  orgId: number,
  p: { createdBy: number; filename: string; sizeBytes: number; content: string; headers: string[]; mapping: unknown; samples: string[][] },
): Promise<number> {
  const row = await db
    .insertInto("supplier_imports")
    .values({
      org_id: orgId,
      created_by: p.createdBy,
      created_at: nowIso(),
      filename: p.filename,
      size_bytes: p.sizeBytes,
      status: "uploaded",
      content: p.content,
      headers: JSON.stringify(p.headers),
      mapping: JSON.stringify(p.mapping),
      samples: JSON.stringify(p.samples),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The import without its (possibly large) file content. */
export async function getImport(db: DbOrTrx, orgId: number, id: number) {
  return db
    .selectFrom("supplier_imports")
    .select([
      "id",
      "filename",
      "size_bytes",
      "status",
      "headers",
      "mapping",
      "preview",
      "result",
      "progress_done",
      "progress_total",
      "created_at",
      "finished_at",
      "created_by",
      "options",
      "samples",
    ])
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function getImportContent(db: DbOrTrx, orgId: number, id: number): Promise<string | undefined> {
  const r = await db.selectFrom("supplier_imports").select("content").where("org_id", "=", orgId).where("id", "=", id).executeTakeFirst();
  return r?.content;
}

export async function listImports(db: DbOrTrx, orgId: number, limit = 10) {
  return db
    .selectFrom("supplier_imports")
    .select(["id", "filename", "status", "created_at", "finished_at", "result"])
    .where("org_id", "=", orgId)
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

/** The organization's most recently committed import (when and which), to tell which checks it superseded. */
export async function lastCommittedImport(db: DbOrTrx, orgId: number) {
  return db
    .selectFrom("supplier_imports")
    .select(["id", "filename", "finished_at"])
    .where("org_id", "=", orgId)
    .where("status", "=", "committed")
    .orderBy("finished_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** Moves an import from one status to another; false when it was not in `from` (someone else moved it). */
export async function transitionImport(
  db: DbOrTrx,
  orgId: number,
  id: number,
  from: ImportStatus | ImportStatus[],
  to: ImportStatus,
  set: {
    mapping?: unknown;
    preview?: unknown;
    result?: unknown;
    options?: unknown;
    finished?: boolean;
    /** The server taking the step: claims it (claimed_by) with a fresh heartbeat (claimed_at). */
    claim?: string;
    clearContent?: boolean;
  } = {},
): Promise<boolean> {
  const r = await db
    .updateTable("supplier_imports")
    .set({
      status: to,
      ...(set.mapping !== undefined ? { mapping: JSON.stringify(set.mapping) } : {}),
      ...(set.preview !== undefined ? { preview: JSON.stringify(set.preview) } : {}),
      ...(set.result !== undefined ? { result: JSON.stringify(set.result) } : {}),
      ...(set.options !== undefined ? { options: JSON.stringify(set.options) } : {}),
      ...(set.finished ? { finished_at: nowIso() } : {}),
      ...(set.claim ? { claimed_at: nowIso(), claimed_by: set.claim } : {}),
      ...(set.clearContent ? { content: "" } : {}),
    })
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .where("status", "in", Array.isArray(from) ? from : [from])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setImportProgress(db: DbOrTrx, orgId: number, id: number, done: number, total: number): Promise<void> {
  await db
    .updateTable("supplier_imports")
    .set({ progress_done: done, progress_total: total })
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .execute();
}

/**
 * The oldest queued step of any organization (for the job runner), or a step whose server died (its
 * claim not refreshed since `staleBefore`).
 */
export async function nextQueuedImport(db: DbOrTrx, staleBefore: string) {
  return db
    .selectFrom("supplier_imports")
    .select(["id", "org_id", "status"])
    .where((eb) =>
      eb.or([
        eb("status", "in", ["check_queued", "commit_queued"]),
        eb.and([eb("status", "in", ["checking", "committing"]), eb("claimed_at", "<", staleBefore)]),
      ]),
    )
    .orderBy("id")
    .limit(1)
    .executeTakeFirst();
}

export async function getRememberedMapping(db: DbOrTrx, orgId: number): Promise<Record<string, string | null> | undefined> {
  const r = await db.selectFrom("import_mappings").select("mapping").where("org_id", "=", orgId).executeTakeFirst();
  return r ? (JSON.parse(r.mapping) as Record<string, string | null>) : undefined;
}

export async function rememberMapping(db: DbOrTrx, orgId: number, mapping: Record<string, string | null>): Promise<void> {
  const json = JSON.stringify(mapping);
  const now = nowIso();
  await db
    .insertInto("import_mappings")
    .values({ org_id: orgId, mapping: json, updated_at: now })
    .onConflict((oc) => oc.column("org_id").doUpdateSet({ mapping: json, updated_at: now }))
    .execute();
}

/** The e-mail of the user who uploaded the import (the commit's audit label), if that user still exists. */
export async function importCreatorEmail(db: DbOrTrx, orgId: number, importId: number): Promise<string | undefined> {
  const r = await db
    .selectFrom("supplier_imports")
    .innerJoin("users", "users.id", "supplier_imports.created_by")
    .select("users.email")
    .where("supplier_imports.org_id", "=", orgId)
    .where("supplier_imports.id", "=", importId)
    .executeTakeFirst();
  return r?.email;
}

/** The heartbeat of a server's running import steps (any organization: the job runner's view). */
export async function heartbeatImports(db: DbOrTrx, holder: string, at: string): Promise<number> {
  const r = await db
    .updateTable("supplier_imports")
    .set({ claimed_at: at })
    .where("status", "in", ["checking", "committing"])
    .where("claimed_by", "=", holder)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * A server shutting down queues its running steps again: a check only reads, and a commit is one
 * transaction that the shutdown rolled back, so running either again is safe.
 */
export async function releaseImports(db: DbOrTrx, holder: string): Promise<number> {
  let n = 0;
  for (const [from, to] of [
    ["checking", "check_queued"],
    ["committing", "commit_queued"],
  ] as const) {
    const r = await db
      .updateTable("supplier_imports")
      .set({ status: to, claimed_at: null, claimed_by: null })
      .where("status", "=", from)
      .where("claimed_by", "=", holder)
      .executeTakeFirst();
    n += Number(r.numUpdatedRows);
  }
  return n;
}
