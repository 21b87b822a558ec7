// Grievance cases of the worker-voice channel, their thread with the reporter, officers' notes and
// remedies. Every function takes the organisation and filters by it. Nothing here reads or writes a
// reporter's address, user agent or cookie: the tables have no such column.
import { sql } from "kysely";
import type { DbOrTrx } from "./types";

export interface NewCase {
  channelId: number;
  supplierId: number;
  caseNumber: string;
  passphraseHash: string;
  language: string;
  category: string;
  happened: string;
  details: string | null;
  detailsHash: string;
  repeatOf: number | null;
  at: string;
}

export async function insertCase(db: DbOrTrx, orgId: number, c: NewCase): Promise<number> {
  const r = await db
    .insertInto("grievance_cases")
    .values({
      org_id: orgId,
      channel_id: c.channelId,
      supplier_id: c.supplierId,
      case_number: c.caseNumber,
      passphrase_hash: c.passphraseHash,
      language: c.language,
      category: c.category,
      happened: c.happened,
      details: c.details,
      details_hash: c.detailsHash,
      repeat_of: c.repeatOf,
      status: "received",
      received_at: c.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function caseNumberTaken(db: DbOrTrx, orgId: number, caseNumber: string): Promise<boolean> {
  const r = await db
    .selectFrom("grievance_cases")
    .select("id")
    .where("org_id", "=", orgId)
    .where("case_number", "=", caseNumber)
    .executeTakeFirst();
  return r !== undefined;
}

/** The first case of the same channel with the same category and text since `sinceIso` (repeats are grouped under it). */
export async function firstRepeat(db: DbOrTrx, orgId: number, channelId: number, detailsHash: string, sinceIso: string) {
  const r = await db
    .selectFrom("grievance_cases")
    .select(["id", "repeat_of"])
    .where("org_id", "=", orgId)
    .where("channel_id", "=", channelId)
    .where("details_hash", "=", detailsHash)
    .where("received_at", ">=", sinceIso)
    .orderBy("id")
    .executeTakeFirst();
  return r ? (r.repeat_of ?? r.id) : null;
}

const CASE_COLUMNS = [
  "g.id",
  "g.case_number as caseNumber",
  "g.supplier_id as supplierId",
  "s.name as supplierName",
  "s.country as supplierCountry",
  "g.channel_id as channelId",
  "g.language",
  "g.category",
  "g.happened",
  "g.details",
  "g.repeat_of as repeatOf",
  "g.severity",
  "g.status",
  "g.assignee_user_id as assigneeUserId",
  "u.name as assigneeName",
  "g.received_at as receivedAt",
  "g.acknowledged_at as acknowledgedAt",
  "g.decided_at as decidedAt",
  "g.substantiated_at as substantiatedAt",
  "g.closed_at as closedAt",
  "g.followup_due_at as followupDueAt",
  "g.followup_done_at as followupDoneAt",
  "g.delete_after as deleteAfter",
  "g.redacted_at as redactedAt",
  "g.version",
] as const;

function cases(db: DbOrTrx, orgId: number) {
  return db
    .selectFrom("grievance_cases as g")
    .innerJoin("suppliers as s", (j) => j.onRef("s.id", "=", "g.supplier_id").onRef("s.org_id", "=", "g.org_id"))
    .leftJoin("users as u", "u.id", "g.assignee_user_id")
    .where("g.org_id", "=", orgId);
}

export async function getCase(db: DbOrTrx, orgId: number, id: number) {
  return cases(db, orgId)
    .select([...CASE_COLUMNS])
    .where("g.id", "=", id)
    .executeTakeFirst();
}
export type CaseRecord = NonNullable<Awaited<ReturnType<typeof getCase>>>;

/** The case a reporter names, with its passphrase hash (checked by the service). */
export async function caseByNumber(db: DbOrTrx, orgId: number, caseNumber: string) {
  return cases(db, orgId)
    .select([...CASE_COLUMNS, "g.passphrase_hash as passphraseHash"])
    .where("g.case_number", "=", caseNumber)
    .executeTakeFirst();
}

export interface CaseFilter {
  status?: string;
  supplierId?: number;
  open?: boolean;
}

/** Cases, newest first; repeats are folded under their first case (repeats counts them). */
export async function listCases(db: DbOrTrx, orgId: number, f: CaseFilter, openStatuses: readonly string[]) {
  return cases(db, orgId)
    .select([...CASE_COLUMNS])
    .select((eb) =>
      eb
        .selectFrom("grievance_cases as r")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("r.repeat_of", "=", "g.id")
        .where("r.org_id", "=", orgId)
        .as("repeats"),
    )
    .where("g.repeat_of", "is", null)
    .$if(f.status !== undefined, (q) => q.where("g.status", "=", f.status!))
    .$if(f.supplierId !== undefined, (q) => q.where("g.supplier_id", "=", f.supplierId!))
    .$if(f.open === true, (q) => q.where("g.status", "in", [...openStatuses]))
    .orderBy("g.id", "desc")
    .limit(500)
    .execute();
}

export async function repeatsOf(db: DbOrTrx, orgId: number, id: number) {
  return db
    .selectFrom("grievance_cases")
    .select(["id", "case_number as caseNumber", "received_at as receivedAt", "status"])
    .where("org_id", "=", orgId)
    .where("repeat_of", "=", id)
    .orderBy("id")
    .execute();
}

export type CaseChanges = Partial<{
  status: string;
  category: string;
  severity: string | null;
  supplier_id: number;
  assignee_user_id: number | null;
  acknowledged_at: string | null;
  decided_at: string | null;
  substantiated_at: string | null;
  closed_at: string | null;
  followup_due_at: string | null;
  followup_done_at: string | null;
  delete_after: string | null;
  details: string | null;
  redacted_at: string | null;
}>;

/** Applies the changes if the case is still at `version`; false when someone changed it meanwhile. */
export async function updateCaseIfVersion(db: DbOrTrx, orgId: number, id: number, version: number, changes: CaseChanges) {
  const r = await db
    .updateTable("grievance_cases")
    .set({ ...changes, version: sql<number>`version + 1` })
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertMessage(
  db: DbOrTrx,
  orgId: number,
  m: { caseId: number; fromReporter: boolean; authorUserId: number | null; body: string; at: string },
): Promise<void> {
  await db
    .insertInto("grievance_messages")
    .values({
      org_id: orgId,
      case_id: m.caseId,
      from_reporter: m.fromReporter ? 1 : 0,
      author_user_id: m.authorUserId,
      body: m.body,
      created_at: m.at,
    })
    .execute();
}

export async function messagesOf(db: DbOrTrx, orgId: number, caseId: number) {
  const rows = await db
    .selectFrom("grievance_messages")
    .select(["id", "from_reporter as fromReporter", "body", "created_at as createdAt"])
    .where("org_id", "=", orgId)
    .where("case_id", "=", caseId)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ ...r, fromReporter: r.fromReporter === 1 }));
}

/** Removes the reporter's words from the case and its thread (an officer's redaction). */
export async function redactCaseTexts(db: DbOrTrx, orgId: number, caseId: number): Promise<void> {
  await db
    .updateTable("grievance_messages")
    .set({ body: null })
    .where("org_id", "=", orgId)
    .where("case_id", "=", caseId)
    .where("from_reporter", "=", 1)
    .execute();
}

export async function insertNote(
  db: DbOrTrx,
  orgId: number,
  n: { caseId: number; kind: string; authorUserId: number | null; authorLabel: string; body: string | null; at: string },
): Promise<void> {
  await db
    .insertInto("grievance_notes")
    .values({
      org_id: orgId,
      case_id: n.caseId,
      kind: n.kind,
      author_user_id: n.authorUserId,
      author_label: n.authorLabel,
      body: n.body,
      created_at: n.at,
    })
    .execute();
}

export async function notesOf(db: DbOrTrx, orgId: number, caseId: number) {
  return db
    .selectFrom("grievance_notes")
    .select(["id", "kind", "author_label as authorLabel", "body", "created_at as createdAt"])
    .where("org_id", "=", orgId)
    .where("case_id", "=", caseId)
    .orderBy("id")
    .execute();
}

export interface NewRemedy {
  caseId: number;
  kind: string;
  amount: string | null;
  currency: string | null;
  workers: number | null;
  deliveredOn: string;
  evidence: string | null;
  createdBy: number | null;
  at: string;
}

export async function insertRemedy(db: DbOrTrx, orgId: number, r: NewRemedy): Promise<void> {
  await db
    .insertInto("grievance_remedies")
    .values({
      org_id: orgId,
      case_id: r.caseId,
      kind: r.kind,
      amount: r.amount,
      currency: r.currency,
      workers: r.workers,
      delivered_on: r.deliveredOn,
      evidence: r.evidence,
      created_by: r.createdBy,
      created_at: r.at,
    })
    .execute();
}

export async function remediesOf(db: DbOrTrx, orgId: number, caseId: number) {
  return db
    .selectFrom("grievance_remedies")
    .select(["id", "kind", "amount", "currency", "workers", "delivered_on as deliveredOn", "evidence", "created_at as createdAt"])
    .where("org_id", "=", orgId)
    .where("case_id", "=", caseId)
    .orderBy("id")
    .execute();
}

/** Internal corrective actions opened from this case. */
export async function actionsOfCase(db: DbOrTrx, orgId: number, caseId: number) {
  return db
    .selectFrom("corrective_actions")
    .select(["id", "title", "status"])
    .where("org_id", "=", orgId)
    .where("grievance_case_id", "=", caseId)
    .orderBy("id")
    .execute();
}

/** Closed cases past their retention date, of every organisation (the periodic purge, a crossing path). */
export async function deleteExpiredCases(db: DbOrTrx, nowIso: string): Promise<number> {
  await db
    .updateTable("corrective_actions")
    .set({ grievance_case_id: null })
    .where("grievance_case_id", "in", (eb) =>
      eb.selectFrom("grievance_cases").select("id").where("status", "=", "closed").where("delete_after", "<", nowIso),
    )
    .execute();
  const r = await db.deleteFrom("grievance_cases").where("status", "=", "closed").where("delete_after", "<", nowIso).executeTakeFirst();
  return Number(r.numDeletedRows);
}
