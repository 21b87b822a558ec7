// Notes and files of a corrective action: an officer's note (with files) or a supplier's reply from
// the portal, each checked against the action's version; files checked by content, kept within the
// tenant's quota, and downloaded as attachments.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import type { OrgIdentity } from "~/lib/auth.server";
import type { SupplierIdentity } from "~/lib/supplier-session.server";
import { can } from "~/domain/permissions";
import { checkUpload, isRefusal } from "~/lib/upload/check.server";
import { downloadHeaders } from "~/domain/upload/filename";
import { env } from "~/lib/env.server";
import { log } from "~/lib/logger.server";
import { kickMailDelivery } from "~/lib/mail.server";
import { getObject, putObject, sha256Of } from "~/lib/storage.server";
import { nowIso } from "~/lib/time";
import { fail, ok, type Result } from "~/domain/result";
import { recordAudit } from "~/models/audit.server";
import { getAssessment } from "~/models/assessment.server";
import { enqueueMail } from "~/models/outbox.server";
import { getAction, orgById, possibleOwners, updateActionIfVersion, type ActionRecord } from "~/models/action.server";
import { countActionFiles, getActionFile, insertActionEvent, insertActionFile } from "~/models/action-events.server";
import type { DbOrTrx } from "~/models/types";
import { ORG_QUOTA_BYTES, orgStorageUsed } from "./evidence.server";
import {
  FORBIDDEN,
  MAX_FILES_PER_ACTION,
  MAX_FILES_PER_ENTRY,
  NOT_FOUND,
  SUPPLIER_VISIBLE,
  stale,
  type ActionActor,
} from "./actions.server";

type DB = Kysely<Database>;

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

type CheckedFile = { filename: string; mime: string; bytes: Uint8Array; sha256: string };
type NoteAdded = { version: number; eventId: number; files: number };

/** The shared upload check's refusals as problem kinds: too large, empty, or not a type we accept. */
const REFUSAL_KIND = { too_large: "too_large", empty: "invalid", wrong_type: "unsupported_type", archive: "unsupported_type" } as const;

/** Size, type (by content), count and quota of the files of one note or reply; nothing is stored here. */
export async function checkActionFiles(
  db: DbOrTrx,
  orgId: number,
  actionId: number,
  files: readonly UploadedFile[],
): Promise<Result<CheckedFile[]>> {
  if (files.length > MAX_FILES_PER_ENTRY) {
    return fail("invalid", `Attach at most ${MAX_FILES_PER_ENTRY} files at a time.`, {
      field: "files",
      messageKey: "ui.actions.too_many_files",
      params: { max: MAX_FILES_PER_ENTRY },
    });
  }
  const out: CheckedFile[] = [];
  for (const f of files) {
    // The same checks as evidence (size, type by content, Office archives); the portal catalogue's keys.
    const c = await checkUpload(f);
    if (isRefusal(c)) {
      const name = f.name.slice(0, 200) || "document";
      const messageKey = c.code === "too_large" ? "ui.upload.too_large" : c.code === "empty" ? "ui.upload.empty" : "ui.upload.wrong_type";
      return fail(REFUSAL_KIND[c.code], c.message, { field: "files", messageKey, params: { name } });
    }
    out.push({ filename: c.filename, mime: c.mime, bytes: f.bytes, sha256: sha256Of(f.bytes) });
  }
  if (!out.length) return ok(out);
  if ((await countActionFiles(db, orgId, actionId)) + out.length > MAX_FILES_PER_ACTION) {
    return fail("conflict", `An action holds at most ${MAX_FILES_PER_ACTION} files.`, {
      field: "files",
      messageKey: "ui.actions.too_many_files",
      params: { max: MAX_FILES_PER_ACTION },
    });
  }
  const added = out.reduce((n, f) => n + f.bytes.length, 0);
  if ((await orgStorageUsed(db, orgId)) + added > ORG_QUOTA_BYTES) {
    const full = `Your organization's storage for documents is full (${ORG_QUOTA_BYTES / 1024 ** 3} GB).`;
    return fail("too_large", `${full} Remove files that are no longer needed, then try again.`, {
      field: "files",
      messageKey: "ui.upload.quota",
      params: { name: out[0]!.filename },
    });
  }
  return ok(out);
}

/**
 * A note from an officer, or a reply from the supplier (portal), with optional files: one timeline
 * entry. The supplier reaches only the actions of the supplier its session's assessment is about,
 * while they are open, in progress or done. The owner is told of a supplier's reply by mail.
 */
