// Audit findings become corrective actions (the existing workflow), one per finding, opened when the
// finding is recorded (typed or imported): the finding is the auditor's word, so there is nothing to
// decide before acting on it. The action's rules follow the finding (domain/site-audit/findings.ts):
// a critical finding (zero tolerance, RBA priority) opens as critical, due in 7 days, and its owner is
// mailed at once through the outbox; a wage or hours finding cannot be verified until payroll or time
// records for two calendar months after the finding's date are attached (attachRecord below).
import type { Kysely } from "kysely";
import type { Database, RecordKind } from "~db/types";
import type { OrgIdentity } from "~/lib/auth.server";
import { addDays } from "~/domain/dates";
import { can } from "~/domain/permissions";
import { fail, ok, type Result } from "~/domain/result";
import { indicatorLabel } from "~/domain/risk/labels";
import { isFlagIndicator } from "~/domain/questionnaire/types";
import { actionForFinding, isMonth, type FindingInput } from "~/domain/site-audit/findings";
import { env } from "~/lib/env.server";
import { putObject } from "~/lib/storage.server";
import { nowIso } from "~/lib/time";
import { getAction, insertAction, updateActionIfVersion } from "~/models/action.server";
import { insertActionEvent, insertActionFile } from "~/models/action-events.server";
import { insertActionRecord } from "~/models/audit-finding-records.server";
import { recordAudit } from "~/models/audit.server";
import { enqueueMail } from "~/models/outbox.server";
import type { DbOrTrx } from "~/models/types";
import { checkActionFiles, type UploadedFile } from "./action-notes.server";

type DB = Kysely<Database>;

function findingTitle(f: FindingInput): string {
  const topic = f.indicator && isFlagIndicator(f.indicator) ? indicatorLabel(f.indicator) : (f.principle ?? "");
  const t = `${f.severityLabel} audit finding${topic ? ` (${topic})` : ""}: ${f.description}`;
  return t.length > 200 ? `${t.slice(0, 199)}…` : t;
}

/**
 * Opens the action of each new finding inside the caller's transaction; the acting officer owns them.
 * Critical ones mail the owner now (the outbox delivers after commit). Returns the action ids.
 */
export async function openFindingActions(
  trx: DbOrTrx,
  id: OrgIdentity,
  audit: { id: number; supplierId: number; supplierName: string; label: string },
  findings: readonly { id: number; input: FindingInput }[],
  ip: string | null,
  now: Date,
): Promise<number[]> {
  const at = nowIso(now);
  const ids: number[] = [];
  for (const { id: findingId, input } of findings) {
    const rule = actionForFinding(input);
    const dueAt = addDays(now, rule.dueDays);
    const details = [`From ${audit.label}.`, input.recommendation ? `Auditor's recommended fix: ${input.recommendation}` : null]
      .filter(Boolean)
      .join("\n");
    const actionId = await insertAction(
      trx,
      id.org.id,
      {
        supplierId: audit.supplierId,
        assessmentId: null,
        source: rule.source,
        questionKey: null,
        indicator: input.indicator,
        severity: rule.severity,
        answer: undefined,
        title: findingTitle(input),
        details,
        ownerUserId: id.user.userId,
        dueAt,
        createdBy: id.user.userId,
        auditFindingId: findingId,
        verifyRule: rule.verifyRule,
      },
      at,
    );
    const body = rule.verifyRule
      ? "Opened by an audit finding on wages or hours: it can be verified once two calendar months of new records are attached."
      : "Opened by an audit finding.";
    await insertActionEvent(
      trx,
      id.org.id,
      { actionId, kind: "created", authorUserId: id.user.userId, authorLabel: id.user.email, body },
      at,
    );
    await recordAudit(trx, {
      orgId: id.org.id,
      actorUserId: id.user.userId,
      actorLabel: id.user.email,
      action: "action.opened",
      entity: "corrective_action",
      entityId: actionId,
      diff: { auditId: audit.id, findingId, supplierId: audit.supplierId, severity: rule.severity, verifyRule: rule.verifyRule, dueAt },
      ip,
    });
    if (rule.mailOwnerNow) {
      await enqueueMail(trx, {
        orgId: id.org.id,
        kind: "action-critical-finding",
        to: id.user.email,
        subject: `Critical audit finding at ${audit.supplierName}: act within ${rule.dueDays} days`,
        text:
          `${audit.label} recorded a ${input.severityLabel.toLowerCase()} finding at ${audit.supplierName}:\n\n${input.description}\n\n` +
          `You own the corrective action, due ${dueAt}: ${env().appUrl}/o/${id.org.slug}/actions/${actionId}\n`,
      });
    }
    ids.push(actionId);
  }
  return ids;
}

/**
 * Attaches one payroll or time record (a file and the month it covers) to an action with a records
 * rule: checked like every action file, one timeline entry, audited.
 */
export async function attachRecord(
  db: DB,
  id: OrgIdentity,
  actionId: number,
  input: { version: number; kind: RecordKind; month: string; file: UploadedFile | null },
  ip: string | null,
): Promise<Result<{ version: number }>> {
  if (!can(id.role, "actions.edit")) return fail("forbidden", "Your role does not allow changing corrective actions.");
  if (!isMonth(input.month)) return fail("invalid", "Give the month the record covers (yyyy-mm).", { field: "month" });
  if (!input.file) return fail("invalid", "Choose the record's file.", { field: "files" });
  const a = await getAction(db, id.org.id, actionId);
  if (!a) return fail("not_found", "No such action", { messageKey: "ui.error.not_found" });
  if (a.verifyRule !== "records_two_months") return fail("invalid", "This action does not ask for payroll or time records.");
  if (a.status === "verified") return fail("conflict", "This action is verified: it is closed for good and can no longer change.");
  if (a.version !== input.version) {
    return fail("conflict", "Someone changed this action while you were looking at it. Nothing was saved: reload the page and try again.");
  }
  const check = await checkActionFiles(db, id.org.id, actionId, [input.file]);
  if (!check.ok) return check;
  const f = check.value[0]!;
  await putObject(id.org.id, f.sha256, f.bytes);
  return db.transaction().execute(async (trx): Promise<Result<{ version: number }>> => {
    const at = nowIso();
    if (!(await updateActionIfVersion(trx, id.org.id, actionId, input.version, {}, at))) {
      return fail(
        "conflict",
        "Someone changed this action while you were looking at it. Nothing was saved: reload the page and try again.",
      );
    }
    const words = input.kind === "payroll" ? "Payroll record" : "Time record";
    const eventId = await insertActionEvent(
      trx,
      id.org.id,
      { actionId, kind: "note", authorUserId: id.user.userId, authorLabel: id.user.email, body: `${words} for ${input.month} attached.` },
      at,
    );
    const fileId = await insertActionFile(trx, id.org.id, {
      actionId,
      eventId,
      filename: f.filename,
      mime: f.mime,
      sizeBytes: f.bytes.length,
      sha256: f.sha256,
      uploadedBy: id.user.email,
    });
    const recordId = await insertActionRecord(trx, id.org.id, { actionId, fileId, kind: input.kind, month: input.month }, at);
    await recordAudit(trx, {
      orgId: id.org.id,
      actorUserId: id.user.userId,
      actorLabel: id.user.email,
      action: "action.record_attached",
      entity: "corrective_action",
      entityId: actionId,
      diff: { recordId, fileId, kind: input.kind, month: input.month, filename: f.filename, sha256: f.sha256 },
      ip,
    });
    return ok({ version: input.version + 1 });
  });
}