export async function addActionNote(
  db: DB,
  actor: ActionActor,
  actionId: number,
  input: { version: number; body: string | null; files: readonly UploadedFile[] },
  ip: string | null,
): Promise<Result<NoteAdded>> {
  if (actor.kind === "officer" && !can(actor.id.role, "actions.edit")) return FORBIDDEN;
  const orgId = actor.kind === "officer" ? actor.id.org.id : actor.s.orgId;
  const label = actor.kind === "officer" ? actor.id.user.email : `supplier ${actor.s.email}`;
  const userId = actor.kind === "officer" ? actor.id.user.userId : null;
  const body = input.body?.trim() ? input.body.trim().slice(0, 4000) : null;
  if (!body && !input.files.length) {
    return fail("invalid", actor.kind === "officer" ? "Write a note or attach a file." : "Write a reply or attach a file.", {
      field: "body",
      messageKey: "ui.actions.reply_empty",
    });
  }
  const a = await reachableAction(db, actor, actionId);
  if (!a) return NOT_FOUND;
  if (a.version !== input.version) return stale(a);
  const check = await checkActionFiles(db, orgId, actionId, input.files);
  if (!check.ok) return check;
  const checked = check.value;
  // Files first, then the rows: a row never points at a missing file (content-addressed, so a
  // refused transaction leaves at most an unreferenced copy).
  for (const f of checked) await putObject(orgId, f.sha256, f.bytes);
  const result = await db.transaction().execute(async (trx): Promise<Result<NoteAdded>> => {
    const at = nowIso();
    if (!(await updateActionIfVersion(trx, orgId, actionId, input.version, {}, at))) return stale(await getAction(trx, orgId, actionId));
    const eventId = await insertActionEvent(
      trx,
      orgId,
      { actionId, kind: actor.kind === "officer" ? "note" : "supplier_reply", authorUserId: userId, authorLabel: label, body },
      at,
    );
    const fileIds: number[] = [];
    for (const f of checked) {
      fileIds.push(
        await insertActionFile(trx, orgId, {
          actionId,
          eventId,
          filename: f.filename,
          mime: f.mime,
          sizeBytes: f.bytes.length,
          sha256: f.sha256,
          uploadedBy: label,
        }),
      );
    }
    await recordAudit(trx, {
      orgId,
      actorUserId: userId,
      actorLabel: label,
      action: actor.kind === "officer" ? "action.note_added" : "action.supplier_replied",
      entity: "corrective_action",
      entityId: actionId,
      diff: {
        eventId,
        files: checked.map((f, i) => ({ fileId: fileIds[i], filename: f.filename, sha256: f.sha256, bytes: f.bytes.length })),
      },
      ip,
    });
    // Only an owner who is still a member hears of the reply (a former member's address gets nothing).
    if (actor.kind === "supplier" && a.ownerEmail && (await possibleOwners(trx, orgId)).some((o) => o.id === a.ownerUserId)) {
      const org = await orgById(trx, orgId);
      await enqueueMail(trx, {
        orgId,
        kind: "action-supplier-reply",
        to: a.ownerEmail,
        subject: `${a.supplierName} replied to a corrective action`,
        text:
          `${a.supplierName} replied to the corrective action “${a.title}”` +
          `${checked.length ? ` and attached ${checked.length === 1 ? "a file" : `${checked.length} files`}` : ""}.\n\n` +
          `Open it: ${env().appUrl}/o/${org?.slug ?? ""}/actions/${actionId}\n`,
      });
    }
    return ok({ version: input.version + 1, eventId, files: fileIds.length });
  });
  if (actor.kind === "supplier" && result.ok) kickMailDelivery(db);
  return result;
}

/** The action if this actor may write to it: an officer's own tenant; a supplier's own, visible actions. */
async function reachableAction(db: DbOrTrx, actor: ActionActor, actionId: number): Promise<ActionRecord | undefined> {
  if (actor.kind === "officer") return getAction(db, actor.id.org.id, actionId);
  const supplierId = await supplierOfSession(db, actor.s);
  if (supplierId === null) return undefined;
  const a = await getAction(db, actor.s.orgId, actionId);
  // Internal actions (opened from a worker's grievance) do not exist for the supplier.
  return a && a.supplierId === supplierId && a.grievanceCaseId === null && SUPPLIER_VISIBLE.includes(a.status) ? a : undefined;
}

async function supplierOfSession(db: DbOrTrx, s: SupplierIdentity): Promise<number | null> {
  return (await getAssessment(db, s.orgId, s.assessmentId))?.supplierId ?? null;
}

/** An action's file, always as an attachment with nosniff (never rendered inline by the browser). */
export async function downloadActionFile(
  db: DB,
  id: OrgIdentity,
  actionId: number,
  fileId: number,
): Promise<{ body: Buffer; headers: Record<string, string> } | null> {
  const f = await getActionFile(db, id.org.id, actionId, fileId);
  if (!f) return null;
  let body: Buffer;
  try {
    body = await getObject(id.org.id, f.storageKey);
  } catch (e) {
    log.error("action file missing from storage", {
      orgId: id.org.id,
      actionId,
      fileId,
      error: e instanceof Error ? e.message : String(e),
    });
    return null;
  }
  return { body, headers: downloadHeaders(f, body.length) };
}
